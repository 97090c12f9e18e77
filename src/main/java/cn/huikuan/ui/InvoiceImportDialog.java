package cn.huikuan.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;

/**
 * 导入发票 (issue 23): drop invoice files or a folder (or choose them), read the dry run's line per file, then import.
 * The state is {@link InvoiceImportModel}'s; this class only lays it out. Its result: receivables imported, or null.
 */
public final class InvoiceImportDialog extends Dialog<Integer> {
    private final InvoiceImportModel model;

    public InvoiceImportDialog(AppContext ctx, Window owner) {
        UiFont.apply(this);
        this.model = new InvoiceImportModel(ctx.books(), ctx.tasks().background(), ctx.i18n());
        initOwner(owner);
        setTitle(ctx.t("invoices.title"));
        setHeaderText(ctx.t("invoices.header"));
        setResizable(true);
        getDialogPane().setId("invoiceImportDialog");

        Button chooseFiles = new Button(ctx.t("invoices.chooseFiles"));
        chooseFiles.setId("invoiceChooseFiles");
        chooseFiles.setOnAction(e -> model.add(ctx.dialogs().chooseFiles(getDialogPane().getScene().getWindow(), ctx.t("invoices.chooseFiles"))));
        Button chooseFolder = new Button(ctx.t("invoices.chooseFolder"));
        chooseFolder.setId("invoiceChooseFolder");
        chooseFolder.setOnAction(e -> {
            Path d = ctx.dialogs().chooseDirectory(getDialogPane().getScene().getWindow(), ctx.t("invoices.chooseFolder"));
            if (d != null) model.add(List.of(d));
        });
        chooseFiles.disableProperty().bind(model.busy());
        chooseFolder.disableProperty().bind(model.busy());
        Label drop = new Label(ctx.t("invoices.drop"));
        drop.setWrapText(true);
        HBox top = new HBox(8, chooseFiles, chooseFolder, drop);

        ListView<String> lines = new ListView<>();
        lines.setId("invoiceLines");
        lines.setPrefSize(860, 360);
        lines.setFixedCellSize(86);   // four lines of text: the invoice, and why, each wrapped once at most
        // one invoice a cell, its reason wrapped under it: no line runs out of the window
        lines.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            private final Label text = new Label();

            {
                text.setWrapText(true);
                text.maxWidthProperty().bind(v.widthProperty().subtract(32));
                text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                text.setAlignment(javafx.geometry.Pos.TOP_LEFT);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                text.setText(item);
                setGraphic(empty ? null : text);
            }
        });
        model.lines().addListener((o, a, b) -> lines.getItems().setAll(b));
        Label summary = new Label();
        summary.setId("invoiceSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summary());
        Button run = new Button(ctx.t("invoices.run"));
        run.setId("invoiceImportRun");
        run.setDefaultButton(true);
        run.disableProperty().bind(model.canImport().not());
        run.setOnAction(e -> model.importNow());
        run.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox bottom = new HBox(8, summary, run);
        HBox.setHgrow(summary, Priority.ALWAYS);
        VBox content = new VBox(8, top, lines, bottom);
        VBox.setVgrow(lines, Priority.ALWAYS);
        content.setPadding(new Insets(8));
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(920, 560);   // an invoice's line and its reason within a 1280 × 720 screen
        getDialogPane().setMinWidth(760);
        getDialogPane().getButtonTypes().add(new ButtonType(ctx.t("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE));
        setResultConverter(b -> model.imported().get());

        getDialogPane().setOnDragOver(e -> {
            if (e.getDragboard().hasFiles() && !model.busy().get()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        getDialogPane().setOnDragDropped(e -> {
            boolean ok = e.getDragboard().hasFiles();
            if (ok) model.add(e.getDragboard().getFiles().stream().map(f -> f.toPath()).toList());
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    InvoiceImportModel model() {
        return model;
    }
}
