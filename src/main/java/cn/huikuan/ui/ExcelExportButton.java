package cn.huikuan.ui;

import javafx.scene.control.Button;

import java.nio.file.Path;
import java.util.function.BiFunction;

/**
 * 导出 Excel… on a list: asks for a folder, writes {@code <name>_<today>.xlsx} there in a background task (the
 * list as filtered and sorted on screen) and says how many rows went out and where.
 */
final class ExcelExportButton {
    private ExcelExportButton() {
    }

    /** {@code write} gets the books' export service and the target file and returns the number of rows written. */
    static Button create(AppContext ctx, String id, String fileName, BiFunction<cn.huikuan.application.ExportService, Path, Integer> write) {
        Button b = new Button(ctx.t("export.xlsx"));
        b.setId(id);
        b.setOnAction(e -> {
            var window = b.getScene().getWindow();
            Path dir = ctx.dialogs().chooseDirectory(window, ctx.t("export.chooseFolder"));
            if (dir == null) return;
            Path f = dir.resolve(fileName + "_" + ctx.books().today() + ".xlsx");
            ctx.tasks().run(ctx.t("export.xlsx"), p -> write.apply(ctx.books().exports(), f),
                    n -> ctx.dialogs().showInfo(window, ctx.t("export.xlsx"), ctx.t("export.xlsx.done", n, f)));
        });
        return b;
    }
}
