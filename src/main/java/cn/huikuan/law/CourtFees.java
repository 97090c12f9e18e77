package cn.huikuan.law;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Court fees under 诉讼费用交纳办法 (国务院令第481号, in force 2007-04-01).
 * <ul>
 *   <li>§13(一): property cases, cumulative by tier (分段累计).</li>
 *   <li>§14(一): enforcement applications; §14(二): preservation, at most 5,000 yuan; §14(三): a payment
 *   order is charged one third of the property-case fee.</li>
 *   <li>§15 (mediation or withdrawal) and §16 (simple procedure): the case fee is halved.</li>
 * </ul>
 * Tiers are computed exactly; the result is rounded once, to the fen, half-up. How courts round the
 * 1/3 of a payment order varies in practice (FACTS.md §4: [U]); the table says which rounding was used.
 */
public final class CourtFees {
    public static final String ROUNDING = "按分四舍五入（最后一步取整）/ rounded half-up to the fen, once, at the end";

    public enum Kind { CASE, PAYMENT_ORDER, PRESERVATION, ENFORCEMENT }

    /** One line of the calculation table, in Chinese and in English (issue 21), built by one rule from the same figures. */
    public record Step(String text, BigDecimal amount, String textEn) {
        /** The line in the app's language ("en" or "zh"). */
        public String text(String language) {
            return "en".equals(language) ? textEn : text;
        }
    }

    public record Result(Kind kind, BigDecimal claim, BigDecimal fee, List<Step> steps, List<Citation> basis, String rounding) {
    }

    private record Tier(BigDecimal upTo, BigDecimal rate) {
    }

    private static final BigDecimal TEN_K = new BigDecimal("10000");
    private static final List<Tier> CASE_TIERS = List.of(
            new Tier(new BigDecimal("100000"), new BigDecimal("0.025")),
            new Tier(new BigDecimal("200000"), new BigDecimal("0.02")),
            new Tier(new BigDecimal("500000"), new BigDecimal("0.015")),
            new Tier(new BigDecimal("1000000"), new BigDecimal("0.01")),
            new Tier(new BigDecimal("2000000"), new BigDecimal("0.009")),
            new Tier(new BigDecimal("5000000"), new BigDecimal("0.008")),
            new Tier(new BigDecimal("10000000"), new BigDecimal("0.007")),
            new Tier(new BigDecimal("20000000"), new BigDecimal("0.006")),
            new Tier(null, new BigDecimal("0.005")));
    private static final List<Tier> ENFORCEMENT_TIERS = List.of(
            new Tier(new BigDecimal("500000"), new BigDecimal("0.015")),
            new Tier(new BigDecimal("5000000"), new BigDecimal("0.01")),
            new Tier(new BigDecimal("10000000"), new BigDecimal("0.005")),
            new Tier(null, new BigDecimal("0.001")));
    private static final List<Tier> PRESERVATION_TIERS = List.of(
            new Tier(new BigDecimal("100000"), new BigDecimal("0.01")),
            new Tier(null, new BigDecimal("0.005")));
    public static final BigDecimal PRESERVATION_CAP = new BigDecimal("5000");

    private CourtFees() {
    }

    public static Result compute(Kind kind, BigDecimal claim, boolean halved) {
        if (claim == null || claim.signum() <= 0) throw new IllegalArgumentException("the amount must be more than 0 / 金额必须大于 0");
        if (halved && kind != Kind.CASE) throw new IllegalArgumentException("only the case fee is halved (§15, §16) / 只有案件受理费可以减半（第十五条、第十六条）");
        List<Step> steps = new ArrayList<>();
        List<Citation> basis = new ArrayList<>();
        BigDecimal fee;
        switch (kind) {
            case CASE -> {
                fee = tiered(claim, TEN_K, new BigDecimal("50"), CASE_TIERS, steps);
                basis.add(Statutes.FEE_PROPERTY_CASE);
                if (halved) {
                    fee = fee.divide(BigDecimal.valueOf(2), 10, RoundingMode.HALF_UP);
                    steps.add(new Step("减半交纳（简易程序 §16，或调解结案、撤诉 §15）", fee,
                            "Halved (simple procedure, Art. 16; or a case settled by mediation or withdrawn, Art. 15)"));
                    basis.add(Statutes.FEE_HALF_SIMPLE);
                    basis.add(Statutes.FEE_HALF_MEDIATION);
                }
            }
            case PAYMENT_ORDER -> {
                BigDecimal full = tiered(claim, TEN_K, new BigDecimal("50"), CASE_TIERS, steps);
                fee = full.divide(BigDecimal.valueOf(3), 10, RoundingMode.HALF_UP);
                steps.add(new Step("支付令比照财产案件受理费标准的 1/3 交纳：" + plain(full) + " ÷ 3", fee,
                        "A payment order pays 1/3 of the property-case fee: " + plain(full) + " ÷ 3"));
                basis.add(Statutes.FEE_PROPERTY_CASE);
                basis.add(Statutes.FEE_APPLICATIONS);
            }
            case ENFORCEMENT -> {
                fee = tiered(claim, TEN_K, new BigDecimal("50"), ENFORCEMENT_TIERS, steps);
                basis.add(Statutes.FEE_APPLICATIONS);
            }
            case PRESERVATION -> {
                fee = tiered(claim, new BigDecimal("1000"), new BigDecimal("30"), PRESERVATION_TIERS, steps);
                if (fee.compareTo(PRESERVATION_CAP) > 0) {
                    steps.add(new Step("保全申请费最多不超过 5,000 元（§14(二)）", PRESERVATION_CAP,
                            "The preservation fee is at most CNY 5,000 (Art. 14(2))"));
                    fee = PRESERVATION_CAP;
                }
                basis.add(Statutes.FEE_APPLICATIONS);
            }
            default -> throw new IllegalStateException();
        }
        BigDecimal rounded = fee.setScale(2, RoundingMode.HALF_UP);
        return new Result(kind, claim.setScale(2, RoundingMode.HALF_UP), rounded, steps, basis, ROUNDING);
    }

    private static BigDecimal tiered(BigDecimal claim, BigDecimal flatUpTo, BigDecimal flat, List<Tier> tiers, List<Step> steps) {
        BigDecimal total = flat;
        steps.add(new Step("不超过 " + plain(flatUpTo) + " 元的部分：每件 " + plain(flat) + " 元", flat,
                "Up to CNY " + plain(flatUpTo) + ": CNY " + plain(flat) + " per case"));
        BigDecimal lower = flatUpTo;
        for (Tier t : tiers) {
            if (claim.compareTo(lower) <= 0) break;
            BigDecimal top = t.upTo() == null ? claim : claim.min(t.upTo());
            BigDecimal part = top.subtract(lower);
            BigDecimal amount = part.multiply(t.rate());
            total = total.add(amount);
            String f = plain(part) + " × " + plain(t.rate().movePointRight(2)) + "%";
            steps.add(new Step("超过 " + plain(lower) + " 元至 " + plain(top) + " 元的部分：" + f, amount,
                    "Above CNY " + plain(lower) + " up to CNY " + plain(top) + ": " + f));

            lower = top;
        }
        return total;
    }

    static String plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }
}
