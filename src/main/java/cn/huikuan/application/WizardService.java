package cn.huikuan.application;

import cn.huikuan.domain.Balance;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.PayerSituation;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.StepChange;
import cn.huikuan.domain.Text;
import cn.huikuan.law.Limitation;
import cn.huikuan.workflow.CaseGuide;
import cn.huikuan.workflow.EvidenceChecklist;
import cn.huikuan.workflow.ReminderTemplates;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.RepaymentPlan;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.storage.FileIntegrity;

import java.util.Map;

/**
 * The collection wizard's state: the step each case is at (remembered with its history) and the facts the
 * case guide reads from the books. Messages, deliveries and promises are contact-log entries, so they are
 * journalled and count for limitation like every other contact.
 */
public final class WizardService {
    private final BookContext ctx;
    private final ReceivableService receivables;
    private final EvidenceService evidence;
    private final LegalStatusService legal;

    WizardService(BookContext ctx, ReceivableService receivables, EvidenceService evidence, LegalStatusService legal) {
        this.ctx = ctx;
        this.receivables = receivables;
        this.evidence = evidence;
        this.legal = legal;
    }

    /** Oldest first. */
    public List<StepChange> history(long receivableId) {
        return ctx.db().inTransaction(s -> {
            receivables.load(s, receivableId);
            return s.createQuery("select c from StepChange c where c.receivable.id = :r order by c.id", StepChange.class)
                    .setParameter("r", receivableId).getResultList();
        });
    }

    /** The step the case is at: the last one entered, else facts-first for a new case. */
    public CollectionStep current(long receivableId) {
        List<StepChange> h = history(receivableId);
        return h.isEmpty() ? CollectionStep.FACTS : h.get(h.size() - 1).getStep();
    }

    public StepChange moveTo(long receivableId, CollectionStep step, String note) {
        return moveTo(receivableId, step, note, null);
    }

    /** Closing records how the case ended (paid in full or in part, settled, written off). */
    public StepChange moveTo(long receivableId, CollectionStep step, String note, StepChange.Outcome outcome) {
        List<FieldError> errors = new ArrayList<>();
        Text.checkLength(errors, "note", note, StepChange.NOTE_MAX);
        if (!errors.isEmpty()) throw new DomainException(errors);
        return ctx.db().inTransaction(s -> {
            Receivable r = receivables.load(s, receivableId);
            StepChange c = new StepChange(r, step, ctx.now(), note);
            if (step == CollectionStep.CLOSED) c.setOutcome(outcome);
            s.persist(c);
            return c;
        });
    }

    /** The latest negotiated plan of the case, or null. */
    public RepaymentPlan plan(long receivableId) {
        return ctx.db().inTransaction(s -> {
            receivables.load(s, receivableId);
            List<RepaymentPlan> l = s.createQuery("select p from RepaymentPlan p where p.receivable.id = :r order by p.id desc",
                    RepaymentPlan.class).setParameter("r", receivableId).setMaxResults(1).getResultList();
            return l.isEmpty() ? null : l.get(0);
        });
    }

    /**
     * Records the plan the debtor agreed to (分期/延期): dates on or after the agreement, amounts positive,
     * agreed no later than today. Its instalments are then tracked against later payments.
     */
    public RepaymentPlan savePlan(long receivableId, LocalDate agreedOn, List<Instalment> instalments, String note) {
        List<FieldError> errors = new ArrayList<>();
        if (agreedOn == null) errors.add(FieldError.error("agreedOn", "validation.required"));
        else if (agreedOn.isAfter(ctx.today())) errors.add(FieldError.error("agreedOn", "validation.date.future"));
        if (instalments == null || instalments.isEmpty()) errors.add(FieldError.error("instalments", "validation.required"));
        else for (Instalment i : instalments) {
            if (i.getAmount() == null || i.getAmount().signum() <= 0) errors.add(FieldError.error("instalments", "validation.amount.notPositive"));
            if (agreedOn != null && i.getDueDate().isBefore(agreedOn)) errors.add(FieldError.error("instalments", "plan.beforeAgreement"));
        }
        Text.checkLength(errors, "note", note, 1000);
        if (!errors.isEmpty()) throw new DomainException(errors);
        return ctx.db().inTransaction(s -> {
            Receivable r = receivables.load(s, receivableId);
            RepaymentPlan p = new RepaymentPlan(r, agreedOn, instalments, note);
            s.persist(p);
            return p;
        });
    }

