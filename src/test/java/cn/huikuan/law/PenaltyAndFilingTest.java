package cn.huikuan.law;

import cn.huikuan.law.ClaimInput.Allocation;
import cn.huikuan.law.ClaimInput.Due;
import cn.huikuan.law.ClaimInput.Kind;
import cn.huikuan.law.ClaimInput.Paid;
import cn.huikuan.law.ClaimInput.PenaltyKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cn.huikuan.law.ClaimCalculatorTest.CALC;
import static cn.huikuan.law.ClaimCalculatorTest.d;
import static cn.huikuan.law.ClaimCalculatorTest.input;
import static cn.huikuan.law.ClaimCalculatorTest.m;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 19, worked by hand: an agreed penalty beside the loss the law allows without it (民法典 §585 ¶2, 合同编通则解释
 * §65 ¶2), and the day of filing for the cap of a loan made before 2020-08-20 (民间借贷规定 §31).
 */
class PenaltyAndFilingTest {

    /** The sample sale: 500,000 due 2026-05-28, 200,000 paid 2026-05-26, 0.05 % a day on what is overdue. */
    static ClaimInput sample(PenaltyKind pk, String value) {
        return input(Kind.SALE, "2025-12-18", "500000", List.of(new Due(d("2026-05-28"), m("500000"))), null, null,
                pk, value, List.of(), List.of(new Paid(d("2026-05-26"), m("200000"))), 365, Allocation.STATUTORY);
    }

    @Test
    void theSamplePenaltyIsFarAboveTheLossASaleWouldAllow() {
        ClaimCalculator.Result r = CALC.compute(sample(PenaltyKind.DAILY_RATE, "0.05"), d("2027-05-28"));
        // overdue 2026-05-29 … 2027-05-28 = 365 days on 300,000
        // penalty: 300,000 × 0.05 % × 365 = 150 × 365 = 54,750.00
        assertThat(r.charges()).isEqualByComparingTo("54750.00");
        // loss without it (买卖合同解释 §18): LPR on the day of breach 2026-05-29 (2026-05-20: 3.00 %) × 1.3 = 3.90 % a year
        //   300,000 × 3.90 % × 365 / 365 = 11,700.00
        assertThat(r.comparableLoss()).isEqualByComparingTo("11700.00");
        // excessive above 11,700 × 1.3 = 15,210.00; 54,750 > 15,210
        assertThat(r.penaltyMayBeReduced()).isTrue();
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("54750.00").contains("11700.00").contains("15210.00")
                .contains(Statutes.PENALTY_REDUCTION.zh()).contains(Statutes.PENALTY_EXCESSIVE.zh()));
        // the debtor's defence is not a ground of the creditor's claim: the complaint cites the basis
        assertThat(r.basis()).doesNotContain(Statutes.PENALTY_REDUCTION, Statutes.PENALTY_EXCESSIVE);
        // the figures owed are not changed by the comparison: only the court reduces a penalty, on request
        assertThat(r.total()).isEqualByComparingTo("354750.00");
    }

    @Test
    void aPenaltyWithinThirtyPercentOfTheLossIsComparedButNotWarned() {
        // 0.004 % a day: 300,000 × 0.004 % × 365 = 12 × 365 = 4,380.00 against a loss of 11,700.00
        ClaimCalculator.Result r = CALC.compute(sample(PenaltyKind.DAILY_RATE, "0.004"), d("2027-05-28"));
        assertThat(r.charges()).isEqualByComparingTo("4380.00");
        assertThat(r.comparableLoss()).isEqualByComparingTo("11700.00");
        assertThat(r.penaltyMayBeReduced()).isFalse();
        assertThat(r.warnings()).noneSatisfy(w -> assertThat(w).contains(Statutes.PENALTY_REDUCTION.zh()));
        // 0.0055 % a day: 16.5 × 365 = 6,022.50 — still below; 0.0142 % a day: 42.6 × 365 = 15,549.00 > 15,210.00
        assertThat(CALC.compute(sample(PenaltyKind.DAILY_RATE, "0.0142"), d("2027-05-28")).penaltyMayBeReduced()).isTrue();
        // exactly at the line is not "more than": 15,210.00 / 365 = 41.6712… a day does not land on a fen, so check the rule itself
        assertThat(ClaimCalculator.excessiveAbove(m("11700.00"))).isEqualByComparingTo("15210.00");
    }

    @Test
    void withoutAPenaltyThereIsNothingToCompare() {
        ClaimCalculator.Result r = CALC.compute(sample(PenaltyKind.NONE, null), d("2027-05-28"));
        assertThat(r.comparableLoss()).isNull();
        assertThat(r.penaltyMayBeReduced()).isFalse();
        // and the loss charged is the comparable loss itself: 11,700.00
        assertThat(r.charges()).isEqualByComparingTo("11700.00");
    }

    @Test
    void aServiceContractComparesWithTheLprLossWithoutTheSaleMarkup() {
        ClaimInput in = input(Kind.SERVICE, "2025-12-18", "300000", List.of(new Due(d("2026-05-28"), m("300000"))), null, null,
                PenaltyKind.DAILY_RATE, "0.05", List.of(), List.of(), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2027-05-28"));
        // 300,000 × 3.00 % × 365 / 365 = 9,000.00 (no 30 % markup outside a sale)
        assertThat(r.comparableLoss()).isEqualByComparingTo("9000.00");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("资金占用损失 9000.00"));
    }

    @Test
    void aLoanIsNotComparedBecauseItsCapAlreadyLimitsPenaltyAndInterest() {
        ClaimInput in = input(Kind.PRIVATE_LOAN, "2026-01-01", "100000", List.of(new Due(d("2026-03-01"), m("100000"))), null, null,
                PenaltyKind.DAILY_RATE, "0.1", List.of(), List.of(), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-12-01"));
        assertThat(r.comparableLoss()).isNull();
        assertThat(r.basis()).contains(Statutes.LOAN_COMBINED_CAP);
    }

    @Test
    void theCapOfAnOldLoanAfterTheNewRulesFollowsTheDayOfFiling() {
        // lent 2019-08-20 at 24 % a year, due 2022-08-20; as of 2021-08-20
        ClaimInput in = input(Kind.PRIVATE_LOAN, "2019-08-20", "100000", List.of(new Due(d("2022-08-20"), m("100000"))), "24", null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY);
        ClaimCalculator.Result atAsOf = CALC.compute(in, d("2021-08-20"));
        ClaimCalculator.Result filed2023 = CALC.compute(in, d("2021-08-20"), d("2023-06-20"));
        assertThat(CALC.compute(in, d("2021-08-20"), d("2021-08-20")).interest()).isEqualByComparingTo(atAsOf.interest());
        // from 2020-08-20 the cap is 4 × the LPR at filing: filed 2021-08-20, LPR 3.85 % → 15.40 %; filed 2023-06-20, 3.55 % → 14.20 %
        // the 365 days 2020-08-20 … 2021-08-19 on 100,000 differ by 1.20 %: 100,000 × 1.20 % × 365 / 365 = 1,200.00
        assertThat(atAsOf.interest().subtract(filed2023.interest())).isEqualByComparingTo("1200.00");
        assertThat(filed2023.basis()).contains(Statutes.LOAN_TRANSITION);
    }
}
