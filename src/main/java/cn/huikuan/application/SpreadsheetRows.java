package cn.huikuan.application;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.StandardCopyOption;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadingOptions;

/**
 * Reads the rows of an .xlsx (first sheet, streamed) or .csv file (UTF-8, or GB18030 as Excel saves CSV on
 * Chinese Windows) as lists of cell texts; date cells come back as ISO dates. Anything else is refused with
 * a sentence, never guessed at; so are files no spreadsheet program writes (issue 24): cells outside Excel's
 * grid, texts longer than a cell holds, rows wider than a ledger, an .xlsx that unpacks to more than its caps,
 * a CSV whose bytes are not text in the encoding it is read in.
 */
public final class SpreadsheetRows {
    /** A file that is not a spreadsheet Huikuan can read. */
    public static final class NotASpreadsheet extends RuntimeException {
        public NotASpreadsheet(String message) {
            super(message);
        }
    }

    /** Excel's grid: columns A to XFD and rows 1 to 1,048,576. A reference beyond it is no cell of any workbook. */
    static final int EXCEL_COLUMNS = 16_384;
    static final int EXCEL_ROWS = 1_048_576;
    /** Excel's limit for the text of a cell; also the most a CSV cell may hold. */
    static final int MAX_CELL_CHARS = 32_767;
    /** Excel's limit for the text of a formula. */
    static final int MAX_FORMULA_CHARS = 8_192;
    /**
     * A row with a value beyond this column is refused: a ledger of receivables has a dozen columns, and the
     * import's column guessing looks at every header cell (a million-column header took minutes).
     */
    static final int MAX_COLUMNS = 1_000;

    /*
     * Caps on what an .xlsx may unpack to, checked before fastexcel opens it. The 100,000-row file of
     * bench import is 4.6 MB and unpacks to a 28 MB sheet and a 10 MB table of shared strings; a sheet of
     * MAX_ROWS rows of thirty columns stays below these, a zip bomb does not.
     */
    /** Any one part of the zip, unpacked (the declared size is checked, then the bytes are counted as they come). */
    static final long MAX_PART_BYTES = 256L << 20;
    /** All the parts read by the check together. */
    static final long MAX_TOTAL_BYTES = 1L << 30;
    /** Parts in the zip (a workbook has a few dozen; one per picture and sheet). */
    static final int MAX_PARTS = 10_000;
    /**
     * The longest stretch of XML from the start of one tag to the start of the next (a comment, CDATA section or
     * processing instruction inside it counts in full): every name, attribute value or text an XML reader holds
     * at once lies within one. A 32,767-character cell, every character escaped, is about 200 KB; an SVG picture
     * may hold an embedded bitmap of some megabytes in one attribute.
     */
    static final int MAX_XML_RUN = 16 << 20;
    /** Elements inside elements (a sheet nests about eight deep; each level costs the XML reader memory). */
    static final int MAX_XML_DEPTH = 1_000;
    /** fastexcel keeps every shared string it has read in memory: a one-letter one costs about 50 bytes of heap for its 17 bytes of XML. */
    static final int MAX_SHARED_STRINGS = 4_000_000;
    /** fastexcel keeps every shared or array formula's text and range, and compares each cell with every array formula. */
    static final int MAX_FORMULA_RANGES = 10_000;

    private SpreadsheetRows() {
    }

    /**
     * Calls {@code row} for every row, in order, the n-th call for the sheet's row n (an empty row of an .xlsx, which
     * the file does not hold, comes as an empty list); readers stream.
     */
    public static void read(Path file, Consumer<List<String>> row) {
        read(file, row, false);
    }