    static CaseGuide.Plan planStatus(RepaymentPlan plan, List<Payment> payments) {
        if (plan == null) return null;
        BigDecimal since = payments.stream().filter(p -> !p.getPaidOn().isBefore(plan.getAgreedOn())).map(Payment::getAmount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Instalment next = plan.firstUnpaid(since);
        return next == null ? new CaseGuide.Plan(plan.getAgreedOn(), 0, plan.getInstalments().size(), null, null)
                : new CaseGuide.Plan(plan.getAgreedOn(), plan.numberOf(next), plan.getInstalments().size(), next.getDueDate(), next.getAmount());
    }

    /** Everything the guide needs, read once. */
    public record State(CollectionStep step, CaseGuide.Facts facts, CaseGuide.Advice advice, List<String> strategy,
                        List<EvidenceChecklist.Check> checklist, Balance balance, Limitation.Result limitation) {
    }

    public State state(long receivableId) {
        return state(legal.records(receivableId), evidence.list(receivableId));
    }

    /** The wizard's page of a case in one read (issue 25): its records once, its claim once. */
    public WizardPage page(long receivableId) {
        LegalStatusService.CaseRecords rec = legal.records(receivableId);
        List<EvidenceItem> ev = evidence.list(receivableId);
        ClaimCalculator.Result claim;
        try {
            claim = legal.claim(rec);
        } catch (RuntimeException e) {
            claim = null;                                   // e.g. an LPR month not in the table yet: the claim tab says why
        }
        return new WizardPage(state(rec, ev), rec.receivable(), ev, rec.contacts(), claim, ctx.creditor());
    }

    /**
     * A receivable's tab in one read (issue 25: its page and its wizard each read the records, and each computed the claim):
     * the receivable page ({@link LegalStatusService#page}), and the wizard's state from the same records, evidence and
     * claim; only the step history and the plan are read besides.
     */
    public WizardPage.Screen screen(long receivableId, Map<Long, FileIntegrity> known, ReceivablePage.Progress progress) {
        ReceivablePage p = legal.page(receivableId, known, progress);
        LegalStatusService.CaseRecords rec = new LegalStatusService.CaseRecords(p.receivable(), p.payments(), p.timeline(), p.court());
        return new WizardPage.Screen(p, new WizardPage(state(rec, p.evidence()), p.receivable(), p.evidence(), p.timeline(), p.claim(),
                ctx.creditor()));
    }

    private State state(LegalStatusService.CaseRecords rec, List<EvidenceItem> evidence) {
        long receivableId = rec.receivable().getId();
        Receivable r = rec.receivable();
        LocalDate today = ctx.today();
        BigDecimal paid = rec.payments().stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        Balance balance = Balance.of(r.getPrincipal(), r.getSchedule(), paid, today);
        Limitation.Result limitation = legal.limitation(rec);
        CollectionStep step = current(receivableId);
        List<ContactEntry> contacts = rec.contacts();
        LocalDate lastReminder = contacts.stream().filter(c -> c.getDirection() == ContactEntry.Direction.OUTGOING)
                .map(c -> c.getOccurredAt().toLocalDate()).max(Comparator.naturalOrder()).orElse(null);
        LocalDate delivered = contacts.stream().filter(c -> c.getOutcome() == ContactEntry.Outcome.DELIVERED)
                .map(ContactEntry::deliveryDate).max(Comparator.naturalOrder()).orElse(null);
        ContactEntry promise = contacts.stream().filter(c -> c.getOutcome() == ContactEntry.Outcome.PROMISE_TO_PAY && c.getPromisedDate() != null)
                .max(Comparator.comparing(ContactEntry::getOccurredAt)).orElse(null);
        LocalDate promised = promise == null ? null : promise.getPromisedDate();
        boolean paidSince = promise != null && rec.payments().stream().anyMatch(p -> !p.getPaidOn().isBefore(promise.getOccurredAt().toLocalDate()));
        boolean disputed = contacts.stream().anyMatch(c -> c.getOutcome() == ContactEntry.Outcome.DISPUTE)
                || r.getCustomer().getSituation() == PayerSituation.DISPUTED;
        CaseGuide.Facts facts = new CaseGuide.Facts(step, today, r.getCustomer().getSituation(), !r.getCustomer().getAssets().isEmpty(), disputed,
                balance.outstanding(), balance.overdueSince(), limitation, lastReminder, delivered, promised, paidSince,
                legal.proceduralDeadlines(rec.courtEvents()), planStatus(plan(receivableId), rec.payments()));
        List<EvidenceChecklist.Check> checklist = EvidenceChecklist.of(r.getKind(), evidence.stream().map(EvidenceItem::getType).toList(),
                !rec.payments().isEmpty());
        return new State(step, facts, CaseGuide.next(facts), CaseGuide.strategy(facts), checklist, balance, limitation);
    }

    /** A reminder in the chosen tone, filled from the case (the user edits it before it is checked and logged). */
    public String reminder(long receivableId, ReminderTemplates.Tone tone) {
        return reminder(receivables.get(receivableId), state(receivableId), ctx.creditor(), tone);
    }

    /** The reminder from a page already read: no read of the books. */
    public String reminder(WizardPage page, ReminderTemplates.Tone tone) {
        return reminder(page.receivable(), page.state(), page.creditor(), tone);
    }

    private String reminder(Receivable r, State st, CreditorProfile creditor, ReminderTemplates.Tone tone) {
        return ReminderTemplates.render(tone, new ReminderTemplates.Facts(creditor.getName(), r.getCustomer().getName(),
                r.getTitle(), st.balance().outstanding(), st.balance().overdueSince(), ctx.today().plusDays(7),
                creditor.getContactPhone() == null ? "" : creditor.getContactPhone()));
    }
}
