package cn.huikuan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** One due date and the amount due on it. A receivable with a single due date has one instalment. */
public class Instalment {
    private LocalDate dueDate;
    private BigDecimal amount;

    protected Instalment() {
    }

    public Instalment(LocalDate dueDate, BigDecimal amount) {
        this.dueDate = dueDate;
        this.amount = amount;
    }

    /**
     * Splits {@code principal} into {@code count} instalments due every {@code monthsBetween} months from
     * {@code first}. Each instalment is the principal divided evenly and rounded down to the fen; the last
     * one takes the remainder, so the schedule always adds up to the principal exactly. Dates are counted
     * from the first date (31 Jan, 28 Feb, 31 Mar …), so a short month does not shift later dates.
     */
    public static List<Instalment> evenSchedule(BigDecimal principal, int count, LocalDate first, int monthsBetween) {
        if (count < 1 || count > 360) throw new IllegalArgumentException("count must be 1..360: " + count);
        if (monthsBetween < 1 || monthsBetween > 12) throw new IllegalArgumentException("monthsBetween must be 1..12");
        BigDecimal each = principal.divide(BigDecimal.valueOf(count), Money.SCALE, RoundingMode.DOWN);
        List<Instalment> list = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < count; i++) {
            BigDecimal amount = i == count - 1 ? principal.subtract(sum) : each;
            list.add(new Instalment(first.plusMonths((long) i * monthsBetween), Money.round(amount)));
            sum = sum.add(amount);
        }
        return list;
    }

    public LocalDate getDueDate() { return dueDate; }
    public BigDecimal getAmount() { return amount; }
}
