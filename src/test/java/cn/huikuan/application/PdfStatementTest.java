package cn.huikuan.application;

import cn.huikuan.domain.Payment;
import cn.huikuan.statements.MatchKind;
import cn.huikuan.statements.StatementFiles;
import cn.huikuan.statements.StatementFormat;
import cn.huikuan.statements.StatementLine;
import cn.huikuan.storage.Sha256;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23: a bank's 交易明细 as a text PDF (one line per transaction) is read by its Chinese headers into the same rows
 * as a CSV and imported as one; a scan (no text) is refused saying to export CSV or Excel from the bank, and a damaged
 * or tableless PDF is refused; nothing is written then. The PDFs are written by the test with iText, in two layouts.
 */
class PdfStatementTest extends StatementBooksTestBase {
    @Test
    void aBanksPdfWithDebitAndCreditColumnsOverTwoPagesIsReadByItsHeaders() throws Exception {
        Path f = StatementFiles.bankPdf(dir);
        var p = books.statements().preview(f);
        assertThat(p.format()).isEqualTo(StatementFormat.BANK);
        assertThat(p.header()).containsExactly("交易日期", "摘要", "借方金额", "贷方金额", "余额", "对方户名", "对方账号", "流水号");
        assertThat(p.lines()).as("the header repeated on page 2 and the page footers are no lines").hasSize(4);
        assertThat(p.problems()).isEmpty();
        StatementLine in = p.lines().get(0).line();
        assertThat(in.date()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(in.amount()).isEqualByComparingTo("12500.00");
        assertThat(in.direction()).isEqualTo(StatementLine.Direction.IN);
        assertThat(in.payer()).isEqualTo(StatementFiles.BUILDER);
        assertThat(in.account()).isEqualTo(StatementFiles.BUILDER_ACCOUNT);
        assertThat(in.summary()).isEqualTo("货款");
        assertThat(in.transactionId()).isEqualTo("B20261109001");
        StatementLine fee = p.lines().get(1).line();
        assertThat(fee.direction()).isEqualTo(StatementLine.Direction.OUT);
        assertThat(fee.amount()).isEqualByComparingTo("5.00");
        assertThat(fee.payer()).isNull();
        StatementLine fromLi = p.lines().get(3).line();
        assertThat(fromLi.date()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(fromLi.amount()).isEqualByComparingTo("5000.00");
        assertThat(fromLi.payer()).isEqualTo(StatementFiles.LI);
        assertThat(p.lines().get(0).proposal().receivable().id()).isEqualTo(builder);
        assertThat(p.lines().get(3).proposal().receivable().id()).isEqualTo(li);
        assertThat(p.lines().get(3).proposal().kind()).isEqualTo(MatchKind.EXACT);
        assertNothingWritten();

        assertThat(books.statements().applyProposals(p).recorded()).isEqualTo(2);
        List<Payment> paid = books.receivables().payments(builder);
        assertThat(paid).singleElement().satisfies(x -> {
            assertThat(x.getAmount()).isEqualByComparingTo("12500.00");
            assertThat(x.getChannel()).isEqualTo(Payment.Channel.BANK_TRANSFER);
            assertThat(x.getReference()).isEqualTo("B20261109001");
            assertThat(x.getNote()).contains("工行交易明细.pdf");
        });
        var ev = books.evidence().list(builder);
        assertThat(ev).hasSize(1);
        String extract = Files.readString(books.evidence().file(ev.get(0)), StandardCharsets.UTF_8);
        assertThat(extract).contains(Sha256.ofFile(f), "交易日期,摘要,借方金额,贷方金额", "12,500.00").doesNotContain("陌生人");
        assertThat(books.audit().verify().problems()).isEmpty();
        // the same statement as a CSV afterwards: the lines are recognised (same transaction numbers, dates and amounts)
        var csv = books.statements().preview(StatementFiles.bankCsv(dir));
        assertThat(csv.row(6).duplicate()).isTrue();
    }

    @Test
    void anotherLayoutWithDateAndTimeADirectionColumnAndANameInSeveralWordsIsRead() throws Exception {
        var p = books.statements().preview(StatementFiles.otherBankPdf(dir));
        assertThat(p.header()).containsExactly("交易时间", "收/支", "金额(元)", "对方账户名称", "对方账号", "交易附言", "交易流水号");
        assertThat(p.lines()).as("the 合计 line is no line").hasSize(3);
        assertThat(p.problems()).isEmpty();
        StatementLine first = p.lines().get(0).line();
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(first.cells().get(0)).as("date and time in one cell").isEqualTo("2026-11-09 10:01:02");
        assertThat(first.amount()).isEqualByComparingTo("12500.00");
        assertThat(first.received()).isTrue();
        StatementLine out = p.lines().get(1).line();
        assertThat(out.direction()).isEqualTo(StatementLine.Direction.OUT);
        assertThat(out.payer()).as("a name in several words stays one cell").isEqualTo("Shenzhen Quick Logistics Co Ltd");
        assertThat(out.account()).isEqualTo("6222 9999 8888 7777");
        assertThat(out.summary()).isEqualTo("运费");
        StatementLine last = p.lines().get(2).line();
        assertThat(last.amount()).isEqualByComparingTo("1000.00");
        assertThat(last.transactionId()).isEqualTo("T0003");
        assertThat(p.lines().get(2).proposal().receivable().id()).isEqualTo(li);
        assertThat(p.lines().get(2).proposal().kind()).isEqualTo(MatchKind.PART);
    }

    @Test
    void aRowWhosePayerOrSummaryWrapsOntoMoreLinesIsOneLineWithTheWholeText() throws Exception {
        for (boolean centred : new boolean[]{false, true}) {
            var p = books.statements().preview(StatementFiles.wrappedBankPdf(dir, centred));
            assertThat(p.header()).as("centred %s", centred).containsExactly("交易日期", "摘要", "贷方金额", "借方金额", "对方户名", "对方账号", "流水号");
            assertThat(p.problems()).as("centred %s", centred).isEmpty();
            assertThat(p.lines()).as("centred %s: the wrapped lines and the page footer are no lines", centred).hasSize(3);
            StatementLine first = p.lines().get(0).line();
            assertThat(first.payer()).as("centred %s", centred).isEqualTo(StatementFiles.BUILDER);
            assertThat(first.amount()).isEqualByComparingTo("12500.00");
            assertThat(first.account()).isEqualTo(StatementFiles.BUILDER_ACCOUNT);
            assertThat(first.summary()).isEqualTo("货款");
            StatementLine second = p.lines().get(1).line();
            assertThat(second.summary()).as("centred %s", centred).isEqualTo("2026年11月第二期分期还款");
            assertThat(second.payer()).isEqualTo(StatementFiles.LI);
            assertThat(second.date()).isEqualTo(LocalDate.of(2026, 11, 12));
            StatementLine fee = p.lines().get(2).line();
            assertThat(fee.payer()).as("centred %s: the page footer is not joined to the last row", centred).isNull();
            assertThat(fee.account()).isNull();
            // the builder's line matches on the whole name, as a CSV's would
            assertThat(p.lines().get(0).proposal()).isNotNull();
            assertThat(p.lines().get(0).proposal().receivable().id()).isEqualTo(builder);
            assertThat(p.lines().get(1).proposal().receivable().id()).isEqualTo(li);
        }
        assertNothingWritten();
    }

    @Test
    void aScannedPdfIsRefusedSayingToExportCsvOrExcel() throws Exception {
        assertRefused(StatementFiles.scannedPdf(dir), "扫描件", "CSV", "Excel", "no text");
    }

    @Test
    void aSmallPdfWhoseContentInflatesToAGigabyteIsRefusedAndNothingIsWritten() throws Exception {
        Path bomb = dir.resolve("炸弹流水.pdf");
        Files.write(bomb, cn.huikuan.pdf.HostilePdf.bomb(1L << 30, false));
        assertRefused(bomb, "压缩炸弹", "compression bomb");
    }

    @Test
    void aDamagedPdfAndOneWithoutATableAreRefused() throws Exception {
        byte[] good = Files.readAllBytes(StatementFiles.bankPdf(dir));
        Path cut = dir.resolve("cut.pdf");
        Files.write(cut, Arrays.copyOf(good, 400));
        assertRefused(cut, "PDF");
        Path letter = dir.resolve("letter.pdf");
        Files.write(letter, cn.huikuan.tools.InvoiceSamples.pdf(cn.huikuan.tools.InvoiceSamples.sale("26440000000000000001", LocalDate.of(2026, 11, 1), "某某商贸有限公司", "91440300MA5F000001", "某某建筑工程有限公司", null)));
        assertRefused(letter, "没有找到对账单的表头", "no statement header");
    }
}
