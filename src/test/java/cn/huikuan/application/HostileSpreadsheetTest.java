package cn.huikuan.application;

import cn.huikuan.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import cn.huikuan.cli.Cli;
import java.util.Arrays;
import java.util.zip.ZipFile;
import org.assertj.core.api.AbstractStringAssert;

/**
 * Hostile and odd spreadsheets (issue 24): each file is built here byte by byte, and each is refused with one
 * sentence (Chinese, then English) before anything is written, instead of an OutOfMemoryError, minutes of work,
 * or characters silently replaced. The files that ran out of memory or took minutes before are read under a
 * time limit, so that a regression fails the test instead of holding the build.
 */
class HostileSpreadsheetTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
    }

    @AfterEach
    void close() {
        books.close();
    }

    // ---- .xlsx written by hand: the parts fastexcel reads ----

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String CONTENT_TYPES = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
            <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>""";
    private static final String WORKBOOK = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"" + MAIN
            + "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"应收款\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
    private static final String RELS = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>\
            <Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>""";
    /** One cell format, the default: fastexcel reads cell formats (for dates) and needs the part. */
    private static final String STYLES = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + MAIN
            + "\"><cellXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellXfs></styleSheet>";
    /** Shared strings 0-4: the header's three names, a customer and a date. */
    private static final String STRINGS = "<si><t>客户名称</t></si><si><t>日期</t></si><si><t>金额</t></si><si><t>王五</t></si><si><t>2026-03-01</t></si>";
    private static final String HEADER = "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>";
    /** Row 2: 王五, 2026-03-01, 100. */
    private static final String ROW2 = "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" t=\"s\"><v>4</v></c><c r=\"C2\"><v>100</v></c></row>";

    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private static PartWriter text(String s) {
        return out -> out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static PartWriter sharedStrings(String items) {
        return text("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN + "\">" + items + "</sst>");
    }

    private static String sheet(String rows) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN + "\"><sheetData>" + rows + "</sheetData></worksheet>";
    }

    private Path xlsx(String name, String sheet, PartWriter strings) throws IOException {
        return xlsx(name, text(sheet), strings, null, null);
    }

    /** A workbook of the six parts, and {@code extra} (if not null) under {@code extraName}. */
    private Path xlsx(String name, PartWriter sheet, PartWriter strings, String extraName, PartWriter extra) throws IOException {
        Path f = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            put(z, "[Content_Types].xml", text(CONTENT_TYPES));
            put(z, "xl/workbook.xml", text(WORKBOOK));
            put(z, "xl/_rels/workbook.xml.rels", text(RELS));
            put(z, "xl/worksheets/sheet1.xml", sheet);
            put(z, "xl/sharedStrings.xml", strings);
            put(z, "xl/styles.xml", text(STYLES));
            if (extra != null) put(z, extraName, extra);
        }
        return f;
    }

    private static void put(ZipOutputStream z, String name, PartWriter content) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        content.write(z);
        z.closeEntry();
    }

    /** {@code count} times {@code c}, written a block at a time (never the whole text in memory). */
    private static void repeat(OutputStream out, char c, long count) throws IOException {
        byte[] block = new byte[1 << 16];
        Arrays.fill(block, (byte) c);
        for (long left = count; left > 0; left -= block.length) out.write(block, 0, (int) Math.min(left, block.length));
    }

    /** Chinese, then "/ " and English, on one line. */
    static AbstractStringAssert<?> assertBilingualSentence(String message) {
        int slash = message.indexOf("/ ");
        assertThat(slash).as(message).isPositive();
        assertThat(message.substring(0, slash)).as(message).containsPattern("\\p{IsHan}");
        assertThat(message.substring(slash + 2)).as(message).containsPattern("^[A-Za-z.]").doesNotContainPattern("\\p{IsHan}");
        return assertThat(message).doesNotContain("\n");
    }

    private void assertNothingImported() {
        assertThat(books.customers().page(ListQuery.first(10)).total()).isZero();
        assertThat(books.receivables().page(ListQuery.first(10)).total()).isZero();
    }

    /** The dry run and the import both refuse {@code f} with one sentence containing each of {@code words}; nothing is written. */
    private void assertRefused(Path f, String... words) {
        assertTimeoutPreemptively(LIMIT, () -> {
            assertThatThrownBy(() -> books.imports().dryRun(f, null)).isInstanceOf(SpreadsheetRows.NotASpreadsheet.class)
                    .satisfies(e -> assertBilingualSentence(e.getMessage()).contains(words));
            assertThatThrownBy(() -> books.imports().importFile(f, null)).isInstanceOf(SpreadsheetRows.NotASpreadsheet.class);
        });
        assertNothingImported();
    }

    /**
     * The control: what spreadsheet programs write passes the check. A workbook written by hand, with a cell at
     * the grid's last column and row (empty), rich text, a CDATA section, a comment and a VML drawing with HTML's
     * unclosed br (as old Excel wrote them): one receivable.
     */
    @Test
    void aWorkbookAsSpreadsheetProgramsWriteThemImports() throws Exception {
        String vml = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\">"
                + "<v:shape><div style='text-align:left'>备注<br>第二行</div></v:shape>".repeat(1500) + "</xml>";
        String strings = STRINGS.replace("<si><t>王五</t></si>", "<si><r><t>王</t></r><r><rPr><b/></rPr><t><![CDATA[五]]></t></r></si>");
        Path f = xlsx("ok.xlsx", text(sheet(HEADER + "<!-- 备注 -->" + ROW2 + "<row r=\"1048576\"><c r=\"XFD1048576\" s=\"0\"/></row>")),
                sharedStrings(strings), "xl/drawings/vmlDrawing1.vml", text(vml));
        ImportService.Report r = books.imports().dryRun(f, null);
        assertThat(r.rejected()).isEmpty();
        assertThat(r.preview().get(0)).startsWith("王五", "2026-03-01", "100");
        books.imports().importFile(f, null);
        assertThat(books.receivables().page(ListQuery.first(10)).rows()).singleElement()
                .satisfies(row -> assertThat(row.customerName()).isEqualTo("王五"));
    }

    /** A 1 KB file whose cell reference made fastexcel allocate 321 million cells: an OutOfMemoryError and a stack trace. */
    @Test
    void cellReferencesOutsideExcelsGridAreRefused() throws Exception {
        Path zzz = xlsx("zzz.xlsx", sheet(HEADER + "<row r=\"2\"><c r=\"ZZZZZZ2\" t=\"s\"><v>3</v></c></row>"), sharedStrings(STRINGS));
        assertThat(Files.size(zzz)).isLessThan(2_500);
        assertRefused(zzz, "ZZZZZZ2", "超出了 Excel 的范围", "outside Excel's grid");

        assertRefused(xlsx("xfe.xlsx", sheet(HEADER + ROW2.replace("C2", "XFE2")), sharedStrings(STRINGS)), "XFE2", "outside Excel's grid");
        assertRefused(xlsx("row.xlsx", sheet(HEADER + ROW2.replace("r=\"2\"", "r=\"1048577\"")), sharedStrings(STRINGS)), "1048577",
                "outside Excel's grid");
        // no references at all: the 16,385th cell of a row is beyond column XFD
        assertRefused(xlsx("wide.xlsx", sheet(HEADER + "<row>" + "<c/>".repeat(16_385) + "</row>"), sharedStrings(STRINGS)), "XFE2",
                "outside Excel's grid");
    }

    /** A ledger has a dozen columns: a value beyond column 1,000 is refused; empty cells there (formatting) are not columns. */
    @Test
    void aValueBeyondColumn1000IsRefusedNamingItsRow() throws Exception {
        assertRefused(xlsx("far.xlsx", sheet(HEADER + ROW2.replace("</row>", "<c r=\"ALM2\" t=\"s\"><v>3</v></c></row>")), sharedStrings(STRINGS)),
                "第 2 行超过 1000 列", "row 2 has more than 1,000 columns");
    }

    /**
     * The reported bomb: one shared string of hundreds of megabytes (a few hundred KB zipped), which fastexcel read
     * into one String. Refused by the part's declared size; with a header that says 1,000 bytes, by its length.
     */
    @Test
    void aSharedStringBombIsRefusedBeforeItIsRead() throws Exception {
        PartWriter bomb = out -> {
            out.write(("<sst xmlns=\"" + MAIN + "\"><si><t>客户名称</t></si><si><t>日期</t></si><si><t>金额</t></si><si><t>").getBytes(StandardCharsets.UTF_8));
            repeat(out, 'a', 300L << 20);
            out.write("</t></si><si><t>2026-03-01</t></si></sst>".getBytes(StandardCharsets.UTF_8));
        };
        Path f = xlsx("bomb.xlsx", text(sheet(HEADER + ROW2)), bomb, null, null);
        assertThat(Files.size(f)).isLessThan(1 << 20);
        assertRefused(f, "xl/sharedStrings.xml", "超过 256 MB", "over 256 MiB");
        Path liar = dir.resolve("bomb-liar.xlsx");
        Files.write(liar, withDeclaredSize(Files.readAllBytes(f), "xl/sharedStrings.xml", 1_000));
        assertRefused(liar, "超过 32767 个字符", "longer than 32,767 characters", "xl/sharedStrings.xml");
    }

    /** fastexcel gathers a shared string's rich text runs, an inline string's runs, and a value's text around comments, into one string each. */
    @Test
    void textsLongerThanACellHoldsAreRefused() throws Exception {
        String runs = "<si><r><t>" + "a".repeat(20_000) + "</t></r><r><t>" + "a".repeat(20_000) + "</t></r></si>";
        assertRefused(xlsx("runs.xlsx", sheet(HEADER + ROW2), sharedStrings(STRINGS.replace("<si><t>王五</t></si>", runs))),
                "超过 32767 个字符", "longer than 32,767 characters");
        String inline = "<c r=\"A2\" t=\"inlineStr\"><is><r><t>" + "王".repeat(20_000) + "</t></r><r><t>" + "五".repeat(20_000) + "</t></r></is></c>";
        assertRefused(xlsx("inline.xlsx", sheet(HEADER + ROW2.replace("<c r=\"A2\" t=\"s\"><v>3</v></c>", inline)), sharedStrings(STRINGS)),
                "第 2 行有一个单元格超过 32767 个字符", "row 2 has a cell longer than 32,767 characters");
        String split = "<c r=\"C2\"><v>" + ("1".repeat(9_000) + "<!-- -->").repeat(4) + "</v></c>";
        assertRefused(xlsx("split.xlsx", sheet(HEADER + ROW2.replace("<c r=\"C2\"><v>100</v></c>", split)), sharedStrings(STRINGS)), "row 2");
    }

    /** 270 MB of ordinary shared strings (each within the limits) behind a header that says 1,000 bytes: counted as it is inflated. */
    @Test
    void aPartThatUnpacksBeyondTheCapIsRefusedEvenWhenItsHeaderLies() throws Exception {
        PartWriter big = out -> {
            out.write(("<sst xmlns=\"" + MAIN + "\">" + STRINGS).getBytes(StandardCharsets.UTF_8));
            for (int i = 0; i < 9_000; i++) {
                out.write("<si><t>".getBytes(StandardCharsets.UTF_8));
                repeat(out, 'a', 30_000);
                out.write("</t></si>".getBytes(StandardCharsets.UTF_8));
            }
            out.write("</sst>".getBytes(StandardCharsets.UTF_8));
        };
        Path liar = dir.resolve("liar.xlsx");
        Files.write(liar, withDeclaredSize(Files.readAllBytes(xlsx("big.xlsx", text(sheet(HEADER + ROW2)), big, null, null)), "xl/sharedStrings.xml", 1_000));
        try (var zip = new ZipFile(liar.toFile())) {
            assertThat(zip.getEntry("xl/sharedStrings.xml").getSize()).isEqualTo(1_000);
        }
        assertRefused(liar, "xl/sharedStrings.xml", "超过 256 MB", "over 256 MiB");
    }

    /** The zip's central directory entry of {@code name} with its uncompressed size replaced. */
    private static byte[] withDeclaredSize(byte[] zip, String name, int size) {
        ByteBuffer b = ByteBuffer.wrap(zip).order(ByteOrder.LITTLE_ENDIAN);
        byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
        for (int i = zip.length - 46; i >= 0; i--) {
            if (b.getInt(i) == 0x02014b50 && b.getShort(i + 28) == wanted.length
                    && Arrays.equals(zip, i + 46, i + 46 + wanted.length, wanted, 0, wanted.length)) {
                b.putInt(i + 24, size);
                return zip;
            }
        }
        throw new AssertionError("no central directory entry " + name);
    }

    /** No spreadsheet has a DOCTYPE (where entities, and XXE, are declared), elements a thousand deep, millions of strings, UTF-16 or megabytes in one value. */
    @Test
    void xmlNoSpreadsheetProgramWritesIsRefused() throws Exception {
        String xxe = sheet(HEADER + ROW2).replace("<worksheet", "<!DOCTYPE worksheet [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><worksheet");
        assertRefused(xlsx("xxe.xlsx", xxe, sharedStrings(STRINGS)), "已损坏", "DOCTYPE");
        String deep = sheet(HEADER + ROW2).replace("<sheetData>", "<extLst>" + "<x>".repeat(2_000) + "</x>".repeat(2_000) + "</extLst><sheetData>");
        assertRefused(xlsx("deep.xlsx", deep, sharedStrings(STRINGS)), "已损坏", "deeper than 1000");
        assertRefused(xlsx("strings.xlsx", sheet(HEADER + ROW2), sharedStrings(STRINGS + "<si/>".repeat(4_000_000))), "已损坏",
                "more than 4,000,000 shared strings");
        String formulas = "<row r=\"3\">" + "<c><f t=\"shared\" ref=\"A3:A4\" si=\"0\">1</f><v>1</v></c>".repeat(10_001) + "</row>";
        assertRefused(xlsx("formulas.xlsx", sheet(HEADER + ROW2 + formulas), sharedStrings(STRINGS)), "已损坏",
                "more than 10,000 shared or array formulas");
        // the sheet in UTF-16 (with its byte order mark), where '<' is two bytes and other characters' bytes can be '<'
        PartWriter utf16 = out -> {
            out.write(new byte[]{(byte) 0xFF, (byte) 0xFE});
            out.write(sheet(HEADER + ROW2).replace("UTF-8", "UTF-16").getBytes(StandardCharsets.UTF_16LE));
        };
        assertRefused(xlsx("utf16.xlsx", utf16, sharedStrings(STRINGS), null, null), "已损坏", "not UTF-8");
        // an attribute value of 17 MiB, which an XML reader holds in memory whole
        PartWriter longValue = out -> {
            out.write(("<worksheet xmlns=\"" + MAIN + "\"><extLst><x a=\"").getBytes(StandardCharsets.UTF_8));
            repeat(out, 'a', 17L << 20);
            out.write(("\"/></extLst><sheetData>" + HEADER + ROW2 + "</sheetData></worksheet>").getBytes(StandardCharsets.UTF_8));
        };
        assertRefused(xlsx("value.xlsx", longValue, sharedStrings(STRINGS), null, null), "已损坏", "more than 16 MiB between two tags");
    }

    // ---- CSV ----

    private Path csv(String name, byte[]... parts) throws IOException {
        Path f = dir.resolve(name);
        try (OutputStream out = Files.newOutputStream(f)) {
            for (byte[] p : parts) out.write(p);
        }
        return f;
    }

    private static final Charset GBK = Charset.forName("GB18030");

    /** The encoding was decided on the first megabyte: GBK rows after an ASCII megabyte came in as U+FFFD. */
    @Test
    void gbkRowsAfterAnAsciiMegabyteAreReadAsGbk() throws Exception {
        Path f = csv("late-gbk.csv", "Customer,Date,Amount\n".getBytes(StandardCharsets.US_ASCII), (" ".repeat(40) + ",,\n").repeat(30_000).getBytes(StandardCharsets.US_ASCII),
                "王五,2026-03-01,100\n".getBytes(GBK));
        assertThat(Files.size(f)).isGreaterThan(1 << 20);
        ImportService.Report r = books.imports().dryRun(f, null);
        assertThat(r.preview()).singleElement().satisfies(row -> assertThat(row.get(0)).isEqualTo("王五"));
        books.imports().importFile(f, null);
        assertThat(books.customers().page(ListQuery.first(10)).rows()).singleElement().satisfies(c -> assertThat(c.name()).isEqualTo("王五"));
    }

    /** Bytes that are text in neither encoding are refused at their row (a quoted line break stays in its row, as in a spreadsheet). */
    @Test
    void bytesThatAreNotTextAreRefusedNamingTheirRow() throws Exception {
        byte[] head = "客户名称,日期,金额,地址\n王五,2026-03-01,100,\"北京\n朝阳\"\n赵六,2026-03-02,200,\n".getBytes(GBK);
        byte[] bad = {'x', (byte) 0xFF, 'y'};
        assertRefused(csv("bad-gbk.csv", head, "孙八,2026-03-03,300,".getBytes(GBK), bad, "\n".getBytes(GBK)),
                "第 4 行", "GB18030", "row 4 is not valid GB18030 text");

        // a file that says it is UTF-8 (a byte order mark) with a GBK row
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        assertRefused(csv("bom.csv", bom, "客户名称,日期,金额\n王五,2026-03-01,100\n".getBytes(StandardCharsets.UTF_8), "赵六,2026-03-02,200\n".getBytes(GBK)),
                "第 3 行", "UTF-8", "row 3 is not valid UTF-8 text");
    }

    /** A header of a million columns took 286 s in the dry run. */
    @Test
    void absurdWidthsAndLengthsAreRefusedAtOnceNamingTheRow() throws Exception {
        assertRefused(csv("wide.csv", ("客户名称,日期,金额" + ",x".repeat(1_000_000) + "\n王五,2026-03-01,100\n").getBytes(StandardCharsets.UTF_8)),
                "第 1 行超过 1000 列", "row 1 has more than 1,000 columns");
        assertRefused(csv("long.csv", ("客户名称,日期,金额\n王五,2026-03-01,100\n" + "赵".repeat(40_000) + ",2026-03-02,200\n").getBytes(StandardCharsets.UTF_8)),
                "第 3 行有一个单元格超过 32767 个字符", "row 3 has a cell longer than 32,767 characters");
        // an unmatched quote gathered the rest of the file into one cell
        assertRefused(csv("quote.csv", ("客户名称,日期,金额\n\"王五,2026-03-01,100\n" + "赵六,2026-03-02,200\n".repeat(5_000)).getBytes(StandardCharsets.UTF_8)),
                "第 2 行", "a missing quote?");
        // exactly 1,000 columns and 32,767 characters, with CRLF, are a spreadsheet's limits, not beyond them
        Path edge = csv("edge.csv", ("客户名称,日期,金额" + ",x".repeat(997) + "\r\n" + "王".repeat(32_767) + ",2026-03-01,100\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(books.imports().dryRun(edge, null).rejected()).singleElement().satisfies(x -> assertThat(x.reason()).contains("客户名称过长"));
    }

    /** {@code huikuan import receivables --dry-run}: exit 2 and the sentence on stderr, no stack trace. */
    @Test
    void theCommandLineSaysTheSentenceAndExitsTwo() throws Exception {
        Path book = dir.resolve("cli-book");
        Books.open(book, TestClock.fixed()).close();
        Path f = xlsx("zzz.xlsx", sheet(HEADER + "<row r=\"2\"><c r=\"ZZZZZZ2\" t=\"s\"><v>3</v></c></row>"), sharedStrings(STRINGS));
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        int exit = assertTimeoutPreemptively(LIMIT, () -> new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run("import", "receivables", "--file", f.toString(), "--dry-run", "--book", book.toString()));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("huikuan: ").contains("ZZZZZZ2", "超出了 Excel 的范围", "outside Excel's grid")
                .doesNotContain("Exception").doesNotContain("\tat ").hasLineCount(1);
    }
}
