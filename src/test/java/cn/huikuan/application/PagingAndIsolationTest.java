package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Lists page, sort and filter in the database, and never show another book's rows. */
class PagingAndIsolationTest {
    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        Customer c = books.customers().save(books.customers().newCustomer(PartyKind.ORGANISATION, "批量客户_100%"));
        for (int i = 1; i <= 120; i++) {
            Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款 " + i, LocalDate.of(2026, 1, 1), Money.of(Integer.toString(i * 100)));
            r.dueOn(LocalDate.of(2026, 1, 1).plusDays(i));
            r = books.receivables().save(r, false);
            if (i % 10 == 0) books.receivables().addPayment(r.getId(), new Payment(r, LocalDate.of(2026, 6, 1), Money.of("50"), Payment.Channel.CASH), false);
        }
        // a second book with a customer and receivable that must never show up in the first
        books.db().inTransactionDo(s -> {
            CreditorProfile other = new CreditorProfile(PartyKind.PERSON, "另一本账");
            s.persist(other);
            Customer stranger = new Customer(other.getId(), PartyKind.PERSON, "别的账本的客户");
            s.persist(stranger);
            Receivable r = new Receivable(stranger, ReceivableKind.OTHER, "别的账本的应收款", LocalDate.of(2026, 1, 1), Money.of("999999"));
            r.dueOn(LocalDate.of(2026, 2, 1));
            s.persist(r);
        });
    }

    @AfterEach
    void close() {
        books.close();
    }

    @Test
    void pagesAreCutInTheDatabase() {
        Page<ReceivableRow> first = books.receivables().page(ListQuery.first(50));
        assertThat(first.total()).isEqualTo(120);
        assertThat(first.pageCount()).isEqualTo(3);
        assertThat(first.rows()).hasSize(50);
        Page<ReceivableRow> last = books.receivables().page(ListQuery.first(50).withPage(2));
        assertThat(last.rows()).hasSize(20);
        List<Long> ids = new ArrayList<>();
        for (int p = 0; p < 3; p++) books.receivables().page(ListQuery.first(50).withPage(p)).rows().forEach(r -> ids.add(r.id()));
        assertThat(ids).doesNotHaveDuplicates().hasSize(120);
    }

    @Test
    void sortingByOutstandingAndDaysOverdueHappensInSql() {
        List<ReceivableRow> asc = books.receivables().page(ListQuery.first(5).withSort("outstanding", true)).rows();
        assertThat(asc).extracting(ReceivableRow::outstanding).containsExactly(Money.of("100"), Money.of("200"), Money.of("300"),
                Money.of("400"), Money.of("500"));
        List<ReceivableRow> desc = books.receivables().page(ListQuery.first(3).withSort("outstanding", false)).rows();
        assertThat(desc).extracting(ReceivableRow::outstanding).containsExactly(Money.of("11950"), Money.of("11900"), Money.of("11800"));
        List<ReceivableRow> oldest = books.receivables().page(ListQuery.first(1)).rows();
        assertThat(oldest.get(0).title()).isEqualTo("货款 1");
        assertThat(oldest.get(0).overdueSince()).isEqualTo(LocalDate.of(2026, 1, 2));
        assertThat(books.receivables().page(ListQuery.first(5).withSort("no such column; DROP TABLE payment", true)).total()).isEqualTo(120);
    }

    @Test
    void filterTextIsMatchedLiterallyIncludingWildcards() {
        assertThat(books.receivables().page(ListQuery.first(50).withText("货款 11")).total()).as("11, 110-119").isEqualTo(11);
        assertThat(books.customers().page(ListQuery.first(50).withText("_100%")).total()).isEqualTo(1);
        assertThat(books.customers().page(ListQuery.first(50).withText("%")).total()).isEqualTo(1);
        assertThat(books.customers().page(ListQuery.first(50).withText("' OR 1=1 --")).total()).isZero();
    }

    @Test
    void anotherBooksRowsNeverAppear() {
        assertThat(books.customers().page(ListQuery.first(500)).rows()).extracting(CustomerRow::name).containsExactly("批量客户_100%");
        assertThat(books.receivables().page(ListQuery.first(500).withText("别的")).total()).isZero();
        Dashboard d = books.lists().dashboard(books.creditorId(), TestClock.TODAY);
        assertThat(d.customers()).isEqualTo(1);
        BigDecimal expected = Money.of(Integer.toString(100 * 120 * 121 / 2 - 12 * 50));
        assertThat(d.outstanding()).isEqualByComparingTo(expected);
        assertThat(books.customers().search("别的", 10)).isEmpty();
    }
}
