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
 * <p>A cell that wraps (a long 对方户名 or 摘要 on two or more lines): a line after the header that has text only in the
 * payer, account and summary columns ({@link StatementReader#continuation}) and stands on the same page near a row
 * (baselines within {@link #NEAR_PITCH} line heights, line after line) is that row's text continued: joined to the row
 * above it when the table's cells are top-aligned, to the one below when the other cells stand level with a later line
 * of the wrapped cell (centred); where lines chain from one row to the next, the widest gap divides them. Its own row number is
 * then an empty row, so rows keep counting the lines of text. Without positions ({@link #line(List)}), or farther away,
 * such a line is a row of its own, which has no date and is passed over as a footer is; so is the header repeated on
 * each page, and a page's footer.
 */
public final class TextTable {
    /** A word of a line and where it stands, left edge {@code x0} and right edge {@code x1}, in any unit. */
    public record Word(double x0, double x1, String text) {
    }

    /** Words on one line at most (a statement has a dozen columns; more is not a table). */
    public static final int MAX_WORDS = 1_000;
    /** The text of a cell at most (Excel's limit, as for every other statement). */
    public static final int MAX_CELL_CHARS = 32_767;

    /**
     * How far apart the baselines of one cell's lines may be, in the lines' heights (PDFBox's glyph height, about half
     * the font size: a cell's lines at 1.25 times the font size are some 2.5 heights apart).
     */
    public static final double NEAR_PITCH = 3.0;

    private final StatementReader reader;
    private List<Word> header;
    /** A row read but not yet handed on (a wrapped cell's next line may follow it), and the continuation lines after it. */
    private Held held;
    private final List<Held> continued = new ArrayList<>();

    private static final class Held {
        final String[] cells;
        final int page;
        final double top, bottom;
        boolean joined;

        Held(String[] cells, int page, double top, double bottom) {
            this.cells = cells;
            this.page = page;
            this.top = top;
            this.bottom = bottom;
        }

        double height() {
            return bottom - top;
        }
    }

    public TextTable(StatementReader reader) {
        this.reader = reader;
    }

    /** The next line of text, its words in any order, without its position (no wrapped cells are joined). */
    public void line(List<Word> words) {
        line(words, 0, Double.NaN, Double.NaN);
    }

    /**
     * The next line of text, its words in any order, on page {@code page}; {@code top} and {@code bottom} where it stands
     * (any unit growing down the page, the words' unit), for joining a wrapped cell's lines. Call {@link #finish()} after the last.
     */
    public void line(List<Word> words, int page, double top, double bottom) {
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
            cells[c] = checked(cells[c] == null ? w.text() : cells[c] + " " + w.text());
        }
        for (int i = 0; i < cells.length; i++) if (cells[i] == null) cells[i] = "";
        Held row = new Held(cells, page, top, bottom);
        boolean placed = !Double.isNaN(top) && !Double.isNaN(bottom) && bottom > top;
        if (placed && reader.continuation(Arrays.asList(cells))) {
            continued.add(row);
            return;
        }
        settle(placed ? row : null);
        if (placed) held = row;
        else reader.accept(Arrays.asList(cells));
    }

    /** Hands on the last row held and what continues it. */
    public void finish() {
        settle(null);
    }

    /**
     * Joins the continuation lines to the held row above them or to {@code next} below them. The lines form chains: two
     * neighbours (row or continuation) whose baselines are at most {@link #NEAR_PITCH} of their height apart, on one page,
     * are one cell's lines. A line chained to the held row only joins it, to {@code next} only joins that; when the chain
     * runs from one row to the other, it is cut at its widest gap (between two rows is more room than between a cell's
     * lines). A line chained to neither stays a row of its own. Then the held row and the lines are handed on.
     */
    private void settle(Held next) {
        int n = continued.size();
        if (n > 0) {
            List<Held> seq = new ArrayList<>(n + 2);
            seq.add(held);
            seq.addAll(continued);
            seq.add(next);
            double[] gap = new double[n + 1];        // gap[i]: between seq[i] and seq[i + 1]; infinite when not chained
            for (int i = 0; i <= n; i++) gap[i] = pitch(seq.get(i), seq.get(i + 1));
            int from = 0;
            while (from < n) {
                // a run of continuation lines from index from (in continued) whose inner gaps are all chained
                int to = from;
                while (to + 1 < n && gap[to + 1] != Double.MAX_VALUE) to++;
                boolean up = gap[from] != Double.MAX_VALUE, down = gap[to + 1] != Double.MAX_VALUE;
                int cut;                                // lines from..cut-1 go up, cut..to go down
                if (up && down) {
                    cut = from;
                    double widest = -1;
                    for (int g = from; g <= to + 1; g++) {
                        if (gap[g] > widest) {
                            widest = gap[g];
                            cut = g;
                        }
                    }
                } else cut = up ? to + 1 : from;
                for (int i = from; i <= to; i++) {
                    Held c = continued.get(i);
                    if (i < cut && up) {
                        join(held.cells, c.cells, false);
                        c.joined = true;
                    }
                }
                for (int i = to; i >= from; i--) {
                    Held c = continued.get(i);
                    if (i >= cut && down) {
                        join(next.cells, c.cells, true);
                        c.joined = true;
                    }
                }
                from = to + 1;
            }
        }
        if (held != null) reader.accept(Arrays.asList(held.cells));
        for (Held c : continued) reader.accept(c.joined ? Arrays.asList(new String[c.cells.length]) : Arrays.asList(c.cells));
        held = null;
        continued.clear();
    }

    /** How far apart two lines' baselines are, when they are near enough to be one cell's lines; else {@link Double#MAX_VALUE}. */
    private static double pitch(Held a, Held b) {
        if (a == null || b == null || a.page != b.page) return Double.MAX_VALUE;
        double d = b.bottom - a.bottom;
        return d > 0 && d <= NEAR_PITCH * Math.max(a.height(), b.height()) ? d : Double.MAX_VALUE;
    }

    /** The continuation's text added to the row's cells, after them ({@code before}: before them); no space between ideographs. */
    private void join(String[] row, String[] more, boolean before) {
        for (int i = 0; i < row.length; i++) {
            if (more[i] == null || more[i].isBlank()) continue;
            String a = before ? more[i] : row[i], b = before ? row[i] : more[i];
            if (a == null || a.isEmpty()) row[i] = checked(b);
            else if (b == null || b.isEmpty()) row[i] = checked(a);
            else row[i] = checked(a + (spaced(a.charAt(a.length() - 1), b.charAt(0)) ? " " : "") + b);
        }
    }

    /** Whether two pieces of a wrapped cell are joined with a space: between letters or digits of Latin script, yes; beside a Chinese character or punctuation, no. */
    private static boolean spaced(char last, char first) {
        return last < 0x2E80 && first < 0x2E80 && Character.isLetterOrDigit(last) && Character.isLetterOrDigit(first);
    }

    private String checked(String t) {
        if (t.length() > MAX_CELL_CHARS) {
            throw new StatementRefused("第 " + (reader.rowsRead() + 1) + " 行有一格超过 " + MAX_CELL_CHARS + " 个字符 / line " + (reader.rowsRead() + 1)
                    + " has a cell longer than " + String.format(Locale.ROOT, "%,d", MAX_CELL_CHARS) + " characters");
        }
        return t;
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
