package cn.huikuan.cli;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Comparator;

/** Whatever a claim file holds, {@code calc claim} ends in a result or one clear line with exit 2. */
class ClaimFileFuzzTest {
    static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("claim-fuzz");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static final List<String> FIELDS = List.of("kind", "contractDate", "interestFrom", "principal", "due", "schedule", "interestRate",
            "overdueRate", "penalty", "costs", "payments", "dayCount", "allocation", "saleMarkup", "bogus");

    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of("\"sale\"", "\"private-loan\"", "\"service\"", "\"lease\"", "\"2026-05-28\"", "\"2026-02-30\"", "\"2019-03-01\"",
                        "\"500000\"", "500000", "-1", "0", "1e400", "\"12.345\"", "null", "true", "[]", "{}", "\"\"", "\"∞\"",
                        "[{\"due\": \"2026-05-28\", \"amount\": \"500000\"}]", "[{\"date\": \"2026-06-01\", \"amount\": 1}]",
                        "{\"kind\": \"daily-rate\", \"value\": \"0.05\"}", "{\"kind\": \"fixed\"}", "365", "360", "364", "\"principal-first\""),
                Arbitraries.strings().ofMaxLength(12).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
    }

    @Provide
    Arbitrary<String> claimFiles() {
        Arbitrary<String> member = net.jqwik.api.Combinators.combine(Arbitraries.of(FIELDS), values()).as((k, v) -> "\"" + k + "\": " + v);
        Arbitrary<String> object = member.list().ofMaxSize(10).map(l -> "{" + String.join(", ", l) + "}");
        Arbitrary<String> noise = Arbitraries.strings().ofMaxLength(200);
        Arbitrary<String> truncated = object.map(o -> o.substring(0, o.length() / 2));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(6, object), net.jqwik.api.Tuple.of(2, noise), net.jqwik.api.Tuple.of(2, truncated));
    }

    @Property(tries = 1000)
    void endsInAResultOrOneClearLine(@ForAll("claimFiles") String content) throws IOException {
        Path f = Files.writeString(dir.resolve("claim.json"), content, StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                () -> LocalDate.of(2026, 11, 28)).run("calc", "claim", "--file", f.toString(), "--as-of", "2026-08-01", "--json");
        String e = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(content + "\n" + e).isIn(0, 2);
        if (code == 0) {
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"total\"");
            assertThat(e).isEmpty();
        } else {
            assertThat(e.lines()).as(content).hasSize(1);
            assertThat(e).startsWith("huikuan: ").doesNotContain("Exception").doesNotContain("\tat ");
        }
    }
}
