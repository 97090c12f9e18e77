package cn.huikuan.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.Font;
import java.io.InputStream;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: on a desktop whose only Chinese font is Noto CJK (OpenType/CFF, which JavaFX draws as boxes), or with no
 * Chinese font at all (this test machine), every Chinese character was an empty box. The screens now use a TrueType
 * family that has the glyphs: the system's 微软雅黑 or 苹方, else the shipped 文泉驿微米黑. This checks every Chinese
 * label of the main window is set in that family, and that the family's font has a glyph for each of its characters.
 */
@ExtendWith(ApplicationExtension.class)
class ChineseFontTest extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void everyChineseLabelIsSetInAFontThatHasItsGlyphs(FxRobot robot) throws Exception {
        waitUntil(() -> robot.lookup("#mainView").tryQuery().isPresent());
        assertThat(UiFont.family()).as("no Chinese font on this machine: the shipped one").isEqualTo(UiFont.BUNDLED);
        Font shipped;
        try (InputStream in = UiFont.class.getResourceAsStream(UiFont.BUNDLED_RESOURCE)) {
            shipped = Font.createFonts(in)[0];
        }
        List<Labeled> chinese = robot.lookup((Node n) -> n instanceof Labeled l && l.isVisible() && l.getText() != null
                && l.getText().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)).queryAllAs(Labeled.class)
                .stream().toList();
        assertThat(chinese).hasSizeGreaterThan(10);
        for (Labeled l : chinese) {
            assertThat(l.getFont().getFamily()).as(l.getText()).isEqualTo(UiFont.BUNDLED);
            assertThat(shipped.canDisplayUpTo(l.getText())).as("a glyph for every character of " + l.getText()).isEqualTo(-1);
        }
        // the charts' axes set their tick labels' font themselves (the aging buckets are Chinese)
        waitUntil(() -> robot.lookup(".axis").tryQuery().isPresent());
        for (javafx.scene.chart.Axis<?> axis : robot.lookup(".axis").queryAllAs(javafx.scene.chart.Axis.class)) {
            assertThat(axis.getTickLabelFont().getFamily()).isEqualTo(UiFont.BUNDLED);
        }
        Screenshots.take(robot.lookup("#mainView").queryAs(Node.class), "01-dashboard");
    }
}
