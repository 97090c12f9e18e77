package cn.huikuan.statements;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A statement printed as text (a bank's 交易明细 as a PDF, issue 23) turned into the rows a {@link StatementReader}
 * reads: one line of text is one row. Until the header is found, a line's words are its cells (the header is found by
 * its names as in any file); after it, each word goes to the column of the header word it stands under (the one it
 * overlaps most, else the nearest), and the words of one column are joined with a space (a date and its time, a name
 * in several words). Plain Java: the caller reads the PDF.
 *
 * <p>One line per transaction: a table whose cells wrap onto a second line gives that second line as a row of its own,
 * which has no date and is passed over as a footer is; so is the header repeated on each page, and a page's footer.
 */
public final class TextTable {
    /** A word of a line and where it stands, left edge {@code x0} and right edge {@code x1}, in any unit. */
    public record Word(double x0, double x1, String text) {
    }

    /** Words on one line at most (a statement has a dozen columns; more is not a table). */
    public static final int MAX_WORDS = 1_000;
    /** The text of a cell at most (Excel's limit, as for every other statement). */
    public static final int MAX_CELL_CHARS = 32_767;

    private final StatementReader reader;
    private List<Word> header;

    public TextTable(StatementReader reader) {
        this.reader = reader;
    }

    /** The next line of text, its words in any order. */
    public void line(List<Word> words) {
        if (words.size() > MAX_WORDS) {
            throw new StatementRefused("第 " + (reader.rowsRead() + 1) + " 行有超过 " + MAX_WORDS + " 个词，不像是交易明细 / line " + (reader.rowsRead() + 1)
                    + " has more than " + String.format(Locale.ROOT, "%,d", MAX_WORDS) + " words: not a statement's table");
        }
        List<Word> sorted = phrases(words);
        if (header == null) {
            reader.accept(sorted.stream().map(Word::text).toList());
            if (reader.hasHeader()) header = sorted;
            return;
        }
        String[] cells = new String[header.size()];
        for (Word w : sorted) {
            int c = column(w);
            String t = cells[c] == null ? w.text() : cells[c] + " " + w.text();
            if (t.length() > MAX_CELL_CHARS) {
                throw new StatementRefused("第 " + (reader.rowsRead() + 1) + " 行有一格超过 " + MAX_CELL_CHARS + " 个字符 / line " + (reader.rowsRead() + 1)
                        + " has a cell longer than " + String.format(Locale.ROOT, "%,d", MAX_CELL_CHARS) + " characters");
            }
            cells[c] = t;
        }
        reader.accept(Arrays.stream(cells).map(s -> s == null ? "" : s).toList());
    }

    /**
     * The words left to right, those closer than a character's width joined with a space: the words of one cell (a date
     * and its time, a name in several words) are a space apart, cells much more. Then a long name that reaches past its
     * header is still one phrase that stands under it.
     */
    static List<Word> phrases(List<Word> words) {
        List<Word> sorted = new ArrayList<>(words);
        sorted.sort((a, b) -> Double.compare(a.x0(), b.x0()));
        List<Word> out = new ArrayList<>();
        for (Word w : sorted) {
            if (w.text().isBlank()) continue;
            Word last = out.isEmpty() ? null : out.get(out.size() - 1);
            double gap = last == null ? 0 : w.x0() - last.x1(), width = last == null ? 0 : Math.min(charWidth(last), charWidth(w));
            if (last != null && gap < width) {
                // glyphs that touch are one word (a PDF may show a word in pieces); a gap is a space
                String joined = last.text() + (gap < width * 0.15 ? "" : " ") + w.text().strip();
                out.set(out.size() - 1, new Word(last.x0(), Math.max(last.x1(), w.x1()), joined));
            } else {
                out.add(new Word(w.x0(), w.x1(), w.text().strip()));
            }
        }
        return out;
    }

    private static double charWidth(Word w) {
        int n = w.text().strip().codePointCount(0, w.text().strip().length());
        return n == 0 ? 0 : (w.x1() - w.x0()) / n;
    }

    /** The header word {@code w} stands under: the one it overlaps most, else the one whose middle is nearest its middle. */
    int column(Word w) {
        int best = -1;
        double most = 0;
        for (int i = 0; i < header.size(); i++) {
            Word h = header.get(i);
            double overlap = Math.min(w.x1(), h.x1()) - Math.max(w.x0(), h.x0());
            if (overlap > most) {
                most = overlap;
                best = i;
            }
        }
        if (best >= 0) return best;
        double mid = (w.x0() + w.x1()) / 2, nearest = Double.MAX_VALUE;
        for (int i = 0; i < header.size(); i++) {
            Word h = header.get(i);
            double d = Math.abs((h.x0() + h.x1()) / 2 - mid);
            if (d < nearest) {
                nearest = d;
                best = i;
            }
        }
        return best;
    }
}
