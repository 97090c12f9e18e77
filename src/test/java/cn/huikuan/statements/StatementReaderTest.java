package cn.huikuan.statements;

import cn.huikuan.application.SpreadsheetRows;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 23: statements of each kind read from the files the exports write (through the import's own file reader). */
class StatementReaderTest {
    @TempDir
    Path dir;

    static Statement read(Path file) {
        StatementReader r = new StatementReader();
        SpreadsheetRows.read(file, r::accept);
        return r.finish();
    }

    @Test
    void aWeChatBillIsReadAfterItsPreambleWithYuanSignsAndTabbedNumbers() throws Exception {
        Statement s = read(StatementFiles.wechatCsv(dir));
        assertThat(s.format()).isEqualTo(StatementFormat.WECHAT);
        assertThat(s.headerRow()).isEqualTo(17);
        assertThat(s.problems()).isEmpty();
        assertThat(s.lines()).hasSize(4);
        StatementLine first = s.lines().get(0);
        assertThat(first.row()).isEqualTo(18);
        assertThat(first.date()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(first.payer()).isEqualTo("李某");
        assertThat(first.amount()).isEqualTo(new BigDecimal("5000.00"));
        assertThat(first.amount().scale()).isEqualTo(2);
        assertThat(first.direction()).isEqualTo(StatementLine.Direction.IN);
        assertThat(first.transactionId()).as("the tab WeChat puts after numbers is gone").isEqualTo("1000050001202611020123456789012");
        assertThat(first.summary()).isEqualTo("还10月货款");
        assertThat(first.received()).isTrue();
        assertThat(s.lines().get(1).direction()).isEqualTo(StatementLine.Direction.OUT);
        assertThat(s.lines().get(2).amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(s.lines().get(2).received()).as("已全额退款: the money went back").isFalse();
        assertThat(s.lines().get(3).direction()).as("a withdrawal is neither in nor out").isEqualTo(StatementLine.Direction.NEITHER);
        assertThat(s.received()).extracting(StatementLine::row).containsExactly(18);
    }

    @Test
    void anAlipayBillInGbkIsRead() throws Exception {
        Statement s = read(StatementFiles.alipayGbkCsv(dir));
        assertThat(s.format()).isEqualTo(StatementFormat.ALIPAY);
        assertThat(s.problems()).isEmpty();
        assertThat(s.lines()).extracting(StatementLine::payer).containsExactly("王*明", "某某网店", "王*明");
        StatementLine first = s.lines().get(0);
        assertThat(first.amount()).isEqualTo(new BigDecimal("2000.00"));
        assertThat(first.account()).isEqualTo("wang***@163.com");
        assertThat(first.summary()).isEqualTo("转账 / 11月分期");
        assertThat(first.status()).isEqualTo("交易成功");
        assertThat(s.received()).extracting(StatementLine::row).as("交易关闭 is not money received").containsExactly(first.row());
    }

    @Test
    void aBanksCsvWithCreditAndDebitColumnsAndATotalsFooter() throws Exception {
        Statement s = read(StatementFiles.bankCsv(dir));
        assertThat(s.format()).isEqualTo(StatementFormat.BANK);
        assertThat(s.problems()).as("合计 is a footer, not a line").isEmpty();
        assertThat(s.lines()).hasSize(3);
        StatementLine in = s.lines().get(0);
        assertThat(in.payer()).isEqualTo(StatementFiles.BUILDER);
        assertThat(in.account()).isEqualTo("6222 0202 0000 1234 567");
        assertThat(in.amount()).isEqualTo(new BigDecimal("12500.00"));
        assertThat(in.transactionId()).isEqualTo("B20261109001");
        assertThat(s.lines().get(1).direction()).isEqualTo(StatementLine.Direction.OUT);
        assertThat(s.lines().get(1).amount()).isEqualTo(new BigDecimal("5.00"));
    }

    @Test
    void aBanksXlsxWithDateCellsAndTwoEqualLinesWithoutTransactionNumbers() throws Exception {
        Statement s = read(StatementFiles.bankXlsx(dir));
        assertThat(s.format()).isEqualTo(StatementFormat.BANK);
        assertThat(s.problems()).isEmpty();
        assertThat(s.lines()).hasSize(3);
        assertThat(s.lines().get(0).date()).as("记账日期, not the time-only 交易时间").isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(s.lines().get(0).amount()).isEqualTo(new BigDecimal("1000.00"));
        assertThat(s.lines().get(0).key()).as("two equal payments are two lines").isNotEqualTo(s.lines().get(1).key());
        assertThat(s.lines().get(2).direction()).isEqualTo(StatementLine.Direction.OUT);
        // the same file read again gives the same keys (a second import recognises its lines)
        assertThat(read(StatementFiles.bankXlsx(dir)).lines())
                .extracting(StatementLine::key).isEqualTo(s.lines().stream().map(StatementLine::key).toList());
    }

    @Test
    void amountsAndDatesAsExportsWriteThem() {
        assertThat(StatementReader.amount("¥1,234.50")).isEqualTo(new BigDecimal("1234.50"));
        assertThat(StatementReader.amount("￥100")).isEqualTo(new BigDecimal("100.00"));
        assertThat(StatementReader.amount("-200.00")).isEqualTo(new BigDecimal("-200.00"));
        assertThat(StatementReader.amount("(200.00)")).isEqualTo(new BigDecimal("-200.00"));
        assertThat(StatementReader.amount("1234.5600000000001")).isEqualTo(new BigDecimal("1234.56"));
        assertThat(StatementReader.amount("8000元")).isEqualTo(new BigDecimal("8000.00"));
        assertThatThrownBy(() -> StatementReader.amount("12.345")).hasMessageContaining("two decimals");
        assertThatThrownBy(() -> StatementReader.amount("abc")).hasMessageContaining("cannot be read");
        assertThat(StatementReader.date("2026/3/5 10:23")).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(StatementReader.date("2026年3月5日")).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(StatementReader.date("20260305")).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(StatementReader.date("20260305 102311")).isEqualTo(LocalDate.of(2026, 3, 5));
        assertThat(StatementReader.date("2026-02-30")).isNull();
        assertThat(StatementReader.date("10:01:02")).isNull();
    }

    @Test
    void aSignedAmountColumnWithADebitCreditFlag() {
        Statement s = StatementReader.read(List.of(
                List.of("交易日期", "借贷标志", "交易金额", "对方户名", "摘要", "交易流水号"),
                List.of("2026-11-01", "贷", "300.00", "李某", "货款", "X1"),
                List.of("2026-11-02", "借", "50.00", "某某", "运费", "X2"),
                List.of("2026-11-03", "贷", "十二元", "李某", "货款", "X3"),
                List.of("2026-11-01", "贷", "300.00", "李某", "货款 again", "X1")));
        assertThat(s.lines()).extracting(StatementLine::direction).containsExactly(StatementLine.Direction.IN, StatementLine.Direction.OUT);
        assertThat(s.problems()).extracting(Statement.Problem::row).containsExactly(4, 5);
        assertThat(s.problems().get(0).reason()).contains("amount cannot be read");
    }

    @Test
    void aFileWithoutAStatementHeaderIsRefused() {
        List<List<String>> ledger = new ArrayList<>();
        ledger.add(List.of("客户名称", "日期", "金额"));
        ledger.add(List.of("李某", "2026-01-01", "100"));
        assertThatThrownBy(() -> StatementReader.read(ledger)).isInstanceOf(StatementRefused.class)
                .hasMessageContaining("没有找到对账单的表头").hasMessageContaining("no statement header");
    }

    @Test
    void cellsThatStartLikeFormulasAreRefusedButSignedAmountsAndRuleLinesAreNot() {
        for (String hostile : List.of("=HYPERLINK(\"http://x\",\"点这里\")", "+cmd|' /C calc'!A0", "-cmd|' /C calc'!A0", "@SUM(A1:A9)", "=1+1", "--cmd", "-2+3+cmd|' /C calc'!A0")) {
            List<List<String>> rows = List.of(List.of("交易日期", "贷方金额", "对方户名"), List.of("2026-11-01", "100.00", hostile));
            assertThatThrownBy(() -> StatementReader.read(rows)).as(hostile).isInstanceOf(StatementRefused.class)
                    .hasMessageContaining("第 2 行").hasMessageContaining("formula");
        }
        Statement fine = StatementReader.read(List.of(List.of("------交易记录明细列表------"), List.of("===="),
                List.of("交易日期", "交易金额", "对方户名"), List.of("2026-11-01", "-100.00", "+86 138 0000 0000")));
        assertThat(fine.lines()).hasSize(1);
        assertThat(fine.lines().get(0).direction()).isEqualTo(StatementLine.Direction.OUT);
    }
}
