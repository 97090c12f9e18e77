package cn.huikuan.law;

import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** 民事诉讼法 §85 and 民法典 §188–§203 on the official 2026 calendar (holiday-cn). */
class DeadlinesAndLimitationTest {
    static final HolidayCalendar CAL = LawData.holidays();
    final Deadlines deadlines = new Deadlines(CAL);
    final Limitation limitation = new Limitation(CAL);

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void calendarKnowsNationalDayAndItsMakeUpWorkdays() {
        assertThat(CAL.isRestDay(d("2026-10-01"))).isTrue();
        assertThat(CAL.isRestDay(d("2026-10-07"))).isTrue();
        assertThat(CAL.isRestDay(d("2026-10-08"))).isFalse();
        assertThat(CAL.isRestDay(d("2026-10-10"))).as("Saturday worked instead").isFalse();
        assertThat(CAL.isRestDay(d("2026-09-20"))).as("Sunday worked instead").isFalse();
        assertThat(CAL.isRestDay(d("2026-11-28"))).as("an ordinary Saturday").isTrue();
        assertThat(CAL.covers(2026)).isTrue();
        assertThat(CAL.covers(2027)).as("2027 not yet published").isFalse();
    }

    @Test
    void periodEndingInTheNationalDayHolidayMovesToTheFirstWorkingDayAfter() {
        // 15-day objection period to a 支付令 (§227) served on 18 Sep: day 1 is 19 Sep, day 15 is 3 Oct
        Deadlines.Result r = deadlines.days(d("2026-09-18"), 15, Statutes.PAYMENT_ORDER_OBJECTION);
        assertThat(r.nominal()).isEqualTo(d("2026-10-03"));
        assertThat(r.deadline()).isEqualTo(d("2026-10-08"));
        assertThat(r.moved()).isTrue();
        assertThat(r.reason()).contains("国庆节");
        assertThat(r.basis()).containsExactly(Statutes.PERIODS, Statutes.PAYMENT_ORDER_OBJECTION);
    }

    @Test
    void periodEndingOnAMakeUpWorkdayDoesNotMove() {
        Deadlines.Result r = deadlines.days(d("2026-09-25"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2026-10-10"));
        assertThat(r.deadline()).isEqualTo(d("2026-10-10"));
        assertThat(r.moved()).isFalse();
        assertThat(r.reason()).contains("调休上班日");
        assertThat(deadlines.days(d("2026-09-05"), 15, Statutes.APPEAL_PERIOD).deadline()).isEqualTo(d("2026-09-20"));
    }

    @Test
    void periodEndingOnAWeekendMovesToMonday() {
        Deadlines.Result r = deadlines.days(d("2026-11-13"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2026-11-28"));
        assertThat(r.deadline()).isEqualTo(d("2026-11-30"));
        assertThat(r.reason()).contains("周末");
    }

    @Test
    void yearWithoutACalendarIsCountedWithWeekendsOnlyAndFlagged() {
        // 2027-01-01 is New Year's Day, but 2027's calendar is not published: counted as a Friday and flagged
        Deadlines.Result r = deadlines.days(d("2026-12-17"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.deadline()).isEqualTo(d("2027-01-01"));
        assertThat(r.uncertainYears()).containsExactly(2027);
        assertThat(r.reason()).contains("2027").contains("尚未公布");
        assertThat(deadlines.days(d("2026-11-01"), 15, Statutes.APPEAL_PERIOD).uncertainYears()).isEmpty();
    }

    @Test
    void twoYearsToApplyForEnforcement() {
        Deadlines.Result r = deadlines.years(d("2026-06-30"), 2, Statutes.ENFORCEMENT_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2028-06-30"));
        assertThat(r.uncertainYears()).containsExactly(2028);
    }

    @Test
    void seedCaseLimitationRestartsWithEachAcknowledgementAndPromise() {
        // due 2026-05-28; 李某 acknowledged on 2026-07-02 and promised payment on 2026-08-28 (诉讼时效规定 §14)
        Limitation.Result r = limitation.compute(d("2026-05-28"), List.of(
                new Limitation.Event(d("2026-08-28"), Limitation.EventKind.INSTALMENT_AGREEMENT, "承诺 9 月底前付 10 万"),
                new Limitation.Event(d("2026-07-02"), Limitation.EventKind.ACKNOWLEDGED, "钱我认")), d("2026-11-28"));
        assertThat(r.lastInterruption().date()).isEqualTo(d("2026-08-28"));
        assertThat(r.expires()).isEqualTo(d("2029-08-28")); // a Tuesday
        assertThat(r.uncertainYears()).containsExactly(2029);
        assertThat(r.warning()).isEqualTo(Limitation.Warning.NONE);
        assertThat(r.table()).hasSize(3);
    }

    @Test
    void expiryOnAHolidayMovesPastIt() {
        Limitation.Result r = limitation.compute(d("2023-10-01"), List.of(), d("2026-09-01"));
        assertThat(r.expires()).isEqualTo(d("2026-10-08"));
        assertThat(r.moved()).isTrue();
        assertThat(r.daysLeft()).isEqualTo(37);
        assertThat(r.warning()).isEqualTo(Limitation.Warning.DAYS_90);
    }

    @Test
    void leapDayStartEndsOnTheLastDayOfFebruaryThenTheWeekendRule() {
        // §202: no 29 Feb in 2027 → 28 Feb, a Sunday → 1 Mar (2027 calendar unpublished: flagged)
        Limitation.Result r = limitation.compute(d("2024-02-29"), List.of(), d("2026-11-28"));
        assertThat(r.expires()).isEqualTo(d("2027-03-01"));
        assertThat(r.uncertainYears()).contains(2027);
    }

    @Test
    void eventsBeforeTheStartOrAfterExpiryDoNotRestartIt() {
        Limitation.Result r = limitation.compute(d("2020-01-10"), List.of(
                new Limitation.Event(d("2019-12-01"), Limitation.EventKind.ACKNOWLEDGED, null),
                new Limitation.Event(d("2023-06-01"), Limitation.EventKind.PART_PAYMENT, null)), d("2023-06-02"));
        assertThat(r.expires()).isEqualTo(d("2023-01-10"));
        assertThat(r.lastInterruption()).isNull();
        assertThat(r.ignored()).hasSize(2);
        assertThat(r.warning()).isEqualTo(Limitation.Warning.EXPIRED);
        assertThat(r.table().get(2)).contains("届满之后");
    }

    @Test
    void warningsAtNinetyThirtyAndSevenDays() {
        LocalDate start = d("2023-11-20"); // expires 2026-11-20, a Friday
        // 22 Aug → 20 Nov: 9 + 30 + 31 + 20 = 90 days
        assertThat(limitation.compute(start, List.of(), d("2026-08-22")).daysLeft()).isEqualTo(90);
        assertThat(limitation.compute(start, List.of(), d("2026-08-22")).warning()).isEqualTo(Limitation.Warning.DAYS_90);
        assertThat(limitation.compute(start, List.of(), d("2026-08-21")).warning()).isEqualTo(Limitation.Warning.NONE);
        assertThat(limitation.compute(start, List.of(), d("2026-10-21")).warning()).isEqualTo(Limitation.Warning.DAYS_30);
        assertThat(limitation.compute(start, List.of(), d("2026-11-13")).warning()).isEqualTo(Limitation.Warning.DAYS_7);
        assertThat(limitation.compute(start, List.of(), d("2026-11-20")).daysLeft()).isZero();
        assertThat(limitation.compute(start, List.of(), d("2026-11-21")).warning()).isEqualTo(Limitation.Warning.EXPIRED);
    }
}
