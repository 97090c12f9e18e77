package cn.huikuan.law;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/** Capitals worked by hand from the rules of 《正确填写票据和结算凭证的基本规定》 (examples given there included). */
class ChineseNumeralsTest {
    @ParameterizedTest
    @CsvSource({
            "300000,       人民币叁拾万元整",
            "500000.00,    人民币伍拾万元整",
            "1409.50,      人民币壹仟肆佰零玖元伍角",       // the rule's own example: ¥1,409.50
            "6007.14,      人民币陆仟零柒元壹角肆分",       // ¥6,007.14
            "1680.32,      人民币壹仟陆佰捌拾元叁角贰分",       // ¥1,680.32 (the rule allows 零 here; we write none)
            "107000.53,    人民币壹拾万柒仟元伍角叁分",     // ¥107,000.53 (零 after 元 optional; we write none)
            "16409.02,     人民币壹万陆仟肆佰零玖元零贰分", // ¥16,409.02
            "325.04,       人民币叁佰贰拾伍元零肆分",       // ¥325.04
            "10010,        人民币壹万零壹拾元整",
            "100000005,    人民币壹亿零伍元整",
            "100001000,    人民币壹亿零壹仟元整",
            "1000000,      人民币壹佰万元整",
            "0.5,          人民币伍角",
            "0.05,         人民币伍分",
            "0,            人民币零元整",
            "1234567.89,   人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分",
            "0.005,        人民币壹分",
    })
    void capitals(String figures, String capitals) {
        assertThat(ChineseNumerals.rmb(new BigDecimal(figures))).isEqualTo(capitals);
    }
}
