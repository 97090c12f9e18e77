package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.application.TeamAdmin.Role;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import cn.huikuan.persistence.PostgresServer;
import cn.huikuan.storage.ConnectionLostException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The office's server restarted, stopped or ended the app's sessions in the middle of its work (team mode, issue 22,
 * "Load and faults"): against a real PostgreSQL that the tests stop, restart (fast, as an administrator; immediate, as a
 * crash) and whose sessions they end with {@code pg_terminate_backend}. What the app acknowledged is on the server
 * exactly once; what it did not is said so, in both languages; the next operation works once the server is back; the
 * journal stays intact. The tests wait for what the server reports (a session waiting on a lock, {@code pg_ctl -w}),
 * never for a time.
 */
class OfficeFaultsTest {
    static PostgresServer server;
    static String url;
    static Map<String, TeamAdmin.Book> books = new HashMap<>();

    @TempDir
    Path pc;

    @BeforeAll
    static void anOfficeWithOneBookPerTest() throws Exception {
        server = PostgresServer.get();
        url = server.createDatabase("office_faults");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        admin.addUser("fay", Role.OWNER, "fay-pw-1234".toCharArray());
        TeamAdmin owner = TeamAdmin.connect(url, "fay", "fay-pw-1234".toCharArray());
        owner.addUser("kim", Role.BOOKKEEPER, "kim-pw-1234".toCharArray());
        for (String name : List.of("between", "down", "cut", "commit", "unknown", "batch")) {
            TeamAdmin.Book book = owner.addBook("故障-" + name);
            owner.grant("kim", book.schema());
            books.put(name, book);
            try (Books kim = open(Files.createTempDirectory("huikuan-pc"), book)) {
                assertThat(SampleData.loadInto(kim)).isTrue();
            }
        }
    }

    static Books open(Path pc, TeamAdmin.Book book) {
        return Books.openOffice(pc, url, "kim", "kim-pw-1234".toCharArray(), book.schema(), TestClock.fixed());
    }

    private static long firstReceivable(Books b) {
        return b.lists().receivables(b.creditorId(), b.today(), ListQuery.first(50)).rows().get(0).id();
    }

    private static Payment payment(Books b, String amount, String reference) {
        Payment p = new Payment(null, b.today(), Money.of(amount), Payment.Channel.BANK_TRANSFER);
        p.setReference(reference);
        return p;
    }

