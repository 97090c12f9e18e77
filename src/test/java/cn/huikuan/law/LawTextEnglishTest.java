package cn.huikuan.law;

import cn.huikuan.law.ClaimInput.Allocation;
import cn.huikuan.law.ClaimInput.Due;
import cn.huikuan.law.ClaimInput.Kind;
import cn.huikuan.law.ClaimInput.Paid;
import cn.huikuan.law.ClaimInput.PenaltyKind;
import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static cn.huikuan.law.ClaimCalculatorTest.CALC;
import static cn.huikuan.law.ClaimCalculatorTest.d;
import static cn.huikuan.law.ClaimCalculatorTest.input;
import static cn.huikuan.law.ClaimCalculatorTest.m;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 21: the law engine's result texts in English, for the English window. Each English text has every figure and date
 * of its Chinese text, the same article numbers, and no Chinese; the cases are those worked by hand in the other tests.
 */
class LawTextEnglishTest {
    private static final Pattern FIGURE = Pattern.compile("\\d+(?:[.\\-/]\\d+)*");

    /** The English has no Han character and every figure and date the Chinese has. */
    static void sameFacts(String zh, String en) {
        assertThat(en).as(zh).isNotBlank().doesNotContainPattern("\\p{IsHan}");
        Matcher f = FIGURE.matcher(zh);
        while (f.find()) assertThat(en).as("figure %s of: %s", f.group(), zh).contains(f.group());
    }

    /** Every ledger line, method item and warning of a claim, in pairs; the English of all of them, joined. */
    static String english(ClaimCalculator.Result r) {
        List<String> all = new ArrayList<>();
        for (ClaimCalculator.Line l : r.ledger()) {
            sameFacts(l.text(), l.text("en"));
            assertThat(l.text("zh")).isEqualTo(l.text());
            all.add(l.text("en"));
        }
        assertThat(r.method("en")).hasSameSizeAs(r.method());
        for (int i = 0; i < r.method().size(); i++) sameFacts(r.method().get(i), r.method("en").get(i));
        assertThat(r.warnings("en")).hasSameSizeAs(r.warnings());
        for (int i = 0; i < r.warnings().size(); i++) sameFacts(r.warnings().get(i), r.warnings("en").get(i));
        all.addAll(r.method("en"));
        all.addAll(r.warnings("en"));
        return String.join("\n", all);
    }

    static ClaimInput sale(PenaltyKind pk, String value, String due) {
        return input(Kind.SALE, "2025-12-18", "500000", List.of(new Due(d(due), m("500000"))), null, null,
                pk, value, List.of(), List.of(new Paid(d("2026-05-26"), m("200000"))), 365, Allocation.STATUTORY);
    }

    @Test
    void theSamplePenaltyAgainstTheLossASaleWouldAllow() {
        // PenaltyAndFilingTest: 300,000 × 0.05 % × 365 = 54,750.00; loss 11,700.00; 130 % of it 15,210.00
        ClaimCalculator.Result r = CALC.compute(sale(PenaltyKind.DAILY_RATE, "0.05", "2026-05-28"), d("2027-05-28"));
        String en = english(r);
        assertThat(r.warnings("en")).singleElement().asString().contains("54750.00", "11700.00", "15210.00", "130%", "plus 30%",
                "Civil Code Art. 585(2)", "Art. 65(2)", "SPC Interpretation on Sales Contracts Art. 18");
        assertThat(en).contains("Payment of CNY 200000", "2026-05-28 to 2027-05-28 (365 days)", "300000 × 0.05% a day × 365 days = 54750 (penalty)");
    }

