package cn.huikuan.tools;

import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import cn.huikuan.persistence.DataFolder;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

/**
 * {@code bench cli [--book DIR] [--runs 11] [--cds] [--launcher PATH]} (issue 25): how long a command that opens existing books takes
 * from the user's keystroke to its answer, against the floor of any such command: a JVM that opens the same H2 file
 * with H2's own shell and counts its receivables. Both run as separate JVMs from this jar (the floor pays for the
 * jar's size too), taking turns round by round (the order reversed every other round: this machine's speed drifts).
 * Without {@code --book} it generates a book of 200 receivables (50 customers, 400 payments, every record journalled)
 * in a temporary folder. Prints the medians of wall and CPU time and the median of the paired ratios with a 95%
 * interval; the target is {@code verify} at most 2x the floor. {@code --cds} also times verify with a class-data
 * sharing archive of its classes (made by one run with {@code -XX:ArchiveClassesAtExit}); {@code --launcher PATH} also
 * times the installed app's command-line launcher (jpackage's {@code bin/huikuan-cli}, issue 25) running the same verify.
 */
final class BenchCli {
    private final PrintStream out;

    BenchCli(PrintStream out) {
        this.out = out;
    }

    /** One run: wall time from process start to its end, and the CPU time it used (user + system; -1 where unknown). */
    record Run(double ms, double cpuMs) {
    }

    int run(Args a, Function<String[], Integer> generate) {
        int runs = Args.integer("runs", a.optional("runs") == null ? "11" : a.optional("runs"), 1, 101);
        String javaExe = Tools.javaExe();
        String jar = Tools.ownJar();
        try {
            Path book;
            if (a.optional("book") != null) {
                book = Path.of(a.optional("book"));
                if (!DataFolder.holdsBooks(book)) {
                    throw new Cli.UsageException("no books in / 此文件夹中没有账本: " + book.toAbsolutePath());
                }
            } else {
                book = Files.createTempDirectory("huikuan-bench-cli").resolve("books");
                generate.apply(new String[] {"--data", book.toString(), "--customers", "50", "--receivables", "200", "--payments", "400"});
            }
            List<String> floor = List.of(javaExe, "-cp", jar, "org.h2.tools.Shell", "-url", "jdbc:h2:file:" + book.resolve("db").resolve("huikuan"),
                    "-user", "huikuan", "-password", "", "-sql", "SELECT COUNT(*) FROM receivable");
            List<String> verify = List.of(javaExe, "-jar", jar, "verify", "--book", book.toString());
            List<List<String>> cases = new ArrayList<>(List.of(floor, verify));
            List<String> names = new ArrayList<>(Arrays.asList(null, "verify --book"));
            // --launcher: the installed app's command-line launcher (jpackage's bin/huikuan-cli, with the JVM options
            // and class-data sharing archive the installer gives it) running the same verify
            String launcher = Tools.launcher(a);
            if (launcher != null) {
                cases.add(List.of(launcher, "verify", "--book", book.toString()));
                names.add("installed launcher " + launcher + " verify --book");
            }
            if (a.flag("cds")) {
                Path archive = book.getParent() == null ? Path.of("huikuan-cli.jsa") : book.getParent().resolve("huikuan-cli.jsa");
                timed(List.of(javaExe, "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar, "verify", "--book", book.toString()));
                out.printf("class-data-sharing archive: %s (%,d bytes)%n", archive, Files.size(archive));
                cases.add(List.of(javaExe, "-XX:SharedArchiveFile=" + archive, "-jar", jar, "verify", "--book", book.toString()));
                names.add("verify --book with a CDS archive");
            }
            // one untimed round: the first runs read the jar and the book from disk
            for (List<String> c : cases) timed(c);
            List<List<Run>> times = new ArrayList<>();
            for (int i = 0; i < cases.size(); i++) times.add(new ArrayList<>());
            for (int r = 0; r < runs; r++) {
                for (int k = 0; k < cases.size(); k++) {
                    int i = r % 2 == 0 ? k : cases.size() - 1 - k;
                    times.get(i).add(timed(cases.get(i)));
                }
            }
            out.printf("book: %s%n", book.toAbsolutePath());
            out.printf("floor (H2's shell opens the file and counts the receivables): median %.0f ms%s%n", medianMs(times.get(0)), cpu(times.get(0)));
            for (int i = 1; i < cases.size(); i++) {
                List<Double> ratios = new ArrayList<>();
                for (int r = 0; r < runs; r++) ratios.add(times.get(i).get(r).ms() / times.get(0).get(r).ms());
                double[] ci = BenchCommand.medianInterval(ratios);
                out.printf("%s: median %.0f ms (%.2f x floor; median of the %d paired ratios %.2f, 95%% interval %.2f–%.2f; target <= 2)%s%n",
                        names.get(i), medianMs(times.get(i)), medianMs(times.get(i)) / medianMs(times.get(0)), runs, BenchBundle.median(ratios),
                        ci[0], ci[1], cpu(times.get(i)));
            }
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return Cli.OK;
    }

    private static double medianMs(List<Run> runs) {
        return BenchBundle.median(runs.stream().map(Run::ms).toList());
    }

    private static String cpu(List<Run> runs) {
        List<Double> c = runs.stream().map(Run::cpuMs).filter(v -> v >= 0).toList();
        return c.size() == runs.size() && !c.isEmpty() ? String.format("; CPU median %.0f ms", BenchBundle.median(c)) : "";
    }

    /** Runs {@code cmd} to its end; refuses a run that fails (a bench of a failing command measures nothing). */
    private static Run timed(List<String> cmd) throws IOException, InterruptedException {
        long cpu0 = childrenCpuMillis();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        byte[] output = p.getInputStream().readAllBytes();
        int code = p.waitFor();
        double ms = (System.nanoTime() - t0) / 1e6;
        long cpu1 = childrenCpuMillis();
        if (code != 0) {
            throw new IllegalStateException("exit " + code + " from " + String.join(" ", cmd) + ":\n" + new String(output, StandardCharsets.UTF_8));
        }
        return new Run(ms, cpu0 < 0 || cpu1 < 0 ? -1 : cpu1 - cpu0);
    }

    /** The CPU time of this process's ended, waited-for children (Linux /proc: cutime + cstime, 10 ms ticks); -1 elsewhere. */
    private static long childrenCpuMillis() {
        try {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(f[13]) + Long.parseLong(f[14])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
