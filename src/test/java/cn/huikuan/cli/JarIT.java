package cn.huikuan.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.Books;
import cn.huikuan.application.SampleData;
import cn.huikuan.pdf.PdfCheck;
import cn.huikuan.persistence.DataFolder;
import java.time.Clock;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged {@code target/huikuan.jar} the way users, scripts and benchmarks do. */
class JarIT {
    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        return runWith(Map.of(), args);
    }

    static Result runWith(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ErrorFile=" + Path.of("target", "hs_err_pid%p.log").toAbsolutePath())); // never into the repository
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("HUIKUAN_PASSWORD");
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
    }

    static String jar() {
        return System.getProperty("huikuan.jar", "target/huikuan.jar");
    }

    @Test
    void commandLineRunsWithoutLoadingJavaFx() throws Exception {
        Result r = run("-verbose:class", "-jar", jar(), "version");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("Huikuan 回款助手");
        assertThat(r.out().lines().filter(l -> l.contains("javafx.") || l.contains("com.sun.glass"))).isEmpty();
    }

    /**
     * H2's resources are in the jar unpacked, not in its nested org/h2/util/data.zip (pom.xml, issue 7's startup):
     * its error messages must still read as text, in English and with a Chinese locale.
     */
    @Test
    void h2ReadsItsMessagesFromTheJarWithoutItsNestedZip() throws Exception {
        try (var zip = new ZipFile(jar())) {
            assertThat(zip.getEntry("org/h2/util/data.zip")).isNull();
            assertThat(zip.getEntry("org/h2/res/_messages_en.prop")).isNotNull();
            assertThat(zip.getEntry("org/h2/res/help.csv")).isNotNull();
        }
        for (String lang : List.of("en", "zh")) {
            Result r = run("-Duser.language=" + lang, "-cp", jar(), "org.h2.tools.Shell", "-url", "jdbc:h2:mem:x", "-sql", "SELEC 1");
            assertThat(r.out() + r.err()).contains("Syntax error in SQL statement").doesNotContain("not found");
        }
    }

    /** The shaded jar leaves out ICU data the guard never reads (pom.xml): the guard still reads 繁体, full-width and spaced words. */
    @Test
    void checksAMessageFromTheJarWithItsTrimmedIcu() throws Exception {
        Result r = run("-jar", jar(), "check", "message", "--text", "無賴，ＳＢ，弄 死 你", "--json");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("\"verdict\":\"blocked\"", "\"insult\"", "\"violence\"", "無賴", "弄 死");
        assertThat(r.err()).isEmpty();
    }

    /** The help is read from help.properties inside the shaded jar (UTF-8), for the whole list and for one command (issue 25). */
    @Test
    void helpFromTheJarInBothLanguages() throws Exception {
        Result r = run("-jar", jar(), "--help");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("回款助手 Huikuan", "用法 Usage", "calc fee", "export packet", "bench generate", "crash-test",
                "退出码 Exit codes").doesNotContain("crash-child");
        assertThat(r.err()).isEmpty();
        r = run("-jar", jar(), "calc", "fee", "--help");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("用法 Usage: huikuan calc fee", "--amount=N", "请求金额（元）/ the amount claimed (yuan)");
        r = run("-jar", jar(), "verify", "--bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("huikuan: unknown option / 未知选项: --bogus (see huikuan verify --help)" + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void badCommandExitsWithTwoAndOneLine() throws Exception {
        Result r = run("-jar", jar(), "no-such-command");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }

    @Test
    void exportsTheSampleBundleAndLawsuitPacketFromTheJarWithItsOwnFont(@TempDir Path tmp) throws Exception {
        Path bundle = tmp.resolve("bundle.pdf");
        Result r = run("-Djava.awt.headless=true", "-jar", jar(), "export", "bundle", "--sample", "--out", bundle.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("证据材料汇编", "8 页");
        assertThat(r.err()).doesNotContain("WARN", "Exception");
        try (PdfCheck pdf = PdfCheck.of(bundle)) {
            assertThat(pdf.pages()).isEqualTo(8);
            assertThat(pdf.fontsNotEmbedded()).isEmpty();
            assertThat(pdf.text(2)).contains("证据目录");
        }
        Path packet = tmp.resolve("lawsuit");
        r = run("-jar", jar(), "export", "packet", "--sample", "--route", "lawsuit", "--court", "杭州市拱墅区人民法院", "--out", packet.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        try (PdfCheck pdf = PdfCheck.of(packet.resolve("民事起诉状.pdf"))) {
            assertThat(pdf.allText()).contains("杭州市拱墅区人民法院", "李某");
        }
        // Unknown case and a folder that does not exist: one line, nothing written.
        r = run("-jar", jar(), "export", "packet", "--sample", "--route", "mediation", "--out", tmp.resolve("x").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        r = run("-jar", jar(), "export", "bundle", "--sample", "--out", tmp.resolve("missing/dir/b.pdf").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("文件夹不存在");
        assertThat(r.err().lines()).hasSize(1);
    }

    /** Issue 6 from the command line: the password comes from the environment, never from an argument. */
    @Test
    void passwordSetUseChangeAndRemoveFromTheCommandLine(@TempDir Path tmp) throws Exception {
        Path books = tmp.resolve("books");
        try (Books b = Books.open(books, Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
        }
        String dir = books.toString();
        Result r = runWith(Map.of("HUIKUAN_NEW_PASSWORD", "short"), "-jar", jar(), "password", "set", "--book", dir);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("至少 8 个字符");
        r = runWith(Map.of("HUIKUAN_NEW_PASSWORD", "shop password 1"), "-jar", jar(), "password", "set", "--book", dir);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("已设置密码");
        assertThat(DataFolder.isEncrypted(books)).isTrue();

        r = run("-jar", jar(), "verify", "--book", dir);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.err()).contains("HUIKUAN_PASSWORD");
        r = runWith(Map.of("HUIKUAN_PASSWORD", "wrong password"), "-jar", jar(), "verify", "--book", dir);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("打不开");
        r = runWith(Map.of("HUIKUAN_PASSWORD", "shop password 1"), "-jar", jar(), "verify", "--book", dir);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("完好");

        r = runWith(Map.of("HUIKUAN_PASSWORD", "shop password 1", "HUIKUAN_NEW_PASSWORD", "another password"),
                "-jar", jar(), "password", "change", "--book", dir);
        assertThat(r.exit()).as(r.err()).isZero();
        r = runWith(Map.of("HUIKUAN_PASSWORD", "another password"), "-jar", jar(), "password", "remove", "--book", dir);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(DataFolder.isEncrypted(books)).isFalse();
        r = run("-jar", jar(), "verify", "--book", dir);
        assertThat(r.exit()).as(r.err()).isZero();
    }

    /**
     * verify reads the journal and the records by plain JDBC (issue 25): a command that only reads never waits for
     * Hibernate to boot (it took four of verify's five seconds on a 200-receivable book).
     */
    @Test
    void verifyNeverBootsHibernate(@TempDir Path dir) throws Exception {
        Path book = dir.resolve("books");
        Result g = run("-jar", jar(), "bench", "generate", "--data", book.toString(), "--customers", "5", "--receivables", "20", "--payments", "30");
        assertThat(g.exit()).as(g.err()).isZero();
        Result r = run("-verbose:class", "-jar", jar(), "verify", "--book", book.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("完好 intact");
        // (an interface or two named in Database's fields load with it; the boot loads thousands)
        assertThat(r.out().lines().filter(l -> l.contains("org.hibernate.boot.") || l.contains("org.hibernate.internal.SessionFactoryImpl"))).isEmpty();
        assertThat(r.out().lines().filter(l -> l.contains("org.hibernate."))).hasSizeLessThan(10);
    }

    /** {@code bench cli} runs its cases and prints the ratio the issue's target is stated in (one round: the figure itself is docs/benchmarks.md's). */
    @Test
    void benchCliPrintsTheRatioToTheFloor() throws Exception {
        Result r = run("-jar", jar(), "bench", "cli", "--runs", "1");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("floor \\(H2's shell .*\\): median \\d+ ms")
                .containsPattern("verify --book: median \\d+ ms \\(\\d+\\.\\d\\d x floor");
    }
}
