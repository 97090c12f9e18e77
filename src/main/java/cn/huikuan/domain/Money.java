package cn.huikuan.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Money rules for CNY amounts. Amounts are {@link BigDecimal} with scale 2 (fen); intermediate
 * results may carry more digits and are rounded once, with {@link #ROUNDING} (half-up, as courts'
 * fee tables and judgments print them).
 */
public final class Money {
    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);
    /** Largest amount an editor accepts: 10 billion yuan. Anything above is taken as a typing error. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("10000000000.00");

    private Money() {
    }

    public static BigDecimal of(String plain) {
        return new BigDecimal(plain).setScale(SCALE, ROUNDING);
    }

    public static BigDecimal round(BigDecimal value) {
        return value.setScale(SCALE, ROUNDING);
    }

    public static BigDecimal nz(BigDecimal value) {
        return value == null ? ZERO : value;
    }

    /**
     * Parses what a user typed as an amount: digits with an optional decimal point and at most two
     * decimals; thousands separators (",", "，") and a leading "¥"/"￥" and trailing "元" are allowed.
     * Returns the error key when the text is not an acceptable positive amount.
     */
    public static Parsed parsePositive(String field, String text) {
        if (text == null || text.isBlank()) {
            return Parsed.fail(FieldError.error(field, "validation.required"));
        }
        String t = text.strip().replace(",", "").replace("，", "").replace(" ", "");
        if (t.startsWith("¥") || t.startsWith("￥")) t = t.substring(1);
        if (t.endsWith("元")) t = t.substring(0, t.length() - 1);
        if (!t.matches("[+-]?\\d+(\\.\\d*)?")) {
            return Parsed.fail(FieldError.error(field, "validation.amount.notNumber"));
        }
        BigDecimal v = new BigDecimal(t);
        if (v.scale() > SCALE && v.stripTrailingZeros().scale() > SCALE) {
            return Parsed.fail(FieldError.error(field, "validation.amount.tooManyDecimals"));
        }
        if (v.signum() <= 0) {
            return Parsed.fail(FieldError.error(field, "validation.amount.notPositive"));
        }
        if (v.compareTo(MAX_AMOUNT) > 0) {
            return Parsed.fail(FieldError.error(field, "validation.amount.tooLarge", MAX_AMOUNT.toPlainString()));
        }
        return new Parsed(v.setScale(SCALE, ROUNDING), null);
    }

    /** Checks an amount that came in already parsed (from the database, a file, an API). */
    public static Optional<FieldError> checkPositive(String field, BigDecimal v) {
        if (v == null) return Optional.of(FieldError.error(field, "validation.required"));
        if (v.stripTrailingZeros().scale() > SCALE) return Optional.of(FieldError.error(field, "validation.amount.tooManyDecimals"));
        if (v.signum() <= 0) return Optional.of(FieldError.error(field, "validation.amount.notPositive"));
        if (v.compareTo(MAX_AMOUNT) > 0) return Optional.of(FieldError.error(field, "validation.amount.tooLarge", MAX_AMOUNT.toPlainString()));
        return Optional.empty();
    }

    /** Formats as "¥1,234.50". */
    public static String format(BigDecimal v) {
        if (v == null) return "";
        return String.format("¥%,.2f", v.setScale(SCALE, ROUNDING));
    }

    public record Parsed(BigDecimal value, FieldError error) {
        static Parsed fail(FieldError e) {
            return new Parsed(null, e);
        }

        public boolean ok() {
            return error == null;
        }
    }
}
