package cn.huikuan.law;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Article numbers as Chinese statutes write them (85 → 八十五, 1033 → 一千零三十三), and money in the
 * financial capitals courts and banks require next to the figures (300000.00 → 人民币叁拾万元整), written
 * by the rules of 《支付结算办法》附件一《正确填写票据和结算凭证的基本规定》: a 零 for each gap of zeros,
 * 整 after 元, nothing after 分.
 */
public final class ChineseNumerals {
    private static final String DIGITS = "零一二三四五六七八九";

    private ChineseNumerals() {
    }

    public static String article(int n) {
        return "第" + of(n) + "条";
    }

    public static String of(int n) {
        if (n <= 0 || n >= 10_000) throw new IllegalArgumentException("only 1..9999: " + n);
        int thousands = n / 1000, hundreds = n / 100 % 10, tens = n / 10 % 10, ones = n % 10;
        StringBuilder sb = new StringBuilder();
        if (thousands > 0) sb.append(DIGITS.charAt(thousands)).append('千');
        if (hundreds > 0) sb.append(DIGITS.charAt(hundreds)).append('百');
        else if (thousands > 0 && (tens > 0 || ones > 0)) sb.append('零');
        if (tens > 0) {
            if (!(tens == 1 && n < 20)) sb.append(DIGITS.charAt(tens));
            sb.append('十');
        } else if (hundreds > 0 && ones > 0) {
            sb.append('零');
        }
        if (ones > 0) sb.append(DIGITS.charAt(ones));
        return sb.toString();
    }

    private static final String CAPITALS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] PLACES = {"", "拾", "佰", "仟"};
    private static final String[] GROUPS = {"", "万", "亿", "万亿"};

    /** {@code 1234567.89} → {@code 人民币壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分}. Rounds half-up to the fen first. */
    public static String rmb(BigDecimal amount) {
        BigDecimal v = amount.setScale(2, RoundingMode.HALF_UP);
        if (v.signum() < 0) throw new IllegalArgumentException("negative amount: " + amount);
        if (v.compareTo(new BigDecimal("9999999999999999.99")) > 0) throw new IllegalArgumentException("too large: " + amount);
        long yuan = v.longValue();
        int fen = v.remainder(BigDecimal.ONE).movePointRight(2).intValue();
        int jiao = fen / 10;
        fen %= 10;
        StringBuilder sb = new StringBuilder("人民币");
        if (yuan > 0) {
            appendYuan(sb, yuan);
            sb.append('元');
        }
        if (jiao == 0 && fen == 0) {
            return sb.append(yuan == 0 ? "零元整" : "整").toString();
        }
        if (jiao > 0) sb.append(CAPITALS.charAt(jiao)).append('角');
        else if (yuan > 0) sb.append('零');
        if (fen > 0) sb.append(CAPITALS.charAt(fen)).append('分');
        return sb.toString();
    }

    private static void appendYuan(StringBuilder sb, long yuan) {
        int start = sb.length();
        boolean gap = false;                 // a whole group of zeros was skipped
        long[] groups = new long[4];
        for (int i = 0; i < 4; i++) {
            groups[i] = yuan % 10_000;
            yuan /= 10_000;
        }
        for (int gi = 3; gi >= 0; gi--) {
            int g = (int) groups[gi];
            boolean written = sb.length() > start;
            if (g == 0) {
                gap |= written;
                continue;
            }
            if (written && (gap || g < 1000)) sb.append('零');
            gap = false;
            boolean digitInGroup = false, zeroPending = false;
            for (int pos = 3; pos >= 0; pos--) {
                int d = (int) (g / (long) Math.pow(10, pos) % 10);
                if (d == 0) {
                    zeroPending |= digitInGroup;
                } else {
                    if (zeroPending) sb.append('零');
                    zeroPending = false;
                    digitInGroup = true;
                    sb.append(CAPITALS.charAt(d)).append(PLACES[pos]);
                }
            }
            sb.append(GROUPS[gi]);
        }
    }
}
