package cn.huikuan.ui;

import cn.huikuan.domain.FieldError;
import cn.huikuan.law.LprTable;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.function.Function;

/**
 * The LPR table the calculations use: its as-of date, its latest rows, and a form to add the month the
 * PBOC/CFETS published after the app was released (saved in the data folder, used at once). Also the way to the
 * holiday arrangements the deadlines count with ({@link HolidayDialog}).
 */
public final class LprDialog extends FormDialog<LprTable.Row> {
    private final DatePicker date = Parse.datePicker("lprDate");
    private final TextField oneYear = CustomerEditor.field("lprOneYear");
    private final TextField fiveYear = CustomerEditor.field("lprFiveYear");
    private LprTable.Row row;

    public LprDialog(AppContext ctx, Window owner, LprTable table) {
        this(ctx, owner, table, () -> { });
    }

    /**
     * @param holidaysSaved run after a holiday arrangement was saved from here (the deadlines shown change with it);
     *                      the holiday data sits beside the LPR, the other table the law's figures depend on, so the
     *                      main tool bar needs no second button
     */
    public LprDialog(AppContext ctx, Window owner, LprTable table, Runnable holidaysSaved) {
        super(ctx, owner, ctx.t("lpr.title"), "lprDialog");
        Label asOf = new Label(ctx.t("lpr.asOf", Fmt.date(table.asOf()), Fmt.date(table.knownUntilExclusive())));
        asOf.setId("lprAsOf");
        asOf.setWrapText(true);
        TableView<LprTable.Row> rows = new TableView<>();
        rows.setId("lprTable");
        rows.setPrefHeight(220);
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        rows.getColumns().addAll(List.of(column(ctx.t("lpr.published"), r -> Fmt.date(r.published())),
                column(ctx.t("lpr.oneYear"), r -> r.oneYear().toPlainString() + "%"),
                column(ctx.t("lpr.fiveYear"), r -> r.fiveYear().toPlainString() + "%")));
        List<LprTable.Row> latest = new ArrayList<>(table.rows());
        Collections.reverse(latest);
        rows.getItems().setAll(latest.subList(0, Math.min(24, latest.size())));
        javafx.scene.control.Button holidays = new javafx.scene.control.Button(ctx.t("holidays.open"));
        holidays.setId("editHolidays");
        holidays.setOnAction(e -> new HolidayDialog(ctx, getDialogPane().getScene().getWindow()).showAndWait().ifPresent(y -> holidaysSaved.run()));
        form.add("holidays", ctx.t("holidays.entry"), new javafx.scene.layout.HBox(holidays));
        form.addHint(ctx.t("holidays.entry.hint"));
        form.add("asOf", ctx.t("lpr.current"), asOf);
        form.add("table", ctx.t("lpr.latest"), rows);
        form.section(ctx.t("lpr.add"));
        form.addHint(ctx.t("lpr.add.hint"));
        form.add("published", ctx.t("lpr.published"), date);
        form.add("oneYear", ctx.t("lpr.oneYear"), oneYear);
        form.add("fiveYear", ctx.t("lpr.fiveYear"), fiveYear);
        finishLayout();
    }

    private static TableColumn<LprTable.Row, String> column(String title, Function<LprTable.Row, String> f) {
        TableColumn<LprTable.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        return c;
    }

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = Parse.date(date, "published", true, errors);
        if (d != null && d.isAfter(ctx.books().today())) errors.add(FieldError.error("published", "validation.date.future"));
        if (d != null && d.isBefore(LprTable.FIRST)) errors.add(FieldError.error("published", "lpr.beforeFirst"));
        BigDecimal one = percent(oneYear, "oneYear", errors);
        BigDecimal five = percent(fiveYear, "fiveYear", errors);
        if (errors.isEmpty()) row = new LprTable.Row(d, one, five);
        return errors;
    }

    private static BigDecimal percent(TextField tf, String field, List<FieldError> errors) {
        BigDecimal v = Parse.rate(tf, field, errors);
        if (v == null) {
            if (errors.stream().noneMatch(e -> e.field().equals(field))) errors.add(FieldError.error(field, "validation.required"));
            return null;
        }
        if (v.signum() <= 0 || v.compareTo(BigDecimal.TEN) > 0) errors.add(FieldError.error(field, "lpr.range"));
        return v;
    }

    @Override
    protected LprTable.Row save(boolean acceptWarnings) {
        ctx.books().legal().addLpr(row);
        return row;
    }
}
