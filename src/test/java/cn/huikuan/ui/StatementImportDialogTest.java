package cn.huikuan.ui;

import cn.huikuan.application.ListQuery;
import cn.huikuan.domain.Payment;
import cn.huikuan.statements.StatementFiles;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 23 in the app: 导入收款流水… from the main tool bar, a bank statement of the sample book's debtors; the user
 * skips one proposal, changes an unmatched line to another debt, confirms the rest and records: only those become
 * payments, each with its line as evidence.
 */
@ExtendWith(ApplicationExtension.class)
class StatementImportDialogTest extends UiTestBase {
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    long receivable(String text) {
        return books.receivables().page(ListQuery.first(10).withText(text)).rows().get(0).id();
    }

    @Test
    void theUserConfirmsChangesAndSkipsLinesAndOnlyTheConfirmedAreRecorded(FxRobot robot) throws Exception {
        long tiles = receivable("瓷砖"), sale = receivable("建材"), loan = receivable("借款");
        int salePayments = books.receivables().payments(sale).size(), tilePayments = books.receivables().payments(tiles).size();
        Path f = StatementFiles.write(tmp, "对公账户明细.csv", """
                中国农业银行 对公账户交易明细,,,,,,
                交易日期,摘要,借方金额,贷方金额,对方账号,对方户名,流水号
                2026-11-20,分期款,,"30,000.00",6222000011112222,某装饰工程有限公司,U1
                2026-11-21,还款,,"5,000.00",6222333344445555,李某,U2
                2026-11-22,转账,,"1,000.00",6217999988887777,陌生人,U3
                2026-11-23,电费,300.00,,,,U4
                """, Charset.forName("GBK"));
        dialogs.chosen.add(List.of(f));
        robot.clickOn("#importStatement");
        waitUntil(() -> exists(robot, "#statementDialog") && text(robot, "#statementSummary").contains("共 4 行"));
        assertThat(text(robot, "#statementSummary")).contains("银行流水：共 4 行，收款 3 笔，建议对应 2 笔");
        TableView<?> table = robot.lookup("#statementLines").queryAs(TableView.class);
        Button record = robot.lookup("#statementRecord").queryAs(Button.class);
        assertThat(onFx(record::getText)).isEqualTo("记录已确认的 2 笔收款");
        assertThat(books.receivables().payments(tiles)).as("nothing is recorded before the user records").hasSize(tilePayments);

        // 李某's 5,000.00 is proposed as a part of the sale: skipped
        robot.clickOn(robot.lookup("#statementLines .table-row-cell").nth(1).queryAs(Node.class));
        robot.clickOn("#statementSkip");
        waitUntil(() -> record.getText().equals("记录已确认的 1 笔收款"));

        // the stranger's 1,000.00 has no proposal: changed to 张某's loan, found by name
        robot.clickOn(robot.lookup("#statementLines .table-row-cell").nth(2).queryAs(Node.class));
        set(robot, "#statementSearch", "张某");
        robot.clickOn("#statementFind");
        ListView<?> candidates = robot.lookup("#statementCandidates").queryAs(ListView.class);
        waitUntil(() -> candidates.getItems().size() == 1);
        robot.clickOn(robot.lookup("#statementCandidates .list-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#statementChange");
        waitUntil(() -> record.getText().equals("记录已确认的 2 笔收款"));
        assertThat(onFx(() -> table.getItems().size())).isEqualTo(4);
        Screenshots.take(robot.lookup("#statementDialog").queryAs(Node.class), "40-statement-import");

        robot.clickOn("#statementRecord");
        waitUntil(() -> !exists(robot, "#statementDialog") && dialogs.infos.stream().anyMatch(i -> i.contains("已记录 2 笔收款")));
        assertThat(books.receivables().payments(tiles)).hasSize(tilePayments + 1).extracting(Payment::getPaidOn, Payment::getAmount)
                .contains(org.assertj.core.groups.Tuple.tuple(LocalDate.of(2026, 11, 20), new BigDecimal("30000.00")));
        assertThat(books.receivables().payments(loan)).extracting(Payment::getAmount).containsExactly(new BigDecimal("1000.00"));
        assertThat(books.receivables().payments(sale)).as("skipped").hasSize(salePayments);
        assertThat(books.evidence().list(loan)).anyMatch(e -> e.getTitle().contains("银行流水 2026-11-22 1000.00 元"));
        assertThat(books.audit().verify().problems()).isEmpty();
    }

    @Test
    void aHostileFileIsRefusedInTheDialogWithItsSentence(FxRobot robot) throws Exception {
        Path f = StatementFiles.write(tmp, "bad.csv", "交易日期,贷方金额,对方户名\n2026-11-20,100.00,\"=HYPERLINK(\"\"http://x\"\")\"\n",
                java.nio.charset.StandardCharsets.UTF_8);
        dialogs.chosen.add(List.of(f));
        robot.clickOn("#importStatement");
        waitUntil(() -> exists(robot, "#statementDialog") && text(robot, "#statementRefused").contains("公式"));
        assertThat(text(robot, "#statementRefused")).contains("formula");
        assertThat(robot.lookup("#statementRecord").queryAs(Button.class).isDisabled()).isTrue();
        robot.clickOn("#statementClose");
        waitUntil(() -> !exists(robot, "#statementDialog"));
    }
}
