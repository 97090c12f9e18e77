package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.PartyKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25: a search text finds customers through the name, registration number and contact indexes ({@code LOCATE}
 * over each index's own columns instead of {@code LIKE} over the customer table). What it finds must stay the same:
 * the text anywhere in the name, the number or a contact, in any letter case, its {@code %} and {@code _} taken
 * literally, customers without a number or contacts among them, and only the open book's customers.
 */
class CustomerMatchTest {
    @TempDir
    Path dir;
    Books books;
    long abc, numbered, wechat, plain;

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        abc = save("ABC贸易有限公司", null, List.of());
        numbered = save("李某", "330106198503151238", List.of());
        wechat = save("王某", null, List.of(new ContactMethod(ContactMethod.Kind.WECHAT, "Wang_Mou%88"),
                new ContactMethod(ContactMethod.Kind.PHONE, "13900005678")));
        plain = save("张某", null, List.of());
    }

    private long save(String name, String number, List<ContactMethod> contacts) {
        Customer c = books.customers().newCustomer(number == null ? PartyKind.ORGANISATION : PartyKind.PERSON, name);
        c.setRegistrationNumber(number);
        c.setContacts(contacts);
        return books.customers().save(c).getId();
    }

    @AfterEach
    void close() {
        books.close();
    }

    private List<Long> found(String text) {
        return books.customers().page(ListQuery.first(50).withText(text)).rows().stream().map(CustomerRow::id).toList();
    }

    @Test
    void findsTheTextAnywhereInNameNumberOrContactInAnyCase() {
        assertThat(found("abc")).containsExactly(abc);
        assertThat(found("贸易")).containsExactly(abc);
        assertThat(found("某")).containsExactlyInAnyOrder(numbered, wechat, plain);
        assertThat(found("19850315")).containsExactly(numbered);
        assertThat(found("wang_mou")).containsExactly(wechat);
        assertThat(found("00005678")).containsExactly(wechat);
        assertThat(books.customers().page(ListQuery.first(50).withText("某")).total()).isEqualTo(3);
    }

    @Test
    void wildcardsAreLiteralAndNothingMatchesWhatNoFieldHolds() {
        assertThat(found("_mou%8")).containsExactly(wechat);
        assertThat(found("%")).containsExactly(wechat);
        assertThat(found("_")).containsExactly(wechat);
        assertThat(found("a%c")).isEmpty();
        assertThat(found("w_ng")).isEmpty();
        assertThat(found("不存在")).isEmpty();
    }

    @Test
    void customersOfAnotherBookAreNotFound() {
        books.switchTo(books.createBook("另一家"));
        assertThat(found("abc")).isEmpty();
        assertThat(found("19850315")).isEmpty();
        assertThat(found("wang")).isEmpty();
    }
}
