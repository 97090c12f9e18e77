package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Text that looks like code, or is not ordinary text, is stored and read back as text. */
class HostileTextTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"Robert'); DROP TABLE customer;--", "<script>alert('x')</script>", "李某😀🏗️", "\u202Eمرحبا abc",
            "tab\there", "zero\u200Bwidth", "%_\\", "${jndi:ldap://x}", "{{7*7}}", "\u0000nul"})
    void storedAndReadBackExactly(String hostile) {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            Customer c = books.customers().newCustomer(PartyKind.PERSON, "客户" + hostile);
            c.setNotes(hostile);
            c.setAddress(hostile);
            c = books.customers().save(c);
            Customer back = books.customers().get(c.getId());
            assertThat(back.getName()).isEqualTo(("客户" + hostile).strip());
            assertThat(back.getNotes()).isEqualTo(hostile.strip());
            assertThat(books.customers().page(ListQuery.first(10).withText(hostile.strip())).total()).isEqualTo(1);

            Receivable r = new Receivable(back, ReceivableKind.OTHER, hostile, LocalDate.of(2026, 1, 1), Money.of("100"));
            r.dueOn(LocalDate.of(2026, 2, 1));
            r = books.receivables().save(r, false);
            ContactEntry e = new ContactEntry(null, LocalDateTime.of(2026, 3, 1, 9, 0), ContactEntry.Channel.SMS,
                    ContactEntry.Direction.OUTGOING, hostile, ContactEntry.Outcome.OTHER);
            books.contacts().log(r.getId(), e, List.of());
            assertThat(books.contacts().timeline(r.getId()).get(0).getSummary()).isEqualTo(hostile.strip());
            assertThat(books.audit().verify().intact()).isTrue();
        }
    }

    @Test
    void veryLongTextIsRefusedWithALimitNotTruncatedSilently() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            Customer c = books.customers().newCustomer(PartyKind.PERSON, "x".repeat(201));
            assertThatThrownBy(() -> books.customers().save(c)).isInstanceOfSatisfying(DomainException.class,
                    e -> assertThat(e.errors()).extracting(er -> er.messageKey()).contains("validation.text.tooLong"));
            // an emoji is two UTF-16 units, as the VARCHAR(200) column counts them
            Customer emoji = books.customers().newCustomer(PartyKind.PERSON, "😀".repeat(101));
            assertThatThrownBy(() -> books.customers().save(emoji)).isInstanceOf(DomainException.class);
            Customer ok = books.customers().newCustomer(PartyKind.PERSON, "😀".repeat(100));
            assertThat(books.customers().save(ok).getName()).hasSize(200);
        }
    }
}
