package cn.huikuan.application;

import java.time.LocalDate;

import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.ClaimInput;
import cn.huikuan.law.HolidayCalendar;
import cn.huikuan.law.Limitation;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.law.data.LawData;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.RepaymentPlan;
import cn.huikuan.law.LprTable;
import cn.huikuan.law.StatutoryHolidays;
import cn.huikuan.storage.FileIntegrity;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Applies the law engine to a receivable's own records. The limitation period starts on the (last)
 * due date (民法典 §188, §189) and restarts with each event the records prove:
 * <ul>
 *   <li>a payment after the due date — part performance (诉讼时效规定 §14);</li>
 *   <li>a logged contact where the debtor acknowledged the debt or promised to pay — agreement to
 *   perform (民法典 §195(二), 诉讼时效规定 §14);</li>
 *   <li>a logged demand the debtor answered by disputing or refusing — the demand demonstrably reached
 *   them (§195(一), 诉讼时效规定 §8).</li>
 * </ul>
 * Contacts that went unanswered, or whose outcome is "other", are not counted: the app only relies on
 * what the evidence shows. (Delivered written demands with EMS proof come with the wizard, issue 5.)
 */
public final class LegalStatusService {
    private final BookContext ctx;
    private final ReceivableService receivables;
    private final EvidenceService evidence;
    private final ContactLogService contacts;
    private final CourtEventService court;
    private volatile HolidayCalendar calendar;

    LegalStatusService(BookContext ctx, ReceivableService receivables, EvidenceService evidence, ContactLogService contacts, CourtEventService court) {
        this.ctx = ctx;
        this.receivables = receivables;
        this.evidence = evidence;
        this.contacts = contacts;
        this.court = court;
    }

    public Path lawDataDir() {
        return ctx.db().folder().root().resolve("law");
    }

    public HolidayCalendar calendar() {
        HolidayCalendar c = calendar;
        if (c == null) {
            c = LawData.holidays(lawDataDir());
            calendar = c;
        }
        return c;
    }

    /** Everything the legal figures of one receivable are computed from, loaded once. */
    public record CaseRecords(Receivable receivable, List<Payment> payments, List<ContactEntry> contacts, List<CourtEvent> courtEvents) {
    }

