package cn.huikuan.ui;

import cn.huikuan.application.CustomerRow;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.TableRow;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

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
        HBox top = new HBox(8, search, edit, newReceivable);
        top.setPadding(new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(table.node());
        table.reload();
    }

    public void createCustomer() {
        new CustomerEditor(ctx, getScene().getWindow(), null).showAndWait().ifPresent(c -> main.refreshAll());
    }

    private void editCustomer(long id) {
        ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().customers().get(id),
                c -> new CustomerEditor(ctx, getScene().getWindow(), c).showAndWait().ifPresent(saved -> main.refreshAll()));
    }

    public void reload() {
        table.reload();
    }

    public PagedTable<CustomerRow> table() {
        return table;
    }
}
