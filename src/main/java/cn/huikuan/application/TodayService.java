package cn.huikuan.application;

import cn.huikuan.domain.Money;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.Instalment;
import cn.huikuan.law.ProceduralDeadlines;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import cn.huikuan.i18n.I18n;
import cn.huikuan.workflow.CaseGuide;
import java.math.BigDecimal;

/**
 * 今日待办: what needs doing across all open cases — limitation running out, promises and instalments due
 * or missed, demands without proof of delivery, procedural deadlines, reminders due. Reads the cases with
 * money outstanding, most overdue first, up to {@code maxCases} (each case's figures take a few queries;
 * the cap keeps the dashboard quick on large books and is shown to the user when reached).
 */
public final class TodayService {
    /** {@code OVERDUE}: an overdue case for which nothing else is listed (e.g. freshly imported, no step taken yet). */
    public enum Kind { LIMITATION, DEADLINE, PROMISE, INSTALMENT, DEMAND_UNDELIVERED, REMINDER, OVERDUE }

    /** One thing to do: for which case, what, by when ({@code date} may be in the past: missed). */
    public record Item(long receivableId, String customer, String title, Kind kind, LocalDate date, String text, String key, List<Object> args) {
        /** The text in the app's language: {@code key} of the bundle with {@code args} ({@link #text} is the Chinese). */
        public String text(I18n i18n) {
            return i18n.t(key, args.toArray());
        }
    }

    /** The Chinese texts, read at the first item made (not when the books open: the command line rarely needs them). */
    private static final class Chinese {
        static final I18n TEXTS = new I18n(I18n.CHINESE);
    }

    public record Today(List<Item> items, int casesRead, boolean capped) {
    }

    private final BookContext ctx;
    private final ReceivableService receivables;
    private final WizardService wizard;

    TodayService(BookContext ctx, ReceivableService receivables, WizardService wizard) {
        this.ctx = ctx;
        this.receivables = receivables;
        this.wizard = wizard;
    }

    public Today items(int maxCases) {
        LocalDate today = ctx.today();
        List<Item> items = new ArrayList<>();
        int read = 0;
        boolean capped = false;
        for (int page = 0; ; page++) {
            Page<ReceivableRow> p = receivables.page(ListQuery.first(100).withSort("daysOverdue", false).withPage(page));
            for (ReceivableRow r : p.rows()) {
                if (r.bucket() == AgingBucket.SETTLED || r.outstanding().signum() <= 0) continue;
                if (read >= maxCases) {
                    capped = true;
                    break;
                }
                read++;
                collect(r, today, items);
            }
            if (capped || (long) (page + 1) * 100 >= p.total()) break;
        }
        items.sort(Comparator.comparing(Item::date).thenComparing(Item::kind));
        return new Today(List.copyOf(items), read, capped);
    }

    private void collect(ReceivableRow r, LocalDate today, List<Item> out) {
        WizardService.State st = wizard.state(r.id());
        if (st.step() == CollectionStep.CLOSED) return;
        int before = out.size();
        collectDue(r, today, st, out);
        // An overdue case always has something to do (issue 21: a freshly imported book of 41 overdue debts listed none,
        // since none had a promise, plan, demand or reminder yet): the wizard's next step, dated when it fell overdue.
        LocalDate overdueSince = st.balance().overdueSince();
        if (out.size() == before && overdueSince != null && overdueSince.isBefore(today)) {
            out.add(item(r, Kind.OVERDUE, overdueSince, "today.text.overdue", ChronoUnit.DAYS.between(overdueSince, today), st.advice().what(),
                    st.advice().whatEn()));
        }
    }

    private void collectDue(ReceivableRow r, LocalDate today, WizardService.State st, List<Item> out) {
        var l = st.limitation();
        if (l != null && l.daysLeft() <= 90) {
            out.add(l.daysLeft() < 0 ? item(r, Kind.LIMITATION, l.expires(), "today.text.limitationExpired", l.expires().toString())
                    : item(r, Kind.LIMITATION, l.expires(), "today.text.limitationLeft", l.daysLeft(), l.expires().toString()));
        }
        for (ProceduralDeadlines.Deadline d : st.facts().deadlines()) {
            if (d.date() != null && !d.date().isBefore(today) && ChronoUnit.DAYS.between(today, d.date()) <= 15) {
                out.add(item(r, Kind.DEADLINE, d.date(), "today.text.deadline", d.what(), d.whatEn()));
            }
        }
        LocalDate promised = st.facts().promisedDate();
        if (promised != null && !st.facts().paidSincePromise() && !promised.isAfter(today.plusDays(3))) {
            out.add(item(r, Kind.PROMISE, promised, promised.isBefore(today) ? "today.text.promiseMissed" : "today.text.promise", promised.toString()));
        }
        CaseGuide.Plan plan = st.facts().plan();
        if (plan != null && plan.due() != null && !plan.due().isAfter(today.plusDays(7))) {
            out.add(item(r, Kind.INSTALMENT, plan.due(), plan.missed(today) ? "today.text.planMissed" : "today.text.planDue", plan.number(),
                    plan.due().toString(), Money.format(plan.amount())));
        }
        Instalment due = plan != null ? null : nextUnpaidInstalment(r.id(), st);
        if (due != null && !due.getDueDate().isAfter(today.plusDays(7))) {
            out.add(item(r, Kind.INSTALMENT, due.getDueDate(), due.getDueDate().isBefore(today) ? "today.text.instalmentMissed" : "today.text.instalmentDue",
                    due.getDueDate().toString(), Money.format(due.getAmount())));
        }
        if (st.step() == CollectionStep.DEMAND && st.facts().demandDelivered() == null) {
            out.add(item(r, Kind.DEMAND_UNDELIVERED, today, "today.text.undelivered"));
        }
        if (st.step() == CollectionStep.REMINDER && st.advice().by() != null && !st.advice().by().isAfter(today)) {
            out.add(item(r, Kind.REMINDER, st.advice().by(), "today.text.advice", st.advice().what(), st.advice().whatEn()));
        }
    }

    /** The first instalment not covered by payments (earliest first), for schedules of more than one instalment. */
    private Instalment nextUnpaidInstalment(long receivableId, WizardService.State st) {
        List<Instalment> schedule = receivables.get(receivableId).getSchedule();
        if (schedule.size() < 2) return null;
        BigDecimal paid = st.balance().paid();
        BigDecimal covered = BigDecimal.ZERO;
        for (Instalment i : schedule.stream().sorted(Comparator.comparing(Instalment::getDueDate)).toList()) {
            covered = covered.add(i.getAmount());
            if (covered.compareTo(paid) > 0) return i;
        }
        return null;
    }

    /** The text as a bundle key and its arguments (a pattern may use only some: the advice's Chinese and English are both passed). */
    private static Item item(ReceivableRow r, Kind k, LocalDate date, String key, Object... args) {
        return new Item(r.id(), r.customerName(), r.title(), k, date, Chinese.TEXTS.t(key, args), key, List.of(args));
    }
}
