package cn.huikuan.ui;

import cn.huikuan.application.ImportService;
import cn.huikuan.application.ReceivableRow;
import cn.huikuan.application.SpreadsheetRows;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.ListQuery;
import cn.huikuan.domain.PartyKind;

/**
 * Issue 21 in the import dialog: the payment-date default, the number deciding person or organisation, the
 * template button, the partial import and the refused rows saved with their reasons.
 */
@ExtendWith(ApplicationExtension.class)
class ImportDialogTest extends UiTestBase {
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Issue 21: the template is in the import button's menu, before the user has any file to choose. */
    @Test
    void theTemplateComesFromTheListBeforeAnyFileIsChosen(FxRobot robot) throws Exception {
        robot.clickOn("#tab-receivables");
        waitUntil(() -> exists(robot, "#importReceivables"));
        Path out = Files.createDirectories(tmp.resolve("模板"));
        dialogs.chosenDirs.add(out);
        robot.clickOn("#importReceivables .arrow-button");
        robot.clickOn(ctx.t("import.template"));
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("导入模板已保存")));
        assertThat(exists(robot, "#importDialog")).as("no file was asked for").isFalse();
        assertThat(books.imports().dryRun(out.resolve("应收款导入模板.xlsx"), null).accepted()).isEqualTo(1);
    }

    @Test
    void aLedgerWithPaidRowsAndAWrongRowGoesInPartlyAndTheWrongRowIsSaved(FxRobot robot) throws Exception {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        Path ledger = tmp.resolve("台账.csv");
        Files.write(ledger, """
                客户名称,证件号码,业务内容,开单日期,金额,已收金额
                王五,,钢材货款,2026-03-01,1000,400
                厦门某某工程队,91350200776049653A,砂石货款,2026-03-02,2000,
                赵六,,水泥货款,2026-03-03,待定,
                """.getBytes(Charset.forName("GB18030")));
        dialogs.chosen.add(List.of(ledger));
        robot.clickOn("#importReceivables");
        waitUntil(() -> exists(robot, "#importDialog"));
        TextArea report = robot.lookup("#importReport").queryAs(TextArea.class);
        Button run = robot.lookup("#importRun").queryAs(Button.class);
        assertThat(report.getText()).contains("1 行有已收金额但没有付款日期", "第 2 行：有已付金额但没有付款日期", "第 4 行：金额不是数字：待定",
                "第 3 行：证件号码是有效的统一社会信用代码，按单位导入");
        assertThat(run.isDisabled()).isTrue();

        // the payment date: the import date, stated with its row count
        ComboBox<?> paidOn = robot.lookup("#importPaidOn").queryAs(ComboBox.class);
        robot.clickOn("#importPaidOn");
        robot.clickOn("按导入日期（今天）记录");
        waitUntil(() -> report.getText().contains("付款日期：1 行表格中没有付款日期，按导入日期 2026-11-28 记录"));
        assertThat(paidOn.getSelectionModel().getSelectedIndex()).isEqualTo(1);
        assertThat(report.getText()).doesNotContain("第 2 行：");
        assertThat(run.isDisabled()).as("all or nothing while row 4 is wrong").isTrue();

        // the wrong row, saved with its reason
        Button saveRefused = robot.lookup("#importSaveRefused").queryAs(Button.class);
        assertThat(saveRefused.isDisabled()).isFalse();
        Path out = Files.createDirectories(tmp.resolve("out"));
        dialogs.chosenDirs.add(out);
        robot.clickOn("#importSaveRefused");
        Path refused = out.resolve("台账_有误的行.xlsx");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("已保存 1 行有误的行")));
        List<List<String>> back = new ArrayList<>();
        SpreadsheetRows.read(refused, back::add);
        assertThat(back).hasSize(2);
        assertThat(back.get(1)).startsWith("赵六", "", "水泥货款", "2026-03-03", "待定");
        assertThat(back.get(1).get(back.get(1).size() - 1)).contains("金额不是数字：待定");

        // the template, beside it: never over the file already there
        dialogs.chosenDirs.add(out);
        robot.clickOn("#importTemplate");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("导入模板已保存")));
        Path template = out.resolve("应收款导入模板.xlsx");
        List<List<String>> rows = new ArrayList<>();
        SpreadsheetRows.read(template, rows::add);
        assertThat(rows.get(0)).contains("客户名称（必填）", "业务内容");
        assertThat(books.imports().dryRun(template, null).accepted()).isEqualTo(1);
        dialogs.chosenDirs.add(out);
        robot.clickOn("#importTemplate");
        waitUntil(() -> Files.exists(out.resolve("应收款导入模板 (2).xlsx")));

        // the valid rows only: imported, the dialog stays open to say what was refused, closing refreshes the list
        robot.clickOn("#importPartial");
        assertThat(robot.lookup("#importPartial").queryAs(CheckBox.class).isSelected()).isTrue();
        waitUntil(() -> !run.isDisabled() && report.getText().contains("将导入正确的 2 行，有误的 1 行不导入"));
        Screenshots.take(robot.lookup("#importDialog").queryAs(Node.class), "26b-import-partial");
        robot.clickOn("#importRun");
        waitUntil(() -> report.getText().contains("已导入 2 行；1 行有误，没有导入"));
        assertThat(run.isDisabled()).isTrue();
        assertThat(exists(robot, "#importDialog")).isTrue();
        robot.clickOn("#importClose");
        waitUntil(() -> !exists(robot, "#importDialog") && table.getItems().size() == 5);
        assertThat(dialogs.infos).anyMatch(i -> i.contains("已导入 2 笔应收款"));
        assertThat(books.audit().verify().problems()).isEmpty();
        assertThat(books.customers().page(ListQuery.first(20)).rows())
                .filteredOn(c -> c.name().equals("厦门某某工程队")).singleElement()
                .satisfies(c -> assertThat(c.kind()).isEqualTo(PartyKind.ORGANISATION));
        assertThat(ImportService.PaidOnDefault.values()).hasSize(3);
    }
}
