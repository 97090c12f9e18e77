package cn.huikuan.domain;

import java.time.LocalDate;
import java.util.List;

/** A natural person (自然人) or an organisation (法人或非法人组织, incl. 个体工商户 with a credit code). */
public enum PartyKind {
    PERSON, ORGANISATION;

    /**
     * Checks the registration number of a party: a resident ID number for a person, a unified social
     * credit code for an organisation. A malformed number is an error; a wrong check digit or birth date
     * is a warning that becomes acceptable once the user gives a reason (FACTS.md §9: valid-looking
     * numbers with wrong check digits occur in real registers).
     */
    static void checkRegistration(List<FieldError> errors, PartyKind kind, String field, String number,
                                  String overrideReason, LocalDate today) {
        if (Text.isBlank(number)) return;
        boolean overridden = !Text.isBlank(overrideReason);
        if (kind == PERSON) {
            switch (IdentityNumbers.checkResidentId(number, today)) {
                case MALFORMED -> errors.add(FieldError.error(field, "validation.id.malformed"));
                case BAD_BIRTH_DATE -> {
                    if (!overridden) errors.add(FieldError.warning(field, "validation.id.badBirthDate"));
                }
                case BAD_CHECK_DIGIT -> {
                    if (!overridden) errors.add(FieldError.warning(field, "validation.id.badCheckDigit",
                            String.valueOf(IdentityNumbers.residentIdCheckChar(IdentityNumbers.normalize(number)))));
                }
                case VALID -> { }
            }
        } else {
            switch (IdentityNumbers.checkCreditCode(number)) {
                case MALFORMED, BAD_BIRTH_DATE -> errors.add(FieldError.error(field, "validation.creditCode.malformed"));
                case BAD_CHECK_DIGIT -> {
                    if (!overridden) errors.add(FieldError.warning(field, "validation.creditCode.badCheckDigit",
                            String.valueOf(IdentityNumbers.creditCodeCheckChar(IdentityNumbers.normalize(number)))));
                }
                case VALID -> { }
            }
        }
    }
}
