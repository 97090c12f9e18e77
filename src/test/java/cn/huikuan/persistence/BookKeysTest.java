package cn.huikuan.persistence;

import cn.huikuan.storage.DataFolderException;
import cn.huikuan.storage.DatabaseKey;
import org.h2.tools.ChangeFileEncryption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.zip.ZipFile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 24: the password key's PBKDF2 salt is each book's own (the random salt in the clear header of its encrypted
 * file), so no guess can be computed once for every Huikuan user; books and backups from before still open.
 */
class BookKeysTest {
    @TempDir
    Path dir;

    static DatabaseKey key(String password) {
        return DatabaseKey.fromPassword(password.toCharArray());
    }

    static Path file(Path root) {
        return root.resolve("db").resolve("huikuan.mv.db");
    }

    /** A row in one of the app's own tables (a restore loads only those). */
    static void addNote(Database db, String text) {
        db.inJdbcTransaction(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("INSERT INTO creditor (version, kind, name, created_at) VALUES (0, 'PERSON', '" + text + "', CURRENT_TIMESTAMP)");
            }
            return null;
        });
    }

    static String notes(Database db) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT LISTAGG(name, ',') WITHIN GROUP (ORDER BY name) FROM creditor")) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void eachNewBookHasItsOwnSaltAndItsKeyIsDerivedWithIt() throws Exception {
        DatabaseKey k = key("同一个密码 same password");
        Path a = dir.resolve("a"), b = dir.resolve("b");
        try (Database db = Database.open(a, k)) {
            addNote(db, "a");
        }
        try (Database db = Database.open(b, k)) {
            addNote(db, "b");
        }
        byte[] saltA = BookKeys.salt(file(a)), saltB = BookKeys.salt(file(b));
        assertThat(saltA).hasSize(BookKeys.SALT_LENGTH).isNotEqualTo(saltB);
        assertThat(BookKeys.opens(file(a), k.filePassword(saltA))).isTrue();
        assertThat(BookKeys.opens(file(a), k.filePassword(null))).as("not the legacy derivation").isFalse();
        assertThat(BookKeys.opens(file(a), k.filePassword(saltB))).isFalse();
        assertThat(k.filePassword(saltA)).isNotEqualTo(k.filePassword(saltB));
        // H2 kept the header the app wrote: the salt is the same after the books were used
        try (Database db = Database.open(a, k)) {
            assertThat(notes(db)).isEqualTo("a");
            addNote(db, "a2");
        }
        assertThat(BookKeys.salt(file(a))).isEqualTo(saltA);
        assertThatThrownBy(() -> Database.open(a, key("not the password")))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.WRONG_PASSWORD));
    }

    /** Books whose password was set before per-book salts: their file password is derived with the one fixed salt. */
    Path legacyBooks(DatabaseKey k) throws Exception {
        Path root = dir.resolve("legacy");
        try (Database db = Database.open(root)) {
            addNote(db, "old");
        }
        // what setting the password did before: H2's own re-encryption with the fixed-salt file password
        ChangeFileEncryption.execute(file(root).getParent().toString(), "huikuan", "AES", null, k.filePassword(null), true);
        assertThat(BookKeys.opens(file(root), k.filePassword(null))).isTrue();
        return root;
    }

    @Test
    void booksOfTheFixedSaltStillOpenAndMoveToTheirOwnSaltWhenThePasswordIsSetAgain() throws Exception {
        DatabaseKey k = key("旧的密码 old one");
        Path root = legacyBooks(k);
        try (Database db = Database.open(root, k)) {
            assertThat(notes(db)).isEqualTo("old");
        }
        assertThatThrownBy(() -> Database.open(root, key("旧的密码 old two")))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.WRONG_PASSWORD));
        Database.changePassword(root, k, k);   // the same password again: the upgrade path
        byte[] salt = BookKeys.salt(file(root));
        assertThat(BookKeys.opens(file(root), k.filePassword(salt))).isTrue();
        assertThat(BookKeys.opens(file(root), k.filePassword(null))).isFalse();
        try (Database db = Database.open(root, k)) {
            assertThat(notes(db)).isEqualTo("old");
        }
    }

    @Test
    void aBackupFromBeforeAPasswordChangeRestoresWithTheOldPasswordAndItsOwnSalt() throws Exception {
        DatabaseKey first = key("第一个密码 first"), second = key("第二个密码 second");
        Path root = dir.resolve("books");
        Path zip;
        try (Database db = Database.open(root, first)) {
            addNote(db, "before");
            zip = db.backup("manual");
        }
        byte[] before = BookKeys.salt(file(root));
        try (ZipFile z = new ZipFile(zip.toFile()); InputStream in = z.getInputStream(z.getEntry("huikuan.mv.db"))) {
            Path unpacked = dir.resolve("unpacked.mv.db");
            Files.copy(in, unpacked);
            assertThat(BookKeys.salt(unpacked)).as("the backup carries the book's salt in its file").isEqualTo(before);
        }
        Database.changePassword(root, first, second);
        assertThat(BookKeys.salt(file(root))).as("a new password, a new salt").isNotEqualTo(before);
        try (Database db = Database.open(root, second)) {
            addNote(db, "after");
        }
        assertThatThrownBy(() -> Restore.restore(root, zip, second, s -> { }))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.WRONG_PASSWORD));
        Restore.restore(root, zip, first, s -> { });
        try (Database db = Database.open(root, first)) {
            assertThat(notes(db)).isEqualTo("before");
        }
        assertThat(BookKeys.salt(file(root))).as("restored books are a new file with a salt of their own")
                .isNotEqualTo(before).isNotNull();
    }

    @Test
    void aBookCutOffRightAfterItsHeaderWasWrittenOpens() throws Exception {
        DatabaseKey k = key("刚刚设置 just set");
        Path root = dir.resolve("cut");
        Files.createDirectories(file(root).getParent());
        byte[] salt = BookKeys.start(file(root));
        assertThat(Files.size(file(root))).isEqualTo(4096);
        try (Database db = Database.open(root, k)) {
            addNote(db, "new");
        }
        assertThat(BookKeys.salt(file(root))).isEqualTo(salt);
        assertThat(BookKeys.opens(file(root), k.filePassword(salt))).isTrue();
    }

    @Test
    void removingThePasswordLeavesAPlainFile() throws Exception {
        DatabaseKey k = key("要去掉的密码 to remove");
        Path root = dir.resolve("plain");
        try (Database db = Database.open(root, k)) {
            addNote(db, "kept");
        }
        Database.changePassword(root, k, null);
        assertThat(BookKeys.salt(file(root))).isNull();
        assertThat(DataFolder.isEncrypted(root)).isFalse();
        try (Database db = Database.open(root)) {
            assertThat(notes(db)).isEqualTo("kept");
        }
    }
}
