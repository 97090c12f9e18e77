package cn.huikuan.law;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Map;
import java.util.Set;

/**
 * 全国年节及纪念日放假办法 §2 (2024 revision) as a rule, on fixed lunar dates so that the law is tested apart from the
 * astronomy (the lunar-java dates are checked in law.calendar.LunarJavaDatesTest): 2027's 正月初一 is 02-06,
 * 清明 04-05, 端午 06-09, 中秋 09-15; 2028's 中秋 is 10-03, the third day of 国庆.
 */
class StatutoryHolidaysTest {
    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    /** The lunar dates of 2027 and 2028, counting how often the "library" is made. */
    static final class FixedLunar implements LunarDates {
        @Override
        public LocalDate lunar(int year, int month, int day) {
            LocalDate first = switch (month) {
                case 1 -> year == 2027 ? d("2027-02-06") : d("2028-01-26");
                case 5 -> year == 2027 ? d("2027-06-05") : d("2028-05-24");
                case 8 -> year == 2027 ? d("2027-09-01") : d("2028-09-19");
                default -> throw new IllegalArgumentException();
            };
            return first.plusDays(day - 1);
        }

        @Override
        public LocalDate solarTerm(int year, String name) {
            assertThat(name).isEqualTo("清明");
            return year == 2027 ? d("2027-04-05") : d("2028-04-04");
        }
    }

    final AtomicInteger made = new AtomicInteger();
    final StatutoryHolidays rule = new StatutoryHolidays(() -> {
        made.incrementAndGet();
        return new FixedLunar();
    });

    @Test
    void thirteenDaysIn2027() {
        // 元旦 1 + 春节 4 (除夕 02-05 … 初三 02-08) + 清明 1 + 劳动节 2 + 端午 1 (五月初五: 06-05 + 4) + 中秋 1 (八月十五: 09-01 + 14) + 国庆 3 = 13
        assertThat(rule.of(2027)).extracting(h -> h.date() + " " + h.name()).containsExactly(
                "2027-01-01 元旦", "2027-02-05 春节", "2027-02-06 春节", "2027-02-07 春节", "2027-02-08 春节", "2027-04-05 清明节",
                "2027-05-01 劳动节", "2027-05-02 劳动节", "2027-06-09 端午节", "2027-09-15 中秋节",
                "2027-10-01 国庆节", "2027-10-02 国庆节", "2027-10-03 国庆节");
        assertThat(rule.basis()).isEqualTo(Statutes.STATUTORY_HOLIDAYS);
        assertThat(Statutes.STATUTORY_HOLIDAYS.zh()).isEqualTo("《全国年节及纪念日放假办法》第二条");
        assertThat(Law.PUBLIC_HOLIDAYS.inForceFrom()).isEqualTo(d("2025-01-01"));
    }

    @Test
    void midAutumnOnTheThirdDayOfNationalDayIsOneDayWithBothNames() {
        // 2028: 八月十五 = 09-19 + 14 = 10-03, already 国庆节: 12 entries for 13 holidays
        List<StatutoryHolidays.Holiday> y = rule.of(2028);
        assertThat(y).hasSize(12);
        assertThat(rule.nameOn(d("2028-10-03"))).isEqualTo("国庆节、中秋节");
        assertThat(rule.nameOn(d("2028-01-25"))).as("除夕 = 01-26 − 1").isEqualTo("春节");
        assertThat(rule.nameOn(d("2028-01-29"))).as("初四 is not a holiday").isNull();
    }

    @Test
    void theLunarLibraryIsMadeOnlyForADateInALunarSeasonAndOnce() {
        assertThat(rule.nameOn(d("2027-01-01"))).isEqualTo("元旦");
        assertThat(rule.nameOn(d("2027-05-02"))).isEqualTo("劳动节");
        assertThat(rule.nameOn(d("2027-03-15"))).isNull();
        assertThat(rule.nameOn(d("2027-12-20"))).isNull();
        assertThat(rule.nameOn(d("2027-08-01"))).isNull();
        assertThat(made).as("no lunar date needed so far").hasValue(0);
        assertThat(rule.nameOn(d("2027-02-08"))).isEqualTo("春节");
        assertThat(rule.nameOn(d("2027-06-09"))).isEqualTo("端午节");
        assertThat(rule.nameOn(d("2028-04-04"))).isEqualTo("清明节");
        assertThat(made).hasValue(1);
    }

    @Test
    void yearsBeforeThe2024RevisionAreNotGoverned() {
        assertThat(StatutoryHolidays.inForce(2024)).isFalse();
        assertThat(StatutoryHolidays.inForce(2025)).isTrue();
        assertThat(rule.nameOn(d("2024-01-01"))).isNull();
        assertThatThrownBy(() -> rule.of(2024)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2025-01-01");
    }

    @Test
    void aCalendarCountsThemOnlyForYearsWithoutAnArrangement() {
        // 2027 listed as published with 01-04 as an extra day off; 2028 not published
        HolidayCalendar cal = new HolidayCalendar(Map.of(d("2027-01-04"), new HolidayCalendar.Day(true, "元旦")),
                Set.of(2027), rule);
        assertThat(cal.isRestDay(d("2027-01-01"))).as("a Friday, and 2027's arrangement does not list it").isFalse();
        assertThat(cal.isRestDay(d("2027-01-04"))).isTrue();
        assertThat(cal.isRestDay(d("2028-05-02"))).as("a Tuesday, 劳动节").isTrue();
        assertThat(cal.restReason(d("2028-05-02"))).isEqualTo("劳动节");
        assertThat(cal.countsStatutoryHolidays(2028)).isTrue();
        assertThat(cal.countsStatutoryHolidays(2027)).isFalse();
        assertThat(new HolidayCalendar(Map.of(), Set.of()).isRestDay(d("2028-05-02"))).as("no rule: weekends only").isFalse();
    }
}
