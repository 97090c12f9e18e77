package cn.huikuan.ui;

import cn.huikuan.application.ReceivableRow;
import cn.huikuan.workflow.ReminderTemplates;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.MouseButton;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 20 in the app: a reminder the guard blocks cannot be copied; the wizard shows each finding with its words
 * highlighted in the message, its category, reason and article, and a lawful rewrite in the chosen tone, which one
 * click puts in place; the rewrite then passes and is copied.
 */
@ExtendWith(ApplicationExtension.class)
class ConductGuardUiTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aBlockedReminderShowsItsFindingsHighlightedWithTheArticleAndALawfulRewrite(FxRobot robot) {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        UiTestBase.openReceivableRow(robot, 0);
        waitUntil(() -> exists(robot, "#wizardTitle") && text(robot, "#wizardTitle").contains("知己知彼"));
        robot.clickOn("#wizardNextStep");
        waitUntil(() -> text(robot, "#wizardTitle").contains("友好提醒"));

        ComboBox<ReminderTemplates.Tone> tone = robot.lookup("#reminderTone").queryComboBox();
        TextArea text = robot.lookup("#reminderText").queryAs(TextArea.class);
        waitUntil(() -> text.getText().contains("李某"));
        robot.interact(() -> tone.setValue(ReminderTemplates.Tone.FINAL));
        waitUntil(() -> text.getText().contains("支付令"));
        String abusive = "李某，30万拖了半年了。再不还钱就带人去你家砸东西，你全 家 都别想好过！请本周五前付款。";
        robot.interact(() -> text.setText(abusive));
        robot.clickOn("#reminderCopy");
        waitUntil(() -> robot.lookup("#reminderConductPanel").query().isVisible()
                && robot.lookup("#wizardPage").query().getParent().getParent().getParent() instanceof javafx.scene.control.ScrollPane sp
                && sp.getVvalue() > 0);

        assertThat(text(robot, "#reminderFindings")).contains("不能这样发");
        assertThat(text(robot, "#reminderConductHeadline")).contains("不能这样发出");
        List<String> spans = robot.lookup("#reminderConductPanel .conduct-span").queryAllAs(Text.class).stream().map(Text::getText).toList();
        assertThat(spans).anyMatch(s -> s.contains("砸东西")).anyMatch(s -> s.contains("全 家 都别想好过"));
        List<String> findings = robot.lookup("#reminderConductPanel .conduct-finding").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(findings).anyMatch(f -> f.contains("暴力或威胁") && f.contains("砸东西"))
                .anyMatch(f -> f.contains("牵连家人") && f.contains("「全 家 都别想好过」"));
        List<String> basis = robot.lookup("#reminderConductPanel .conduct-basis").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(basis).anyMatch(b -> b.contains("《治安管理处罚法》第五十条")).anyMatch(b -> b.contains("《刑法》第二百七十五条"))
                .noneMatch(b -> b.contains("第二百九十三条之一"));
        String rewrite = text(robot, "#reminderConductRewrite");
        assertThat(rewrite).startsWith("李某，30万拖了半年了。").endsWith("请本周五前付款。").contains("依法向人民法院起诉").doesNotContain("砸", "全家");
        Screenshots.take(robot.lookup("#wizard").queryAs(Node.class), "34-conduct-guard-reminder");
        assertThat(text.getText()).as("nothing changed until the user takes the rewrite").isEqualTo(abusive);

        scrollAndClick(robot, "#reminderConductUseRewrite");
        assertThat(text.getText()).isEqualTo(rewrite);
        scrollAndClick(robot, "#reminderCopy");
        waitUntil(() -> !robot.lookup("#reminderConductPanel").query().isVisible());
        assertThat(text(robot, "#reminderFindings")).isEmpty();
    }
}
