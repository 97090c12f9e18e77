package cn.huikuan.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.ReceivableRow;
import cn.huikuan.application.TodayService;
import cn.huikuan.domain.CollectionStep;

/** Issue 21, item 8, in English: the tool bar fits at 1280×720 and nothing is cut. */
@ExtendWith(ApplicationExtension.class)
class Issue21EnglishUiTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    String language() {
        return "en";
    }

    @Test
    void theToolBarFitsAndStepNamesAreWholeAt1280x720(FxRobot robot) {
        Issue21UiTest.checkLayoutAt1280x720(this, robot);
    }

    /** Item 8: the to-do texts and the wizard's guidance (what next, and why) are English in English mode. */
    @Test
    void toDoTextsAndWizardGuidanceAreEnglish(FxRobot robot) {
        javafx.scene.control.ListView<TodayService.Item> list = robot.lookup("#todayList").queryListView();
        waitUntil(() -> list.getItems().size() == 3 && text(robot, "#todayStatus").contains("3 items"));
        for (var item : list.getItems()) {
            assertThat(item.text(ctx.i18n())).as(item.text()).doesNotContainPattern("\\p{IsHan}");
        }
        assertThat(list.getItems().get(0).text(ctx.i18n())).isEqualTo("The debtor promised to pay by 2026-08-31 and did not");
        robot.clickOn("#tab-receivables");
        javafx.scene.control.TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        UiTestBase.openReceivableRow(robot, 0);
        waitUntil(() -> exists(robot, "#wizardNext"));
        assertThat(text(robot, "#wizardNext")).startsWith("Next: Go through the evidence checklist").doesNotContainPattern("\\p{IsHan}");
        assertThat(text(robot, "#wizardWhy")).contains("Who claims must prove", "Art. 67").doesNotContainPattern("\\p{IsHan}");
        var checks = robot.lookup("#wizardPage .wizard-check").queryAllAs(javafx.scene.control.Label.class);
        assertThat(checks).isNotEmpty().allSatisfy(l -> assertThat(l.getText()).doesNotContainPattern("\\p{IsHan}"));
        var strategy = robot.lookup("#wizardStrategy").queryAllAs(javafx.scene.control.Label.class);
        assertThat(strategy).isNotEmpty().allSatisfy(l -> assertThat(l.getText()).doesNotContainPattern("\\p{IsHan}"));
        javafx.scene.control.ListView<CollectionStep> steps = robot.lookup("#wizardSteps").queryListView();
        for (var step : CollectionStep.values()) {
            robot.interact(() -> steps.getSelectionModel().select(step));
            waitUntil(() -> text(robot, "#wizardTitle").contains(ctx.t("wizard.step." + step.name())));
            assertThat(text(robot, "#wizardWhy")).as(step.name()).doesNotContainPattern("\\p{IsHan}");
            // the whole window, each step as an English user sees it (docs/screenshots)
            Screenshots.take(robot.lookup("#wizardTitle").queryAs(javafx.scene.Node.class), "en-wizard-" + (step.ordinal() + 1) + "-"
                    + step.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
