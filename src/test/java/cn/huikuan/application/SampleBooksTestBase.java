package cn.huikuan.application;

import cn.huikuan.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Books holding the sample case, opened afresh for each test; {@link #sale} is 李某's receivable. */
abstract class SampleBooksTestBase {
    @TempDir
    Path dir;
    Books books;
    long sale;

    @BeforeEach
    void open() {
        books = Books.open(dir, TestClock.fixed());
        SampleData.loadInto(books);
        sale = books.receivables().page(ListQuery.first(10)).rows().stream().filter(r -> r.customerName().equals("李某")).findFirst().orElseThrow().id();
    }

    @AfterEach
    void close() {
        books.close();
    }
}