    @Test
    void aSaleWithoutAPenaltyOrWithABreachBeforeTheLpr() {
        // the LPR of 2026-05-20 (3.00 %) × 1.3 = 3.90 % a year: 300,000 × 3.9 % × 365/365 = 11,700.00
        String en = english(CALC.compute(sale(PenaltyKind.NONE, null, "2026-05-28"), d("2027-05-28")));
        assertThat(en).contains("one-year LPR at the breach (2026-05-29), 3% (published 2026-05-20)", "× 1.3 = 3.9% a year", "300000 × 3.9% a year × 365/365 = 11700 (late-payment loss",
                "plus 30%", "30%–50%");
        // a breach before 2019-08-20: the PBOC benchmark rate
        ClaimInput old = input(Kind.SALE, "2019-01-01", "10000", List.of(new Due(d("2019-03-01"), m("10000"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY);
        assertThat(english(CALC.compute(old, d("2019-12-01")))).contains("PBOC one-year benchmark lending rate");
    }

    @Test
    void aPrivateLoanAboveTheCapsSaysWhichArticles() {
        // ClaimCalculatorTest: cap 4 × 3.00 % = 12 %; an overdue rate of 30 % is cut to it (§28), which leaves the penalty no room (§29)
        ClaimInput in = input(Kind.PRIVATE_LOAN, "2025-06-01", "10000", List.of(new Due(d("2025-12-01"), m("10000"))), "24", "30",
                PenaltyKind.DAILY_RATE, "0.1", List.of(), List.of(), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-03-01"));
        english(r);
        assertThat(r.warnings("en")).hasSize(3);
        assertThat(String.join("\n", r.warnings("en"))).contains("24% a year is above the cap of 12% a year",
                "30% a year is above the cap of 12% a year", "SPC Provisions on Private Lending Art. 28", "SPC Provisions on Private Lending Art. 29");
        // nothing agreed for late payment: the loan-period rate, or else the LPR when overdue
        english(CALC.compute(input(Kind.PRIVATE_LOAN, "2025-06-01", "10000", List.of(new Due(d("2025-12-01"), m("10000"))), "10", null,
                PenaltyKind.FIXED, "500", List.of(), List.of(), 365, Allocation.STATUTORY), d("2026-03-01")));
        String lpr = english(CALC.compute(input(Kind.PRIVATE_LOAN, "2025-06-01", "10000", List.of(new Due(d("2025-12-01"), m("10000"))), null,
                null, PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.PRINCIPAL_FIRST), d("2026-03-01")));
        assertThat(lpr).contains("Neither a loan-period rate nor an overdue rate agreed");
    }

    @Test
    void manyInstalmentsAPercentagePenaltyALatePaymentAndAnOverpayment() {
        // ClaimLedgerTest: 21 instalments of 1,001 due 2026-02-01 at 5 % a year: one part for all of them
        ClaimCalculator.Result many = CALC.compute(ClaimLedgerTest.agreed(ClaimLedgerTest.times(21, "1001"), List.of(), PenaltyKind.NONE, null, "5"),
                ClaimLedgerTest.DUE.plusDays(1));
        assertThat(english(many)).contains("21 instalments due 2026-02-01 to 2026-02-01, unpaid 21021 in all × 5% a year × 1/365,"
                + " computed instalment by instalment, total");
        // 1,000 due 2026-02-01, 5 % once = 50; 2,000 paid 2026-03-01 overpays; a payment after the as-of date is left out
        ClaimInput in = input(Kind.SERVICE, "2026-01-01", "1000", List.of(new Due(d("2026-02-01"), m("1000"))), null, null,
                PenaltyKind.PERCENTAGE, "5", List.of(), List.of(new Paid(d("2026-03-01"), m("2000")), new Paid(d("2027-01-01"), m("100"))),
                365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-06-01"));
        assertThat(english(r)).contains("unpaid 1000 × 5% = 50 (penalty, charged once)", "is after the calculation date",
                "more than everything owed");
    }

    @Test
    void aLossThatCannotBeComparedSaysWhyInEnglish() {
        // due 2030-01-01: the LPR table does not reach the breach, so the loss beside the penalty cannot be computed
        ClaimCalculator.Result r = CALC.compute(input(Kind.SALE, "2025-12-18", "1000", List.of(new Due(d("2030-01-01"), m("1000"))), null, null,
                PenaltyKind.DAILY_RATE, "0.05", List.of(), List.of(), 365, Allocation.STATUTORY), d("2030-02-01"));
        assertThat(r.comparableLoss()).isNull();
        assertThat(english(r)).contains("cannot be computed (Civil Code Art. 585(2))", "add the LPR from");
        LprTable.RateUnavailableException e = org.junit.jupiter.api.Assertions.assertThrows(LprTable.RateUnavailableException.class,
                () -> LawData.lpr().inForceOn(d("2019-01-01")));
        sameFacts(e.getMessage(), e.message("en"));
        e = org.junit.jupiter.api.Assertions.assertThrows(LprTable.RateUnavailableException.class, () -> LawData.benchmark().inForceOn(d("1980-01-01")));
        sameFacts(e.getMessage(), e.message("en"));
    }

    // ------------------------------------------------------------------ limitation

    final Limitation limitation = new Limitation(LawData.holidays());

    static String english(Limitation.Result r) {
        assertThat(r.table("en")).hasSameSizeAs(r.table());
        assertThat(r.table("zh")).isEqualTo(r.table());
        for (int i = 0; i < r.table().size(); i++) sameFacts(r.table().get(i), r.table("en").get(i));
        return String.join("\n", r.table("en"));
    }

    @Test
    void theTwentyYearsThatDecideAreExplainedInEnglish() {
        // LimitationMaximumTest: twenty years from 2004-06-01 end Saturday 2024-06-01 → Monday 2024-06-03, before the three years (2028-03-20)
        List<Limitation.Event> events = new ArrayList<>();
        for (String s : List.of("2007-05-20", "2010-05-10", "2013-05-01", "2016-04-20", "2019-04-10", "2022-04-01", "2025-03-20")) {
            events.add(new Limitation.Event(LocalDate.parse(s), Limitation.EventKind.INTERRUPTION, null));
        }
        String en = english(limitation.compute(LocalDate.of(2004, 6, 1), events, LocalDate.of(2026, 12, 7)));
        assertThat(en).contains("end 2024-06-03", "(Civil Code Art. 188(2))", "so this decides", "Civil Code Art. 195", "2028-03-20", "rest day");
        // each instalment's own twenty years
        List<Limitation.Event> acks = new ArrayList<>();
        for (String s : List.of("2008-06-01", "2011-05-01", "2014-04-01", "2017-03-01", "2020-02-01", "2022-12-01", "2024-12-01")) {
            acks.add(new Limitation.Event(LocalDate.parse(s), Limitation.EventKind.ACKNOWLEDGED, null));
        }
        assertThat(english(limitation.compute(LocalDate.of(2006, 1, 10), LocalDate.of(2005, 1, 10), acks, LocalDate.of(2025, 6, 1))))
                .contains("The earliest instalment, due 2005-01-10", "end 2025-01-10", "SPC Provisions on Limitation Art. 14");
    }

    @Test
    void theSampleCaseAndEventsThatDoNotCountAreExplainedInEnglish() {
        // DeadlinesAndLimitationTest: acknowledged 2026-07-02, promised 2026-08-28 → 2029-08-28; 2029's arrangement unpublished
        String en = english(limitation.compute(d("2026-05-28"), List.of(
                new Limitation.Event(d("2026-08-28"), Limitation.EventKind.INSTALMENT_AGREEMENT, "承诺 9 月底前付 10 万"),
                new Limitation.Event(d("2026-07-02"), Limitation.EventKind.ACKNOWLEDGED, "钱我认")), d("2026-11-28")));
        assertThat(en).contains("2026-08-28 Instalments or an extension agreed: limitation interrupted", "three years run again to 2029-08-28",
                "2046-05-28").doesNotContain("so this decides");
        assertThat(english(limitation.compute(d("2020-01-10"), List.of(
                new Limitation.Event(d("2019-12-01"), Limitation.EventKind.ACKNOWLEDGED, null),
                new Limitation.Event(d("2023-06-01"), Limitation.EventKind.PART_PAYMENT, null)), d("2023-06-02"))))
                .contains("2019-12-01 The debtor acknowledged the debt: before the start", "2023-06-01 Part payment: after the period ended");
        for (Limitation.EventKind k : Limitation.EventKind.values()) assertThat(k.en()).doesNotContainPattern("\\p{IsHan}");
        for (Limitation.DecidedBy b : Limitation.DecidedBy.values()) assertThat(b.en()).doesNotContainPattern("\\p{IsHan}");
    }

    // ------------------------------------------------------------------ procedural deadlines

    @Test
    void aStepBeforeTheCurrentTextSaysTheOldArticleNumberInEnglish() {
        ProceduralDeadlines periods = new ProceduralDeadlines(LawData.holidays());
        ProceduralDeadlines.Deadline enforcement = periods.enforcementApplication(d("2023-06-30"));
        sameFacts(enforcement.note(), enforcement.note("en"));
        assertThat(enforcement.note("en")).contains("2024-01-01", "Art. 246");
        assertThat(periods.paymentOrderObjection(d("2023-12-20")).note("en")).contains("Art. 223");
        assertThat(periods.appealAgainstJudgment(d("2023-12-20")).note("en")).contains("same article number").doesNotContainPattern("\\p{IsHan}");
        assertThat(periods.appealAgainstJudgment(d("2021-06-01")).note("en")).contains("text then in force").doesNotContainPattern("\\p{IsHan}");
        assertThat(periods.appealAgainstJudgment(d("2026-06-01")).note("en")).isEmpty();
    }

    // ------------------------------------------------------------------ fees, rate caps, late performance (the command line's English)

    @Test
    void courtFeeStepsInEnglish() {
        // 300,000: 50 + 90,000 × 2.5 % + 100,000 × 2 % + 100,000 × 1.5 % = 5,800; halved 2,900 (CourtFeesTest)
        CourtFees.Result halved = CourtFees.compute(CourtFees.Kind.CASE, m("300000"), true);
        for (CourtFees.Step s : halved.steps()) sameFacts(s.text(), s.text("en"));
        assertThat(halved.steps()).extracting(s -> s.text("en")).contains("Up to CNY 10000: CNY 50 per case",
                "Above CNY 10000 up to CNY 100000: 90000 × 2.5%", "Above CNY 200000 up to CNY 300000: 100000 × 1.5%");
        assertThat(halved.steps().get(halved.steps().size() - 1).text("en")).contains("Art. 16", "Art. 15");
        CourtFees.Result order = CourtFees.compute(CourtFees.Kind.PAYMENT_ORDER, m("100000"), false);
        for (CourtFees.Step s : order.steps()) sameFacts(s.text(), s.text("en"));
        assertThat(order.steps().get(order.steps().size() - 1).text("en")).contains("1/3", "2300 ÷ 3");
        CourtFees.Result preservation = CourtFees.compute(CourtFees.Kind.PRESERVATION, m("2000000"), false);
        for (CourtFees.Step s : preservation.steps()) sameFacts(s.text(), s.text("en"));
        assertThat(preservation.steps().get(preservation.steps().size() - 1).text("en")).contains("CNY 5,000", "Art. 14(2)");
        assertThat(preservation.steps().get(0).text("zh")).isEqualTo(preservation.steps().get(0).text());
    }

    @Test
    void rateCapSegmentsAndNotesInEnglish() {
        RateCaps caps = new RateCaps(LawData.lpr());
        // after 2020-08-20: 4 × the LPR at formation (2020-08-20: 3.85 %) = 15.40 %
        RateCaps.Result now = caps.privateLoan(d("2020-09-01"), m("24"), d("2026-08-28"));
        sameFacts(now.segments().get(0).text(), now.segments().get(0).text("en"));
        assertThat(now.segments().get(0).text("en")).contains("3.85%", "15.40%", "2020-09-01");
        // before: 24 % to 2020-08-19, then 4 × the LPR at filing (§31); above 36 % the 2015 note
        RateCaps.Result old = caps.privateLoan(d("2019-01-01"), m("40"), d("2026-08-28"));
        assertThat(old.segments()).hasSize(2).allSatisfy(s -> sameFacts(s.text(), s.text("en")));
        assertThat(old.notes("en")).hasSameSizeAs(old.notes()).hasSize(2);
        for (int i = 0; i < old.notes().size(); i++) sameFacts(old.notes().get(i), old.notes("en").get(i));
        assertThat(old.notes("en").get(0)).contains("SPC Provisions on Private Lending Art. 31");
        assertThat(old.notes("zh")).isEqualTo(old.notes());
    }

    @Test
    void latePerformanceFormulaInEnglish() {
        // 100,000 × 0.0175 % × 30 days = 525.00
        LatePerformance.Result r = LatePerformance.compute(m("100000"), 30);
        assertThat(r.formula()).isEqualTo("100000 × 0.0175% × 30 天 = 525.00");
        assertThat(r.formula("en")).isEqualTo("100000 × 0.0175% × 30 days = 525.00");
        sameFacts(r.formula(), r.formula("en"));
    }
}
