package cn.huikuan.ui;

import cn.huikuan.domain.Customer;
import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PenaltyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static cn.huikuan.ui.CustomerEditor.area;
import static cn.huikuan.ui.CustomerEditor.field;
import static cn.huikuan.ui.CustomerEditor.nz;

/** Create or edit a receivable: parties, amount, due date or instalment schedule and the contract's terms. */
public final class ReceivableEditor extends FormDialog<Receivable> {
    private final Receivable existing;
    private final TextField customerFilter = field("receivableCustomerFilter");
    private final ComboBox<Customer> customer = new ComboBox<>();
    private final ComboBox<ReceivableKind> kind = new ComboBox<>();
    private final TextField title = field("receivableTitle");
    private final TextField contractNumber = field("receivableContractNumber");
    private final DatePicker contractDate = Parse.datePicker("receivableContractDate");
    private final TextField principal = field("receivablePrincipal");
    private final RadioButton single = new RadioButton();
    private final RadioButton instalments = new RadioButton();
    private final DatePicker dueDate = Parse.datePicker("receivableDueDate");
    private final TextArea schedule = area("receivableSchedule", 4);
    private final TextField interest = field("receivableInterest");
    private final TextField overdueRate = field("receivableOverdueRate");
    private final ComboBox<PenaltyKind> penaltyKind = new ComboBox<>();
    private final TextField penaltyValue = field("receivablePenaltyValue");
    private final TextArea jurisdiction = area("receivableJurisdiction", 2);
    private final TextArea arbitration = area("receivableArbitration", 2);
    private final TextArea guarantees = area("receivableGuarantees", 2);
    private final TextArea notes = area("receivableNotes", 2);

    public ReceivableEditor(AppContext ctx, Window owner, Receivable existing, Customer forCustomer) {
        super(ctx, owner, ctx.t(existing == null ? "receivable.new" : "receivable.edit"), "receivableEditor");
        this.existing = existing;
        customer.setId("receivableCustomer");
        customer.setMaxWidth(Double.MAX_VALUE);
        customerFilter.setPromptText(ctx.t("receivable.customerFilter"));
        customerFilter.textProperty().addListener((o, a, b) -> searchCustomers(b));
        HBox.setHgrow(customer, Priority.ALWAYS);
        EnumCombos.setUp(kind, "receivableKind", ctx.i18n(), ReceivableKind.SALE_ON_CREDIT, ReceivableKind.values());
        EnumCombos.setUp(penaltyKind, "receivablePenaltyKind", ctx.i18n(), PenaltyKind.NONE, PenaltyKind.values());
        penaltyKind.valueProperty().addListener((o, a, b) -> penaltyChanged());

        ToggleGroup mode = new ToggleGroup();
        single.setText(ctx.t("receivable.single"));
        single.setId("receivableSingle");
        single.setToggleGroup(mode);
        instalments.setText(ctx.t("receivable.instalments"));
        instalments.setId("receivableInstalments");
        instalments.setToggleGroup(mode);
        mode.selectedToggleProperty().addListener((o, a, b) -> modeChanged());

        form.section(ctx.t("receivable.section.parties"));
        form.add("customer", ctx.t("receivable.customer"), new VBox(4, customerFilter, customer));
        form.add("kind", ctx.t("receivable.kind"), kind);
        form.add("title", ctx.t("receivable.title"), title);
        title.setPromptText(ctx.t("receivable.title.prompt"));
        form.add("contractNumber", ctx.t("receivable.contractNumber"), contractNumber);
        form.add("contractDate", ctx.t("receivable.contractDate"), contractDate);
        form.section(ctx.t("receivable.section.amount"));
        form.add("principal", ctx.t("receivable.principal"), principal);
        principal.setPromptText("500000.00");
        form.add("mode", ctx.t("receivable.mode"), new HBox(16, single, instalments));
        form.add("dueDate", ctx.t("receivable.dueDate"), dueDate);
        form.add("schedule", ctx.t("receivable.schedule"), new VBox(4, scheduleGenerator(), schedule));
        schedule.setPromptText(ctx.t("receivable.schedule.prompt"));
        form.section(ctx.t("receivable.section.terms"));
        form.add("interestRatePercent", ctx.t("receivable.interest"), interest);
        interest.setPromptText(ctx.t("receivable.rate.prompt"));
        form.add("overdueRatePercent", ctx.t("receivable.overdueRate"), overdueRate);
        overdueRate.setPromptText(ctx.t("receivable.rate.prompt"));
        form.add("penaltyKind", ctx.t("receivable.penaltyKind"), penaltyKind);
        form.add("penaltyValue", ctx.t("receivable.penaltyValue"), penaltyValue);
        form.add("jurisdictionClause", ctx.t("receivable.jurisdiction"), jurisdiction);
        form.add("arbitrationClause", ctx.t("receivable.arbitration"), arbitration);
        form.add("guarantees", ctx.t("receivable.guarantees"), guarantees);
        form.add("notes", ctx.t("receivable.notes"), notes);

        if (existing != null) {
            customer.getItems().setAll(existing.getCustomer());
            customer.setValue(existing.getCustomer());
            customer.setDisable(true);
            customerFilter.setDisable(true);
            kind.setValue(existing.getKind());
            title.setText(nz(existing.getTitle()));
            contractNumber.setText(nz(existing.getContractNumber()));
            contractDate.setValue(existing.getContractDate());
            principal.setText(Fmt.plain(existing.getPrincipal()));
            if (existing.getSchedule().size() == 1) {
                single.setSelected(true);
                dueDate.setValue(existing.getSchedule().get(0).getDueDate());
            } else {
                instalments.setSelected(true);
                schedule.setText(formatSchedule(existing.getSchedule()));
            }
            interest.setText(Fmt.plain(existing.getInterestRatePercent()));
            overdueRate.setText(Fmt.plain(existing.getOverdueRatePercent()));
            penaltyKind.setValue(existing.getPenaltyKind());
            penaltyValue.setText(Fmt.plain(existing.getPenaltyValue()));
            jurisdiction.setText(nz(existing.getJurisdictionClause()));
            arbitration.setText(nz(existing.getArbitrationClause()));
            guarantees.setText(nz(existing.getGuarantees()));
            notes.setText(nz(existing.getNotes()));
        } else {
            kind.setValue(ReceivableKind.SALE_ON_CREDIT);
            penaltyKind.setValue(PenaltyKind.NONE);
            single.setSelected(true);
            if (forCustomer != null) {
                customer.getItems().setAll(forCustomer);
                customer.setValue(forCustomer);
            } else {
                searchCustomers("");
            }
        }
        modeChanged();
        penaltyChanged();
        finishLayout();
    }

