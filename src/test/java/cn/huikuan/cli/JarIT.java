package cn.huikuan.cli;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs the packaged {@code target/huikuan.jar} the way users, scripts and benchmarks do. */
class JarIT {
    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
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

    @Test
    void badCommandExitsWithTwoAndOneLine() throws Exception {
        Result r = run("-jar", jar(), "no-such-command");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err().lines()).hasSize(1);
        assertThat(r.out()).isEmpty();
    }
}
