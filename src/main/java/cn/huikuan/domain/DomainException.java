package cn.huikuan.domain;

import java.util.List;

/** Thrown when a domain object would be saved in a state its rules forbid; carries every problem found. */
public class DomainException extends RuntimeException {
    private final List<FieldError> errors;

    public DomainException(List<FieldError> errors) {
        super(describe(errors));
        this.errors = List.copyOf(errors);
    }

    public DomainException(FieldError error) {
        this(List.of(error));
    }

    public List<FieldError> errors() {
        return errors;
    }

    private static String describe(List<FieldError> errors) {
        StringBuilder sb = new StringBuilder();
        for (FieldError e : errors) {
            if (sb.length() > 0) sb.append("; ");
            sb.append(e.field()).append(": ").append(e.messageKey());
        }
        return sb.toString();
    }
}
