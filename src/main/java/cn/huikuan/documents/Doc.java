package cn.huikuan.documents;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A document as content, before it is a PDF: a title and a list of blocks. The templates build it from
 * the case (pure Java, testable as text); the PDF layer only lays it out. Nothing here knows iText.
 */
public record Doc(DocKind kind, String title, List<Block> blocks, List<String> notes) {
    public Doc {
        blocks = List.copyOf(blocks);
        notes = List.copyOf(notes);
    }

    public Doc(DocKind kind, String title, List<Block> blocks) {
        this(kind, title, blocks, List.of());
    }

    public sealed interface Block permits Heading, Para, Fields, Table, Checks, Signature, PageBreak, Banner, Part {
    }

    /** A numbered or plain section heading. */
    public record Heading(String text) implements Block {
    }

    public enum Style { BODY, INDENT, RIGHT, CENTER, NOTE }

    public record Para(String text, Style style) implements Block {
        public Para(String text) {
            this(text, Style.INDENT);
        }
    }

    /** Label–value rows (a form): the element-style complaint is made of these. */
    public record Fields(List<Field> rows) implements Block {
        public Fields {
            rows = List.copyOf(rows);
        }
    }

    public record Field(String label, String value) {
    }

    /** A grid with a header row; {@code widths} are relative; {@code right} marks columns of figures. */
    public record Table(List<String> header, float[] widths, List<List<String>> rows, boolean[] right, float[] fontSizes) implements Block {
        public Table(List<String> header, float[] widths, List<List<String>> rows, boolean[] right) {
            this(header, widths, rows, right, null);
        }

        public Table {
            if (fontSizes != null && fontSizes.length != header.size()) throw new IllegalArgumentException("font sizes must match the header");
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            if (widths.length != header.size() || right.length != header.size()) {
                throw new IllegalArgumentException("widths and alignments must match the header");
            }
            for (List<String> r : rows) {
                if (r.size() != header.size()) throw new IllegalArgumentException("row has " + r.size() + " cells, header " + header.size());
            }
        }
    }

    /** A line of tick boxes: "□ 同意 □ 部分同意 …". */
    public record Checks(String prompt, List<String> options) implements Block {
    }

    /** Right-aligned signature lines (name, seal, date). */
    public record Signature(List<String> lines) implements Block {
    }

    public record PageBreak() implements Block {
    }

    /** A framed notice above the body, e.g. "副本". */
    public record Banner(String text) implements Block {
    }

    /**
     * Starts a part of its own: a new page, its own title, and page numbers counted within it ("第 1 页 / 共 3 页"), as the
     * defendant's copy of a complaint is (issue 18).
     */
    public record Part(String title) implements Block {
    }

    /** All the words of the document in reading order, for tests and for the preview's search. */
    public String plainText() {
        List<String> out = new ArrayList<>();
        out.add(title);
        for (Block b : blocks) {
            if (b instanceof Heading h) out.add(h.text());
            else if (b instanceof Para p) out.add(p.text());
            else if (b instanceof Fields f) f.rows().forEach(r -> out.add(r.label() + " " + r.value()));
            else if (b instanceof Table t) {
                out.add(String.join(" ", t.header()));
                t.rows().forEach(r -> out.add(String.join(" ", r)));
            } else if (b instanceof Checks c) {
                out.add(c.prompt() + " " + c.options().stream().map(o -> "□" + o).collect(Collectors.joining(" ")));
            } else if (b instanceof Signature s) out.addAll(s.lines());
            else if (b instanceof Banner n) out.add(n.text());
            else if (b instanceof Part pt) out.add(pt.title());
        }
        return String.join("\n", out);
    }

    /** Builds a document block by block. */
    public static final class Builder {
        private final DocKind kind;
        private final String title;
        private final List<Block> blocks = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        public Builder(DocKind kind, String title) {
            this.kind = kind;
            this.title = title;
        }

        public Builder heading(String text) {
            blocks.add(new Heading(text));
            return this;
        }

        public Builder para(String text) {
            blocks.add(new Para(text));
            return this;
        }

        public Builder para(String text, Style style) {
            blocks.add(new Para(text, style));
            return this;
        }

        public Builder fields(List<Field> rows) {
            if (!rows.isEmpty()) blocks.add(new Fields(rows));
            return this;
        }

        public Builder block(Block b) {
            blocks.add(b);
            return this;
        }

        public Builder checks(String prompt, String... options) {
            blocks.add(new Checks(prompt, List.of(options)));
            return this;
        }

        public Builder signature(String... lines) {
            blocks.add(new Signature(List.of(lines)));
            return this;
        }

        public Builder pageBreak() {
            blocks.add(new PageBreak());
            return this;
        }

        public Builder banner(String text) {
            blocks.add(new Banner(text));
            return this;
        }

        /**
         * A note for the user (a drafting hint, a warning, a 「说明」): shown in the export dialog and on the command line's
         * standard error, never printed in a document that is filed or signed by the other side (issue 18).
         */
        public Builder note(String text) {
            notes.add(text);
            return this;
        }

        public Builder part(String title) {
            blocks.add(new Part(title));
            return this;
        }

        public Doc build() {
            return new Doc(kind, title, blocks, notes);
        }
    }
}
