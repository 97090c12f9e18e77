package cn.huikuan.ui;

import cn.huikuan.application.ReceivableRow;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
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
import cn.huikuan.pdf.PdfCheck;
import org.testfx.util.WaitForAsyncUtils;

/** 导出文书: preview the pages, review the court's name, export a packet, open its folder; bad choices get clear answers. */
@ExtendWith(ApplicationExtension.class)
class ExportDialogTest extends UiTestBase {
    @TempDir
    Path exportTo;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void openExport(FxRobot robot) {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        UiTestBase.openReceivableRow(robot, 0);
        waitUntil(() -> text(robot, "#fig-outstanding").equals("¥300,000.00"));
        robot.clickOn("#exportDocuments");
        waitUntil(() -> text(robot, "#previewPage").startsWith("第 1 页 / 共 "));
    }

    @Test
    void previewsTheDemandThenExportsTheLawsuitPacketWithTheCourtTyped(FxRobot robot) throws Exception {
        openExport(robot);
        assertThat(text(robot, "#exportStatus")).contains("催收通知书", "完全相同");
        assertThat(robot.lookup("#previewImage").queryAs(javafx.scene.image.ImageView.class).getImage().getWidth()).isGreaterThan(500);
        Screenshots.take(robot.lookup("#exportDialog").queryAs(Node.class), "14-export-preview-demand");
        robot.clickOn("#previewNext");
        waitUntil(() -> text(robot, "#previewPage").startsWith("第 2 页"));

        ListView<?> list = robot.lookup("#exportList").queryListView();
        robot.interact(() -> list.getSelectionModel().select(5));          // 民事起诉状
        robot.clickOn("#exportCourt").write("杭州市拱墅区人民法院");
        robot.clickOn("#exportUpdatePreview");
        waitUntil(() -> text(robot, "#exportStatus").startsWith("民事起诉状") && text(robot, "#previewPage").startsWith("第 1 页"));
        Screenshots.take(robot.lookup("#exportDialog").queryAs(Node.class), "15-export-preview-complaint");

        dialogs.chosenDirs.add(exportTo);
        robot.clickOn("#exportPacket");
        waitUntil(() -> text(robot, "#exportStatus").startsWith("已导出到"));
        Path folder = exportTo.resolve("诉讼材料-李某-2026-11-28");
        assertThat(folder.resolve("民事起诉状.pdf")).isRegularFile();
        assertThat(folder.resolve("证据材料汇编.pdf")).isRegularFile();
        try (var pdf = PdfCheck.of(folder.resolve("民事起诉状.pdf"))) {
            assertThat(pdf.allText()).contains("杭州市拱墅区人民法院");
        }
        robot.clickOn("#exportOpenFolder");
        assertThat(dialogs.opened).containsExactly(folder);
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void aPastDeadlineACancelledChooserAndAnUnwritableTargetChangeNothing(FxRobot robot) throws Exception {
        openExport(robot);
        DatePicker payBy = robot.lookup("#exportPayBy").queryAs(DatePicker.class);
        robot.interact(() -> payBy.setValue(LocalDate.of(2026, 1, 1)));
        robot.clickOn("#exportOne");
        assertThat(text(robot, "#exportStatus")).contains("今天或以后");
        robot.interact(() -> payBy.setValue(LocalDate.of(2026, 12, 20)));

        robot.clickOn("#exportOne");                     // the chooser is cancelled: nothing happens
        WaitForFx.settle();
        try (var s = Files.list(exportTo)) {
            assertThat(s.toList()).isEmpty();
        }

        Path notAFolder = Files.writeString(exportTo.resolve("a-file"), "x");
        dialogs.chosenDirs.add(notAFolder);
        robot.clickOn("#exportPacket");
        waitUntil(() -> text(robot, "#exportStatus").equals("导出失败"));
        assertThat(dialogs.errors).singleElement().asString().contains("导出失败");

        dialogs.chosenDirs.add(exportTo);
        robot.clickOn("#exportOne");
        waitUntil(() -> text(robot, "#exportStatus").startsWith("已导出到"));
        try (var pdf = PdfCheck.of(exportTo.resolve("催收通知书-李某-2026-11-28.pdf"))) {
            assertThat(pdf.allText()).contains("2026年12月20日前");
        }
    }

    /** Issue 21: a number typed into the instalments field counts without pressing Enter; text that is not one is refused. */
    @Test
    void aTypedNumberOfInstalmentsCountsAndBadTextIsRefused(FxRobot robot) {
        openExport(robot);
        javafx.scene.control.Spinner<?> n = robot.lookup("#exportInstalments").queryAs(javafx.scene.control.Spinner.class);
        robot.interact(() -> n.getEditor().setText("abc"));
        robot.clickOn("#exportUpdatePreview");
        waitUntil(() -> text(robot, "#exportStatus").contains("abc"));
        robot.interact(() -> n.getEditor().setText("6"));
        robot.clickOn("#exportUpdatePreview");
        waitUntil(() -> !text(robot, "#exportStatus").contains("abc"));
        assertThat(n.getValue()).isEqualTo(6);
    }

    static final class WaitForFx {
        static void settle() {
            WaitForAsyncUtils.waitForFxEvents();
        }
    }
}
