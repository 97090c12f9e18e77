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
