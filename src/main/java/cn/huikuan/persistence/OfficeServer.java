package cn.huikuan.persistence;

import cn.huikuan.storage.DataFolderException;
import org.postgresql.PGConnection;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLState;

import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Connections to an office's PostgreSQL server (team mode, issue 22, decision 0014): the driver-specific parts, so
 * that the layers above see only {@link DataSource} and JDBC.
 */
public final class OfficeServer {
    private OfficeServer() {
    }

    /**
     * Connections as {@code user}; with {@code role} not null each connection acts as that group role from its start
     * (so that what it creates is owned by the group, not by one staff member).
     */
    public static DataSource dataSource(String url, String user, char[] password, String role) {
        requireAddress(url);
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password == null ? null : new String(password));
        if (role != null) ds.setOptions("-c role=" + role);
        ds.setApplicationName("Huikuan");
        return ds;
    }

    /**
     * Connections for a pool, as {@code user}, each with {@code schema} (one office book) first on its search path, so
     * the repositories' unqualified table names are that book's.
     */
    static ConnectionPoolDataSource pooledSource(String url, String user, char[] password, String schema) {
        requireAddress(url);
        PGConnectionPoolDataSource ds = new PGConnectionPoolDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password == null ? null : new String(password));
        ds.setCurrentSchema(schema);
        ds.setApplicationName("Huikuan");
        ds.setConnectTimeout(10);
        // a batch of plain INSERTs (imports, the journal's entries, bench generate) goes as multi-row INSERTs: one
        // statement per up to 128 rows instead of one per row. The driver leaves alone the batches that ask for
        // generated keys (the imports' customers and receivables) and reports a rewritten batch's counts as
        // SUCCESS_NO_INFO, which no caller reads.
        ds.setReWriteBatchedInserts(true);
        return ds;
    }

    private static void requireAddress(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL address (jdbc:postgresql://HOST:PORT/DB) / 不是 PostgreSQL 地址: " + url);
        }
    }

    /** What a failed connection to the server means for the user: unreachable, refused login, or the book. */
    static DataFolderException classify(Path local, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        DataFolderException.Reason reason;
        if (state.startsWith("08") || PSQLState.CONNECTION_UNABLE_TO_CONNECT.getState().equals(state)) {
            reason = DataFolderException.Reason.SERVER_UNREACHABLE;
        } else if (state.startsWith("28")) {   // invalid_authorization_specification, invalid_password
            reason = DataFolderException.Reason.SERVER_LOGIN;
        } else {
            reason = DataFolderException.Reason.SERVER_BOOK;
        }
        return new DataFolderException(reason, local, e);
    }

    /**
     * Sets a login role's password, hashed by the driver (SCRAM-SHA-256) before it is sent, so the password itself
     * never appears in a statement the server could log.
     */
    public static void setPassword(Connection c, String user, char[] password) throws SQLException {
        c.unwrap(PGConnection.class).alterUserPassword(user, password, "scram-sha-256");
    }
}
