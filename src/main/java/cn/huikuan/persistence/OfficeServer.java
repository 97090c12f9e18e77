package cn.huikuan.persistence;

import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;

import javax.sql.DataSource;
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
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("not a PostgreSQL address (jdbc:postgresql://HOST:PORT/DB) / 不是 PostgreSQL 地址: " + url);
        }
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setUrl(url);
        ds.setUser(user);
        ds.setPassword(password == null ? null : new String(password));
        if (role != null) ds.setOptions("-c role=" + role);
        ds.setApplicationName("Huikuan");
        return ds;
    }

    /**
     * Sets a login role's password, hashed by the driver (SCRAM-SHA-256) before it is sent, so the password itself
     * never appears in a statement the server could log.
     */
    public static void setPassword(Connection c, String user, char[] password) throws SQLException {
        c.unwrap(PGConnection.class).alterUserPassword(user, password, "scram-sha-256");
    }
}
