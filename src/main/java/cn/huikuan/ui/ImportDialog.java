package cn.huikuan.ui;

import cn.huikuan.application.ImportService;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * 导入 Excel: the columns Huikuan recognised (each can be changed), the first rows, the dry run's verdict
 * with every rejected row and its reason, then the import, which writes all rows or none; or, when the user
 * ticks 只导入正确的行, the valid rows only, the others being saved with their reasons (issue 21). The payment
 * date of paid rows without one is the user's choice, stated in the report; the template is a button away. The state
 * and the work are {@link ImportModel}'s (issue 25); this dialog builds the controls and binds them.
 */
public final class ImportDialog extends Dialog<Integer> {
    private final AppContext ctx;
    private final ImportModel model;

    public ImportDialog(AppContext ctx, Window owner, Path file, ImportService.Report first) {
        UiFont.apply(this);
        this.ctx = ctx;
        this.model = new ImportModel(ctx.books(), ctx.i18n(), ctx.tasks().background(), file, first);
        initOwner(owner);
        setTitle(ctx.t("import.title"));
        setHeaderText(ctx.t("import.header", file.getFileName()));
        setResizable(true);
        getDialogPane().setId("importDialog");
        var fixed = model.imported().isNotNull();              // once imported, the choices stay as they were
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0, col = 0;
        for (ImportService.Column c : ImportService.Column.values()) {
            ComboBox<String> box = new ComboBox<>();
            box.setId("importColumn-" + c.name());
            box.getItems().add(ctx.t("import.none"));
            box.getItems().addAll(model.header());
            box.getSelectionModel().select(model.column(c).get() + 1);
            box.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> model.column(c).set(b.intValue() - 1));
            box.setPrefWidth(140);
            box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            box.disableProperty().bind(fixed);
            Label label = new Label(ctx.t("import.col." + c.name()) + (c.required() ? " *" : ""));
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // the dialog widens rather than cut a column's name
            grid.add(label, col, row);
            grid.add(box, col + 1, row);
            if (++row == 5) {                      // three pairs across: the dialog fits a 768-pixel-high screen
                row = 0;
                col += 2;
            }
        }
        TextArea report = new TextArea();
        report.setId("importReport");
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(12);
        report.textProperty().bind(model.report());
        Button recheck = new Button(ctx.t("import.recheck"));
        recheck.setId("importRecheck");
        recheck.setOnAction(e -> model.check());
        // issue 21: the payment date of a paid row the file gives none for: the user's choice, never an invented one
        ComboBox<String> paidOn = new ComboBox<>();
        paidOn.setId("importPaidOn");
        for (ImportService.PaidOnDefault d : ImportService.PaidOnDefault.values()) paidOn.getItems().add(ctx.t("import.paidOn." + d.name()));
        paidOn.getSelectionModel().select(model.paidOn().get().ordinal());
        paidOn.getSelectionModel().selectedIndexProperty().addListener((o, a, b) ->
                model.paidOn().set(ImportService.PaidOnDefault.values()[Math.max(0, b.intValue())]));
        paidOn.disableProperty().bind(fixed);
        CheckBox partial = new CheckBox();
        partial.setId("importPartial");
        partial.setText(ctx.t("import.partial"));
        partial.selectedProperty().bindBidirectional(model.partial());
        partial.disableProperty().bind(fixed);
        Button saveRefused = new Button();
        saveRefused.setId("importSaveRefused");
        saveRefused.setText(ctx.t("import.saveRefused"));
        saveRefused.setOnAction(e -> saveRefused());
        saveRefused.disableProperty().bind(model.refusedSavable().not());
        model.message().addListener((o, was, m) -> {
            if (m == null) return;
            if (m.error()) ctx.dialogs().showError(window(), ctx.t("import.title"), m.text());
            else ctx.dialogs().showInfo(window(), ctx.t("import.title"), m.text());
        });
        Button template = new Button(ctx.t("import.template"));
        template.setId("importTemplate");
        template.setOnAction(e -> saveTemplate());
        HBox paidOnRow = new HBox(8, new Label(ctx.t("import.paidOn")), paidOn);
        paidOnRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getDialogPane().setContent(new VBox(10, new Label(ctx.t("import.mapping")), grid, paidOnRow, new HBox(8, recheck, template, saveRefused),
                partial, report));
        getDialogPane().setPadding(new Insets(8));
        ButtonType doImport = new ButtonType(ctx.t("import.run"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(doImport, new ButtonType(ctx.t("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        // without a converter a cancelled dialog's result is the Cancel ButtonType, cast to Integer by the caller (issue 21);
        // closed after a partial import, the result is what was imported
        setResultConverter(button -> model.imported().get());
        Button importButton = (Button) getDialogPane().lookupButton(doImport);
        importButton.setId("importRun");
        importButton.disableProperty().bind(model.importable().not());
        Button cancelButton = (Button) getDialogPane().lookupButton(getDialogPane().getButtonTypes().get(1));
        cancelButton.setId("importClose");
        importButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();                                      // stay open while it runs; close when done
            model.runImport();
        });
        // partial: the dialog stays open with what was refused, to be saved; closing returns what was imported
        model.imported().addListener((o, was, n) -> cancelButton.setText(ctx.t("import.close")));
        model.done().addListener((o, was, all) -> {
            if (all) {
                setResult(model.imported().get());
                close();
            }
        });
    }

    private Window window() {
        return getDialogPane().getScene().getWindow();
    }

    /** The rows the last check (or import) refused, with their reasons, as .xlsx in a folder the user picks. */
    private void saveRefused() {
        Path folder = ctx.dialogs().chooseDirectory(window(), ctx.t("import.chooseFolder"));
        if (folder != null) model.saveRefused(folder);
    }

    private void saveTemplate() {
        saveTemplate(ctx, window());
    }

    /**
     * The .xlsx template (Chinese header row, required columns marked, one example row) in a folder the user picks: from
     * this dialog, and from the receivables list before any file is chosen (issue 21).
     */
    static void saveTemplate(AppContext ctx, javafx.stage.Window owner) {
        Path folder = ctx.dialogs().chooseDirectory(owner, ctx.t("import.chooseFolder"));
        if (folder == null) return;
        Path target = unused(folder, ctx.t("import.templateFile"));
        LocalDate today = ctx.books().today();
        ctx.tasks().run(ctx.t("import.template"), p -> {
            ImportService.writeTemplate(target, today);
            return target;
        }, t -> ctx.dialogs().showInfo(owner, ctx.t("import.title"), ctx.t("import.templateSaved", t)),
                e -> ctx.dialogs().showError(owner, ctx.t("import.title"), ErrorMessages.describe(e, ctx.i18n())));
    }

    /** {@code stem.xlsx} in {@code folder}, or {@code stem (2).xlsx} …: a file already there is never replaced. */
    static Path unused(Path folder, String stem) {
        return ImportModel.unused(folder, stem);
    }
}
