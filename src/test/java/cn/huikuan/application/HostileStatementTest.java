package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.statements.StatementFiles;
import cn.huikuan.statements.StatementReader;
import cn.huikuan.statements.StatementRefused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 23: hostile statement files are refused as every import refuses them (issue 24, HostileSpreadsheetTest):
 * one sentence in Chinese and English, at once, and nothing is written (no payment, no evidence file, no line).
 */
class HostileStatementTest {
    /** Generous: each refusal takes well under a second alone; the machine may run other builds. */
    static final Duration LIMIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    Books books;
    long builder;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        Customer c = books.customers().save(books.customers().newCustomer(PartyKind.ORGANISATION, StatementFiles.BUILDER));
        Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款", LocalDate.of(2026, 6, 1), Money.of("12500"));
        r.dueOn(LocalDate.of(2026, 9, 1));
        builder = books.receivables().save(r, false).getId();
    }

    @AfterEach
    void close() {
        books.close();
    }

    void assertRefused(Path f, String... parts) {
        assertTimeoutPreemptively(LIMIT, () -> assertThatThrownBy(() -> books.statements().preview(f)).isInstanceOf(StatementRefused.class)
                .satisfies(e -> HostileSpreadsheetTest.assertBilingualSentence(e.getMessage()).contains(parts)));
        assertThat(books.receivables().payments(builder)).isEmpty();
        assertThat(books.evidence().list(builder)).isEmpty();
    }

    static final String HEAD = "交易日期,贷方金额,对方户名,摘要,流水号\n";
    static final String LINE = "2026-11-09,12500.00,某某建筑工程有限公司,货款,B1\n";

    @Test
    void formulasInCellsAreRefusedNamingTheRow() throws Exception {
        for (String cell : new String[]{"=cmd|' /C calc'!A0", "+HYPERLINK(\"\"http://x\"\")", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd|' /C calc'!A0"}) {
            Path f = StatementFiles.write(dir, "f.csv", HEAD + LINE + "2026-11-10,1.00,某某建筑工程有限公司,\"" + cell + "\",B2\n", StandardCharsets.UTF_8);
            assertRefused(f, "第 3 行", "row 3", "formula");
        }
    }

    @Test
    void aFileOverTheSizeCapIsRefusedBeforeItIsRead() throws Exception {
        Path f = dir.resolve("huge.csv");
        Files.writeString(f, HEAD + LINE);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(StatementImportService.MAX_FILE_BYTES + 1);   // sparse: costs no disk
        }
        assertRefused(f, "文件过大", "too large");
    }

    @Test
    void moreLinesThanAStatementHoldsAreRefused() throws Exception {
        Path f = dir.resolve("long.csv");
        try (var w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write(HEAD);
            for (int i = 0; i <= StatementReader.MAX_LINES; i++) w.write("2026-11-09,1.00,某某,货款,L" + i + "\n");
        }
        assertRefused(f, "超过 100000 行", "more than 100,000 lines");
    }

    @Test
    void bytesThatAreNotTextInTheFilesEncodingAreRefused() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        b.write((HEAD + LINE).getBytes(StandardCharsets.UTF_8));
        b.write("2026-11-10,1.00,李某,货款,B2\n".getBytes(Charset.forName("GBK")));
        Path f = dir.resolve("mixed.csv");
        Files.write(f, b.toByteArray());
        assertRefused(f, "第 3 行", "row 3", "UTF-8");
        Path bin = dir.resolve("random.csv");
        byte[] noise = new byte[5000];
        new java.util.Random(7).nextBytes(noise);
        noise[10] = 0;
        Files.write(bin, noise);
        assertRefused(bin, "不是表格文件", "not a spreadsheet");
    }

    @Test
    void aBrokenXlsAndAMillionColumnHeaderAreRefused() throws Exception {
        // an .xls is read (XlsStatementTest); ten bytes of its signature are no workbook
        Path xls = dir.resolve("old.xls");
        Files.write(xls, new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1, 0, 0});
        assertRefused(xls, ".xls", "damaged", "save it as .xlsx");
        Path wide = dir.resolve("wide.csv");
        Files.writeString(wide, ",".repeat(1_000_000) + "\n" + LINE);
        assertRefused(wide, "第 1 行", "row 1");
    }

    /** A zip bomb: an .xlsx of under a megabyte whose shared strings unpack to 300 MiB. */
    @Test
    void anXlsxBombIsRefusedBeforeItIsUnpacked() throws Exception {
        String main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        Path f = dir.resolve("bomb.xlsx");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(f))) {
            put(z, "[Content_Types].xml", out -> out.write(("""
                    <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                    <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/>\
                    <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
                    <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
                    <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
                    <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>""")
                    .getBytes(StandardCharsets.UTF_8)));
            put(z, "xl/workbook.xml", out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><workbook xmlns=\"" + main + "\" xmlns:r=\""
                    + "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"s\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>")
                    .getBytes(StandardCharsets.UTF_8)));
            put(z, "xl/_rels/workbook.xml.rels", out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\""
                    + "http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/"
                    + "officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/><Relationship Id=\"rId2\" Type=\"http://schemas."
                    + "openxmlformats.org/officeDocument/2006/relationships/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>").getBytes(StandardCharsets.UTF_8)));
            put(z, "xl/worksheets/sheet1.xml", out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"" + main + "\"><sheetData>"
                    + "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"s\"><v>2</v></c></row>"
                    + "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\"><v>100</v></c><c r=\"C2\" t=\"s\"><v>4</v></c></row></sheetData></worksheet>")
                    .getBytes(StandardCharsets.UTF_8)));
            put(z, "xl/sharedStrings.xml", out -> {
                out.write(("<sst xmlns=\"" + main + "\"><si><t>交易日期</t></si><si><t>贷方金额</t></si><si><t>对方户名</t></si><si><t>2026-11-09</t></si><si><t>")
                        .getBytes(StandardCharsets.UTF_8));
                byte[] block = new byte[1 << 16];
                Arrays.fill(block, (byte) 'a');
                for (long left = 300L << 20; left > 0; left -= block.length) out.write(block);
                out.write("</t></si></sst>".getBytes(StandardCharsets.UTF_8));
            });
        }
        assertThat(Files.size(f)).isLessThan(1 << 20);
        assertRefused(f, "xl/sharedStrings.xml");
    }

    interface Part {
        void write(OutputStream out) throws IOException;
    }

    static void put(ZipOutputStream z, String name, Part p) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        p.write(z);
        z.closeEntry();
    }

    @Test
    void aGoodFileNextToThemStillImports() throws Exception {
        Path f = StatementFiles.write(dir, "good.csv", HEAD + LINE, StandardCharsets.UTF_8);
        var p = books.statements().preview(f);
        assertThat(p.lines()).hasSize(1);
        assertThat(books.statements().applyProposals(p).recorded()).isEqualTo(1);
    }
}
