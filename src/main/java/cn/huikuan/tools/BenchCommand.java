package cn.huikuan.tools;

import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.persistence.DataFolder;

import cn.huikuan.application.Books;
import cn.huikuan.application.JournalWriter;
import cn.huikuan.application.ListQuery;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.Payment;
import cn.huikuan.persistence.Database;
import cn.huikuan.persistence.Dialect;
import cn.huikuan.cli.BookPlace;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import cn.huikuan.application.ImportService;
import cn.huikuan.application.ReceivableRow;
import cn.huikuan.domain.AuditChain;
import cn.huikuan.law.data.LawData;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * {@code huikuan bench generate|lists|writes|import|startup|bundle|claim|guard|team}: a data generator for large books and a benchmark of the list,
 * search and dashboard queries on them (issue 7), and of the other slow paths. Results are medians in milliseconds.
 */
final class BenchCommand {
    private final PrintStream out;
    /** Where an office login's password is read from ({@code --db}): the process's environment; tests give their own. */
    private final java.util.function.Function<String, String> env;

    BenchCommand(PrintStream out) {
        this(out, System::getenv);
    }

    BenchCommand(PrintStream out, java.util.function.Function<String, String> env) {
        this.out = out;
        this.env = env;
    }

    int run(String[] args) {
        if (args.length == 0) {
            throw new Cli.UsageException("bench needs generate, lists, writes, import, invoices, startup, bundle, claim, guard or team / 请指定 generate、lists、writes、import、invoices、startup、bundle、claim、guard 或 team");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "generate" -> generate(new Args(rest, Set.of("data", "db", "book", "login", "customers", "receivables", "payments", "seed"), Set.of()));
            case "lists" -> lists(new Args(rest, Set.of("data", "db", "book", "login", "runs"), Set.of()));
            case "cli" -> new BenchCli(out).run(new Args(rest, Set.of("book", "runs", "launcher"), Set.of("cds")),
                    g -> generate(new Args(g, Set.of("data", "customers", "receivables", "payments", "seed"), Set.of())));
            case "startup" -> startupBench(new Args(rest, Set.of("books", "runs", "launcher"), Set.of("cds")));
            case "writes" -> writes(new Args(rest, Set.of("data", "runs"), Set.of()));
            case "import" -> importBench(new Args(rest, Set.of("data", "rows"), Set.of()));
            case "statements" -> new BenchStatements(out).run(new Args(rest, Set.of("data", "lines", "customers"), Set.of()));
            case "invoices" -> new BenchInvoices(out).run(new Args(rest, Set.of("data", "count"), Set.of()));
            case "claim" -> claimBench(new Args(rest, Set.of("data", "sizes", "runs", "seed"), Set.of()));
            case "bundle" -> {
                try {
                    yield new BenchBundle(out).run(new Args(rest, Set.of("data", "photos", "pdf-pages", "runs", "qpdf"), Set.of("unprepared")));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
            case "guard" -> new BenchGuard(out).run(new Args(rest, Set.of("corpus", "runs"), Set.of("show-misses", "compare")),
                    LawData.lpr());
            case "team" -> new BenchTeam(out, System::getenv).run(new Args(rest, Set.of("db", "login", "clients", "seconds", "books"), Set.of()));
            default -> throw new Cli.UsageException("unknown bench / 未知的基准测试: " + args[0]);
        };
    }

    /**
     * {@code bench startup --books DIR[,DIR…] [--runs 5] [--launcher PATH]} (issue 7): launches, as separate JVMs on the
     * current display, a bare JavaFX window with one label, Huikuan on a new empty book, and Huikuan on each given book,
     * and times process start to "main window shown" (the books are open and the first lists are queued). With
     * {@code --launcher} (issue 25) also the installed app's window launcher (jpackage's {@code bin/Huikuan}) on the
     * empty book, against the same bare window.
     * Needs a display (run it under xvfb-run on a server). Prints medians and the ratios.
     */
    private int startupBench(Args a) {
        int runs = Args.integer("runs", a.optional("runs") == null ? "5" : a.optional("runs"), 1, 50);
        String javaExe = Tools.javaExe();
        String jar = Tools.ownJar();
        List<String> books = a.optional("books") == null ? List.of() : Arrays.asList(a.optional("books").split(","));
        try {
            Path empty = Files.createTempDirectory("huikuan-startup-empty");
            // The first start creates the empty book; time the later ones.
            startups(List.of(javaExe, "-Dhuikuan.noWelcome=true", "-Dhuikuan.noNotifications=true", "-jar", jar), empty, "main window shown", 1);
            // --cds: both the bare window and the app start with one class-data-sharing archive of the app's classes
            // (made here by one run with -XX:ArchiveClassesAtExit), to show what shipping such an archive would give.
            List<String> cds = List.of();
            if (a.flag("cds")) {
                Path archive = empty.resolve("huikuan.jsa");
                startups(List.of(javaExe, "-XX:ArchiveClassesAtExit=" + archive, "-Dhuikuan.noNotifications=true", "-jar", jar), empty,
                        "main window shown", 1);
                cds = List.of("-XX:SharedArchiveFile=" + archive);
                out.printf("class-data-sharing archive: %s (%,d bytes), used by every start below%n", archive, Files.size(archive));
            }
            List<String> bareCmd = new ArrayList<>(List.of(javaExe));
            bareCmd.addAll(cds);
            bareCmd.addAll(List.of("-cp", jar, "cn.huikuan.ui.BareWindow$Main"));
            List<String> appCmd = new ArrayList<>(List.of(javaExe));
            appCmd.addAll(cds);
            appCmd.addAll(List.of("-Dhuikuan.noNotifications=true", "-jar", jar));
            // the bare window, the app on the empty book and the app on each given book take turns, start by start
            // (the order reversed every other round): this machine's speed drifts within a minute, and timing all of
            // one case first and the next after put that drift into the ratios
            List<Start> bares = new ArrayList<>(), apps = new ArrayList<>(), launched = new ArrayList<>();
            List<List<Start>> onBooks = new ArrayList<>();
            List<Case> cases = new ArrayList<>(List.of(new Case(bareCmd, null, "shown", bares),
                    new Case(appCmd, empty, "main window shown", apps)));
            // --launcher: the installed app's own launcher (jpackage's bin/Huikuan, with the options and class-data
            // sharing archive the installer gives it) on the same empty book, as a case of its own
            String launcher = Tools.launcher(a);
            if (launcher != null) cases.add(new Case(List.of(launcher), empty, "main window shown", launched));
            for (String b : books) {
                onBooks.add(new ArrayList<>());
                cases.add(new Case(appCmd, Path.of(b), "main window shown", onBooks.get(onBooks.size() - 1)));
            }
            List<Case> reversed = new ArrayList<>(cases);
            Collections.reverse(reversed);
            for (int r = 0; r < runs; r++) {
                for (Case c : r % 2 == 0 ? cases : reversed) c.starts().addAll(startups(c.cmd(), c.data(), c.marker(), 1));
            }
            double bare = medianMs(bares);
            double e = medianMs(apps);
            out.printf("bare JavaFX window: median %.0f ms%s%n", bare, cpu(bares));
            List<Double> appOverBare = pairedRatios(apps, bares);
            out.printf("huikuan, empty book: median %.0f ms (%.2f x bare; median of the %d paired ratios %.2f%s; target <= 1.5%s)%n",
                    e, e / bare, runs, median(appOverBare), interval(appOverBare), cpu(apps));
            if (launcher != null) {
                double l = medianMs(launched);
                List<Double> overBare = pairedRatios(launched, bares);
                out.printf("installed launcher %s, empty book: median %.0f ms (%.2f x bare; median of the %d paired ratios %.2f%s; target <= 1.2%s)%n",
                        launcher, l, l / bare, runs, median(overBare), interval(overBare), cpu(launched));
            }
            for (int i = 0; i < books.size(); i++) {
                List<Start> those = onBooks.get(i);
                double t = medianMs(those);
                List<Double> overEmpty = pairedRatios(those, apps);
                out.printf("huikuan, %s: median %.0f ms (%.2f x empty book, median of the %d paired ratios %.2f%s, target <= 1.1; %.2f x bare%s)%n",
                        books.get(i), t, t / e, runs, median(overEmpty), interval(overEmpty), t / bare, cpu(those));
            }
        } catch (IOException | InterruptedException ex) {
            throw new IllegalStateException(ex.getMessage(), ex);
        }
        return Cli.OK;
    }

    /** Start i of {@code a} over start i of {@code b} (taken in the same round). */
    private static List<Double> pairedRatios(List<Start> a, List<Start> b) {
        List<Double> r = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) r.add(a.get(i).ms() / b.get(i).ms());
        return r;
    }

    /** One case of {@code bench startup}: how it is started, on which books, the line that ends it, and its starts so far. */
    private record Case(List<String> cmd, Path data, String marker, List<Start> starts) {
    }

    /** One timed start: milliseconds from process start to the marker line, and the process's CPU time by then (-1 where unknown). */
    record Start(double ms, double cpuMs) {
    }

    /** A start that shows nothing for this long has stopped on something (a dialog, a lock held by another instance). */
    static final long START_LIMIT_SECONDS = 120;

    private static List<Start> startups(List<String> cmd, Path data, String marker, int runs) throws IOException, InterruptedException {
        List<Start> starts = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (data != null) {
                pb.environment().put("HUIKUAN_DATA", data.toString());
                pb.environment().put("HUIKUAN_SMOKE_TEST", "0.5");
            }
            long t0 = System.nanoTime();
            Process p = pb.start();
            Start start = null;
            var seen = new CountDownLatch(1);
            // a start that never shows its window (an error dialog waits for a click) would hold the bench forever
            Thread watchdog = new Thread(() -> {
                try {
                    if (!seen.await(START_LIMIT_SECONDS, TimeUnit.SECONDS)) p.destroyForcibly();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "bench-startup-watchdog");
            watchdog.setDaemon(true);
            watchdog.start();
            Deque<String> last = new ArrayDeque<>();
            try (var in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (start == null && line.contains(marker)) {
                        start = new Start((System.nanoTime() - t0) / 1e6, cpuMillis(p.pid()));
                        seen.countDown();
                    }
                    if (start == null) {
                        last.addLast(line);
                        if (last.size() > 5) last.removeFirst();
                    }
                }
            }
            seen.countDown();
            p.waitFor();
            if (start == null) {
                throw new IllegalStateException("the window did not show within " + START_LIMIT_SECONDS + " s (" + String.join(" ", cmd)
                        + "): is there a display, or is another instance using the books? Its last lines: " + String.join(" | ", last));
            }
            starts.add(start);
        }
        return starts;
    }

    /** A process's CPU time so far (user + system) from /proc on Linux; -1 elsewhere. */
    private static double cpuMillis(long pid) {
        try {
            return cn.huikuan.StartupTiming.cpuMillisOfProcStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")));
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double medianMs(List<Start> xs) {
        return median(xs.stream().map(Start::ms).toList());
    }

    /** ", CPU by then: median N ms" when the CPU time was read, else nothing. */
    private static String cpu(List<Start> xs) {
        List<Double> c = xs.stream().map(Start::cpuMs).filter(v -> v >= 0).toList();
        return c.size() == xs.size() && !c.isEmpty() ? String.format("; process CPU by then: median %.0f ms", median(c)) : "";
    }

    private static double median(List<Double> xs) {
        return BenchBundle.median(xs);
    }

    /**
     * A 95% interval for the median of {@code xs}: the 2.5th and 97.5th percentiles of the medians of 2,000
     * resamples with replacement (a percentile bootstrap; a fixed seed, so a run prints the same interval for the
     * same starts). With ratios that sit near a target, it says whether more starts could move them across it.
     */
    static double[] medianInterval(List<Double> xs) {
        Random random = new Random(7);
        int n = xs.size(), rounds = 2000;
        double[] medians = new double[rounds];
        List<Double> sample = new ArrayList<>(n);
        for (int r = 0; r < rounds; r++) {
            sample.clear();
            for (int i = 0; i < n; i++) sample.add(xs.get(random.nextInt(n)));
            medians[r] = median(sample);
        }
        Arrays.sort(medians);
        return new double[] {medians[(int) Math.floor(0.025 * (rounds - 1))], medians[(int) Math.ceil(0.975 * (rounds - 1))]};
    }

    /** " (95% interval a–b)" for the median of paired ratios. */
    private static String interval(List<Double> ratios) {
        double[] i = medianInterval(ratios);
        return String.format(" (95%% interval %.2f–%.2f)", i[0], i[1]);
    }

    /** The day every claim of {@code bench claim} is computed on. */
    static final LocalDate CLAIM_AS_OF = LocalDate.of(2026, 6, 30);

    /**
     * {@code bench claim [--sizes 1000,2000,5000,10000] [--runs 5] [--seed 42] [--data DIR]} (issue 24): writes a claim
     * file of each size ({@link #claimFile}) and runs {@code calc claim --json} on them in this JVM: one round over all
     * sizes to warm up, then {@code runs} rounds, each over all sizes (in reverse order every other round: this
     * machine's speed drifts). Prints each size's median and the time per entry of the largest size over the
     * smallest: about 1 when the time grows in proportion to the entries (before issue 24 the ledger's text grew
     * with events times instalments overdue, and 10,000 instalments ran out of memory). The files are kept in DIR
     * when it is given.
     */
    private int claimBench(Args a) {
        int runs = Args.integer("runs", a.optional("runs") == null ? "5" : a.optional("runs"), 1, 50);
        long seed = a.optional("seed") == null ? 42 : Args.integer("seed", a.optional("seed"), 0, Integer.MAX_VALUE);
        List<Integer> sizes = new ArrayList<>();
        for (String n : (a.optional("sizes") == null ? "1000,2000,5000,10000" : a.optional("sizes")).split(",")) {
            sizes.add(Args.integer("sizes", n.strip(), 1, 10_000));
        }
        out.printf("claim files: N instalments (every other day, 1,000-50,000 yuan) each 95%% paid 0-60 days late, a cost every 10th; "
                + "sale, agreed penalty 0.05%% a day; as of %s; seed %d; calc claim --json in this JVM, median of %d rounds after a warm-up round%n",
                CLAIM_AS_OF, seed, runs);
        try {
            Path dir = a.optional("data") == null ? Files.createTempDirectory("huikuan-bench-claim") : Path.of(a.optional("data"));
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            List<String> shapes = new ArrayList<>();
            for (int n : sizes) {
                Path file = Files.writeString(dir.resolve("claim-" + n + ".json"), claimFile(n, seed));
                ByteArrayOutputStream first = new ByteArrayOutputStream();
                if (calcClaim(file, new PrintStream(first, true, StandardCharsets.UTF_8)) != Cli.OK) {
                    throw new IllegalStateException("calc claim failed on " + file + ": " + first.toString(StandardCharsets.UTF_8));
                }
                int lines = new ObjectMapper().readTree(first.toByteArray()).get("ledger").size();
                files.add(file);
                shapes.add(String.format("%,d entries (%,d bytes): %,d ledger lines, %,d bytes of JSON out", entries(n), Files.size(file),
                        lines, first.size()));
            }
            List<List<Double>> ms = new ArrayList<>();
            for (int k = 0; k < sizes.size(); k++) ms.add(new ArrayList<>());
            for (int r = 0; r < runs; r++) {
                for (int i = 0; i < sizes.size(); i++) {
                    int k = r % 2 == 0 ? i : sizes.size() - 1 - i;
                    long t = System.nanoTime();
                    calcClaim(files.get(k), new PrintStream(OutputStream.nullOutputStream()));
                    ms.get(k).add((System.nanoTime() - t) / 1e6);
                }
            }
            int small = 0, large = 0;
            for (int k = 0; k < sizes.size(); k++) {
                double m = median(ms.get(k));
                out.printf("%,7d instalments, %s; median %,.0f ms (min %,.0f, max %,.0f), %.3f ms per entry%n", sizes.get(k), shapes.get(k), m,
                        Collections.min(ms.get(k)), Collections.max(ms.get(k)), m / entries(sizes.get(k)));
                if (sizes.get(k) < sizes.get(small)) small = k;
                if (sizes.get(k) > sizes.get(large)) large = k;
            }
            if (sizes.get(large) > sizes.get(small)) {
                out.printf("time per entry, %,d instalments over %,d: %.2f (in proportion: about 1)%n", sizes.get(large), sizes.get(small),
                        median(ms.get(large)) / entries(sizes.get(large)) / (median(ms.get(small)) / entries(sizes.get(small))));
            }
            if (a.optional("data") == null) Cli.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Cli.OK;
    }

    /** The entries of a claim file of {@code n} instalments: as many payments, and a cost every 10th. */
    private static int entries(int n) {
        return 2 * n + n / 10;
    }

    private static int calcClaim(Path file, PrintStream to) {
        return new Cli(to, to, () -> CLAIM_AS_OF).run("calc", "claim", "--file", file.toString(), "--as-of", CLAIM_AS_OF.toString(), "--json");
    }

    /**
     * A claim file of {@code n} instalments due every other day up to {@link #CLAIM_AS_OF}, of 1,000.00 to 50,000.00
     * yuan each, each paid at 95% 0 to 60 days after it fell due (payments after the as-of day are left in: the
     * calculator sets them aside with a warning), and a lawyer's fee every 10th instalment; a sale with an agreed
     * penalty of 0.05% a day (no table of rates needed, however far back the contract goes). The debtor falls a
     * little further behind with every instalment, so more and more instalments are overdue at once: the shape
     * whose ledger used to grow with the square of the instalments.
     */
    static String claimFile(int n, long seed) {
        Random rnd = new Random(seed);
        LocalDate contract = CLAIM_AS_OF.minusDays(2L * n + 30);
        StringBuilder schedule = new StringBuilder(), payments = new StringBuilder(), costs = new StringBuilder();
        long principalFen = 0;
        for (int i = 0; i < n; i++) {
            LocalDate due = contract.plusDays(2L * i + 2);
            long fen = 100_000 + (long) rnd.nextInt(4_900_001);
            principalFen += fen;
            schedule.append(i == 0 ? "" : ",\n  ").append("{\"due\": \"").append(due).append("\", \"amount\": \"").append(yuan(fen)).append("\"}");
            payments.append(i == 0 ? "" : ",\n  ").append("{\"date\": \"").append(due.plusDays(rnd.nextInt(61)))
                    .append("\", \"amount\": \"").append(yuan(fen * 95 / 100)).append("\"}");
            if (i % 10 == 9) {
                costs.append(costs.length() == 0 ? "" : ",\n  ").append("{\"date\": \"").append(due.plusDays(rnd.nextInt(30)))
                        .append("\", \"amount\": \"").append(yuan(50_000 + rnd.nextInt(450_001))).append("\", \"text\": \"律师费\"}");
            }
        }
        return "{\"kind\": \"sale\", \"contractDate\": \"" + contract + "\", \"principal\": \"" + yuan(principalFen) + "\",\n"
                + " \"penalty\": {\"kind\": \"daily-rate\", \"value\": \"0.05\"},\n"
                + " \"schedule\": [\n  " + schedule + "],\n \"payments\": [\n  " + payments + "],\n \"costs\": [\n  " + costs + "]}\n";
    }

    private static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }

    /**
     * {@code bench import --data DIR [--rows 100000]}: writes an .xlsx of that many receivables (a customer
     * per 10 rows, a quarter with a payment) and times dry run and import into a fresh book, with the heap's
     * high-water mark (issue 7: 100,000 rows under 10 s, memory bounded).
     */
    private int importBench(Args a) {
        Path dir = Path.of(a.required("data"));
        int rows = Args.integer("rows", a.optional("rows") == null ? "100000" : a.optional("rows"), 1, ImportService.MAX_ROWS);
        try {
            Files.createDirectories(dir);
            Path xlsx = dir.resolve("receivables-" + rows + ".xlsx");
            long t0 = System.nanoTime();
            try (OutputStream o = Files.newOutputStream(xlsx);
                 Workbook wb = new Workbook(o, "bench", "1.0")) {
                Worksheet ws = wb.newWorksheet("应收款");
                String[] head = {"客户名称", "电话", "事由", "合同编号", "日期", "金额", "到期日", "已付金额", "付款日期"};
                for (int i = 0; i < head.length; i++) ws.value(0, i, head[i]);
                Random rnd = new Random(7);
                for (int r = 1; r <= rows; r++) {
                    LocalDate d = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(600));
                    ws.value(r, 0, "客户" + (1 + (r - 1) / 10));
                    ws.value(r, 1, "139" + String.format("%08d", r));
                    ws.value(r, 2, "货款");
                    ws.value(r, 3, "HT-" + r);
                    ws.value(r, 4, d.toString());
                    ws.value(r, 5, 100 + rnd.nextInt(100_000));
                    ws.value(r, 6, d.plusDays(30).toString());
                    if (r % 4 == 0) {
                        ws.value(r, 7, 50);
                        ws.value(r, 8, d.plusDays(10).toString());
                    }
                    if (r % 10_000 == 0) ws.flush();
                }
            }
            out.printf("wrote %s (%,d rows, %,d bytes) in %.1f s%n", xlsx.getFileName(), rows, Files.size(xlsx), (System.nanoTime() - t0) / 1e9);
            Path book = dir.resolve("import-book-" + System.nanoTime());
            try (Books books = Books.open(book, Clock.systemDefaultZone())) {
                BenchBundle.HeapSampler heap = new BenchBundle.HeapSampler();
                heap.start();
                long s = System.nanoTime();
                var dry = books.imports().dryRun(xlsx, null);
                long dryMs = (System.nanoTime() - s) / 1_000_000;
                s = System.nanoTime();
                var r = books.imports().importFile(xlsx, null);
                long importMs = (System.nanoTime() - s) / 1_000_000;
                heap.interrupt();
                heap.join();
                out.printf("dry run: %,d ms (%d rejected); import (reuses the dry run's reading, checks against the books again, writes): %,d ms for %,d receivables; heap used at most %,d MiB (max %,d MiB)%n",
                        dryMs, dry.rejected().size(), importMs, r.accepted(), heap.max >> 20, Runtime.getRuntime().maxMemory() >> 20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Cli.OK;
    }

    /**
     * The books a bench works on: {@code --data DIR} (this computer's folder), or an office book on a PostgreSQL server
     * ({@code --db URL --book NAME|book_N [--login NAME]}, the password from the environment, as every command takes it).
     */
    private Books openBooks(Args a, boolean create) {
        String data = a.optional("data");
        if (a.optional("db") != null) {
            if (data != null) throw new Cli.UsageException("give --data DIR or --db URL --book NAME, not both / --data 与 --db 只能选一个");
            BookPlace place = BookPlace.of(a.required("book"), a.optional("db"), a.optional("login")).environment(env);
            Books books = place.open(Clock.systemDefaultZone());
            shown = place.shown();
            return books;
        }
        if (a.optional("book") != null || a.optional("login") != null) {
            throw new Cli.UsageException("--book and --login go with --db (a folder is --data DIR) / --book、--login 需与 --db 一起使用");
        }
        Path dir = Path.of(a.required("data"));
        if (create && DataFolder.holdsBooks(dir)) {
            throw new Cli.UsageException("refusing to add generated data to existing books / 不会向已有账本写入生成数据: " + dir);
        }
        if (!create && !DataFolder.holdsBooks(dir)) throw new Cli.UsageException("no books in / 没有账本: " + dir);
        shown = dir.toAbsolutePath().toString();
        return Books.open(dir, Clock.systemDefaultZone());
    }

    /** One phase of {@code bench generate} done: seconds since the start. */
    private void phase(String what, long t0) {
        out.printf("  %s written: %.1f s%n", what, (System.nanoTime() - t0) / 1e9);
    }

    /** Where {@link #openBooks} opened the books, for the report. */
    private String shown;

    private int generate(Args a) {
        int customers = Args.integer("customers", a.required("customers"), 1, 10_000_000);
        int receivables = Args.integer("receivables", a.required("receivables"), 1, 50_000_000);
        int payments = Args.integer("payments", a.required("payments"), 0, 100_000_000);
        Random rnd = new Random(a.optional("seed") == null ? 42 : Long.parseLong(a.optional("seed")));
        long t0 = System.nanoTime();
        try (Books books = openBooks(a, true)) {
            long creditor = books.creditorId();
            Database db = books.db();
            Dialect dialect = db.dialect();
            db.withConnection(c -> {
                // the generated records take ids 1..N: only into a book that holds none (an office book as team add-book made it)
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT (SELECT COUNT(*) FROM customer) + (SELECT COUNT(*) FROM receivable)"
                        + " + (SELECT COUNT(*) FROM payment)")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        throw new Cli.UsageException("refusing to add generated data to a book that holds records / 不会向已有记录的账本写入生成数据: " + shown);
                    }
                }
                if (dialect == Dialect.POSTGRESQL) {
                    // the ids continue after the generated ones (setval): the owners' right, checked before ten minutes of writing
                    try (var st = c.createStatement(); var rs = st.executeQuery("SELECT bool_and(has_sequence_privilege(pg_get_serial_sequence(t, 'id'),"
                            + " 'UPDATE')) FROM unnest(ARRAY['customer', 'receivable', 'payment']) AS t")) {
                        if (!rs.next() || !rs.getBoolean(1)) {
                            throw new Cli.UsageException("generating an office book is for the office's owners (--login) / 只有负责人可以向办公室账本写入生成数据");
                        }
                    }
                }
                c.setReadOnly(false);
                c.setAutoCommit(false);
                Timestamp now = Timestamp.from(Instant.now());
                // every record journalled exactly as the app does (issue 24), so the books verify and open without sealing
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO customer (id, version, creditor_id, kind, name, situation, created_at) "
                        + "VALUES (?, 0, ?, ?, ?, 'UNKNOWN', ?)");
                     JournalWriter journal = new JournalWriter(c, creditor, now)) {
                    for (int i = 1; i <= customers; i++) {
                        String kind = i % 5 == 0 ? "ORGANISATION" : "PERSON";
                        String name = (i % 5 == 0 ? "客户公司" : "客户") + i;
                        ps.setLong(1, i);
                        ps.setLong(2, creditor);
                        ps.setString(3, kind);
                        ps.setString(4, name);
                        ps.setTimestamp(5, now);
                        ps.addBatch();
                        journal.add("customer", i, AuditChain.canonicalCustomer(creditor, kind, name, null, null, null, null, List.of()));
                        if (i % 5000 == 0) {
                            ps.executeBatch();
                            journal.flush();
                        }
                    }
                    ps.executeBatch();
                }
                c.commit();
                phase("customers", t0);
                LocalDate base = LocalDate.of(2020, 1, 1);
                long[] principal = new long[receivables + 1];
                LocalDate[] contract = new LocalDate[receivables + 1];
                for (int i = 1; i <= receivables; i++) {
                    contract[i] = base.plusDays(rnd.nextInt(2500));
                    principal[i] = 1000 + rnd.nextInt(500_000);
                }
                // payments are drawn first, so that each receivable is written with its list figures (ReceivableSummary)
                int[] payRec = new int[payments + 1];
                long[] payCents = new long[payments + 1];
                LocalDate[] payOn = new LocalDate[payments + 1];
                long[] paidCents = new long[receivables + 1];
                for (int i = 1; i <= payments; i++) {
                    int rec = 1 + rnd.nextInt(receivables);
                    payRec[i] = rec;
                    payCents[i] = Math.max(1, principal[rec] / (2 + rnd.nextInt(6))) * 100;
                    payOn[i] = LocalDate.of(2026, 1, 1).plusDays(rnd.nextInt(300));
                    paidCents[rec] += payCents[i];
                }
                try (PreparedStatement r = c.prepareStatement("INSERT INTO receivable (id, version, customer_id, kind, title, contract_date, principal, "
                        + "currency, penalty_kind, created_at, creditor_id, paid, final_due, first_unpaid_due, outstanding) "
                        + "VALUES (?, 0, ?, 'SALE_ON_CREDIT', ?, ?, ?, 'CNY', 'NONE', ?, ?, ?, ?, ?, ?)");
                     PreparedStatement inst = c.prepareStatement("INSERT INTO instalment (receivable_id, seq, due_date, amount) VALUES (?, 0, ?, ?)");
                     JournalWriter journal = new JournalWriter(c, creditor, now)) {
                    for (int i = 1; i <= receivables; i++) {
                        LocalDate due = contract[i].plusDays(30 + rnd.nextInt(90));
                        long customer = 1 + rnd.nextInt(customers);
                        r.setLong(1, i);
                        r.setLong(2, customer);
                        r.setString(3, "货款 " + i);
                        journal.add("receivable", i, AuditChain.canonicalReceivable(customer, "SALE_ON_CREDIT", "货款 " + i, null,
                                contract[i], BigDecimal.valueOf(principal[i]), "CNY", null, null, "NONE", null, null, null, null,
                                List.of(new AuditChain.Due(due, BigDecimal.valueOf(principal[i])))));
                        r.setDate(4, Date.valueOf(contract[i]));
                        r.setBigDecimal(5, BigDecimal.valueOf(principal[i]));
                        r.setTimestamp(6, now);
                        r.setLong(7, creditor);
                        r.setBigDecimal(8, BigDecimal.valueOf(paidCents[i], 2));
                        r.setDate(9, Date.valueOf(due));
                        r.setDate(10, principal[i] * 100 > paidCents[i] ? Date.valueOf(due) : null);
                        r.setBigDecimal(11, BigDecimal.valueOf(principal[i] * 100 - paidCents[i], 2));
                        r.addBatch();
                        inst.setLong(1, i);
                        inst.setDate(2, Date.valueOf(due));
                        inst.setBigDecimal(3, BigDecimal.valueOf(principal[i]));
                        inst.addBatch();
                        if (i % 5000 == 0) {
                            r.executeBatch();
                            inst.executeBatch();
                            journal.flush();
                            // one transaction per 100,000 rows: a single huge one made H2 write ~50 GB for 1M receivables
                            if (i % 100_000 == 0) c.commit();
                        }
                    }
                    r.executeBatch();
                    inst.executeBatch();
                }
                c.commit();
                phase("receivables and their due dates", t0);
                // payments, journalled exactly as the app does, so the books verify and open without sealing
                try (PreparedStatement p = c.prepareStatement("INSERT INTO payment (id, receivable_id, paid_on, amount, channel, created_at) "
                        + "VALUES (?, ?, ?, ?, 'BANK_TRANSFER', ?)");
                     JournalWriter journal = new JournalWriter(c, creditor, now)) {
                    for (int i = 1; i <= payments; i++) {
                        int rec = payRec[i];
                        BigDecimal amount = BigDecimal.valueOf(payCents[i], 2);
                        LocalDate paidOn = payOn[i];
                        p.setLong(1, i);
                        p.setLong(2, rec);
                        p.setDate(3, Date.valueOf(paidOn));
                        p.setBigDecimal(4, amount);
                        p.setTimestamp(5, now);
                        p.addBatch();
                        journal.add(i, rec, paidOn, amount, Payment.Channel.BANK_TRANSFER, null);
                        if (i % 5000 == 0) {
                            p.executeBatch();
                            journal.flush();
                            // one transaction per 100,000 rows: a single huge one made H2 write ~50 GB for 1M receivables
                            if (i % 100_000 == 0) c.commit();
                        }
                    }
                    p.executeBatch();
                }
                c.commit();
                phase("payments", t0);
                for (String t : List.of("customer", "receivable", "payment")) {
                    try (var st = c.createStatement()) {
                        st.execute(dialect.restartIdentity(t, "id", 1 + (t.equals("customer") ? customers
                                : t.equals("receivable") ? receivables : payments)));
                    }
                }
                c.commit();
                return null;
            });
            books.receivables().rebuildKeptTotals();
            phase("kept totals", t0);
            if (dialect == Dialect.POSTGRESQL) {
                // what the server's autovacuum does within minutes of a bulk write, done at once so that the first bench
                // sees the plans and index-only scans a working book gets: statistics, and the pages marked all-visible
                db.withConnection(c -> {
                    c.setReadOnly(false);
                    c.setAutoCommit(true);
                    try (var st = c.createStatement()) {
                        st.execute("VACUUM (ANALYZE) customer, receivable, instalment, payment, audit_entry, book_due_total, book_month_total, book_amount_total");
                    }
                    return null;
                });
                phase("statistics (VACUUM ANALYZE)", t0);
            }
        }
        out.printf("generated %d customers, %d receivables, %d payments in %.1f s into %s%n", customers, receivables, payments,
                (System.nanoTime() - t0) / 1e9, shown);
        return Cli.OK;
    }

