package cn.huikuan.cli;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void helpListsTheCommandsInBothLanguages() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("用法 Usage", "version", "退出码 Exit codes");
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("version")).isEqualTo(0);
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Huikuan 回款助手 ").doesNotContain("unknown");
    }

    @Test
    void badInputIsOneLineOnStderrWithExitCode2() {
        assertThat(run("frobnicate")).isEqualTo(2);
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(e.lines()).hasSize(1);
        assertThat(e).contains("frobnicate").doesNotContain("Exception").doesNotContain("\tat ");
        err.reset();
        assertThat(run("version", "extra")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines()).hasSize(1);
    }
}
