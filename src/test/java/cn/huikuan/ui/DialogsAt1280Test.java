package cn.huikuan.ui;

import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: the dialogs a shop owner opens most (customer, receivable, own business, rates and holidays, payment,
 * contact, court step, export) fit a 1280×720 screen and show every label whole (no "…"), in Chinese;
 * {@link English} runs the same in English, whose words are longer.
 */
@ExtendWith(ApplicationExtension.class)
class DialogsAt1280Test extends UiTestBase {
    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** The same dialogs in the English window. */
    static class English extends DialogsAt1280Test {
        @Start
        @Override
        void start(Stage stage) {
            open(stage);
        }

        @Override
        String language() {
            return "en";
        }
    }

    @Test
    void theMainDialogsFitAndShowTheirLabelsWhole(FxRobot robot) {
        robot.interact(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
        });
        List<String> checked = new ArrayList<>();
        checkDialog(robot, "#newCustomer", checked);
        checkDialog(robot, "#newReceivable", checked);
        checkDialog(robot, "#editCreditor", checked);
        checkDialog(robot, "#editLpr", checked);
        openSeedCase(robot);
        for (String button : List.of("#editReceivable", "#addPayment", "#logContact", "#logCourtEvent", "#exportDocuments")) {
            checkDialog(robot, button, checked);
        }
        assertThat(checked).hasSize(9);
    }

    private void checkDialog(FxRobot robot, String opener, List<String> checked) {
        List<Window> before = List.copyOf(robot.listWindows());
        scrollAndClick(robot, opener);
        waitUntil(() -> robot.listWindows().stream().anyMatch(w -> !before.contains(w) && w.isShowing() && w.getScene() != null));
        Window dialog = robot.listWindows().stream().filter(w -> !before.contains(w) && w.isShowing()).findFirst().orElseThrow();
        Issue21UiTest.WaitForFx.layout(robot);
        assertThat(dialog.getWidth()).as(opener + "'s dialog width").isLessThanOrEqualTo(1280);
        assertThat(dialog.getHeight()).as(opener + "'s dialog height").isLessThanOrEqualTo(720);
        for (Node n : dialog.getScene().getRoot().lookupAll(".label")) {
            if (n instanceof Labeled l && l.isVisible() && !l.isWrapText()) Issue21UiTest.assertClipped(n, opener + " label");
        }
        for (Node n : dialog.getScene().getRoot().lookupAll(".button")) Issue21UiTest.assertClipped(n, opener + " button");
        checked.add(opener);
        robot.interact(dialog::hide);
        waitUntil(() -> !dialog.isShowing());
    }
}
