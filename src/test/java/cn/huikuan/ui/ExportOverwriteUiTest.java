package cn.huikuan.ui;

import cn.huikuan.application.ReceivableRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.KeyCode;
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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.CustomerRow;
import cn.huikuan.documents.DocKind;
import org.dhatim.fastexcel.reader.ReadableWorkbook;

/**
 * Issue 21 in the app: default names carry the customer or the book and the day, and an existing file is replaced only
 * when the user says so in a question whose default answer keeps it. The check is the app's own (the folder chooser is
 * bypassed here, as on desktops whose chooser never asks).
 */
@ExtendWith(ApplicationExtension.class)
class ExportOverwriteUiTest extends UiTestBase {
    @TempDir
    Path out;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private String question(FxRobot robot) {
        return robot.lookup("#replaceDialog").queryAs(javafx.scene.control.DialogPane.class).getContentText();
    }

    @Test
    void theAgingReportIsNamedForTheBookAndReplacedOnlyWhenTheUserSaysSo(FxRobot robot) throws Exception {
        Path earlier = out.resolve("账龄分析-某建材有限公司-2026-11-28.xlsx");
        Files.writeString(earlier, "an earlier report of this book");

        dialogs.chosenDirs.add(out);
        robot.clickOn("#agingXlsx");
        waitUntil(() -> exists(robot, "#replaceDialog"));
        assertThat(question(robot)).contains(earlier.toAbsolutePath().toString());
        Button keep = robot.lookup("#replaceNo").queryButton();
        Button replace = robot.lookup("#replaceYes").queryButton();
        assertThat(keep.isDefaultButton()).isTrue();
        assertThat(replace.isDefaultButton()).isFalse();
        Screenshots.take(keep, "40-export-replace-question");
        robot.type(KeyCode.ENTER);                              // the default: keep the file
        waitUntil(() -> !exists(robot, "#replaceDialog") && dialogs.infos.stream().anyMatch(i -> i.contains("未替换")));
        assertThat(Files.readString(earlier)).isEqualTo("an earlier report of this book");

        dialogs.chosenDirs.add(out);
        robot.clickOn("#agingXlsx");
        waitUntil(() -> exists(robot, "#replaceDialog"));
        robot.clickOn("#replaceYes");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("已保存到")));
        try (var wb = new ReadableWorkbook(earlier.toFile()); var rows = wb.getFirstSheet().openStream()) {
            assertThat(rows.findFirst().orElseThrow().getCellText(0)).contains("某建材有限公司", "账龄分析表");
        }
        try (var s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("账龄分析-某建材有限公司-2026-11-28.xlsx"); // no leftovers
        }
    }

    @Test
    void theReceivablesListWithFullNumbersWhenTicked(FxRobot robot) throws Exception {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        dialogs.chosenDirs.add(out);
        robot.clickOn("#exportReceivables");
        Path xlsx = out.resolve("应收款-某建材有限公司-2026-11-28.xlsx");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("已导出 3 行")));
        assertThat(cells(xlsx)).contains("138****1234").doesNotContain("13800001234");

        robot.clickOn("#exportReceivablesFull");
        dialogs.chosenDirs.add(out);
        robot.clickOn("#exportReceivables");
        waitUntil(() -> exists(robot, "#replaceDialog"));
        robot.clickOn("#replaceYes");
        waitUntil(() -> dialogs.infos.stream().filter(i -> i.contains("已导出 3 行")).count() == 2);
        assertThat(cells(xlsx)).contains("13800001234");
    }

    @Test
    void aCustomersPersonalDataIsNamedForThemAndNotReplacedUnasked(FxRobot robot) throws Exception {
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> table = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        int li = table.getItems().stream().map(CustomerRow::name).toList().indexOf("李某");
        robot.interact(() -> table.getSelectionModel().select(li));
        Path zip = Files.writeString(out.resolve("个人信息-李某-2026-11-28.zip"), "handed over last week");
        javafx.scene.control.MenuButton m = robot.lookup("#privacyMenu").queryAs(javafx.scene.control.MenuButton.class);
        javafx.scene.control.MenuItem export = m.getItems().stream().filter(i -> "privacyExport".equals(i.getId())).findFirst().orElseThrow();
        dialogs.chosenDirs.add(out);
        javafx.application.Platform.runLater(export::fire);    // the question waits for an answer: not inside interact()
        waitUntil(() -> exists(robot, "#replaceDialog"));
        robot.clickOn("#replaceNo");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("未替换")));
        assertThat(Files.readString(zip)).isEqualTo("handed over last week");
    }

    private static List<String> cells(Path xlsx) throws Exception {
        try (var wb = new ReadableWorkbook(xlsx.toFile()); var rows = wb.getFirstSheet().openStream()) {
            return rows.flatMap(r -> r.stream().map(c -> c == null ? "" : c.getText())).toList();
        }
    }

    @Test
    void aDocumentAndAPacketNeverReplaceEarlierFilesUnasked(FxRobot robot) throws Exception {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        int li = table.getItems().stream().map(ReceivableRow::customerName).toList().indexOf("李某");
        UiTestBase.openReceivableRow(robot, li);
        waitUntil(() -> text(robot, "#fig-outstanding").equals("¥300,000.00"));
        robot.clickOn("#exportDocuments");
        waitUntil(() -> text(robot, "#previewPage").startsWith("第 1 页 / 共 "));

        // the notice is named for the debtor and the day
        dialogs.chosenDirs.add(out);
        robot.clickOn("#exportOne");
        Path notice = out.resolve("催收通知书-李某-2026-11-28.pdf");
        waitUntil(() -> text(robot, "#exportStatus").startsWith("已导出到"));
        assertThat(notice).isRegularFile();
        byte[] first = Files.readAllBytes(notice);

        // again: asked; Escape keeps the file
        dialogs.chosenDirs.add(out);
        robot.clickOn("#exportOne");
        waitUntil(() -> exists(robot, "#replaceDialog"));
        assertThat(question(robot)).contains("催收通知书-李某-2026-11-28.pdf");
        // another document picked while the question is open: its preview waits for the answer instead of racing the export
        javafx.scene.control.ListView<?> list = robot.lookup("#exportList").queryListView();
        robot.interact(() -> list.getSelectionModel().select(1));
        assertThat(text(robot, "#exportStatus")).startsWith("正在导出");
        robot.type(KeyCode.ESCAPE);
        String second = DocKind.values()[1].zh();
        waitUntil(() -> !exists(robot, "#replaceDialog") && text(robot, "#exportStatus").startsWith(second + "：共"));
        assertThat(Files.readAllBytes(notice)).isEqualTo(first);
        robot.interact(() -> list.getSelectionModel().select(0));
        waitUntil(() -> text(robot, "#exportStatus").startsWith("催收通知书：共"));

        // a packet folder that already holds one of the packet's files: asked, and "do not replace" writes nothing
        Path folder = Files.createDirectories(out.resolve("诉讼材料-李某-2026-11-28"));
        Files.writeString(folder.resolve("证据材料汇编.pdf"), "an earlier bundle");
        dialogs.chosenDirs.add(out);
        robot.clickOn("#exportPacket");
        waitUntil(() -> exists(robot, "#replaceDialog"));
        robot.clickOn("#replaceNo");
        waitUntil(() -> !exists(robot, "#replaceDialog") && text(robot, "#exportStatus").startsWith("没有导出"));
        assertThat(text(robot, "#exportStatus")).contains("证据材料汇编.pdf");
        try (var s = Files.list(folder)) {
            assertThat(s.toList()).hasSize(1);
        }
        assertThat(Files.readString(folder.resolve("证据材料汇编.pdf"))).isEqualTo("an earlier bundle");

        // the ZIP by its default name, nothing in the way: no question
        dialogs.chosenDirs.add(out);
        robot.clickOn("#exportZip");
        waitUntil(() -> text(robot, "#exportStatus").startsWith("已导出到"));
        assertThat(out.resolve("证据-李某-2026-11-28.zip")).isRegularFile();
        assertThat(dialogs.errors).isEmpty();
    }
}
