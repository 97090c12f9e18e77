package cn.huikuan.ui;

import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

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
}
