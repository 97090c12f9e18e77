package cn.huikuan.ui;

import cn.huikuan.application.ListQuery;
import cn.huikuan.tools.InvoiceSamples;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 23 in the app: 导入发票 from the import button's menu, a zip of invoices checked line by line, then imported. */
@ExtendWith(ApplicationExtension.class)
class InvoiceImportDialogTest extends UiTestBase {
    @TempDir
    Path tmp;

    @Start
    void start(Stage stage) {
        open(stage);
    }

    @Test
    void aZipOfOurInvoicesIsCheckedAndImportedFromTheReceivablesList(FxRobot robot) throws Exception {
        var me = books.creditor();
        long before = books.receivables().page(ListQuery.first(1)).total();
        var sale = InvoiceSamples.sale("24112000000000000051", LocalDate.of(2026, 3, 1), me.getName(), me.getRegistrationNumber(),
                "厦门某某工程有限公司", "91350200776049653A");
        Path zip = tmp.resolve("发票.zip");
        Files.write(zip, InvoiceSamples.zip(Map.of("a.ofd", InvoiceSamples.ofd(sale, InvoiceSamples.OfdStyle.ATTACHED_XML))));

        robot.clickOn("#tab-receivables");
        waitUntil(() -> exists(robot, "#importReceivables"));
        robot.clickOn("#importReceivables .arrow-button");
        robot.clickOn(ctx.t("invoices.menu"));
        waitUntil(() -> exists(robot, "#invoiceImportDialog"));
        Button run = robot.lookup("#invoiceImportRun").queryAs(Button.class);
        assertThat(onFx(run::isDisabled)).as("nothing chosen yet").isTrue();

        dialogs.chosen.add(List.of(zip));
        robot.clickOn("#invoiceChooseFiles");
        @SuppressWarnings("unchecked")
        ListView<String> lines = robot.lookup("#invoiceLines").queryAs(ListView.class);
        waitUntil(() -> lines.getItems().size() == 1 && !run.isDisabled());
        assertThat(onFx(() -> lines.getItems().get(0))).startsWith("【新建应收款（新客户）】 发票.zip!a.ofd  24112000000000000051");
        assertThat(text(robot, "#invoiceSummary")).contains("新建应收款 1 笔");
        Screenshots.take(robot.lookup("#invoiceImportDialog").queryAs(javafx.scene.Node.class), "42-invoice-import");

        robot.clickOn("#invoiceImportRun");
        Label summary = robot.lookup("#invoiceSummary").queryAs(Label.class);
        waitUntil(() -> summary.getText().startsWith("已导入 1 笔应收款"));
        assertThat(books.receivables().page(ListQuery.first(1)).total()).isEqualTo(before + 1);
        robot.clickOn(ctx.t("action.close"));
        waitUntil(() -> !exists(robot, "#invoiceImportDialog"));
        assertThat(failures).isEmpty();
    }
}
