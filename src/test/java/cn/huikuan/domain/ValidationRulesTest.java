package cn.huikuan.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The rules every editor and import relies on. */
class ValidationRulesTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

    private static Customer person(String id) {
        Customer c = new Customer(1L, PartyKind.PERSON, "李某");
        c.setRegistrationNumber(id);
        return c;
    }

    private static List<String> keys(List<FieldError> errors) {
        return errors.stream().map(e -> e.field() + ":" + e.messageKey()).toList();
    }

    @Test
    void wrongCheckDigitIsAWarningUntilAReasonIsGiven() {
        Customer c = person("110105194912310021");
        List<FieldError> errors = c.problems(TODAY);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.blocking()).isFalse();
            assertThat(e.messageKey()).isEqualTo("validation.id.badCheckDigit");
            assertThat(e.args()).containsExactly("X");
        });
        assertThatThrownBy(() -> FieldErrors.requireValid(errors, false)).isInstanceOf(DomainException.class);
        c.setNumberOverrideReason("  与身份证原件一致  ");
        assertThat(c.problems(TODAY)).isEmpty();
        assertThat(c.getNumberOverrideReason()).isEqualTo("与身份证原件一致");
    }

    @Test
    void malformedNumberIsAnErrorEvenWithAReason() {
        Customer c = person("12345");
        c.setNumberOverrideReason("whatever");
        assertThat(keys(c.problems(TODAY))).containsExactly("registrationNumber:validation.id.malformed");
        Customer org = new Customer(1L, PartyKind.ORGANISATION, "某公司");
        org.setRegistrationNumber("91350203M0001QAY9B");
        assertThat(keys(org.problems(TODAY))).containsExactly("registrationNumber:validation.creditCode.badCheckDigit");
    }

    @Test
    void customerNeedsANameAndSaneContacts() {
        Customer c = new Customer(1L, PartyKind.PERSON, "   ");
        c.setContacts(List.of(new ContactMethod(ContactMethod.Kind.PHONE, "abc"), new ContactMethod(ContactMethod.Kind.EMAIL, "x@")));
        assertThat(keys(c.problems(TODAY))).containsExactly("name:validation.required", "contacts[0]:validation.phone",
                "contacts[1]:validation.email");
        c.setName("x".repeat(201));
        assertThat(keys(c.problems(TODAY))).contains("name:validation.text.tooLong");
    }

    private static Receivable receivable() {
        Receivable r = new Receivable(new Customer(1L, PartyKind.PERSON, "李某"), ReceivableKind.SALE_ON_CREDIT, "货款",
                LocalDate.of(2025, 12, 18), Money.of("500000"));
        r.dueOn(LocalDate.of(2026, 5, 28));
        return r;
    }

    @Test
    void validReceivableHasNoProblems() {
        assertThat(receivable().problems()).isEmpty();
    }

    @Test
    void dueDateBeforeContractDateIsRefused() {
        Receivable r = receivable();
        r.dueOn(LocalDate.of(2025, 12, 17));
        assertThat(keys(r.problems())).containsExactly("dueDate:validation.dueBeforeContract");
    }

    @Test
    void amountsMustBePositiveWithAtMostTwoDecimalsAndNotAbsurd() {
        Receivable r = receivable();
        r.setPrincipal(new BigDecimal("100.001"));
        r.dueOn(LocalDate.of(2026, 5, 28));
        assertThat(keys(r.problems())).contains("principal:validation.amount.tooManyDecimals");
        r.setPrincipal(new BigDecimal("-1"));
        assertThat(keys(r.problems())).contains("principal:validation.amount.notPositive");
        r.setPrincipal(new BigDecimal("20000000000"));
        assertThat(keys(r.problems())).contains("principal:validation.amount.tooLarge");
    }

    @Test
    void scheduleMustAddUpToThePrincipal() {
        Receivable r = receivable();
        r.setSchedule(List.of(new Instalment(LocalDate.of(2026, 1, 31), Money.of("100000")),
                new Instalment(LocalDate.of(2026, 2, 28), Money.of("100000"))));
        assertThat(keys(r.problems())).containsExactly("schedule:validation.scheduleSum");
    }

    @Test
    void ratesAndPenaltiesAreChecked() {
        Receivable r = receivable();
        r.setInterestRatePercent(new BigDecimal("150"));
        r.setOverdueRatePercent(new BigDecimal("-1"));
        r.setPenaltyKind(PenaltyKind.DAILY_RATE);
        r.setPenaltyValue(new BigDecimal("2"));
        assertThat(keys(r.problems())).containsExactly("interestRatePercent:validation.rate.tooHigh",
                "overdueRatePercent:validation.rate.negative", "penaltyValue:validation.rate.tooHigh");
        r.setInterestRatePercent(new BigDecimal("6"));
        r.setOverdueRatePercent(null);
        r.setPenaltyValue(new BigDecimal("0.05"));
        assertThat(r.problems()).isEmpty();
        r.setPenaltyKind(PenaltyKind.FIXED);
        r.setPenaltyValue(null);
        assertThat(keys(r.problems())).containsExactly("penaltyValue:validation.required");
    }

    @Test
    void paymentsCannotBeInTheFutureBeforeTheContractOrExceedTheBalanceUnconfirmed() {
        Receivable r = receivable();
        Payment future = new Payment(r, TODAY.plusDays(1), Money.of("1"), Payment.Channel.CASH);
        assertThat(keys(future.problems(Money.ZERO, TODAY))).containsExactly("paidOn:validation.date.future");
        Payment early = new Payment(r, LocalDate.of(2025, 1, 1), Money.of("1"), Payment.Channel.CASH);
        assertThat(keys(early.problems(Money.ZERO, TODAY))).containsExactly("paidOn:validation.paymentBeforeContract");
        Payment over = new Payment(r, TODAY, Money.of("300000.01"), Payment.Channel.CASH);
        List<FieldError> errors = over.problems(Money.of("200000"), TODAY);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.messageKey()).isEqualTo("validation.overpayment");
            assertThat(e.blocking()).isFalse();
        });
        assertThat(new Payment(r, TODAY, Money.of("300000"), Payment.Channel.CASH).problems(Money.of("200000"), TODAY)).isEmpty();
    }

    @Test
    void promiseToPayNeedsADateNotBeforeTheContact() {
        ContactEntry e = new ContactEntry(receivable(), LocalDateTime.of(2026, 11, 1, 10, 0), ContactEntry.Channel.PHONE,
                ContactEntry.Direction.OUTGOING, "承诺还款", ContactEntry.Outcome.PROMISE_TO_PAY);
        assertThat(keys(e.problems(LocalDateTime.of(2026, 11, 28, 10, 0)))).containsExactly("promisedDate:validation.required");
        e.setPromisedDate(LocalDate.of(2026, 10, 1));
        assertThat(keys(e.problems(LocalDateTime.of(2026, 11, 28, 10, 0)))).containsExactly("promisedDate:validation.promiseBeforeContact");
        e.setOccurredAt(LocalDateTime.of(2026, 12, 1, 10, 0));
        assertThat(keys(e.problems(LocalDateTime.of(2026, 11, 28, 10, 0)))).contains("occurredAt:validation.date.future");
    }
}
