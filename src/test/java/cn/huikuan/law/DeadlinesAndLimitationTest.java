package cn.huikuan.law;

import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 民事诉讼法 §85 and 民法典 §188–§203 on the official 2026 calendar (holiday-cn), the periods of §171, §227, §250 and §286,
 * and the statutory holidays (全国年节及纪念日放假办法 §2) of years whose arrangement is not published (2027 on).
 */
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
        assertThat(r.reasonEn()).contains("National Day", "2026-10-08").doesNotContainPattern("[\\u4e00-\\u9fff]");
        assertThat(r.basis()).containsExactly(Statutes.PERIODS, Statutes.PAYMENT_ORDER_OBJECTION);
    }

    @Test
    void periodEndingOnAMakeUpWorkdayDoesNotMove() {
        Deadlines.Result r = deadlines.days(d("2026-09-25"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2026-10-10"));
        assertThat(r.deadline()).isEqualTo(d("2026-10-10"));
        assertThat(r.moved()).isFalse();
        assertThat(r.reason()).contains("调休上班日");
        assertThat(r.reasonEn()).contains("make-up working day");
        assertThat(deadlines.days(d("2026-09-05"), 15, Statutes.APPEAL_PERIOD).deadline()).isEqualTo(d("2026-09-20"));
    }

    @Test
    void periodEndingOnAWeekendMovesToMonday() {
        Deadlines.Result r = deadlines.days(d("2026-11-13"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2026-11-28"));
        assertThat(r.deadline()).isEqualTo(d("2026-11-30"));
        assertThat(r.reason()).contains("周末");
        assertThat(r.reasonEn()).contains("weekend", "2026-11-30");
    }

    @Test
    void yearWithoutAnArrangementStillHasItsStatutoryHolidaysAndIsFlagged() {
        // 2026-12-17 + 15: day 1 is 12-18, 12-18…12-31 are days 1–14, day 15 is 2027-01-01, a Friday: 元旦 (放假办法 §2(一));
        // 01-02 Saturday, 01-03 Sunday → Monday 2027-01-04. 2027's arrangement is not published: flagged
        Deadlines.Result r = deadlines.days(d("2026-12-17"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2027-01-01"));
        assertThat(r.deadline()).isEqualTo(d("2027-01-04"));
        assertThat(r.uncertainYears()).containsExactly(2027);
        assertThat(r.reason()).contains("元旦", "2027", "尚未公布", "全国年节及纪念日放假办法");
        assertThat(r.basis()).containsExactly(Statutes.PERIODS, Statutes.APPEAL_PERIOD, Statutes.STATUTORY_HOLIDAYS);
        assertThat(deadlines.days(d("2026-11-01"), 15, Statutes.APPEAL_PERIOD).uncertainYears()).isEmpty();
    }

    @Test
    void nationalDayOfAYearWithoutAnArrangement() {
        // 2027-09-16 + 15: day 1 is 09-17, 09-17…09-30 are days 1–14, day 15 is 10-01 (Friday, 国庆节);
        // 10-02 Saturday and 10-03 Sunday are 国庆节 too → Monday 2027-10-04 (the arrangement may add more)
        Deadlines.Result r = deadlines.days(d("2027-09-16"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2027-10-01"));
        assertThat(r.deadline()).isEqualTo(d("2027-10-04"));
        assertThat(r.reason()).contains("国庆节", "尚未公布");
    }

    @Test
    void springFestivalOfAYearWithoutAnArrangementFollowsTheLunarCalendar() {
        // 春节 2027: 正月初一 is 02-06 (Saturday), so 除夕 02-05 … 初三 02-08 are the four days of 放假办法 §2(二).
        // 2027-01-22 + 15: day 1 is 01-23, 01-23…01-31 are days 1–9, day 15 is 02-06 (初一); 02-07 Sunday (初二),
        // 02-08 Monday (初三) → Tuesday 2027-02-09
        Deadlines.Result r = deadlines.days(d("2027-01-22"), 15, Statutes.APPEAL_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2027-02-06"));
        assertThat(r.deadline()).isEqualTo(d("2027-02-09"));
        assertThat(r.reason()).contains("春节");
        assertThat(r.uncertainYears()).containsExactly(2027);
        // a weekday of 春节 moves a period too: 2027-01-24 + 15 = 02-08 (Monday, 初三) → 02-09
        assertThat(deadlines.days(d("2027-01-24"), 15, Statutes.APPEAL_PERIOD).deadline()).isEqualTo(d("2027-02-09"));
        // and 清明 2027 is 04-05, a Monday: 2027-03-21 + 15 = 04-05 → 04-06
        assertThat(deadlines.days(d("2027-03-21"), 15, Statutes.APPEAL_PERIOD).deadline()).isEqualTo(d("2027-04-06"));
    }

    @Test
    void twoYearsToApplyForEnforcement() {
        Deadlines.Result r = deadlines.years(d("2026-06-30"), 2, Statutes.ENFORCEMENT_PERIOD);
        assertThat(r.nominal()).isEqualTo(d("2028-06-30"));
        assertThat(r.uncertainYears()).containsExactly(2028);
    }

    final ProceduralDeadlines periods = new ProceduralDeadlines(CAL);

    @Test
    void appealAgainstAJudgmentFifteenDays() {
        // 民事诉讼法 §171 ¶1: served 2026-11-20; day 1 is 11-21, day 15 is 12-05 (Saturday) → Monday 12-07
        ProceduralDeadlines.Deadline dl = periods.appealAgainstJudgment(d("2026-11-20"));
        assertThat(dl.date()).isEqualTo(d("2026-12-07"));
        assertThat(dl.article().zh()).isEqualTo("《民事诉讼法》第一百七十一条第一款");
        assertThat(dl.from().kind()).isEqualTo("appeal-judgment");
        assertThat(dl.from().inForceFrom()).isEqualTo(d("2024-01-01"));
        assertThat(dl.note()).isEmpty();
    }

    @Test
    void appealAgainstARulingTenDays() {
        // §171 ¶2: served 2026-09-21; day 1 is 09-22, 09-22…09-30 are days 1–9, day 10 is 10-01; 2026's arrangement
        // gives 10-01…10-07 off (国庆节) → Thursday 10-08
        ProceduralDeadlines.Deadline dl = periods.appealAgainstRuling(d("2026-09-21"));
        assertThat(dl.result().nominal()).isEqualTo(d("2026-10-01"));
        assertThat(dl.date()).isEqualTo(d("2026-10-08"));
        assertThat(dl.article().zh()).isEqualTo("《民事诉讼法》第一百七十一条第二款");
        // served 2026-11-27 (Friday): day 10 is 12-07, a Monday: not moved
        assertThat(periods.appealAgainstRuling(d("2026-11-27")).result().moved()).isFalse();
    }

    @Test
    void appealWithoutADomicileInChinaThirtyDays() {
        // §286: served 2026-11-20; 11-21…11-30 are days 1–10, 12-01…12-20 days 11–30; 12-20 is a Sunday → Monday 12-21
        ProceduralDeadlines.Deadline dl = periods.appealWithoutDomicile(d("2026-11-20"));
        assertThat(dl.result().nominal()).isEqualTo(d("2026-12-20"));
        assertThat(dl.date()).isEqualTo(d("2026-12-21"));
        assertThat(dl.article().zh()).isEqualTo("《民事诉讼法》第二百八十六条");
    }

    @Test
    void enforcementApplicationTwoYearsFromTheLastDayOfPerformance() {
        // §250: the last day of performance 2026-09-30 + 2 years = 2028-09-30, a Saturday (2028-01-01 is a Saturday and
        // 09-30 is day 274: 273 = 39 × 7); 10-01 Sunday, 10-02 Monday, 10-03 Tuesday are 国庆节 (10-03 also 中秋节,
        // 八月十五 of 2028) under 放假办法 §2, 2028's arrangement not being published → Wednesday 2028-10-04
        ProceduralDeadlines.Deadline dl = periods.enforcementApplication(d("2026-09-30"));
        assertThat(dl.result().nominal()).isEqualTo(d("2028-09-30"));
        assertThat(dl.date()).isEqualTo(d("2028-10-04"));
        assertThat(dl.result().uncertainYears()).containsExactly(2028);
        assertThat(dl.result().basis()).contains(Statutes.ENFORCEMENT_PERIOD, Statutes.STATUTORY_HOLIDAYS);
        assertThat(dl.what()).contains("二年");
    }

    @Test
    void paymentOrderObjectionFifteenDays() {
        // §227 ¶2: served 2026-09-18, day 15 is 10-03 (国庆) → 10-08, as periodEndingInTheNationalDayHoliday… above
        assertThat(periods.paymentOrderObjection(d("2026-09-18")).date()).isEqualTo(d("2026-10-08"));
        assertThat(ProceduralDeadlines.Step.byKind("payment-order-objection")).isEqualTo(ProceduralDeadlines.Step.PAYMENT_ORDER_SERVED);
        assertThat(ProceduralDeadlines.Step.byKind("appeal")).isNull();
    }

    @Test
    void aStepBeforeTheCurrentTextSaysWhichNumberTheArticleHadThen() {
        // the 2021 text (2022-01-01 … 2023-12-31): enforcement §246, objection §223, no domicile §276, appeal §171
        assertThat(periods.enforcementApplication(d("2023-06-30")).note()).contains("2024-01-01", "第二百四十六条");
        assertThat(periods.paymentOrderObjection(d("2023-12-20")).note()).contains("第二百二十三条");
        assertThat(periods.appealWithoutDomicile(d("2023-12-20")).note()).contains("第二百七十六条");
        assertThat(periods.appealAgainstJudgment(d("2023-12-20")).note()).contains("序号相同");
        assertThat(periods.appealAgainstJudgment(d("2021-06-01")).note()).contains("以当时施行的文本为准");
        // 2023-06-30 + 2 years = 2025-06-30, a Monday
        assertThat(periods.enforcementApplication(d("2023-06-30")).date()).isEqualTo(d("2025-06-30"));
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
        assertThat(r.table()).hasSize(4);   // the start, two interruptions and the twenty years (§188 ¶2), which do not decide here
        assertThat(r.table().get(3)).contains("二十年届满 2046-05-28").doesNotContain("以此为准");
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

    /** Every court step names its deadline in English too (the English window, issue 21). */
    @Test
    void everyCourtStepHasItsEnglish() {
        for (ProceduralDeadlines.Step step : ProceduralDeadlines.Step.values()) {
            assertThat(step.whatEn()).as(step.name()).isNotBlank().startsWith("End of the").doesNotContainPattern("[\\u4e00-\\u9fff]");
        }
    }
}
