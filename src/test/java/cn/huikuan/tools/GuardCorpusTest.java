package cn.huikuan.tools;

import cn.huikuan.cli.Cli;
import cn.huikuan.law.ConductGuard;
import cn.huikuan.law.data.LawData;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import java.util.Arrays;

/**
 * The labelled corpus of issue 20 (docs/conduct/): its shape, and the guard's targets on it — at least 95% of the
 * unlawful messages blocked, at most 3% of the lawful ones not "ok" — on the tuning corpus and on the held-out one.
 * Timings are not tested here: `bench guard` measures them (docs/conduct-guard.md).
 */
class GuardCorpusTest {
    static final Path CORPUS = Path.of("docs/conduct/corpus.tsv");
    static final Path HELD_OUT = Path.of("docs/conduct/heldout.tsv");
    final ConductGuard guard = new ConductGuard(ConductGuard.Policy.defaults(), LawData.lpr());

    @Test
    void theCorpusHasFourHundredMessagesHalfUnlawfulInEveryCategoryAndWritingTrick() {
        List<BenchGuard.Row> rows = BenchGuard.read(CORPUS);
        long unlawful = rows.stream().filter(r -> r.label().equals("unlawful")).count();
        long lawful = rows.stream().filter(r -> r.label().equals("lawful")).count();
        assertThat(unlawful + lawful).isGreaterThanOrEqualTo(400);
        assertThat(unlawful).isGreaterThanOrEqualTo(200);
        assertThat(lawful).isGreaterThanOrEqualTo(200);
        Set<String> categories = rows.stream().filter(r -> r.label().equals("unlawful")).map(BenchGuard.Row::category).collect(Collectors.toSet());
        assertThat(categories).containsExactlyInAnyOrder(Arrays.stream(ConductGuard.Category.values()).map(ConductGuard.Category::id)
                .toArray(String[]::new));
        Set<String> tricks = rows.stream().filter(r -> r.label().equals("unlawful")).map(BenchGuard.Row::trick).collect(Collectors.toSet());
        assertThat(tricks).contains("spaces", "symbols", "traditional", "homophone", "pinyin", "fullwidth", "emoji");
        Set<String> hard = rows.stream().filter(r -> r.label().equals("lawful")).map(BenchGuard.Row::category).collect(Collectors.toSet());
        assertThat(hard).contains("court", "lawyer", "guarantor", "company", "penalty", "blacklist");
    }

    @Test
    void meetsTheTargetsOnTheCorpus() {
        BenchGuard.Score s = BenchGuard.score(guard, BenchGuard.read(CORPUS));
        assertThat(s.recall()).as(String.join("\n", s.misses())).isGreaterThanOrEqualTo(0.95);
        assertThat(s.falsePositiveRate()).as(String.join("\n", s.misses())).isLessThanOrEqualTo(0.03);
        assertThat(s.policyWarned()).isEqualTo(s.policy());
    }

    @Test
    void benchGuardPrintsRecallFalsePositivesAndLatency() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Cli cli = Tools.cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream()));
        assertThat(cli.run("bench", "guard", "--corpus", CORPUS.toString(), "--runs", "1")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("recall", "false positives", "violence", "first check", "median");
    }
}
