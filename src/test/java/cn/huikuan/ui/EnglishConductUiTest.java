package cn.huikuan.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 20 in the English window: a blocked reminder's findings give their reasons in English (they were Chinese). */
@ExtendWith(ApplicationExtension.class)
class EnglishConductUiTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    String language() {
        return "en";
    }

    @Test
    void theFindingsOfABlockedReminderAreExplainedInEnglish(FxRobot robot) {
        openSeedCase(robot);
        scrollAndClick(robot, "#wizardNextStep");
        waitUntil(() -> exists(robot, "#reminderText") && !robot.lookup("#reminderText").queryAs(TextArea.class).getText().isBlank());
        TextArea text = robot.lookup("#reminderText").queryAs(TextArea.class);
        robot.interact(() -> text.setText("李某，30万拖了半年了。再不还钱就带人去你家砸东西，你全 家 都别想好过！"));
        scrollAndClick(robot, "#reminderCopy"); // the English page is longer: the button may be below the fold
        waitUntil(() -> robot.lookup("#reminderConductPanel").query().isVisible());
        List<String> findings = robot.lookup("#reminderConductPanel .conduct-finding").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(findings).isNotEmpty()
                .anyMatch(f -> f.contains("Threatening to damage the debtor's property") || f.contains("Threatening the debtor's safety"))
                .anyMatch(f -> f.contains("Dragging in the debtor's family"));
        Screenshots.take(robot.lookup("#reminderConductPanel").queryAs(javafx.scene.Node.class), "en-34-conduct-guard-reminder");
        // the words quoted from the message stay as written; the explanation after them is English
        for (String f : findings) assertThat(f.substring(f.lastIndexOf(": ") + 2)).as(f).doesNotContainPattern("[\\u4e00-\\u9fff]");
    }
}
