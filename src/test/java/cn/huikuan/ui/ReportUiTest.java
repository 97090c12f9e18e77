package cn.huikuan.ui;

import cn.huikuan.application.CustomerRow;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.SearchService;
import cn.huikuan.pdf.PdfCheck;

/** The aging report from the overview, and a customer's statement for a period. */
@ExtendWith(ApplicationExtension.class)
class ReportUiTest extends UiTestBase {
    @TempDir
    Path out;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void agingReportAndStatement(FxRobot robot) {
        dialogs.chosenDirs.add(out);
        robot.clickOn("#agingPdf");
        Path aging = out.resolve("账龄分析-某建材有限公司-2026-11-28.pdf");   // issue 21: the book's name and the day
        waitUntil(() -> Files.exists(aging) && dialogs.infos.stream().anyMatch(i -> i.contains("已保存到")));
        try (var pdf = PdfCheck.of(aging)) {
            assertThat(pdf.allText()).contains("410,000.00");
        }

        robot.clickOn("#tab-customers");
        TableView<CustomerRow> table = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        int li = table.getItems().stream().map(CustomerRow::name).toList().indexOf("李某");
        robot.interact(() -> table.getSelectionModel().select(li));
        // issue 21: the period is picked with two date pickers, this year to today unless changed
        robot.clickOn("#customerStatement");
        waitUntil(() -> exists(robot, "#statementDialog"));
        DatePicker from = robot.lookup("#statementFrom").queryAs(DatePicker.class);
        DatePicker to = robot.lookup("#statementTo").queryAs(DatePicker.class);
        assertThat(from.getValue()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(to.getValue()).isEqualTo(LocalDate.of(2026, 11, 28));
        robot.interact(() -> from.setValue(LocalDate.of(2026, 12, 1)));
        robot.clickOn("#statementOk");                        // ends before it starts: refused in a sentence, the dialog stays
        waitUntil(() -> text(robot, "#statementProblem").contains("早于开始日期"));
        assertThat(text(robot, "#statementProblem")).isEqualTo("结束日期（2026-11-28）早于开始日期（2026-12-01），请重新选择。");
        assertThat(exists(robot, "#statementDialog")).isTrue();
        Screenshots.take(robot.lookup("#statementDialog").queryAs(javafx.scene.Node.class), "41-statement-period");
        setDate(robot, "#statementFrom", "2026-13-01");       // typed, not a date
        robot.clickOn("#statementOk");
        waitUntil(() -> text(robot, "#statementProblem").contains("请选择开始日期和结束日期"));
        setDate(robot, "#statementFrom", "2026-01-01");
        dialogs.chosenDirs.add(out);
        robot.clickOn("#statementOk");
        Path st = out.resolve("对账单-李某-2026-01-01至2026-11-28.pdf");
        waitUntil(() -> Files.exists(st) && !exists(robot, "#statementDialog"));
        try (var pdf = PdfCheck.of(st)) {
            assertThat(pdf.allText()).contains("期初余额", "300,000.00");
        }
    }

    @Test
    void searchByPhoneOpensTheCase(FxRobot robot) {
        robot.clickOn("#globalSearch").write("13800001234").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> exists(robot, "#searchDialog"));
        javafx.scene.control.ListView<SearchService.Hit> list = robot.lookup("#searchResults").queryListView();
        // the customer, then (as in the receivables list) the customer's receivable; both open the same case
        assertThat(list.getItems()).extracting(SearchService.Hit::kind).containsExactly(
                SearchService.Kind.CUSTOMER, SearchService.Kind.RECEIVABLE);
        robot.interact(() -> list.getSelectionModel().select(0));
        robot.doubleClickOn(robot.lookup("#searchResults .list-cell").nth(0).queryAs(javafx.scene.Node.class));
        waitUntil(() -> !exists(robot, "#searchDialog") && text(robot, "#detailHeading").contains("李某"));
    }
}
