package cn.huikuan.persistence;

import cn.huikuan.storage.DatabaseKey;
import cn.huikuan.storage.BackupRefusedException;
import cn.huikuan.storage.DataFolderException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.boot.MetadataSources;
import org.hibernate.boot.registry.StandardServiceRegistry;
import org.hibernate.boot.registry.StandardServiceRegistryBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import cn.huikuan.storage.ConnectionLostException;
import java.io.IOException;
import java.nio.file.StandardCopyOption;
import java.sql.DriverManager;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;

/**
 * The embedded H2 database of one data folder. Opening it: takes the folder lock, backs the database up
 * if migrations are pending on an existing schema, runs the Flyway migrations, then builds a Hibernate
 * {@link SessionFactory} that only <em>validates</em> the mapping ({@code hbm2ddl.auto=validate}).
 */
public final class Database implements AutoCloseable {
    /** Looked up when something is logged: a run that logs nothing never sets up logging (issue 25, start of verify). */
    private static Logger log() {
        return LoggerFactory.getLogger(Database.class);
    }

    private final DataFolder folder;
    /** An H2 book's pool; null for an office book, whose connections are {@link #officePool}'s. */
    private final JdbcConnectionPool pool;
    /** An office book's connections to its server, checked before use (see {@link OfficePool}); null for an H2 book. */
    private final OfficePool officePool;
    /** The pool's connections as the app gets them: given up at once when the store fails (see {@link GuardedDataSource}). */
    private final GuardedDataSource guarded;
    /**
     * Built in the background (about 2 s: Hibernate's boot and schema validation) while the window opens; the
     * lists and the dashboard use plain JDBC and do not wait for it, the editors' work does (issue 7, startup).
     */
    private volatile CompletableFuture<SessionFactory> sessionFactory;
    private final Optional<Path> preMigrationBackup;

    /** The schema version of the newest migration in {@code db/migration}; {@code DatabaseTest} keeps it true. */
    static final String SCHEMA_VERSION = "22";

    /**
     * One schema history for both databases (issue 22, decision 0014): the scripts in {@code db/migration} run on both;
     * a version whose SQL differs between them has one script per database, under the same name, in {@code db/h2} and
     * {@code db/postgresql} (V13: H2's multi-column ADD COLUMN and generated columns; PostgreSQL's STORED ones).
     * Moving a script between folders keeps its name and checksum, so books migrated before the split validate as before.
     */
    public static final String[] H2_MIGRATIONS = {"classpath:db/migration", "classpath:db/h2"};
    public static final String[] POSTGRESQL_MIGRATIONS = {"classpath:db/migration", "classpath:db/postgresql"};

    /** Unpooled connections to the same database: the one that shuts it down (see {@link #close()}). */
    private final JdbcDataSource direct;

    /**
     * The newest backup known to hold this data, and the {@link #modificationLevel()} it holds it at (null: none
     * known). From the marker the last close left (then the level is the one at open), or from a backup taken now.
     * One field, so that no reader sees one backup's zip with another's level.
     */
    private volatile BackedUp backedUp;

    private record BackedUp(Path zip, long level) {
    }

    /** Which database the book is in: H2 in {@link #folder}, or a schema on the office's server. */
    private final Dialect dialect;
    /** The office book's server and schema ("jdbc:postgresql://… · book_1"), or null for H2. */
    private final String office;

    private Database(DataFolder folder, JdbcDataSource direct, JdbcConnectionPool pool, CompletableFuture<SessionFactory> sf,
                     Optional<Path> backup) {
        this(folder, direct, pool, null, sf, backup, Dialect.H2, null);
    }

    private Database(DataFolder folder, JdbcDataSource direct, JdbcConnectionPool pool, OfficePool officePool,
                     CompletableFuture<SessionFactory> sf, Optional<Path> backup, Dialect dialect, String office) {
        this.folder = folder;
        this.direct = direct;
        this.pool = pool;
        this.officePool = officePool;
        this.guarded = new GuardedDataSource(pool != null ? pool : officePool);
        this.sessionFactory = sf;
        this.preMigrationBackup = backup;
        this.dialect = dialect;
        this.office = office;
        this.amountIndexes = new AmountIndexes(dialect);
    }

