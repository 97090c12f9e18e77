package cn.huikuan.persistence;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What a lost connection to an office's server means for a transaction (team mode, issue 22, "the server restarted or
 * the connection cut in the middle of writes").
 * <p>
 * A transaction whose connection was lost <em>before</em> its COMMIT was sent certainly did not commit: the server
 * commits nothing it was not told to, and ends the transaction of a session that is gone. One lost <em>during</em>
 * the COMMIT may have committed with the answer lost on the way. For that case the transaction's id is read just
 * before the COMMIT ({@code txid_current_if_assigned()}), and afterwards, on a new connection, the server says what
 * became of it ({@code txid_status}: committed or aborted; a server restarted after a crash reports the transactions
 * it did not finish as aborted). Only when the server cannot be asked does the outcome stay unknown.
 */
final class OfficeFaults {
    private OfficeFaults() {
    }

    /**
     * SQL states of a lost connection: class 08 (connection exception: refused, broken, closed), 57P01 (the
     * administrator ended the session or the server is shutting down), 57P02 (crash shutdown), 57P03 (the server is
     * starting up or shutting down and takes no connections).
     */
    static boolean lostState(String state) {
        return state != null && (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03"));
    }

    /** Whether {@code t}, its causes or what was suppressed with them (a rollback that failed too) is a lost connection. */
    static boolean connectionLost(Throwable t) {
        return connectionLost(t, new IdentityHashMap<>());
    }

    private static boolean connectionLost(Throwable t, Map<Throwable, Boolean> seen) {
        for (Throwable c = t; c != null && seen.put(c, Boolean.TRUE) == null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (lostState(s.getSQLState())) return true;
                }
            }
            for (Throwable s : c.getSuppressed()) {
                if (connectionLost(s, seen)) return true;
            }
        }
        return false;
    }

    /** The id of {@code c}'s transaction if it wrote anything (a transaction that only read has none): null otherwise. */
    static Long writingTransaction(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT txid_current_if_assigned()")) {
            rs.next();
            long id = rs.getLong(1);
            return rs.wasNull() ? null : id;
        }
    }

    /** What became of a transaction whose connection was lost. */
    enum Fate {
        COMMITTED, NOT_COMMITTED, UNKNOWN
    }

    /**
     * What became of transaction {@code xid} (null: it wrote nothing, so nothing of it can have committed), asked of the
     * server on a new connection from {@code server}; {@link Fate#UNKNOWN} when the server cannot be asked.
     */
    static Fate fate(DataSource server, Long xid) {
        if (xid == null) return Fate.NOT_COMMITTED;
        try (Connection c = server.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT txid_status(?)")) {
            ps.setLong(1, xid);
            try (ResultSet rs = ps.executeQuery()) {
                String status = rs.next() ? rs.getString(1) : null;
                if ("committed".equals(status)) return Fate.COMMITTED;
                if ("aborted".equals(status)) return Fate.NOT_COMMITTED;
                return Fate.UNKNOWN;   // "in progress" (the session is not gone yet) or too old to tell
            }
        } catch (SQLException | RuntimeException e) {
            return Fate.UNKNOWN;
        }
    }
}
