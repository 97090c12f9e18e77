package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.statements.StatementFiles;
import cn.huikuan.statements.StatementRefused;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/** Books with two open receivables (李某's 5,000 and a builder's 12,500) for the statement-format tests (issue 23). */
abstract class StatementBooksTestBase {
    @TempDir
    Path dir;
    Books books;
    long li, builder;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        li = receivable(StatementFiles.LI, PartyKind.PERSON, "5000");
        builder = receivable(StatementFiles.BUILDER, PartyKind.ORGANISATION, "12500");
    }

    @AfterEach
    void close() {
        books.close();
    }

    long receivable(String name, PartyKind kind, String amount) {
        Customer c = books.customers().save(books.customers().newCustomer(kind, name));
        Receivable r = new Receivable(c, ReceivableKind.SALE_ON_CREDIT, "货款", LocalDate.of(2026, 6, 1), Money.of(amount));
        r.dueOn(LocalDate.of(2026, 9, 1));
        return books.receivables().save(r, false).getId();
    }

    void assertNothingWritten() {
        for (long id : new long[]{li, builder}) {
            assertThat(books.receivables().payments(id)).isEmpty();
            assertThat(books.evidence().list(id)).isEmpty();
        }
    }

    void assertRefused(Path f, String... parts) {
        assertTimeoutPreemptively(HostileStatementTest.LIMIT, () -> assertThatThrownBy(() -> books.statements().preview(f))
                .isInstanceOf(StatementRefused.class)
                .satisfies(e -> HostileSpreadsheetTest.assertBilingualSentence(e.getMessage()).contains(parts)));
        assertNothingWritten();
    }

}
