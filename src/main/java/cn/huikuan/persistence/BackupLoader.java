package cn.huikuan.persistence;

import cn.huikuan.storage.DatabaseKey;
import cn.huikuan.storage.BackupRefusedException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

import java.nio.file.Files;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds books from a database file that came from outside (issue 24) without ever opening that file as a
 * database. H2 runs what a database file defines when it opens it: a trigger written in Java source is compiled
 * and run in the opening process. So:
 * <ol>
 *   <li>the file is read at the storage level ({@link IsolatedStore}): its schema rows as text, its rows as values;</li>
 *   <li>a new book is made by the app's own Flyway migrations up to the schema version the file's history records;</li>
 *   <li>every object the file defines must be one the migrations made (compared as H2 stores its SQL, with the
 *       identity counters and H2's generated names left out); anything else (a trigger, a function alias, a view,
 *       another table, a second user, a role …) refuses the whole file, naming it;</li>
 *   <li>the rows of the app's tables are inserted into the new book with prepared statements, parents before
 *       children, under the new book's own keys and checks; no SQL text from the file is executed.</li>
 * </ol>
 * The caller swaps the new book in only when all of this succeeded.
 */
final class BackupLoader {
    private static final Logger LOG = LoggerFactory.getLogger(BackupLoader.class);
    static final String HISTORY = "flyway_schema_history";
    private static final Pattern TABLE_NAME = Pattern.compile("^CREATE (?:CACHED |MEMORY )?(?:GLOBAL TEMPORARY |LOCAL TEMPORARY )?TABLE \"PUBLIC\"\\.\"([^\"]+)\"");
    private static final Pattern ANY_NAME = Pattern.compile("\"([^\"]+)\"\\.\"([^\"]+)\"");
    private static final Pattern RESTART = Pattern.compile(" RESTART WITH -?\\d+");
    /** H2's generated names of constraints and their indexes carry a counter that differs between books made alike. */
    private static final Pattern GENERATED_NAME = Pattern.compile("\"(CONSTRAINT_|PRIMARY_KEY_|FK_INDEX_|CONSTRAINT_INDEX_|SYSTEM_SEQUENCE_)[0-9A-F_]+\"");

    /** What was loaded: the schema version of the file and the rows per table. */
    record Loaded(String version, Map<String, Long> rows) {
        long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private BackupLoader() {
    }

    /**
     * Makes a new book at {@code target} (the path without {@code .mv.db}, which must not exist) from the database file
     * {@code source}, encrypted with {@code key} when the source is (the source must open with it).
     *
     * @param origin what the user chose (the backup), for messages
     */
    static Loaded load(Path source, DatabaseKey key, Path target, Path origin, Consumer<String> progress) {
        char[] fileKey = filePassword(source, key, origin);
        List<IsolatedStore.MetaRow> meta;
        try {
            meta = IsolatedStore.meta(source, fileKey);
        } catch (RuntimeException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.UNREADABLE, origin, e.getMessage(), e);
        }
        Map<String, IsolatedStore.MetaRow> tables = tables(meta);
        IsolatedStore.MetaRow history = tables.get(HISTORY);
        if (history == null) throw new BackupRefusedException(BackupRefusedException.Reason.NOT_HUIKUAN, origin, "no " + HISTORY);

        progress.accept("schema");
        Reference current = Reference.make(target, key, null);
        String version;
        try {
            if (!normalise(history.sql()).equals(normalise(current.meta.get(HISTORY).sql()))) {
                throw new BackupRefusedException(BackupRefusedException.Reason.SCHEMA_MISMATCH, origin, HISTORY);
            }
            version = schemaVersion(source, fileKey, history.id(), current.columns.get(HISTORY), origin);
        } catch (RuntimeException e) {
            current.delete();
            throw e;
        }
        Reference ref = current;
        if (!version.equals(Database.SCHEMA_VERSION)) {
            if (compareVersions(version, Database.SCHEMA_VERSION) > 0) {
                current.delete();
                throw new BackupRefusedException(BackupRefusedException.Reason.NEWER_VERSION, origin, "V" + version);
            }
            current.delete();
            ref = Reference.make(target, key, version);
        }
        try {
            check(meta, ref, origin);
            Map<String, Long> counts = fill(source, fileKey, tables, ref, target, key, origin, progress);
            return new Loaded(version, counts);
        } catch (RuntimeException | Error e) {
            ref.delete();
            throw e;
        }
    }

