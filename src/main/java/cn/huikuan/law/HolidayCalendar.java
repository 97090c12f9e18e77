package cn.huikuan.law;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * Official rest days: the State Council's public holidays and make-up workdays (调休) per year, and
 * weekends. A date listed with {@code off = true} is a holiday; {@code false} is a make-up workday on a
 * weekend. A year without a published arrangement ({@link #covers} is false) is counted with weekends and, from
 * 2025, the holidays that 全国年节及纪念日放假办法 §2 fixes ({@link StatutoryHolidays}); without make-up workdays,
 * bridging days or days made up for a holiday on a weekend, which only the arrangement names.
 */
public final class HolidayCalendar {
    private final Map<LocalDate, Day> days;
    private final Set<Integer> years;
    private final StatutoryHolidays statutory;

    /** A listed day: whether it is off, and the festival it belongs to. */
    public record Day(boolean off, String name) {
    }

    /** Weekends only for the years not covered. */
    public HolidayCalendar(Map<LocalDate, Day> days, Set<Integer> coveredYears) {
        this(days, coveredYears, null);
    }

    /** @param statutory the statutory holidays for years not covered (from 2025), or null for weekends only */
    public HolidayCalendar(Map<LocalDate, Day> days, Set<Integer> coveredYears, StatutoryHolidays statutory) {
        this.days = Map.copyOf(days);
        this.years = Set.copyOf(coveredYears);
        this.statutory = statutory;
    }

    public boolean covers(int year) {
        return years.contains(year);
    }

    public boolean isRestDay(LocalDate d) {
        Day listed = days.get(d);
        if (listed != null) return listed.off();
        if (statutoryHoliday(d) != null) return true;
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /**
     * The festival of a statutory holiday on {@code d} in a year without a published arrangement, or null (a covered
     * year, a year before the 2024 revision, or no holiday).
     */
    public String statutoryHoliday(LocalDate d) {
        if (statutory == null || covers(d.getYear()) || days.containsKey(d)) return null;
        return statutory.nameOn(d);
    }

    /** Whether a year not covered is counted with the statutory holidays (and not with weekends only). */
    public boolean countsStatutoryHolidays(int year) {
        return statutory != null && !covers(year) && StatutoryHolidays.inForce(year);
    }

    /** Whether the date is a make-up workday (a weekend that is worked). */
    public boolean isMakeUpWorkday(LocalDate d) {
        Day listed = days.get(d);
        return listed != null && !listed.off();
    }

    /** The festival name of a listed or statutory holiday, or "周末"/null. */
    public String restReason(LocalDate d) {
        Day listed = days.get(d);
        if (listed != null && listed.off()) return listed.name();
        String statutoryName = statutoryHoliday(d);
        if (statutoryName != null) return statutoryName;
        if (!isRestDay(d)) return null;
        return "周末";
    }

    public Set<Integer> years() {
        return years;
    }
}
