package cn.huikuan.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The procedural periods a case's court steps start (民事诉讼法 2023, counted per §85):
 * service of a 支付令 → 15 days for the debtor to pay or object (§227); service of a first-instance
 * judgment → 15 days to appeal (§171); the last day for performance in an effective document → two years
 * to apply for enforcement (§250).
 */
public final class ProceduralDeadlines {
    public enum Step { PAYMENT_ORDER_SERVED, JUDGMENT_SERVED, PERFORMANCE_DUE }

    public record Deadline(Step from, LocalDate start, String what, Deadlines.Result result) {
        public LocalDate date() {
            return result.deadline();
        }
    }

    private final Deadlines deadlines;

    public ProceduralDeadlines(HolidayCalendar calendar) {
        this.deadlines = new Deadlines(calendar);
    }

    public Deadline of(Step step, LocalDate date) {
        return switch (step) {
            case PAYMENT_ORDER_SERVED -> new Deadline(step, date, "支付令异议期届满（债务人须在此前清偿或书面异议；期满未异议又未履行的，可申请强制执行）",
                    deadlines.days(date, 15, Statutes.PAYMENT_ORDER_OBJECTION));
            case JUDGMENT_SERVED -> new Deadline(step, date, "上诉期届满（不服一审判决的，须在此前上诉）",
                    deadlines.days(date, 15, Statutes.APPEAL_PERIOD));
            case PERFORMANCE_DUE -> new Deadline(step, date, "申请强制执行的期限届满",
                    deadlines.years(date, 2, Statutes.ENFORCEMENT_PERIOD));
        };
    }

    /** All deadlines of the steps, earliest first. */
    public List<Deadline> all(List<Step> steps, List<LocalDate> dates) {
        List<Deadline> list = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) list.add(of(steps.get(i), dates.get(i)));
        list.sort(Comparator.comparing(Deadline::date));
        return list;
    }

    /** The first deadline on or after {@code today}. */
    public static Optional<Deadline> next(List<Deadline> all, LocalDate today) {
        return all.stream().filter(d -> !d.date().isBefore(today)).min(Comparator.comparing(Deadline::date));
    }
}
