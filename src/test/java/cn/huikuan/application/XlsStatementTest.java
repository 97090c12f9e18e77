package cn.huikuan.application;

import cn.huikuan.domain.Payment;
import cn.huikuan.statements.MatchKind;
import cn.huikuan.statements.StatementFiles;
import cn.huikuan.statements.StatementFormat;
import cn.huikuan.statements.StatementLine;
import cn.huikuan.statements.StatementRefused;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Issue 23: a statement in the old Excel format (.xls, BIFF8), which many Chinese banks still export, is read through
 * Apache POI's HSSF into the same rows as an .xlsx or .csv (date cells as dates, numbers as digits) and imported as
 * they are; a damaged, encrypted, oversized or otherwise hostile .xls is refused with one sentence, nothing written.
 * The .xls files are written by the test with POI.
 */
class XlsStatementTest extends StatementBooksTestBase {
    @Test
    void aBanksXlsWithChineseHeadersIsReadAsItsCsvIsAndRecorded() throws Exception {
        Path f = StatementFiles.bankXls(dir);
        var p = books.statements().preview(f);
        assertThat(p.format()).isEqualTo(StatementFormat.BANK);
        assertThat(p.headerRow()).as("three title rows and a blank one above the header").isEqualTo(5);
        assertThat(p.header()).containsExactly("交易日期", "摘要", "借方金额", "贷方金额", "余额", "对方账号", "对方户名", "流水号");
        assertThat(p.lines()).extracting(l -> l.line().row()).containsExactly(6, 7, 8);
        StatementLine in = p.row(6).line();
        assertThat(in.date()).as("a date cell").isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(in.amount()).as("a number cell, two decimals").isEqualByComparingTo("12500.00").extracting(a -> a.scale()).isEqualTo(2);
        assertThat(in.direction()).isEqualTo(StatementLine.Direction.IN);
        assertThat(in.payer()).isEqualTo(StatementFiles.BUILDER);
        assertThat(in.account()).isEqualTo(StatementFiles.BUILDER_ACCOUNT);
        assertThat(in.transactionId()).isEqualTo("B20261109001");
        assertThat(in.cells()).as("the row as the extract keeps it").contains("2026-11-09", "12500", "112500");
        assertThat(p.row(7).line().direction()).isEqualTo(StatementLine.Direction.OUT);
        assertThat(p.row(7).line().amount()).isEqualByComparingTo("5.00");
        assertThat(p.problems()).as("the 合计 footer is no line").isEmpty();
        assertThat(p.row(6).proposal().receivable().id()).isEqualTo(builder);
        assertThat(p.row(6).proposal().kind()).isEqualTo(MatchKind.EXACT);
        assertThat(p.row(8).proposal().matched()).as("a stranger").isFalse();
        assertNothingWritten();

        var r = books.statements().applyProposals(p);
        assertThat(r.recorded()).isEqualTo(1);
        List<Payment> paid = books.receivables().payments(builder);
        assertThat(paid).singleElement().satisfies(x -> {
            assertThat(x.getAmount()).isEqualByComparingTo("12500.00");
            assertThat(x.getPaidOn()).isEqualTo(LocalDate.of(2026, 11, 9));
            assertThat(x.getChannel()).isEqualTo(Payment.Channel.BANK_TRANSFER);
            assertThat(x.getNote()).contains("农行明细.xls", "第 6 行");
        });
        assertThat(books.evidence().list(builder)).hasSize(1);
        assertThat(books.audit().verify().problems()).isEmpty();
        // the same lines as the bank's CSV: the keys are the same, so the CSV of the same statement is recognised
        var csv = books.statements().preview(StatementFiles.bankCsv(dir));
        assertThat(csv.lines().stream().filter(l -> l.line().received()).map(l -> l.line().key()))
                .containsExactlyElementsOf(p.lines().stream().filter(l -> l.line().received()).map(l -> l.line().key()).toList());
        assertThat(csv.row(6).duplicate()).isTrue();
    }

