package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.storage.BackupRefusedException;
import cn.huikuan.persistence.Restore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.huikuan.cli.Cli;
import cn.huikuan.persistence.Database;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Issue 24: a backup is data, never code. Backups are built here with H2's own API the way an attacker would: a real
 * backup of the sample books, opened in the test and given a trigger in Java source (which H2 compiles and runs when
 * it opens the file), a function alias, a view, an extra table or user; and damaged or hostile zips. Each is refused
 * with its reason, nothing of it runs, and the books and their folder stay exactly as they were.
 */
class HostileBackupTest {
    @TempDir
    Path dir;
    Path books;
    Path work;
    Path goodZip;
    /** The file the planted Java code writes when it runs. */
    Path ran;

    @BeforeEach
    void makeBooksAndABackup() throws Exception {
        books = dir.resolve("books");
        work = dir.resolve("work");
        Files.createDirectories(work);
        ran = dir.resolve("code-ran");
        try (Books b = Books.open(books, TestClock.fixed())) {
            SampleData.loadInto(b);
            goodZip = b.backups().backupNow("manual");
        }
    }

    /** The backup's database with {@code sql} run on it (by the test, as an attacker would), zipped again. */
    private Path tampered(String name, String... sql) throws Exception {
        return cn.huikuan.HostileFiles.tampered(goodZip, work, work.resolve(name + ".zip"), ran, sql);
    }

    private static Path zip(Path file, Path zip) throws IOException {
        return cn.huikuan.HostileFiles.zip(file, zip);
    }

    private String trigger() {
        return cn.huikuan.HostileFiles.trigger(ran);
    }

