package cn.huikuan.law;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * Doubled interest for late performance of a judgment (民事诉讼法 §264; 法释〔2014〕8号 §1):
 * unpaid money debt fixed by the judgment (excluding ordinary interest) × 0.0175% per day × days of delay.
 * Rounded to the fen, half-up. (0.000175 × 365 = 6.3875% a year.)
 */
public final class LatePerformance {
    public static final BigDecimal DAILY_RATE = new BigDecimal("0.000175");

    /** {@code formulaEn}: the formula in English (issue 21). */
    public record Result(BigDecimal amount, long days, BigDecimal interest, String formula, List<Citation> basis, String formulaEn) {
        /** The formula in the app's language ("en" or "zh"). */
        public String formula(String language) {
            return "en".equals(language) ? formulaEn : formula;
        }
    }

    private LatePerformance() {
    }

    public static Result compute(BigDecimal unpaid, long days) {
        if (unpaid == null || unpaid.signum() <= 0) throw new IllegalArgumentException("the amount must be more than 0 / 金额必须大于 0");
        if (days < 0) throw new IllegalArgumentException("days must not be negative / 天数不能为负");
        BigDecimal interest = unpaid.multiply(DAILY_RATE).multiply(BigDecimal.valueOf(days)).setScale(2, RoundingMode.HALF_UP);
        String figures = CourtFees.plain(unpaid) + " × 0.0175% × " + days;
        return new Result(unpaid.setScale(2, RoundingMode.HALF_UP), days, interest, figures + " 天 = " + interest.toPlainString(),
                List.of(Statutes.DOUBLE_INTEREST, Statutes.DOUBLE_INTEREST_FORMULA), figures + " days = " + interest.toPlainString());

    }
}