    /**
     * The receivable page in one read (issue 25): the records once, the claim once. Evidence files are re-hashed unless
     * {@code known} gives their integrity (a file is checked when it is new to the page, or when the user asks).
     */
    public ReceivablePage page(long receivableId, Map<Long, FileIntegrity> known, ReceivablePage.Progress progress) {
        CaseRecords c = records(receivableId);
        List<EvidenceItem> ev = evidence.list(receivableId);
        Map<Long, FileIntegrity> check = new HashMap<>();
        int n = 0;
        for (EvidenceItem e : ev) {
            if (progress.cancelled()) break;
            FileIntegrity before = known.get(e.getId());
            check.put(e.getId(), before != null ? before : evidence.verify(e));
            progress.update(++n, ev.size());
        }
        ClaimCalculator.Result claim = null;
        String claimProblem = null;
        String claimProblemEn = null;
        try {
            claim = claim(c);
        } catch (LprTable.RateUnavailableException e) {
            claimProblem = e.getMessage();
            claimProblemEn = e.english();
        } catch (IllegalArgumentException e) {
            claimProblem = e.getMessage();
            claimProblemEn = englishPart(e.getMessage());
        }
        BigDecimal paid = c.payments().stream().map(Payment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new ReceivablePage(c.receivable(), c.receivable().balance(paid, ctx.today()), c.payments(), ev, check, c.contacts(),
                limitation(c), claim, claimProblem, c.courtEvents(), proceduralDeadlines(c.courtEvents()), claimProblemEn);
    }

    /**
     * The English of the law engine's bilingual messages, "english / 中文" or "english / 中文: detail" (the detail a date or
     * figure): the part before " / " with the detail; a message without " / " as it is.
     */
    static String englishPart(String message) {
        if (message == null) return null;
        int slash = message.indexOf(" / ");
        if (slash < 0) return message;
        int detail = message.indexOf(": ", slash);
        return message.substring(0, slash) + (detail < 0 ? "" : message.substring(detail));
    }


    public CaseRecords records(long receivableId) {
        return new CaseRecords(receivables.get(receivableId), receivables.payments(receivableId),
                contacts.timeline(receivableId), court.list(receivableId));
    }

    /**
     * What the debtor owes today under the contract's terms (law.ClaimCalculator), or the reason it cannot
     * be computed (a rate the LPR table does not have yet).
     */
    public ClaimCalculator.Result claim(long receivableId) {
        return claim(records(receivableId));
    }

    public ClaimCalculator.Result claim(CaseRecords c) {
        Receivable r = c.receivable();
        List<ClaimInput.Due> schedule = r.getSchedule().stream()
                .map(i -> new ClaimInput.Due(i.getDueDate(), i.getAmount())).toList();
        List<ClaimInput.Paid> paid = c.payments().stream()
                .map(p -> new ClaimInput.Paid(p.getPaidOn(), p.getAmount())).toList();
        ClaimInput.Kind kind = switch (r.getKind()) {
            case SALE_ON_CREDIT -> ClaimInput.Kind.SALE;
            case PRIVATE_LOAN -> ClaimInput.Kind.PRIVATE_LOAN;
            case SERVICE -> ClaimInput.Kind.SERVICE;
            case OTHER -> ClaimInput.Kind.OTHER;
        };
        ClaimInput.PenaltyKind pk = switch (r.getPenaltyKind()) {
            case NONE -> ClaimInput.PenaltyKind.NONE;
            case FIXED -> ClaimInput.PenaltyKind.FIXED;
            case DAILY_RATE -> ClaimInput.PenaltyKind.DAILY_RATE;
            case PERCENTAGE -> ClaimInput.PenaltyKind.PERCENTAGE;
        };
        ClaimInput in = new ClaimInput(kind, r.getContractDate(), null, r.getPrincipal(), schedule, r.getInterestRatePercent(),
                r.getOverdueRatePercent(), pk, r.getPenaltyValue(), List.of(), paid, 365, ClaimInput.Allocation.STATUTORY, null,
                r.getCustomer().getKind() == PartyKind.PERSON);
        return new ClaimCalculator(lpr(), LawData.benchmark()).compute(in, ctx.today());
    }

    private volatile LprTable lpr;

    /** The shipped LPR table plus the user's months; read once, re-read after {@link #addLpr}. */
    public LprTable lpr() {
        LprTable t = lpr;
        if (t == null) {
            t = LawData.lpr(lawDataDir());
            lpr = t;
        }
        return t;
    }

    /** Saves a newly published month in the data folder and uses it from now on. */
    public void addLpr(LprTable.Row row) {
        LawData.addLpr(lawDataDir(), row);
        lpr = null;
    }

    /** A year's holiday arrangement as stored: the user's, the app's, or none yet (not published). */
    public LawData.HolidayYear holidayYear(int year) {
        return LawData.holidayYear(lawDataDir(), year);
    }

    /** The statutory holidays of a year from 2025 (全国年节及纪念日放假办法 §2), to start its arrangement from. */
    public List<StatutoryHolidays.Holiday> statutoryHolidays(int year) {
        return LawData.statutoryHolidays().of(year);
    }

    /** Saves a newly published arrangement in the data folder (replacing the app's for that year) and counts with it from now on. */
    public void saveHolidays(int year, List<LawData.HolidayDay> days) {
        LawData.saveHolidays(lawDataDir(), year, days);
        calendar = null;
    }

    /** Deadlines the case's court steps started (民事诉讼法 §227, §171, §286, §250), earliest first. */
    public List<ProceduralDeadlines.Deadline> proceduralDeadlines(long receivableId) {
        return proceduralDeadlines(court.list(receivableId));
    }

    public List<ProceduralDeadlines.Deadline> proceduralDeadlines(List<CourtEvent> courtEvents) {
        List<ProceduralDeadlines.Step> steps = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        for (CourtEvent e : courtEvents) {
            ProceduralDeadlines.Step step = switch (e.getKind()) {
                case PAYMENT_ORDER_SERVED -> ProceduralDeadlines.Step.PAYMENT_ORDER_SERVED;
                case JUDGMENT_SERVED -> ProceduralDeadlines.Step.JUDGMENT_SERVED;
                case RULING_SERVED -> ProceduralDeadlines.Step.RULING_SERVED;
                case SERVED_WITHOUT_DOMICILE -> ProceduralDeadlines.Step.SERVED_WITHOUT_DOMICILE;
                case PERFORMANCE_DUE -> ProceduralDeadlines.Step.PERFORMANCE_DUE;
                default -> null;
            };
            if (step != null) {
                steps.add(step);
                dates.add(e.getEventDate());
            }
        }
        return new ProceduralDeadlines(calendar()).all(steps, dates);
    }

    private List<RepaymentPlan> plans(long receivableId) {
        return ctx.db().inTransaction(s -> s.createQuery("select p from RepaymentPlan p where p.receivable.id = :r",
                RepaymentPlan.class).setParameter("r", receivableId).getResultList());
    }

    public Limitation.Result limitation(long receivableId) {
        return limitation(records(receivableId));
    }

    public Limitation.Result limitation(CaseRecords c) {
        Receivable r = c.receivable();
        List<Limitation.Event> events = new ArrayList<>();
        for (Payment p : c.payments()) {
            events.add(new Limitation.Event(p.getPaidOn(), Limitation.EventKind.PART_PAYMENT, "还款 " + p.getAmount().toPlainString() + " 元"));
        }
        for (ContactEntry contact : c.contacts()) {
            Limitation.EventKind kind = switch (contact.getOutcome()) {
                case ACKNOWLEDGED_DEBT -> Limitation.EventKind.ACKNOWLEDGED;
                case PROMISE_TO_PAY -> Limitation.EventKind.INSTALMENT_AGREEMENT;
                case DISPUTE, REFUSED, DELIVERED -> Limitation.EventKind.DEMAND_DELIVERED;
                default -> null;
            };
            // the debtor's own act interrupts on the day it happened, which may follow the day of the entry (issue 18)
            // a letter interrupts on the day it was delivered (妥投日期, V17) when that is recorded (issue 21)
            LocalDate on = kind == Limitation.EventKind.DEMAND_DELIVERED ? contact.deliveryDate() : contact.debtorActDate();
            if (kind != null) events.add(new Limitation.Event(on, kind, contact.getSummary()));
        }
        for (RepaymentPlan p : plans(r.getId())) {
            events.add(new Limitation.Event(p.getAgreedOn(), Limitation.EventKind.INSTALMENT_AGREEMENT, "分期还款协议"));
        }
        for (CourtEvent e : c.courtEvents()) {
            Limitation.EventKind kind = switch (e.getKind()) {
                case PAYMENT_ORDER_FILED -> Limitation.EventKind.PAYMENT_ORDER_APPLIED;
                case SUIT_FILED -> Limitation.EventKind.SUIT_FILED;
                case ARBITRATION_FILED -> Limitation.EventKind.ARBITRATION_APPLIED;
                default -> null;
            };
            if (kind != null) events.add(new Limitation.Event(e.getEventDate(), kind, e.getCaseNumber()));
        }
        LocalDate firstDue = r.getSchedule().stream().map(Instalment::getDueDate).min(LocalDate::compareTo).orElse(r.finalDueDate());
        return new Limitation(calendar()).compute(r.finalDueDate(), firstDue, events, ctx.today());
    }
}