    /** Everything in the data folder, by name and size: a refused restore leaves it as it was. */
    private Map<String, Long> folderState() throws IOException {
        Map<String, Long> m = new TreeMap<>();
        try (var s = Files.walk(books)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = books.relativize(p).toString();
                if (rel.equals("huikuan.lock")) continue;
                m.put(rel, Files.size(p));
            }
        }
        return m;
    }

    private void refused(Path zip, BackupRefusedException.Reason reason, String detail) throws Exception {
        var before = folderState();
        assertThatThrownBy(() -> Restore.restore(books, zip)).isInstanceOfSatisfying(BackupRefusedException.class, e -> {
            if (reason != null) assertThat(e.reason()).isEqualTo(reason);
            if (detail != null) assertThat(e.detail()).containsIgnoringCase(detail);
            assertThat(e.getMessage()).contains(e.reason().zh()).contains(e.reason().en());
        });
        assertThat(ran).as("nothing in the backup ran").doesNotExist();
        assertThat(folderState()).as("the books and their folder are as they were, no leftovers").isEqualTo(before);
        try (Books b = Books.open(books, TestClock.fixed())) {
            assertThat(b.audit().verify().problems()).isEmpty();
            assertThat(b.receivables().page(ListQuery.first(10)).total()).isEqualTo(3);
        }
        assertThat(ran).as("nor when the books open afterwards").doesNotExist();
    }

    @Test
    void aBackupCarryingATriggerInJavaSourceIsRefusedAndItsCodeNeverRuns() throws Exception {
        Path zip = tampered("trigger", trigger());
        refused(zip, BackupRefusedException.Reason.FOREIGN_OBJECT, "trigger PLANTED");
    }

    @Test
    void booksBroughtInFromAnotherFolderAreCheckedBeforeTheyFirstOpen() throws Exception {
        Path zip = tampered("usb", trigger());
        Path usb = dir.resolve("usb-stick");
        Files.createDirectories(usb.resolve("db"));
        try (ZipFile z = new ZipFile(zip.toFile()); var in = z.getInputStream(z.getEntry("huikuan.mv.db"))) {
            Files.copy(in, usb.resolve("db/huikuan.mv.db"));
        }
        long size = Files.size(usb.resolve("db/huikuan.mv.db"));
        assertThatThrownBy(() -> Database.checkBroughtIn(usb, null)).isInstanceOfSatisfying(BackupRefusedException.class,
                e -> assertThat(e.detail()).contains("trigger PLANTED"));
        assertThat(ran).doesNotExist();
        assertThat(Files.size(usb.resolve("db/huikuan.mv.db"))).isEqualTo(size);
        assertThat(usb.resolve("db/restoring")).doesNotExist();
        Database.checkBroughtIn(books, null); // the app's own books pass
    }

    @Test
    void theTriggerIsRefusedFromTheCommandLineWithExitTwoAndASentence() throws Exception {
        Path zip = tampered("trigger-cli", trigger());
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        var cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run("restore", "--book", books.toString(), "--from", zip.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("回款助手从不创建").contains("trigger PLANTED")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(ran).doesNotExist();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "CREATE ALIAS PLANTED_FN AS $$ String f() { return \"x\"; } $$ | function alias PLANTED_FN",
            "CREATE ALIAS PLANTED_FN FOR 'java.lang.System.getProperty' | function alias PLANTED_FN",
            "CREATE VIEW PLANTED_VIEW AS SELECT * FROM CUSTOMER | PLANTED_VIEW",
            "CREATE TABLE PLANTED_TABLE(ID INT) | PLANTED_TABLE",
            "CREATE USER PLANTED_USER PASSWORD 'x' ADMIN | user",
            "CREATE ROLE PLANTED_ROLE | role",
            "CREATE SCHEMA PLANTED_SCHEMA | schema",
            "CREATE DOMAIN PLANTED_DOMAIN AS INT | domain PLANTED_DOMAIN",
            "CREATE CONSTANT PLANTED_CONSTANT VALUE 1 | constant PLANTED_CONSTANT",
            "CREATE SEQUENCE PLANTED_SEQUENCE | sequence PLANTED_SEQUENCE",
            "CREATE INDEX PLANTED_INDEX ON CUSTOMER(NAME) | index PLANTED_INDEX",
    })
    void anythingTheAppsMigrationsNeverMakeRefusesTheWholeBackup(String sql, String found) throws Exception {
        Path zip = tampered("extra", sql);
        refused(zip, BackupRefusedException.Reason.FOREIGN_OBJECT, found);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "ALTER TABLE CUSTOMER ADD COLUMN PLANTED VARCHAR(10) DEFAULT 'x'",
            "ALTER TABLE CUSTOMER ADD COLUMN PLANTED VARCHAR(10) GENERATED ALWAYS AS (LEFT(DATABASE_PATH(), 10))",
            "ALTER TABLE CUSTOMER ALTER COLUMN NAME SET DEFAULT 'planted'",
            "COMMENT ON TABLE CUSTOMER IS 'planted'"
    })
    void aChangedTableOfTheAppIsASchemaMismatch(String sql) throws Exception {
        Path zip = tampered("column", sql);
        refused(zip, BackupRefusedException.Reason.SCHEMA_MISMATCH, "customer");
    }

    @Test
    void rowsThatBreakTheBooksRulesAreRefused() throws Exception {
        // the file's own constraint removed so the row could be written; the new books' constraint refuses it
        Path zip = tampered("orphan", "SET REFERENTIAL_INTEGRITY FALSE",
                "INSERT INTO PAYMENT(RECEIVABLE_ID, PAID_ON, AMOUNT, CHANNEL, CREATED_AT) VALUES (999999, DATE '2026-01-01', 1, 'CASH', CURRENT_TIMESTAMP)",
                "SET REFERENTIAL_INTEGRITY TRUE");
        refused(zip, BackupRefusedException.Reason.BAD_DATA, "payment");
    }

    @Test
    void damagedAndHostileZipsAreRefusedWithASentence() throws Exception {
        Path notZip = Files.writeString(work.resolve("photo.zip"), "not a zip at all");
        refused(notZip, BackupRefusedException.Reason.NOT_A_ZIP, null);

        Path noDb = work.resolve("nodb.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(noDb))) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("hello".getBytes());
        }
        refused(noDb, BackupRefusedException.Reason.NO_DATABASE, null);

        Path empty = work.resolve("empty.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(empty))) {
            out.putNextEntry(new ZipEntry("huikuan.mv.db"));
        }
        refused(empty, BackupRefusedException.Reason.EMPTY, null);

        byte[] noise = new byte[64 * 1024];
        new Random(7).nextBytes(noise);
        Path garbage = work.resolve("garbage.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(garbage))) {
            out.putNextEntry(new ZipEntry("huikuan.mv.db"));
            out.write(noise);
        }
        refused(garbage, BackupRefusedException.Reason.UNREADABLE, null);

        // the real database cut off after its first 40%: H2's store may fall back to an older state of the file, which is
        // then not the books' schema; either way it is refused
        Path full = work.resolve("full.mv.db");
        try (ZipFile z = new ZipFile(goodZip.toFile()); var in = z.getInputStream(z.getEntry("huikuan.mv.db"))) {
            Files.copy(in, full);
        }
        byte[] all = Files.readAllBytes(full);
        Path cut = work.resolve("cut.mv.db");
        Files.write(cut, Arrays.copyOf(all, all.length * 2 / 5));
        refused(zip(cut, work.resolve("truncated.zip")), null, null);

        // the zip itself cut off
        byte[] zipBytes = Files.readAllBytes(goodZip);
        Path cutZip = Files.write(work.resolve("cutzip.zip"), Arrays.copyOf(zipBytes, zipBytes.length / 2));
        refused(cutZip, BackupRefusedException.Reason.NOT_A_ZIP, null);

        Path link = work.resolve("link.zip");
        Files.createSymbolicLink(link, goodZip);
        refused(link, BackupRefusedException.Reason.LINK, null);
        refused(work.resolve("none.zip"), BackupRefusedException.Reason.NOT_FOUND, null);
    }

    @Test
    void aZipWhoseDatabaseIsLargerThanItSaysIsABombAndIsRefused() throws Exception {
        Path db = work.resolve("bomb.mv.db");
        try (OutputStream out = Files.newOutputStream(db)) {
            out.write(new byte[4 << 20]); // 4 MiB of zeros: compresses to a few KB
        }
        Path zip = zip(db, work.resolve("bomb.zip"));
        lieAboutSize(zip, 100_000);
        refused(zip, BackupRefusedException.Reason.TOO_LARGE, null);
    }

    @Test
    void aRestoreThatDoesNotFitTheFreeSpaceIsRefusedBeforeAnythingIsWritten() throws Exception {
        long was = Restore.freeSpaceForTests(1L << 20);
        try {
            refused(goodZip, BackupRefusedException.Reason.NO_SPACE, "MiB free");
        } finally {
            Restore.freeSpaceForTests(was);
        }
    }

    /** Rewrites the uncompressed size the zip's local and central headers give for its only entry. */
    static void lieAboutSize(Path zip, int size) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        ByteBuffer buf = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i + 4 <= b.length; i++) {
            int sig = buf.getInt(i);
            if (sig == 0x04034b50 && (buf.getShort(i + 6) & 8) == 0) buf.putInt(i + 22, size); // local header without data descriptor
            if (sig == 0x08074b50) buf.putInt(i + 12, size); // data descriptor
            if (sig == 0x02014b50) buf.putInt(i + 24, size); // central directory
        }
        Files.write(zip, b);
    }
}
