package cn.huikuan.ui;

import cn.huikuan.application.ImportService;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
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

/**
 * 导入 Excel: the columns Huikuan recognised (each can be changed), the first rows, the dry run's verdict
 * with every rejected row and its reason, then the import, which only runs when no row is rejected and
 * writes all rows or none.
 */
public final class ImportDialog extends Dialog<Integer> {
    private final AppContext ctx;
    private final Path file;
    private final Map<ImportService.Column, ComboBox<String>> columns = new EnumMap<>(ImportService.Column.class);
    private final TextArea report = new TextArea();
    private final Button importButton;
    private List<String> header = List.of();
    private ImportService.Report last;

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
            box.setPrefWidth(160);
            columns.put(c, box);
            grid.add(new Label(ctx.t("import.col." + c.name()) + (c.required() ? " *" : "")), col, row);
            grid.add(box, col + 1, row);
            if (++row == 7) {
                row = 0;
                col += 2;
            }
        }
        report.setId("importReport");
        report.setEditable(false);
        report.setWrapText(true);
        report.setPrefRowCount(14);
        Button recheck = new Button(ctx.t("import.recheck"));
        recheck.setId("importRecheck");
        recheck.setOnAction(e -> check());
        getDialogPane().setContent(new VBox(10, new Label(ctx.t("import.mapping")), grid, new HBox(8, recheck), report));
        getDialogPane().setPadding(new Insets(8));
        ButtonType doImport = new ButtonType(ctx.t("import.run"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(doImport, new ButtonType(ctx.t("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE));
        // without a converter a cancelled dialog's result is the Cancel ButtonType, cast to Integer by the caller (issue 21)
        setResultConverter(button -> null);
        importButton = (Button) getDialogPane().lookupButton(doImport);
        importButton.setId("importRun");
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

    private void check() {
        Map<ImportService.Column, Integer> m = mapping();
        ctx.tasks().run(ctx.t("import.checking"), p -> ctx.books().imports().dryRun(file, m), this::show,
                e -> report.setText(ErrorMessages.describe(e, ctx.i18n())));
    }

    private void show(ImportService.Report r) {
        last = r;
        StringBuilder sb = new StringBuilder(ctx.t("import.summary", r.rows(), r.accepted(), r.rejected().size(), r.newCustomers(),
                r.existingCustomers()));
        sb.append('\n');
        if (r.ok()) sb.append(ctx.t("import.ready")).append('\n');
        for (ImportService.Rejection x : r.rejected().subList(0, Math.min(500, r.rejected().size()))) {
            sb.append(ctx.t("import.row", x.row(), x.reason())).append('\n');
        }
        if (r.rejected().size() > 500) sb.append(ctx.t("import.more", r.rejected().size() - 500)).append('\n');
        sb.append('\n').append(ctx.t("import.preview")).append('\n').append(String.join(" | ", r.header())).append('\n');
        for (List<String> row : r.preview()) sb.append(String.join(" | ", row)).append('\n');
        report.setText(sb.toString());
        importButton.setDisable(!r.ok());
    }

    private void runImport() {
        if (last == null || !last.ok()) return;
        Map<ImportService.Column, Integer> m = mapping();
        importButton.setDisable(true);
        ctx.tasks().run(ctx.t("import.running"), p -> ctx.books().imports().importFile(file, m), r -> {
            setResult(r.accepted());
            close();
        }, e -> {
            if (e instanceof ImportService.ImportRefused refused) show(refused.report());
            else report.setText(ErrorMessages.describe(e, ctx.i18n()));
        });
    }
}
