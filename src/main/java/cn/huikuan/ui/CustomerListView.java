package cn.huikuan.ui;

import cn.huikuan.application.CustomerRow;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import cn.huikuan.application.ExportService;
import java.nio.file.Path;
import java.util.List;

/** All customers of the book, paged and sorted in the database; ID numbers and phones masked. */
public final class CustomerListView extends BorderPane {
    private final AppContext ctx;
    private final MainView main;
    private final PagedTable<CustomerRow> table;

    public CustomerListView(AppContext ctx, MainView main) {
        this.ctx = ctx;
        this.main = main;
        setPadding(new Insets(12));
        table = new PagedTable<>(ctx, "customerTable", 50, q -> ctx.books().customers().page(q));
        table.column(ctx.t("customer.name"), CustomerRow::name, "name", 220);
        table.column(ctx.t("customer.kind"), r -> ctx.i18n().e(r.kind()), null, 90);
        table.column(ctx.t("customer.number"), CustomerRow::maskedNumber, null, 190);
        table.column(ctx.t("customer.phone"), CustomerRow::phone, null, 130);
        table.rightAlign(table.column(ctx.t("customer.receivableCount"), r -> Long.toString(r.receivableCount()), "receivables", 90));
        table.rightAlign(table.column(ctx.t("customer.outstanding"), r -> Fmt.money(r.outstanding()), "outstanding", 140));
        table.table().setRowFactory(tv -> {
            TableRow<CustomerRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) editCustomer(row.getItem().id());
            });
            return row;
        });

        TextField search = new TextField();
        search.setId("customerSearch");
        search.setPromptText(ctx.t("customer.search"));
        search.setAccessibleText(ctx.t("customer.search"));
        search.setOnAction(e -> table.setText(search.getText()));
        search.textProperty().addListener((o, a, b) -> table.setText(b));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button edit = new Button(ctx.t("action.edit"));
        edit.setId("editCustomer");
        edit.disableProperty().bind(table.table().getSelectionModel().selectedItemProperty().isNull());
        edit.setOnAction(e -> editCustomer(table.table().getSelectionModel().getSelectedItem().id()));
        Button newReceivable = new Button(ctx.t("action.newReceivableForCustomer"));
        newReceivable.setId("newReceivableForCustomer");
        newReceivable.disableProperty().bind(table.table().getSelectionModel().selectedItemProperty().isNull());
        newReceivable.setOnAction(e -> ctx.tasks().run(ctx.t("task.loading"),
                p -> ctx.books().customers().get(table.table().getSelectionModel().getSelectedItem().id()),
                c -> main.receivablesView().createReceivable(c)));
        javafx.scene.control.MenuItem exportData = new javafx.scene.control.MenuItem(ctx.t("privacy.export"));
        exportData.setId("privacyExport");
        exportData.setOnAction(e -> exportPersonalData(table.table().getSelectionModel().getSelectedItem()));
        javafx.scene.control.MenuItem erase = new javafx.scene.control.MenuItem(ctx.t("privacy.erase"));
        erase.setId("privacyErase");
        erase.setOnAction(e -> erase(table.table().getSelectionModel().getSelectedItem()));
        javafx.scene.control.MenuButton privacy = new javafx.scene.control.MenuButton(ctx.t("privacy.menu"), null, exportData, erase);
        privacy.setId("privacyMenu");
        privacy.disableProperty().bind(table.table().getSelectionModel().selectedItemProperty().isNull());
        Button statement = new Button(ctx.t("report.statement"));
        statement.setId("customerStatement");
        statement.disableProperty().bind(table.table().getSelectionModel().selectedItemProperty().isNull());
        statement.setOnAction(e -> statement(table.table().getSelectionModel().getSelectedItem()));
        HBox exportExcel = ExcelExportButton.create(ctx, "exportCustomers", "xlsx.file.customers", (x, f, o) -> x.customersXlsx(table.query(), f, o));
        HBox top = new HBox(8, search, edit, newReceivable, statement, privacy, exportExcel);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(table.node());
        table.reload();
    }

    public void createCustomer() {
        new CustomerEditor(ctx, getScene().getWindow(), null).showAndWait().ifPresent(c -> ctx.changes().publish());
    }

    private void editCustomer(long id) {
        ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().customers().get(id),
                c -> new CustomerEditor(ctx, getScene().getWindow(), c).showAndWait().ifPresent(saved -> ctx.changes().publish()));
    }

    public void reload() {
        table.reload();
    }

    public PagedTable<CustomerRow> table() {
        return table;
    }

    /** 个人信息保护法 §45: everything about this customer, as a ZIP the user hands over. */
    private void exportPersonalData(CustomerRow row) {
        if (row == null) return;
        Path dir = ctx.dialogs().chooseDirectory(getScene().getWindow(), ctx.t("export.chooseFolder"));
        if (dir == null) return;
        Path zip = dir.resolve(ExportService.defaultName("个人信息", row.name(), ctx.books().today().toString(), ".zip"));
        if (!Overwrite.allowed(ctx, getScene().getWindow(), List.of(zip))) { // issue 21: never replaced unasked
            ctx.dialogs().showInfo(getScene().getWindow(), ctx.t("privacy.export"), ctx.t("export.notReplaced", zip));
            return;
        }
        ctx.tasks().run(ctx.t("privacy.exporting"), p -> ctx.books().privacy().export(row.id(), zip),
                z -> ctx.dialogs().showInfo(getScene().getWindow(), ctx.t("privacy.export"), ctx.t("privacy.exported", z)));
    }

    /** 个人信息保护法 §47: erase this customer and every record of them, after the name is typed to confirm. */
    private void erase(CustomerRow row) {
        if (row == null) return;
        String typed = ctx.dialogs().ask(getScene().getWindow(), ctx.t("privacy.erase"), ctx.t("privacy.erase.confirm", row.name()));
        if (typed == null) return;
        if (!typed.strip().equals(row.name())) {
            ctx.dialogs().showError(getScene().getWindow(), ctx.t("privacy.erase"), ctx.t("privacy.erase.mismatch"));
            return;
        }
        ctx.tasks().run(ctx.t("privacy.erasing"), p -> ctx.books().privacy().erase(row.id(), "本人要求删除 / erased on request"), r -> {
            main.closeReceivableTabsAndRefresh();
            ctx.dialogs().showInfo(getScene().getWindow(), ctx.t("privacy.erase"),
                    ctx.t("privacy.erased", row.name(), r.receivables(), r.records(), r.files()));
        });
    }

    /** 对账单 for a period picked with two date pickers (default: this year to today); see ReportExports. */
    private void statement(CustomerRow row) {
        if (row == null) return;
        ReportExports.statement(ctx, getScene().getWindow(), row.id(), row.name());
    }
}