    private javafx.scene.layout.FlowPane scheduleGenerator() {
        Spinner<Integer> count = Form.intSpinner("scheduleCount", 2, 120, 4);
        count.setPrefWidth(80);
        DatePicker first = Parse.datePicker("scheduleFirst");
        first.setPrefWidth(140);
        Spinner<Integer> every = Form.intSpinner("scheduleEvery", 1, 12, 1);
        every.setPrefWidth(70);
        Button generate = new Button(ctx.t("receivable.schedule.generate"));
        generate.setId("scheduleGenerate");
        generate.setOnAction(e -> {
            List<FieldError> errs = new ArrayList<>();
            BigDecimal p = Parse.amount(principal, "principal", true, errs);
            LocalDate f = Parse.date(first, "schedule", true, errs);
            Form.intValue(count, "schedule", errs);
            Form.intValue(every, "schedule", errs);
            if (!errs.isEmpty()) {
                form.show(errs, ctx.i18n());
                return;
            }
            schedule.setText(formatSchedule(Instalment.evenSchedule(p, count.getValue(), f, every.getValue())));
        });
        javafx.scene.layout.FlowPane box = new javafx.scene.layout.FlowPane(6, 4, new Label(ctx.t("receivable.schedule.count")), count,
                new Label(ctx.t("receivable.schedule.first")), first, new Label(ctx.t("receivable.schedule.every")), every, generate);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        box.disableProperty().bind(single.selectedProperty());
        return box;
    }

    static String formatSchedule(List<Instalment> list) {
        StringBuilder sb = new StringBuilder();
        for (Instalment i : list) {
            sb.append(Fmt.date(i.getDueDate())).append("  ").append(i.getAmount().toPlainString()).append('\n');
        }
        return sb.toString();
    }

