package cn.huikuan.law;

import java.time.LocalDate;

/**
 * The dates of the Chinese lunar calendar and of the solar terms that statutory holidays follow (春节, 端午, 中秋
 * by the lunar calendar; 清明 by the sun). The astronomy is a library's, not the law's: the law package states
 * which days are holidays and asks this interface for the dates; {@code cn.huikuan.law.calendar} implements it.
 */
public interface LunarDates {
    /**
     * The Gregorian date of day {@code day} of lunar month {@code month} (never a leap month) in the Chinese year
     * whose first day, 正月初一, falls in Gregorian year {@code year}; e.g. {@code lunar(2027, 1, 1)} is 2027-02-06.
     */
    LocalDate lunar(int year, int month, int day);

    /**
     * The day, in China Standard Time (UTC+8), in Gregorian year {@code year} on which the solar term named
     * {@code name} (one of the 24, in Chinese: 立春 … 清明 … 冬至) begins; e.g. {@code solarTerm(2027, "清明")} is 2027-04-05.
     */
    LocalDate solarTerm(int year, String name);
}
