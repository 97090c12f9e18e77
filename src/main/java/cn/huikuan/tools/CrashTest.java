package cn.huikuan.tools;

import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.persistence.DataFolder;

import cn.huikuan.application.AuditService;
import cn.huikuan.application.Books;
import cn.huikuan.application.ListQuery;
import cn.huikuan.application.SampleData;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import cn.huikuan.application.EvidenceService;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.io.UncheckedIOException;

/**
 * The reliability harness (issue 6): {@code crash-test --book DIR --kills N} starts a child JVM that records
 * payments and attaches evidence through the app's own services and reports each commit on stdout; the
 * parent kills it with SIGKILL at a random moment, reopens the books and checks that every reported commit
 * is there, the journal verifies and the evidence store holds no half-written file. Repeats N times.
 */
final class CrashTest {
    private final PrintStream out;

    CrashTest(PrintStream out) {
        this.out = out;
    }

    /** The child: writes until killed. */
    static int child(String[] args) {
        Args a = new Args(args, Set.of("book"), Set.of());
        Path dir = Path.of(a.required("book"));
        Random rnd = new Random();
        try (Books books = Books.open(dir, Clock.systemDefaultZone())) {
            long rec = books.receivables().page(ListQuery.first(10).withText("瓷砖")).rows().get(0).id();
            Path tmp = Files.createTempDirectory("crash-child");
            for (int i = 0; ; i++) {
                if (i % 4 == 3) {
                    Path f = tmp.resolve("scan-" + System.nanoTime() + ".bin");
                    byte[] data = new byte[64 * 1024 + rnd.nextInt(256 * 1024)];
                    rnd.nextBytes(data);
                    Files.write(f, data);
                    var item = books.evidence().attach(rec, f, new EvidenceService.Details(EvidenceType.OTHER, "扫描件 " + i, null, null, null, false));
                    System.out.println("EVIDENCE " + item.getId());
                    Files.delete(f);
                } else {
                    Payment p = books.receivables().addPayment(rec, new Payment(null, LocalDate.of(2026, 11, 1), Money.of("0.01"), Payment.Channel.CASH), true);
                    System.out.println("PAYMENT " + p.getId());
                }
                System.out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A line of the child's output, or null at its end (a kill may end the pipe abruptly). */
    private static String readLine(BufferedReader r) {
        try {
            return r.readLine();
        } catch (IOException e) {
            return null;
        }
    }

    int parent(String[] args) throws IOException, InterruptedException {
        Args a = new Args(args, Set.of("book", "kills"), Set.of());
        Path dir = Path.of(a.required("book"));
        int kills = Args.integer("kills", a.required("kills"), 1, 100_000);
        if (!DataFolder.holdsBooks(dir)) {
            try (Books books = Books.open(dir, Clock.systemDefaultZone())) {
                SampleData.loadInto(books);
            }
        }
        Random rnd = new Random();
        Set<Long> payments = new HashSet<>();
        Set<Long> evidence = new HashSet<>();
        int lost = 0, brokenJournal = 0, halfWritten = 0, openFailures = 0;
        long totalCommits = 0;
        for (int k = 1; k <= kills; k++) {
            List<String> cmd = new ArrayList<>(List.of(Tools.javaExe(),
                    "-cp", System.getProperty("java.class.path"), "cn.huikuan.Launcher", "crash-child", "--book", dir.toString()));
            Process child = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            long killAfter = 200 + rnd.nextInt(1500);
            long firstCommit = 0;
            String line;
            Thread killer = null;
            while ((line = readLine(r)) != null) {
                if (line.startsWith("PAYMENT ")) payments.add(Long.parseLong(line.substring(8)));
                else if (line.startsWith("EVIDENCE ")) evidence.add(Long.parseLong(line.substring(9)));
                else continue;
                totalCommits++;
                if (firstCommit == 0) {
                    firstCommit = System.nanoTime();
                    killer = new Thread(() -> {
                        try {
                            Thread.sleep(killAfter);
                        } catch (InterruptedException ignored) {
                            Thread.currentThread().interrupt();
                        }
                        child.toHandle().destroyForcibly(); // SIGKILL; unlike Process.destroyForcibly it leaves our pipes open
                    });
                    killer.start();
                }
            }
            child.waitFor(30, TimeUnit.SECONDS);
            if (killer != null) killer.join();
            try (Books books = Books.open(dir, Clock.systemDefaultZone())) {
                Set<Long> present = new HashSet<>(books.db().withConnection(c -> {
                    List<Long> ids = new ArrayList<>();
                    try (var rs = c.createStatement().executeQuery("SELECT id FROM payment")) {
                        while (rs.next()) ids.add(rs.getLong(1));
                    }
                    return ids;
                }));
                Set<Long> presentEvidence = new HashSet<>(books.db().withConnection(c -> {
                    List<Long> ids = new ArrayList<>();
                    try (var rs = c.createStatement().executeQuery("SELECT id FROM evidence")) {
                        while (rs.next()) ids.add(rs.getLong(1));
                    }
                    return ids;
                }));
                for (Long id : payments) if (!present.contains(id)) lost++;
                for (Long id : evidence) if (!presentEvidence.contains(id)) lost++;
                AuditService.Report report = books.audit().verify();
                if (!report.intact()) {
                    brokenJournal++;
                    out.println("kill " + k + ": " + report.first().kind() + " " + report.first().detail());
                }
                halfWritten += report.problems().stream().filter(p -> p.kind() == AuditService.ProblemKind.FILE_ALTERED
                        || p.kind() == AuditService.ProblemKind.FILE_MISSING).count();
            } catch (RuntimeException e) {
                openFailures++;
                out.println("kill " + k + ": books did not open: " + e.getMessage());
            }
            if (k % 10 == 0 || k == kills) {
                out.printf("kills %d, commits reported %d, lost %d, journal problems %d, damaged evidence %d, failed opens %d%n",
                        k, totalCommits, lost, brokenJournal, halfWritten, openFailures);
            }
        }
        return lost == 0 && brokenJournal == 0 && halfWritten == 0 && openFailures == 0 ? Cli.OK : Cli.FAILED;
    }
}