    /** Reads "date amount" lines; each bad line is reported with its number. */
    static List<Instalment> parseSchedule(String text, List<FieldError> errors) {
        List<Instalment> list = new ArrayList<>();
        if (text == null || text.isBlank()) {
            errors.add(FieldError.error("schedule", "validation.required"));
            return list;
        }
        String[] lines = text.split("\\R");
        for (int n = 0; n < lines.length; n++) {
            String line = lines[n].strip();
            if (line.isEmpty()) continue;
            String[] parts = line.split("[\\s,，;；\\t]+", 2);
            if (parts.length != 2) {
                errors.add(FieldError.error("schedule", "validation.schedule.line", n + 1));
                continue;
            }
            LocalDate d;
            try {
                d = Parse.parseDate(parts[0]);
            } catch (DateTimeParseException e) {
                errors.add(FieldError.error("schedule", "validation.schedule.line", n + 1));
                continue;
            }
            Money.Parsed amount = Money.parsePositive("schedule", parts[1]);
            if (!amount.ok()) {
                errors.add(FieldError.error("schedule", "validation.schedule.line", n + 1));
                continue;
            }
            list.add(new Instalment(d, amount.value()));
        }
        if (list.isEmpty() && errors.isEmpty()) errors.add(FieldError.error("schedule", "validation.required"));
        return list;
    }

    private void searchCustomers(String text) {
        ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().customers().search(text, 200), list -> {
            Customer selected = customer.getValue();
            customer.getItems().setAll(list);
            if (selected != null && list.stream().anyMatch(c -> c.getId().equals(selected.getId()))) customer.setValue(selected);
            else if (list.size() == 1) customer.setValue(list.get(0));
        });
    }

    private void modeChanged() {
        dueDate.setDisable(!single.isSelected());
        schedule.setDisable(single.isSelected());
    }

    private void penaltyChanged() {
        PenaltyKind k = penaltyKind.getValue();
        penaltyValue.setDisable(k == null || k == PenaltyKind.NONE);
        penaltyValue.setPromptText(k == null || k == PenaltyKind.NONE ? "" : ctx.t("receivable.penaltyValue.prompt." + k.name()));
    }

    private Receivable target;

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        BigDecimal amount = Parse.amount(principal, "principal", true, errors);
        LocalDate contract = Parse.date(contractDate, "contractDate", true, errors);
        List<Instalment> plan = new ArrayList<>();
        if (single.isSelected()) {
            LocalDate due = Parse.date(dueDate, "dueDate", true, errors);
            if (due != null && amount != null) plan.add(new Instalment(due, amount));
        } else {
            plan = parseSchedule(schedule.getText(), errors);
        }
        BigDecimal interestRate = Parse.rate(interest, "interestRatePercent", errors);
        BigDecimal overdue = Parse.rate(overdueRate, "overdueRatePercent", errors);
        BigDecimal penalty = null;
        PenaltyKind pk = penaltyKind.getValue();
        if (pk == PenaltyKind.FIXED) penalty = Parse.amount(penaltyValue, "penaltyValue", true, errors);
        else if (pk == PenaltyKind.DAILY_RATE || pk == PenaltyKind.PERCENTAGE) penalty = Parse.rate(penaltyValue, "penaltyValue", errors);
        if (customer.getValue() == null) errors.add(FieldError.error("customer", "validation.required"));
        if (!errors.isEmpty()) return errors;

        Receivable r = existing != null ? existing : new Receivable(customer.getValue(), kind.getValue(), title.getText(), contract, amount);
        r.setCustomer(customer.getValue());
        r.setKind(kind.getValue());
        r.setTitle(title.getText());
        r.setContractNumber(contractNumber.getText());
        r.setContractDate(contract);
        r.setPrincipal(amount);
        r.setSchedule(plan);
        r.setInterestRatePercent(interestRate);
        r.setOverdueRatePercent(overdue);
        r.setPenaltyKind(pk);
        r.setPenaltyValue(pk == PenaltyKind.NONE ? null : penalty);
        r.setJurisdictionClause(jurisdiction.getText());
        r.setArbitrationClause(arbitration.getText());
        r.setGuarantees(guarantees.getText());
        r.setNotes(notes.getText());
        target = r;
        return r.problems();
    }

    @Override
    protected Receivable save(boolean acceptWarnings) {
        return ctx.books().receivables().save(target, acceptWarnings);
    }
}
