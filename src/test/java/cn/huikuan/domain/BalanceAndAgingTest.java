package cn.huikuan.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BalanceAndAgingTest {
    static final LocalDate DUE = LocalDate.of(2026, 5, 28);

    @Test
    void seedCaseOnTheDayItFellDueIsZeroDaysOverdue() {
        Balance b = Balance.of(Money.of("500000"), List.of(new Instalment(DUE, Money.of("500000"))), Money.of("200000"), DUE);
        assertThat(b.outstanding()).isEqualByComparingTo("300000");
        assertThat(b.daysOverdue()).isZero();
        assertThat(b.bucket()).isEqualTo(AgingBucket.D0_30);
    }

    @Test
    void dayBeforeDueIsNotDue() {
        Balance b = Balance.of(Money.of("500000"), List.of(new Instalment(DUE, Money.of("500000"))), Money.ZERO, DUE.minusDays(1));
        assertThat(b.bucket()).isEqualTo(AgingBucket.NOT_DUE);
        assertThat(b.overdueSince()).isNull();
    }

    @Test
    void paidInFullIsSettledWhateverTheDate() {
        Balance b = Balance.of(Money.of("100"), List.of(new Instalment(DUE, Money.of("100"))), Money.of("100"), DUE.plusYears(3));
        assertThat(b.bucket()).isEqualTo(AgingBucket.SETTLED);
        assertThat(b.outstanding()).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @CsvSource({"0,D0_30", "30,D0_30", "31,D31_90", "90,D31_90", "91,D91_180", "180,D91_180", "181,D181_365", "365,D181_365",
            "366,OVER_365", "5000,OVER_365", "-1,NOT_DUE"})
    void bucketBoundaries(long days, AgingBucket expected) {
        assertThat(AgingBucket.ofDaysOverdue(days)).isEqualTo(expected);
    }

    @Test
    void paymentsCoverTheEarliestInstalmentsFirst() {
        List<Instalment> plan = Instalment.evenSchedule(Money.of("120000"), 4, LocalDate.of(2026, 8, 31), 1);
        // paid 60,000 = first two instalments; the third (31 Oct) is the first unpaid one
        Balance b = Balance.of(Money.of("120000"), plan, Money.of("60000"), LocalDate.of(2026, 11, 28));
        assertThat(b.overdueSince()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(b.daysOverdue()).isEqualTo(28);
        assertThat(Balance.overdueAmount(plan, Money.of("60000"), LocalDate.of(2026, 11, 28))).isEqualByComparingTo("30000");
        // a partial payment of the third leaves it the first unpaid one
        Balance partial = Balance.of(Money.of("120000"), plan, Money.of("75000"), LocalDate.of(2026, 11, 28));
        assertThat(partial.overdueSince()).isEqualTo(LocalDate.of(2026, 10, 31));
        assertThat(Balance.overdueAmount(plan, Money.of("75000"), LocalDate.of(2026, 11, 28))).isEqualByComparingTo("15000");
    }

    @Test
    void evenScheduleAddsUpAndKeepsMonthEnds() {
        List<Instalment> plan = Instalment.evenSchedule(Money.of("1000"), 3, LocalDate.of(2026, 1, 31), 1);
        assertThat(plan).extracting(Instalment::getDueDate)
                .containsExactly(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 28), LocalDate.of(2026, 3, 31));
        assertThat(plan).extracting(Instalment::getAmount).containsExactly(Money.of("333.33"), Money.of("333.33"), Money.of("333.34"));
        assertThat(plan.stream().map(Instalment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("1000");
        assertThatThrownBy(() -> Instalment.evenSchedule(Money.of("1000"), 0, LocalDate.of(2026, 1, 31), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
