package cn.huikuan.ui;

import cn.huikuan.application.ReceivableRow;
import cn.huikuan.domain.AgingBucket;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import javafx.stage.Stage;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.BackupService;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.EvidenceItem;
import java.nio.file.Files;
import java.nio.file.Path;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void dashboardShowsTheSampleTotalsAndAging(FxRobot robot) {
        waitUntil(() -> text(robot, "#dash-outstanding").equals("¥410,000.00"));
        assertThat(text(robot, "#dash-overdue")).isEqualTo("¥410,000.00");
        assertThat(text(robot, "#dash-paid")).isEqualTo("¥260,000.00");
        assertThat(text(robot, "#dash-amount-D181_365")).isEqualTo("¥300,000.00");
        assertThat(text(robot, "#dash-count-D0_30")).isEqualTo("1");
        // the charts are made when their figures arrive (after the window shows): they must then hold them
        waitUntil(() -> robot.lookup("#dash-chart").tryQuery().isPresent() && robot.lookup("#recoveryChart").tryQuery().isPresent());
        javafx.scene.chart.BarChart<?, ?> aging = robot.lookup("#dash-chart").queryAs(javafx.scene.chart.BarChart.class);
        assertThat(aging.getData()).hasSize(1);
        var bars = aging.getData().get(0).getData();
        assertThat(bars).hasSize(6);
        assertThat(((Number) bars.get(4).getYValue()).doubleValue()).isEqualTo(300_000.0); // 181–365 days
        // every bucket's name is shown under its bar (JavaFX hid "181–365 天" at this width when the names lay level)
        waitUntil(() -> aging.getXAxis().getTickMarks().size() == 6);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(aging.getXAxis().getTickMarks()).allMatch(javafx.scene.chart.Axis.TickMark::isTextVisible);
        javafx.scene.chart.LineChart<?, ?> recovery = robot.lookup("#recoveryChart").queryAs(javafx.scene.chart.LineChart.class);
        waitUntil(() -> recovery.getData().size() == 2);
        assertThat(recovery.getData().get(0).getData()).hasSize(12);
        assertThat(recovery.getData().get(1).getData()).hasSize(12);
        // this month's outstanding is the dashboard's outstanding
        assertThat(((Number) recovery.getData().get(1).getData().get(11).getYValue()).doubleValue()).isEqualTo(410_000.0);
        Screenshots.take(main, "01-dashboard");
    }

    @Test
    void anAlteredEvidenceFileIsReportedOnThePageAfterRefresh(FxRobot robot) throws Exception {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        robot.doubleClickOn(robot.lookup("#receivableTable .table-row-cell").nth(0).queryAs(javafx.scene.Node.class), MouseButton.PRIMARY);
        waitUntil(() -> text(robot, "#fig-outstanding").equals("¥300,000.00"));
        robot.clickOn("#detail-tab-evidence");
        TableView<EvidenceItem> evidence = robot.lookup("#evidenceTable").queryTableView();
        waitUntil(() -> evidence.getItems().size() == 5);
        Path stored = books.evidence().file(evidence.getItems().get(0));
        stored.toFile().setWritable(true);
        Files.write(stored, new byte[]{1, 2, 3});
        assertThat(dialogs.errors).isEmpty();
        robot.clickOn("#refreshDetail");
        waitUntil(() -> !dialogs.errors.isEmpty());
        assertThat(dialogs.errors.get(0)).contains("证据文件校验未通过").contains("1 份");
        robot.interact(() -> evidence.getSelectionModel().select(0));
        robot.clickOn("#openEvidence");
        assertThat(dialogs.opened).as("an altered file is not opened as if it were evidence").isEmpty();
        assertThat(dialogs.errors.get(dialogs.errors.size() - 1)).contains("不一致");
    }

    @Test
    void backUpNowWritesABackupAndSaysWhere(FxRobot robot) {
        robot.clickOn("#backupNow");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.startsWith("备份完成")));
        assertThat(BackupService.list(dir.resolve("data").resolve("backups")))
                .anySatisfy(b -> assertThat(b.label()).isEqualTo("manual"));
        assertThat(dir.resolve("data/backups/evidence")).isDirectory();
    }

    @Test
    void languageSelectorAsksForEnglish(FxRobot robot) {
        ComboBox<String> language = robot.lookup("#language").queryComboBox();
        assertThat(language.getValue()).isEqualTo("中文");
        robot.interact(() -> language.getSelectionModel().select("English"));
        assertThat(languageSwitches).containsExactly("en");
        // the app rebuilds the window in English; here the view stays Chinese, so choosing 中文 is no change
        robot.interact(() -> language.getSelectionModel().select("中文"));
        assertThat(languageSwitches).containsExactly("en");
    }

    @Test
    void receivableListShowsDaysOverdueAndFiltersByBucket(FxRobot robot) {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        // default order: most days overdue first
        assertThat(table.getItems().get(0).customerName()).isEqualTo("李某");
        assertThat(table.getItems().get(0).daysOverdue()).isEqualTo(184L);
        Screenshots.take(main, "02-receivables");
        ComboBox<AgingBucket> filter = robot.lookup("#bucketFilter").queryComboBox();
        robot.interact(() -> filter.getSelectionModel().select(AgingBucket.D0_30));
        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).title()).contains("瓷砖");
        assertThat(text(robot, "#receivableTable-page")).contains("1");
    }

    @Test
    void openingTheSeedCaseShowsBalanceEvidenceAndTimeline(FxRobot robot) {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        UiTestBase.openReceivableRow(robot, 0);
        waitUntil(() -> exists(robot, "#fig-outstanding") && text(robot, "#fig-outstanding").equals("¥300,000.00"));
        assertThat(text(robot, "#fig-days")).isEqualTo("184");
        assertThat(text(robot, "#fig-overdueSince")).isEqualTo("2026-05-28");
        assertThat(text(robot, "#fig-limitation")).startsWith("2029-08-28");
        robot.clickOn("#explainLimitation");
        assertThat(dialogs.infos).anySatisfy(i -> assertThat(i).contains("2026-08-28").contains("《民法典》第一百九十五条"));
        waitUntil(() -> robot.lookup("#timeline").queryListView().getItems().size() == 5);
        assertThat(text(robot, "#fig-owed")).isEqualTo("¥327,600.00");
        Screenshots.take(main, "03-receivable-timeline");
        robot.clickOn("#detail-tab-evidence");
        assertThat(robot.lookup("#evidenceTable").queryTableView().getItems()).hasSize(5);
        Screenshots.take(main, "04-receivable-evidence");
        robot.clickOn("#detail-tab-claim");
        assertThat(robot.lookup("#claimLedger").queryTableView().getItems()).hasSize(2);
        assertThat(text(robot, "#claimSummary")).contains("¥327,600.00").contains("¥27,600.00").contains("¥150.00");
        assertThat(text(robot, "#claimNotes")).contains("《民法典》第五百八十五条");
        // issue 19: the penalty beside the loss a sale would allow (300,000 × 3.00 % × 1.3 × 184 / 365 = 5,898.08)
        assertThat(text(robot, "#claimNotes")).contains("约定违约金 ¥27,600.00", "逾期损失为 ¥5,898.08", "第五百八十五条第二款", "第六十五条第二款");
        Screenshots.take(main, "08-receivable-claim");
        assertThat(text(robot, "#fig-nextDeadline")).isEqualTo("—");
        robot.clickOn("#logCourtEvent");
        waitUntil(() -> exists(robot, "#courtEventDialog"));
        javafx.scene.control.ComboBox<CourtEvent.Kind> kind = robot.lookup("#courtEventKind").queryComboBox();
        robot.interact(() -> kind.setValue(CourtEvent.Kind.PAYMENT_ORDER_SERVED));
        setDate(robot, "#courtEventDate", "2026-11-20");
        set(robot, "#courtEventCaseNumber", "（2026）浙0105民督123号");
        robot.clickOn("#courtEventDialog-save");
        // served 20 Nov: 15 days → Saturday 5 Dec → Monday 7 Dec (民事诉讼法 §227, §85)
        waitUntil(() -> !exists(robot, "#courtEventDialog") && exists(robot, "#fig-nextDeadline")
                && text(robot, "#fig-nextDeadline").startsWith("2026-12-07"));
        robot.clickOn("#detail-tab-court");
        assertThat(robot.lookup("#courtList").queryListView().getItems()).hasSize(2);
        Screenshots.take(main, "11-receivable-court");
    }

    /** Issue 21: the status bar opens the folder of the log file a user can send. */
    @Test
    void theLogFolderIsOneClickAway(FxRobot robot) {
        robot.clickOn("#openLogs");
        waitUntil(() -> !dialogs.opened.isEmpty());
        assertThat(dialogs.opened.get(dialogs.opened.size() - 1)).isEqualTo(books.db().folder().root().resolve("logs"));
    }
}
