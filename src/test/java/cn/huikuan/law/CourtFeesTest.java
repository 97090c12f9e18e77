package cn.huikuan.law;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import org.assertj.core.data.Offset;

/** 诉讼费用交纳办法 §13–§16, worked by hand at every tier boundary (FACTS.md §4). */
class CourtFeesTest {
    static BigDecimal fee(CourtFees.Kind kind, String amount) {
        return CourtFees.compute(kind, new BigDecimal(amount), false).fee();
    }

    @ParameterizedTest(name = "case fee for {0} is {1}")
    @CsvSource({
            "1,50.00", "10000,50.00", "10000.01,50.00", "10040,51.00",
            "100000,2300.00",      // 50 + 90,000 × 2.5%
            "200000,4300.00",      // + 100,000 × 2%
            "300000,5800.00",      // the seed's 300,000: + 100,000 × 1.5%
            "500000,8800.00",      // + 300,000 × 1.5%
            "1000000,13800.00",    // + 500,000 × 1%
            "2000000,22800.00",    // + 1,000,000 × 0.9%
            "5000000,46800.00",    // + 3,000,000 × 0.8%
            "10000000,81800.00",   // + 5,000,000 × 0.7%
            "20000000,141800.00",  // + 10,000,000 × 0.6%
            "30000000,191800.00"}) // + 10,000,000 × 0.5%
    void propertyCaseFeeByTier(String amount, String expected) {
        assertThat(fee(CourtFees.Kind.CASE, amount)).isEqualByComparingTo(expected);
    }

    @Test
    void simpleProcedureAndMediationHalveTheCaseFee() {
        CourtFees.Result r = CourtFees.compute(CourtFees.Kind.CASE, new BigDecimal("300000"), true);
        assertThat(r.fee()).isEqualByComparingTo("2900.00");
        assertThat(r.basis()).contains(Statutes.FEE_HALF_SIMPLE, Statutes.FEE_HALF_MEDIATION);
        assertThat(CourtFees.compute(CourtFees.Kind.CASE, new BigDecimal("5000"), true).fee()).isEqualByComparingTo("25.00");
    }

    @ParameterizedTest
    @CsvSource({"100000,766.67", "10000,16.67", "300000,1933.33", "1000000,4600.00"})
    void paymentOrderIsOneThirdOfTheCaseFee(String amount, String expected) {
        CourtFees.Result r = CourtFees.compute(CourtFees.Kind.PAYMENT_ORDER, new BigDecimal(amount), false);
        assertThat(r.fee()).isEqualByComparingTo(expected);
        assertThat(r.steps().get(r.steps().size() - 1).text()).contains("1/3");
    }

    @ParameterizedTest
    @CsvSource({"500,30.00", "1000,30.00", "1100,31.00", "100000,1020.00", "300000,2020.00", "895999,4999.995", "896000,5000.00",
            "900000,5000.00", "50000000,5000.00"})
    void preservationFeeIsCappedAtFiveThousand(String amount, String expected) {
        assertThat(fee(CourtFees.Kind.PRESERVATION, amount)).isEqualByComparingTo(new BigDecimal(expected).setScale(2, RoundingMode.HALF_UP));
    }

    @ParameterizedTest
    @CsvSource({"10000,50.00", "500000,7400.00", "5000000,52400.00", "10000000,77400.00", "20000000,87400.00", "300000,4400.00"})
    void enforcementFeeByTier(String amount, String expected) {
        assertThat(fee(CourtFees.Kind.ENFORCEMENT, amount)).isEqualByComparingTo(expected);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> CourtFees.compute(CourtFees.Kind.CASE, BigDecimal.ZERO, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CourtFees.compute(CourtFees.Kind.PRESERVATION, BigDecimal.TEN, true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** The closed forms of FACTS.md §4, derived independently of the tier walk. */
    static BigDecimal closedForm(BigDecimal a) {
        double x = a.doubleValue();
        double f = x <= 10_000 ? 50 : x <= 100_000 ? 0.025 * x - 200 : x <= 200_000 ? 0.02 * x + 300 : x <= 500_000 ? 0.015 * x + 1300
                : x <= 1_000_000 ? 0.01 * x + 3800 : x <= 2_000_000 ? 0.009 * x + 4800 : x <= 5_000_000 ? 0.008 * x + 6800
                : x <= 10_000_000 ? 0.007 * x + 11800 : x <= 20_000_000 ? 0.006 * x + 21800 : 0.005 * x + 41800;
        return BigDecimal.valueOf(f).setScale(2, RoundingMode.HALF_UP);
    }

    @Property(tries = 1000)
    void caseFeeEqualsTheClosedForms(@ForAll @BigRange(min = "0.01", max = "50000000") @Scale(2) BigDecimal amount) {
        assertThat(fee(CourtFees.Kind.CASE, amount.toPlainString())).isCloseTo(closedForm(amount), Offset.offset(new BigDecimal("0.01")));
    }

    @Property(tries = 1000)
    void feesNeverFallWhenTheAmountRises(@ForAll @BigRange(min = "0.01", max = "50000000") @Scale(2) BigDecimal a,
                                         @ForAll @BigRange(min = "0", max = "1000000") @Scale(2) BigDecimal more) {
        BigDecimal b = a.add(more);
        for (CourtFees.Kind k : CourtFees.Kind.values()) {
            assertThat(fee(k, b.toPlainString())).as(k + " " + a + " → " + b).isGreaterThanOrEqualTo(fee(k, a.toPlainString()));
        }
    }

    @Property(tries = 300)
    void preservationNeverExceedsTheCap(@ForAll @BigRange(min = "0.01", max = "9000000000") @Scale(2) BigDecimal a) {
        assertThat(fee(CourtFees.Kind.PRESERVATION, a.toPlainString())).isLessThanOrEqualTo(new BigDecimal("5000"));
    }
}
