package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.PartyKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "赵六"));
            assertThat(books.audit().verify().problems()).isEmpty();
        }
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.creditorId()).as("the book used last opens").isEqualTo(second);
            assertThat(books.customers().page(ListQuery.first(10)).rows()).extracting(CustomerRow::name).containsExactly("赵六");
            books.switchTo(first);
            assertThat(books.customers().page(ListQuery.first(10)).rows()).extracting(CustomerRow::name).doesNotContain("赵六").hasSize(3);
            assertThat(books.allBooks()).hasSize(2);
            assertThatThrownBy(() -> books.switchTo(999)).isInstanceOf(NotFoundException.class);
            assertThatThrownBy(() -> books.createBook(" ")).isInstanceOf(cn.huikuan.domain.DomainException.class);
            assertThat(books.audit().verify().problems()).isEmpty();
        }
    }
}
