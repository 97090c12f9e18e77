package cn.huikuan.law.calendar;

import cn.huikuan.law.LunarDates;
import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

import java.time.LocalDate;

/**
 * {@link LunarDates} from lunar-java (cn.6tail:lunar, MIT), whose new moons and solar terms follow the 寿星天文历
 * algorithms. Checked against astronomy-engine for 2025–2125 (every 正月初一, 五月初五, 八月十五 and 清明: the day of
 * the new moon or the term in China Standard Time, 404 dates, none differing), and against the published
 * arrangements 2008–2026 in {@code LunarJavaDatesTest}. ICU4J 79.1's Chinese calendar was tried first and puts 2027's
 * 春节 on 02-07 and 2030's on 02-02 (the new moons fall 3 and 8 minutes from midnight), and 2071's 清明 a day early.
 * <p>
 * The library keeps caches that are not thread-safe, so each call holds this object's lock; the calls are few
 * (a handful per year counted) and quick.
 */
public final class LunarJavaDates implements LunarDates {
    @Override
    public synchronized LocalDate lunar(int year, int month, int day) {
        if (month < 1 || month > 12 || day < 1 || day > 30) throw new IllegalArgumentException("lunar month " + month + " day " + day);
        return date(Lunar.fromYmd(year, month, day).getSolar());
    }

    @Override
    public synchronized LocalDate solarTerm(int year, String name) {
        // a lunar year's table runs from the winter solstice before the year to the one after, under Chinese names up
        // to 大雪 (the next year's repeats have Latin keys): the Gregorian year's 冬至 is in the next lunar year's table
        for (int lunarYear = year; lunarYear <= year + 1; lunarYear++) {
            Solar s = Lunar.fromYmd(lunarYear, 6, 1).getJieQiTable().get(name);
            if (s != null && s.getYear() == year) return date(s);
        }
        throw new IllegalArgumentException("no solar term named " + name + " in " + year);
    }

    private static LocalDate date(Solar s) {
        return LocalDate.of(s.getYear(), s.getMonth(), s.getDay());
    }
}
