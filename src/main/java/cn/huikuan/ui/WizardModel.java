package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.application.ExportService;
import cn.huikuan.application.WizardPage;
import cn.huikuan.documents.DocKind;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.StepChange;
import cn.huikuan.i18n.I18n;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.ConductGuard;
import cn.huikuan.law.CourtFees;
import cn.huikuan.law.Limitation;
import cn.huikuan.law.Routes;
import cn.huikuan.workflow.ReminderTemplates;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The collection wizard's state (issue 25): the case's page ({@link WizardPage}, one read per refresh, or handed over by
 * the receivable page's own read), the reminder being written and its conduct check, the route questions with what
 * follows from them, and the commands that move the case or save a message. {@link WizardView} builds the controls,
 * binds them and opens the dialogs. Tested without a robot or the FX toolkit ({@code WizardModelTest}).
 */
public final class WizardModel {
    /** The route page's figures for the answers given: who may hear the case, what it costs, what may be cut. */
    public record RouteAdvice(Routes.PaymentOrderCheck paymentOrder, String paymentOrderCourt, List<String> lawsuitCourts, BigDecimal total,
                              BigDecimal agreed, BigDecimal paymentOrderFee, BigDecimal caseFee, BigDecimal preservationFee,
                              BigDecimal halfCaseFee, ClaimCalculator.Result claim, Limitation.Result limitation) {
        /** The penalty beside the loss the law allows without it (民法典 §585 ¶2), when the claim compares them. */
        public boolean penaltyCompared() {
            return claim != null && claim.comparableLoss() != null;
        }
    }

    /** A message and the guard's verdict on it. */
    public record Checked(String text, ConductGuard.Result result) {
    }

    private final Books books;
    private final I18n i18n;
    private final Background background;
    private final long id;
    private final Runnable changed;
    private final ReadOnlyObjectWrapper<WizardPage> page = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<ReminderTemplates.Tone> tone = new SimpleObjectProperty<>();
    private final StringProperty reminder = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Checked> checked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper findings = new ReadOnlyStringWrapper("");
    private final BooleanProperty otherDisputes = new SimpleBooleanProperty(false);
    private final BooleanProperty counterOwed = new SimpleBooleanProperty(false);
    private final BooleanProperty located = new SimpleBooleanProperty(true);
    private final BooleanProperty served = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<RouteAdvice> advice = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<DocKind.Route> route = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Routes.Condition> routeProblem = new ReadOnlyObjectWrapper<>();

    /** {@code changed}: told after every write (the receivable page, the lists and the to-do list then reload). */
    public WizardModel(Books books, I18n i18n, Background background, long receivableId, Runnable changed) {
        this.books = books;
        this.i18n = i18n;
        this.background = background;
        this.id = receivableId;
        this.changed = changed;
        tone.addListener((o, was, now) -> loadReminder());
        for (BooleanProperty b : List.of(otherDisputes, counterOwed, located, served)) b.addListener((o, was, now) -> advise());
        route.addListener((o, was, now) -> checkRoute());
    }

    // ------------------------------------------------------------------ the page

    /** Reads the case's page (on its own; the receivable page hands its read to {@link #show} instead). */
    public void reload() {
        background.run(i18n.t("task.loading"), p -> books.wizard().page(id), this::show);
    }

    /** Shows a page read elsewhere (the receivable page's {@code WizardService.screen}, read once for both). */
    public void show(WizardPage p) {
        page.set(p);
        advise();
        Receivable r = p.receivable();
        DocKind.Route suggested = r.hasArbitrationClause() ? DocKind.Route.ARBITRATION : DocKind.Route.LAWSUIT;
        if (route.get() == suggested) checkRoute();
        else route.set(suggested);
    }

    /** The case's page; null until read. */
    public ReadOnlyObjectProperty<WizardPage> page() { return page.getReadOnlyProperty(); }

    public long receivableId() { return id; }

    // ------------------------------------------------------------------ moving the case

    public void moveTo(CollectionStep step, String note) {
        background.run(i18n.t("task.saving"), p -> books.wizard().moveTo(id, step, note), c -> changed.run());
    }

    /** 结案, with how the case ended. */
    public void close(String note, StepChange.Outcome outcome) {
        background.run(i18n.t("task.saving"), p -> books.wizard().moveTo(id, CollectionStep.CLOSED, note, outcome), c -> changed.run());
    }

    /** A write made elsewhere for this case (a contact, a plan, a court step): the pages showing it reload. */
    public void written() {
        changed.run();
    }

    /** The outgoing contacts' times, the earlier messages the conduct guard counts. */
    public List<LocalDateTime> earlierOutgoing() {
        WizardPage p = page.get();
        return p == null ? List.of() : p.contacts().stream().filter(c -> c.getDirection() == ContactEntry.Direction.OUTGOING)
                .map(ContactEntry::getOccurredAt).toList();
    }

    // ------------------------------------------------------------------ the reminder

    /** The reminder's tone; a change fills the text again from the case. */
    public ObjectProperty<ReminderTemplates.Tone> tone() { return tone; }

    /** The reminder as the user edits it. */
    public StringProperty reminder() { return reminder; }

    /** The last message checked and the guard's verdict; null before any. */
    public ReadOnlyObjectProperty<Checked> checked() { return checked.getReadOnlyProperty(); }

    /** One line under the reminder: flagged, saved, or nothing. */
    public ReadOnlyStringProperty findings() { return findings.getReadOnlyProperty(); }

    /**
     * The reminder page opens: polite for a first reminder, firm after one, filled from the case as the page shows it (a
     * template over figures already read: no read of the books).
     */
    public void openReminder() {
        WizardPage p = page.get();
        if (p == null) return;
        ReminderTemplates.Tone t = p.state().facts().lastReminder() == null ? ReminderTemplates.Tone.POLITE : ReminderTemplates.Tone.FIRM;
        if (tone.get() == t) loadReminder();                 // the same tone: the text again, with the figures as they are now
        else tone.set(t);
    }

    private void loadReminder() {
        WizardPage p = page.get();
        ReminderTemplates.Tone t = tone.get();
        if (p == null || t == null) return;
        reminder.set(books.wizard().reminder(p, t));
        findings.set("");
    }

    /** The guard's rewrite replaces the message. */
    public void useRewrite(String rewrite) {
        reminder.set(rewrite);
        findings.set("");
    }

    /**
     * Every outgoing text passes the guard first (issue 20), in the background (the first check loads ICU): {@code then}
     * runs only when the message may go.
     */
    public void checkReminder(Runnable then) {
        WizardPage p = page.get();
        if (p == null) return;
        String message = reminder.get();
        ConductGuard.Context context = new ConductGuard.Context(debtorKind(p.receivable().getCustomer()), null, List.of(),
                ConductGuard.Tone.valueOf((tone.get() == null ? ReminderTemplates.Tone.FIRM : tone.get()).name()));
        background.run(i18n.t("conduct.checking"), x -> new ConductGuard(books.settings().contactPolicy(), books.legal().lpr()).check(message, context), r -> {
            checked.set(new Checked(message, r));
            findings.set(r.blocked() ? i18n.t("wizard.reminder.flagged") + i18n.t("conduct.seeBelow") : "");
            if (!r.blocked()) then.run();
        });
    }

    /** The checked reminder as an e-mail draft (.eml) in {@code dir}, addressed to the debtor's e-mail if one is on record. */
    public void saveEmail(Path dir) {
        WizardPage p = page.get();
        if (p == null) return;
        Receivable r = p.receivable();
        Path eml = dir.resolve(ExportService.safeName(r.getCustomer().getName()) + "_催款提醒_" + books.today() + ".eml");
        String to = r.getCustomer().getContacts().stream().filter(m -> m.getKind() == ContactMethod.Kind.EMAIL)
                .map(ContactMethod::getValue).findFirst().orElse("");
        String draft = Email.draft(to, i18n.t("wizard.reminder.subject", r.getTitle()), reminder.get());
        background.run(i18n.t("task.saving"), x -> {
            Files.writeString(eml, draft, StandardCharsets.UTF_8);
            return eml;
        }, saved -> findings.set(i18n.t("report.saved", saved)));
    }

    /** The message was copied: nothing more to say under it. */
    public void copied() {
        findings.set("");
    }

    private static ConductGuard.DebtorKind debtorKind(Customer c) {
        // a company's own staff are the debtor, a person's employer is a third party (as ConductPanel.debtorKind)
        return c != null && c.getKind() == PartyKind.ORGANISATION ? ConductGuard.DebtorKind.COMPANY : ConductGuard.DebtorKind.PERSON;
    }

    // ------------------------------------------------------------------ the route

    public BooleanProperty otherDisputes() { return otherDisputes; }

    public BooleanProperty counterOwed() { return counterOwed; }

    public BooleanProperty located() { return located; }

    public BooleanProperty served() { return served; }

    /** What the answers and the case give: the payment order's conditions, the courts, the costs. */
    public ReadOnlyObjectProperty<RouteAdvice> advice() { return advice.getReadOnlyProperty(); }

    /** The route whose packet would be made. */
    public ObjectProperty<DocKind.Route> route() { return route; }

    /** The route engine's objection to the chosen route (arbitration without a clause on record), or null. */
    public ReadOnlyObjectProperty<Routes.Condition> routeProblem() { return routeProblem.getReadOnlyProperty(); }

    private void advise() {
        WizardPage p = page.get();
        if (p == null) return;
        Receivable r = p.receivable();
        ClaimCalculator.Result claim = p.claim();
        BigDecimal outstanding = p.state().balance().outstanding();
        Routes.Facts f = new Routes.Facts(outstanding, p.state().facts().amountDisputed(), otherDisputes.get(), counterOwed.get(),
                located.get(), served.get(), false, claim != null && claim.includesUnagreedCharges(), r.hasArbitrationClause(),
                r.getJurisdictionClause(), r.getCustomer().getAddress(), p.creditor().getAddress());
        String language = i18n.language();
        BigDecimal total = claim == null ? outstanding : claim.total();
        // a 支付令 claims only what the debtor agreed in writing (民诉解释 §428): its fee follows the reduced claim
        BigDecimal agreed = claim == null ? total : claim.agreedTotal();
        BigDecimal caseFee = CourtFees.compute(CourtFees.Kind.CASE, total, false).fee();
        advice.set(new RouteAdvice(Routes.paymentOrder(f), Routes.courtForPaymentOrder(f, language), Routes.lawsuitCourts(f, language), total, agreed,
                CourtFees.compute(CourtFees.Kind.PAYMENT_ORDER, agreed, false).fee(), caseFee,
                CourtFees.compute(CourtFees.Kind.PRESERVATION, total, false).fee(),
                caseFee.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP), claim, p.state().limitation()));
    }

    private void checkRoute() {
        WizardPage p = page.get();
        if (p == null) return;
        Routes.Condition c = route.get() == DocKind.Route.ARBITRATION ? Routes.arbitration(p.receivable().hasArbitrationClause()) : null;
        routeProblem.set(c != null && !c.met() ? c : null);
    }
}
