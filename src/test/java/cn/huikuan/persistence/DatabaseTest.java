package cn.huikuan.persistence;

import cn.huikuan.storage.DataFolderException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

class DatabaseTest {
    @TempDir
    Path dir;

    /** The versions of the shipped migrations, oldest first (from the files, so a new migration needs no test edit). */
    static List<String> shippedVersions() throws IOException {
        try (var files = java.util.stream.Stream.concat(Files.list(Path.of("src/main/resources/db/migration")), Files.list(Path.of("src/main/resources/db/h2")))) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__"))).sorted(Comparator.comparingInt(Integer::parseInt)).toList();
        }
    }

    static String latestUnchecked() {
        try {
            return latest();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String latest() throws IOException {
        List<String> v = shippedVersions();
        return v.get(v.size() - 1);
    }

    @Test
    void closingLeavesNothingInH2sTraceFile() throws Exception {
        // a pooled connection closed after SHUTDOWN wrote "Database is already closed" with its stack into
        // db/huikuan.trace.db at every close (~4 KB a session, in the user's folder)
        for (int i = 0; i < 2; i++) {
            try (Database db = Database.open(dir)) {
                assertThat(db.modificationLevel()).isGreaterThanOrEqualTo(0);
            }
        }
        Path trace = dir.resolve("db/huikuan.trace.db");
        assertThat(trace).as(() -> Files.exists(trace) ? readQuietly(trace) : "").doesNotExist();
    }

    private static String readQuietly(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void theModificationLevelGrowsWithEveryChangeOfRows() throws Exception {
        try (Database db = Database.open(dir)) {
            long open = db.modificationLevel();
            assertThat(db.modificationLevel()).as("reading changes nothing").isEqualTo(open);
            db.inJdbcTransaction(c -> c.createStatement().executeUpdate(
                    "INSERT INTO creditor (version, kind, name, created_at) VALUES (0, 'COMPANY', '甲', CURRENT_TIMESTAMP)"));
            long inserted = db.modificationLevel();
            assertThat(inserted).isGreaterThan(open);
            db.inJdbcTransaction(c -> c.createStatement().executeUpdate("UPDATE creditor SET name = '乙'"));
            assertThat(db.modificationLevel()).isGreaterThan(inserted);
        }
    }

    @Test
    void emptyFolderIsMigratedToTheCurrentSchemaAndValidated() throws Exception {
        try (Database db = Database.open(dir)) {
            List<String> versions = db.withConnection(c -> {
                List<String> v = new ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                    while (rs.next()) v.add(rs.getString(1));
                }
                return v;
            });
            assertThat(versions).isEqualTo(shippedVersions()).contains("1", "2", "3");
            assertThat(db.preMigrationBackup()).isEmpty();
        }
        assertThat(dir.resolve("db/huikuan.mv.db")).exists();
        assertThat(dir.resolve("evidence")).isDirectory();
        assertThat(dir.resolve("backups")).isDirectory();
    }

    @Test
    void aVersion1BookIsUpgradedToVersion2WithItsDataAndABackup() throws Exception {
        // a book as the first release left it: schema V1 with a creditor, customer and receivable
        Files.createDirectories(dir.resolve("db"));
        String url = "jdbc:h2:file:" + dir.resolve("db/huikuan") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "huikuan", "").locations(Database.H2_MIGRATIONS).target("1").load().migrate();
        try (Connection c = DriverManager.getConnection(url, "huikuan", "");
             Statement st = c.createStatement()) {
            st.execute("INSERT INTO creditor (version, kind, name, created_at) VALUES (0, 'ORGANISATION', '老账本', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO customer (version, creditor_id, kind, name, situation, created_at) VALUES (0, 1, 'PERSON', '老客户', 'UNKNOWN', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO receivable (version, customer_id, kind, title, contract_date, principal, currency, penalty_kind, created_at) "
                    + "VALUES (0, 1, 'OTHER', '旧账', DATE '2025-01-01', 1234.56, 'CNY', 'NONE', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO instalment (receivable_id, seq, due_date, amount) VALUES (1, 0, DATE '2025-02-01', 1234.56)");
            st.execute("SHUTDOWN");
        }
        try (Database db = Database.open(dir)) {
            assertThat(db.preMigrationBackup()).isPresent();
            assertThat(db.preMigrationBackup().get().getFileName().toString()).contains("pre-migration-v1");
            String title = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT title FROM receivable")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(title).isEqualTo("旧账");
            long courtEvents = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM court_event")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            assertThat(courtEvents).isZero();
            // V9 and V10 filled in the kept figures and totals of the old receivable (decisions 0008, 0009)
            String kept = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT r.creditor_id, r.outstanding, r.first_unpaid_due, "
                        + "(SELECT receivables || '/' || outstanding || '/' || first_unpaid_due FROM book_due_total), "
                        + "cu.receivable_count, cu.outstanding, cr.customer_count FROM receivable r JOIN customer cu ON cu.id = r.customer_id "
                        + "JOIN creditor cr ON cr.id = cu.creditor_id")) {
                    rs.next();
                    return rs.getLong(1) + " " + rs.getBigDecimal(2) + " " + rs.getDate(3) + " " + rs.getString(4) + " "
                            + rs.getLong(5) + " " + rs.getBigDecimal(6) + " " + rs.getLong(7);
                }
            });
            assertThat(kept).isEqualTo("1 1234.56 2025-02-01 1/1234.56/2025-02-01 1 1234.56 1");
            String months = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT first_day, collected, lent FROM book_month_total")) {
                    rs.next();
                    return rs.getDate(1) + " " + rs.getBigDecimal(2) + " " + rs.getBigDecimal(3) + " " + rs.next();
                }
            });
            assertThat(months).as("V11: the contract month holds the principal").isEqualTo("2025-01-01 0.00 1234.56 false");
            String cents = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT r.principal_cents, r.outstanding_cents, cu.outstanding_cents"
                        + " FROM receivable r JOIN customer cu ON cu.id = r.customer_id")) {
                    rs.next();
                    return rs.getLong(1) + " " + rs.getLong(2) + " " + rs.getLong(3);
                }
            });
            assertThat(cents).as("V13: the amount sort keys in whole cents").isEqualTo("123456 123456 123456");
        }
    }

    @Test
    void reopeningAMigratedDatabaseTakesNoBackup() {
        Database.open(dir).close();
        try (Database db = Database.open(dir)) {
            assertThat(db.preMigrationBackup()).isEmpty();
        }
    }

    @Test
    void aSecondCopyOfTheAppIsRefusedWithAClearReason() {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.IN_USE));
        }
        // released on close
        Database.open(dir).close();
    }

    @Test
    void pendingMigrationsOnExistingBooksAreBackedUpFirst() throws Exception {
        AtomicInteger told = new AtomicInteger();
        Database.open(dir, null, told::incrementAndGet, Database.H2_MIGRATIONS).close();
        assertThat(told.get()).as("a new database is created, not upgraded").isZero();
        Database.open(dir, null, told::incrementAndGet, Database.H2_MIGRATIONS).close();
        assertThat(told.get()).as("nothing pending").isZero();
        try (Database db = Database.open(dir, null, told::incrementAndGet, "classpath:db/migration", "classpath:db/h2", "classpath:db/test-v2")) {
            assertThat(told.get()).as("the app is told before the backup and the upgrade").isEqualTo(1);
            assertThat(db.preMigrationBackup()).isPresent();
            Path backup = db.preMigrationBackup().get();
            assertThat(backup).exists().startsWith(dir.resolve("backups"));
            assertThat(backup.getFileName().toString()).contains("pre-migration-v" + latest()).endsWith(".zip");
            assertThat(Files.size(backup)).isPositive();
        }
    }

    @Test
    void aFailedMigrationIsRolledBackFromTheBackupAndReported() throws Exception {
        try (Database db = Database.open(dir)) {
            db.inTransactionDo(s -> s.createNativeMutationQuery(
                    "INSERT INTO creditor (version, kind, name, created_at) VALUES (0, 'ORGANISATION', '升级前的账本', CURRENT_TIMESTAMP)").executeUpdate());
        }
        assertThatThrownBy(() -> Database.open(dir, "classpath:db/migration", "classpath:db/h2", "classpath:db/test-broken"))
                .isInstanceOfSatisfying(DataFolderException.class,
                        e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.MIGRATION_ROLLED_BACK));
        try (var files = Files.list(dir.resolve("backups"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.contains("pre-migration-v" + latestUnchecked()) && n.endsWith(".zip"))
                    .anyMatch(n -> n.endsWith("-failed-migration.mv.db"));
        }
        // the half-done column and the failed history row are gone; the books open as they were
        try (Database db = Database.open(dir)) {
            db.withConnection(c -> {
                try (var rs = c.getMetaData().getColumns(null, null, "CUSTOMER", "HALF_DONE")) {
                    assertThat(rs.next()).as("half-done migration undone").isFalse();
                }
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = FALSE OR \"version\" = '901'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT name FROM creditor")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getString(1)).isEqualTo("升级前的账本");
                }
                return null;
            });
        }
    }

    /** The start skips Flyway when the schema is at SCHEMA_VERSION: it must name the newest migration. */
    @Test
    void theSchemaVersionTheStartTrustsIsTheNewestMigration() throws Exception {
        List<String> shipped = shippedVersions();
        assertThat(Database.SCHEMA_VERSION).isEqualTo(shipped.get(shipped.size() - 1));
        try (Database db = Database.open(dir)) {
            db.withConnection(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                    rs.next();
                    assertThat(rs.getString(1)).isEqualTo(Database.SCHEMA_VERSION);
                }
                return null;
            });
        }
        try (Database db = Database.open(dir)) { // the second start takes the short way; Hibernate still validates the mapping
            Integer one = db.inTransaction(s -> s.createNativeQuery("SELECT 1", Integer.class).getSingleResult());
            assertThat(one).isEqualTo(1);
        }
    }

    /** Free space left by many small commits (WRITE_DELAY=0) is given back when the books close. */
    @Test
    void aFileThatIsMostlyFreeSpaceIsCompactedWhenTheBooksClose() throws Exception {
        Path file = dir.resolve("db/huikuan.mv.db");
        Database db = Database.open(dir);
        try {
            db.withConnection(c -> {
                c.setReadOnly(false);
                try (var st = c.createStatement()) {
                    st.execute("CREATE TABLE scratch (t VARCHAR(100000))");
                    String text = "x".repeat(20_000) + "y";
                    for (int i = 0; i < 3000; i++) {
                        try (var ps = c.prepareStatement("INSERT INTO scratch VALUES (?)")) {
                            ps.setString(1, text + i);
                            ps.executeUpdate();
                        }
                    }
                    st.execute("DROP TABLE scratch");
                }
                return null;
            });
            assertThat(Files.size(file)).as("the scratch rows made the file large").isGreaterThan(Database.COMPACT_ABOVE_BYTES);
        } finally {
            db.close();
        }
        assertThat(db.shutdownCommand()).as("a large file that is mostly free space is compacted").isEqualTo("SHUTDOWN COMPACT");
        assertThat(Files.size(file)).isLessThan(Database.COMPACT_ABOVE_BYTES);
        Database again = Database.open(dir); // still opens; small now, so the next close does not rewrite it
        again.close();
        assertThat(again.shutdownCommand()).isEqualTo("SHUTDOWN");
    }

    @Test
    void aCorruptDatabaseFileIsReportedNotCrashedOn() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.write(dir.resolve("db/huikuan.mv.db"), "this is not an H2 file, just text pretending".repeat(100).getBytes());
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.CORRUPT));
    }

    @Test
    void aFolderThatCannotBeCreatedIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Database.open(file.resolve("books")))
                .isInstanceOfSatisfying(DataFolderException.class,
                        e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.NOT_WRITABLE));
    }
}
