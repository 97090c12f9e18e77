package cn.huikuan.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(ApplicationExtension.class)
class EnglishUiTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Override
    String language() {
        return "en";
    }

    @Test
    void everyScreenSpeaksEnglishWhenChosen(FxRobot robot) {
        waitUntil(() -> text(robot, "#dash-outstanding").equals("¥410,000.00"));
        assertThat(robot.lookup("#tab-dashboard").queryAs(javafx.scene.Node.class)).isNotNull();
        assertThat(text(robot, "#newCustomer")).isEqualTo("New customer");
        Screenshots.take(main, "en-01-dashboard");
        robot.clickOn("#tab-receivables");
        waitUntil(() -> robot.lookup("#receivableTable").queryTableView().getItems().size() == 3);
        Screenshots.take(main, "en-02-receivables");
        robot.clickOn("#newCustomer");
        waitUntil(() -> exists(robot, "#customerEditor"));
        robot.clickOn("#customerEditor-save");
        waitUntil(() -> text(robot, "#error-name").equals("Required"));
        robot.clickOn("#customerEditor-cancel");
    }
}
