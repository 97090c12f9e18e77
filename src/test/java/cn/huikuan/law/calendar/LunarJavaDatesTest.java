package cn.huikuan.law.calendar;

import cn.huikuan.law.StatutoryHolidays;
import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lunar dates and 清明 from lunar-java, against two independent sources: the published arrangements shipped
 * with the app (holiday-cn, 2008–2026: each 正月初一, 清明, 端午 and 中秋 must be a day off of that festival), and the
 * moments of the new moons and of the sun at 15° that astronomy-engine 2.1.19 gives (China Standard Time), for the
 * dates where a minute decides the day. ICU4J 79.1's Chinese calendar gets the first two and the last wrong.
 */
class LunarJavaDatesTest {
    final LunarJavaDates lunar = new LunarJavaDates();

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void agreesWithEveryPublishedArrangementSince2008() {
        // 2008 is the first year with 清明, 端午 and 中秋 holidays (the 2007 revision)
        for (int year = 2008; year <= 2026; year++) {
            List<LawData.HolidayDay> days = LawData.holidayYear(null, year).days();
            LocalDate newYear = lunar.lunar(year, 1, 1);
            assertOff(days, newYear, "春节", year);
            assertOff(days, lunar.solarTerm(year, "清明"), "清明", year);
            assertOff(days, lunar.lunar(year, 5, 5), "端午", year);
            assertOff(days, lunar.lunar(year, 8, 15), "中秋", year);
        }
    }

    private static void assertOff(List<LawData.HolidayDay> days, LocalDate date, String festival, int year) {
        assertThat(days).as(year + " " + festival + " " + date)
                .anySatisfy(h -> {
                    assertThat(h.date()).isEqualTo(date);
                    assertThat(h.off()).isTrue();
                    assertThat(h.name()).contains(festival);
                });
    }

    @Test
    void newMoonsAndSolarTermsMinutesFromMidnight() {
        // new moon 2027-02-06 23:56:47 CST: 春节 2027 is 02-06 (issue 19's example; ICU4J 79.1: 02-07)
        assertThat(lunar.lunar(2027, 1, 1)).isEqualTo(d("2027-02-06"));
        // new moon 2030-02-03 00:08:04 CST (ICU4J: 02-02)
        assertThat(lunar.lunar(2030, 1, 1)).isEqualTo(d("2030-02-03"));
        // new moon 2034-09-13 00:14:17 CST starts the eighth month: 中秋 = 09-13 + 14 days
        assertThat(lunar.lunar(2034, 8, 15)).isEqualTo(d("2034-09-27"));
        // the sun at 15°: 2038-04-05 00:29, 2042-04-04 23:40, 2071-04-05 00:10 CST (ICU4J: 2071-04-04)
        assertThat(lunar.solarTerm(2038, "清明")).isEqualTo(d("2038-04-05"));
        assertThat(lunar.solarTerm(2042, "清明")).isEqualTo(d("2042-04-04"));
        assertThat(lunar.solarTerm(2071, "清明")).isEqualTo(d("2071-04-05"));
        // the rest of 2027, as issue 19 counts with it
        assertThat(lunar.solarTerm(2027, "清明")).isEqualTo(d("2027-04-05"));
        assertThat(lunar.lunar(2027, 5, 5)).isEqualTo(d("2027-06-09"));
        assertThat(lunar.lunar(2027, 8, 15)).isEqualTo(d("2027-09-15"));
        // a term at the end of the year is in the next lunar year's table
        assertThat(lunar.solarTerm(2027, "冬至")).isEqualTo(d("2027-12-22"));
        assertThat(lunar.solarTerm(2027, "小寒")).isEqualTo(d("2027-01-05"));
    }

    /** The seasons StatutoryHolidays looks in before asking for lunar dates hold every year's (its own check throws). */
    @Test
    void everyLunarHolidayFallsInItsSeasonUntil2199() {
        StatutoryHolidays rule = new StatutoryHolidays(LunarJavaDates::new);
        for (int year = 2025; year <= 2199; year++) {
            List<StatutoryHolidays.Holiday> all = rule.of(year);
            assertThat(all.size()).as(year + "").isBetween(12, 13);
            for (StatutoryHolidays.Holiday h : all) assertThat(rule.nameOn(h.date())).isEqualTo(h.name());
        }
    }
}
