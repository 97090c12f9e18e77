package cn.huikuan.persistence;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Every record and evidence file of a book copied between a PC's H2 database and an office book's schema on the
 * server (team push / pull, issue 22), ids kept, so that the journal's entries, which name records by id, read the
 * same on both sides and {@code verify} is intact on both. Both sides are at the same schema version (the same
 * migrations made them); the copy goes table by table, parents before the tables that refer to them, in one
 * transaction on the receiving side: all of it arrives or none.
 */
public final class BookCopy {
    private BookCopy() {
    }

    /** What was copied: rows per table, and evidence files. */
    public record Copied(Map<String, Long> rows, int files) {
    }

    /** Tables whose rows are not the book's records: each database keeps its own migration history; files go apart. */
    private static final Set<String> NOT_COPIED = Set.of("flyway_schema_history", "evidence_content");
    private static final int BATCH = 1000;

    /**
     * Copies the books of {@code pc} (H2, open) into {@code schema}, a new and empty office book on the server, over
     * {@code server}'s connections (acting as the office's owners: the server lets only them write journal entries
     * naming nobody, as entries made on a PC do).
     */
    public static Copied toServer(Database pc, DataSource server, String schema) {
        try (Connection to = server.getConnection()) {
            to.setAutoCommit(false);
            try {
                Copied c = pc.withConnection(from -> {
                    Catalog source = Catalog.h2(from);
                    Catalog target = Catalog.postgresql(to, schema);
                    requireEmpty(to, schema + ".", target);
                    Map<String, Long> rows = copyTables(from, "", source, to, schema + ".", target);
                    for (var id : target.identities.entrySet()) {
                        String table = target.names.get(id.getKey());
                        try (Statement s = to.createStatement()) {
                            s.execute("SELECT setval(pg_get_serial_sequence('" + schema + "." + table + "', '" + id.getValue() + "'), COALESCE(MAX("
                                    + quoted(List.of(id.getValue())).get(0) + "), 0) + 1, false) FROM " + schema + "." + table);
                        }
                    }
                    int files = 0;
                    try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery("SELECT DISTINCT sha256, size_bytes FROM evidence")) {
                        while (rs.next()) {
                            String sha = rs.getString(1);
                            Path file = pc.folder().evidenceDir().resolve(sha.substring(0, 2)).resolve(sha);
                            if (!Files.isRegularFile(file) || !EvidenceStore.hash(file).equals(sha)) {
                                throw new IllegalStateException("证据文件缺失或已被改动，先运行 verify / an evidence file is missing or altered"
                                        + " (run verify first): " + sha);
                            }
                            ServerEvidence.insert(to, schema + ".evidence_content", sha, rs.getLong(2), file);
                            files++;
                        }
                    } catch (IOException e) {
                        throw new SQLException(e.getMessage(), e);
                    }
                    return new Copied(rows, files);
                });
                to.commit();
                return c;
            } catch (RuntimeException | SQLException e) {
                to.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * Copies the office book in {@code schema} into {@code pc}, a new and empty H2 database (made by the migrations,
     * no records), and its evidence files into {@code pc}'s evidence folder, each checked by its SHA-256.
     */
    public static Copied fromServer(DataSource server, String schema, Database pc, Clock clock) {
        try (Connection from = server.getConnection()) {
            from.setAutoCommit(false);
            from.setReadOnly(true);   // one snapshot of the book: REPEATABLE READ below
            from.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Copied copied = pc.inJdbcTransaction(to -> {
                    Catalog source = Catalog.postgresql(from, schema);
                    Catalog target = Catalog.h2(to);
                    requireEmpty(to, "", target);
                    Map<String, Long> rows = copyTables(from, schema + ".", source, to, "", target);
                    for (var id : target.identities.entrySet()) {
                        String table = target.names.get(id.getKey());
                        String col = quoted(List.of(id.getValue())).get(0);
                        long next;
                        try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(" + col + "), 0) + 1 FROM " + table)) {
                            rs.next();
                            next = rs.getLong(1);
                        }
                        try (Statement s = to.createStatement()) {
                            s.execute("ALTER TABLE " + table + " ALTER COLUMN " + col + " RESTART WITH " + next);
                        }
                    }
                    int files = 0;
                    EvidenceStore store = new EvidenceStore(pc.folder().evidenceDir(), Long.MAX_VALUE, clock);
                    try (PreparedStatement ps = from.prepareStatement("SELECT sha256, content FROM " + schema + ".evidence_content ORDER BY sha256");
                         ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String sha = rs.getString(1);
                            byte[] content;
                            try (InputStream in = rs.getBinaryStream(2)) {
                                content = in.readAllBytes();
                            }
                            if (!store.put(content, sha).sha256().equals(sha)) {
                                throw new IllegalStateException("服务器上的证据文件已被改动 / an evidence file on the server is altered: " + sha);
                            }
                            files++;
                        }
                    } catch (IOException e) {
                        throw new SQLException(e.getMessage(), e);
                    }
                    return new Copied(rows, files);
                });
                from.commit();
                return copied;
            } finally {
                if (!from.isClosed() && !from.getAutoCommit()) from.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** The receiving side must hold no records: a copy never merges into existing books. */
    private static void requireEmpty(Connection to, String prefix, Catalog target) throws SQLException {
        for (String table : target.order) {
            try (Statement s = to.createStatement(); ResultSet rs = s.executeQuery("SELECT EXISTS (SELECT 1 FROM " + prefix + table + ")")) {
                rs.next();
                if (rs.getBoolean(1)) {
                    throw new IllegalStateException("目标账本不是空的（" + table + "），不会合并 / the receiving books are not empty (" + table + "): a copy never merges");
                }
            }
        }
    }

    private static Map<String, Long> copyTables(Connection from, String fromPrefix, Catalog source, Connection to, String toPrefix,
                                                Catalog target) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : target.order) {
            List<String> toCols = target.columns.get(table);
            List<String> fromCols = source.columns.get(table);
            if (fromCols == null || !lower(fromCols).equals(lower(toCols))) {
                throw new IllegalStateException("两边的表结构不同，不能复制 / the two schemas differ, nothing copied: " + table);
            }
            String select = "SELECT " + String.join(", ", quoted(fromCols)) + " FROM " + fromPrefix + source.names.get(table);
            String insert = "INSERT INTO " + toPrefix + target.names.get(table) + " (" + String.join(", ", quoted(toCols)) + ") VALUES ("
                    + String.join(", ", toCols.stream().map(c -> "?").toList()) + ")";
            long n = 0;
            try (Statement s = from.createStatement(); ResultSet rs = s.executeQuery(select); PreparedStatement ins = to.prepareStatement(insert)) {
                int k = toCols.size();
                while (rs.next()) {
                    for (int i = 1; i <= k; i++) ins.setObject(i, portable(rs.getObject(i)));
                    ins.addBatch();
                    if (++n % BATCH == 0) ins.executeBatch();
                }
                if (n % BATCH != 0) ins.executeBatch();
            }
            rows.put(table, n);
        }
        return rows;
    }

    /** A timestamp read from either database as the instant it is (PostgreSQL's driver reads timestamptz as a Timestamp). */
    private static Object portable(Object v) {
        if (v instanceof Timestamp t) return OffsetDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
        return v;
    }

    private static List<String> lower(List<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT)).toList();
    }

    private static List<String> quoted(List<String> names) {
        return names.stream().map(n -> "\"" + n.replace("\"", "\"\"") + "\"").toList();
    }

    /** A database's tables (by lower-case name), their copied columns as the database spells them, and their order. */
    private static final class Catalog {
        final Map<String, String> names = new LinkedHashMap<>();
        final Map<String, List<String>> columns = new LinkedHashMap<>();
        /** Table (lower case) → its identity column, as the database spells it. */
        final Map<String, String> identities = new LinkedHashMap<>();
        final List<String> order = new ArrayList<>();

        static Catalog h2(Connection c) throws SQLException {
            return read(c, "SELECT TABLE_NAME, COLUMN_NAME, IS_GENERATED, IS_IDENTITY FROM INFORMATION_SCHEMA.COLUMNS"
                            + " WHERE TABLE_SCHEMA = 'PUBLIC' ORDER BY TABLE_NAME, ORDINAL_POSITION", null,
                    "SELECT tc.TABLE_NAME, uc.TABLE_NAME FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS rc"
                            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS tc ON tc.CONSTRAINT_SCHEMA = rc.CONSTRAINT_SCHEMA AND tc.CONSTRAINT_NAME = rc.CONSTRAINT_NAME"
                            + " JOIN INFORMATION_SCHEMA.TABLE_CONSTRAINTS uc ON uc.CONSTRAINT_SCHEMA = rc.UNIQUE_CONSTRAINT_SCHEMA AND uc.CONSTRAINT_NAME = rc.UNIQUE_CONSTRAINT_NAME"
                            + " WHERE tc.TABLE_SCHEMA = 'PUBLIC'");
        }

        static Catalog postgresql(Connection c, String schema) throws SQLException {
            return read(c, "SELECT table_name, column_name, is_generated, is_identity FROM information_schema.columns"
                            + " WHERE table_schema = ? ORDER BY table_name, ordinal_position", schema,
                    "SELECT cl.relname, pcl.relname FROM pg_constraint k JOIN pg_class cl ON cl.oid = k.conrelid"
                            + " JOIN pg_class pcl ON pcl.oid = k.confrelid JOIN pg_namespace n ON n.oid = k.connamespace"
                            + " WHERE k.contype = 'f' AND n.nspname = ?");
        }

        private static Catalog read(Connection c, String columnsSql, String schema, String referencesSql) throws SQLException {
            Catalog cat = new Catalog();
            Map<String, Set<String>> parents = new LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(columnsSql)) {
                if (schema != null) ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String table = rs.getString(1).toLowerCase(Locale.ROOT);
                        if (NOT_COPIED.contains(table)) continue;
                        cat.names.put(table, "\"" + rs.getString(1) + "\"");
                        parents.computeIfAbsent(table, k -> new LinkedHashSet<>());
                        List<String> cols = cat.columns.computeIfAbsent(table, k -> new ArrayList<>());
                        if (!"ALWAYS".equals(rs.getString(3))) cols.add(rs.getString(2));
                        if ("YES".equals(rs.getString(4))) cat.identities.put(table, rs.getString(2));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(referencesSql)) {
                if (schema != null) ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String child = rs.getString(1).toLowerCase(Locale.ROOT);
                        String parent = rs.getString(2).toLowerCase(Locale.ROOT);
                        if (!child.equals(parent) && parents.containsKey(child) && parents.containsKey(parent)) parents.get(child).add(parent);
                    }
                }
            }
            cat.order.addAll(BackupLoader.parentsFirst(parents));
            return cat;
        }
    }
}
