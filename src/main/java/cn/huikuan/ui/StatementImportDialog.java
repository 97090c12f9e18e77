package cn.huikuan.ui;

import cn.huikuan.application.StatementImportService;
import cn.huikuan.statements.MatchKind;
import cn.huikuan.statements.OpenReceivable;
import cn.huikuan.statements.StatementLine;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/**
 * 导入收款流水 (issue 23): the lines of a bank statement, WeChat Pay or Alipay bill, each with the receivable proposed
 * for it; the user confirms, changes or skips each line of money received, then records the confirmed ones as
 * payments (each line kept as its evidence). Nothing is recorded before the record button. The state is
 * {@link StatementImportModel}'s; this class only shows it.
 */
public final class StatementImportDialog extends Dialog<StatementImportService.Result> {
    private final AppContext ctx;
    private final StatementImportModel model;
    private final TableView<StatementImportModel.Row> table = new TableView<>();
    private final ListView<OpenReceivable> candidates = new ListView<>();
    private final Label summary = new Label();
    private final Label refused = new Label();

    /** Asks for a statement file and opens the dialog on it (the main window's 导入收款流水… button). */
    public static void chooseAndOpen(AppContext ctx, Window owner) {
        List<Path> chosen = ctx.dialogs().chooseFiles(owner, ctx.t("statement.choose"));
        if (chosen.isEmpty()) return;
        new StatementImportDialog(ctx, owner, chosen.get(0)).show();
    }

