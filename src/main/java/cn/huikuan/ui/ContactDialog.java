package cn.huikuan.ui;

import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.FieldError;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import static cn.huikuan.ui.CustomerEditor.area;
import static cn.huikuan.ui.CustomerEditor.field;
import cn.huikuan.domain.Customer;
import cn.huikuan.law.Citation;
import cn.huikuan.law.ConductGuard;
import java.util.stream.Collectors;

/** Log one contact with the debtor (全程留痕), optionally linking the evidence that records it. */
public final class ContactDialog extends FormDialog<ContactEntry> {
    private final long receivableId;
    private final DatePicker date = Parse.datePicker("contactDate");
    private final TextField time = field("contactTime");
    private final ComboBox<ContactEntry.Channel> channel = new ComboBox<>();
    private final ComboBox<ContactEntry.Direction> direction = new ComboBox<>();
    private final TextArea summary = area("contactSummary", 3);
    private final ComboBox<ContactEntry.Outcome> outcome = new ComboBox<>();
    private final DatePicker promisedDate = Parse.datePicker("contactPromisedDate");
    private final TextField promisedAmount = field("contactPromisedAmount");
    private final DatePicker debtorActedOn = Parse.datePicker("contactDebtorActedOn");
    /** A letter's 运单号 and 妥投日期 (issue 21: EMS delivery had no fields of its own); shown for letters. */
    private final TextField trackingNumber = field("contactTrackingNumber");
    private final DatePicker deliveredOn = Parse.datePicker("contactDeliveredOn");
    private final ListView<EvidenceItem> evidence = new ListView<>();
    private final TextField conductOverride = field("contactConductOverride");
    private final List<LocalDateTime> earlierContacts;
    private final ConductGuard guard;
    private final ConductPanel conduct;
    private ConductGuard.DebtorKind debtor = ConductGuard.DebtorKind.PERSON;
    private ContactEntry draft;

