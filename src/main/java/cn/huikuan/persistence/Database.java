package cn.huikuan.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The embedded H2 database of one data folder. Opening it: takes the folder lock, backs the database up
 * if migrations are pending on an existing schema, runs the Flyway migrations, then builds a Hibernate
 * {@link SessionFactory} that only <em>validates</em> the mapping ({@code hbm2ddl.auto=validate}).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);

    private final DataFolder folder;
    private final JdbcConnectionPool pool;
    private final SessionFactory sessionFactory;
    private final Optional<Path> preMigrationBackup;

    private Database(DataFolder folder, JdbcConnectionPool pool, SessionFactory sf, Optional<Path> backup) {
        this.folder = folder;
        this.pool = pool;
        this.sessionFactory = sf;
        this.preMigrationBackup = backup;
    }

    public static Database open(Path root) {
        return open(root, "classpath:db/migration");
    }

    /** Opens with the given Flyway locations; tests add locations with further migrations. */
    static Database open(Path root, String... migrationLocations) {
        DataFolder folder = DataFolder.open(root);
        try {
            return open(folder, migrationLocations);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    private static Database open(DataFolder folder, String[] migrationLocations) {
        // WRITE_DELAY=0: a commit is in the file before it returns (the crash test lost commits with the default delay)
        String url = "jdbc:h2:file:" + folder.databaseBase() + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
        JdbcConnectionPool pool = JdbcConnectionPool.create(url, "huikuan", "");
        pool.setMaxConnections(8);
        try {
            try (Connection c = pool.getConnection()) {
                c.isValid(1);
            } catch (SQLException e) {
                throw classify(folder, e);
            }
            Optional<Path> backup = Optional.empty();
            try {
                Flyway flyway = Flyway.configure().dataSource(pool).locations(migrationLocations)
                        .validateMigrationNaming(true).load();
                MigrationInfo current = flyway.info().current();
                if (current != null && flyway.info().pending().length > 0) {
                    backup = Optional.of(backup(pool, folder, "pre-migration-v" + current.getVersion()));
                }
                MigrateResult result = flyway.migrate();
                if (result.migrationsExecuted > 0) {
                    LOG.info("Applied {} migration(s), schema now at {}", result.migrationsExecuted, result.targetSchemaVersion);
                }
            } catch (DataFolderException e) {
                throw e;
            } catch (RuntimeException e) {
                throw new DataFolderException(DataFolderException.Reason.MIGRATION_FAILED, folder.root(), e);
            }
            StandardServiceRegistry registry = new StandardServiceRegistryBuilder()
                    .applySetting("hibernate.connection.datasource", pool)
                    .applySetting("hibernate.hbm2ddl.auto", "validate")
                    .applySetting("hibernate.physical_naming_strategy",
                            "org.hibernate.boot.model.naming.CamelCaseToUnderscoresNamingStrategy")
                    .applySetting("hibernate.type.preferred_enum_jdbc_type", "VARCHAR")
                    .applySetting("hibernate.jdbc.time_zone", "UTC")
                    .applySetting("hibernate.show_sql", "false")
                    .build();
            try {
                SessionFactory sf = new MetadataSources(registry)
                        .addResource("cn/huikuan/persistence/orm.xml")
                        .buildMetadata().buildSessionFactory();
                return new Database(folder, pool, sf, backup);
            } catch (RuntimeException e) {
                StandardServiceRegistryBuilder.destroy(registry);
                throw e;
            }
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    private static DataFolderException classify(DataFolder folder, SQLException e) {
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("already in use") || msg.contains("locked")) {
            return new DataFolderException(DataFolderException.Reason.IN_USE, folder.root(), e);
        }
        if (msg.contains("read only") || msg.contains("Permission denied") || msg.contains("No space")) {
            return new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, folder.root(), e);
        }
        return new DataFolderException(DataFolderException.Reason.CORRUPT, folder.root(), e);
    }

    /** A consistent online backup (H2 {@code BACKUP TO}) as a zip in the backups folder. */
    public Path backup(String label) {
        return backup(pool, folder, label, LocalDateTime.now());
    }

    public Path backup(String label, LocalDateTime at) {
        return backup(pool, folder, label, at);
    }

    private static Path backup(JdbcConnectionPool pool, DataFolder folder, String label) {
        return backup(pool, folder, label, LocalDateTime.now());
    }

    private static Path backup(JdbcConnectionPool pool, DataFolder folder, String label, LocalDateTime at) {
        String stamp = at.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String safe = label.replaceAll("[^A-Za-z0-9._-]", "_");
        Path target = folder.backupDir().resolve("huikuan-" + stamp + "-" + safe + ".zip");
        for (int n = 2; Files.exists(target); n++) {
            target = folder.backupDir().resolve("huikuan-" + stamp + "-" + safe + "." + n + ".zip");
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            Files.createDirectories(target.getParent());
            s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
        } catch (SQLException | java.io.IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, folder.root(), e);
        }
        LOG.info("Backup written to {}", target);
        return target;
    }

    public DataFolder folder() { return folder; }
    public Optional<Path> preMigrationBackup() { return preMigrationBackup; }

    /** Runs {@code work} in one read-write transaction; rolls back if it throws. */
    public <T> T inTransaction(Function<Session, T> work) {
        return sessionFactory.fromTransaction(work);
    }

    public void inTransactionDo(Consumer<Session> work) {
        sessionFactory.inTransaction(work);
    }

    /** Plain JDBC for the paged, aggregated list queries. */
    public <T> T withConnection(SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setReadOnly(true);
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    @FunctionalInterface
    public interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private volatile boolean compactOnClose;

    /**
     * Rewrites the database file when it closes (H2 SHUTDOWN COMPACT), so that deleted rows do not linger in
     * free pages of the file: asked for after erasing a debtor's personal data.
     */
    public void compactOnClose() {
        compactOnClose = true;
    }

    @Override
    public void close() {
        try {
            sessionFactory.close();
        } finally {
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                s.execute(compactOnClose ? "SHUTDOWN COMPACT" : "SHUTDOWN");
            } catch (SQLException e) {
                LOG.warn("Database shutdown: {}", e.getMessage());
            }
            pool.dispose();
            folder.close();
        }
    }
}
