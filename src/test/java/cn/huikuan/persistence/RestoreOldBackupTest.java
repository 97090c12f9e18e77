package cn.huikuan.persistence;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.flywaydb.core.Flyway;

/**
 * A backup taken by an older release (schema V1, V10) is read against books made by the migrations up to its own
 * version, then upgraded to today's schema when the books open, keeping its data and its identity counters.
 */
class RestoreOldBackupTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"1", "10", "13"})
    void aBackupOfAnOlderSchemaIsRestoredAndUpgraded(String version) throws Exception {
        Path old = dir.resolve("old");
        Files.createDirectories(old);
        String url = "jdbc:h2:file:" + old.resolve("huikuan") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure().dataSource(url, "huikuan", "").locations(Database.H2_MIGRATIONS).target(version).load().migrate();
        try (Connection c = DriverManager.getConnection(url, "huikuan", ""); Statement st = c.createStatement()) {
            st.execute("INSERT INTO creditor (version, kind, name, created_at) VALUES (0, 'ORGANISATION', '老账本', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO customer (version, creditor_id, kind, name, situation, created_at) VALUES (0, 1, 'PERSON', '老客户', 'UNKNOWN', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO receivable (version, customer_id, kind, title, contract_date, principal, currency, penalty_kind, created_at) "
                    + "VALUES (0, 1, 'OTHER', '旧账', DATE '2025-01-01', 1234.56, 'CNY', 'NONE', CURRENT_TIMESTAMP)");
            st.execute("INSERT INTO instalment (receivable_id, seq, due_date, amount) VALUES (1, 0, DATE '2025-02-01', 1234.56)");
            st.execute("SHUTDOWN");
        }
        Path zip = dir.resolve("old-backup.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("huikuan.mv.db"));
            Files.copy(old.resolve("huikuan.mv.db"), out);
        }
        Path books = dir.resolve("books");
        assertThat(Restore.restore(books, zip)).as("no books were there to set aside").isNull();
        try (Database db = Database.open(books)) {
            String row = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT r.title, r.principal, cu.name FROM receivable r JOIN customer cu ON cu.id = r.customer_id")) {
                    rs.next();
                    return rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getString(3);
                }
            });
            assertThat(row).isEqualTo("旧账 1234.56 老客户");
            String history = db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT MAX(CAST(\"version\" AS INT)) FROM \"flyway_schema_history\" WHERE \"success\"")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(history).isEqualTo(Database.SCHEMA_VERSION);
            // the identity counter continues after the restored rows
            long next = db.inJdbcTransaction(c -> {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO creditor (version, kind, name, created_at) VALUES (0, 'PERSON', '新', CURRENT_TIMESTAMP)", Statement.RETURN_GENERATED_KEYS);
                    try (ResultSet rs = st.getGeneratedKeys()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
            assertThat(next).isEqualTo(2);
        }
    }
}
