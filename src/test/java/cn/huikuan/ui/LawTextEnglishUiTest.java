package cn.huikuan.ui;

import cn.huikuan.application.ReceivableRow;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21, the law engine's texts: in English, the sample receivable's claim card (summary, ledger, method, warnings,
 * rules) and limitation card (date, which rule decided, the "Why" table and its rules) have no Chinese left; the figures
 * and dates are those the Chinese window shows (MainWindowTest).
 */
@ExtendWith(ApplicationExtension.class)
class LawTextEnglishUiTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    String language() {
        return "en";
    }

    @Test
    void theClaimAndLimitationCardsOfTheSampleReceivableAreEnglish(FxRobot robot) {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        UiTestBase.openReceivableRow(robot, 0);
        waitUntil(() -> exists(robot, "#fig-outstanding") && text(robot, "#fig-outstanding").equals("¥300,000.00"));

        // the limitation card: the date, which rule decided, and the table behind "Why"
        assertThat(text(robot, "#fig-limitation")).startsWith("2029-08-28").doesNotContainPattern("\\p{IsHan}");
        assertThat(text(robot, "#limitationDecidedBy")).doesNotContainPattern("\\p{IsHan}");
        int before = dialogs.infos.size();
        robot.clickOn("#explainLimitation");
        waitUntil(() -> dialogs.infos.size() > before);
        String why = dialogs.infos.get(dialogs.infos.size() - 1);
        assertThat(why).contains("2026-08-28", "Civil Code Art. 195", "Civil Code Art. 188(2)", "2029-08-28")
                .doesNotContainPattern("\\p{IsHan}");

        // the claim card: summary, every ledger cell, and the notes (method, warnings, penalty beside loss, rules)
        robot.clickOn("#detail-tab-claim");
        assertThat(robot.lookup("#claimLedger").queryTableView().getItems()).hasSize(2);
        assertThat(text(robot, "#claimSummary")).contains("¥327,600.00", "¥27,600.00").doesNotContainPattern("\\p{IsHan}");
        List<String> cells = robot.lookup("#claimLedger .table-cell").queryAllAs(TableCell.class).stream()
                .map(c -> c.getText() == null ? "" : c.getText()).filter(s -> !s.isEmpty()).toList();
        assertThat(cells).anyMatch(s -> s.contains("days)")).allSatisfy(s -> assertThat(s).doesNotContainPattern("\\p{IsHan}"));
        assertThat(text(robot, "#claimNotes")).contains("Civil Code Art. 585", "¥5,898.08", "Civil Code Art. 585(2)")
                .doesNotContainPattern("\\p{IsHan}");
        assertThat(text(robot, "#claimNotes")).contains("Rules applied: Civil Code");
        Screenshots.take(robot.lookup("#claimLedger").queryAs(javafx.scene.Node.class).getScene(), "en-08-receivable-claim");
    }
}
