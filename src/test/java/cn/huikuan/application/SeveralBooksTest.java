package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.PartyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import java.time.LocalDate;

/** A bookkeeper's several businesses in one data folder: nothing from one book appears in another. */
class SeveralBooksTest {
    @TempDir
    Path dir;

    @Test
    void eachBookSeesOnlyItsOwnRecordsAndTheLastOneOpensAgain() {
        long first, second, liInFirst;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            first = books.creditorId();
            liInFirst = books.customers().page(ListQuery.first(10)).rows().get(0).id();
            second = books.createBook("杭州某某五金店");
            books.switchTo(second);
            assertThat(books.creditor().getName()).isEqualTo("杭州某某五金店");
            assertThat(books.customers().page(ListQuery.first(10)).total()).isZero();
            assertThat(books.receivables().page(ListQuery.first(10)).total()).isZero();
            assertThat(books.lists().dashboard(books.creditorId(), books.today()).openReceivables()).isZero();
            assertThat(books.todo().items(100).items()).isEmpty();
            assertThatThrownBy(() -> books.customers().get(liInFirst)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> books.privacy().erase(liInFirst, null)).isInstanceOf(NotFoundException.class);
            // every way the lists read (index order per sort key, both directions, bucket ranges, kept counts,
            // searches by name, phone, amount, title) stays inside the book: the first book's rows would show here
            for (String text : new String[]{null, "李某", "13800001234", "300000", "300,000.00", "建材", "JC-2025"}) {
                for (String sort : new String[]{null, "customer", "title", "principal", "outstanding", "due", "daysOverdue"}) {
                    for (boolean asc : new boolean[]{true, false}) {
                        for (AgingBucket b : new AgingBucket[]{null, AgingBucket.OVER_365,
                                AgingBucket.D181_365, AgingBucket.NOT_DUE, AgingBucket.SETTLED}) {
                            Page<ReceivableRow> p = books.receivables().page(ListQuery.first(10).withText(text).withSort(sort, asc).withBucket(b));
                            assertThat(p.total()).as(text + " " + sort + " " + b).isZero();
                            assertThat(p.rows()).isEmpty();
                        }
                    }
                }
                assertThat(books.customers().page(ListQuery.first(10).withText(text)).total()).as(text).isZero();
                if (text != null) assertThat(books.search().search(text, 10)).as(text).isEmpty();
            }
            assertThat(books.lists().agingByCustomer(books.creditorId(), books.today())).isEmpty();
            assertThat(books.lists().dashboard(books.creditorId(), books.today()).principal()).isZero();
            var zhao = books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "赵六"));
            var r = new Receivable(zhao, ReceivableKind.SALE_ON_CREDIT, "五金货款", LocalDate.of(2025, 1, 5),
                    Money.of("300000"));
            r.dueOn(LocalDate.of(2025, 2, 5));
            books.receivables().save(r, false);
            // with a row of its own, every read returns that row and nothing of the first book (whose pages and
            // counts would otherwise be read: a query that forgot the book fails here)
            for (String sort : new String[]{null, "customer", "title", "principal", "outstanding", "due", "daysOverdue"}) {
                for (boolean asc : new boolean[]{true, false}) {
                    for (String text : new String[]{null, "300000", "赵六", "五金"}) {
                        Page<ReceivableRow> p = books.receivables().page(ListQuery.first(10).withText(text).withSort(sort, asc));
                        assertThat(p.rows()).as(sort + " " + text).extracting(ReceivableRow::customerName).containsExactly("赵六");
                        assertThat(p.total()).isEqualTo(1);
                        Page<ReceivableRow> page2 = books.receivables().page(ListQuery.first(1).withText(text).withSort(sort, asc).withPage(1));
                        assertThat(page2.rows()).as("page 2, " + sort + " " + text).isEmpty();
                    }
                }
            }
            assertThat(books.lists().agingByCustomer(books.creditorId(), books.today())).extracting(ListQueries.AgingRow::customer).containsExactly("赵六");
            // 回款分析 with two books holding receivables: none of the first book's payments, its own principal only
            List<ListQueries.RecoveryMonth> months = books.lists().recovery(books.creditorId(), books.today(), 12);
            assertThat(months).allSatisfy(m -> assertThat(m.collected()).isZero());
            assertThat(months.get(11).outstanding()).isEqualByComparingTo("300000");
            assertThat(books.search().search("300000", 10)).extracting(SearchService.Hit::title).containsExactly("赵六 — 五金货款");
            assertThat(books.audit().verify().problems()).isEmpty();
            assertThat(books.receivables().keptTotalsDiffer()).isEmpty();
        }
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.creditorId()).as("the book used last opens").isEqualTo(second);
            assertThat(books.customers().page(ListQuery.first(10)).rows()).extracting(CustomerRow::name).containsExactly("赵六");
            assertThat(books.lists().dashboard(books.creditorId(), books.today()).principal()).isEqualByComparingTo("300000");
            books.switchTo(first);
            assertThat(books.customers().page(ListQuery.first(10)).rows()).extracting(CustomerRow::name).doesNotContain("赵六").hasSize(3);
            assertThat(books.allBooks()).hasSize(2);
            assertThatThrownBy(() -> books.switchTo(999)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> books.createBook(" ")).isInstanceOf(DomainException.class);
            assertThat(books.audit().verify().problems()).isEmpty();
        }
    }
}
