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
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.nio.file.Files;
import java.time.LocalDate;

/**
 * 导入 Excel: the columns Huikuan recognised (each can be changed), the first rows, the dry run's verdict
 * with every rejected row and its reason, then the import, which writes all rows or none; or, when the user
 * ticks 只导入正确的行, the valid rows only, the others being saved with their reasons (issue 21). The payment
 * date of paid rows without one is the user's choice, stated in the report; the template is a button away.
 */
public final class ImportDialog extends Dialog<Integer> {
    private final AppContext ctx;
    private final Path file;
    private final Map<ImportService.Column, ComboBox<String>> columns = new EnumMap<>(ImportService.Column.class);
    private final TextArea report = new TextArea();
    private final Button importButton;
    private final Button cancelButton;
    private final ComboBox<String> paidOn = new ComboBox<>();
    private final CheckBox partial = new CheckBox();
    private final Button saveRefused = new Button();
    private List<String> header = List.of();
    private ImportService.Report last;
    /** Rows imported by this dialog, once it has imported (it then stays open to show what was refused). */
    private Integer imported;
    /** Checks asked for so far: only the latest one's report is shown. */
    private int checks;
    /** The check whose report is shown (0: the one the dialog opened with). */
    private int shown;

    public ImportDialog(AppContext ctx, Window owner, Path file, ImportService.Report first) {
        UiFont.apply(this);
        this.ctx = ctx;
        this.file = file;
        initOwner(owner);
        setTitle(ctx.t("import.title"));
        setHeaderText(ctx.t("import.header", file.getFileName()));
        setResizable(true);
        getDialogPane().setId("importDialog");
        header = first.header();
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(4);
        int row = 0, col = 0;
        for (ImportService.Column c : ImportService.Column.values()) {
            ComboBox<String> box = new ComboBox<>();
            box.setId("importColumn-" + c.name());
            box.getItems().add(ctx.t("import.none"));
            box.getItems().addAll(header);
            Integer i = first.mapping().get(c);
            box.getSelectionModel().select(i == null ? 0 : i + 1);
            box.setPrefWidth(140);
            box.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            columns.put(c, box);
            Label label = new Label(ctx.t("import.col." + c.name()) + (c.required() ? " *" : ""));
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);   // the dialog widens rather than cut a column's name
            grid.add(label, col, row);
            grid.add(box, col + 1, row);
            if (++row == 5) {                      // three pairs across: the dialog fits a 768-pixel-high screen
                row = 0;
                col += 2;
            }
        }
        report.setId("importReport");
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(12);
        Button recheck = new Button(ctx.t("import.recheck"));
        recheck.setId("importRecheck");
        recheck.setOnAction(e -> check());
        // issue 21: the payment date of a paid row the file gives none for: the user's choice, never an invented one
        paidOn.setId("importPaidOn");
        for (ImportService.PaidOnDefault d : ImportService.PaidOnDefault.values()) paidOn.getItems().add(ctx.t("import.paidOn." + d.name()));
        paidOn.getSelectionModel().select(first.paidOnDefault().ordinal());
        paidOn.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> check());
        partial.setId("importPartial");
        partial.setText(ctx.t("import.partial"));
        partial.selectedProperty().addListener((o, a, b) -> {
            if (last != null && shown == checks) show(last);   // while a check runs, its report will say it
        });
        saveRefused.setId("importSaveRefused");
        saveRefused.setText(ctx.t("import.saveRefused"));
        saveRefused.setOnAction(e -> saveRefused());
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
        setResultConverter(button -> imported);
        importButton = (Button) getDialogPane().lookupButton(doImport);
        importButton.setId("importRun");
        cancelButton = (Button) getDialogPane().lookupButton(getDialogPane().getButtonTypes().get(1));
        cancelButton.setId("importClose");
        importButton.addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            e.consume();                                      // stay open while it runs; close when done
            runImport();
        });
        show(first);
    }

    private Map<ImportService.Column, Integer> mapping() {
        Map<ImportService.Column, Integer> m = new EnumMap<>(ImportService.Column.class);
        columns.forEach((c, box) -> {
            int i = box.getSelectionModel().getSelectedIndex();
            if (i > 0) m.put(c, i - 1);
        });
        return m;
    }

    private ImportService.Options options() {
        int i = paidOn.getSelectionModel().getSelectedIndex();
        return new ImportService.Options(ImportService.PaidOnDefault.values()[Math.max(0, i)], partial.isSelected());
    }

    private void check() {
        if (imported != null) return;                          // the rows are in: a new check would find them there
        Map<ImportService.Column, Integer> m = mapping();
        ImportService.Options o = options();
        int asked = ++checks;
        importButton.setDisable(true);                         // until this check's report is shown
        ctx.tasks().run(ctx.t("import.checking"), p -> ctx.books().imports().dryRun(file, m, o), r -> {
            if (asked != checks) return;                       // an earlier check finishing late is not shown over a later one
            shown = asked;
            show(r);
        }, e -> {
            if (asked == checks) report.setText(ErrorMessages.describe(e, ctx.i18n()));
        });
    }

    private boolean importable(ImportService.Report r) {
        return partial.isSelected() ? r.anyAccepted() : r.ok();
    }

    private void show(ImportService.Report r) {
        last = r;
        StringBuilder sb = new StringBuilder();
        if (imported != null) sb.append(ctx.t("import.result", imported, r.rejected().size())).append("\n\n");
        sb.append(ctx.t("import.summary", r.rows(), r.accepted(), r.rejected().size(), r.newCustomers(), r.existingCustomers()));
        sb.append('\n');
        switch (r.paidOnDefault()) {
            case IMPORT_DATE -> sb.append(ctx.t("import.paidOn.importDate", r.paidOnDefaulted(), r.importDate().toString())).append('\n');
            case DUE_DATE -> sb.append(ctx.t("import.paidOn.dueDate", r.paidOnDefaulted())).append('\n');
            case NONE -> {
                if (r.paidOnMissing() > 0) sb.append(ctx.t("import.paidOn.missing", r.paidOnMissing())).append('\n');
            }
        }
        if (imported == null) {
            if (r.ok()) sb.append(ctx.t("import.ready")).append('\n');
            else if (partial.isSelected() && r.anyAccepted()) sb.append(ctx.t("import.partialReady", r.accepted(), r.rejected().size())).append('\n');
        }
        for (ImportService.Rejection x : r.rejected().subList(0, Math.min(500, r.rejected().size()))) {
            sb.append(ctx.t("import.row", x.row(), x.reason())).append('\n');
        }
        if (r.rejected().size() > 500) sb.append(ctx.t("import.more", r.rejected().size() - 500)).append('\n');
        if (!r.notices().isEmpty()) {
            sb.append('\n').append(ctx.t("import.notices")).append('\n');
            for (ImportService.Notice x : r.notices().subList(0, Math.min(500, r.notices().size()))) {
                sb.append(ctx.t("import.row", x.row(), x.text())).append('\n');
            }
        }
        sb.append('\n').append(ctx.t("import.preview")).append('\n').append(String.join(" | ", r.header())).append('\n');
        for (List<String> row : r.preview()) sb.append(String.join(" | ", row)).append('\n');
        report.setText(sb.toString());
        importButton.setDisable(imported != null || !importable(r));
        saveRefused.setDisable(r.rejected().isEmpty() || r.sourceHash() == null);
    }

    private void runImport() {
        if (imported != null || last == null || !importable(last)) return;
        Map<ImportService.Column, Integer> m = mapping();
        ImportService.Options o = options();
        importButton.setDisable(true);
        ctx.tasks().run(ctx.t("import.running"), p -> ctx.books().imports().importFile(file, m, o), r -> {
            imported = r.accepted();
            if (r.rejected().isEmpty()) {
                setResult(imported);
                close();
                return;
            }
            // partial: stay open with what was refused, to be saved; closing returns what was imported
            paidOn.setDisable(true);
            partial.setDisable(true);
            columns.values().forEach(b -> b.setDisable(true));
            cancelButton.setText(ctx.t("import.close"));
            show(r);
        }, e -> {
            if (e instanceof ImportService.ImportRefused refused) show(refused.report());
            else report.setText(ErrorMessages.describe(e, ctx.i18n()));
        });
    }

    /** The rows the last check (or import) refused, with their reasons, as .xlsx in a folder the user picks. */
    private void saveRefused() {
        ImportService.Report r = last;
        if (r == null || r.rejected().isEmpty()) return;
        Path folder = ctx.dialogs().chooseDirectory(getDialogPane().getScene().getWindow(), ctx.t("import.chooseFolder"));
        if (folder == null) return;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path target = unused(folder, ctx.t("import.refusedFile", dot > 0 ? name.substring(0, dot) : name));
        ctx.tasks().run(ctx.t("import.saveRefused"), p -> ImportService.writeRefused(file, r, target),
                n -> ctx.dialogs().showInfo(getDialogPane().getScene().getWindow(), ctx.t("import.title"), ctx.t("import.refusedSaved", n, target)),
                e -> ctx.dialogs().showError(getDialogPane().getScene().getWindow(), ctx.t("import.title"), ErrorMessages.describe(e, ctx.i18n())));
    }

    private void saveTemplate() {
        saveTemplate(ctx, getDialogPane().getScene().getWindow());
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
        Path p = folder.resolve(stem + ".xlsx");
        for (int i = 2; Files.exists(p); i++) p = folder.resolve(stem + " (" + i + ").xlsx");
        return p;
    }
}
