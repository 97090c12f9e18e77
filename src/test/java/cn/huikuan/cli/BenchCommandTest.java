package cn.huikuan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark commands stay runnable (tiny sizes here; the real runs are in docs/benchmarks.md). */
class BenchCommandTest {
    @TempDir
    Path dir;

    @Test
    void generatesBooksThatVerifyAndTimesTheLists() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
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
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(cli.run("bench", "bundle", "--data", dir.resolve("b").toString(), "--photos", "2", "--pdf-pages", "3", "--runs", "1")).isZero();
        String o = out.toString(StandardCharsets.UTF_8);
        // Two photos + 3 PDF pages + cover, index and manifest.
        assertThat(o).contains("inputs: 2 photos", "huikuan bundle: 8 pages", "median");
        assertThat(o).containsAnyOf("ratio huikuan/qpdf", "qpdf: not found");
    }
}
