package cn.huikuan.persistence;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The office pool and what a lost connection means (team mode, issue 22), against a real PostgreSQL that is restarted
 * and whose sessions are ended: dead connections are never handed out, a connection that failed is not pooled again,
 * and the server says what became of a transaction whose connection was lost at its commit.
 */
class OfficePoolTest {
    static PostgresServer server;
    static String url;

    @BeforeAll
    static void aDatabase() throws SQLException {
        server = PostgresServer.get();
        url = server.createDatabase("office_pool");
        try (Connection c = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (x int)");
        }
    }

    private static OfficePool pool() {
        return new OfficePool(OfficeServer.pooledSource(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray(), "public"));
    }

    private static int backend(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void afterARestartThePoolHandsOutOnlyLiveConnections() throws SQLException {
        OfficePool pool = pool();
        try {
            List<Connection> taken = new ArrayList<>();
            for (int i = 0; i < 3; i++) taken.add(pool.getConnection());
            for (Connection c : taken) c.close();
            assertThat(pool.idleCount()).isEqualTo(3);
            server.restart(false);
            try (Connection c = pool.getConnection()) {
                assertThat(backend(c)).isPositive();   // a live one: the three dead ones were checked and closed
            }
            assertThat(pool.idleCount()).isEqualTo(1);
        } finally {
            pool.dispose();
        }
    }

    @Test
    void aConnectionThatFailedIsClosedNotPooledAgain() throws SQLException {
        OfficePool pool = pool();
        try {
            Connection c = pool.getConnection();
            int pid = backend(c);
            try (Connection admin = DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
                 Statement s = admin.createStatement()) {
                s.execute("SELECT pg_terminate_backend(" + pid + ", 120000)");
            }
            assertThatThrownBy(() -> backend(c)).isInstanceOfSatisfying(SQLException.class,
                    e -> assertThat(OfficeFaults.connectionLost(e)).as(e.getSQLState()).isTrue());
            c.close();
            assertThat(pool.idleCount()).isZero();
            try (Connection again = pool.getConnection()) {
                assertThat(backend(again)).isNotEqualTo(pid);
            }
        } finally {
            pool.dispose();
        }
    }

    @Test
    void theServerSaysWhatBecameOfATransaction() throws SQLException {
        OfficePool pool = pool();
        try {
            Long committed, rolledBack, readOnly;
            try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("INSERT INTO t VALUES (1)");
                committed = OfficeFaults.writingTransaction(c);
                c.commit();
                s.execute("INSERT INTO t VALUES (2)");
                rolledBack = OfficeFaults.writingTransaction(c);
                c.rollback();
                s.execute("SELECT COUNT(*) FROM t");
                readOnly = OfficeFaults.writingTransaction(c);
                c.rollback();
                c.setAutoCommit(true);
            }
            assertThat(committed).isNotNull();
            assertThat(readOnly).isNull();
            assertThat(OfficeFaults.fate(pool, committed)).isEqualTo(OfficeFaults.Fate.COMMITTED);
            assertThat(OfficeFaults.fate(pool, rolledBack)).isEqualTo(OfficeFaults.Fate.NOT_COMMITTED);
            assertThat(OfficeFaults.fate(pool, readOnly)).isEqualTo(OfficeFaults.Fate.NOT_COMMITTED);
            server.stop(false);
            try {
                assertThat(OfficeFaults.fate(pool, committed)).isEqualTo(OfficeFaults.Fate.UNKNOWN);
            } finally {
                server.start();
            }
            assertThat(OfficeFaults.fate(pool, committed)).isEqualTo(OfficeFaults.Fate.COMMITTED);   // kept across the restart
        } finally {
            pool.dispose();
        }
    }
}
