package cn.huikuan.application;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the rows of an .xlsx (first sheet, streamed) or .csv file (UTF-8, or GB18030 as Excel saves CSV on
 * Chinese Windows) as lists of cell texts; date cells come back as ISO dates. Anything else is refused with
 * a sentence, never guessed at.
 */
public final class SpreadsheetRows {
    /** A file that is not a spreadsheet Huikuan can read. */
    public static final class NotASpreadsheet extends RuntimeException {
        public NotASpreadsheet(String message) {
            super(message);
        }
    }

    private SpreadsheetRows() {
    }

    /** Calls {@code row} for every row, the header first; stops when it returns false is not needed: readers stream. */
    public static void read(Path file, Consumer<List<String>> row) {
        byte[] head = new byte[8];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            if (n == 0) throw new NotASpreadsheet("文件是空的 / the file is empty: " + file.getFileName());
        } catch (IOException e) {
            throw new NotASpreadsheet("无法读取文件 / cannot read " + file + ": " + e.getMessage());
        }
        if (ReadableWorkbook.isOOXMLZipHeader(head)) {
            xlsx(file, row);
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
        try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile(), new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
            try (var rows = wb.getFirstSheet().openStream()) {
                rows.forEach(r -> row.accept(cells(r)));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof NotASpreadsheet n) throw n;
            if (e instanceof ImportService.TooManyRows t) throw t;
            throw new NotASpreadsheet("表格文件已损坏或格式不对 / the .xlsx file is damaged: " + file.getFileName() + " ("
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")");
        }
    }

    private static List<String> cells(Row r) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < r.getCellCount(); i++) {
            Cell c = r.getCell(i);
            if (c == null) {
                out.add("");
                continue;
            }
            String fmt = c.getDataFormatString();
            if (c.getType() == CellType.NUMBER && fmt != null && (fmt.contains("yy") || fmt.contains("d") && fmt.contains("m")) && !fmt.contains("0.")) {
                try {
                    out.add(c.asDate().toLocalDate().toString());
                    continue;
                } catch (RuntimeException ignored) {
                    // not a date after all: its text below
                }
            }
            String t = c.getText();
            out.add(t == null ? "" : t);
        }
        return out;
    }

    private static void csv(Path file, Consumer<List<String>> row) {
        Charset cs = encodingOf(file);
        try (Reader r = new BufferedReader(new java.io.InputStreamReader(Files.newInputStream(file), cs), 1 << 16)) {
            r.mark(1);
            if (r.read() != '\uFEFF') r.reset();
            parseCsv(r, row);
        } catch (IOException e) {
            throw new NotASpreadsheet("无法读取文件 / cannot read " + file + ": " + e.getMessage());
        }
    }

    /** UTF-8 when the first megabyte (cut at its last line break) decodes as UTF-8, else GB18030. Streams the rest. */
    static Charset encodingOf(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] sample = in.readNBytes(1 << 20);
            int end = sample.length;
            if (end == 1 << 20) {
                while (end > 0 && sample[end - 1] != '\n') end--;
            }
            decode(java.util.Arrays.copyOf(sample, end));
            try {
                StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(sample, 0, end));
                return StandardCharsets.UTF_8;
            } catch (CharacterCodingException e) {
                return Charset.forName("GB18030");
            }
        } catch (IOException e) {
            throw new NotASpreadsheet("无法读取文件 / cannot read " + file + ": " + e.getMessage());
        }
    }

    static String decode(byte[] bytes) {
        for (Charset cs : List.of(StandardCharsets.UTF_8, Charset.forName("GB18030"))) {
            try {
                String s = cs.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes)).toString();
                return s.startsWith("\uFEFF") ? s.substring(1) : s;
            } catch (CharacterCodingException ignored) {
                // try the next encoding
            }
        }
        throw new NotASpreadsheet("无法识别文件的文字编码（请另存为 UTF-8 的 .csv 或 .xlsx）/ unknown text encoding");
    }

    /** RFC 4180: commas (or tabs when the header has tabs and no commas), double quotes, "" inside quotes, CRLF or LF. */
    static void parseCsv(Reader in, Consumer<List<String>> row) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false, any = false;
        char sep = 0;
        StringBuilder firstLine = new StringBuilder();
        int c;
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
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (ch == '\n') {
                cells.add(stripCr(cell));
                cell.setLength(0);
                row.accept(cells);
                cells = new ArrayList<>();
                any = false;
            } else {
                cell.append(ch);
            }
        }
        if (any) {
            cells.add(stripCr(cell));
            row.accept(cells);
        }
    }

    private static String stripCr(StringBuilder b) {
        int n = b.length();
        return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
    }
}