    public StatementImportDialog(AppContext ctx, Window owner, Path file) {
        UiFont.apply(this);
        this.ctx = ctx;
        this.model = new StatementImportModel(ctx.books(), ctx.tasks().background(), ctx.t("statement.checking"), ctx.t("statement.recording"),
                ctx.changes()::publish);
        initOwner(owner);
        setTitle(ctx.t("statement.title"));
        setHeaderText(ctx.t("statement.header", file.getFileName()));
        setResizable(true);
        getDialogPane().setId("statementDialog");

        summary.setId("statementSummary");
        summary.setWrapText(true);
        refused.setId("statementRefused");
        refused.setWrapText(true);
        refused.setStyle("-fx-text-fill: -color-danger-fg;");
        refused.textProperty().bind(model.refused());
        refused.visibleProperty().bind(model.refused().isNotNull());
        refused.managedProperty().bind(refused.visibleProperty());

        table.setId("statementLines");
        table.setItems(model.rows());
        table.setPrefHeight(300);
        table.getColumns().add(column(ctx.t("statement.col.row"), 60, r -> Integer.toString(r.line().line().row())));
        table.getColumns().add(column(ctx.t("statement.col.date"), 100, r -> r.line().line().date().toString()));
        table.getColumns().add(column(ctx.t("statement.col.payer"), 180, r -> r.line().line().payer() == null ? "" : r.line().line().payer()));
        table.getColumns().add(column(ctx.t("statement.col.amount"), 110, r -> Fmt.money(r.line().line().amount())));
        table.getColumns().add(column(ctx.t("statement.col.direction"), 70, r -> ctx.t(r.line().line().direction() == StatementLine.Direction.IN
                ? "statement.in" : "statement.out")));
        TableColumn<StatementImportModel.Row, String> state = new TableColumn<>(ctx.t("statement.col.match"));
        state.setPrefWidth(440);
        state.setCellValueFactory(c -> new ReadOnlyStringWrapper(state(c.getValue())).getReadOnlyProperty());
        // a confirm, skip or change shows at once
        model.revision().addListener((o, a, b) -> table.refresh());
        table.getColumns().add(state);

        Button confirm = new Button(ctx.t("statement.confirm"));
        confirm.setId("statementConfirm");
        Button skip = new Button(ctx.t("statement.skip"));
        skip.setId("statementSkip");
        var selected = table.getSelectionModel().selectedItemProperty();
        confirm.disableProperty().bind(selected.isNull());
        skip.disableProperty().bind(selected.isNull());
        confirm.setOnAction(e -> model.confirm(selected.get()));
        skip.setOnAction(e -> model.skip(selected.get()));

        TextField search = new TextField();
        search.setId("statementSearch");
        search.setPromptText(ctx.t("statement.search.prompt"));
        HBox.setHgrow(search, Priority.ALWAYS);
        Button find = new Button(ctx.t("statement.find"));
        find.setId("statementFind");
        find.setOnAction(e -> model.search(search.getText()));
        search.setOnAction(e -> model.search(search.getText()));
        candidates.setId("statementCandidates");
        candidates.setItems(model.candidates());
        candidates.setPrefHeight(120);
        candidates.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(OpenReceivable r, boolean empty) {
                super.updateItem(r, empty);
                setText(empty || r == null ? null : ctx.t("statement.candidate", r.customerName(), r.label(), Fmt.money(r.outstanding())));
            }
        });
        Button change = new Button(ctx.t("statement.change"));
        change.setId("statementChange");
        change.disableProperty().bind(selected.isNull().or(candidates.getSelectionModel().selectedItemProperty().isNull()));
        change.setOnAction(e -> {
            if (!model.change(selected.get(), candidates.getSelectionModel().getSelectedItem())) {
                ctx.dialogs().showError(getDialogPane().getScene().getWindow(), ctx.t("statement.title"), ctx.t("statement.change.refused"));
            }
        });

        VBox content = new VBox(8, summary, refused, table, new HBox(8, confirm, skip),
                new Label(ctx.t("statement.change.label")), new HBox(8, search, find), candidates, change);
        content.setPadding(new Insets(8));
        VBox.setVgrow(table, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(1040, 660);   // the lines with their receivables whole, within a 1280 × 720 screen
        getDialogPane().setMinWidth(1000);

        ButtonType recordType = new ButtonType(ctx.t("statement.record", 0), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(recordType, new ButtonType(ctx.t("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        Button record = (Button) getDialogPane().lookupButton(recordType);
        record.setId("statementRecord");
        record.textProperty().bind(model.toRecord().asString().map(n -> ctx.t("statement.record", n)));
        record.disableProperty().bind(model.busy().or(model.toRecord().isEqualTo(0)));
        ((Button) getDialogPane().lookupButton(getDialogPane().getButtonTypes().get(1))).setId("statementClose");
        // recording runs in the background: the dialog closes when it is done, with what was recorded
        record.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.record();
        });
        model.result().addListener((o, a, r) -> {
            if (r == null) return;
            setResult(r);
            close();
            ctx.dialogs().showInfo(owner, ctx.t("statement.title"), ctx.t("statement.done", r.recorded()));
        });
        setResultConverter(b -> model.result().get());
        model.preview().addListener((o, a, p) -> summary.setText(ctx.t("statement.summary", ctx.t("statement.format." + p.format().name()),
                p.lines().size(), p.received(), p.proposed(), p.duplicates(), p.problems().size())));
        model.load(file);
    }

    private static TableColumn<StatementImportModel.Row, String> column(String title, double width,
                                                                       java.util.function.Function<StatementImportModel.Row, String> text) {
        TableColumn<StatementImportModel.Row, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(text.apply(x.getValue())));
        return c;
    }

    /** What the row will do, as the last column shows it. */
    String state(StatementImportModel.Row r) {
        StatementImportService.Line l = r.line();
        if (l.duplicate()) return ctx.t("statement.state.duplicate");
        if (l.line().direction() == StatementLine.Direction.IN && !l.line().received()) return ctx.t("statement.state.notReceived", l.line().status());
        if (l.future()) return ctx.t("statement.state.future");
        if (!r.actionable()) return "";
        OpenReceivable t = r.target().get();
        if (t == null) return ctx.t("statement.state.noMatch");
        MatchKind k = r.kind();
        String kind = k == null ? ctx.t("statement.kind.OVER") : ctx.t("statement.kind." + k.name())
                + (r.proposed() && l.proposal().byMemory() ? ctx.t("statement.remembered") : "");
        return r.record().get() ? ctx.t("statement.state.record", t.customerName(), t.label(), kind)
                : ctx.t("statement.state.skip", t.customerName(), t.label());
    }

    public StatementImportModel model() {
        return model;
    }
}
