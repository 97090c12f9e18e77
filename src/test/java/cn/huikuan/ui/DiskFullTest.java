package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.i18n.I18n;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import cn.huikuan.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Issue 6: a full disk says so and loses nothing. H2 closes the database when a write fails; what was committed
 * before stays, the failed transaction is not half there, and after space is freed the books open intact.
 */
class DiskFullTest {
    static final I18n ZH = I18n.forLanguage("zh");

    @TempDir
    Path dir;

    @Test
    void theMessagesAreFoundWhereverTheDriverWrappedThem() {
        Throwable full = new RuntimeException("Unable to commit against JDBC Connection",
                new SQLException("General error", "HY000", 50000, new IOException("No space left on device")));
        assertThat(ErrorMessages.describe(full, ZH)).isEqualTo(ZH.t("error.diskFull"));
        Throwable closed = new IllegalStateException(new SQLException("The database has been closed", "90098", 90098));
        assertThat(ErrorMessages.describe(closed, ZH)).isEqualTo(ZH.t("error.databaseClosed"));
        // seen on CI: the disk filled during an import and H2 reported a read past the end of its own file
        Throwable readPastEnd = new IllegalStateException(new SQLException("General error: \"org.h2.mvstore.MVStoreException: Reading from file"
                + " sun.nio.ch.FileChannelImpl@7e28aa1 failed at 7308835 (length 6094848), read 0, remaining 768 [2.3.232/1]\" [50000-232]", "HY000", 50000));
        assertThat(ErrorMessages.describe(readPastEnd, ZH)).isEqualTo(ZH.t("error.databaseClosed"));
        Throwable writeFailed = new IllegalStateException(org.h2.mvstore.DataUtils.newMVStoreException(
                org.h2.mvstore.DataUtils.ERROR_WRITING_FAILED, "Writing to {0} failed", "books.mv.db"));
        assertThat(ErrorMessages.describe(writeFailed, ZH)).isEqualTo(ZH.t("error.databaseClosed"));
        Throwable otherGeneral = new IllegalStateException(new SQLException("General error: \"java.lang.NullPointerException\" [50000-232]", "HY000", 50000));
        assertThat(ErrorMessages.describe(otherGeneral, ZH)).startsWith("操作未完成");
        assertThat(ErrorMessages.describe(new IOException("Permission denied"), ZH)).startsWith("操作未完成");
    }

    static boolean run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    @Test
    void aRealFullDiskLosesNothingAndSaysSo() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux")
                && run("mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", small.toString()), "needs a Linux machine that lets the tests mount a small tmpfs (root)");
        try {
            Path folder = small.resolve("books");
            Books books = Books.open(folder, TestClock.fixed());
            Throwable failed;
            try {
                SampleData.loadInto(books);
                try (OutputStream out = Files.newOutputStream(small.resolve("filler"))) {
                    byte[] block = new byte[64 * 1024];
                    while (true) out.write(block);
                } catch (IOException expected) {
                    // the disk is full now
                }
                failed = catchThrowable(() -> {
                    for (int i = 0; i < 500; i++) {
                        books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "满盘客户" + i + "x".repeat(150)));
                    }
                });
                assertThat(failed).as("writing on a full disk fails").isNotNull();
                assertThat(ErrorMessages.describe(failed, ZH)).isEqualTo(ZH.t("error.diskFull"));
                Throwable after = catchThrowable(() -> books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "之后")));
                assertThat(ErrorMessages.describe(after, ZH)).isIn(ZH.t("error.diskFull"), ZH.t("error.databaseClosed"));
            } finally {
                Files.deleteIfExists(small.resolve("filler"));
                catchThrowable(books::close); // the database may already be closed by H2
            }
            try (Books again = Books.open(folder, TestClock.fixed())) {
                var names = again.customers().page(ListQuery.first(600)).rows().stream().map(r -> r.name()).toList();
                assertThat(names).contains("李某", "张某", "某装饰工程有限公司").noneMatch(n -> n.startsWith("之后"));
                assertThat(again.audit().verify().problems()).as("journal and evidence intact").isEmpty();
            }
        } finally {
            run("umount", small.toString());
        }
    }

    /**
     * Issue 24: the disk fills during a spreadsheet import from the command line. The CLI says the disk is full (not
     * "database closed"), and once space is freed the books open again: the cut-off import is undone in small
     * transactions (undone in one, it filled the freed space again and the books did not open).
     */
    @Test
    void aFullDiskDuringAnImportIsSaidAndTheBooksOpenOnceSpaceIsFreed() throws Exception {
        Path small = Files.createDirectories(dir.resolve("small"));
        assumeTrue(System.getProperty("os.name", "").toLowerCase().contains("linux")
                && run("mount", "-t", "tmpfs", "-o", "size=30m", "tmpfs", small.toString()), "needs a Linux machine that lets the tests mount a small tmpfs (root)");
        try {
            Path folder = small.resolve("books");
            try (Books books = Books.open(folder, TestClock.fixed())) {
                SampleData.loadInto(books);
            }
            Path ledger = dir.resolve("ledger.csv");
            StringBuilder csv = new StringBuilder("客户名称,合同日期,金额,到期日,事由\n");
            for (int i = 0; i < 60_000; i++) {
                csv.append("客户").append(i % 5000).append(",2026-01-").append(String.format("%02d", 1 + i % 28)).append(',').append(1000 + i)
                        .append(",2026-03-").append(String.format("%02d", 1 + i % 28)).append(",货款 第").append(i).append("单 ").append("x".repeat(40)).append('\n');
            }
            Files.writeString(ledger, csv);
            Path filler = small.resolve("filler");
            try (OutputStream out = Files.newOutputStream(filler)) {
                byte[] block = new byte[1 << 20];
                for (long free = Files.getFileStore(small).getUsableSpace(); free > (6L << 20); free -= block.length) out.write(block);
            }
            var err = new ByteArrayOutputStream();
            var cli = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));
            assertThat(cli.run("import", "receivables", "--file", ledger.toString(), "--book", folder.toString())).isEqualTo(1);
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("磁盘空间已满").contains("the disk is full")
                    .doesNotContain("90098");
            Files.delete(filler);
            try (Books again = Books.open(folder, TestClock.fixed())) {
                assertThat(again.receivables().page(ListQuery.first(10)).total()).as("the cut-off import undone").isEqualTo(3);
                assertThat(again.audit().verify().problems()).isEmpty();
            }
        } finally {
            run("umount", small.toString());
        }
    }
}
