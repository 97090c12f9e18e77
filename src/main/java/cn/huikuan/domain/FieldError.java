package cn.huikuan.domain;

import java.util.List;

/**
 * One problem with one field of an editor or import row. {@code messageKey} is a key of the
 * i18n bundles ({@code messages*.properties}); {@code args} fill its placeholders. A warning
 * ({@code blocking == false}) may be overridden by the user with a reason; an error may not.
 */
public record FieldError(String field, String messageKey, boolean blocking, List<Object> args) {

    public static FieldError error(String field, String messageKey, Object... args) {
        return new FieldError(field, messageKey, true, List.of(args));
    }

    public static FieldError warning(String field, String messageKey, Object... args) {
        return new FieldError(field, messageKey, false, List.of(args));
    }
}
