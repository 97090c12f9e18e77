package cn.huikuan.law;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The interest a court supports on a private loan (民间借贷).
 * <ul>
 *   <li>民间借贷规定 (法释〔2020〕17号) §25: an agreed rate is supported up to four times the one-year LPR
 *   in force when the contract was formed; §28/§29 apply the same cap to overdue interest and to overdue
 *   interest, penalty and fees combined.</li>
 *   <li>§31 (transition): for a contract formed before 2020-08-20, interest up to 2020-08-19 follows the
 *   rules then in force (法释〔2015〕18号 §26: 24% a year supported), and interest from 2020-08-20 on is
 *   capped at four times the one-year LPR at the time of suit (起诉时).</li>
 * </ul>
 */
public final class RateCaps {
    public static final LocalDate NEW_RULES = LocalDate.of(2020, 8, 20);
    public static final BigDecimal OLD_CAP = new BigDecimal("24.00");
    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    /** One period with its cap; {@code to} null means "until repaid". {@code textEn}: the text in English (issue 21). */
    public record Segment(LocalDate from, LocalDate to, BigDecimal cap, BigDecimal supportedRate, String text, Citation basis, String textEn) {
        /** The text in the app's language ("en" or "zh"). */
        public String text(String language) {
            return "en".equals(language) ? textEn : text;
        }
    }

    /** {@code notesEn}: the notes in English, in the same order (issue 21). */
    public record Result(BigDecimal agreedRate, BigDecimal cap, BigDecimal supportedRate, boolean exceeds, List<Segment> segments,
                         List<String> notes, List<String> notesEn) {
        /** The notes in the app's language ("en" or "zh"). */
        public List<String> notes(String language) {
            return "en".equals(language) ? notesEn : notes;
        }
    }

    private final LprTable lpr;

    public RateCaps(LprTable lpr) {
        this.lpr = lpr;
    }

    /**
     * @param contractDate when the loan contract was formed
     * @param agreedRate   percent a year
     * @param filingDate   when suit is (or would be) filed; only used for contracts before 2020-08-20
     */
    public Result privateLoan(LocalDate contractDate, BigDecimal agreedRate, LocalDate filingDate) {
        if (agreedRate.signum() < 0) throw new IllegalArgumentException("rate must not be negative / 利率不能为负");
        List<Segment> segments = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<String> notesEn = new ArrayList<>();
        if (!contractDate.isBefore(NEW_RULES)) {
            LprTable.Row row = lpr.inForceOn(contractDate);
            BigDecimal cap = row.oneYear().multiply(FOUR).setScale(2, RoundingMode.HALF_UP);
            segments.add(new Segment(contractDate, null, cap, agreedRate.min(cap),
                    "合同成立日 " + contractDate + " 适用的一年期 LPR 为 " + row.oneYear().toPlainString() + "%（" + row.published() + " 发布），4 倍为 "
                            + cap.toPlainString() + "%", Statutes.LOAN_RATE_CAP,
                    "The one-year LPR in force on the contract date " + contractDate + " is " + row.oneYear().toPlainString() + "% (published "
                            + row.published() + "); 4 times that is " + cap.toPlainString() + "%"));
            return result(agreedRate, cap, segments, notes, notesEn);
        }
        segments.add(new Segment(contractDate, NEW_RULES.minusDays(1), OLD_CAP, agreedRate.min(OLD_CAP),
                "合同成立于 2020-08-20 之前：成立至 2020-08-19 的利息按当时的司法解释，年利率 24% 以内予以支持", Statutes.LOAN_RATE_CAP_2015,
                "The contract was formed before 2020-08-20: interest up to 2020-08-19 follows the judicial interpretation then in force,"
                        + " supported up to 24% a year"));
        notes.add("依《民间借贷规定》第三十一条，2020-08-20 之前成立的合同分段计算");
        notesEn.add("Under " + Statutes.LOAN_TRANSITION.en() + ", a contract formed before 2020-08-20 is computed in two periods");
        LprTable.Row atFiling = lpr.inForceOn(filingDate);
        BigDecimal cap = atFiling.oneYear().multiply(FOUR).setScale(2, RoundingMode.HALF_UP);
        segments.add(new Segment(NEW_RULES, null, cap, agreedRate.min(cap),
                "2020-08-20 起的利息按起诉时（" + filingDate + "）一年期 LPR " + atFiling.oneYear().toPlainString() + "% 的 4 倍即 "
                        + cap.toPlainString() + "% 为限", Statutes.LOAN_TRANSITION,
                "Interest from 2020-08-20 on is capped at 4 times the one-year LPR at filing (" + filingDate + "), "
                        + atFiling.oneYear().toPlainString() + "%, that is " + cap.toPlainString() + "%"));
        if (agreedRate.compareTo(new BigDecimal("36")) > 0) {
            notes.add("约定年利率超过 36%：按 2015 年规定，超过部分的利息约定无效，已付的可以请求返还");
            notesEn.add("The agreed rate is above 36% a year: under the 2015 Provisions, the agreement on interest above that is void,"
                    + " and interest paid above it can be claimed back");
        }
        return result(agreedRate, cap, segments, notes, notesEn);
    }

    private static Result result(BigDecimal agreedRate, BigDecimal currentCap, List<Segment> segments, List<String> notes, List<String> notesEn) {
        boolean exceeds = segments.stream().anyMatch(s -> agreedRate.compareTo(s.cap()) > 0);
        Segment current = segments.get(segments.size() - 1);
        return new Result(agreedRate.setScale(2, RoundingMode.HALF_UP), currentCap, current.supportedRate().setScale(2, RoundingMode.HALF_UP),
                exceeds, segments, notes, notesEn);
    }

}