    /**
     * As {@link #read(Path, Consumer)}; with {@code xls} an old Excel .xls (an OLE2 file) is read too ({@link XlsRows}: the
     * statement import, issue 23), else it is refused with the advice to save it as .xlsx or .csv.
     */
    static void read(Path file, Consumer<List<String>> row, boolean xls) {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) throw new NotASpreadsheet("文件是空的 / the file is empty: " + file.getFileName());
        } catch (IOException e) {
            throw new NotASpreadsheet("无法读取文件 / cannot read " + file + ": " + e.getMessage());
        }
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            xlsx(file, row);
        } else if (ReadableWorkbook.isOLE2Header(head) && xls) {
            XlsRows.read(file, row);
        } else if (ReadableWorkbook.isOLE2Header(head)) {
            throw new NotASpreadsheet("这是旧版 .xls 文件：请在 Excel 或 WPS 中另存为 .xlsx 或 .csv 后再导入 / an old .xls file: save it as .xlsx or .csv first");
        } else if (looksLikeText(file)) {
            csv(file, row);
        } else {
            throw new NotASpreadsheet("不是表格文件（.xlsx 或 .csv）/ not a spreadsheet (.xlsx or .csv): " + file.getFileName());
        }
    }

    private static boolean looksLikeText(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = in.readNBytes(4096);
            for (byte x : b) {
                if (x == 0) return false;
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void xlsx(Path file, Consumer<List<String>> row) {
        try {
            XlsxCheck.check(file);
            try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new ReadingOptions(true, false));
                 var rows = wb.getFirstSheet().openStream()) {
                // an empty row is not stored in the sheet: handed on as an empty row, so that every row keeps the number
                // Excel shows for it (the import names refused rows by it)
                int[] next = {1};
                rows.forEach(r -> {
                    for (; next[0] < r.getRowNum(); next[0]++) row.accept(new ArrayList<>());
                    row.accept(cells(r));
                    next[0] = r.getRowNum() + 1;
                });
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotASpreadsheet n) throw n;
            if (e instanceof ImportService.TooManyRows t) throw t;
            throw damaged(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    static NotASpreadsheet damaged(Path file, String detail) {
        return new NotASpreadsheet("表格文件已损坏或格式不对 / the .xlsx file is damaged: " + file.getFileName() + " (" + detail + ")");
    }

    private static List<String> cells(Row r) {
        List<String> out = new ArrayList<>();
        int lastFilled = -1;
        for (int i = 0; i < r.getCellCount(); i++) {
            Cell c = r.getCell(i);
            String text = c == null ? "" : text(c);
            if (!text.isBlank()) {
                if (i >= MAX_COLUMNS) throw tooWide(r.getRowNum());
                lastFilled = i;
            }
            out.add(text);
        }
        // cells beyond MAX_COLUMNS are empty (formatted, say): they are not columns of the ledger
        return out.size() > MAX_COLUMNS ? new ArrayList<>(out.subList(0, lastFilled + 1)) : out;
    }

    private static String text(Cell c) {
        String fmt = c.getDataFormatString();
        if (c.getType() == CellType.NUMBER && fmt != null && (fmt.contains("yy") || fmt.contains("d") && fmt.contains("m")) && !fmt.contains("0.")) {
            try {
                return c.asDate().toLocalDate().toString();
            } catch (RuntimeException ignored) {
                // not a date after all: its text below
            }
        }
        String t = c.getText();
        return t == null ? "" : t;
    }

    static NotASpreadsheet tooWide(int row) {
        return new NotASpreadsheet("表格第 " + row + " 行超过 " + MAX_COLUMNS + " 列，不像是应收款台账 / row " + row + " has more than "
                + String.format(Locale.ROOT, "%,d", MAX_COLUMNS) + " columns: not a ledger of receivables");
    }

    static NotASpreadsheet cellTooLong(int row) {
        return new NotASpreadsheet("表格第 " + row + " 行有一个单元格超过 " + MAX_CELL_CHARS + " 个字符（Excel 的上限；是不是少了一个引号？）/ row " + row
                + " has a cell longer than " + String.format(Locale.ROOT, "%,d", MAX_CELL_CHARS) + " characters, Excel's limit (a missing quote?)");
    }

    /**
     * Looks through an .xlsx before fastexcel opens it, so that a file no spreadsheet program writes is refused
     * with a sentence instead of ending in an OutOfMemoryError: fastexcel allocates a row's cells up to the
     * column a reference names (ZZZZZZ2: 321 million) and holds each text, shared string and formula it reads
     * in full. Every part of the zip is read with the zip reader fastexcel uses (commons-compress: a second zip
     * reader could be shown another central directory), whichever parts the file names as its sheet and strings,
     * and the bytes are counted as they are inflated (a header may lie about the size).
     *
     * <p>The XML is scanned here byte by byte ({@link Scan}) rather than with an XML reader: a reader holds a
     * whole name, attribute value or text in memory before it can be asked its length, and on the 100,000-row
     * file of bench import a StAX pass cost as much as fastexcel's own reading. The scan does not stop at
     * malformed XML (fastexcel's reader, Aalto, stops at the first error, so what follows is never read): it
     * follows tags, attributes, comments, CDATA sections and processing instructions as a reader does on
     * well-formed XML, and refuses a DOCTYPE (no spreadsheet has one; entities are made there), an encoding other
     * than UTF-8 (in which '<' is one byte that is never part of another character), and anything beyond the caps.
     * A part whose first bytes are not XML (a picture) is left after them: fastexcel cannot read it as XML either.
     */
    static final class XlsxCheck {
        private final Path file;
        private final byte[] chunk = new byte[1 << 16];
        private long budget = MAX_TOTAL_BYTES;

        private XlsxCheck(Path file) {
            this.file = file;
        }

        static void check(Path file) {
            new XlsxCheck(file).run();
        }

        private void run() {
            try (ZipFile zip = ZipFile.builder().setFile(file.toFile()).get()) {
                List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
                if (entries.size() > MAX_PARTS) {
                    throw damaged(file, "more than " + String.format(Locale.ROOT, "%,d", MAX_PARTS) + " parts");
                }
                for (ZipArchiveEntry e : entries) {
                    if (e.isDirectory()) continue;
                    if (e.getSize() > MAX_PART_BYTES) throw tooBig(e.getName());
                    InputStream in;
                    try {
                        in = zip.getInputStream(e);
                    } catch (IOException | RuntimeException unreadable) {
                        continue;   // a compression fastexcel cannot unpack either
                    }
                    if (in == null) continue;
                    try (in) {
                        new Scan(e.getName()).part(in);
                    }
                }
            } catch (IOException e) {
                throw damaged(file, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
        }

        private NotASpreadsheet tooBig(String part) {
            return new NotASpreadsheet("表格文件解压后过大（" + part + " 超过 " + (MAX_PART_BYTES >> 20) + " MB），不是正常的表格 / the .xlsx file unpacks to too much ("
                    + part + " over " + (MAX_PART_BYTES >> 20) + " MiB): not a normal spreadsheet");
        }

        private static NotASpreadsheet offGrid(String ref) {
            String shown = ref.replaceAll("[^\\x21-\\x7e]", "?");
            return new NotASpreadsheet("表格中的单元格位置 " + shown + " 超出了 Excel 的范围（最多 16384 列、1048576 行）/ the cell reference " + shown
                    + " is outside Excel's grid (at most 16,384 columns and 1,048,576 rows)");
        }

        /** {@code v[from, to)}: 1 to 1,048,576 written in digits, else -1. */
        static int rowNumber(byte[] v, int from, int to) {
            if (to <= from || to - from > 7) return -1;
            int n = 0;
            for (int i = from; i < to; i++) {
                if (v[i] < '0' || v[i] > '9') return -1;
                n = n * 10 + (v[i] - '0');
            }
            return n >= 1 && n <= EXCEL_ROWS ? n : -1;
        }

        /** A cell reference ($)A-XFD($)1-1048576, letters in either case as fastexcel reads them, or empty (fastexcel: A1). */
        static boolean inGrid(byte[] v, int length) {
            if (length == 0) return true;
            int i = v[0] == '$' ? 1 : 0, column = 0, letters = 0;
            for (; i < length && (v[i] | 0x20) >= 'a' && (v[i] | 0x20) <= 'z'; i++) {
                if (++letters > 3) return false;
                column = column * 26 + ((v[i] | 0x20) - 'a' + 1);
            }
            if (letters == 0 || column > EXCEL_COLUMNS) return false;
            if (i < length && v[i] == '$') i++;
            return rowNumber(v, i, length) > 0;
        }

        static String columnName(int column) {
            StringBuilder b = new StringBuilder();
            for (int c = column; c > 0; c = (c - 1) / 26) b.insert(0, (char) ('A' + (c - 1) % 26));
            return b.toString();
        }

        /** The elements the scan looks at: fastexcel reads rows and cells, and gathers the text of f, si, v and is into one string each. */
        private static final int OTHER = 0, ROW = 1, C = 2, F = 3, SI = 4, V = 5, IS = 6;
        private static final int NO_ATTRIBUTE = 0, R = 1, REF = 2;
        /** Where the scan is: in text, or in some part of a tag, comment, CDATA section or processing instruction. */
        private static final int PROLOG = 0, TEXT = 1, LT = 2, NAME = 3, ATTRS = 4, ATTR_NAME = 5, BEFORE_EQ = 6, BEFORE_VALUE = 7, VALUE = 8,
                SLASH = 9, END_NAME = 10, END_REST = 11, BANG = 12, BANG_DASH = 13, COMMENT = 14, CDATA_OPEN = 15, CDATA = 16, PI = 17, ENTITY = 18;
        private static final byte[] CDATA_START = "[CDATA[".getBytes(StandardCharsets.US_ASCII);
        private static final int VALUE_KEPT = 24;

        /**
         * One part, scanned as its bytes are inflated. The state of a tag or text cut by the end of a chunk is kept
         * in fields; within a chunk the loops run on local variables.
         */
        private final class Scan {
            private final String part;
            private long offset;                    // of chunk[0] in the part
            private long tagStart;                  // offset of the last '<' that began a tag
            private int state = PROLOG;
            // the tag being read: its name's hash, its local name's length and first three bytes; the attribute
            private int nameHash, localCode, localLength, kind, attribute, quote, matched;
            private boolean namespace, hasRef;
            private final byte[] value = new byte[VALUE_KEPT];
            private int valueLength;
            private final StringBuilder declaration = new StringBuilder();
            // the document so far
            private final int[] open = new int[MAX_XML_DEPTH];
            private int depth, rows, row, cellsInRow, strings, ranges;
            private int owner = OTHER, ownerDepth, ownerChars;
            private int entityValue;
            private boolean entityNumeric, entityHex;

            Scan(String part) {
                this.part = part;
            }

            void part(InputStream in) throws IOException {
                // the first four bytes read in full (a read may return fewer), as an XML reader looks at them
                int n = in.readNBytes(chunk, 0, 4), from = 0;
                if (n == 4) {
                    int quartet = (chunk[0] & 0xFF) << 24 | (chunk[1] & 0xFF) << 16 | (chunk[2] & 0xFF) << 8 | chunk[3] & 0xFF, pair = quartet >>> 16;
                    // UTF-16 or UTF-32, with or without a byte order mark, as Aalto recognises them
                    if (pair == 0xFEFF || pair == 0xFFFE || pair == 0x003C || pair == 0x3C00 || quartet == 0x0000FEFF || quartet == 0x0000003C) {
                        throw damaged(file, part + " is not UTF-8");
                    }
                    if (quartet >>> 8 == 0xEFBBBF) from = 3;    // UTF-8's byte order mark
                }
                for (; n > 0; offset += n, n = in.read(chunk), from = 0) {
                    long total = offset + n;
                    budget -= n;
                    if (total > MAX_PART_BYTES) throw tooBig(part);
                    if (budget < 0) {
                        throw new NotASpreadsheet("表格文件解压后过大（共超过 " + (MAX_TOTAL_BYTES >> 20) + " MB），不是正常的表格 / the .xlsx file unpacks to too much (over "
                                + (MAX_TOTAL_BYTES >> 20) + " MiB in all): not a normal spreadsheet");
                    }
                    if (!scan(chunk, from, n)) return;
                    if (total - tagStart > MAX_XML_RUN) throw runTooLong();
                }
            }

            private NotASpreadsheet runTooLong() {
                return damaged(file, part + " has more than " + (MAX_XML_RUN >> 20) + " MiB between two tags");
            }

            /** Scans {@code b[i, end)}; false when the part turns out not to be XML (something other than white space before its first '<'). */
            private boolean scan(byte[] b, int i, int end) {
                int state = this.state, nameHash = this.nameHash, localCode = this.localCode, localLength = this.localLength;
                while (i < end) {
                    switch (state) {
                        case PROLOG -> {
                            while (i < end && (b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n')) i++;
                            if (i < end) {
                                if (b[i] != '<') return false;     // a picture, say: fastexcel cannot read it as XML either
                                state = TEXT;
                            }
                        }
                        case TEXT -> {
                            if (owner == OTHER) {
                                while (i < end && b[i] != '<') i++;
                                if (i < end) {
                                    i++;
                                    state = LT;
                                }
                            } else {
                                int chars = 0;
                                for (; i < end; i++) {
                                    int c = b[i];
                                    if (c == '<' || c == '&') break;
                                    if ((c & 0xC0) != 0x80) chars += (c & 0xF0) == 0xF0 ? 2 : 1;
                                }
                                addText(chars);
                                if (i < end) {
                                    if (b[i] == '&') {
                                        state = ENTITY;
                                        entityValue = 0;
                                        entityNumeric = entityHex = false;
                                    } else {
                                        state = LT;
                                    }
                                    i++;
                                }
                            }
                        }
                        case ENTITY -> {
                            int c = b[i++];
                            if (c == ';' || c == '<') {
                                addText(entityNumeric && entityValue > 0xFFFF ? 2 : 1);
                                state = c == '<' ? LT : TEXT;
                            } else if (c == '#') {
                                entityNumeric = true;
                            } else if (entityNumeric && (c == 'x' || c == 'X') && entityValue == 0) {
                                entityHex = true;
                            } else if (entityNumeric) {
                                entityValue = Math.min(0x110000, entityValue * (entityHex ? 16 : 10) + Math.max(Character.digit(c, entityHex ? 16 : 10), 0));
                            }
                        }
                        case LT -> {
                            int c = b[i++];
                            if (c == '!') {
                                state = BANG;
                            } else if (c == '?') {
                                state = PI;
                                matched = 0;
                                declaration.setLength(0);
                                if (offset + i <= 5) declaration.append('?');     // "<?" at the start (after a byte order mark): the XML declaration
                            } else {
                                long at = offset + i - 2;
                                if (at - tagStart > MAX_XML_RUN) throw runTooLong();
                                tagStart = at;
                                if (c == '/') {
                                    state = END_NAME;
                                    nameHash = 0;
                                } else {
                                    state = NAME;
                                    nameHash = c;
                                    localCode = c & 0xFF;
                                    localLength = 1;
                                    hasRef = false;
                                }
                            }
                        }
                        case NAME -> {
                            int c = 0;
                            for (; i < end; i++) {
                                c = b[i] & 0xFF;
                                if (c == '>' || c == '/' || c <= ' ') break;
                                nameHash = 31 * nameHash + c;
                                if (c == ':') {
                                    localCode = 0;
                                    localLength = 0;
                                } else {
                                    if (localLength < 3) localCode = localCode << 8 | c;
                                    localLength++;
                                }
                            }
                            if (i < end) {
                                i++;
                                this.nameHash = nameHash;
                                startTag(kindOf(localCode, localLength));
                                state = c == '>' ? TEXT : c == '/' ? SLASH : ATTRS;
                                if (c == '>') element(false);
                            }
                        }
                        case ATTRS -> {
                            int c = b[i++] & 0xFF;
                            if (c == '>') {
                                state = TEXT;
                                element(false);
                            } else if (c == '/') {
                                state = SLASH;
                            } else if (c > ' ') {
                                state = ATTR_NAME;
                                localCode = c;
                                localLength = 1;
                                namespace = false;
                            }
                        }
                        case ATTR_NAME -> {
                            int c = 0;
                            for (; i < end; i++) {
                                c = b[i] & 0xFF;
                                if (c == '=' || c <= ' ') break;
                                if (c == ':') {
                                    namespace = localLength == 5 && localCode == ('x' << 16 | 'm' << 8 | 'l');   // xmlns:…, a declaration
                                    localCode = 0;
                                    localLength = 0;
                                } else {
                                    if (localLength < 3) localCode = localCode << 8 | c;
                                    localLength++;
                                }
                            }
                            if (i < end) {
                                i++;
                                attribute = namespace ? NO_ATTRIBUTE : localLength == 1 && localCode == 'r' ? R
                                        : localLength == 3 && localCode == ('r' << 16 | 'e' << 8 | 'f') ? REF : NO_ATTRIBUTE;
                                state = c == '=' ? BEFORE_VALUE : BEFORE_EQ;
                            }
                        }
                        case BEFORE_EQ -> {
                            int c = b[i++] & 0xFF;
                            if (c == '=') state = BEFORE_VALUE;
                            else if (c > ' ') state = ATTRS;    // malformed: the XML reader stops here
                        }
                        case BEFORE_VALUE -> {
                            int c = b[i++] & 0xFF;
                            if (c == '"' || c == '\'') {
                                state = VALUE;
                                quote = c;
                                valueLength = 0;
                            } else if (c > ' ') {
                                state = ATTRS;
                            }
                        }
                        case VALUE -> {
                            int start = i;
                            while (i < end && (b[i] & 0xFF) != quote) i++;
                            if (attribute != NO_ATTRIBUTE) {
                                int keep = Math.min(i - start, VALUE_KEPT - valueLength);
                                System.arraycopy(b, start, value, valueLength, Math.max(keep, 0));
                                valueLength += i - start;
                            }
                            if (i < end) {
                                i++;
                                state = ATTRS;
                                if (attribute != NO_ATTRIBUTE) attribute();
                            }
                        }
                        case SLASH -> {
                            state = TEXT;
                            if (b[i++] == '>') element(true);
                        }
                        case END_NAME -> {
                            int c = 0;
                            for (; i < end; i++) {
                                c = b[i] & 0xFF;
                                if (c == '>' || c <= ' ') break;
                                nameHash = 31 * nameHash + c;
                            }
                            if (i < end) {
                                i++;
                                state = c == '>' ? TEXT : END_REST;
                                if (c == '>') endElement(nameHash);
                            }
                        }
                        case END_REST -> {
                            if (b[i++] == '>') {
                                state = TEXT;
                                endElement(nameHash);
                            }
                        }
                        case BANG -> {
                            int c = b[i++] & 0xFF;
                            if (c == '-') {
                                state = BANG_DASH;
                            } else if (c == '[') {
                                state = CDATA_OPEN;
                                matched = 1;
                            } else if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
                                throw damaged(file, part + " has a DOCTYPE");
                            } else {
                                state = TEXT;
                            }
                        }
                        case BANG_DASH -> {
                            state = b[i++] == '-' ? COMMENT : TEXT;
                            matched = 0;
                        }
                        case COMMENT -> {
                            int c = b[i++];
                            if (c == '>' && matched >= 2) state = TEXT;
                            else matched = c == '-' ? matched + 1 : 0;
                        }
                        case CDATA_OPEN -> {
                            if (b[i++] != CDATA_START[matched]) {
                                state = TEXT;
                            } else if (++matched == CDATA_START.length) {
                                state = CDATA;
                                matched = 0;
                            }
                        }
                        case CDATA -> {
                            int c = b[i++];
                            if (c == '>' && matched >= 2) {
                                state = TEXT;
                            } else {
                                matched = c == ']' ? matched + 1 : 0;
                                if (owner != OTHER && (c & 0xC0) != 0x80) addText((c & 0xF0) == 0xF0 ? 2 : 1);
                            }
                        }
                        case PI -> {
                            int c = b[i++] & 0xFF;
                            if (c == '>' && matched == 1) {
                                state = TEXT;
                                if (declaration.length() > 0) declaration();
                            } else {
                                matched = c == '?' ? 1 : 0;
                                if (declaration.length() > 0 && declaration.length() < 200) declaration.append((char) c);
                            }
                        }
                        default -> throw new IllegalStateException();
                    }
                }
                this.state = state;
                this.nameHash = nameHash;
                this.localCode = localCode;
                this.localLength = localLength;
                return true;
            }

            /** Characters of text in f, si, v or is (UTF-8: one per byte that begins a character; two for four-byte ones, as Java counts). */
            private void addText(int chars) {
                ownerChars += chars;
                int limit = owner == F ? MAX_FORMULA_CHARS : MAX_CELL_CHARS;
                if (ownerChars <= limit) return;
                String n = String.format(Locale.ROOT, "%,d", limit);
                if (owner == F) {
                    throw new NotASpreadsheet("表格第 " + row + " 行有一个公式超过 " + limit + " 个字符（Excel 的上限）/ row " + row + " has a formula longer than "
                            + n + " characters, Excel's limit");
                }
                if (owner != SI && row > 0) {
                    throw new NotASpreadsheet("表格第 " + row + " 行有一个单元格超过 " + limit + " 个字符（Excel 的上限）/ row " + row + " has a cell longer than "
                            + n + " characters, Excel's limit");
                }
                throw new NotASpreadsheet("表格文件中有一段文字超过 " + limit + " 个字符（Excel 单元格的上限，" + part + "）/ a text in the .xlsx file is longer than "
                        + n + " characters, Excel's limit for a cell (" + part + ")");
            }

            private static int kindOf(int code, int length) {
                return switch (length) {
                    case 1 -> code == 'c' ? C : code == 'f' ? F : code == 'v' ? V : OTHER;
                    case 2 -> code == ('s' << 8 | 'i') ? SI : code == ('i' << 8 | 's') ? IS : OTHER;
                    case 3 -> code == ('r' << 16 | 'o' << 8 | 'w') ? ROW : OTHER;
                    default -> OTHER;
                };
            }

            /** The end of a start tag's name: a row or cell is counted before its attributes are read. */
            private void startTag(int kind) {
                this.kind = kind;
                if (kind == ROW) {
                    if (++rows > EXCEL_ROWS) throw offGrid("row " + rows);
                    row = rows;
                    cellsInRow = 0;
                } else if (kind == C && ++cellsInRow > EXCEL_COLUMNS) {
                    throw offGrid(columnName(cellsInRow) + Math.max(row, 1));
                }
            }

            private void attribute() {
                if (attribute == REF) {
                    hasRef = true;
                } else if (kind == C) {
                    if (valueLength > VALUE_KEPT || !inGrid(value, valueLength)) throw offGrid(shownValue());
                } else if (kind == ROW) {
                    int n = valueLength > VALUE_KEPT ? -1 : rowNumber(value, 0, valueLength);
                    if (n < 0) throw offGrid("row " + shownValue());
                    row = n;
                }
            }

            private String shownValue() {
                return new String(value, 0, Math.min(valueLength, 20), StandardCharsets.ISO_8859_1) + (valueLength > 20 ? "…" : "");
            }

            /** The end of a start tag ({@code empty}: of an empty-element tag). */
            private void element(boolean empty) {
                if (kind == F && hasRef && ++ranges > MAX_FORMULA_RANGES) {
                    throw damaged(file, part + " has more than " + String.format(Locale.ROOT, "%,d", MAX_FORMULA_RANGES) + " shared or array formulas");
                }
                if (kind == SI && ++strings > MAX_SHARED_STRINGS) {
                    throw damaged(file, part + " has more than " + String.format(Locale.ROOT, "%,d", MAX_SHARED_STRINGS) + " shared strings");
                }
                if (empty) return;
                if (depth == MAX_XML_DEPTH) throw damaged(file, part + " nests elements deeper than " + MAX_XML_DEPTH);
                open[depth++] = nameHash;
                if (owner == OTHER && kind >= F) {
                    owner = kind;
                    ownerDepth = depth;
                    ownerChars = 0;
                }
            }

            /**
             * An end tag closes the element it names. On well-formed XML that is the innermost one; else the XML
             * reader stops here, and the scan goes on as if the elements inside had been closed too (HTML's unclosed
             * br in old VML drawings would otherwise only ever deepen).
             */
            private void endElement(int hash) {
                for (int d = depth - 1; d >= 0; d--) {
                    if (open[d] == hash) {
                        depth = d;
                        break;
                    }
                }
                if (depth < ownerDepth) {
                    owner = OTHER;
                    ownerDepth = 0;
                }
            }

            /** {@code <?xml … encoding="…"?>}: UTF-8 only (Excel, WPS and LibreOffice all write it). */
            private void declaration() {
                Matcher m = Pattern.compile("^\\?xml\\s.*encoding\\s*=\\s*[\"']([^\"']*)[\"']").matcher(declaration);
                if (m.find() && !m.group(1).equalsIgnoreCase("UTF-8")) throw damaged(file, part + " is in " + m.group(1) + ", not UTF-8");
            }
        }
    }

    private static void csv(Path file, Consumer<List<String>> row) {
        Charset cs = encodingOf(file);
        try (Reader r = new BufferedReader(new StrictReader(Files.newInputStream(file), cs), 1 << 16)) {
            r.mark(1);
            if (r.read() != '\uFEFF') r.reset();
            parseCsv(r, row);
        } catch (Undecodable e) {
            throw undecodable(Math.max(e.row, 1), cs);
        } catch (IOException e) {
            throw new NotASpreadsheet("无法读取文件 / cannot read " + file + ": " + e.getMessage());
        }
    }

    private static NotASpreadsheet undecodable(int row, Charset cs) {
        boolean utf8 = cs.equals(StandardCharsets.UTF_8);
        return new NotASpreadsheet("表格第 " + row + " 行有无法按 " + (utf8 ? "UTF-8" : "GB18030（GBK）") + " 读出的文字（文件可能混用了两种编码），请在 Excel 或 WPS 中另存为 UTF-8 的 .csv 或 .xlsx / row "
                + row + " is not valid " + (utf8 ? "UTF-8" : "GB18030") + " text (mixed encodings?): save the file as UTF-8 .csv or .xlsx");
    }

    /**
     * UTF-8 when the whole file is valid UTF-8, or when it begins with UTF-8's byte order mark (its bad bytes are
     * then refused where they are); else GB18030. One streaming pass over the whole file: one whose first
     * megabyte is ASCII may well be GBK further down.
     */
    static Charset encodingOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bom = in.readNBytes(3);
            if (bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF) return StandardCharsets.UTF_8;
            CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            ByteBuffer bytes = ByteBuffer.allocate(1 << 16).put(bom);
            CharBuffer chars = CharBuffer.allocate(1 << 16);
            for (boolean eof = false; !eof; bytes.compact()) {
                int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) eof = true;
                else bytes.position(bytes.position() + n);
                bytes.flip();
                CoderResult r;
                do {
                    chars.clear();
                    r = utf8.decode(bytes, chars, eof);
                } while (r.isOverflow());
                if (r.isError()) return Charset.forName("GB18030");
            }
            return StandardCharsets.UTF_8;
        } catch (IOException e) {
            throw new NotASpreadsheet("无法读取文件 / cannot read " + file + ": " + e.getMessage());
        }
    }

    /** Bytes that are not text in the encoding the file is read in; {@code row} 0 until the parser names it. */
    static final class Undecodable extends CharacterCodingException {
        final int row;

        Undecodable(int row) {
            this.row = row;
        }
    }

    /**
     * Decodes without substituting: every character before a malformed byte is handed out first, and only the
     * read after them fails ({@link Undecodable}), so the CSV parser is at the row the bad bytes are in.
     */
    static final class StrictReader extends Reader {
        private final InputStream in;
        private final CharsetDecoder decoder;
        private final ByteBuffer bytes = ByteBuffer.allocate(1 << 16).limit(0);
        private final CharBuffer chars = CharBuffer.allocate(1 << 14).limit(0);
        private boolean eof, bad, done;

        StrictReader(InputStream in, Charset cs) {
            this.in = in;
            this.decoder = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            if (len == 0) return 0;
            while (!chars.hasRemaining()) {
                if (bad) throw new Undecodable(0);
                if (done) return -1;
                chars.clear();
                while (chars.position() == 0 && !bad && !done) {
                    CoderResult r = decoder.decode(bytes, chars, eof);
                    if (r.isError()) {
                        bad = true;
                    } else if (r.isUnderflow() && eof) {
                        decoder.flush(chars);
                        done = true;
                    } else if (r.isUnderflow()) {
                        bytes.compact();
                        int n = in.read(bytes.array(), bytes.position(), bytes.remaining());
                        if (n < 0) eof = true;
                        else bytes.position(bytes.position() + n);
                        bytes.flip();
                    }
                }
                chars.flip();
            }
            int n = Math.min(len, chars.remaining());
            chars.get(buf, off, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * RFC 4180: commas (or tabs when the header has tabs and no commas), double quotes, "" inside quotes, CRLF or LF.
     * Rows are counted as a spreadsheet shows them (the header is row 1, a quoted line break stays in its row) to
     * name the row of a refusal: more than {@link #MAX_COLUMNS} cells, a cell over {@link #MAX_CELL_CHARS}
     * characters (refused as it grows: an unmatched quote would otherwise gather the rest of the file), or bytes
     * that are not text in the file's encoding.
     */
    static void parseCsv(Reader in, Consumer<List<String>> row) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, any = false;
        char sep = 0;
        StringBuilder firstLine = new StringBuilder();
        int c;
        int rowNo = 1;
        try {
            in.mark(1 << 16);
            while ((c = in.read()) != -1 && c != '\n' && firstLine.length() < (1 << 15)) firstLine.append((char) c);
            in.reset();
            sep = firstLine.indexOf(",") < 0 && firstLine.indexOf("\t") >= 0 ? '\t' : ',';
            while ((c = in.read()) != -1) {
                any = true;
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        in.mark(1);
                        int next = in.read();
                        if (next == '"') {
                            cell.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) in.reset();
                        }
                    } else {
                        cell.append(ch);
                    }
                } else if (ch == '"' && cell.length() == 0) {
                    quoted = true;
                } else if (ch == sep) {
                    cells.add(cellText(cell.toString(), rowNo));
                    cell.setLength(0);
                    if (cells.size() >= MAX_COLUMNS) throw tooWide(rowNo);
                } else if (ch == '\n') {
                    cells.add(cellText(stripCr(cell), rowNo));
                    cell.setLength(0);
                    row.accept(cells);
                    cells = new ArrayList<>();
                    any = false;
                    rowNo++;
                } else {
                    cell.append(ch);
                }
                // one more than the limit: a cell's text may be followed by the '\r' of its CRLF
                if (cell.length() > MAX_CELL_CHARS + 1) throw cellTooLong(rowNo);
            }
            if (any) {
                cells.add(cellText(stripCr(cell), rowNo));
                row.accept(cells);
            }
        } catch (Undecodable e) {
            throw new Undecodable(rowNo);
        }
    }

    private static String cellText(String cell, int rowNo) {
        if (cell.length() > MAX_CELL_CHARS) throw cellTooLong(rowNo);
        return cell;
    }

    private static String stripCr(StringBuilder b) {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
    }
    /** Writes to an output stream; may fail with an IOException. */
    @FunctionalInterface
    public interface Writing {
        void to(OutputStream out) throws IOException;
    }

    /**
     * Writes {@code target} through a temporary file beside it, moved into place when complete: a failed write leaves
     * no half file. An existing {@code target} is replaced: whether that is allowed is the caller's to decide.
     */
    public static void writeAtomically(Path target, Writing writing) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, ".huikuan-", ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp))) {
                writing.to(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Rows as CSV in UTF-8 with a byte order mark (Excel and WPS on Chinese Windows then read it as UTF-8, not GBK),
     * CRLF line ends; a cell holding a comma, quote or line break is quoted. Cells are written as they are.
     */
    static void writeCsv(OutputStream out, List<List<String>> rows) throws IOException {
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write('\uFEFF');
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) w.write(',');
                String c = row.get(i) == null ? "" : row.get(i);
                if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
                    w.write('"');
                    w.write(c.replace("\"", "\"\""));
                    w.write('"');
                } else {
                    w.write(c);
                }
            }
            w.write("\r\n");
        }
        w.flush();
    }

    /** Rows as one .xlsx sheet of text cells (nothing is taken for a formula), the first row bold. */
    static void writeXlsx(OutputStream out, String sheet, List<List<String>> rows) throws IOException {
        try (Workbook wb = new Workbook(out, "Huikuan", "1.0")) {
            Worksheet ws = wb.newWorksheet(sheet);
            int width = 0;
            for (int r = 0; r < rows.size(); r++) {
                List<String> row = rows.get(r);
                width = Math.max(width, row.size());
                for (int c = 0; c < row.size(); c++) {
                    if (row.get(c) != null && !row.get(c).isEmpty()) ws.value(r, c, row.get(c));
                }
            }
            if (width > 0) {
                ws.range(0, 0, 0, width - 1).style().bold().fillColor("DDEBF7").set();
                ws.width(width - 1, 60);
            }
        }
    }
}
