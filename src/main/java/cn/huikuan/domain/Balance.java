package cn.huikuan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/**
 * The principal position of a receivable on a date: what was lent or sold, what has been paid, what is
 * still outstanding, and since when it is overdue. Derived from the schedule and the payments, never
 * stored. Payments are applied to the earliest instalments first; interest, penalties and the
 * allocation order of 民法典 §561 are the law engine's business.
 *
 * <p>Days overdue count from the due date: a sum due on 1 March is 1 day overdue on 2 March.
 */
public record Balance(BigDecimal principal, BigDecimal paid, BigDecimal outstanding,
                      LocalDate overdueSince, long daysOverdue, AgingBucket bucket) {

    public static Balance of(BigDecimal principal, List<Instalment> schedule, BigDecimal paid, LocalDate asOf) {
        BigDecimal outstanding = principal.subtract(paid);
        if (outstanding.signum() <= 0) {
            return new Balance(principal, paid, Money.round(outstanding.max(BigDecimal.ZERO)), null, 0, AgingBucket.SETTLED);
        }
        LocalDate firstUnpaidDue = null;
        BigDecimal cumulative = BigDecimal.ZERO;
        for (Instalment i : schedule.stream().sorted(Comparator.comparing(Instalment::getDueDate)).toList()) {
            cumulative = cumulative.add(i.getAmount());
            if (cumulative.compareTo(paid) > 0) {
                firstUnpaidDue = i.getDueDate();
                break;
            }
        }
        if (firstUnpaidDue == null || firstUnpaidDue.isAfter(asOf)) {
            return new Balance(principal, paid, Money.round(outstanding), null, 0, AgingBucket.NOT_DUE);
        }
        long days = ChronoUnit.DAYS.between(firstUnpaidDue, asOf);
        return new Balance(principal, paid, Money.round(outstanding), firstUnpaidDue, days, AgingBucket.ofDaysOverdue(days));
    }

    /** The amount of the schedule that has fallen due by {@code asOf} and is not paid. */
    public static BigDecimal overdueAmount(List<Instalment> schedule, BigDecimal paid, LocalDate asOf) {
        BigDecimal dueSoFar = schedule.stream().filter(i -> !i.getDueDate().isAfter(asOf))
                .map(Instalment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Money.round(dueSoFar.subtract(paid).max(BigDecimal.ZERO));
    }
}
