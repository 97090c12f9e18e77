package cn.huikuan.domain;

import java.util.List;

/** Small helpers for user-entered text: trimming, blank-to-null and length limits. */
public final class Text {
    private Text() {
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** Strips surrounding white space; blank becomes null so that "nothing entered" is stored one way. */
    public static String clean(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * Text with its invisible direction controls (U+200E/F, U+202A–U+202E, U+2066–U+2069, U+061C) shown as
     * {@code [U+202E]}: a file named {@code 合同\u202Efdp.exe} otherwise displays as {@code 合同exe.pdf} (issue 24). For every
     * place a name from outside is shown or printed; what is stored (and journalled) stays as it came.
     */
    public static String visible(String s) {
        if (s == null) return null;
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c == '\u200E' || c == '\u200F' || c == '\u061C' || (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
            if (control) {
                if (b == null) b = new StringBuilder(s.length() + 8).append(s, 0, i);
                b.append(String.format("[U+%04X]", (int) c));
            } else if (b != null) {
                b.append(c);
            }
        }
        return b == null ? s : b.toString();
    }

    public static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /**
     * Length limits count UTF-16 units, as the database's VARCHAR columns do: an emoji takes two, so 200
     * emoji do not fit a 200-character column and are refused here rather than by the database.
     */
    public static void checkLength(List<FieldError> errors, String field, String value, int max) {
        if (value != null && value.length() > max) {
            errors.add(FieldError.error(field, "validation.text.tooLong", max));
        }
    }
}