    /**
     * Opens one book of an office's PostgreSQL server (team mode, issue 22, decision 0014) as the staff member
     * {@code user}: its records are in {@code schema} (made by {@code team add-book}), read and written through the
     * same repository code as an H2 book, with what the server's grants allow that member. {@code local} is a folder on
     * this computer for what belongs to the computer, never to the book: settings, the journal's anchors, copies of
     * evidence files fetched from the server, derived images. The schema must be current: staff cannot migrate it (the
     * office's owner does, with {@code team add-book}); a book at another version is refused saying so.
     *
     * @throws DataFolderException {@code SERVER_UNREACHABLE}, {@code SERVER_LOGIN} or {@code SERVER_BOOK} saying why
     */
    public static Database openOffice(Path local, String url, String user, char[] password, String schema) {
        DataFolder folder = DataFolder.open(local);
        OfficePool pool = null;
        try {
            pool = new OfficePool(OfficeServer.pooledSource(url, user, password, schema));
            String where = url + " · " + schema;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement();
                 var rs = s.executeQuery("SELECT current_schema()")) {
                if (!rs.next() || !schema.equals(rs.getString(1))) {
                    // PostgreSQL skips a search_path entry the user may not use: current_schema() is then another one
                    throw new DataFolderException(DataFolderException.Reason.SERVER_BOOK, local, new SQLException(
                            "账本 " + schema + " 不存在或未授权给 " + user + " / book " + schema + " does not exist or is not granted to " + user));
                }
            } catch (SQLException e) {
                throw OfficeServer.classify(local, e);
            }
            if (!upToDate(pool)) {
                throw new DataFolderException(DataFolderException.Reason.SERVER_BOOK, local, new SQLException(
                        "账本 " + schema + " 的结构不是本程序的版本 " + SCHEMA_VERSION + "，请负责人运行 team upgrade"
                                + " / book " + schema + " is not at schema version " + SCHEMA_VERSION + ": the office's owner runs team upgrade"));
            }
            return new Database(folder, null, null, pool, null, Optional.empty(), Dialect.POSTGRESQL, where);
        } catch (RuntimeException e) {
            if (pool != null) pool.dispose();
            folder.close();
            throw e;
        }
    }

    /** The SQL that differs between H2 and PostgreSQL (see {@link Dialect}). */
    public Dialect dialect() {
        return dialect;
    }

    /** Where an office book's evidence files are kept (its schema on the server); empty for an H2 book. */
    public Optional<EvidenceStore.Remote> evidenceServer() {
        return office == null ? Optional.empty() : Optional.of(new ServerEvidence(guarded));
    }

    /**
     * Whether this connection's user may change journal entries (blank an erased record's text): always on a PC; on an
     * office server only the office's owners may (staff may only add entries, V20 and the book's grants).
     */
    public boolean mayChangeJournal() {
        if (office == null) return true;
        return withConnection(c -> {
            try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT has_table_privilege('audit_entry', 'UPDATE')")) {
                return rs.next() && rs.getBoolean(1);
            }
        });
    }

    /** Whether this book is on an office server (then its backups are the server's, not the app's). */
    public boolean onServer() {
        return office != null;
    }

    /** The office server and schema of a server book ("jdbc:postgresql://… · book_1"); empty for an H2 book. */
    public Optional<String> office() {
        return Optional.ofNullable(office);
    }

    public static Database open(Path root) {
        return open(root, (DatabaseKey) null);
    }

    /**
     * Opens the books; {@code key} is needed when they are password-protected and ignored when they are not. A
     * new database is created encrypted when a key is given.
     *
     * @throws DataFolderException {@code PASSWORD_REQUIRED} or {@code WRONG_PASSWORD} for protected books
     */
    public static Database open(Path root, DatabaseKey key) {
        return open(root, key, null, H2_MIGRATIONS);
    }

    /** As {@link #open(Path, DatabaseKey)}; {@code onUpgrade} runs when migrations are about to run on existing books. */
    public static Database open(Path root, DatabaseKey key, Runnable onUpgrade) {
        return open(root, key, onUpgrade, H2_MIGRATIONS);
    }

    /** Opens with the given Flyway locations; tests add locations with further migrations. */
    static Database open(Path root, String... migrationLocations) {
        return open(root, null, null, migrationLocations);
    }

    static Database open(Path root, DatabaseKey key, Runnable onUpgrade, String... migrationLocations) {
        DataFolder folder = DataFolder.open(root);
        try {
            return open(folder, key, onUpgrade, migrationLocations);
        } catch (RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    private static Database open(DataFolder folder, DatabaseKey key, Runnable onUpgrade, String[] migrationLocations) {
        boolean exists = Files.isRegularFile(folder.databaseFile());
        boolean encrypted = exists ? DataFolder.isEncrypted(folder.root()) : key != null;
        if (encrypted && key == null) {
            throw new DataFolderException(DataFolderException.Reason.PASSWORD_REQUIRED, folder.root(), null);
        }
        removeRekeyLeftovers(folder);
        Restore.removeLeftovers(folder);
        Path backedUp = takeBackedUpMarker(folder);
        cn.huikuan.StartupTiming.mark("database: folder locked");
        JdbcDataSource direct = new JdbcDataSource();
        direct.setURL(url(folder.databaseBase(), encrypted));
        direct.setUser("huikuan");
        direct.setPassword(encrypted ? filePassword(folder, folder.databaseFile(), key) + " " : "");
        JdbcConnectionPool pool = JdbcConnectionPool.create(direct);
        pool.setMaxConnections(8);
        try {
            try (Connection c = pool.getConnection()) {
                c.isValid(1);
            } catch (SQLException e) {
                throw classify(folder, e);
            }
            cn.huikuan.StartupTiming.mark("database: H2 open");
            Optional<Path> backup = Optional.empty();
            boolean schemaCurrent = exists && java.util.Arrays.equals(migrationLocations, H2_MIGRATIONS) && upToDate(pool);
            if (!schemaCurrent) try {
                Flyway flyway = Flyway.configure().dataSource(pool).locations(migrationLocations)
                        .validateMigrationNaming(true).load();
                MigrationInfo current = flyway.info().current();
                if (current != null && flyway.info().pending().length > 0) {
                    if (onUpgrade != null) onUpgrade.run();
                    backup = Optional.of(backup(pool, folder, "pre-migration-v" + current.getVersion()));
                }
                MigrateResult result = flyway.migrate();
                if (result.migrationsExecuted > 0) {
                    log().info("Applied {} migration(s), schema now at {}", result.migrationsExecuted, result.targetSchemaVersion);
                }
            } catch (DataFolderException e) {
                throw e;
            } catch (RuntimeException e) {
                throw rollBack(folder, direct, pool, backup, e);
            }
            cn.huikuan.StartupTiming.mark(schemaCurrent ? "database: schema current" : "database: Flyway done");
            Database db = new Database(folder, direct, pool, new CompletableFuture<>(), backup);
            if (backedUp != null && schemaCurrent) { // migrated data is not the data in that backup
                db.backedUp = new BackedUp(backedUp, db.modificationLevel());
            }
            return db;
        } catch (RuntimeException e) {
            pool.dispose();
            throw e;
        }
    }

    /**
     * Whether the schema is at {@link #SCHEMA_VERSION} with no failed migration: then Flyway (about 0.5 s of
     * class loading and scanning at every start) is not needed. Anything else (a new file, an older schema, a
     * failed row, a missing history) goes through Flyway as before.
     */
    private static boolean upToDate(DataSource pool) {
        try (Connection c = pool.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT (SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\""
                     + " ORDER BY \"installed_rank\" DESC LIMIT 1), (SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\")")) {
            return rs.next() && SCHEMA_VERSION.equals(rs.getString(1)) && rs.getLong(2) == 0;
        } catch (SQLException e) {
            return false; // no history table: a new database
        }
    }

    /**
     * Creates or migrates one office book on a PostgreSQL server (team mode, decision 0014): the book's schema, made
     * and kept current by the same migrations as an H2 book. Runs as the connection's current role.
     */
    public static void migratePostgresqlBook(DataSource server, String schema) {
        Flyway.configure().dataSource(server).schemas(schema).locations(POSTGRESQL_MIGRATIONS).validateMigrationNaming(true).load().migrate();
    }

    /** The ORM over {@code pool}, checked against its schema ({@code validate}, never DDL): H2's or a PostgreSQL book's. */
    static SessionFactory buildSessionFactory(DataSource pool) {
        {
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
                return new MetadataSources(registry)
                        .addResource("cn/huikuan/persistence/orm.xml")
                        .buildMetadata().buildSessionFactory();
            } catch (RuntimeException e) {
                StandardServiceRegistryBuilder.destroy(registry);
                throw e;
            }
        }
    }

    private final AtomicBoolean booting = new AtomicBoolean();

    /**
     * Starts building the SessionFactory in the background if that has not begun. The app calls it once the
     * main window shows (so the boot does not compete with building the window); the first use calls it too.
     */
    public void warmUp() {
        if (office != null) {
            officeOrm();
            return;
        }
        if (!booting.compareAndSet(false, true)) return;
        CompletableFuture<SessionFactory> building = sessionFactory;
        Thread boot = new Thread(() -> {
            try {
                building.complete(buildSessionFactory(guarded));
                cn.huikuan.StartupTiming.mark("database: Hibernate ready");
            } catch (Throwable t) {
                building.completeExceptionally(t);
            }
        }, "huikuan-hibernate");
        boot.setDaemon(true);
        boot.start();
    }

    /**
     * The ORM of the office books of each server, booted once per server and JVM (issue 22): Hibernate's boot (1–3 s)
     * was paid by every office book opened, and {@code team overview} opens each book of the office in turn. Every
     * office book of a server has the same mapping (a book at another schema version is refused at open), so one
     * {@link SessionFactory} serves them all; each session is given its own book's connection ({@link #officeSession}),
     * whose search path is that book's schema and whose login is the staff member's: what the server lets that login
     * do stays all it can do. The factory's own connections (those of the book that booted it) serve only its boot's
     * check of the mapping. Kept while the JVM runs: books of one server are opened and closed in turn.
     */
    private static final java.util.concurrent.ConcurrentMap<String, CompletableFuture<SessionFactory>> OFFICE_ORMS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** How many office ORMs this JVM has begun to boot (for tests: one per server, not one per book). */
    static final java.util.concurrent.atomic.AtomicInteger officeOrmBoots = new java.util.concurrent.atomic.AtomicInteger();

    /** The server of an office book ("jdbc:postgresql://HOST:PORT/DB"): the key of its shared ORM. */
    private String officeServer() {
        return office.substring(0, office.lastIndexOf(" · "));
    }

    /** The shared ORM of this office book's server, its boot started in the background here if nobody started it. */
    private CompletableFuture<SessionFactory> officeOrm() {
        String server = officeServer();
        CompletableFuture<SessionFactory> mine = new CompletableFuture<>();
        CompletableFuture<SessionFactory> there = OFFICE_ORMS.putIfAbsent(server, mine);
        if (there != null) return there;
        officeOrmBoots.incrementAndGet();
        Thread boot = new Thread(() -> {
            try {
                mine.complete(buildSessionFactory(guarded));
            } catch (Throwable t) {
                OFFICE_ORMS.remove(server, mine);   // the next use boots again
                mine.completeExceptionally(t);
            }
        }, "huikuan-hibernate");
        boot.setDaemon(true);
        boot.start();
        return mine;
    }

    /**
     * {@code work} in one transaction of a session of the shared ORM ({@link #OFFICE_ORMS}) on one of this book's own
     * connections: committed when it returns, rolled back if it throws, as {@code SessionFactory.fromTransaction} does.
     */
    private <T> T officeSession(Function<Session, T> work) {
        SessionFactory sf = sessionFactory();
        try (Connection c = guarded.getConnection()) {
            try (Session s = sf.withOptions().connection(c).openSession()) {
                var tx = s.beginTransaction();
                try {
                    T result = work.apply(s);
                    tx.commit();
                    return result;
                } catch (RuntimeException | Error e) {
                    try {
                        if (tx.isActive()) tx.rollback();
                    } catch (RuntimeException r) {
                        e.addSuppressed(r);
                    }
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new org.hibernate.exception.JDBCConnectionException(e.getMessage(), e);
        }
    }

    /** The SessionFactory, waiting for its background build if needed; a failed build is rethrown here. */
    private SessionFactory sessionFactory() {
        CompletableFuture<SessionFactory> built;
        if (office != null) {
            built = officeOrm();
        } else {
            warmUp();
            built = sessionFactory;
        }
        try {
            return built.join();
        } catch (CompletionException e) {
            // an office book's server that was away while Hibernate booted (it checks the mapping against the server):
            // the next use boots again (the failed boot is no longer shared), and this one is a lost connection (nothing was written)
            if (office != null && (OfficeFaults.connectionLost(e.getCause()) || !serverAnswers())) {
                throw new ConnectionLostException(ConnectionLostException.Outcome.NOT_SAVED, e.getCause());
            }
            if (e.getCause() instanceof RuntimeException re) throw re;
            if (e.getCause() instanceof Error er) throw er;
            throw e;
        }
    }

    /**
     * A migration failed. H2 commits DDL as it goes, so the schema may be half changed: the database is put
     * back from the backup taken just before the migration (the failed file is kept aside in {@code backups/}
     * as "failed-migration" for support), and the user is told that the books are as they were.
     */
    private static DataFolderException rollBack(DataFolder folder, JdbcDataSource direct, JdbcConnectionPool pool, Optional<Path> backup, RuntimeException cause) {
        if (backup.isEmpty()) return new DataFolderException(DataFolderException.Reason.MIGRATION_FAILED, folder.root(), cause);
        try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
            pool.dispose(); // before SHUTDOWN, as in close()
            s.execute("SHUTDOWN");
        } catch (SQLException e) {
            log().warn("Shutdown after the failed migration: {}", e.getMessage());
        }
        pool.dispose();
        try {
            Path aside = Restore.putBackOwnPreMigrationBackup(folder, backup.get(), "failed-migration");
            log().warn("Migration failed; database put back from {} (the failed one is kept at {})", backup.get(), aside);
            return new DataFolderException(DataFolderException.Reason.MIGRATION_ROLLED_BACK, folder.root(), cause);
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
            return new DataFolderException(DataFolderException.Reason.MIGRATION_FAILED, folder.root(), cause);
        }
    }

    /**
     * Checks books the user brought in from elsewhere (a folder on a USB stick, another computer's data folder) before
     * they are first opened: their database file is read at the storage level, and anything it defines that the
     * app's migrations never make (a trigger, a function, another user …) refuses it, naming what was found, because
     * opening the file as a database would run it (issue 24). Takes the folder lock for the check.
     *
     * @throws BackupRefusedException what was found; the folder is left as it was
     */
    public static void checkBroughtIn(Path root, DatabaseKey key) {
        try (DataFolder folder = DataFolder.open(root)) {
            Path scratch = folder.databaseFile().resolveSibling("restoring");
            Restore.removeLeftovers(folder);
            try {
                Files.createDirectories(scratch);
                boolean encrypted = DataFolder.isEncrypted(root);
                if (encrypted && key == null) throw new DataFolderException(DataFolderException.Reason.PASSWORD_REQUIRED, root, null);
                try {
                    BackupLoader.checkOnly(folder.databaseFile(), encrypted ? key : null, scratch);
                } catch (BackupRefusedException e) {
                    if (encrypted && e.reason() == BackupRefusedException.Reason.UNREADABLE) {
                        throw new DataFolderException(DataFolderException.Reason.WRONG_PASSWORD, root, e);
                    }
                    throw e;
                }
            } catch (IOException e) {
                throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, root, e);
            } finally {
                Restore.removeLeftovers(folder);
            }
        }
    }

    /** WRITE_DELAY=0: a commit is in the file before it returns (the crash test lost commits with the default delay). */
    private static String url(Path base, boolean encrypted) {
        return "jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0" + (encrypted ? ";CIPHER=AES" : "");
    }

    private static DataFolderException classify(DataFolder folder, SQLException e) {
        if (e.getErrorCode() == ErrorCode.FILE_ENCRYPTION_ERROR_1) {
            return new DataFolderException(DataFolderException.Reason.WRONG_PASSWORD, folder.root(), e);
        }
        String msg = String.valueOf(e.getMessage());
        if (msg.contains("already in use") || msg.contains("locked")) {
            return new DataFolderException(DataFolderException.Reason.IN_USE, folder.root(), e);
        }
        if (msg.contains("read only") || msg.contains("Permission denied") || msg.contains("No space")) {
            return new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, folder.root(), e);
        }
        return new DataFolderException(DataFolderException.Reason.CORRUPT, folder.root(), e);
    }

    /**
     * Sets, changes or removes the password of the books in {@code root}, which must be closed (the folder lock is
     * taken here). {@code oldKey} null: the books are not protected yet; {@code newKey} null: remove the protection.
     * The database is re-encrypted into a copy under {@code db/rekey/}, the copy is opened with the new key to prove
     * it, and only then moved over the database in one atomic rename; a crash at any point leaves either the old or
     * the new file in place, never a half-written one (leftovers are removed the next time the books open).
     *
     * @throws DataFolderException {@code WRONG_PASSWORD} if {@code oldKey} does not open the books
     */
    public static void changePassword(Path root, DatabaseKey oldKey, DatabaseKey newKey) {
        try (DataFolder folder = DataFolder.open(root)) {
            Path db = folder.databaseFile();
            if (!Files.isRegularFile(db)) throw new IllegalStateException("no database in " + root);
            boolean encrypted = DataFolder.isEncrypted(root);
            if (encrypted && oldKey == null) throw new DataFolderException(DataFolderException.Reason.PASSWORD_REQUIRED, root, null);
            if (!encrypted) oldKey = null;
            if (oldKey == null && newKey == null) return;
            // the old key must open the books before anything is written
            probe(folder, db, oldKey);
            // no backup holds the data under the new key (or without one): the next close takes one
            Files.deleteIfExists(folder.backedUpMarker());
            removeRekeyLeftovers(folder);
            Path work = rekeyDir(folder);
            Files.createDirectories(work);
            Path copy = work.resolve(db.getFileName());
            // a new salt with every new password (BookKeys): books of the legacy salt move to their own here
            BookKeys.reencrypt(db, oldKey == null ? null : filePassword(folder, db, oldKey).toCharArray(), copy, newKey);
            probe(folder, copy, newKey);
            Files.move(copy, db, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            removeRekeyLeftovers(folder);
            log().info("Database password {}", newKey == null ? "removed" : oldKey == null ? "set" : "changed");
        } catch (IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, root, e);
        }
    }

    /**
     * The file password of the books' database file {@code file} with {@code key}: derived with the file's own salt
     * ({@link BookKeys}), the legacy salt for books from before, or, for a file not there yet, started here with a new
     * salt. A key that opens neither way is the wrong password.
     */
    private static String filePassword(DataFolder folder, Path file, DatabaseKey key) {
        try {
            if (!Files.exists(file)) Files.createDirectories(file.getParent());
            char[] p = BookKeys.passwordFor(file, key);
            if (p == null) throw new DataFolderException(DataFolderException.Reason.WRONG_PASSWORD, folder.root(), null);
            return new String(p);
        } catch (IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, folder.root(), e);
        }
    }

    /** Opens the database file {@code file} (of this folder or its re-encrypted copy) with {@code key} and reads one row. */
    private static void probe(DataFolder folder, Path file, DatabaseKey key) {
        String name = file.getFileName().toString();
        Path base = file.resolveSibling(name.substring(0, name.length() - ".mv.db".length()));
        String url = url(base, key != null) + ";IFEXISTS=TRUE";
        try (Connection c = DriverManager.getConnection(url, "huikuan", key == null ? "" : filePassword(folder, file, key) + " ");
             Statement s = c.createStatement(); var rs = s.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\"")) {
            rs.next();
        } catch (SQLException e) {
            throw classify(folder, e);
        }
    }

    private static Path rekeyDir(DataFolder folder) {
        return folder.databaseFile().resolveSibling("rekey");
    }

    /** Removes what an interrupted {@link #changePassword} left (the database itself is never in there). */
    private static void removeRekeyLeftovers(DataFolder folder) {
        Path work = rekeyDir(folder);
        if (!Files.isDirectory(work)) return;
        try (var files = Files.list(work)) {
            for (Path p : files.toList()) Files.deleteIfExists(p);
            Files.deleteIfExists(work);
        } catch (IOException e) {
            log().warn("Could not remove {}: {}", work, e.getMessage());
        }
    }

    /** A consistent online backup (H2 {@code BACKUP TO}) as a zip in the backups folder. */
    public Path backup(String label) {
        return backup(label, LocalDateTime.now());
    }

    public Path backup(String label, LocalDateTime at) {
        if (office != null) throw new IllegalStateException("an office book is backed up by its server, not by the app / 服务器上的账本由服务器备份");
        long level = modificationLevel();
        Path zip = backup(guarded, folder, label, at);
        // the zip holds the data at least as new as `level`; only when nothing changes after it is it "the" backup
        backedUp = new BackedUp(zip, level);
        return zip;
    }

    /**
     * A number that grows whenever any table's rows change while the books are open (inserted, updated, deleted,
     * locked for update, even if rolled back afterwards): the highest {@code INFORMATION_SCHEMA.TABLES.LAST_MODIFICATION}
     * of the app's tables. H2 keeps it in memory (0 for every table when the books open), so it only compares
     * within one opening.
     */
    public long modificationLevel() {
        if (office != null) return serverLevel();
        try (Connection c = guarded.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COALESCE(MAX(LAST_MODIFICATION), 0) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, folder.root(), e);
        }
    }

    /**
     * An office book's level: the server's write-ahead log position, which moves with every write committed on the
     * server (any book's, and the server's own housekeeping: at worst a screen reloads once more than needed, never
     * once less).
     */
    private long serverLevel() {
        try (Connection c = guarded.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT (pg_current_wal_insert_lsn() - '0/0'::pg_lsn)::bigint")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw OfficeServer.classify(folder.root(), e);
        }
    }

    /**
     * The backup that holds exactly the data the books hold now, if one is known: a backup taken since they
     * opened, or the one the last close recorded (its marker matched the database file as that close left it),
     * with no row changed since. The backup on exit is skipped then: before, a book of 100,000 receivables took
     * ~3 s to close (1,000,000: 50-57 s) every time, even when it was only looked at.
     */
    public Optional<Path> unchangedBackup() {
        if (office != null) return Optional.empty();
        BackedUp b = backedUp;
        if (b == null || !Files.isRegularFile(b.zip())) return Optional.empty();
        return modificationLevel() == b.level() ? Optional.of(b.zip()) : Optional.empty();
    }

    /**
     * Reads and removes the marker of the last close (so any opening, the command line's too, uses it up: a crash
     * or a write after this point leaves no marker behind). Returns its backup when the marker names an existing
     * backup and the database file is still the size and time the close left it; else null.
     */
    private static Path takeBackedUpMarker(DataFolder folder) {
        Path marker = folder.backedUpMarker();
        if (!Files.exists(marker)) return null;
        Properties p = new Properties();
        try {
            try (var in = Files.newInputStream(marker)) {
                p.load(in);
            } finally {
                Files.deleteIfExists(marker);
            }
            Path zip = folder.backupDir().resolve(p.getProperty("backup", ""));
            Path file = folder.databaseFile();
            boolean same = zip.getParent().equals(folder.backupDir()) && Files.isRegularFile(zip) && Files.isRegularFile(file)
                    && Long.toString(Files.size(file)).equals(p.getProperty("size"))
                    && Long.toString(Files.getLastModifiedTime(file).toMillis()).equals(p.getProperty("modified"));
            return same ? zip : null;
        } catch (IOException | RuntimeException e) {
            log().warn("Ignoring the backup marker {}: {}", marker, e.toString());
            return null;
        }
    }

    /** After the database file is closed: records that {@code zip} holds its data (see {@link #takeBackedUpMarker}). */
    private void writeBackedUpMarker(Path zip) {
        try {
            Path file = folder.databaseFile();
            Properties p = new Properties();
            p.setProperty("backup", zip.getFileName().toString());
            p.setProperty("size", Long.toString(Files.size(file)));
            p.setProperty("modified", Long.toString(Files.getLastModifiedTime(file).toMillis()));
            Path tmp = folder.backedUpMarker().resolveSibling("huikuan.backed-up.tmp");
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, "The database as closed is the one in this backup (Huikuan skips the backup on exit when nothing changed)");
            }
            Files.move(tmp, folder.backedUpMarker(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            log().warn("Could not record the backup marker: {}", e.toString()); // the next close backs up again
        }
    }

    private static Path backup(DataSource pool, DataFolder folder, String label) {
        return backup(pool, folder, label, LocalDateTime.now());
    }

    private static Path backup(DataSource pool, DataFolder folder, String label, LocalDateTime at) {
        String stamp = at.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        String safe = label.replaceAll("[^A-Za-z0-9._-]", "_");
        String name = "huikuan-" + stamp + "-" + safe;
        // a second one in the same second is "….n.zip", n above every one there is (not the first gap: rotation may
        // have deleted "….zip" while "….2.zip" stays, and the new one must still sort as the newer)
        int seq = 0;
        if (Files.isDirectory(folder.backupDir())) {
            var same = Pattern.compile(Pattern.quote(name) + "(?:\\.(\\d{1,6}))?\\.zip");
            try (var files = Files.list(folder.backupDir())) {
                for (Path p : (Iterable<Path>) files::iterator) {
                    var m = same.matcher(p.getFileName().toString());
                    if (m.matches()) seq = Math.max(seq, m.group(1) == null ? 1 : Integer.parseInt(m.group(1)));
                }
            } catch (IOException e) {
                throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, folder.root(), e);
            }
        }
        Path target = folder.backupDir().resolve(name + (seq == 0 ? "" : "." + (seq + 1)) + ".zip");
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            Files.createDirectories(target.getParent());
            s.execute("BACKUP TO '" + target.toString().replace("'", "''") + "'");
        } catch (SQLException | IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, folder.root(), e);
        }
        log().info("Backup written to {}", target);
        return target;
    }

    public DataFolder folder() { return folder; }

    private final AmountIndexes amountIndexes;

    /** The receivables' amount indexes, which a large import drops and builds again (decision 0012). */
    public AmountIndexes amountIndexes() { return amountIndexes; }
    public Optional<Path> preMigrationBackup() { return preMigrationBackup; }

    /**
     * Runs {@code work} in one read-write transaction; rolls back if it throws. On an office book whose connection to
     * the server is lost (see {@link #onServer}) this throws {@link ConnectionLostException}, or runs {@code work} once
     * more where that is safe: {@code work} must then do the same again on a new session (it gets nothing of the first).
     */
    public <T> T inTransaction(Function<Session, T> work) {
        if (office == null) return sessionFactory().fromTransaction(work);
        return onServer(attempt -> officeSession(s -> {
            T result = work.apply(s);
            s.flush();
            attempt.committing(s.doReturningWork(OfficeFaults::writingTransaction), result);
            return result;
        }));
    }

    public void inTransactionDo(Consumer<Session> work) {
        inTransaction(s -> {
            work.accept(s);
            return null;
        });
    }

    /** Whether an office book's server takes a connection now (the pool checks the one it gives). */
    private boolean serverAnswers() {
        try (Connection c = guarded.getConnection()) {
            return true;
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /** How many times an office book's transaction is tried when its connection is lost before it committed. */
    static final int TRIES = 2;

    /** One try of a transaction on the server: whether its COMMIT was sent, the transaction's id, and what it returned. */
    private static final class Attempt<T> {
        private boolean committing;
        private Long xid;
        private T result;

        /** Everything is written; {@code xid} (null when it wrote nothing) commits next. */
        void committing(Long xid, T result) {
            this.committing = true;
            this.xid = xid;
            this.result = result;
        }
    }

    /**
     * Runs one transaction of an office book, {@code run}, and decides what a lost connection (the server restarted or
     * stopped, the network failed, the session ended by an administrator) means for it (see {@link OfficeFaults}):
     * <ul>
     *   <li>lost before the COMMIT was sent, or during it with the server saying afterwards that it did not commit: the
     *       transaction is certainly not on the server, and it runs once more on a new connection (the pool's are checked
     *       first, so a server back up takes it); if that fails too, {@link ConnectionLostException} {@code NOT_SAVED};</li>
     *   <li>lost during the COMMIT, and the server says it committed: it is saved, exactly once, and this returns;</li>
     *   <li>lost during the COMMIT and the server cannot be asked: {@code UNKNOWN}, and the user is told to look before
     *       doing it again. Never tried again automatically: a payment must not be recorded twice.</li>
     * </ul>
     */
    private <T> T onServer(Function<Attempt<T>, T> run) {
        for (int tries = 1; ; tries++) {
            Attempt<T> attempt = new Attempt<>();
            try {
                return run.apply(attempt);
            } catch (RuntimeException e) {
                boolean lost = e instanceof ConnectionLostException said
                        ? said.outcome() == ConnectionLostException.Outcome.NOT_SAVED : OfficeFaults.connectionLost(e);
                if (!lost) throw e;
                OfficeFaults.Fate fate = attempt.committing ? OfficeFaults.fate(guarded, attempt.xid) : OfficeFaults.Fate.NOT_COMMITTED;
                if (fate == OfficeFaults.Fate.COMMITTED) {
                    log().warn("The connection to {} was lost during a commit; the server has the transaction: saved once ({})", office, e.toString());
                    return attempt.result;
                }
                if (fate == OfficeFaults.Fate.NOT_COMMITTED && tries < TRIES) {
                    log().warn("The connection to {} was lost; the transaction did not commit and runs again ({})", office, e.toString());
                    continue;
                }
                log().warn("The connection to {} was lost; the transaction {}", office,
                        fate == OfficeFaults.Fate.NOT_COMMITTED ? "did not commit" : "may or may not have committed", e);
                if (e instanceof ConnectionLostException said && fate == OfficeFaults.Fate.NOT_COMMITTED) throw said;
                throw new ConnectionLostException(fate == OfficeFaults.Fate.NOT_COMMITTED
                        ? ConnectionLostException.Outcome.NOT_SAVED : ConnectionLostException.Outcome.UNKNOWN, e);
            }
        }
    }

    /** An office book's work that is not one transaction (reads, or work that commits as it goes): a lost connection is said so. */
    private <T> T lostSaidSo(Supplier<T> run, ConnectionLostException.Outcome outcome) {
        if (office == null) return run.get();
        try {
            return run.get();
        } catch (RuntimeException e) {
            if (e instanceof ConnectionLostException || !OfficeFaults.connectionLost(e)) throw e;
            throw new ConnectionLostException(outcome, e);
        }
    }

    /**
     * Many transactions on one connection (a spreadsheet import writing 1,000 rows per transaction, decision
     * 0010) with H2's write delay at its default while they run: with {@code WRITE_DELAY=0} every commit writes
     * the changed index pages to the file. {@code work} commits what it writes; anything it leaves uncommitted is
     * rolled back. The delay is set back to 0 and the file written before this returns, so the rows are on disk
     * when the user is told they are. Other commits made meanwhile may reach the file up to 0.5 s late.
     */
    public <T> T inBulkConnection(SqlWork<T> work) {
        // an office book's bulk work commits as it goes: after a lost connection some of it may be on the server
        return lostSaidSo(() -> bulk(work), ConnectionLostException.Outcome.UNKNOWN);
    }

    private <T> T bulk(SqlWork<T> work) {
        setWriteDelay(500);
        try (Connection c = guarded.getConnection()) {
            c.setAutoCommit(false);
            try {
                return work.apply(c);
            } finally {
                endTransaction(c, false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        } finally {
            if (!guarded.failed()) setWriteDelay(0); // else the failure that stopped the store is the one to report
        }
    }

    /**
     * Rolls back what {@code c} left uncommitted (unless {@code committed}) and sets auto-commit back, unless the store
     * failed meanwhile: then the failure that stopped it is the one the caller reports, not a "database is closed" of this.
     */
    private void endTransaction(Connection c, boolean committed) throws SQLException {
        if (guarded.failed()) return;
        if (!committed) c.rollback();
        c.setAutoCommit(true);
    }

    /**
     * One read-write transaction in plain JDBC, committed when {@code work} returns, rolled back if it throws; on an
     * office book, a lost connection as in {@link #inTransaction}.
     */
    public <T> T inJdbcTransaction(SqlWork<T> work) {
        if (office == null) return jdbcTransaction(work, null);
        return onServer(attempt -> jdbcTransaction(work, attempt));
    }

    private <T> T jdbcTransaction(SqlWork<T> work, Attempt<T> attempt) {
        try (Connection c = guarded.getConnection()) {
            c.setAutoCommit(false);
            boolean committed = false;
            try {
                T result = work.apply(c);
                if (attempt != null) attempt.committing(OfficeFaults.writingTransaction(c), result);
                c.commit();
                committed = true;
                return result;
            } finally {
                endTransaction(c, committed);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void setWriteDelay(int ms) {
        if (dialect != Dialect.H2) return;   // H2's own: PostgreSQL writes its log at every commit
        try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET WRITE_DELAY " + ms);
            if (ms == 0) s.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Plain JDBC for the paged, aggregated list queries; on an office book a lost connection is
     * {@link ConnectionLostException} {@code NOT_SAVED} (these are reads: nothing was being written).
     */
    public <T> T withConnection(SqlWork<T> work) {
        return lostSaidSo(() -> readOnly(work), ConnectionLostException.Outcome.NOT_SAVED);
    }

    private <T> T readOnly(SqlWork<T> work) {
        try (Connection c = guarded.getConnection()) {
            c.setReadOnly(true);
            try {
                return work.apply(c);
            } finally {
                // the pool hands this connection on as it is: PostgreSQL would refuse the next user's writes
                if (!guarded.failed()) c.setReadOnly(false);
            }
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

    private volatile String shutdown;

    /** How the database was last shut down ({@code SHUTDOWN} or {@code SHUTDOWN COMPACT}); for tests. */
    String shutdownCommand() {
        return shutdown;
    }

    /** Files smaller than this are never rewritten at close just for their free space. */
    static final long COMPACT_ABOVE_BYTES = 16L << 20;

    /**
     * Whether most of the file is free space. With {@code WRITE_DELAY=0} every commit writes a new chunk and H2
     * does not reclaim old ones while the app runs: a generated 100,000-receivable book was 2.5 GB at a fill
     * rate of 9% (chunks 40% full) and 60 MB after {@code SHUTDOWN COMPACT} (2 s). Daily backups copy the whole file, so the
     * books are compacted at close when they are over {@link #COMPACT_ABOVE_BYTES} and less than half full.
     * H2 compacts into a new file and renames it over the old one, so a kill during it loses nothing.
     */
    private boolean mostlyFreeSpace(Statement s) {
        try {
            if (Files.size(folder.databaseFile()) < COMPACT_ABOVE_BYTES) return false;
            // FILL_RATE: the share of the file's blocks in use; CHUNKS_FILL_RATE: the share of live data in those chunks
            try (var rs = s.executeQuery("SELECT MIN(CAST(SETTING_VALUE AS INT)) FROM INFORMATION_SCHEMA.SETTINGS"
                    + " WHERE SETTING_NAME IN ('info.FILL_RATE', 'info.CHUNKS_FILL_RATE')")) {
                return rs.next() && rs.getInt(1) < 50;
            }
        } catch (IOException | SQLException | NumberFormatException e) {
            return false;
        }
    }

    @Override
    public void close() {
        try {
            try {
                if (office == null && booting.get()) sessionFactory().close();   // an office book's is its server's (OFFICE_ORMS)
            } catch (RuntimeException e) {
                log().warn("Closing Hibernate: {}", e.getMessage());
            }
        } finally {
            if (office != null) {
                officePool.dispose();   // the server stays up: nothing to shut down, no file to compact or mark as backed up
            } else if (guarded.failed()) {
                // the store failed (a full disk): H2 has closed it; no statement, no SHUTDOWN, no backup marker.
                // What was committed before the failure is in the file and the books open again once space is freed.
                guarded.closeFailedDatabase();
                pool.dispose();
            } else {
                shutDown();
            }
            folder.close();
        }
    }

    private void shutDown() {
        Path unchanged = null;
        // SHUTDOWN on an unpooled connection, after the pool's are closed: a pooled connection closed after
        // SHUTDOWN rolls back on the closed database, which H2 wrote into db/huikuan.trace.db at every close
        try (Connection c = direct.getConnection(); Statement s = c.createStatement()) {
            try {
                unchanged = unchangedBackup().orElse(null);
            } catch (RuntimeException e) {
                log().warn("Database shutdown: {}", e.getMessage());
            }
            pool.dispose();
            shutdown = compactOnClose || mostlyFreeSpace(s) ? "SHUTDOWN COMPACT" : "SHUTDOWN";
            s.execute(shutdown);
        } catch (SQLException e) {
            log().warn("Database shutdown: {}", e.getMessage());
            unchanged = null;
        } finally {
            pool.dispose();
        }
        if (unchanged != null) writeBackedUpMarker(unchanged);
    }
}
