package cn.huikuan.domain;

import java.util.List;

/** One way to reach a customer: a phone number, a WeChat id, an email address. */
public class ContactMethod {
    public enum Kind { PHONE, WECHAT, EMAIL, OTHER }

    private Kind kind;
    private String value;

    protected ContactMethod() {
    }

    public ContactMethod(Kind kind, String value) {
        this.kind = kind;
        this.value = Text.clean(value);
    }

    public Kind getKind() { return kind; }
    public String getValue() { return value; }

    void check(List<FieldError> errors, int index) {
        String field = "contacts[" + index + "]";
        if (Text.isBlank(value)) {
            errors.add(FieldError.error(field, "validation.required"));
            return;
        }
        Text.checkLength(errors, field, value, 100);
        if (kind == Kind.PHONE && !value.replaceAll("[\\s-]", "").matches("\\+?\\d{5,20}")) {
            errors.add(FieldError.error(field, "validation.phone"));
        }
        if (kind == Kind.EMAIL && !value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            errors.add(FieldError.error(field, "validation.email"));
        }
    }
}
