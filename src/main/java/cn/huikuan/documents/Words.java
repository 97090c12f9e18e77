package cn.huikuan.documents;

import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.law.ChineseNumerals;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/** How documents write dates, money and blanks. */
final class Words {
    static final String BLANK = "____________";

    private Words() {
    }

    static String date(LocalDate d) {
        return d == null ? "____年__月__日" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }

    /** "300,000.00". */
    static String figures(BigDecimal v) {
        return String.format("%,.2f", (v == null ? BigDecimal.ZERO : v).setScale(2, RoundingMode.HALF_UP));
    }

    /** "人民币300,000.00元（大写：叁拾万元整）". */
    static String yuan(BigDecimal v) {
        BigDecimal x = v == null ? BigDecimal.ZERO : v;
        return "人民币" + figures(x) + "元（大写：" + ChineseNumerals.rmb(x).substring(3) + "）";
    }

    /** "300,000.00元". */
    static String yuanShort(BigDecimal v) {
        return figures(v) + "元";
    }

    static String orBlank(String s) {
        return s == null || s.isBlank() ? BLANK : s.strip();
    }

    static String orNone(String s) {
        return s == null || s.isBlank() ? "无" : s.strip();
    }

    static String phone(Customer c) {
        return c.getContacts().stream().filter(m -> m.getKind() == ContactMethod.Kind.PHONE).map(ContactMethod::getValue)
                .findFirst().orElse(BLANK);
    }

    static String numberLabel(PartyKind k) {
        return k == PartyKind.PERSON ? "公民身份号码" : "统一社会信用代码";
    }

    /** A percent a day as the contract and courts say it: 0.05 → "每日万分之五（0.05%）". */
    static String dailyRate(BigDecimal percent) {
        BigDecimal perTenThousand = percent.multiply(BigDecimal.valueOf(100)).stripTrailingZeros();
        String words = perTenThousand.scale() <= 0 && perTenThousand.intValueExact() > 0 && perTenThousand.intValueExact() < 10_000
                ? "万分之" + ChineseNumerals.of(perTenThousand.intValueExact()) : null;
        String pct = percent.stripTrailingZeros().toPlainString() + "%";
        return words == null ? "每日" + pct : "每日" + words + "（" + pct + "）";
    }

    static String percent(BigDecimal p) {
        return p.stripTrailingZeros().toPlainString() + "%";
    }
}
