package cn.huikuan.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import java.math.BigDecimal;

class MoneyTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "300000|300000.00", "300,000.50|300000.50", "￥1,000|1000.00", "¥ 12.3|12.30", "500元|500.00", "0.01|0.01",
            "1.500|1.50", "10000000000|10000000000.00"})
    void acceptsWhatPeopleType(String typed, String expected) {
        Money.Parsed p = Money.parsePositive("amount", typed);
        assertThat(p.ok()).isTrue();
        assertThat(p.value()).isEqualByComparingTo(expected);
        assertThat(p.value().scale()).isEqualTo(2);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''|validation.required", "abc|validation.amount.notNumber", "十万|validation.amount.notNumber", "1.234|validation.amount.tooManyDecimals",
            "0|validation.amount.notPositive", "-5|validation.amount.notPositive", "10000000000.01|validation.amount.tooLarge",
            "1e5|validation.amount.notNumber", "12.5.1|validation.amount.notNumber"})
    void refusesWhatIsNotAnAmount(String typed, String key) {
        Money.Parsed p = Money.parsePositive("amount", typed);
        assertThat(p.ok()).isFalse();
        assertThat(p.error().messageKey()).isEqualTo(key);
        assertThat(p.error().field()).isEqualTo("amount");
    }

    @Test
    void formatsWithThousandsSeparatorAndFen() {
        assertThat(Money.format(Money.of("300000"))).isEqualTo("¥300,000.00");
        assertThat(Money.format(new BigDecimal("0.005"))).isEqualTo("¥0.01");
    }
}
