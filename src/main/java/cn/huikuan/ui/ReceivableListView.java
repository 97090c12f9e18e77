package cn.huikuan.ui;

import java.util.List;

import cn.huikuan.application.ReceivableRow;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.Customer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import java.nio.file.Path;

/** All receivables with their derived balance, days overdue and aging bucket; paged in the database. */
public final class ReceivableListView extends BorderPane {
    private final AppContext ctx;
    private final MainView main;
    private final PagedTable<ReceivableRow> table;

    public ReceivableListView(AppContext ctx, MainView main) {
        this.ctx = ctx;
        this.main = main;
        setPadding(new Insets(12));
        table = new PagedTable<>(ctx, "receivableTable", 50, q -> ctx.books().receivables().page(q));
        table.column(ctx.t("receivable.customer"), ReceivableRow::customerName, "customer", 120);
        table.column(ctx.t("receivable.title"), ReceivableRow::title, "title", 230);
        table.column(ctx.t("receivable.kind"), r -> ctx.i18n().e(r.kind()), null, 80);
        table.rightAlign(table.column(ctx.t("receivable.principal"), r -> Fmt.money(r.principal()), "principal", 115));
        table.rightAlign(table.column(ctx.t("receivable.paid"), r -> Fmt.money(r.paid()), null, 115));
        table.rightAlign(table.column(ctx.t("receivable.outstanding"), r -> Fmt.money(r.outstanding()), "outstanding", 115));
        table.column(ctx.t("receivable.finalDue"), r -> Fmt.date(r.finalDueDate()), "due", 95);
        TableColumn<ReceivableRow, String> days = table.column(ctx.t("receivable.daysOverdue"),
                r -> r.daysOverdue() == null ? "" : Long.toString(r.daysOverdue()), "daysOverdue", 80);
        table.rightAlign(days);
        TableColumn<ReceivableRow, String> bucket = table.column(ctx.t("receivable.bucket"), r -> ctx.i18n().e(r.bucket()), null, 90);
        bucket.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("bucket-overdue", "bucket-severe");
                setText(empty ? null : item);
                if (!empty && getTableRow() != null && getTableRow().getItem() != null) {
                    AgingBucket b = getTableRow().getItem().bucket();
                    if (b == AgingBucket.D181_365 || b == AgingBucket.OVER_365 || b == AgingBucket.D91_180) getStyleClass().add("bucket-severe");
                    else if (b.isOverdue()) getStyleClass().add("bucket-overdue");
                }
            }
        });
        table.table().setRowFactory(tv -> {
            TableRow<ReceivableRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) main.openReceivable(row.getItem().id(), row.getItem().customerName());
            });
            return row;
        });
        // the keyboard's way: Enter on the selected row opens it, as in the search list and the dashboard's
        table.table().setOnKeyPressed(e -> {
            ReceivableRow r = table.table().getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && r != null) {
                main.openReceivable(r.id(), r.customerName());
                e.consume();
            }
        });

        TextField search = new TextField();
        search.setId("receivableSearch");
        search.setPromptText(ctx.t("receivable.search"));
        search.setAccessibleText(ctx.t("receivable.search"));
        search.textProperty().addListener((o, a, b) -> table.setText(b));
        HBox.setHgrow(search, Priority.ALWAYS);
        ComboBox<AgingBucket> bucketFilter = new ComboBox<>();
        bucketFilter.setId("bucketFilter");
        bucketFilter.getItems().add(null);
        bucketFilter.getItems().addAll(AgingBucket.values());
        bucketFilter.setCellFactory(l -> bucketCell());
        bucketFilter.setButtonCell(bucketCell());
        bucketFilter.setAccessibleText(ctx.t("receivable.bucket"));
        bucketFilter.setOnAction(e -> table.setBucket(bucketFilter.getValue()));
        Button open = new Button(ctx.t("action.open"));
        open.setId("openReceivable");
        open.disableProperty().bind(table.table().getSelectionModel().selectedItemProperty().isNull());
        open.setOnAction(e -> {
            ReceivableRow r = table.table().getSelectionModel().getSelectedItem();
            main.openReceivable(r.id(), r.customerName());
        });
        // the template is in the import button's menu, so a new user gets it before having a file (issue 21)
        javafx.scene.control.SplitMenuButton importExcel = new javafx.scene.control.SplitMenuButton();
        importExcel.setText(ctx.t("import.button"));
        importExcel.setId("importReceivables");
        importExcel.setOnAction(e -> importFile());
        javafx.scene.control.MenuItem template = new javafx.scene.control.MenuItem(ctx.t("import.template"));
        template.setId("importTemplateFromList");
        template.setOnAction(e -> ImportDialog.saveTemplate(ctx, getScene().getWindow()));
        importExcel.getItems().add(template);
        javafx.scene.control.MenuItem invoices = new javafx.scene.control.MenuItem(ctx.t("invoices.menu"));   // issue 23
        invoices.setId("importInvoicesFromList");
        invoices.setOnAction(e -> new InvoiceImportDialog(ctx, getScene().getWindow()).showAndWait().ifPresent(n -> ctx.changes().publish()));
        importExcel.getItems().add(invoices);
        HBox exportExcel = ExcelExportButton.create(ctx, "exportReceivables", "xlsx.file.receivables", (x, f, o) -> x.receivablesXlsx(table.query(), f, o));
        HBox top = new HBox(8, search, bucketFilter, open, importExcel, exportExcel);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(table.node());
        table.reload();
    }

    private ListCell<AgingBucket> bucketCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(AgingBucket item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? ctx.t("receivable.allBuckets") : ctx.i18n().e(item));
            }
        };
    }

    /** Excel or CSV in: choose, dry run in the background, then the import dialog (issue 7). */
    private void importFile() {
        List<Path> chosen = ctx.dialogs().chooseFiles(getScene().getWindow(), ctx.t("import.choose"));
        if (chosen.isEmpty()) return;
        Path f = chosen.get(0);
        ctx.tasks().run(ctx.t("import.checking"), p -> ctx.books().imports().dryRun(f, null),
                r -> new ImportDialog(ctx, getScene().getWindow(), f, r).showAndWait().ifPresent(n -> {
                    ctx.changes().publish();
                    ctx.dialogs().showInfo(getScene().getWindow(), ctx.t("import.title"), ctx.t("import.done", n));
                }),
                e -> ctx.dialogs().showError(getScene().getWindow(), ctx.t("import.title"), ErrorMessages.describe(e, ctx.i18n())));
    }

    /** Opens the editor for a new receivable, for {@code customer} if given. */
    public void createReceivable(Customer customer) {
        new ReceivableEditor(ctx, getScene().getWindow(), null, customer).showAndWait().ifPresent(r -> {
            ctx.changes().publish();
            main.openReceivable(r.getId(), r.getCustomer().getName());
        });
    }

    public void reload() {
        table.reload();
    }

    public PagedTable<ReceivableRow> table() {
        return table;
    }
}