    /** How many payments of the book carry {@code reference}, counted by the server's administrator. */
    private static int payments(TeamAdmin.Book book, String reference) throws SQLException {
        try (Connection c = superuser(); PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM " + book.schema() + ".payment WHERE reference = ?")) {
            ps.setString(1, reference);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static Connection superuser() throws SQLException {
        return DriverManager.getConnection(url, "postgres", PostgresServer.SUPERUSER_PASSWORD);
    }

    /**
     * Waits until a session of kim's other than {@code notPid} waits on a lock (a row lock, or an advisory one) while
     * running {@code query} (its start, any case), as the server reports it in {@code pg_stat_activity}, and returns
     * that session's process id. The limit only ends a test that went wrong.
     */
    private static int awaitKimWaiting(Connection admin, String query, int notPid) throws SQLException {
        long giveUp = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        try (PreparedStatement ps = admin.prepareStatement("SELECT pid FROM pg_stat_activity WHERE usename = 'kim'"
                + " AND wait_event_type = 'Lock' AND query ILIKE ? AND pid <> ?")) {
            ps.setString(1, query + "%");
            ps.setInt(2, notPid);
            while (true) {
                try (var rs = ps.executeQuery()) {
                    if (rs.next()) return rs.getInt(1);
                }
                if (System.nanoTime() > giveUp) throw new AssertionError("no session of kim's waited on the lock");
                Thread.onSpinWait();
            }
        }
    }

    @Test
    void aRestartBetweenOperationsGoesUnnoticed() throws Exception {
        TeamAdmin.Book book = books.get("between");
        try (Books kim = open(pc, book)) {
            long id = firstReceivable(kim);
            int before = kim.receivables().payments(id).size();
            kim.receivables().addPayment(id, payment(kim, "1.00", "between-1"), true);
            server.restart(false);   // as an administrator's restart: every session of the app's pool ends
            kim.receivables().addPayment(id, payment(kim, "2.00", "between-2"), true);
            server.restart(true);    // as a crash: the server recovers from its log
            kim.receivables().addPayment(id, payment(kim, "3.00", "between-3"), true);
            assertThat(kim.receivables().payments(id)).hasSize(before + 3);
            assertThat(kim.lists().receivables(kim.creditorId(), kim.today(), ListQuery.first(50)).total()).isEqualTo(3);
            assertThat(kim.audit().verify().problems()).isEmpty();
        }
        for (String ref : List.of("between-1", "between-2", "between-3")) assertThat(payments(book, ref)).as(ref).isEqualTo(1);
    }

    @Test
    void aWriteWhileTheServerIsDownIsReportedNotSavedAndTheNextOneWorksOnceItIsBack() throws Exception {
        TeamAdmin.Book book = books.get("down");
        try (Books kim = open(pc, book)) {
            long id = firstReceivable(kim);
            server.stop(false);
            try {
                assertThatThrownBy(() -> kim.receivables().addPayment(id, payment(kim, "5.00", "down-1"), true))
                        .isInstanceOfSatisfying(ConnectionLostException.class, e -> {
                            assertThat(e.outcome()).isEqualTo(ConnectionLostException.Outcome.NOT_SAVED);
                            assertThat(e.getMessage()).startsWith("与服务器的连接中断").contains("没有保存")
                                    .contains("the connection to the server was lost").contains("none of its changes was saved");
                        });
                // an evidence file too: said as a lost connection, not as an unreadable file
                Path file = Files.writeString(pc.resolve("收据.txt"), "收据 down-3");
                assertThatThrownBy(() -> kim.evidence().attach(id, file, new EvidenceService.Details(
                        cn.huikuan.domain.EvidenceType.OTHER, "收据", kim.today(), null, null, false)))
                        .isInstanceOfSatisfying(ConnectionLostException.class,
                                e -> assertThat(e.outcome()).isEqualTo(ConnectionLostException.Outcome.NOT_SAVED));
                // a read says so too, rather than showing an empty list
                assertThatThrownBy(() -> kim.lists().receivables(kim.creditorId(), kim.today(), ListQuery.first(50)))
                        .isInstanceOf(ConnectionLostException.class);
            } finally {
                server.start();
            }
            kim.receivables().addPayment(id, payment(kim, "6.00", "down-2"), true);
            assertThat(kim.audit().verify().problems()).isEmpty();
        }
        assertThat(payments(book, "down-1")).isZero();
        assertThat(payments(book, "down-2")).isEqualTo(1);
    }

    /**
     * The app's session is ended while its payment waits for the journal's lock (before its COMMIT): that transaction
     * certainly did not commit, so it runs once more on a new connection, and the payment is there once.
     */
    @Test
    void aSessionEndedMidPaymentIsRunAgainAndThePaymentIsThereOnce() throws Exception {
        TeamAdmin.Book book = books.get("cut");
        try (Books kim = open(pc, book); Connection admin = superuser(); Connection locker = superuser()) {
            long id = firstReceivable(kim);
            int before = kim.receivables().payments(id).size();
            locker.setAutoCommit(false);
            try (Statement s = locker.createStatement()) {
                s.execute("SELECT id FROM " + book.schema() + ".creditor FOR UPDATE");   // the journal's lock: the payment waits
            }
            CompletableFuture<Payment> paying = CompletableFuture.supplyAsync(
                    () -> kim.receivables().addPayment(id, payment(kim, "7.00", "cut-1"), true));
            int first = awaitKimWaiting(admin, "SELECT", 0);
            assertThat(server.terminateSessionsOf("kim")).isPositive();
            awaitKimWaiting(admin, "SELECT", first);   // the second try, on a new connection, waits for the same lock
            locker.commit();
            assertThat(paying.get(2, TimeUnit.MINUTES).getId()).isNotNull();
            assertThat(kim.receivables().payments(id)).hasSize(before + 1);
            assertThat(kim.audit().verify().problems()).isEmpty();
        }
        assertThat(payments(book, "cut-1")).isEqualTo(1);
    }

    /**
     * A trigger deferred to the commit waits for a lock the test holds, so the app's session is ended <em>during</em>
     * its COMMIT. The server then reports the transaction aborted: it runs once more and the payment is there once.
     */
    @Test
    void aSessionEndedDuringTheCommitIsAskedAboutAndRunAgainOnlyBecauseItDidNotCommit() throws Exception {
        TeamAdmin.Book book = books.get("commit");
        holdCommitsOfPayments(book);
        try (Books kim = open(pc, book); Connection admin = superuser(); Connection locker = superuser()) {
            long id = firstReceivable(kim);
            int before = kim.receivables().payments(id).size();
            try (Statement s = locker.createStatement()) {
                s.execute("SELECT pg_advisory_lock(4242)");
            }
            CompletableFuture<Payment> paying = CompletableFuture.supplyAsync(
                    () -> kim.receivables().addPayment(id, payment(kim, "8.00", "commit-1"), true));
            int first = awaitKimWaiting(admin, "COMMIT", 0);
            assertThat(server.terminateSessionsOf("kim")).isPositive();
            awaitKimWaiting(admin, "COMMIT", first);   // asked the server (aborted), ran again, and waits at the commit again
            try (Statement s = locker.createStatement()) {
                s.execute("SELECT pg_advisory_unlock(4242)");
            }
            assertThat(paying.get(2, TimeUnit.MINUTES).getId()).isNotNull();
            assertThat(kim.receivables().payments(id)).hasSize(before + 1);
            assertThat(kim.audit().verify().problems()).isEmpty();
        } finally {
            releaseCommitsOfPayments(book);
        }
        assertThat(payments(book, "commit-1")).isEqualTo(1);
    }

    /**
     * The server crashes while the app's COMMIT waits: the app cannot ask what became of it, so it says the outcome is
     * unknown (look before doing it again), and does not try again by itself.
     */
    @Test
    void theServerStoppingDuringTheCommitIsReportedAsUnknownNeverRetried() throws Exception {
        TeamAdmin.Book book = books.get("unknown");
        holdCommitsOfPayments(book);
        try (Books kim = open(pc, book)) {
            long id = firstReceivable(kim);
            CompletableFuture<Payment> paying;
            try (Connection admin = superuser(); Connection locker = superuser(); Statement s = locker.createStatement()) {
                s.execute("SELECT pg_advisory_lock(4242)");
                paying = CompletableFuture.supplyAsync(() -> kim.receivables().addPayment(id, payment(kim, "9.00", "unknown-1"), true));
                awaitKimWaiting(admin, "COMMIT", 0);
                // immediate, as a crash: a fast stop ends the lock's holder too, and kim's commit may then go through first
                server.stop(true);
            }
            try {
                assertThatThrownBy(() -> paying.get(2, TimeUnit.MINUTES)).isInstanceOf(ExecutionException.class)
                        .cause().isInstanceOfSatisfying(ConnectionLostException.class, e -> {
                            assertThat(e.outcome()).isEqualTo(ConnectionLostException.Outcome.UNKNOWN);
                            assertThat(e.getMessage()).contains("无法确认").contains("could not be confirmed");
                        });
            } finally {
                server.start();
            }
            // the server's recovery finds it never committed; the user, told to look, sees it is not there and records it
            assertThat(payments(book, "unknown-1")).isZero();
            kim.receivables().addPayment(id, payment(kim, "9.00", "unknown-2"), true);
            assertThat(kim.audit().verify().problems()).isEmpty();
        } finally {
            releaseCommitsOfPayments(book);
        }
        assertThat(payments(book, "unknown-2")).isEqualTo(1);
    }

    /**
     * Payments recorded one after another while the server is restarted as by a crash: every payment the app
     * acknowledged is there exactly once; one reported not saved is not there; the journal is intact.
     */
    @Test
    void aCrashRestartDuringABatchOfPaymentsLosesNothingAcknowledgedAndRecordsNothingTwice() throws Exception {
        TeamAdmin.Book book = books.get("batch");
        List<String> acknowledged = new ArrayList<>(), notSaved = new ArrayList<>(), unknown = new ArrayList<>();
        CountDownLatch someDone = new CountDownLatch(5), serverBack = new CountDownLatch(1);
        try (Books kim = open(pc, book)) {
            long id = firstReceivable(kim);
            CompletableFuture<Void> batch = CompletableFuture.runAsync(() -> {
                for (int i = 1; i <= 30; i++) {
                    String ref = "batch-" + i;
                    try {
                        kim.receivables().addPayment(id, payment(kim, "0.01", ref), true);
                        acknowledged.add(ref);
                        someDone.countDown();
                    } catch (ConnectionLostException e) {
                        (e.outcome() == ConnectionLostException.Outcome.NOT_SAVED ? notSaved : unknown).add(ref);
                        try {
                            serverBack.await();   // as a user who is told the server is away would wait for it
                        } catch (InterruptedException ie) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }
            });
            someDone.await();
            server.restart(true);
            serverBack.countDown();
            batch.get(2, TimeUnit.MINUTES);
            assertThat(acknowledged.size() + notSaved.size() + unknown.size()).isEqualTo(30);
            assertThat(kim.audit().verify().problems()).isEmpty();
        }
        for (String ref : acknowledged) assertThat(payments(book, ref)).as(ref).isEqualTo(1);
        for (String ref : notSaved) assertThat(payments(book, ref)).as(ref).isZero();
        for (String ref : unknown) assertThat(payments(book, ref)).as(ref).isBetween(0, 1);
    }

    /** A constraint trigger deferred to the commit, waiting there for advisory lock 4242 (held by the test). */
    private static void holdCommitsOfPayments(TeamAdmin.Book book) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("CREATE FUNCTION " + book.schema() + ".hold_commit() RETURNS trigger LANGUAGE plpgsql AS"
                    + " $$ BEGIN PERFORM pg_advisory_xact_lock(4242); RETURN NULL; END $$");
            s.execute("CREATE CONSTRAINT TRIGGER hold_commit AFTER INSERT ON " + book.schema() + ".payment"
                    + " DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION " + book.schema() + ".hold_commit()");
        }
    }

    private static void releaseCommitsOfPayments(TeamAdmin.Book book) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS hold_commit ON " + book.schema() + ".payment");
            s.execute("DROP FUNCTION IF EXISTS " + book.schema() + ".hold_commit()");
        }
    }
}