    public ContactDialog(AppContext ctx, Window owner, long receivableId, List<EvidenceItem> available, List<LocalDateTime> earlierContacts) {
        super(ctx, owner, ctx.t("contact.new"), "contactDialog");
        this.receivableId = receivableId;
        this.earlierContacts = List.copyOf(earlierContacts);
        this.guard = ConductPanel.guard(ctx);
        ConductGuard.warmUpInBackground();
        this.conduct = new ConductPanel(ctx, "contactConduct", rewrite -> summary.setText(rewrite));
        LocalDateTime now = ctx.books().now();
        date.setValue(now.toLocalDate());
        time.setText(String.format("%02d:%02d", now.getHour(), now.getMinute()));
        time.setPrefColumnCount(6);
        EnumCombos.setUp(channel, "contactChannel", ctx.i18n(), ContactEntry.Channel.PHONE, ContactEntry.Channel.values());
        EnumCombos.setUp(direction, "contactDirection", ctx.i18n(), ContactEntry.Direction.OUTGOING, ContactEntry.Direction.values());
        EnumCombos.setUp(outcome, "contactOutcome", ctx.i18n(), ContactEntry.Outcome.OTHER, ContactEntry.Outcome.values());
        outcome.valueProperty().addListener((o, a, b) -> outcomeChanged());
        channel.valueProperty().addListener((o, a, b) -> outcomeChanged());
        evidence.setId("contactEvidence");
        evidence.getItems().setAll(available);
        evidence.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        evidence.setPrefHeight(Math.min(140, 28 * Math.max(2, available.size()) + 4));
        evidence.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(EvidenceItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : ctx.i18n().e(item.getType()) + " · " + item.getTitle());
            }
        });
        form.add("occurredAt", ctx.t("contact.when"), new HBox(6, date, time));
        form.add("channel", ctx.t("contact.channel"), channel);
        form.add("direction", ctx.t("contact.direction"), direction);
        form.add("summary", ctx.t("contact.summary"), summary);
        summary.setPromptText(ctx.t("contact.summary.prompt"));
        form.add("outcome", ctx.t("contact.outcome"), outcome);
        form.add("promisedDate", ctx.t("contact.promisedDate"), promisedDate);
        form.add("promisedAmount", ctx.t("contact.promisedAmount"), promisedAmount);
        form.add("debtorActedOn", ctx.t("contact.debtorActedOn"), debtorActedOn);
        form.addHint(ctx.t("contact.debtorActedOn.hint"));
        form.add("trackingNumber", ctx.t("contact.trackingNumber"), trackingNumber);
        trackingNumber.setPromptText("EA123456789CN");
        form.add("deliveredOn", ctx.t("contact.deliveredOn"), deliveredOn);
        form.addHint(ctx.t("contact.deliveredOn.hint"));
        form.add("evidence", ctx.t("contact.evidence"), evidence);
        form.addHint(ctx.t("contact.evidence.hint"));
        form.add("conduct", "", conduct);
        form.add("conductOverride", ctx.t("conduct.override"), conductOverride);
        conductOverride.setPromptText(ctx.t("conduct.override.prompt"));
        outcomeChanged();
        finishLayout();
    }

    /** The debtor's kind, for the guard: a company's own finance staff are the debtor, a person's employer is not. */
    public ContactDialog debtor(Customer customer) {
        this.debtor = ConductPanel.debtorKind(customer);
        return this;
    }

    /** Prefilled by the wizard: a reminder to send, a demand's delivery, a promise. The guard still checks it on save. */
    public ContactDialog prefill(ContactEntry.Channel ch, ContactEntry.Outcome out, String text) {
        channel.setValue(ch);
        direction.setValue(ContactEntry.Direction.OUTGOING);
        outcome.setValue(out);
        summary.setText(text);
        return this;
    }

    private void outcomeChanged() {
        boolean promise = outcome.getValue() == ContactEntry.Outcome.PROMISE_TO_PAY;
        promisedDate.setDisable(!promise);
        promisedAmount.setDisable(!promise);
        debtorActedOn.setDisable(!promise && outcome.getValue() != ContactEntry.Outcome.ACKNOWLEDGED_DEBT);
        boolean letter = channel.getValue() == ContactEntry.Channel.LETTER;
        trackingNumber.setDisable(!letter);
        deliveredOn.setDisable(!letter);
    }

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = Parse.date(date, "occurredAt", true, errors);
        LocalTime t = null;
        try {
            t = LocalTime.parse(time.getText() == null ? "" : time.getText().strip().replace('：', ':'));
        } catch (DateTimeParseException e) {
            errors.add(FieldError.error("occurredAt", "validation.time.invalid"));
        }
        LocalDate promised = null;
        BigDecimal amount = null;
        LocalDate acted = debtorActedOn.isDisabled() ? null : Parse.date(debtorActedOn, "debtorActedOn", false, errors);
        if (outcome.getValue() == ContactEntry.Outcome.PROMISE_TO_PAY) {
            promised = Parse.date(promisedDate, "promisedDate", true, errors);
            amount = Parse.amount(promisedAmount, "promisedAmount", false, errors);
        }
        LocalDate delivered = deliveredOn.isDisabled() ? null : Parse.date(deliveredOn, "deliveredOn", false, errors);
        if (!errors.isEmpty()) return errors;
        draft = new ContactEntry(null, LocalDateTime.of(d, t), channel.getValue(), direction.getValue(), summary.getText(), outcome.getValue());
        draft.setPromisedDate(promised);
        draft.setPromisedAmount(amount);
        draft.setDebtorActedOn(acted == null || acted.equals(d) ? null : acted);
        draft.setConductOverride(conductOverride.getText());
        if (!trackingNumber.isDisabled()) draft.setTrackingNumber(trackingNumber.getText());
        draft.setDeliveredOn(delivered);
        // The receivable is attached by the service; check everything else here.
        List<FieldError> problems = new ArrayList<>(draft.problems(ctx.books().now()).stream().filter(e -> !e.field().equals("receivable")).toList());
        if (direction.getValue() == ContactEntry.Direction.OUTGOING) problems.addAll(conductProblems(draft));
        return problems;
    }

    /**
     * The conduct guard on what we sent and when (issues 5 and 20): a finding blocks saving until the user changes the
     * words (the panel shows them highlighted, with the articles and a lawful rewrite to take) or writes why it is
     * justified; the reason is stored with the contact and journalled. Contact hours and frequency are the app's policy.
     */
    private List<FieldError> conductProblems(ContactEntry e) {
        ConductGuard.Result r = guard.check(e.getSummary(),
                new ConductGuard.Context(debtor, e.getOccurredAt(), earlierContacts, ConductGuard.Tone.FIRM));
        conduct.show(e.getSummary(), r);
        List<ConductGuard.Finding> text = r.findings().stream().filter(f -> !f.policyOnly()).toList();
        List<ConductGuard.Finding> timing = r.findings().stream().filter(ConductGuard.Finding::policyOnly).toList();
        if (text.isEmpty() && timing.isEmpty()) return List.of();
        if (e.getConductOverride() != null) return List.of();
        List<FieldError> errors = new ArrayList<>();
        if (!text.isEmpty()) {
            errors.add(FieldError.error("summary", "conduct.flagged", describe(text)));
            errors.add(FieldError.error("conductOverride", "conduct.overrideNeeded"));
        }
        // Contact hours and frequency are the app's policy, and this is a record of what happened (issue 21: the form
        // defaulted to "now" and then refused "now" at night): a contact outside the hours is recorded as it happened,
        // after the guard's warning is confirmed; changing its time to fit would falsify the log.
        if (!timing.isEmpty()) errors.add(FieldError.warning("occurredAt", "contact.timing.warning", describe(timing)));
        return errors;
    }

    private String describe(List<ConductGuard.Finding> findings) {
        StringBuilder sb = new StringBuilder();
        for (ConductGuard.Finding f : findings) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(ctx.t("conduct.finding", f.matched(), ctx.i18n().english() ? f.reasonInEnglish() : f.reason(),
                    f.policyOnly() ? ctx.t("conduct.policy") : f.basis().stream().map(Citation::zh).collect(Collectors.joining("、")),
                    f.suggestion()));
        }
        return sb.toString();
    }

    @Override
    protected ContactEntry save(boolean acceptWarnings) {
        List<Long> ids = evidence.getSelectionModel().getSelectedItems().stream().map(EvidenceItem::getId).toList();
        return ctx.books().contacts().log(receivableId, draft, ids);
    }
}
