package cn.huikuan.law;

/** Article numbers as Chinese statutes write them: 85 → 八十五, 225 → 二百二十五, 1033 → 一千零三十三. */
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
}
