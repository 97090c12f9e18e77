package cn.huikuan.ui;

import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.RepaymentPlan;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 制定分期计划: the agreed date and an even schedule (total, number, first date, months between), previewed. */
public final class PlanDialog extends FormDialog<RepaymentPlan> {
    private final long receivableId;
    private final DatePicker agreedOn = Parse.datePicker("planAgreedOn");
    private final TextField total = CustomerEditor.field("planTotal");
    private final Spinner<Integer> count = Form.intSpinner("planCount", 1, 60, 3);
    private final DatePicker first = Parse.datePicker("planFirst");
    private final Spinner<Integer> months = Form.intSpinner("planMonths", 1, 12, 1);
    private final Label preview = new Label();
    private List<Instalment> schedule = List.of();
    private LocalDate agreed;

    public PlanDialog(AppContext ctx, Window owner, long receivableId, BigDecimal outstanding) {
        super(ctx, owner, ctx.t("plan.title"), "planDialog");
        this.receivableId = receivableId;
        LocalDate today = ctx.books().today();
        agreedOn.setValue(today);
        total.setText(outstanding.toPlainString());
        first.setValue(today.plusMonths(1));
        preview.setId("planPreview");
        preview.setWrapText(true);
        form.add("agreedOn", ctx.t("plan.agreedOn"), agreedOn);
        form.add("total", ctx.t("plan.total"), total);
        form.add("count", ctx.t("plan.count"), count);
        form.add("first", ctx.t("plan.first"), first);
        form.add("months", ctx.t("plan.months"), months);
        form.add("instalments", ctx.t("plan.preview"), preview);
        form.addHint(ctx.t("plan.hint"));
        for (var p : List.of(total.textProperty(), count.valueProperty(), first.valueProperty(), months.valueProperty(),
                first.getEditor().textProperty(), count.getEditor().textProperty(), months.getEditor().textProperty())) {
            p.addListener((o, a, b) -> refresh());
        }
        refresh();
        finishLayout();
    }

    private void refresh() {
        try {
            BigDecimal t = new BigDecimal(total.getText().strip().replace(",", ""));
            LocalDate f = Parse.date(first, "first", true, new ArrayList<>());      // what is typed counts, as in every form
            Integer number = Form.parse(count);
            Integer every = Form.parse(months);
            if (t.signum() <= 0 || f == null || number == null || every == null) throw new NumberFormatException();
            schedule = Instalment.evenSchedule(t, number, f, every);
            StringBuilder sb = new StringBuilder();
            int n = 0;
            for (Instalment i : schedule) sb.append(ctx.t("plan.line", ++n, Fmt.date(i.getDueDate()), Fmt.money(i.getAmount()))).append('\n');
            preview.setText(sb.toString().strip());
        } catch (RuntimeException e) {
            schedule = List.of();
            preview.setText("—");
        }
    }

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        agreed = Parse.date(agreedOn, "agreedOn", true, errors);
        Form.intValue(count, "count", errors);
        Form.intValue(months, "months", errors);
        refresh();
        Parse.amount(total, "total", true, errors);
        if (schedule.isEmpty() && errors.isEmpty()) errors.add(FieldError.error("instalments", "validation.required"));
        return errors;
    }

    @Override
    protected RepaymentPlan save(boolean acceptWarnings) {
        return ctx.books().wizard().savePlan(receivableId, agreed, schedule, null);
    }
}
