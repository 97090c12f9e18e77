package cn.huikuan.ui;

import cn.huikuan.application.ExportService;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

import java.nio.file.Path;
import java.util.List;

/**
 * 导出 Excel… on a list, with a check box for full ID and phone numbers (masked unless ticked). Asks for a folder and
 * writes {@code <what>-<book>-<today>.xlsx} there (issue 21: the book's name in the name, so two books' lists do not
 * replace each other), asking first if that file exists; the list goes out as filtered and sorted on screen, in the
 * app's language, in a background task, and the user is told how many rows went out and where.
 */
final class ExcelExportButton {
    private ExcelExportButton() {
    }

    /** Writes the list to {@code target} and returns the number of rows written. */
    @FunctionalInterface
    interface Write {
        int write(ExportService exports, Path target, ExportService.SheetOptions options);
    }

    /**
     * The button (id {@code id}) and its check box (id {@code id + "Full"}). {@code whatKey} names the list in the file
     * name (a bundle key, e.g. {@code xlsx.file.receivables}).
     */
    static HBox create(AppContext ctx, String id, String whatKey, Write write) {
        Button b = new Button(ctx.t("export.xlsx"));
        b.setId(id);
        CheckBox full = new CheckBox(ctx.t("export.fullNumbers"));
        full.setId(id + "Full");
        full.setTooltip(new Tooltip(ctx.t("export.fullNumbers.hint")));
        b.setOnAction(e -> {
            var window = b.getScene().getWindow();
            Path dir = ctx.dialogs().chooseDirectory(window, ctx.t("export.chooseFolder"));
            if (dir == null) return;
            ExportService.SheetOptions options = new ExportService.SheetOptions(ctx.i18n(), full.isSelected());
            ctx.tasks().run(ctx.t("export.xlsx"), p -> ctx.books().exports().bookName(), book -> {
                Path f = dir.resolve(ExportService.defaultName(ctx.t(whatKey), book, ctx.books().today().toString(), ".xlsx"));
                if (!Overwrite.allowed(ctx, window, List.of(f))) {
                    ctx.dialogs().showInfo(window, ctx.t("export.xlsx"), ctx.t("export.notReplaced", f));
                    return;
                }
                ctx.tasks().run(ctx.t("export.xlsx"), p -> write.write(ctx.books().exports(), f, options),
                        n -> ctx.dialogs().showInfo(window, ctx.t("export.xlsx"), ctx.t("export.xlsx.done", n, f)));
            });
        });
        HBox box = new HBox(6, b, full);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }
}