    /**
     * {@code bench writes --data DIR [--runs 7]}: times recording a payment (a journalled write: the payment, the
     * kept list figures and totals, and a journal entry chained to the book's head) on the book's receivables
     * with the most outstanding, one payment of 0.01 each (after one untimed payment that waits for Hibernate).
     * It adds runs + 1 payments to the book: run it on a copy.
     */
    private int writes(Args a) {
        Path dir = Path.of(a.required("data"));
        if (!DataFolder.holdsBooks(dir)) throw new Cli.UsageException("no books in / 没有账本: " + dir);
        int runs = a.optional("runs") == null ? 7 : Args.integer("runs", a.optional("runs"), 1, 49);
        try (Books books = Books.open(dir, Clock.systemDefaultZone())) {
            List<ReceivableRow> targets = books.receivables()
                    .page(ListQuery.first(runs + 1).withSort("outstanding", false)).rows();
            if (targets.size() < runs + 1) throw new Cli.UsageException("the book has fewer than " + (runs + 1) + " receivables / 应收款不足");
            List<Double> times = new ArrayList<>();
            for (int i = 0; i <= runs; i++) {
                ReceivableRow r = targets.get(i);
                if (r.outstanding().compareTo(new BigDecimal("0.01")) < 0) throw new Cli.UsageException("nothing outstanding to pay / 没有未收金额");
                long t = System.nanoTime();
                books.receivables().addPayment(r.id(), new Payment(null, books.today(), new BigDecimal("0.01"),
                        Payment.Channel.CASH), true);
                if (i > 0) times.add((System.nanoTime() - t) / 1e6);
            }
            long entries = books.db().withConnection(c -> {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM audit_entry")) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
            out.printf("record a payment (journalled write), %,d journal entries: median %.0f ms (min %.0f, max %.0f), %d runs; %d payments of 0.01 added%n",
                    entries, median(times), Collections.min(times), Collections.max(times), runs, runs + 1);
        }
        return Cli.OK;
    }

    private int lists(Args a) {
        int runs = a.optional("runs") == null ? 7 : Args.integer("runs", a.optional("runs"), 1, 1000);
        long t0 = System.nanoTime();
        try (Books books = openBooks(a, false)) {
            double open = (System.nanoTime() - t0) / 1e6;
            out.printf("open books (migrations, validation, journal check): %.0f ms (%s)%n", open, shown);
            // H2 hands back the previous result of an identical query while nothing changed; every timed run must do the work
            // (PostgreSQL keeps no results between statements)
            if (books.db().dialect() == Dialect.H2) books.db().withConnection(c -> {
                try (var st = c.createStatement()) {
                    st.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                }
                return null;
            });
            long total = books.receivables().page(ListQuery.first(50)).total();
            int middle = (int) (total / 50 / 2), last = (int) ((total - 1) / 50);
            List<String[]> rows = new ArrayList<>();
            time(rows, "receivables, first page, default sort (days overdue)", runs, () -> books.receivables().page(ListQuery.first(50)));
            time(rows, "receivables, page 100", runs, () -> books.receivables().page(ListQuery.first(50).withPage(100)));
            time(rows, "receivables, sort by outstanding", runs, () -> books.receivables().page(ListQuery.first(50).withSort("outstanding", false)));
            time(rows, "receivables, filter bucket 181-365", runs, () -> books.receivables().page(ListQuery.first(50).withBucket(AgingBucket.D181_365)));
            time(rows, "receivables, search text", runs, () -> books.receivables().page(ListQuery.first(50).withText("货款 12345")));
            time(rows, "receivables, last page", runs, () -> books.receivables().page(ListQuery.first(50).withPage(last)));
            time(rows, "receivables, middle page (worst case)", runs, () -> books.receivables().page(ListQuery.first(50).withPage(middle)));
            time(rows, "receivables, least overdue first", runs, () -> books.receivables().page(ListQuery.first(50).withSort("daysOverdue", true)));
            time(rows, "receivables, sort by customer", runs, () -> books.receivables().page(ListQuery.first(50).withSort("customer", true)));
            time(rows, "receivables, sort by amount, page 20", runs, () -> books.receivables().page(ListQuery.first(50).withSort("principal", false).withPage(20)));
            time(rows, "receivables, sort by amount, middle page", runs,
                    () -> books.receivables().page(ListQuery.first(50).withSort("principal", false).withPage(middle)));
            time(rows, "receivables, filter not yet due", runs, () -> books.receivables().page(ListQuery.first(50).withBucket(AgingBucket.NOT_DUE)));
            time(rows, "receivables, filter over 365 + sort by outstanding", runs,
                    () -> books.receivables().page(ListQuery.first(50).withBucket(AgingBucket.OVER_365).withSort("outstanding", false)));
            time(rows, "receivables, search customer name", runs, () -> books.receivables().page(ListQuery.first(50).withText("客户公司1234")));
            time(rows, "receivables, search amount", runs, () -> books.receivables().page(ListQuery.first(50).withText("12,345")));
            time(rows, "customers, first page", runs, () -> books.customers().page(ListQuery.first(50)));
            time(rows, "customers, sort by outstanding", runs, () -> books.customers().page(ListQuery.first(50).withSort("outstanding", false)));
            time(rows, "customers, search", runs, () -> books.customers().page(ListQuery.first(50).withText("客户9999")));
            time(rows, "dashboard (aging totals)", runs, () -> books.lists().dashboard(books.creditorId(), books.today()));
            time(rows, "recovery report (12 months)", runs, () -> books.lists().recovery(books.creditorId(), books.today(), 12));
            time(rows, "aging by customer (the export's pass over the book)", Math.min(runs, 3),
                    () -> books.lists().agingByCustomer(books.creditorId(), books.today()));
            for (String[] r : rows) out.printf("%-55s median %8s ms   (min %s, max %s)%n", r[0], r[1], r[2], r[3]);
        }
        return Cli.OK;
    }

    private static void time(List<String[]> rows, String name, int runs, Supplier<?> work) {
        double[] ms = new double[runs];
        work.get(); // warm-up
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            work.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        rows.add(new String[]{name, String.format("%.0f", ms[runs / 2]), String.format("%.0f", ms[0]), String.format("%.0f", ms[runs - 1])});
    }
}
