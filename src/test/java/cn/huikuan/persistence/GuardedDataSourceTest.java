package cn.huikuan.persistence;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * After the store fails (a full disk), nothing reaches it any more: H2 can spin forever on a statement or a rollback
 * given to a closed store, which hung a command-line import on a full disk.
 */
class GuardedDataSourceTest {
    /** What reached the "database": the calls on the connection and its statements, by method name. */
    final List<String> reached = new ArrayList<>();
    String failWith;

    /** A connection that records its calls and fails the next execute with {@link #failWith} when set. */
    Connection fakeConnection() {
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{Connection.class}, (p, m, a) -> {
            reached.add(m.getName());
            return switch (m.getName()) {
                case "createStatement", "prepareStatement" -> Proxy.newProxyInstance(getClass().getClassLoader(),
                        new Class<?>[]{m.getName().equals("createStatement") ? Statement.class : PreparedStatement.class}, (sp, sm, sa) -> {
                            reached.add(sm.getName());
                            if (sm.getName().startsWith("execute") && failWith != null) throw new SQLException(failWith, "HY000", 50000);
                            return sm.getReturnType() == boolean.class ? false : sm.getReturnType() == int.class ? 0 : null;
                        });
                case "isClosed", "getAutoCommit" -> false;
                case "hashCode" -> 1;
                case "equals" -> p == a[0];
                case "toString" -> "fake";
                default -> null;
            };
        });
    }

    DataSource fakePool() {
        return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{DataSource.class}, (p, m, a) -> {
            if (!m.getName().equals("getConnection")) throw new UnsupportedOperationException(m.getName());
            reached.add("getConnection");
            return fakeConnection();
        });
    }

    @Test
    void afterTheStoreFailsNothingReachesItAndClosingLetsTheConnectionGo() throws Exception {
        var guarded = new GuardedDataSource(fakePool());
        try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
            assertThat(s.getConnection()).isSameAs(c);
            s.execute("SELECT 1");
            assertThat(guarded.failed()).isFalse();
            failWith = "General error: \"org.h2.mvstore.MVStoreException: Reading from file sun.nio.ch.FileChannelImpl@7e28aa1"
                    + " failed at 7308835 (length 6094848), read 0, remaining 768 [2.3.232/1]\" [50000-232]";
            assertThatThrownBy(() -> s.execute("INSERT INTO t VALUES (1)")).hasMessageContaining("Reading from file");
            assertThat(guarded.failed()).isTrue();
            reached.clear();
            assertThatThrownBy(c::rollback).isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getErrorCode()).isEqualTo(90098));
            assertThatThrownBy(() -> c.prepareStatement("SELECT 2")).isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> s.executeQuery("SELECT 3")).isInstanceOf(SQLException.class);
        }
        assertThat(reached).as("nothing reached the failed store, closing neither").isEmpty();
        assertThatThrownBy(guarded::getConnection).isInstanceOf(SQLException.class);
        assertThat(reached).isEmpty();
    }

    @Test
    void ordinaryFailuresLeaveTheStoreInUse() throws Exception {
        var guarded = new GuardedDataSource(fakePool());
        try (Connection c = guarded.getConnection(); PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?)")) {
            failWith = "Unique index or primary key violation: \"PUBLIC.PK ON PUBLIC.T(ID)\" [23505-232]";
            assertThatThrownBy(p::executeUpdate).isInstanceOf(SQLException.class);
            assertThat(guarded.failed()).isFalse();
            c.rollback();
        }
        assertThat(reached).containsSubsequence("prepareStatement", "executeUpdate", "rollback", "close", "close");
    }

    @Test
    void aFullDiskFailsTheStoreToo() throws Exception {
        var guarded = new GuardedDataSource(fakePool());
        try (Connection c = guarded.getConnection(); Statement s = c.createStatement()) {
            failWith = "IO Exception: \"java.io.IOException: No space left on device\"; \"books.mv.db\" [90031-232]";
            assertThatThrownBy(() -> s.execute("CHECKPOINT")).isInstanceOf(SQLException.class);
        }
        assertThat(guarded.failed()).isTrue();
        assertThat(reached).doesNotContain("close");
    }
}
