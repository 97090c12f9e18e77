package cn.huikuan.persistence;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real PostgreSQL server for the team-mode tests (issue 22: "never a mock"): a throw-away cluster made with the
 * machine's own PostgreSQL programs (Debian's {@code postgresql} package, which {@code .ci/run} installs) in a
 * temporary folder, on a free local port, started once per test JVM and stopped when it ends. {@code pg_ctl -w}
 * returns when the server accepts connections, so nothing here waits on a clock. As root (CI), the server runs as
 * the {@code postgres} user, since PostgreSQL refuses to run as root.
 *
 * <p>Without PostgreSQL's programs the tests that need it are skipped, saying why; under CI ({@code CI} set) they
 * fail instead, so a build machine that lost its server cannot pass by skipping them.
 */
public final class PostgresServer {
    private static PostgresServer running;
    /** The throw-away cluster's superuser password (the server lives as long as the test JVM, on a local port). */
    public static final String SUPERUSER_PASSWORD = "test-superuser-pw";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The server of this test JVM, started on first use. */
    public static synchronized PostgresServer get() {
        if (running == null) {
            Path bin = findBin();
            if (bin == null) {
                String why = "PostgreSQL's programs (initdb, pg_ctl) are not installed: apt-get install postgresql";
                if (System.getenv("CI") != null) throw new IllegalStateException(why);
                Assumptions.abort(why);
            }
            running = start(bin);
        }
        return running;
    }

    private static Path findBin() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) return null;
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparing(b -> Integer.parseInt(b.getParent().getFileName().toString().replaceAll("\\D", "0")))).orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static PostgresServer start(Path bin) {
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("huikuan-pg");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            PostgresServer server = new PostgresServer(bin, dir, port, root);
            Path pw = dir.resolve("pw");
            Files.writeString(pw, SUPERUSER_PASSWORD + "\n");
            if (root) Files.setOwner(pw, dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres"));
            // connections over TCP (every test's) log in with a password, as at an office; the local socket is the admin's
            server.run("initdb", "-D", dir.resolve("data").toString(), "--auth-host=scram-sha-256", "--auth-local=trust", "-U", "postgres",
                    "--pwfile=" + pw, "-E", "UTF8", "--locale=C.UTF-8");
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::destroy, "postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    private void run(String program, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (asPostgresUser) cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        cmd.add(bin.resolve(program).toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(program + ".out").toFile()).start();
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                throw new IOException(program + " failed: " + Files.readString(dir.resolve(program + ".out"))
                        + (Files.exists(dir.resolve("log")) ? Files.readString(dir.resolve("log")) : ""));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * Starts the server (again, after {@link #stop}); returns once it accepts connections ({@code pg_ctl -w}). Every
     * commit is flushed to the log before it is acknowledged ({@code synchronous_commit} on), so a server killed
     * mid-write ({@link #stop} {@code immediate}) keeps every commit it acknowledged, as an office's server does;
     * {@code fsync=off} only skips the disk flush below the operating system, which these tests never crash.
     */
    public synchronized void start() {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-l", dir.resolve("log").toString(), "-w", "-t", "120",
                    "-o", "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off", "start");
        } catch (IOException e) {
            throw new IllegalStateException("cannot start PostgreSQL: " + e.getMessage(), e);
        }
    }

    /**
     * Stops the server and returns once it is down ({@code pg_ctl -w}). {@code fast}: as an administrator's restart,
     * the sessions are ended (57P01) and open transactions rolled back; {@code immediate}: as a crash, the server
     * quits at once and recovers from its log at the next start.
     */
    public synchronized void stop(boolean immediate) {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", immediate ? "immediate" : "fast", "-w", "-t", "120", "stop");
        } catch (IOException e) {
            throw new IllegalStateException("cannot stop PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** Stops the server ({@link #stop(boolean) fast} or immediate) and starts it again; returns once it is up. */
    public void restart(boolean immediate) {
        stop(immediate);
        start();
    }

    /**
     * Ends every session of {@code login} on the server, as an administrator (or a network cut) would, with
     * {@code pg_terminate_backend}, and returns once they are gone; returns how many it ended.
     */
    public int terminateSessionsOf(String login) {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", SUPERUSER_PASSWORD);
             var ps = c.prepareStatement("SELECT COUNT(*) FILTER (WHERE pg_terminate_backend(pid, 120000)) FROM pg_stat_activity WHERE usename = ?")) {
            ps.setString(1, login);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void destroy() {
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (IOException ignored) {
            // the JVM is ending; the folder is removed below either way
        }
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder
        }
    }

    /** A new, empty database on the server, as an office's administrator would create one. */
    public String createDatabase(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", SUPERUSER_PASSWORD);
             var s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return url(name);
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }
}
