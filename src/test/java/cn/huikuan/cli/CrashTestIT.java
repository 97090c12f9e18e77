package cn.huikuan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short run of the reliability harness against the packaged jar on every CI run: a child writing through
 * the app's services is killed with SIGKILL 5 times; nothing it reported as committed may be lost.
 * (The 200-kill run and its counts are in docs/reliability.md.)
 */
class CrashTestIT {
    @TempDir
    Path dir;

    @Test
    void noReportedCommitIsLostWhenTheWriterIsKilled() throws Exception {
        JarIT.Result r = JarIT.run("-jar", JarIT.jar(), "crash-test", "--book", dir.resolve("books").toString(), "--kills", "5");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("kills 5").contains("lost 0").contains("journal problems 0").contains("damaged evidence 0");
    }
}
