package cn.huikuan.ui;

import cn.huikuan.application.ReceivableRow;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
import java.math.BigDecimal;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;

/** A bookkeeper imports a sheet (refused while a row is wrong), then exports the list to Excel. */
@ExtendWith(ApplicationExtension.class)
class ImportExportUiTest extends UiTestBase {
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void importRefusesABadSheetThenImportsTheFixedOneAndExports(FxRobot robot) throws Exception {
        robot.clickOn("#tab-receivables");
        TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);

        Path bad = tmp.resolve("对账.csv");
        Files.writeString(bad, "客户名称,日期,金额,到期日\n王五,2026-03-01,1200,2026-04-01\n赵六,2026-03-05,一千,2026-04-05\n");
        dialogs.chosen.add(List.of(bad));
        robot.clickOn("#importReceivables");
        waitUntil(() -> exists(robot, "#importDialog"));
        TextArea report = robot.lookup("#importReport").queryAs(TextArea.class);
        assertThat(report.getText()).contains("可导入 1 行，有误 1 行", "第 3 行：金额不是数字：一千");
        assertThat(robot.lookup("#importRun").queryAs(Button.class).isDisabled()).isTrue();
        Screenshots.take(robot.lookup("#importDialog").queryAs(Node.class), "26-import-dry-run");
        // issue 21: cancelling printed a ClassCastException (the Cancel ButtonType taken for the number imported)
        robot.clickOn("取消");
        waitUntil(() -> !exists(robot, "#importDialog"));
        assertThat(failures).isEmpty();
        assertThat(dialogs.infos).noneMatch(i -> i.contains("已导入"));

        Files.writeString(bad, "客户名称,日期,金额,到期日\n王五,2026-03-01,1200,2026-04-01\n赵六,2026-03-05,1000,2026-04-05\n");
        dialogs.chosen.add(List.of(bad));
        robot.clickOn("#importReceivables");
        waitUntil(() -> exists(robot, "#importDialog") && !robot.lookup("#importRun").queryAs(Button.class).isDisabled());
        robot.clickOn("#importRun");
        waitUntil(() -> !exists(robot, "#importDialog") && table.getItems().size() == 5);
        assertThat(dialogs.infos).anyMatch(i -> i.contains("已导入 2 笔应收款"));

        dialogs.chosenDirs.add(tmp);
        robot.clickOn("#exportReceivables");
        Path xlsx = tmp.resolve("应收款-某建材有限公司-2026-11-28.xlsx");
        waitUntil(() -> Files.exists(xlsx) && dialogs.infos.stream().anyMatch(i -> i.contains("已导出 5 行")));
        try (var wb = new ReadableWorkbook(xlsx.toFile()); var rows = wb.getFirstSheet().openStream()) {
            assertThat(rows.count()).isEqualTo(6);   // header + 5
        }

        // the customer list too, filtered as on screen, with a totals row that sums the rows
        robot.clickOn("#tab-customers");
        TableView<CustomerRow> customers = robot.lookup("#customerTable").queryTableView();
        waitUntil(() -> customers.getItems().size() == 5);
        Screenshots.take(customers.getScene(), "30-customers");
        dialogs.chosenDirs.add(tmp);
        robot.clickOn("#exportCustomers");
        Path cx = tmp.resolve("客户-某建材有限公司-2026-11-28.xlsx");
        waitUntil(() -> Files.exists(cx) && dialogs.infos.stream().anyMatch(i -> i.contains("已导出 5 行")));
        try (var wb = new ReadableWorkbook(cx.toFile()); var rows = wb.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all).hasSize(7); // header + 5 + totals
            assertThat(all.get(6).getCellText(0)).isEqualTo("合计");
            BigDecimal sum = BigDecimal.ZERO;
            for (int i = 1; i <= 5; i++) sum = sum.add(new BigDecimal(all.get(i).getCellRawValue(5).orElse("0")));
            assertThat(new BigDecimal(all.get(6).getCellRawValue(5).orElseThrow())).isEqualByComparingTo(sum);
            assertThat(sum).isEqualByComparingTo(customers.getItems().stream().map(CustomerRow::outstanding)
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
            assertThat(all.stream().map(r -> r.getCellText(3))).noneMatch(p -> p.matches(".*\\d{11}.*")); // phones masked
        }
    }
}
