package cn.huikuan.tools;

import cn.huikuan.cli.Cli;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import java.math.BigDecimal;

/**
 * The largest claim a claim file may hold (10,000 instalments and as many payments, issue 24) is computed in the
 * test JVM's heap (-Xmx1g). Before, its ledger's text grew with events times instalments overdue and this file
 * ran out of memory. No time is asserted (bench claim measures it, docs/benchmarks.md); the limit only stops a hang.
 */
class ClaimScaleTest {
    @TempDir
    Path dir;

    JsonNode claim(int instalments, ByteArrayOutputStream out) throws IOException {
        Path f = Files.writeString(dir.resolve("claim-" + instalments + ".json"), BenchCommand.claimFile(instalments, 42));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> BenchCommand.CLAIM_AS_OF).run("calc", "claim", "--file", f.toString(), "--json");
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return new ObjectMapper().readTree(out.toByteArray());
    }

    @Test
    void tenThousandInstalmentsAndTenThousandPaymentsAreComputed() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            ByteArrayOutputStream small = new ByteArrayOutputStream();
            JsonNode s = claim(1_000, small);
            ByteArrayOutputStream large = new ByteArrayOutputStream();
            JsonNode l = claim(10_000, large);
            // every payment and cost has its line, and every period between two days something happened
            assertThat(l.get("ledger").size()).isGreaterThan(21_000);
            assertThat(l.get("warnings").toString()).contains("晚于计算日");
            // the debtor paid 95% of each instalment, and the costs and penalty came first
            assertThat(new BigDecimal(l.get("principal").asText())).isPositive();
            assertThat(l.get("ledger").toString()).contains("期未付共");
            // ten times the instalments, about ten times the output (before: 6.2 MB for 1,000 instalments, 18.8 MB for 2,000)
            assertThat((double) large.size() / small.size()).isLessThan(11);
            assertThat(s.get("ledger").size() * 9).isLessThan(l.get("ledger").size());
        });
    }
}
