package cn.huikuan.ui;

import cn.huikuan.application.ExportService;
import cn.huikuan.domain.FieldError;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The bookkeeper's reports from the overview and the customer list: 账龄分析 (Excel or PDF) and a customer's 对账单. Default
 * names carry the book or the customer and the day (issue 21), an existing file is replaced only when the user says so,
 * and the statement's period is picked with two date pickers.
 */
final class ReportExports {
    private ReportExports() {
    }

    /** 账龄分析 by customer into a folder the user picks: {@code 账龄分析-<book>-<today>.xlsx} or {@code .pdf}. */
    static void aging(AppContext ctx, Window owner, boolean excel) {
        Path dir = ctx.dialogs().chooseDirectory(owner, ctx.t("export.chooseFolder"));
        if (dir == null) return;
        ExportService.SheetOptions options = new ExportService.SheetOptions(ctx.i18n(), false);
        ctx.tasks().run(ctx.t("report.aging"), p -> ctx.books().exports().bookName(), book -> {
            Path f = dir.resolve(ExportService.defaultName(ctx.t("xlsx.file.aging"), book, ctx.books().today().toString(), excel ? ".xlsx" : ".pdf"));
            if (!Overwrite.allowed(ctx, owner, List.of(f))) {
                ctx.dialogs().showInfo(owner, ctx.t("report.aging"), ctx.t("export.notReplaced", f));
                return;
            }
            ctx.tasks().run(ctx.t("report.aging"), p -> {
                if (excel) ctx.books().exports().agingXlsx(f, options);
                else ctx.books().exports().agingPdf(f);
                return f;
            }, x -> ctx.dialogs().showInfo(owner, ctx.t("report.aging"), ctx.t("report.saved", x)));
        });
    }

    /** A statement's period. */
    record Period(LocalDate from, LocalDate to) {
    }

    /** 对账单 of one customer: the period from two date pickers, then a folder, then {@code 对账单-<customer>-<from>至<to>.pdf}. */
    static void statement(AppContext ctx, Window owner, long customerId, String customer) {
        Period period = periodDialog(ctx, owner, customer).showAndWait().orElse(null);
        if (period == null) return;
        Path dir = ctx.dialogs().chooseDirectory(owner, ctx.t("export.chooseFolder"));
        if (dir == null) return;
        Path f = dir.resolve(ExportService.statementName(customer, period.from(), period.to()));
        if (!Overwrite.allowed(ctx, owner, List.of(f))) {
            ctx.dialogs().showInfo(owner, ctx.t("report.statement"), ctx.t("export.notReplaced", f));
            return;
        }
        ctx.tasks().run(ctx.t("report.statement"), p -> ctx.books().exports().statementPdf(customerId, period.from(), period.to(), f),
                x -> ctx.dialogs().showInfo(owner, ctx.t("report.statement"), ctx.t("report.saved", x)));
    }

    /**
     * 对账期间: from the first day of this year to today unless changed. A period that ends before it starts, or a date
     * that is missing or not a date, is refused in a sentence under the fields and the dialog stays open.
     */
    static Dialog<Period> periodDialog(AppContext ctx, Window owner, String customer) {
        LocalDate today = ctx.books().today();
        Dialog<Period> d = new Dialog<>();
        UiFont.apply(d);
        d.initOwner(owner);
        d.setTitle(ctx.t("report.statement"));
        d.setHeaderText(ctx.t("report.statement.header", customer));
        d.getDialogPane().setId("statementDialog");
        DatePicker from = Parse.datePicker("statementFrom");
        from.setValue(today.withDayOfYear(1));
        DatePicker to = Parse.datePicker("statementTo");
        to.setValue(today);
        Label problem = new Label();
        problem.setId("statementProblem");
        problem.setWrapText(true);
        problem.setMaxWidth(400);
        problem.setMinHeight(44); // room for two lines from the start: the dialog does not grow once shown
        problem.getStyleClass().add("field-error");
        problem.setStyle("-fx-text-fill: #b00020;");
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(6);
        grid.addRow(0, new Label(ctx.t("report.statement.from")), from);
        grid.addRow(1, new Label(ctx.t("report.statement.to")), to);
        VBox content = new VBox(8, grid, problem);
        content.setPrefWidth(430);
        d.getDialogPane().setContent(content);
        ButtonType ok = new ButtonType(ctx.t("report.statement.export"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(ctx.t("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        d.getDialogPane().getButtonTypes().addAll(ok, cancel);
        Button okButton = (Button) d.getDialogPane().lookupButton(ok);
        okButton.setId("statementOk");
        Period[] read = new Period[1];
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            read[0] = null;
            String why = check(ctx, from, to, read);
            problem.setText(why == null ? "" : why);
            if (why != null) e.consume();
        });
        d.setResultConverter(b -> b == ok ? read[0] : null);
        return d;
    }

    /** The sentence refusing the period, or null with the period in {@code out[0]}. */
    private static String check(AppContext ctx, DatePicker fromPicker, DatePicker toPicker, Period[] out) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate from = Parse.date(fromPicker, "from", true, errors);
        LocalDate to = Parse.date(toPicker, "to", true, errors);
        if (!errors.isEmpty() || from == null || to == null) return ctx.t("report.statement.missing");
        if (to.isBefore(from)) return ctx.t("report.statement.order", Fmt.date(from), Fmt.date(to));
        out[0] = new Period(from, to);
        return null;
    }
}
