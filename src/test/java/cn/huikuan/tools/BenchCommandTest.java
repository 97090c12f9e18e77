package cn.huikuan.tools;

import cn.huikuan.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.ArrayList;
import java.util.List;

/** The benchmark commands stay runnable (tiny sizes here; the real runs are in docs/benchmarks.md). */
class BenchCommandTest {
    @TempDir
    Path dir;

    /** The tools parse their own arguments but show in the help: bench with its nine benches, each with its synopsis. */
    @Test
    void theBenchesShowInTheHelp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = Tools.cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(cli.run("--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("bench generate", "bench lists", "bench writes", "bench import", "bench statements", "bench invoices", "bench cli",
                "bench startup", "bench bundle", "bench claim", "bench guard", "crash-test").doesNotContain("crash-child");
        out.reset();
        assertThat(cli.run("bench", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("用法 Usage: huikuan bench", "generate", "guard", "recall, false positives");
        out.reset();
        assertThat(cli.run("bench", "generate", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("huikuan bench generate --data DIR --customers N --receivables N --payments N [--seed S]", "generate large books",
                        "--db URL --book NAME [--login NAME] instead of --data DIR");
        out.reset();
        assertThat(cli.run("crash-test", "--help")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("huikuan crash-test --book DIR --kills N");
        assertThat(cli.run("bench", "frobnicate")).as("the bench's own parsing still answers").isEqualTo(2);
    }

    @Test
    void generatesBooksThatVerifyAndTimesTheLists() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = Tools.cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        Path books = dir.resolve("bench");
        assertThat(cli.run("bench", "generate", "--data", books.toString(), "--customers", "20", "--receivables", "200", "--payments", "300")).isZero();
        assertThat(cli.run("bench", "generate", "--data", books.toString(), "--customers", "1", "--receivables", "1", "--payments", "0"))
                .as("never writes into existing books").isEqualTo(2);
        assertThat(cli.run("verify", "--book", books.toString())).as(out.toString(StandardCharsets.UTF_8)).isZero();
        out.reset();
        assertThat(cli.run("bench", "lists", "--data", books.toString(), "--runs", "1")).isZero();
        assertThat(cli.run("bench", "writes", "--data", books.toString(), "--runs", "2")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("dashboard").contains("median");
    }

    @Test
    void bundleBenchGeneratesItsInputsAndReportsBothSides() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = Tools.cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(cli.run("bench", "bundle", "--data", dir.resolve("b").toString(), "--photos", "2", "--pdf-pages", "3", "--runs", "1")).isZero();
        String o = out.toString(StandardCharsets.UTF_8);
        // Two photos + 3 PDF pages + cover, index and manifest.
        assertThat(o).contains("inputs: 2 photos", "huikuan bundle: 8 pages", "median");
        assertThat(o).containsAnyOf("ratio huikuan/qpdf", "qpdf: not found");
    }

    @Test
    void bundleBenchTimesTheUnpreparedCaseTheBundleAfterItAndTheBackgroundCatchUp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = Tools.cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(cli.run("bench", "bundle", "--data", dir.resolve("u").toString(), "--photos", "2", "--pdf-pages", "0", "--runs", "1",
                "--unprepared")).isZero();
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(o).contains("court images lost, every photo decoded again: runs (ms) [", "the bundle after it", "load average at the first bundle: ");
        // both photos' rows are there and their files are not: both are made again
        assertThat(o).contains("background preparation after a restore into another folder: 2 photos in ");
    }

    @Test
    void claimBenchTimesEachSizeAndComparesTimePerEntry() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = Tools.cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(cli.run("bench", "claim", "--sizes", "40,20", "--runs", "1", "--data", dir.resolve("c").toString())).isZero();
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(o).contains("40 instalments, 84 entries", "20 instalments, 42 entries", "ledger lines", "median",
                "time per entry, 40 instalments over 20: ");
        assertThat(dir.resolve("c").resolve("claim-40.json")).exists();
        assertThat(cli.run("bench", "claim", "--sizes", "10001")).as("a claim file holds at most 10,000 instalments").isEqualTo(2);
    }

    @Test
    void theMediansIntervalHoldsTheMedianAndNarrowsWithMoreStarts() {
        List<Double> few = List.of(1.30, 1.52, 1.41, 1.38, 1.47);
        double[] wide = BenchCommand.medianInterval(few);
        assertThat(wide[0]).isLessThanOrEqualTo(1.41).isGreaterThanOrEqualTo(1.30);
        assertThat(wide[1]).isGreaterThanOrEqualTo(1.41).isLessThanOrEqualTo(1.52);
        List<Double> many = new ArrayList<>();
        for (int i = 0; i < 9; i++) many.addAll(few);
        double[] narrow = BenchCommand.medianInterval(many);
        assertThat(narrow[1] - narrow[0]).isLessThan(wide[1] - wide[0]);
        assertThat(BenchCommand.medianInterval(List.of(1.4, 1.4, 1.4))).containsExactly(1.4, 1.4);
    }
}