    @Test
    void aWeChatLikeBillAsXlsSkipsItsPreambleAndReadsItsTextCells() throws Exception {
        var p = books.statements().preview(StatementFiles.wechatXls(dir));
        assertThat(p.format()).isEqualTo(StatementFormat.WECHAT);
        assertThat(p.headerRow()).isEqualTo(17);
        assertThat(p.lines()).hasSize(4);
        StatementLine in = p.row(18).line();
        assertThat(in.date()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(in.amount()).isEqualByComparingTo("5000.00");
        assertThat(in.received()).isTrue();
        assertThat(in.transactionId()).as("WeChat's tab after the number removed").isEqualTo("1000050001202611020123456789012");
        assertThat(p.row(20).line().received()).as("refunded").isFalse();
        assertThat(p.row(21).line().direction()).as("a withdrawal: neither in nor out").isEqualTo(StatementLine.Direction.NEITHER);
        assertThat(p.row(18).proposal().receivable().id()).isEqualTo(li);
        assertThat(books.statements().apply(p, Map.of(18, li)).recorded()).isEqualTo(1);
        assertThat(books.receivables().payments(li)).singleElement().extracting(Payment::getChannel).isEqualTo(Payment.Channel.WECHAT_PAY);
    }

    @Test
    void aFormulaLikeTextCellInAnXlsIsRefusedNamingTheRow() throws Exception {
        Path f = StatementFiles.bankXls(dir);
        try (HSSFWorkbook wb = new HSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(f))); OutputStream out = Files.newOutputStream(f)) {
            wb.getSheetAt(0).getRow(7).createCell(1).setCellValue("=cmd|' /C calc'!A0");
            wb.write(out);
        }
        assertRefused(f, "第 8 行", "row 8", "formula");
    }

    @Test
    void aDamagedTruncatedOrForeignOle2FileIsRefused() throws Exception {
        byte[] good = Files.readAllBytes(StatementFiles.bankXls(dir));
        Path cut = dir.resolve("cut.xls");
        Files.write(cut, Arrays.copyOf(good, good.length / 3));
        assertRefused(cut, ".xls", "damaged");
        Path header = dir.resolve("header.xls");
        Files.write(header, Arrays.copyOf(good, 16));
        assertRefused(header, ".xls", "damaged");
        // an OLE2 file that holds no workbook (as a Word .doc does)
        Path doc = dir.resolve("notes.xls");
        try (POIFSFileSystem fs = new POIFSFileSystem(); OutputStream out = Files.newOutputStream(doc)) {
            fs.createDocument(new ByteArrayInputStream(new byte[4096]), "WordDocument");
            fs.writeFilesystem(out);
        }
        assertRefused(doc, ".xls", "not an Excel workbook");
    }

    @Test
    void anEncryptedXlsIsRefusedSayingSo() throws Exception {
        Path f = dir.resolve("locked.xls");
        Biff8EncryptionKey.setCurrentUserPassword("secret");
        try (HSSFWorkbook wb = new HSSFWorkbook(new ByteArrayInputStream(Files.readAllBytes(StatementFiles.bankXls(dir))));
             OutputStream out = Files.newOutputStream(f)) {
            wb.write(out);
        } finally {
            Biff8EncryptionKey.setCurrentUserPassword(null);
        }
        assertRefused(f, "密码", "password-protected");
    }

    @Test
    void anXlsOverItsSizeCapIsRefusedBeforePoiOpensIt() throws Exception {
        Path f = dir.resolve("huge.xls");
        Files.copy(StatementFiles.bankXls(dir), f);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(XlsRows.MAX_BYTES + 1);   // sparse; still under the statement's 64 MiB
        }
        assertRefused(f, "过大", "too large", "16 MiB");
    }

    /**
     * Random damage anywhere in a real .xls: each copy is either read (and then only as a statement: lines or a
     * refusal) or refused with a sentence, at once, never an exception of another kind and never a hang.
     */
    @Test
    void randomlyDamagedXlsFilesAreReadOrRefusedNeverAnythingElse() throws Exception {
        byte[] good = Files.readAllBytes(StatementFiles.bankXls(dir));
        Random rnd = new Random(23);
        Path f = dir.resolve("fuzz.xls");
        int refused = 0;
        for (int i = 0; i < 60; i++) {
            byte[] b = good.clone();
            int flips = 1 + rnd.nextInt(20);
            for (int k = 0; k < flips; k++) {
                // keep the OLE2 signature, so the .xls reader is the one that sees the damage
                b[8 + rnd.nextInt(b.length - 8)] = (byte) rnd.nextInt(256);
            }
            Files.write(f, b);
            boolean[] wasRefused = {false};
            assertTimeoutPreemptively(HostileStatementTest.LIMIT, () -> {
                try {
                    books.statements().preview(f);
                } catch (StatementRefused e) {
                    HostileSpreadsheetTest.assertBilingualSentence(e.getMessage());
                    wasRefused[0] = true;
                }
            });
            if (wasRefused[0]) refused++;
        }
        assertThat(refused).as("damage is seen").isPositive();
        assertNothingWritten();
    }
}
