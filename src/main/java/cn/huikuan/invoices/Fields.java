package cn.huikuan.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Amounts, dates and numbers as invoices write them, read strictly: anything else is unreadable, never guessed. */
final class Fields {
    private Fields() {
    }

    /** Largest amount accepted (ten billion yuan, as Money.MAX_AMOUNT). */
    static final BigDecimal MAX = new BigDecimal("10000000000.00");

    /** "113000.00", "¥113,000.00", "-113000"; scale 2 exactly; null for null. */
    static BigDecimal amount(String text, String what) {
        if (text == null) return null;
        String t = text.strip().replace("¥", "").replace("￥", "").replace(",", "").replace("，", "").replace(" ", "");
        try {
            BigDecimal v = new BigDecimal(t);
            if (v.stripTrailingZeros().scale() > 2) throw new InvoiceUnreadable(what + "超过两位小数：" + text + " / " + what + " has more than two decimals");
            if (v.abs().compareTo(MAX) > 0) throw new InvoiceUnreadable(what + "过大：" + text + " / " + what + " too large");
            return v.setScale(2, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new InvoiceUnreadable(what + "不是金额：" + text + " / " + what + " is not an amount");
        }
    }

    private static final Pattern DATE = Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[T\\s].*)?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})(?:\\d{6})?");

    /** 2026-05-28, 2026-05-28 10:00:00, 2026-05-28T10:00:00, 2026年05月28日, 20260528(hhmmss). */
    static LocalDate date(String text, String what) {
        if (text == null) return null;
        String t = text.strip();
        Matcher m = DATE.matcher(t);
        Matcher c = COMPACT.matcher(t);
        try {
            if (m.matches()) return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (c.matches()) return LocalDate.of(Integer.parseInt(c.group(1)), Integer.parseInt(c.group(2)), Integer.parseInt(c.group(3)));
        } catch (DateTimeException e) {
            // falls through to the refusal
        }
        throw new InvoiceUnreadable(what + "不是日期：" + text + " / " + what + " is not a date");
    }

    /** An identification number as compared: no spaces, upper case; null when blank. */
    static String id(String text) {
        if (text == null) return null;
        String t = text.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return t.isEmpty() ? null : t;
    }

    /** 被红冲蓝字数电发票号码：24322000000012345678 (the platform's remark on a credit invoice), or null. */
    private static final Pattern CREDIT_OF = Pattern.compile("(?:被红冲|对应正数|原)(?:蓝字)?(?:数电|全电)?(?:发票)?(?:号码)?[：:\\s]*(\\d{8,20})");

    static String creditOf(String text) {
        if (text == null) return null;
        Matcher m = CREDIT_OF.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    static String require(String value, String what) {
        if (value == null || value.isBlank()) throw new InvoiceUnreadable("没有找到" + what + " / no " + english(what) + " found");
        return value;
    }

    static <T> T require(T value, String what) {
        if (value == null) throw new InvoiceUnreadable("没有找到" + what + " / no " + english(what) + " found");
        return value;
    }

    private static String english(String what) {
        return switch (what) {
            case "发票号码" -> "invoice number";
            case "开票日期" -> "issue date";
            case "销售方名称" -> "seller name";
            case "购买方名称" -> "buyer name";
            case "价税合计" -> "tax-included total";
            default -> what;
        };
    }
}
