package cn.huikuan.domain;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;

/**
 * Check-digit rules for Chinese identity numbers.
 * <ul>
 *   <li>居民身份证号码, 18 characters, GB 11643-1999: ISO 7064 MOD 11-2, weights 2^(18−i) mod 11,
 *   check characters "10X98765432" for remainders 0…10.</li>
 *   <li>统一社会信用代码, 18 characters, GB 32100-2015: charset "0123456789ABCDEFGHJKLMNPQRTUWXY"
 *   (no I, O, Z, S, V), weights 3^(i−1) mod 31, check = 31 − (Σ mod 31), 31 → 0.</li>
 * </ul>
 * Source: shared/law/FACTS.md §9. A failed check is a warning the user may override (real
 * numbers with wrong check digits exist), never a hard rejection.
 */
public final class IdentityNumbers {
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";
    private static final String CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] CREDIT_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

    private IdentityNumbers() {
    }

    public enum Result {
        /** Well-formed and the check character matches. */
        VALID,
        /** Not 18 characters, or characters that cannot occur. */
        MALFORMED,
        /** Well-formed but the birth date does not exist or lies in the future. */
        BAD_BIRTH_DATE,
        /** Well-formed but the check character does not match. */
        BAD_CHECK_DIGIT
    }

    public static String normalize(String s) {
        return s == null ? "" : s.strip().toUpperCase(Locale.ROOT).replace(" ", "");
    }

    /** Expected check character for the first 17 digits of a resident ID number. */
    public static char residentIdCheckChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK.charAt(sum % 11);
    }

    public static Result checkResidentId(String raw, LocalDate today) {
        String id = normalize(raw);
        if (!id.matches("\\d{17}[0-9X]")) return Result.MALFORMED;
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)),
                    Integer.parseInt(id.substring(10, 12)), Integer.parseInt(id.substring(12, 14)));
            if (birth.isAfter(today) || birth.getYear() < 1900) return Result.BAD_BIRTH_DATE;
        } catch (DateTimeException e) {
            return Result.BAD_BIRTH_DATE;
        }
        return residentIdCheckChar(id) == id.charAt(17) ? Result.VALID : Result.BAD_CHECK_DIGIT;
    }

    /** Expected check character for the first 17 characters of a unified social credit code, or 0 if a character is illegal. */
    public static char creditCodeCheckChar(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int v = CREDIT_CHARSET.indexOf(first17.charAt(i));
            if (v < 0) return 0;
            sum += v * CREDIT_WEIGHTS[i];
        }
        int c = 31 - (sum % 31);
        if (c == 31) c = 0;
        return CREDIT_CHARSET.charAt(c);
    }

    public static Result checkCreditCode(String raw) {
        String code = normalize(raw);
        if (code.length() != 18) return Result.MALFORMED;
        for (int i = 0; i < 18; i++) {
            if (CREDIT_CHARSET.indexOf(code.charAt(i)) < 0) return Result.MALFORMED;
        }
        return creditCodeCheckChar(code) == code.charAt(17) ? Result.VALID : Result.BAD_CHECK_DIGIT;
    }

    /** "110105********002X": keeps the region code and the last four characters. */
    public static String mask(String raw) {
        String s = normalize(raw);
        if (s.length() <= 10) return s.isEmpty() ? "" : "*".repeat(s.length());
        return s.substring(0, 6) + "*".repeat(s.length() - 10) + s.substring(s.length() - 4);
    }
}
