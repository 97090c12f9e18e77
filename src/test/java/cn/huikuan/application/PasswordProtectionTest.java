package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.cli.Cli;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.persistence.DataFolder;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.persistence.Database;
import cn.huikuan.storage.DatabaseKey;
import cn.huikuan.persistence.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6: an optional password encrypts the database (H2 AES) and so every backup taken after it; a missing
 * or wrong password is a clear refusal, never a damaged book; changing and removing the password round-trip.
 */
class PasswordProtectionTest {
    /** An ASCII name: H2 stores it as plain bytes in an unencrypted file, so its absence proves the encryption. */
    static final String MARKER = "ZEBRAQUOKKA Trading";

    @TempDir
    Path dir;

    static DatabaseKey key(String password) {
        return DatabaseKey.fromPassword(password.toCharArray());
    }

    static boolean fileContains(Path file, String ascii) throws Exception {
        return contains(Files.readAllBytes(file), ascii);
    }

    static boolean contains(byte[] bytes, String ascii) {
        return new String(bytes, StandardCharsets.ISO_8859_1).contains(ascii);
    }

    static byte[] databaseInZip(Path zip) throws Exception {
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry("huikuan.mv.db"))) {
            return in.readAllBytes();
        }
    }

    Path plainBooksWithMarker() throws Exception {
        Path plainBackup;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            books.customers().save(books.customers().newCustomer(PartyKind.ORGANISATION, MARKER));
            plainBackup = books.backups().backupNow("manual");
        }
        assertThat(fileContains(dir.resolve("db/huikuan.mv.db"), MARKER)).as("the test can see plain text when there is any").isTrue();
        assertThat(contains(databaseInZip(plainBackup), MARKER)).isTrue();
        return plainBackup;
    }

    @Test
    void aPasswordEncryptsTheDatabaseAndItsLaterBackups() throws Exception {
        Path plainBackup = plainBooksWithMarker();
        assertThat(DataFolder.isEncrypted(dir)).isFalse();

        Database.changePassword(dir, null, key("开门密码 2026"));

        Path db = dir.resolve("db/huikuan.mv.db");
        assertThat(DataFolder.isEncrypted(dir)).isTrue();
        assertThat(fileContains(db, MARKER)).as("no plain text left in the database file").isFalse();
        assertThat(dir.resolve("db/rekey")).doesNotExist();

        assertThatThrownBy(() -> Books.open(dir, TestClock.fixed())).isInstanceOfSatisfying(DataFolderException.class,
                e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.PASSWORD_REQUIRED));
        assertThatThrownBy(() -> Books.open(dir, TestClock.fixed(), key("开门密码 2025"))).isInstanceOfSatisfying(DataFolderException.class,
                e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.WRONG_PASSWORD));
        assertThat(db).as("a wrong password changes nothing").exists();

        Path encryptedBackup;
        // full-width digits and space, as a Chinese input method in full-width mode types them (NFKC makes them equal)
        try (Books books = Books.open(dir, TestClock.fixed(), key("开门密码　２０２６"))) {
            assertThat(books.customers().search("ZEBRAQUOKKA", 5)).hasSize(1);
            assertThat(books.audit().verify().problems()).isEmpty();
            encryptedBackup = books.backups().backupNow("manual");
        }
        assertThat(contains(databaseInZip(encryptedBackup), MARKER)).as("the backup is encrypted too").isFalse();
        assertThat(BackupService.isEncrypted(encryptedBackup)).isTrue();
        assertThat(BackupService.isEncrypted(plainBackup)).isFalse();
        assertThat(BackupService.list(dir.resolve("backups"))).filteredOn(BackupService.Backup::encrypted)
                .extracting(BackupService.Backup::zip).containsExactly(encryptedBackup);

        // the older, plain backup is offered for deletion; the encrypted one stays
        try (DataFolder folder = DataFolder.open(dir)) {
            assertThat(BackupService.countUnprotected(folder)).isEqualTo(1);
            assertThat(BackupService.deleteUnprotected(folder)).containsExactly(plainBackup);
            assertThat(BackupService.countUnprotected(folder)).isZero();
        }
        assertThat(encryptedBackup).exists();
        assertThat(plainBackup).doesNotExist();
    }

    @Test
    void afterAPasswordIsSetTheBackupOnExitIsTakenAgainUnderIt() throws Exception {
        // the last close's backup holds the same rows, but not under the password: it does not count any more
        plainBooksWithMarker();
        Path plain;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            plain = books.backups().onExit();
        }
        assertThat(dir.resolve("db/huikuan.backed-up")).exists();
        Database.changePassword(dir, null, key("first password"));
        assertThat(dir.resolve("db/huikuan.backed-up")).doesNotExist();
        try (Books books = Books.open(dir, TestClock.fixed(), key("first password"))) {
            Path taken = books.backups().onExit();
            assertThat(taken).isNotEqualTo(plain);
            assertThat(BackupService.isEncrypted(taken)).isTrue();
        }
    }

    @Test
    void anEncryptedBackupRestoresAndOpensOnlyWithThePasswordItWasTakenWith() throws Exception {
        plainBooksWithMarker();
        Database.changePassword(dir, null, key("first password"));
        Path backup;
        try (Books books = Books.open(dir, TestClock.fixed(), key("first password"))) {
            backup = books.backups().backupNow("manual");
        }
        Database.changePassword(dir, key("first password"), key("second password"));
        assertThatThrownBy(() -> Database.changePassword(dir, key("not the password"), null))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.WRONG_PASSWORD));
        try (Books books = Books.open(dir, TestClock.fixed(), key("second password"))) {
            books.customers().save(books.customers().newCustomer(PartyKind.PERSON, "恢复后应消失"));
        }

        // the backup's data is read before it is restored: its own password is needed, the current one does not open it
        assertThatThrownBy(() -> Restore.restore(dir, backup)).isInstanceOfSatisfying(DataFolderException.class,
                e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.PASSWORD_REQUIRED));
        assertThatThrownBy(() -> Restore.restore(dir, backup, key("second password"), s -> { })).isInstanceOfSatisfying(DataFolderException.class,
                e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.WRONG_PASSWORD));
        assertThat(dir.resolve("db/restoring")).doesNotExist();
        Path aside = Restore.restore(dir, backup, key("first password"), s -> { });
        assertThat(aside).exists();
        assertThat(DataFolder.isEncrypted(dir)).as("the restored books keep the backup's password").isTrue();
        assertThatThrownBy(() -> Books.open(dir, TestClock.fixed(), key("second password"))).isInstanceOfSatisfying(DataFolderException.class,
                e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.WRONG_PASSWORD));
        try (Books books = Books.open(dir, TestClock.fixed(), key("first password"))) {
            assertThat(books.customers().search("ZEBRAQUOKKA", 5)).hasSize(1);
            assertThat(books.customers().search("恢复后应消失", 5)).isEmpty();
            assertThat(books.audit().verify().problems()).as("journal and evidence intact after restore").isEmpty();
        }
        try (DataFolder folder = DataFolder.open(dir)) {
            assertThat(BackupService.countUnprotected(folder)).as("the set-aside copy is encrypted, the first backup not")
                    .isEqualTo(1);
        }
    }

    @Test
    void removingThePasswordGivesBackAPlainDatabase() throws Exception {
        plainBooksWithMarker();
        Database.changePassword(dir, null, key("temporary pw"));
        assertThat(fileContains(dir.resolve("db/huikuan.mv.db"), MARKER)).isFalse();
        Database.changePassword(dir, key("temporary pw"), null);
        assertThat(DataFolder.isEncrypted(dir)).isFalse();
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.customers().search("ZEBRAQUOKKA", 5)).hasSize(1);
        }
    }

    @Test
    void anInterruptedPasswordChangeLeavesTheBooksAsTheyWere() throws Exception {
        plainBooksWithMarker();
        // what a crash in the middle leaves: a half-written copy in db/rekey, the database untouched
        Path work = Files.createDirectories(dir.resolve("db/rekey"));
        Files.write(work.resolve("huikuan.mv.db"), new byte[]{'H', '2', 'e', 'n', 'c', 'r', 'y', 'p', 't', '\n', 1, 2, 3});
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.customers().search("ZEBRAQUOKKA", 5)).hasSize(1);
        }
        assertThat(work).as("leftovers removed when the books open").doesNotExist();
        assertThatThrownBy(() -> DatabaseKey.fromPassword(new char[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(DatabaseKey.weakness("1234567".toCharArray())).isEqualTo("short");
        assertThat(DatabaseKey.weakness("        ".toCharArray())).isEqualTo("empty");
        assertThat(DatabaseKey.weakness("回款助手密码一二".toCharArray())).isNull();
    }

    @Test
    void theCommandLineTakesThePasswordFromTheEnvironmentAndSaysWhatIsMissing() throws Exception {
        plainBooksWithMarker();
        Database.changePassword(dir, null, key("cli password"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8))
                .run("verify", "--book", dir.toString());
        assertThat(rc).isEqualTo(Cli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("HUIKUAN_PASSWORD", "密码保护");
    }
}
