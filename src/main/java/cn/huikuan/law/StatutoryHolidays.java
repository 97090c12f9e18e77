package cn.huikuan.law;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The holidays of all citizens that 全国年节及纪念日放假办法 §2 fixes (2024 revision, in force 2025-01-01):
 * 元旦 1 day (1-01); 春节 4 days (农历除夕, 正月初一 to 初三); 清明节 1 day (the day of the solar term 清明);
 * 劳动节 2 days (5-01, 5-02); 端午节 1 day (五月初五); 中秋节 1 day (八月十五); 国庆节 3 days (10-01 to 10-03).
 * <p>
 * Each year the State Council publishes an arrangement (放假安排) that adds bridging days and make-up workdays
 * (调休) and places the day made up for a holiday falling on a weekend (§6). Until it is published, these days are
 * all that is certain: a period ending on one of them moves at least to the next working day after it, and the
 * arrangement may move it further (or make a weekend a working day). {@link HolidayCalendar} uses this rule only
 * for years without a published arrangement, and {@link Deadlines} keeps its warning on every such result.
 * <p>
 * The lunar dates and 清明 come from a {@link LunarDates} (a library, outside this package), asked only when a
 * date could be one of them: a date outside {@link #LUNAR_SEASONS} needs none (no lunar library is loaded for it),
 * and a year's lunar holidays are computed once. Years before the 2024 revision's in-force date are not covered
 * (the 2013 text had a 3-day 春节 from 初一 and a 1-day 劳动节): every year up to 2026 has its published arrangement.
 */
public final class StatutoryHolidays {
    /** The revision these days are from, and its in-force date. */
    public static final Law SOURCE = Law.PUBLIC_HOLIDAYS;

    /**
     * Where in the Gregorian year the lunar holidays and 清明 can fall, with a margin: 除夕 to 初三 within 01-20 … 02-22,
     * 清明 04-04 … 04-05, 端午 05-27 … 06-26, 中秋 09-07 … 10-07 for 2025–2199 (StatutoryHolidaysTest checks each year).
     */
    static final List<MonthDay[]> LUNAR_SEASONS = List.of(
            new MonthDay[] {MonthDay.of(1, 15), MonthDay.of(2, 28)},
            new MonthDay[] {MonthDay.of(4, 1), MonthDay.of(4, 10)},
            new MonthDay[] {MonthDay.of(5, 20), MonthDay.of(6, 30)},
            new MonthDay[] {MonthDay.of(9, 1), MonthDay.of(10, 15)});

    /** One holiday day and the festival it belongs to (two names when they coincide: 国庆节、中秋节). */
    public record Holiday(LocalDate date, String name) {
    }

    private final Supplier<LunarDates> lunarSource;
    private volatile LunarDates lunar;
    private final Map<Integer, Map<LocalDate, String>> lunarByYear = new ConcurrentHashMap<>();

    /** @param lunar made on first need (its library is loaded then, not before) */
    public StatutoryHolidays(Supplier<LunarDates> lunar) {
        this.lunarSource = lunar;
    }

    /** Whether the 2024 revision governs the year (from 2025 on). */
    public static boolean inForce(int year) {
        return year >= SOURCE.inForceFrom().getYear();
    }

    /** The festival of a holiday of all citizens on {@code d}, or null (also for years the revision does not govern). */
    public String nameOn(LocalDate d) {
        if (!inForce(d.getYear())) return null;
        String fixed = fixed(d);
        String moving = inLunarSeason(d) ? lunarHolidays(d.getYear()).get(d) : null;
        if (fixed != null && moving != null) return fixed + "、" + moving;
        return fixed != null ? fixed : moving;
    }

    /** Every holiday of all citizens in the year, in date order (13 days; one fewer entry for each day two festivals share). */
    public List<Holiday> of(int year) {
        if (!inForce(year)) {
            throw new IllegalArgumentException(year + ": " + SOURCE.shortTitle() + "（" + SOURCE.version() + "）自 " + SOURCE.inForceFrom() + " 起施行");
        }
        TreeMap<LocalDate, String> all = new TreeMap<>();
        for (LocalDate d = LocalDate.of(year, 1, 1); d.getYear() == year; d = d.plusDays(1)) {
            if (fixed(d) != null) all.put(d, fixed(d));
        }
        lunarHolidays(year).forEach((d, name) -> all.merge(d, name, (a, b) -> a + "、" + b));
        List<Holiday> list = new ArrayList<>();
        all.forEach((d, name) -> list.add(new Holiday(d, name)));
        list.sort(Comparator.comparing(Holiday::date));
        return list;
    }

    public Citation basis() {
        return Statutes.STATUTORY_HOLIDAYS;
    }

    private static String fixed(LocalDate d) {
        int m = d.getMonthValue();
        int day = d.getDayOfMonth();
        if (m == 1 && day == 1) return "元旦";
        if (m == 5 && day <= 2) return "劳动节";
        if (m == 10 && day <= 3) return "国庆节";
        return null;
    }

    static boolean inLunarSeason(LocalDate d) {
        MonthDay md = MonthDay.from(d);
        for (MonthDay[] s : LUNAR_SEASONS) {
            if (!md.isBefore(s[0]) && !md.isAfter(s[1])) return true;
        }
        return false;
    }

    /** 春节 (除夕 to 初三), 清明节, 端午节, 中秋节 of the year, computed once. */
    private Map<LocalDate, String> lunarHolidays(int year) {
        return lunarByYear.computeIfAbsent(year, y -> {
            LunarDates l = lunar();
            Map<LocalDate, String> m = new TreeMap<>();
            LocalDate newYear = l.lunar(y, 1, 1);
            for (int i = -1; i <= 2; i++) m.put(newYear.plusDays(i), "春节");
            m.merge(l.solarTerm(y, "清明"), "清明节", (a, b) -> a + "、" + b);
            m.merge(l.lunar(y, 5, 5), "端午节", (a, b) -> a + "、" + b);
            m.merge(l.lunar(y, 8, 15), "中秋节", (a, b) -> a + "、" + b);
            for (LocalDate d : m.keySet()) {
                if (d.getYear() != y || !inLunarSeason(d)) {
                    throw new IllegalStateException("lunar holiday " + m.get(d) + " of " + y + " computed as " + d + ", outside its season");
                }
            }
            return Map.copyOf(m);
        });
    }

    private LunarDates lunar() {
        LunarDates l = lunar;
        if (l == null) {
            synchronized (this) {
                l = lunar;
                if (l == null) {
                    l = lunarSource.get();
                    lunar = l;
                }
            }
        }
        return l;
    }
}