    /**
     * Checks, without loading anything, that the database file {@code file} defines only what the app's migrations
     * make at the version its history records (for books in a folder the user points the app at). Throws
     * {@link BackupRefusedException} naming what it found otherwise.
     */
    static void checkOnly(Path file, DatabaseKey key, Path scratch) {
        char[] fileKey = filePassword(file, key, file);
        List<IsolatedStore.MetaRow> meta;
        try {
            meta = IsolatedStore.meta(file, fileKey);
        } catch (RuntimeException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.UNREADABLE, file, e.getMessage(), e);
        }
        Map<String, IsolatedStore.MetaRow> tables = tables(meta);
        IsolatedStore.MetaRow history = tables.get(HISTORY);
        if (history == null) throw new BackupRefusedException(BackupRefusedException.Reason.NOT_HUIKUAN, file, "no " + HISTORY);
        Path base = scratch.resolve("reference");
        Reference ref = Reference.make(base, null, null);
        try {
            String version = schemaVersion(file, fileKey, history.id(), ref.columns.get(HISTORY), file);
            if (!version.equals(Database.SCHEMA_VERSION)) {
                if (compareVersions(version, Database.SCHEMA_VERSION) > 0) {
                    throw new BackupRefusedException(BackupRefusedException.Reason.NEWER_VERSION, file, "V" + version);
                }
                ref.delete();
                ref = Reference.make(base, null, version);
            }
            check(meta, ref, file);
        } finally {
            ref.delete();
        }
    }

    /** The app's tables of the file by name (CREATE TABLE rows only). */
    private static Map<String, IsolatedStore.MetaRow> tables(List<IsolatedStore.MetaRow> meta) {
        Map<String, IsolatedStore.MetaRow> out = new LinkedHashMap<>();
        for (IsolatedStore.MetaRow r : meta) {
            if (r.type() != IsolatedStore.Kind.TABLE_OR_VIEW) continue;
            Matcher m = TABLE_NAME.matcher(r.sql());
            if (m.find()) out.putIfAbsent(m.group(1), r);
        }
        return out;
    }

    /** The newest successfully applied version in the file's schema history. */
    private static String schemaVersion(Path file, char[] fileKey, int historyId, List<Column> columns, Path origin) {
        int version = -1, success = -1;
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name.equals("version")) version = i;
            if (columns.get(i).name.equals("success")) success = i;
        }
        int v = version, s = success;
        String[] newest = {null};
        try {
            IsolatedStore.rows(file, fileKey, historyId, row -> {
                if (row.length != columns.size()) throw new IllegalStateException("history row of " + row.length + " values");
                if (Boolean.TRUE.equals(row[s]) && row[v] instanceof String ver && ver.matches("\\d{1,4}(\\.\\d{1,4})?")
                        && (newest[0] == null || compareVersions(ver, newest[0]) > 0)) {
                    newest[0] = ver;
                }
            });
        } catch (RuntimeException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.UNREADABLE, origin, e.getMessage(), e);
        }
        if (newest[0] == null) throw new BackupRefusedException(BackupRefusedException.Reason.NOT_HUIKUAN, origin, "empty " + HISTORY);
        return newest[0];
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\."), y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0, q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) return Integer.compare(p, q);
        }
        return 0;
    }

    /** Every object the file defines must be one the reference has; every table of the reference must be in the file. */
    private static void check(List<IsolatedStore.MetaRow> meta, Reference ref, Path origin) {
        Map<String, Integer> expected = new HashMap<>();
        for (IsolatedStore.MetaRow r : ref.metaRows) {
            if (r.type() == IsolatedStore.Kind.SETTING || r.type() == IsolatedStore.Kind.USER) continue;
            expected.merge(normalise(r.sql()), 1, Integer::sum);
        }
        int users = 0;
        Set<String> seenTables = new LinkedHashSet<>();
        for (IsolatedStore.MetaRow r : meta) {
            if (r.type() == IsolatedStore.Kind.SETTING) continue; // database settings (CREATE_BUILD, WRITE_DELAY …): never applied
            if (r.type() == IsolatedStore.Kind.USER) {
                if (++users > 1) throw foreign(origin, r);
                continue;
            }
            String n = normalise(r.sql());
            Integer left = expected.get(n);
            if (left == null || left == 0) {
                Matcher t = TABLE_NAME.matcher(r.sql());
                if (r.type() == IsolatedStore.Kind.TABLE_OR_VIEW && t.find() && ref.meta.containsKey(t.group(1))) {
                    LOG.warn("Refused {}: table {} is\n{}\nwhere the app's migrations make\n{}", origin, t.group(1), r.sql(), ref.meta.get(t.group(1)).sql());
                    throw new BackupRefusedException(BackupRefusedException.Reason.SCHEMA_MISMATCH, origin, t.group(1));
                }
                throw foreign(origin, r);
            }
            expected.put(n, left - 1);
            Matcher t = TABLE_NAME.matcher(r.sql());
            if (r.type() == IsolatedStore.Kind.TABLE_OR_VIEW && t.find()) seenTables.add(t.group(1));
        }
        for (String table : ref.meta.keySet()) {
            if (!seenTables.contains(table)) {
                throw new BackupRefusedException(BackupRefusedException.Reason.SCHEMA_MISMATCH, origin, "missing table " + table);
            }
        }
    }

    private static BackupRefusedException foreign(Path origin, IsolatedStore.MetaRow r) {
        Matcher m = ANY_NAME.matcher(r.sql());
        String name = m.find() ? m.group(2) : r.sql().length() > 60 ? r.sql().substring(0, 60) + "…" : r.sql();
        LOG.warn("Refused {}: it defines {} {}: {}", origin, IsolatedStore.Kind.name(r.type()), name,
                r.sql().length() > 300 ? r.sql().substring(0, 300) + "…" : r.sql());
        return new BackupRefusedException(BackupRefusedException.Reason.FOREIGN_OBJECT, origin, IsolatedStore.Kind.name(r.type()) + " " + name);
    }

    /** H2's stored SQL without what differs between books made by the same migrations. */
    static String normalise(String sql) {
        String s = RESTART.matcher(sql).replaceAll("");
        return GENERATED_NAME.matcher(s).replaceAll("\"$1*\"");
    }

    /** Inserts the rows of every app table, parents first; returns the rows per table. */
    private static Map<String, Long> fill(Path source, char[] fileKey, Map<String, IsolatedStore.MetaRow> tables, Reference ref,
                                          Path target, DatabaseKey key, Path origin, Consumer<String> progress) {
        Map<String, Long> counts = new LinkedHashMap<>();
        JdbcDataSource ds = dataSource(target, key);
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            for (String table : ref.order) {
                if (table.equals(HISTORY)) continue; // the new book's own history, of the same version
                IsolatedStore.MetaRow row = tables.get(table);
                if (!IsolatedStore.hasTable(source, fileKey, row.id())) { // a table never written to may have no data yet
                    counts.put(table, 0L);
                    continue;
                }
                progress.accept(table);
                counts.put(table, copy(c, source, fileKey, row.id(), table, ref.columns.get(table), origin));
                c.commit();
            }
            try (Statement s = c.createStatement()) {
                for (var e : ref.identities.entrySet()) {
                    String t = quote(e.getKey()), col = quote(e.getValue());
                    long next;
                    try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + col + "), 0) + 1 FROM " + t)) {
                        rs.next();
                        next = rs.getLong(1);
                    }
                    s.execute("ALTER TABLE " + t + " ALTER COLUMN " + col + " RESTART WITH " + next);
                }
                c.commit();
                s.execute("SHUTDOWN");
            }
        } catch (SQLException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.BAD_DATA, origin, e.getMessage(), e);
        }
        return counts;
    }

    private static long copy(Connection c, Path source, char[] fileKey, int tableId, String table, List<Column> columns, Path origin) throws SQLException {
        List<Integer> written = new ArrayList<>();
        StringBuilder sql = new StringBuilder("INSERT INTO ").append(quote(table)).append('(');
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).generated) continue;
            if (!written.isEmpty()) sql.append(", ");
            sql.append(quote(columns.get(i).name));
            written.add(i);
        }
        sql.append(") VALUES (").append("?, ".repeat(written.size() - 1)).append("?)");
        long[] n = {0};
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            IsolatedStore.rows(source, fileKey, tableId, values -> {
                if (values.length != columns.size()) {
                    throw new BackupRefusedException(BackupRefusedException.Reason.SCHEMA_MISMATCH, origin,
                            table + ": a row of " + values.length + " values, " + columns.size() + " columns");
                }
                try {
                    for (int i = 0; i < written.size(); i++) ps.setObject(i + 1, values[written.get(i)]);
                    ps.addBatch();
                    if (++n[0] % 1000 == 0) {
                        ps.executeBatch();
                        if (n[0] % 20_000 == 0) c.commit();
                    }
                } catch (SQLException e) {
                    throw new BackupRefusedException(BackupRefusedException.Reason.BAD_DATA, origin, table + ": " + e.getMessage(), e);
                }
            });
            ps.executeBatch();
        } catch (BackupRefusedException e) {
            throw e;
        } catch (SQLException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.BAD_DATA, origin, table + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.BAD_DATA, origin, table + ": " + e.getMessage(), e);
        }
        return n[0];
    }

    /**
     * The file password that opens the encrypted database file {@code file} with {@code key} (its own salt or the
     * legacy one, {@link BookKeys}); null for an unencrypted file (no key). A key that does not open it is refused as
     * unreadable: a wrong password, or not an encrypted Huikuan database.
     */
    static char[] filePassword(Path file, DatabaseKey key, Path origin) {
        if (key == null) return null;
        try {
            char[] p = BookKeys.passwordOf(file, key);
            if (p == null) throw new BackupRefusedException(BackupRefusedException.Reason.UNREADABLE, origin, "the password does not open it");
            return p;
        } catch (IOException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.UNREADABLE, origin, e.getMessage(), e);
        }
    }

    /** The app's books at {@code base} (a new file: encrypted under its own new salt when {@code key} is given). */
    static JdbcDataSource dataSource(Path base, DatabaseKey key) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + base + ";DB_CLOSE_ON_EXIT=FALSE" + (key != null ? ";CIPHER=AES" : ""));
        ds.setUser("huikuan");
        if (key == null) {
            ds.setPassword("");
        } else {
            Path file = Path.of(base + ".mv.db");
            try {
                char[] p = BookKeys.passwordFor(file, key);
                if (p == null) throw new IllegalStateException("the key does not open " + file);
                ds.setPassword(new String(p) + " ");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return ds;
    }

    private static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    record Column(String name, boolean generated) {
    }

    /**
     * A new book made by the app's migrations (all, or up to {@code version}), closed, with its schema rows as the
     * storage layer reads them, its columns, identity columns and the order that puts parents before children.
     */
    private static final class Reference {
        final Path base;
        final List<IsolatedStore.MetaRow> metaRows;
        final Map<String, IsolatedStore.MetaRow> meta;
        final Map<String, List<Column>> columns = new LinkedHashMap<>();
        final Map<String, String> identities = new LinkedHashMap<>();
        final List<String> order = new ArrayList<>();

        private Reference(Path base, DatabaseKey key) {
            this.base = base;
            Path file = Path.of(base + ".mv.db");
            this.metaRows = IsolatedStore.meta(file, filePassword(file, key, file));
            this.meta = tables(metaRows);
        }

        static Reference make(Path base, DatabaseKey key, String version) {
            Path file = Path.of(base + ".mv.db");
            if (Files.exists(file)) throw new IllegalStateException("exists: " + file);
            JdbcDataSource ds = dataSource(base, key);
            Map<String, List<Column>> columns = new LinkedHashMap<>();
            Map<String, String> identities = new LinkedHashMap<>();
            Map<String, Set<String>> parents = new LinkedHashMap<>();
            try {
                var config = Flyway.configure().dataSource(ds).locations(Database.H2_MIGRATIONS);
                if (version != null) config = config.target(version);
                config.load().migrate();
                try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                    try (ResultSet rs = s.executeQuery("SELECT TABLE_NAME, COLUMN_NAME, IS_GENERATED, IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
                        while (rs.next()) {
                            String t = rs.getString(1);
                            columns.computeIfAbsent(t, k -> new ArrayList<>()).add(new Column(rs.getString(2), "ALWAYS".equals(rs.getString(3))));
                            if ("YES".equals(rs.getString(4))) identities.put(t, rs.getString(2));
                            parents.computeIfAbsent(t, k -> new LinkedHashSet<>());
                        }
                    }
                    try (ResultSet rs = s.executeQuery("SELECT tc.TABLE_NAME, uc.TABLE_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
                            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uc ON uc.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND uc.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
                            + " WHERE tc.TABLE_SCHEMA = 'PUBLIC'")) {
                        while (rs.next()) {
                            if (!rs.getString(1).equals(rs.getString(2))) parents.computeIfAbsent(rs.getString(1), k -> new LinkedHashSet<>()).add(rs.getString(2));
                        }
                    }
                    s.execute("SHUTDOWN");
                }
            } catch (SQLException | RuntimeException e) {
                deleteFiles(base);
                throw new IllegalStateException("could not make new books: " + e.getMessage(), e);
            }
            Reference r;
            try {
                r = new Reference(base, key);
            } catch (RuntimeException e) {
                deleteFiles(base);
                throw e;
            }
            r.columns.putAll(columns);
            r.identities.putAll(identities);
            r.order.addAll(parentsFirst(parents));
            return r;
        }

        void delete() {
            deleteFiles(base);
        }
    }

    /** Tables ordered so that every table comes after the tables it refers to. */
    static List<String> parentsFirst(Map<String, Set<String>> parents) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> waiting = new HashMap<>();
        Map<String, List<String>> children = new HashMap<>();
        for (var e : parents.entrySet()) {
            waiting.put(e.getKey(), e.getValue().size());
            for (String p : e.getValue()) children.computeIfAbsent(p, k -> new ArrayList<>()).add(e.getKey());
        }
        ArrayDeque<String> ready = new ArrayDeque<>();
        for (String t : parents.keySet()) if (waiting.get(t) == 0) ready.add(t);
        while (!ready.isEmpty()) {
            String t = ready.poll();
            order.add(t);
            for (String child : children.getOrDefault(t, List.of())) {
                if (waiting.merge(child, -1, Integer::sum) == 0) ready.add(child);
            }
        }
        if (order.size() != parents.size()) throw new IllegalStateException("the schema's references form a cycle");
        return order;
    }

    static void deleteFiles(Path base) {
        for (String suffix : new String[]{".mv.db", ".trace.db", ".lock.db", ".mv.db.tempFile"}) {
            try {
                Files.deleteIfExists(Path.of(base + suffix));
            } catch (IOException e) {
                LOG.warn("Could not delete {}{}: {}", base, suffix, e.getMessage());
            }
        }
    }
}
