package cn.huikuan.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * The SQL that differs between the two databases a book lives in (issue 22, decision 0014): embedded H2 on the
 * user's PC, or a schema on the office's PostgreSQL server. Everything else the repositories write is SQL both run
 * alike; the few statements that are not go through here. A repository gets it from its {@code Database}, or, where
 * it only holds a connection, from the connection ({@link #of}).
 */
public enum Dialect {
    /** Embedded H2 (2.x): index hints, {@code MERGE … KEY}. */
    H2,
    /** PostgreSQL (15 and newer): the planner chooses indexes itself; upserts by {@code ON CONFLICT}. */
    POSTGRESQL;

    /** The dialect of the database {@code c} is connected to (the driver answers without asking the server). */
    public static Dialect of(Connection c) throws SQLException {
        return "PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) ? POSTGRESQL : H2;
    }

    /**
     * An index hint after a table name ({@code " USE INDEX (a, b)"}; {@code " USE INDEX ()"} for none: read the table
     * itself). H2's planner needs them on the large-book lists (decision 0011, issue 25); PostgreSQL's chooses by its
     * statistics and has no such syntax, so there it is nothing.
     */
    public String useIndex(String... indexes) {
        return this == H2 ? " USE INDEX (" + String.join(", ", indexes) + ")" : "";
    }

    /**
     * The column whose generated value an insert hands back ({@code prepareStatement(sql, idColumn())}): the driver
     * names it as the database spells it (H2 upper case, PostgreSQL lower case: {@code RETURNING "ID"} fails there).
     */
    public String[] idColumn() {
        return new String[]{this == H2 ? "ID" : "id"};
    }

    /**
     * Inserts a row, or updates the row with the same {@code keys}: one statement with a parameter per column of
     * {@code columns} (keys first or not: in the order given).
     */
    public String upsert(String table, List<String> keys, List<String> columns) {
        String placeholders = String.join(", ", columns.stream().map(c -> "?").toList());
        if (this == H2) {
            return "MERGE INTO " + table + " (" + String.join(", ", columns) + ") KEY (" + String.join(", ", keys) + ") VALUES (" + placeholders + ")";
        }
        List<String> updates = columns.stream().filter(c -> !keys.contains(c)).map(c -> c + " = EXCLUDED." + c).toList();
        return "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES (" + placeholders + ") ON CONFLICT ("
                + String.join(", ", keys) + ") DO " + (updates.isEmpty() ? "NOTHING" : "UPDATE SET " + String.join(", ", updates));
    }

    /**
     * The statement that makes {@code table}'s identity column {@code column} hand out {@code next} next (after rows were
     * written with ids of their own, as the generator and a book's copy write them). PostgreSQL's {@code setval} needs
     * only the sequence's UPDATE right (an {@code ALTER TABLE} would need to own the table).
     */
    public String restartIdentity(String table, String column, long next) {
        return this == H2 ? "ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + next
                : "SELECT setval(pg_get_serial_sequence('" + table + "', '" + column + "'), " + next + ", false)";
    }
}
