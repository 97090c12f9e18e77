package cn.huikuan.persistence;

import cn.huikuan.domain.Customer;
import org.flywaydb.core.Flyway;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 22, first step (decision 0014): one schema history for H2 and PostgreSQL. Against a real PostgreSQL server
 * ({@link PostgresServer}): every migration runs into a book's schema, the result has the same tables and columns as
 * an H2 book, and the ORM mapping validates against it and reads and writes Chinese text and amounts through it.
 */
class PostgresSchemaTest {
    @TempDir
    Path h2Dir;

    static Flyway flyway(String url, String schema) {
        return Flyway.configure().dataSource(url, "postgres", PostgresServer.SUPERUSER_PASSWORD).schemas(schema).locations(Database.POSTGRESQL_MIGRATIONS)
                .validateMigrationNaming(true).load();
    }

    @Test
    void everyMigrationRunsIntoABooksSchemaOnPostgresql() {
        String url = PostgresServer.get().createDatabase("migrations");
        var result = flyway(url, "book_1").migrate();
        assertThat(result.success).isTrue();
        assertThat(result.targetSchemaVersion).isEqualTo(Database.SCHEMA_VERSION);
        // a second book in the same database has its own schema and history
        assertThat(flyway(url, "book_2").migrate().targetSchemaVersion).isEqualTo(Database.SCHEMA_VERSION);
        assertThat(flyway(url, "book_1").info().pending()).isEmpty();
    }

    @Test
    void aPostgresqlBookHasTheTablesAndColumnsOfAnH2Book() throws Exception {
        String url = PostgresServer.get().createDatabase("columns");
        flyway(url, "book_1").migrate();
        Map<String, Set<String>> pg = new TreeMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT table_name, column_name, is_generated FROM information_schema.columns"
                     + " WHERE table_schema = 'book_1' AND table_name <> 'flyway_schema_history'")) {
            while (rs.next()) pg.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                    .add(rs.getString(2).toLowerCase(Locale.ROOT) + ("ALWAYS".equals(rs.getString(3)) ? " (generated)" : ""));
        }
        Map<String, Set<String>> h2 = new TreeMap<>();
        try (Database db = Database.open(h2Dir)) {
            db.withConnection(c -> {
                try (var rs = c.createStatement().executeQuery("SELECT TABLE_NAME, COLUMN_NAME, IS_GENERATED FROM INFORMATION_SCHEMA.COLUMNS"
                        + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME <> 'flyway_schema_history'")) {
                    while (rs.next()) h2.computeIfAbsent(rs.getString(1).toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                            .add(rs.getString(2).toLowerCase(Locale.ROOT) + ("ALWAYS".equals(rs.getString(3)) ? " (generated)" : ""));
                }
                return null;
            });
        }
        assertThat(h2).containsKeys("receivable", "customer", "payment", "audit_entry");
        assertThat(pg).isEqualTo(h2);
    }

    @Test
    void theMappingValidatesAgainstPostgresqlAndRoundTripsChineseTextAndAmounts() throws SQLException {
        String url = PostgresServer.get().createDatabase("mapping");
        flyway(url, "book_1").migrate();
        long customerId;
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD)) {
            c.createStatement().execute("SET search_path TO book_1");
            var rs = c.createStatement().executeQuery("INSERT INTO creditor (version, kind, name, created_at)"
                    + " VALUES (0, 'COMPANY', '杭州某某五金有限公司', now()) RETURNING id");
            rs.next();
            long creditor = rs.getLong(1);
            var ps = c.prepareStatement("INSERT INTO customer (version, creditor_id, kind, name, situation, created_at, outstanding)"
                    + " VALUES (0, ?, 'PERSON', '李四', 'UNKNOWN', now(), 12345.67) RETURNING id");
            ps.setLong(1, creditor);
            rs = ps.executeQuery();
            rs.next();
            customerId = rs.getLong(1);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser("postgres");
        ds.setPassword(PostgresServer.SUPERUSER_PASSWORD);
        ds.setCurrentSchema("book_1");
        // hbm2ddl=validate: a mapped column missing or of the wrong type fails here
        try (SessionFactory sf = Database.buildSessionFactory(ds)) {
            Customer read = sf.fromTransaction(s -> s.find(Customer.class, customerId));
            assertThat(read.getName()).isEqualTo("李四");
            Long receivables = sf.fromTransaction(s -> s.createQuery("select count(r) from Receivable r", Long.class).getSingleResult());
            assertThat(receivables).isZero();
        }
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
             var rs = c.createStatement().executeQuery("SELECT outstanding_cents FROM book_1.customer WHERE id = " + customerId)) {
            rs.next();
            assertThat(rs.getLong(1)).as("the generated sort key in whole cents").isEqualTo(1234567L);
        }
    }
}
