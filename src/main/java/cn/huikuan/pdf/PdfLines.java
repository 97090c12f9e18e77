package cn.huikuan.pdf;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The text of a PDF from outside as lines of words with their horizontal positions (PDFBox, sorted by position), for a
 * table printed as text: a bank's 交易明细 (issue 23). A word is what PDFBox takes for one (text between gaps wider than
 * a space); its position lets the caller put it under the header it stands beneath. A PDF that opens without a password
 * is read (banks often set an owner password that only forbids editing); one that needs a password to open, or is
 * damaged, is refused with a sentence. At most {@code maxPages} pages: more is refused, never read in part; what the pages
 * unpack to is checked first ({@link PdfInflation}: a compression bomb is refused).
 */
public final class PdfLines {
    /** A word and where it stands on its line: from {@code x0} to {@code x1}, in points from the page's left edge. */
    public record Word(float x0, float x1, String text) {
    }

    /**
     * One line of text on page {@code page} (1-based), its words left to right; {@code top} and {@code bottom}: the highest
     * glyph top and the lowest baseline of its words, in points from the page's top edge (where a cell's second line is).
     */
    public record Line(int page, List<Word> words, float top, float bottom) {
        public Line(int page, List<Word> words) {
            this(page, words, Float.NaN, Float.NaN);
        }
    }

    /** What was read: the lines of every page in reading order, and how many pages the PDF has. */
    public record Text(List<Line> lines, int pages) {
        /** Whether any page has any text at all (a scan has none). */
        public boolean hasText() {
            return lines.stream().anyMatch(l -> l.words().stream().anyMatch(w -> !w.text().isBlank()));
        }
    }

    /** Too many pages for what the caller reads. */
    public static final class TooManyPages extends RuntimeException {
        public final int pages;

        TooManyPages(int pages) {
            super("pages: " + pages);
            this.pages = pages;
        }
    }

    private PdfLines() {
    }

    public static Text of(Path pdf, int maxPages) {
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            int pages = doc.getNumberOfPages();
            if (pages > maxPages) throw new TooManyPages(pages);
            PdfInflation.check(doc, pages, PdfInflation.STATEMENT);
            Collector c = new Collector();
            c.setSortByPosition(true);
            c.setStartPage(1);
            c.setEndPage(pages);
            c.getText(doc);
            c.endLine();
            return new Text(List.copyOf(c.lines), pages);
        } catch (org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException e) {
            throw new PdfText.Unreadable("PDF 文件设有打开密码，无法读取文字 / the PDF needs a password to open: its text cannot be read", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof TooManyPages t) throw t;
            if (e instanceof PdfText.Unreadable u) throw u;
            throw new PdfText.Unreadable("PDF 文件已损坏，无法读取文字 / the PDF is damaged: its text cannot be read (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** PDFBox's text stripper, keeping each word with its positions instead of writing text. */
    private static final class Collector extends PDFTextStripper {
        final List<Line> lines = new ArrayList<>();
        private List<Word> words = new ArrayList<>();
        private float top = Float.MAX_VALUE, bottom = -Float.MAX_VALUE;

        Collector() throws IOException {
        }

        @Override
        protected void writeString(String text, List<TextPosition> positions) {
            if (text.isEmpty() || positions.isEmpty()) return;
            float x0 = Float.MAX_VALUE, x1 = -Float.MAX_VALUE;
            for (TextPosition p : positions) {
                x0 = Math.min(x0, p.getXDirAdj());
                x1 = Math.max(x1, p.getXDirAdj() + p.getWidthDirAdj());
                top = Math.min(top, p.getYDirAdj() - p.getHeightDir());
                bottom = Math.max(bottom, p.getYDirAdj());
            }
            words.add(new Word(x0, x1, text));
        }

        @Override
        protected void writeLineSeparator() {
            endLine();
        }

        @Override
        protected void writeWordSeparator() {
            // the words are kept apart already
        }

        @Override
        protected void writePageEnd() throws IOException {
            endLine();
            super.writePageEnd();
        }

        void endLine() {
            if (!words.isEmpty()) lines.add(new Line(getCurrentPageNo(), List.copyOf(words), top, bottom));
            words = new ArrayList<>();
            top = Float.MAX_VALUE;
            bottom = -Float.MAX_VALUE;
        }
    }
}
