package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.domain.CreditorProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Books whose business is the seller of the test invoices ({@link InvoiceImportTest#OUR_NAME}, issue 23). */
abstract class InvoiceBooksTestBase {
    @TempDir
    Path dir;
    Books books;

    @BeforeEach
    void open() {
        books = Books.open(dir.resolve("books"), TestClock.fixed());
        CreditorProfile me = books.creditor();
        me.setName(InvoiceImportTest.OUR_NAME);
        me.setRegistrationNumber(InvoiceImportTest.OURS);
        books.saveCreditor(me);
    }

    @AfterEach
    void close() {
        books.close();
    }
}
