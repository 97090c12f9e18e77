package cn.huikuan.law;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Periods counted the way the law counts them.
 * <ul>
 *   <li>Procedural periods, 民事诉讼法 §85 (2023): the starting day is not counted; a period whose last day
 *   is a statutory rest day ends on the first day after the rest days (weekends count unless they are
 *   make-up workdays); time in transit is excluded — a document posted before the end is in time, which
 *   the user records, not this rule.</li>
 *   <li>Substantive periods, 民法典 §201–§203: the same for the start; month and year periods end on the
 *   corresponding day, or the month's last day if there is none (§202); a last day that is a rest day
 *   moves to the day after the rest ends (§203).</li>
 * </ul>
 * A result that depends on a year without a published holiday arrangement says so ({@code uncertainYears}) and
 * is counted with weekends and the statutory holidays ({@link StatutoryHolidays}: at least as far as they reach);
 * when one of those moved it, 全国年节及纪念日放假办法 §2 joins its basis.
 */
public final class Deadlines {
    private final HolidayCalendar calendar;

    public Deadlines(HolidayCalendar calendar) {
        this.calendar = calendar;
    }

    /**
     * @param nominal       the last day before any move
     * @param deadline      the last day after moving past rest days
     * @param moved         whether it moved
     * @param reason        why it moved (or why not), in Chinese
     * @param uncertainYears years whose calendar is not yet published, looked at while counting
     */
    public record Result(LocalDate start, LocalDate nominal, LocalDate deadline, boolean moved, String reason,
                         List<Citation> basis, List<Integer> uncertainYears, String reasonEn) {
    }

    /** The rest days' names in English (the holiday data and the statutory holidays name them in Chinese). */
    private static final java.util.Map<String, String> REST_EN = java.util.Map.of("元旦", "New Year's Day", "春节", "Spring Festival",
            "清明节", "Qingming Festival", "清明", "Qingming Festival", "劳动节", "Labour Day", "端午节", "Dragon Boat Festival",
            "中秋节", "Mid-Autumn Festival", "国庆节", "National Day", "周末", "weekend");

    static String restEnglish(String zh) {
        if (zh == null) return "rest day";
        String out = zh;
        for (var e : REST_EN.entrySet()) out = out.replace(e.getKey(), e.getValue());
        out = out.replace("、", ", ");
        return out.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN) ? "public holiday" : out;
    }

    /** A procedural period of {@code days} days from {@code start} (the day of service, filing, …). */
    public Result days(LocalDate start, int days, Citation basis) {
        if (days < 1 || days > 3660) throw new IllegalArgumentException("days must be 1..3660");
        return moveOffRestDays(start, start.plusDays(days), List.of(Statutes.PERIODS, basis));
    }

    /** A period of whole years (e.g. the two years to apply for enforcement, 民诉法 §250). */
    public Result years(LocalDate start, int years, Citation basis) {
        return moveOffRestDays(start, start.plusYears(years), List.of(Statutes.PERIODS, basis));
    }

    /** A substantive period of whole years (limitation, 民法典 §188/§203). */
    public Result substantiveYears(LocalDate start, int years, Citation basis) {
        return moveOffRestDays(start, start.plusYears(years), List.of(basis, Statutes.PERIOD_FIRST_DAY, Statutes.PERIOD_MONTH_END,
                Statutes.PERIOD_REST_DAY));
    }

    private Result moveOffRestDays(LocalDate start, LocalDate nominal, List<Citation> basis) {
        TreeSet<Integer> uncertain = new TreeSet<>();
        LocalDate d = nominal;
        boolean statutoryHoliday = false;
        note(uncertain, d);
        while (calendar.isRestDay(d)) {
            statutoryHoliday |= calendar.statutoryHoliday(d) != null;
            d = d.plusDays(1);
            note(uncertain, d);
        }
        boolean moved = !d.equals(nominal);
        String reason;
        String reasonEn;
        if (moved) {
            reason = "期间届满日 " + nominal + " 为休息日（" + calendar.restReason(nominal) + "），顺延至休息日后的第一个工作日 " + d;
            reasonEn = "The period's last day " + nominal + " is a rest day (" + restEnglish(calendar.restReason(nominal))
                    + "): it moves to the first working day after it, " + d;
        } else if (calendar.isMakeUpWorkday(nominal)) {
            reason = "期间届满日 " + nominal + " 虽是周末，但为调休上班日，不顺延";
            reasonEn = "The period's last day " + nominal + " falls on a weekend but is a make-up working day: it does not move";
        } else {
            reason = "期间届满日 " + nominal + " 为工作日，不顺延";
            reasonEn = "The period's last day " + nominal + " is a working day: it does not move";
        }
        if (!uncertain.isEmpty()) {
            List<Integer> statutory = uncertain.stream().filter(calendar::countsStatutoryHolidays).toList();
            List<Integer> weekendsOnly = uncertain.stream().filter(y -> !calendar.countsStatutoryHolidays(y)).toList();
            if (!statutory.isEmpty()) {
                reason += "；注意：" + statutory + " 年的放假安排尚未公布，已按周末和" + Statutes.STATUTORY_HOLIDAYS.zh()
                        + "规定的节日计算，放假安排另定的调休、补假未计入；公布后请更新节假日数据，届满日可能随之改变";
                reasonEn += "; note: the holiday arrangement for " + statutory + " is not published yet: weekends and the holidays of the "
                        + Statutes.STATUTORY_HOLIDAYS.en() + " are counted, make-up days are not; update the holiday data once it is"
                        + " published, the last day may change";
            }
            if (!weekendsOnly.isEmpty()) {
                reason += "；注意：" + weekendsOnly + " 年的放假安排尚未公布，只按周末计算，公布后请更新节假日数据";
                reasonEn += "; note: the holiday arrangement for " + weekendsOnly + " is not published yet: only weekends are counted;"
                        + " update the holiday data once it is published";
            }
        }
        List<Citation> cited = basis;
        if (statutoryHoliday) {
            cited = new ArrayList<>(basis);
            cited.add(Statutes.STATUTORY_HOLIDAYS);
        }
        return new Result(start, nominal, d, moved, reason, List.copyOf(cited), List.copyOf(uncertain), reasonEn);
    }

    private void note(TreeSet<Integer> uncertain, LocalDate d) {
        if (!calendar.covers(d.getYear())) uncertain.add(d.getYear());
    }
}
