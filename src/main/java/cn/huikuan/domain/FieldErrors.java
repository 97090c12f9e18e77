package cn.huikuan.domain;

import java.util.List;

/** Decides whether a list of problems allows saving. */
public final class FieldErrors {
    private FieldErrors() {
    }

    public static boolean hasBlocking(List<FieldError> errors) {
        return errors.stream().anyMatch(FieldError::blocking);
    }

    /**
     * @throws DomainException if any problem blocks, or if there are warnings the user has not accepted
     */
    public static void requireValid(List<FieldError> errors, boolean warningsAccepted) {
        if (hasBlocking(errors) || (!warningsAccepted && !errors.isEmpty())) {
            throw new DomainException(errors);
        }
    }
}
