package cn.huikuan.persistence;

import cn.huikuan.storage.StoreFailures;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The connections the app uses, which stop talking to the database once its store has failed.
 * <p>
 * When a write fails because the disk is full, H2 closes its store (MVStore "panic"). A statement or a rollback that
 * reaches the closed store afterwards can spin forever in {@code MVStore.registerVersionUsage} (H2 2.3.232 to 2.5.252:
 * the version counter of a closed store stays negative and the loop waits for a new version that never comes); seen
 * as a command-line import that never ended after the disk filled, and the app would hang the same way on its next
 * save or at exit. So the first failure that leaves the store unusable ({@link StoreFailures#storeUnusable}) is
 * remembered; from then on every statement, commit and rollback fails at once with H2's own "database is closed"
 * (90098), and closing a connection lets it go without the rollback H2's pool would run. What the failed transaction
 * wrote never reached the file; the books open again once the user has freed space.
 */
final class GuardedDataSource implements DataSource {
    /** Looked up when something is logged: a run that logs nothing never sets up logging (issue 25, start of verify). */
    private static org.slf4j.Logger log() {
        return LoggerFactory.getLogger(GuardedDataSource.class);
    }

    /** Methods that may still be called on a connection or statement of a failed store: they never reach it. */
    private static final Set<String> HARMLESS = Set.of("isClosed", "unwrap", "isWrapperFor", "toString", "hashCode", "equals",
            "getWarnings", "clearWarnings");

    private final DataSource pool;
    private volatile Throwable failure;
    /** The pool's own connection on which the failure surfaced: the way to the failed database, to close it. */
    private volatile Connection failedOn;

    GuardedDataSource(DataSource pool) {
        this.pool = pool;
    }

    boolean failed() {
        return failure != null;
    }

    private SQLException closed() {
        return new SQLException("The database has been closed: its store failed (" + failure + ")", "90098",
                StoreFailures.DATABASE_IS_CLOSED, failure);
    }

    private void check(Throwable t, Connection on) {
        if (failure == null && StoreFailures.storeUnusable(t)) {
            failedOn = on;
            failure = t;
            log().error("The database store failed; no more statements reach it until the books are opened again", t);
        }
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (failed()) throw closed();
        try {
            return wrap(pool.getConnection());
        } catch (SQLException | RuntimeException e) {
            check(e, null);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the books' connections carry the books' own credentials");
    }

    private Connection wrap(Connection c) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[]{Connection.class},
                new Guard(c, c, null));
    }

    /** One connection or one of its statements. */
    private final class Guard implements InvocationHandler {
        private final Object target;
        private final Connection connection; // the pool's connection: the target or the one the statement belongs to
        private final Connection owner; // the proxy of the connection a statement belongs to; null for a connection
        private boolean closed;

        Guard(Object target, Connection connection, Connection owner) {
            this.target = target;
            this.connection = connection;
            this.owner = owner;
        }

        @Override
        public Object invoke(Object proxy, Method m, Object[] args) throws Throwable {
            String name = m.getName();
            if (name.equals("close")) {
                if (closed) return null;
                closed = true;
                if (failed()) return null; // closing would roll back on the failed store (see the class comment)
            } else if (name.equals("isClosed") && closed) {
                return true;
            } else if (name.equals("getConnection") && owner != null) {
                return owner;
            } else if (failed() && !HARMLESS.contains(name)) {
                throw closed();
            }
            Object result;
            try {
                result = m.invoke(target, args);
            } catch (InvocationTargetException e) {
                check(e.getCause(), connection);
                throw e.getCause();
            }
            if (result instanceof Statement s && owner == null && Statement.class.isAssignableFrom(m.getReturnType())) {
                Class<?> type = s instanceof CallableStatement ? CallableStatement.class
                        : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[]{type}, new Guard(s, connection, (Connection) proxy));
            }
            return result;
        }
    }

    /**
     * Closes the failed database in H2 without a statement (H2's own "shut down immediately", which a panicking store
     * does not always reach): until then H2 keeps it registered and opening the books again in this process would find
     * the failed one. Nothing is written; the file stays as the last successful write left it.
     */
    void closeFailedDatabase() {
        Connection c = failedOn;
        if (c == null) return;
        try {
            if (c.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session) {
                session.getDatabase().shutdownImmediately();
            }
        } catch (SQLException | RuntimeException e) {
            log().warn("Closing the failed database: {}", e.toString());
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return pool.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        pool.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        pool.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return pool.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return pool.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) return iface.cast(this);
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
