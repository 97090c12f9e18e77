package cn.huikuan.law;

import cn.huikuan.law.ClaimInput.Allocation;
import cn.huikuan.law.ClaimInput.Due;
import cn.huikuan.law.ClaimInput.Kind;
import cn.huikuan.law.ClaimInput.Paid;
import cn.huikuan.law.ClaimInput.PenaltyKind;
import cn.huikuan.law.data.LawData;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An accrual line with more than {@value ClaimCalculator#ITEMISED} overdue instalments sums them per stretch
 * charged alike (issue 24): the text is shorter, the figures are those of the instalments one by one.
 */
class ClaimLedgerTest {
    static final ClaimCalculator CALC = new ClaimCalculator(LawData.lpr(), LawData.benchmark());
    static final LocalDate CONTRACT = LocalDate.of(2026, 1, 1);
    static final LocalDate DUE = LocalDate.of(2026, 2, 1);

    static ClaimInput agreed(List<BigDecimal> amounts, List<Paid> paid, PenaltyKind pk, String pv, String overdueRate) {
        List<Due> plan = new ArrayList<>();
        for (BigDecimal a : amounts) plan.add(new Due(DUE, a));
        return new ClaimInput(Kind.SERVICE, CONTRACT, null, amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add), plan, null,
                new BigDecimal(overdueRate), pk, pv == null ? null : new BigDecimal(pv), List.of(), paid, 365, Allocation.STATUTORY, null, false);
    }

    static List<BigDecimal> times(int n, String amount) {
        return Collections.nCopies(n, new BigDecimal(amount));
    }

    static ClaimCalculator.Line lastLine(ClaimCalculator.Result r) {
        return r.ledger().get(r.ledger().size() - 1);
    }

    @Test
    void twentyOverdueInstalmentsAreListedOneByOne() {
        ClaimCalculator.Result r = CALC.compute(agreed(times(20, "1001"), List.of(), PenaltyKind.NONE, null, "5"), DUE.plusDays(1));
        // 1,001 × 5% × 1/365 = 0.137 → 0.14, twenty times
        assertThat(r.interest()).isEqualByComparingTo("2.80");
        assertThat(lastLine(r).text()).contains("2026-02-01 到期未付 1001 × 年 5% × 1/365 = 0.14（约定逾期利率 年 5%）").doesNotContain("期未付共");
        assertThat(lastLine(r).text().split("；")).hasSize(20);
    }

    @Test
    void moreAreSummedButEachIsStillRoundedOnItsOwn() {
        ClaimCalculator.Result r = CALC.compute(agreed(times(21, "1001"), List.of(), PenaltyKind.NONE, null, "5"), DUE.plusDays(1));
        // 21 × 0.14 = 2.94; rounding the sum once (21,021 × 5% × 1/365 = 2.88) would differ
        assertThat(r.interest()).isEqualByComparingTo("2.94");
        assertThat(lastLine(r).accrued()).isEqualByComparingTo("2.94");
        assertThat(lastLine(r).text()).isEqualTo("2026-02-01 至 2026-02-02（1 天）：2026-02-01 至 2026-02-01 到期的 21 期未付共 21021 × 年 5% × 1/365，"
                + "逐期计算合计 2.94（约定逾期利率 年 5%）");
    }

    @Test
    void thePartPaidFirstInstalmentAndPeriodsOfTheSameLength() {
        // 40 instalments of 1,001 fall due; 500.50 paid that day goes to the first (nothing else is owed yet);
        // then 0.01 a day, to the interest (民法典 §561)
        List<Paid> paid = List.of(new Paid(DUE, new BigDecimal("500.50")), new Paid(DUE.plusDays(1), new BigDecimal("0.01")),
                new Paid(DUE.plusDays(2), new BigDecimal("0.01")));
        ClaimCalculator.Result r = CALC.compute(agreed(times(40, "1001"), paid, PenaltyKind.NONE, null, "5"), DUE.plusDays(3));
        // each day: 500.50 × 5% × 1/365 = 0.069 → 0.07, and 39 × 0.14 = 5.46: 5.53; three days 16.59, less 0.02 paid
        assertThat(r.ledger()).filteredOn(l -> l.text().contains("期未付共")).hasSize(3)
                .allSatisfy(l -> assertThat(l.accrued()).isEqualByComparingTo("5.53"))
                .allSatisfy(l -> assertThat(l.text()).contains("到期的 40 期未付共 39539.5 × 年 5% × 1/365，逐期计算合计 5.53"));
        assertThat(r.interest()).isEqualByComparingTo("16.57");
        assertThat(r.principal()).isEqualByComparingTo("39539.50");
        assertThat(r.total()).isEqualByComparingTo("39556.07");
    }

    /** Instalments due on one day and nothing paid: the claim's charges are those of each instalment claimed alone. */
    @Property(tries = 40)
    void summedChargesAreTheInstalmentsOneByOne(@ForAll @IntRange(min = 21, max = 120) int n, @ForAll @IntRange(min = 1, max = 900) int days,
                                                @ForAll @IntRange(min = 1, max = 3000) int rateBp, @ForAll @IntRange(min = 0, max = 100) int dailyBp,
                                                @ForAll long seed) {
        Random rnd = new Random(seed);
        List<BigDecimal> amounts = new ArrayList<>();
        for (int i = 0; i < n; i++) amounts.add(BigDecimal.valueOf(1 + rnd.nextInt(10_000_000), rnd.nextInt(3)));
        String rate = BigDecimal.valueOf(rateBp, 2).toPlainString();
        PenaltyKind pk = dailyBp == 0 ? PenaltyKind.NONE : PenaltyKind.DAILY_RATE;
        String pv = dailyBp == 0 ? null : BigDecimal.valueOf(dailyBp, 3).toPlainString();
        LocalDate asOf = DUE.plusDays(days);
        ClaimCalculator.Result all = CALC.compute(agreed(amounts, List.of(), pk, pv, rate), asOf);
        BigDecimal interest = BigDecimal.ZERO, charges = BigDecimal.ZERO;
        for (BigDecimal a : amounts) {
            ClaimCalculator.Result one = CALC.compute(agreed(List.of(a), List.of(), pk, pv, rate), asOf);
            interest = interest.add(one.interest());
            charges = charges.add(one.charges());
        }
        assertThat(all.interest()).isEqualByComparingTo(interest);
        assertThat(all.charges()).isEqualByComparingTo(charges);
        assertThat(lastLine(all).text()).contains("到期的 " + n + " 期未付共");
    }
}
