package cn.huikuan.persistence;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import javax.sql.PooledConnection;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The connections of an office book to its PostgreSQL server (team mode, issue 22), pooled so that each transaction
 * does not log in again, and kept only while they work. H2's {@code JdbcConnectionPool}, used before, hands back
 * whatever it holds: after the server restarted (or an administrator ended the app's sessions) every pooled
 * connection was dead and each failed once more on its next use. Here:
 * <ul>
 *   <li>a connection taken from the pool is checked first ({@link Connection#isValid}, one round trip); a dead one is
 *       closed and the next one, or a new one, taken instead, so the first operation after a restart works;</li>
 *   <li>a connection on which the driver reported a fatal error (the connection lost, the server shutting down) is
 *       closed when it is given back, never pooled again.</li>
 * </ul>
 * At most {@link #MAX} connections are out at once; a caller beyond that waits up to {@link #WAIT_SECONDS} seconds.
 */
final class OfficePool implements DataSource, ConnectionEventListener {
    static final int MAX = 8;
    static final int WAIT_SECONDS = 30;
    /** How long the check of a pooled connection may take before the connection counts as dead. */
    static final int VALIDATE_SECONDS = 5;

    private final ConnectionPoolDataSource source;
    private final Semaphore permits = new Semaphore(MAX, true);
    private final Deque<PooledConnection> idle = new ArrayDeque<>();
    private final Set<PooledConnection> broken = ConcurrentHashMap.newKeySet();
    /** Connections closed by {@link #getConnection} after their check failed: their close gives no permit back. */
    private final Set<PooledConnection> failedCheck = ConcurrentHashMap.newKeySet();
    private volatile boolean disposed;

    OfficePool(ConnectionPoolDataSource source) {
        this.source = source;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (disposed) throw new SQLException("the book is closed / 账本已关闭", "08003");
        try {
            if (!permits.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new SQLException("all " + MAX + " connections to the server are in use / 与服务器的连接都在使用中", "08004");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a connection", "08004", e);
        }
        try {
            for (PooledConnection pc; (pc = takeIdle()) != null; ) {
                Connection c = null;
                try {
                    c = pc.getConnection();
                    if (c.isValid(VALIDATE_SECONDS)) return c;
                } catch (SQLException e) {
                    // dead: fall through and close it
                }
                if (c != null) {
                    broken.add(pc);
                    failedCheck.add(pc);   // its permit stays with this caller, for the next try
                    closeQuietly(c);   // the handle's close fires connectionClosed, which closes the broken one
                } else {
                    discard(pc);
                }
            }
            PooledConnection pc = source.getPooledConnection();
            pc.addConnectionEventListener(this);
            return pc.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private synchronized PooledConnection takeIdle() {
        return idle.pollFirst();
    }

    /** A handle was closed: its connection goes back to the pool, unless it failed or the pool is gone. */
    @Override
    public void connectionClosed(ConnectionEvent event) {
        PooledConnection pc = (PooledConnection) event.getSource();
        boolean keep;
        synchronized (this) {
            keep = !disposed && !broken.remove(pc);
            if (keep) idle.addFirst(pc);   // the most recently used first: it is the likeliest to be alive
        }
        if (!keep) discard(pc);
        if (!failedCheck.remove(pc)) permits.release();
    }

    /** The driver saw a fatal error on this connection (lost, server shutting down): it is not pooled again. */
    @Override
    public void connectionErrorOccurred(ConnectionEvent event) {
        broken.add((PooledConnection) event.getSource());
    }

    private void discard(PooledConnection pc) {
        broken.remove(pc);
        pc.removeConnectionEventListener(this);
        try {
            pc.close();
        } catch (SQLException e) {
            // already dead
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            // closing a dead connection's handle: its rollback fails, the connection is gone either way
        }
    }

    /** Closes the pooled connections; the ones in use are closed when they are given back. */
    void dispose() {
        Deque<PooledConnection> all;
        synchronized (this) {
            disposed = true;
            all = new ArrayDeque<>(idle);
            idle.clear();
        }
        for (PooledConnection pc : all) discard(pc);
    }

    /** Connections in the pool now, not in use (for tests). */
    synchronized int idleCount() {
        return idle.size();
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the pool's connections carry the book's own login");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
    }

    @Override
    public void setLoginTimeout(int seconds) {
    }

    @Override
    public int getLoginTimeout() {
        return WAIT_SECONDS;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
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
