package cn.huikuan.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.atomic.AtomicInteger;
import org.h2.api.ErrorCode;

/**
 * The receivables' two amount indexes (V13, decision 0011), which a large spreadsheet import drops before its
 * rows and builds again after them (decision 0012): their keys arrive in random order, and H2 inserts each
 * into a B-tree page by page, while {@code CREATE INDEX} over the finished table sorts them first.
 * <p>
 * Queries that name these indexes ({@code USE INDEX}) run inside {@link #reading}, which tells them whether the
 * indexes are there and keeps them from being dropped meanwhile. The definitions here must equal V13's (a test
 * compares them); a later migration that changes these indexes changes them here too.
 */
public final class AmountIndexes {
    /** Index name → its definition, as V13 made it. */
    static final Map<String, String> DEFINITIONS = Map.of(
            "RECEIVABLE_BOOK_PRINCIPAL", "receivable (creditor_id, principal_cents)",
            "RECEIVABLE_BOOK_OUTSTANDING", "receivable (creditor_id, outstanding_cents)");

    /**
     * Only H2's: on PostgreSQL the indexes stay (staff do not own an office book's tables, so they could not drop them;
     * and PostgreSQL's planner does not need the hints that name them).
     */
    private final boolean managed;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private volatile boolean present = true;
    private final AtomicInteger drops = new AtomicInteger();

    AmountIndexes(Dialect dialect) {
        this.managed = dialect == Dialect.H2;
    }

    @FunctionalInterface
    public interface Query<T> {
        T run(boolean indexesPresent) throws SQLException;
    }

    /** Runs {@code query}, told whether the indexes are there; they are not dropped while it runs. */
    public <T> T reading(Query<T> query) throws SQLException {
        lock.readLock().lock();
        try {
            return query.run(present);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Whether both indexes are there (as far as this process knows: it is the only one with the file open). */
    public boolean present() {
        return present;
    }

    /** How often {@link #drop} ran since the books opened. */
    public int drops() {
        return drops.get();
    }

    /**
     * Drops both indexes (waits for running queries that name them). DDL: H2 commits {@code c}'s transaction
     * first. Queries started after this do without them.
     */
    public void drop(Connection c) throws SQLException {
        if (!managed) return;
        lock.writeLock().lock();
        try {
            present = false;
            drops.incrementAndGet();
            try (Statement s = c.createStatement()) {
                for (String name : DEFINITIONS.keySet()) s.execute("DROP INDEX IF EXISTS " + name);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /**
     * Builds whichever of the indexes is missing (DDL: commits {@code c}'s transaction) and returns how many it
     * built. Called after a large import and when the books open (an import cut off by a crash leaves them
     * dropped).
     */
    public int build(Connection c) throws SQLException {
        if (!managed) return 0;
        List<String> missing = missing(c);
        try (Statement s = c.createStatement()) {
            for (String name : missing) s.execute("CREATE INDEX IF NOT EXISTS " + name + " ON " + DEFINITIONS.get(name));
        }
        lock.writeLock().lock();
        try {
            present = true;
        } finally {
            lock.writeLock().unlock();
        }
        return missing.size();
    }

    /** The names of the indexes that are not in the database. */
    static List<String> missing(Connection c) throws SQLException {
        // the usual case cheaply: H2 refuses to prepare a query that names a missing index (INFORMATION_SCHEMA's
        // first query of a run took 20-40 ms at every open)
        try (PreparedStatement probe = c.prepareStatement("SELECT id FROM receivable USE INDEX (" + String.join(", ", DEFINITIONS.keySet())
                + ") WHERE FALSE")) {
            return List.of();
        } catch (SQLException e) {
            if (e.getErrorCode() != ErrorCode.INDEX_NOT_FOUND_1) throw e;
        }
        List<String> missing = new ArrayList<>(DEFINITIONS.keySet());
        missing.sort(null);
        try (PreparedStatement ps = c.prepareStatement("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES "
                + "WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_NAME = 'RECEIVABLE'")) {
            try (ResultSet r = ps.executeQuery()) {
                while (r.next()) missing.remove(r.getString(1));
            }
        }
        return missing;
    }
}
