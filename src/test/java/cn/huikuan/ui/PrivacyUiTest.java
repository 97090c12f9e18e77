package cn.huikuan.ui;

import cn.huikuan.application.CustomerRow;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A debtor asks for their data, then for its deletion (个人信息保护法 §45, §47). */
@ExtendWith(ApplicationExtension.class)
class PrivacyUiTest extends UiTestBase {
    @TempDir
    Path out;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void menu(FxRobot robot, String id) {
        MenuButton m = robot.lookup("#privacyMenu").queryAs(MenuButton.class);
        MenuItem item = m.getItems().stream().filter(i -> id.equals(i.getId())).findFirst().orElseThrow();
        robot.interact(item::fire);
    }

    @Test
    void exportThenEraseOnlyAfterTheNameIsTyped(FxRobot robot) {
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> table = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        int li = table.getItems().stream().map(CustomerRow::name).toList().indexOf("李某");
        robot.interact(() -> table.getSelectionModel().select(li));

        dialogs.chosenDirs.add(out);
        menu(robot, "privacyExport");
        Path zip = out.resolve("个人信息-李某-2026-11-28.zip");
        waitUntil(() -> zip.toFile().isFile() && dialogs.infos.stream().anyMatch(i -> i.contains("已导出到")));

        dialogs.answers.add("李");
        menu(robot, "privacyErase");
        waitUntil(() -> dialogs.errors.stream().anyMatch(e -> e.contains("不一致")));
        assertThat(table.getItems()).hasSize(3);

        dialogs.answers.add("李某");
        menu(robot, "privacyErase");
        waitUntil(() -> dialogs.infos.stream().anyMatch(i -> i.contains("已删除“李某”：1 笔欠款、11 条记录、5 个证据文件")));
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(books.audit().verify().problems()).isEmpty();
    }
}
