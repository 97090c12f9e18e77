package cn.huikuan.law;

import cn.huikuan.law.ClaimInput.Allocation;
import cn.huikuan.law.ClaimInput.Cost;
import cn.huikuan.law.ClaimInput.Due;
import cn.huikuan.law.ClaimInput.Kind;
import cn.huikuan.law.ClaimInput.Paid;
import cn.huikuan.law.ClaimInput.PenaltyKind;
import cn.huikuan.law.data.LawData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Claims worked by hand: actual days / 365, simple interest, each ledger line rounded to the fen. */
class ClaimCalculatorTest {
    static final ClaimCalculator CALC = new ClaimCalculator(LawData.lpr(), LawData.benchmark());

    static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    static BigDecimal m(String s) {
        return new BigDecimal(s);
    }

    static ClaimInput input(Kind kind, String contract, String principal, List<Due> schedule, String rate, String overdue,
                            PenaltyKind pk, String pv, List<Cost> costs, List<Paid> paid, int dayCount, Allocation alloc) {
        return new ClaimInput(kind, d(contract), null, m(principal), schedule, rate == null ? null : m(rate), overdue == null ? null : m(overdue),
                pk, pv == null ? null : m(pv), costs, paid, dayCount, alloc, null, false);
    }

    @Test
    void seedCaseDailyPenaltyOnTheUnpaidThreeHundredThousand() {
        ClaimInput in = input(Kind.SALE, "2025-12-18", "500000", List.of(new Due(d("2026-05-28"), m("500000"))), null, null,
                PenaltyKind.DAILY_RATE, "0.05", List.of(), List.of(new Paid(d("2026-05-26"), m("200000"))), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-11-28"));
        // paid before the due date: all to principal; then 300,000 × 0.05% × 184 days = 27,600.00
        assertThat(r.principal()).isEqualByComparingTo("300000.00");
        assertThat(r.charges()).isEqualByComparingTo("27600.00");
        assertThat(r.interest()).isEqualByComparingTo("0");
        assertThat(r.total()).isEqualByComparingTo("327600.00");
        assertThat(r.dailyAccrual()).isEqualByComparingTo("150.00");
        assertThat(r.includesUnagreedCharges()).isFalse();
        assertThat(r.basis()).contains(Statutes.PENALTY_CLAUSE, Statutes.PAYMENT_ALLOCATION);
        assertThat(r.ledger()).extracting(ClaimCalculator.Line::text).anySatisfy(t -> assertThat(t).contains("184 天").contains("27600"));
    }

    @Test
    void privateLoanInterestThenOverdueAtTheLoanRate() {
        ClaimInput in = input(Kind.PRIVATE_LOAN, "2026-02-01", "50000", List.of(new Due(d("2026-08-01"), m("50000"))), "6", null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-11-28"));
        // 50,000 × 6% × 181/365 = 1,487.67; then 民间借贷规定 §28(二): 50,000 × 6% × 119/365 = 978.08
        assertThat(r.interest()).isEqualByComparingTo("2465.75");
        assertThat(r.total()).isEqualByComparingTo("52465.75");
        assertThat(r.includesUnagreedCharges()).as("the overdue rate was not agreed").isTrue();
        assertThat(r.warnings()).isEmpty();
    }

    @Test
    void oneOffPercentagePenaltyOnTheFirstMissedInstalment() {
        List<Due> plan = List.of(new Due(d("2026-08-31"), m("30000")), new Due(d("2026-09-30"), m("30000")),
                new Due(d("2026-10-31"), m("30000")), new Due(d("2026-11-30"), m("30000")));
        ClaimInput in = input(Kind.SALE, "2026-07-15", "120000", plan, null, null, PenaltyKind.PERCENTAGE, "5", List.of(),
                List.of(new Paid(d("2026-08-30"), m("30000")), new Paid(d("2026-09-29"), m("30000"))), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-11-28"));
        // the third instalment (31 Oct) is missed: 30,000 × 5% = 1,500, charged once; the fourth is not due yet
        assertThat(r.charges()).isEqualByComparingTo("1500.00");
        assertThat(r.principal()).isEqualByComparingTo("60000.00");
        assertThat(r.total()).isEqualByComparingTo("61500.00");
    }

    @Test
    void paymentCoversCostsThenOnlyPartOfTheInterest() {
        ClaimInput in = input(Kind.PRIVATE_LOAN, "2026-01-01", "10000", List.of(new Due(d("2026-07-01"), m("10000"))), "12", null,
                PenaltyKind.NONE, null, List.of(new Cost(d("2026-07-10"), m("500"), "律师费")),
                List.of(new Paid(d("2026-08-01"), m("800"))), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-08-01"));
        // interest: 10,000 × 12% × 181/365 = 595.07; overdue 9 days = 29.59; 22 days = 72.33; total 696.99
        // 800 paid: 500 to the lawyer's fee (costs first, 民法典 §561), 300 to interest, nothing to principal
        ClaimCalculator.Line payment = r.ledger().stream().filter(l -> l.paid().signum() > 0).findFirst().orElseThrow();
        assertThat(payment.toCosts()).isEqualByComparingTo("500");
        assertThat(payment.toInterest()).isEqualByComparingTo("300");
        assertThat(payment.toPrincipal()).isEqualByComparingTo("0");
        assertThat(r.interest()).isEqualByComparingTo("396.99");
        assertThat(r.costs()).isEqualByComparingTo("0");
        assertThat(r.principal()).isEqualByComparingTo("10000");
        assertThat(r.total()).isEqualByComparingTo("10396.99");
        assertThat(r.allocated()).isEqualByComparingTo("800");
    }

    @Test
    void principalFirstWhenThePartiesAgreedSo() {
        ClaimInput in = input(Kind.PRIVATE_LOAN, "2026-01-01", "10000", List.of(new Due(d("2026-07-01"), m("10000"))), "12", null,
                PenaltyKind.NONE, null, List.of(new Cost(d("2026-07-10"), m("500"), "律师费")),
                List.of(new Paid(d("2026-08-01"), m("800"))), 365, Allocation.PRINCIPAL_FIRST);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-08-01"));
        assertThat(r.principal()).isEqualByComparingTo("9200");
        assertThat(r.interest()).isEqualByComparingTo("696.99");
        assertThat(r.costs()).isEqualByComparingTo("500");
    }

    @Test
    void loanRateAboveFourTimesLprIsCutToTheCap() {
        ClaimInput in = input(Kind.PRIVATE_LOAN, "2025-06-01", "10000", List.of(new Due(d("2025-12-01"), m("10000"))), "24", null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2025-12-01"));
        // cap 4 × 3.00% = 12%: 10,000 × 12% × 183/365 = 601.64
        assertThat(r.interest()).isEqualByComparingTo("601.64");
        assertThat(r.warnings()).anySatisfy(w -> assertThat(w).contains("超过上限").contains("12"));
    }

    @Test
    void saleWithoutAgreedPenaltyUsesLprAtBreachPlusThirtyPercent() {
        ClaimInput in = input(Kind.SALE, "2026-01-01", "100000", List.of(new Due(d("2026-05-28"), m("100000"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY);
        ClaimCalculator.Result r = CALC.compute(in, d("2026-11-28"));
        // breach 2026-05-29, LPR 3.00% (published 2026-05-20) × 1.3 = 3.90%: 100,000 × 3.9% × 184/365 = 1,966.03
        assertThat(r.charges()).isEqualByComparingTo("1966.03");
        assertThat(r.includesUnagreedCharges()).isTrue();
        assertThat(r.basis()).contains(Statutes.SALE_LATE_PAYMENT_LOSS);
        ClaimInput in360 = input(Kind.SALE, "2026-01-01", "100000", List.of(new Due(d("2026-05-28"), m("100000"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 360, Allocation.STATUTORY);
        assertThat(CALC.compute(in360, d("2026-11-28")).charges()).isEqualByComparingTo("1993.33"); // × 184/360
    }

    @Test
    void saleBreachBeforeLprUsesThePbocBenchmark() {
        ClaimInput in = input(Kind.SALE, "2019-01-01", "100000", List.of(new Due(d("2019-03-01"), m("100000"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY);
        // benchmark 4.35% × 1.3 = 5.655%: 100,000 × 5.655% × 153/365 = 2,370.45
        assertThat(CALC.compute(in, d("2019-08-01")).charges()).isEqualByComparingTo("2370.45");
    }

    @Test
    void aRateAfterTheTablesEndIsNotGuessed() {
        ClaimInput in = input(Kind.SALE, "2026-09-01", "100000", List.of(new Due(d("2026-10-31"), m("100000"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY);
        assertThatThrownBy(() -> CALC.compute(in, d("2026-11-28"))).isInstanceOf(LprTable.RateUnavailableException.class);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> input(Kind.SALE, "2026-01-01", "100", List.of(new Due(d("2026-02-01"), m("90"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY)).hasMessageContaining("adds up");
        assertThatThrownBy(() -> input(Kind.SALE, "2026-01-01", "100", List.of(new Due(d("2025-02-01"), m("100"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 365, Allocation.STATUTORY)).hasMessageContaining("before the contract");
        assertThatThrownBy(() -> input(Kind.SALE, "2026-01-01", "100", List.of(new Due(d("2026-02-01"), m("100"))), null, null,
                PenaltyKind.NONE, null, List.of(), List.of(), 364, Allocation.STATUTORY)).hasMessageContaining("dayCount");
    }

    @Provide
    Arbitrary<List<Paid>> payments() {
        Arbitrary<Paid> one = Combinators.combine(Arbitraries.integers().between(0, 700), Arbitraries.integers().between(1, 20_000_00))
                .as((day, fen) -> new Paid(d("2025-01-01").plusDays(day), BigDecimal.valueOf(fen, 2)));
        return one.list().ofMaxSize(8);
    }

    @Property(tries = 500)
    void everyPaymentIsAllocatedExactlyOnce(@ForAll("payments") List<Paid> paid) {
        for (Kind kind : List.of(Kind.SALE, Kind.PRIVATE_LOAN)) {
            for (Allocation alloc : Allocation.values()) {
                List<Due> plan = new ArrayList<>(List.of(new Due(d("2025-06-30"), m("30000")), new Due(d("2025-12-31"), m("20000.50"))));
                ClaimInput in = input(kind, "2025-01-01", "50000.50", plan, "8", null, PenaltyKind.DAILY_RATE, "0.03",
                        List.of(new Cost(d("2025-09-01"), m("1200"), "律师费")), paid, 365, alloc);
                ClaimCalculator.Result r = CALC.compute(in, d("2026-08-01"));
                BigDecimal paidTotal = paid.stream().filter(p -> !p.date().isAfter(d("2026-08-01"))).map(Paid::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(r.warnings().stream().filter(w -> w.contains("晚于计算日")).count())
                        .isEqualTo(paid.stream().filter(p -> p.date().isAfter(d("2026-08-01"))).count());
                assertThat(r.allocated()).isEqualByComparingTo(paidTotal);
                assertThat(r.principal()).isBetween(BigDecimal.ZERO, m("50000.50"));
                BigDecimal toPrincipal = r.ledger().stream().map(ClaimCalculator.Line::toPrincipal).reduce(BigDecimal.ZERO, BigDecimal::add);
                assertThat(r.principal().add(toPrincipal)).isEqualByComparingTo("50000.50");
                assertThat(r.interest().signum()).isGreaterThanOrEqualTo(0);
                assertThat(r.charges().signum()).isGreaterThanOrEqualTo(0);
                assertThat(r.costs().signum()).isGreaterThanOrEqualTo(0);
                assertThat(r.total()).isEqualByComparingTo(r.principal().add(r.interest()).add(r.charges()).add(r.costs()));
            }
        }
    }
}
