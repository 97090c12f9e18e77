package cn.huikuan.tools;

import cn.huikuan.cli.Args;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bench invoices} on a small count: it writes the zip, imports nine in ten, and finds them all again as duplicates. */
class BenchInvoicesTest {
    @TempDir
    Path dir;

    @Test
    void aSmallRunImportsOursAndRecognisesThemAgain() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = new BenchInvoices(new PrintStream(out, true, StandardCharsets.UTF_8))
                .run(new Args(new String[]{"--data", dir.toString(), "--count", "50"}, Set.of("data", "count"), Set.of()));
        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("50 invoices", "50 lines: 45 receivables, 5 not ours", "45 duplicates found");
    }
}
