package cn.huikuan.workflow;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * Reminder messages for WeChat, SMS or e-mail, polite to firm, filled from the case. Every one is lawful as
 * written (tested against the conduct guard): facts, a date, an offer to talk, and at most the lawful next
 * step.
 */
public final class ReminderTemplates {
    public enum Tone { POLITE, FIRM, FINAL }

    /** What a message needs to know about the case. */
    public record Facts(String creditor, String debtor, String what, BigDecimal outstanding, LocalDate dueDate, LocalDate payBy,
                        String phone) {
    }

    private ReminderTemplates() {
    }

    public static String render(Tone tone, Facts f) {
        String amount = String.format("%,.2f", f.outstanding().setScale(2, RoundingMode.HALF_UP)) + "元";
        String due = date(f.dueDate());
        String by = date(f.payBy());
        return switch (tone) {
            case POLITE -> f.debtor() + "您好，我是" + f.creditor() + "。" + f.what() + "的款项" + amount + "已于" + due
                    + "到期，麻烦您看一下安排付款的时间。如果近期有困难，也可以和我说一下，我们商量个办法。谢谢！";
            case FIRM -> f.debtor() + "您好，" + f.what() + "的欠款" + amount + "自" + due + "到期至今仍未支付。请您在" + by
                    + "前付款，或者在这之前给我一个明确的还款计划（可以分期）。联系电话：" + f.phone() + "。";
            case FINAL -> f.debtor() + "您好，" + f.what() + "的欠款" + amount + "自" + due + "到期，已逾期较长时间，我们多次联系未能解决。请您务必在" + by
                    + "前付款或与我们协商还款方案；逾期我方将依法申请支付令或向人民法院起诉，届时还会产生诉讼费等费用。希望我们能协商解决。"
                    + f.creditor() + "，电话：" + f.phone() + "。";
        };
    }

    private static String date(LocalDate d) {
        return d == null ? "约定日期" : d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日";
    }
}
