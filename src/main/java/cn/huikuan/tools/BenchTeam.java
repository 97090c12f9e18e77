package cn.huikuan.tools;

import cn.huikuan.application.Books;
import cn.huikuan.application.ChangedElsewhereException;
import cn.huikuan.application.EvidenceService;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.application.TeamAdmin;
import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.Payment;
import cn.huikuan.storage.ConnectionLostException;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * {@code bench team --db URL --login OWNER --clients N --seconds S [--books K]} (team mode, issue 22, "Load and
 * faults"): N staff members at once, each a thread with their own login, their own folder and their own connections
 * ({@link Books#openOffice}), recording payments, contact-log entries and evidence files on K shared books of the
 * office's server for S seconds, through the app's own services. Then it checks, as the server holds them, that every
 * write the app acknowledged is there exactly once, and that each book's journal verifies; and prints throughput and
 * latency (median, p95) per kind of write. The last line: {@code clients N, writes W, lost L, duplicated D, conflicts C,
 * verify intact|BROKEN}; exit status 1 unless nothing was lost or duplicated and every journal is intact.
 * <p>
 * The owner's login (password in {@code HUIKUAN_DB_PASSWORD}) sets up what the bench uses and leaves it on the server:
 * N throw-away bookkeepers ({@code bench_RUN_i}, random passwords) and K new books holding the sample case. Run it on
 * an office database made for the purpose ({@code createdb}, {@code team init}, {@code team add-user --role owner}), not
 * on the office's real one.
 */
final class BenchTeam {
    static final String PASSWORD_ENV = "HUIKUAN_DB_PASSWORD";

    /** The kinds of write a client makes, in the proportions of a working day: mostly payments, some calls, a few files. */
    enum Kind {
        PAYMENT("payments"), CONTACT("contact entries"), EVIDENCE("evidence files");

        final String label;

        Kind(String label) {
            this.label = label;
        }

        static Kind draw(Random r) {
            int n = r.nextInt(10);
            return n < 6 ? PAYMENT : n < 9 ? CONTACT : EVIDENCE;
        }
    }

    private final PrintStream out;
    private final Function<String, String> env;

    BenchTeam(PrintStream out, Function<String, String> env) {
        this.out = out;
        this.env = env;
    }

    /** What one client did: acknowledged writes by tag, latencies, and what failed how. */
    private static final class Client {
        final Map<Kind, List<String>> acknowledged = new EnumMap<>(Kind.class);
        final Map<Kind, List<Double>> ms = new EnumMap<>(Kind.class);
        final List<String> notSaved = new ArrayList<>();
        final List<String> unknown = new ArrayList<>();
        int conflicts;
        final List<String> errors = new ArrayList<>();

        Client() {
            for (Kind k : Kind.values()) {
                acknowledged.put(k, new ArrayList<>());
                ms.put(k, new ArrayList<>());
            }
        }
    }

    int run(Args a) {
        String url = a.required("db");
        String owner = a.required("login");
        int clients = Args.integer("clients", a.required("clients"), 1, 256);
        int seconds = Args.integer("seconds", a.required("seconds"), 1, 24 * 3600);
        int bookCount = Args.integer("books", a.optional("books") == null ? Integer.toString(Math.max(1, clients / 4)) : a.optional("books"), 1, clients);
        String pw = env.apply(PASSWORD_ENV);
        if (pw == null || pw.isEmpty()) {
            throw new Cli.UsageException("give the password of " + owner + " in " + PASSWORD_ENV + " / 请用环境变量 " + PASSWORD_ENV + " 提供 " + owner + " 的密码");
        }
        String run = Long.toString(System.currentTimeMillis(), 36);
        Path work;
        try {
            work = Files.createTempDirectory("huikuan-bench-team");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return measure(url, owner, pw.toCharArray(), clients, seconds, bookCount, run, work);
        } finally {
            try {
                Cli.deleteTree(work);
            } catch (IOException e) {
                out.println("could not remove / 无法删除 " + work + ": " + e.getMessage());
            }
        }
    }

    private int measure(String url, String owner, char[] ownerPw, int clients, int seconds, int bookCount, String run, Path work) {
        // set-up, as the owner: throw-away staff and books, each book with the sample case (three receivables)
        long t0 = System.nanoTime();
        TeamAdmin admin = TeamAdmin.connect(url, owner, ownerPw);
        List<TeamAdmin.Book> books = new ArrayList<>();
        for (int k = 0; k < bookCount; k++) books.add(admin.addBook("压力测试 " + run + " #" + (k + 1)));
        SecureRandom random = new SecureRandom();
        List<String> logins = new ArrayList<>();
        Map<String, char[]> passwords = new HashMap<>();
        for (int i = 0; i < clients; i++) {
            String login = "bench_" + run + "_" + i;
            char[] p = new char[20];
            for (int j = 0; j < p.length; j++) p[j] = (char) ('a' + random.nextInt(26));
            admin.addUser(login, TeamAdmin.Role.BOOKKEEPER, p.clone());   // a copy: the password given is cleared after use
            admin.grant(login, books.get(i % bookCount).schema());
            logins.add(login);
            passwords.put(login, p);
        }
        for (int k = 0; k < bookCount; k++) {
            String login = logins.get(k);
            try (Books b = open(work.resolve("setup-" + k), url, login, passwords.get(login), books.get(k))) {
                SampleData.loadInto(b);
            }
        }
        out.printf(Locale.ROOT, "set up %d books (%s) and %d bookkeepers (bench_%s_*) in %.1f s; they stay on the server%n", bookCount,
                String.join(", ", books.stream().map(TeamAdmin.Book::schema).toList()), clients, run, (System.nanoTime() - t0) / 1e9);

        // every client opens its book first (Hibernate's boot is not part of the measure), then all start at once
        List<Client> results = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        CountDownLatch opened = new CountDownLatch(clients), go = new CountDownLatch(1);
        AtomicLong deadline = new AtomicLong();
        Set<String> openFailures = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < clients; i++) {
            Client c = new Client();
            results.add(c);
            int n = i;
            Thread t = new Thread(() -> client(n, url, logins.get(n), passwords.get(logins.get(n)), books.get(n % bookCount), run,
                    work.resolve("pc-" + n), c, opened, go, deadline, openFailures), "bench-team-" + i);
            threads.add(t);
            t.start();
        }
        try {
            opened.await();
            if (!openFailures.isEmpty()) out.println("clients that could not open their book / 打不开账本的客户端: " + openFailures);
            long start = System.nanoTime();
            deadline.set(start + seconds * 1_000_000_000L);
            go.countDown();
            for (Thread t : threads) t.join();
            double elapsed = (System.nanoTime() - start) / 1e9;
            return report(url, owner, ownerPw, books, logins, passwords, results, clients, elapsed, run, work);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Books open(Path pc, String url, String login, char[] pw, TeamAdmin.Book book) {
        return Books.openOffice(pc, url, login, pw, book.schema(), Clock.systemDefaultZone());
    }

    /** One staff member: writes until the deadline, each write tagged {@code bench-RUN-CLIENT-SEQ}. */
    private static void client(int n, String url, String login, char[] pw, TeamAdmin.Book book, String run, Path pc, Client result,
                               CountDownLatch opened, CountDownLatch go, AtomicLong deadline, Set<String> openFailures) {
        Books b;
        try {
            b = open(pc, url, login, pw, book);
            b.receivables().payments(firstReceivable(b));   // Hibernate booted before the clock starts
        } catch (RuntimeException e) {
            openFailures.add(login + ": " + e.getMessage());
            opened.countDown();
            return;
        }
        try (b) {
            List<Long> receivables = b.lists().receivables(b.creditorId(), b.today(), ListQuery.first(50)).rows().stream()
                    .map(r -> r.id()).toList();
            opened.countDown();
            go.await();
            Random r = new Random(n);
            for (int seq = 1; System.nanoTime() < deadline.get(); seq++) {
                Kind kind = Kind.draw(r);
                String tag = "bench-" + run + "-" + n + "-" + seq;
                long receivable = receivables.get(r.nextInt(receivables.size()));
                long t = System.nanoTime();
                try {
                    write(b, kind, receivable, tag, pc);
                    result.ms.get(kind).add((System.nanoTime() - t) / 1e6);
                    result.acknowledged.get(kind).add(tag);
                } catch (ConnectionLostException e) {
                    (e.outcome() == ConnectionLostException.Outcome.NOT_SAVED ? result.notSaved : result.unknown).add(tag);
                } catch (ChangedElsewhereException e) {
                    result.conflicts++;
                } catch (RuntimeException e) {
                    result.errors.add(tag + ": " + e);
                    if (result.errors.size() > 20) return;   // something is wrong with this client: it stops, the report says why
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long firstReceivable(Books b) {
        return b.lists().receivables(b.creditorId(), b.today(), ListQuery.first(1)).rows().get(0).id();
    }

    private static void write(Books b, Kind kind, long receivable, String tag, Path pc) {
        switch (kind) {
            case PAYMENT -> {
                Payment p = new Payment(null, b.today(), new BigDecimal("0.01"), Payment.Channel.BANK_TRANSFER);
                p.setReference(tag);
                b.receivables().addPayment(receivable, p, true);
            }
            // to the second, as the window's time fields give it: the journal hashes the time as given, the database keeps microseconds
            case CONTACT -> b.contacts().log(receivable, new ContactEntry(null, b.now().truncatedTo(ChronoUnit.SECONDS), ContactEntry.Channel.PHONE,
                    ContactEntry.Direction.OUTGOING, "电话联系，对方说月底前付款 " + tag, ContactEntry.Outcome.OTHER), List.of());
            case EVIDENCE -> {
                try {
                    Path file = Files.createDirectories(pc.resolve("files")).resolve(tag + ".txt");
                    Files.writeString(file, "收款凭证 " + tag + "\n", StandardCharsets.UTF_8);
                    b.evidence().attach(receivable, file, new EvidenceService.Details(EvidenceType.OTHER, tag, b.today(),
                            "压力测试", null, false));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    private int report(String url, String owner, char[] ownerPw, List<TeamAdmin.Book> books, List<String> logins, Map<String, char[]> passwords,
                       List<Client> results, int clients, double elapsed, String run, Path work) {
        // what the server holds, counted as the owner, per tag
        Map<Kind, Map<String, Integer>> found = new EnumMap<>(Kind.class);
        for (Kind k : Kind.values()) found.put(k, new HashMap<>());
        try (Connection c = DriverManager.getConnection(url, owner, new String(ownerPw))) {
            for (TeamAdmin.Book book : books) {
                count(c, "SELECT reference FROM " + book.schema() + ".payment WHERE reference LIKE ?", run, found.get(Kind.PAYMENT), false);
                count(c, "SELECT summary FROM " + book.schema() + ".contact_entry WHERE summary LIKE ?", run, found.get(Kind.CONTACT), true);
                count(c, "SELECT title FROM " + book.schema() + ".evidence WHERE title LIKE ?", run, found.get(Kind.EVIDENCE), false);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot count the writes on the server / 无法在服务器上清点写入: " + e.getMessage(), e);
        }
        long writes = 0, lost = 0, duplicated = 0, unsaidSaved = 0;
        int conflicts = 0, notSaved = 0, unknown = 0;
        List<String> errors = new ArrayList<>();
        for (Client c : results) {
            conflicts += c.conflicts;
            notSaved += c.notSaved.size();
            unknown += c.unknown.size();
            errors.addAll(c.errors);
        }
        out.printf(Locale.ROOT, "%d clients on %d books for %.1f s (each write a transaction of the app's own services; latency from call to return)%n",
                clients, books.size(), elapsed);
        for (Kind k : Kind.values()) {
            List<Double> ms = new ArrayList<>();
            Set<String> acked = new HashSet<>();
            for (Client c : results) {
                ms.addAll(c.ms.get(k));
                acked.addAll(c.acknowledged.get(k));
            }
            Map<String, Integer> there = found.get(k);
            long kLost = acked.stream().filter(t -> !there.containsKey(t)).count();
            long kDup = there.values().stream().filter(v -> v > 1).count();
            writes += acked.size();
            lost += kLost;
            duplicated += kDup;
            Set<String> said = new HashSet<>();
            for (Client c : results) said.addAll(c.notSaved);
            unsaidSaved += there.keySet().stream().filter(said::contains).count();
            Collections.sort(ms);
            out.printf(Locale.ROOT, "%-16s %,7d acknowledged, %7.1f /s, median %6.1f ms, p95 %6.1f ms; on the server: %,d, lost %d, duplicated %d%n",
                    k.label, acked.size(), acked.size() / elapsed, percentile(ms, 50), percentile(ms, 95), there.size(), kLost, kDup);
        }
        out.printf(Locale.ROOT, "all writes: %,d acknowledged, %.1f /s; reported not saved (connection lost) %d, outcome unknown %d, errors %d%n",
                writes, writes / elapsed, notSaved, unknown, errors.size());
        for (String e : errors.subList(0, Math.min(5, errors.size()))) out.println("  error: " + e);
        if (unsaidSaved > 0) out.printf("writes reported not saved that are on the server / 报告未保存却在服务器上的写入: %d%n", unsaidSaved);
        boolean intact = true;
        for (int k = 0; k < books.size(); k++) {
            String login = logins.get(k);
            try (Books b = open(work.resolve("verify-" + k), url, login, passwords.get(login), books.get(k))) {
                var problems = b.audit().verify().problems();
                if (!problems.isEmpty()) {
                    intact = false;
                    out.printf("verify %s: %d problems, the first: %s%n", books.get(k).schema(), problems.size(), problems.get(0));
                }
            }
        }
        boolean ok = lost == 0 && duplicated == 0 && unsaidSaved == 0 && intact;
        out.printf(Locale.ROOT, "clients %d, writes %d, lost %d, duplicated %d, conflicts %d, verify %s%n", clients, writes, lost + unsaidSaved,
                duplicated, conflicts, intact ? "intact" : "BROKEN");
        return ok ? Cli.OK : Cli.FAILED;
    }

    /** Counts the rows of {@code sql} per tag of this run ({@code contains}: the tag ends the text, else it is the text). */
    private static void count(Connection c, String sql, String run, Map<String, Integer> into, boolean contains) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, (contains ? "%" : "") + "bench-" + run + "-%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String text = rs.getString(1);
                    String tag = contains ? text.substring(text.lastIndexOf(' ') + 1) : text;
                    into.merge(tag, 1, Integer::sum);
                }
            }
        }
    }

    /** The p-th percentile (nearest rank) of sorted {@code ms}; 0 when there are none. */
    static double percentile(List<Double> ms, int p) {
        if (ms.isEmpty()) return 0;
        int rank = (int) Math.ceil(p / 100.0 * ms.size());
        return ms.get(Math.max(0, Math.min(ms.size() - 1, rank - 1)));
    }
}
