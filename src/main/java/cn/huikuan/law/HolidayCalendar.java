package cn.huikuan.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Official rest days: the State Council's public holidays and make-up workdays (调休) per year, and
 * weekends. A date listed with {@code off = true} is a holiday; {@code false} is a make-up workday on a
 * weekend. Years without a published calendar are counted with weekends only, and {@link #covers} says so.
 */
public final class HolidayCalendar {
    private final Map<LocalDate, Day> days;
    private final Set<Integer> years;

    /** A listed day: whether it is off, and the festival it belongs to. */
    public record Day(boolean off, String name) {
    }

    public HolidayCalendar(Map<LocalDate, Day> days, Set<Integer> coveredYears) {
        this.days = Map.copyOf(days);
        this.years = Set.copyOf(coveredYears);
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    public boolean isRestDay(LocalDate d) {
        Day listed = days.get(d);
        if (listed != null) return listed.off();
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Whether the date is a make-up workday (a weekend that is worked). */
    public boolean isMakeUpWorkday(LocalDate d) {
        Day listed = days.get(d);
        return listed != null && !listed.off();
    }

    /** The festival name of a listed holiday, or "周末"/null. */
    public String restReason(LocalDate d) {
        Day listed = days.get(d);
        if (listed != null && listed.off()) return listed.name();
        if (!isRestDay(d)) return null;
        return "周末";
    }

    public Set<Integer> years() {
        return years;
    }
}
