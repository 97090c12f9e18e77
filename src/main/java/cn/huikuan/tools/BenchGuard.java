package cn.huikuan.tools;

import cn.huikuan.cli.Args;
import cn.huikuan.cli.Cli;
import cn.huikuan.law.ConductGuard;
import cn.huikuan.law.LprTable;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import cn.huikuan.law.ConductModel;

/**
 * {@code bench guard [--corpus FILE]... [--runs N] [--show-misses] [--compare]} (issue 20): runs the conduct guard over labelled
 * messages and prints, for each file, recall on the unlawful ones (share blocked) by category, the false-positive
 * rate on the lawful ones (share not "ok") by what makes them hard, the policy rows (lawful words at night:
 * expected "warn"), and the latency: the first check in this JVM (which loads ICU) and the median per message over
 * {@code runs} passes. {@code --compare} adds each file with the rules alone and, for the files the app's model is
 * trained on, with a model trained on the other files only. Default corpora: every file of docs/conduct/ (corpus, heldout-1 … -12, train-11, register, firmness).
 */
final class BenchGuard {
    /** One labelled message: label unlawful | lawful | policy. */
    record Row(int line, String label, String category, ConductGuard.DebtorKind debtor, LocalDateTime at, String trick, String message) {
    }

    /** How one corpus fared. */
    record Score(int unlawful, int blocked, int lawful, int lawfulNotOk, int policy, int policyWarned, int categoryAgrees,
                 Map<String, int[]> byCategory, Map<String, int[]> byHardCase, Map<String, int[]> byTrick, List<String> misses) {
        double recall() {
            return unlawful == 0 ? 1 : (double) blocked / unlawful;
        }

        double falsePositiveRate() {
            return lawful == 0 ? 0 : (double) lawfulNotOk / lawful;
        }
    }

    private final PrintStream out;

    BenchGuard(PrintStream out) {
        this.out = out;
    }

    static List<Row> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (l.isBlank() || l.startsWith("#") || l.startsWith("label\t")) continue;
            String[] f = l.split("\t", 6);
            if (f.length != 6) throw new Cli.UsageException(file + ":" + (i + 1) + ": expected 6 tab-separated fields / 应有 6 列");
            rows.add(new Row(i + 1, f[0], f[1], f[2].equals("company") ? ConductGuard.DebtorKind.COMPANY : ConductGuard.DebtorKind.PERSON,
                    f[3].equals("-") ? null : LocalDateTime.parse(f[3]), f[4], f[5]));
        }
        return rows;
    }

    static Score score(ConductGuard guard, List<Row> rows) {
        int unlawful = 0, blocked = 0, lawful = 0, notOk = 0, policy = 0, warned = 0, agrees = 0;
        Map<String, int[]> byCategory = new TreeMap<>(), byHard = new TreeMap<>(), byTrick = new TreeMap<>();
        List<String> misses = new ArrayList<>();
        for (Row r : rows) {
            ConductGuard.Result res = guard.check(r.message(), new ConductGuard.Context(r.debtor(), r.at(), List.of(), ConductGuard.Tone.FIRM));
            switch (r.label()) {
                case "unlawful" -> {
                    unlawful++;
                    boolean b = res.blocked();
                    if (b) blocked++;
                    if (res.findings().stream().anyMatch(f -> f.category().id().equals(r.category()))) agrees++;
                    count(byCategory, r.category(), b);
                    count(byTrick, r.trick(), b);
                    if (!b) misses.add("missed  " + r.category() + "  " + r.message());
                }
                case "lawful" -> {
                    lawful++;
                    boolean bad = res.verdict() != ConductGuard.Verdict.OK;
                    if (bad) notOk++;
                    count(byHard, r.category(), bad);
                    if (bad) misses.add("flagged " + r.category() + "  " + r.message() + "  ← " + res.findings().stream()
                            .map(f -> f.category().id() + "「" + f.matched() + "」").toList());
                }
                case "policy" -> {
                    policy++;
                    if (res.verdict() == ConductGuard.Verdict.WARN) warned++;
                    else misses.add("policy  " + res.verdict().id() + "  " + r.message());
                }
                default -> throw new Cli.UsageException("line " + r.line() + ": label must be unlawful, lawful or policy: " + r.label());
            }
        }
        return new Score(unlawful, blocked, lawful, notOk, policy, warned, agrees, byCategory, byHard, byTrick, misses);
    }

    /**
     * The same file with the rules alone, and (when the app's model was trained on it) with a model trained on the
     * other labelled files only: what the guard does on messages its model has not seen.
     */
    private Score compare(Path file, List<Row> rows, LprTable lpr, Score app) {
        Score rules = score(new ConductGuard(ConductGuard.Policy.defaults(), lpr, null), rows);
        out.printf("  rules alone: recall %d/%d = %.1f%%, false positives %d/%d = %.1f%%%n", rules.blocked(), rules.unlawful(), 100 * rules.recall(),
                rules.lawfulNotOk(), rules.lawful(), 100 * rules.falsePositiveRate());
        String name = file.getFileName().toString();
        if (!ConductModel.TRAINING.contains(name)) {
            out.println("  (the app's model was not trained on this file)");
            return app;
        }
        List<String> others = ConductModel.TRAINING.stream().filter(n -> !n.equals(name)).toList();
        ConductModel model = ConductModel.train(ConductGuard.samples(others));
        Score loso = score(new ConductGuard(ConductGuard.Policy.defaults(), lpr, model), rows);
        out.printf("  rules + a model trained without this file: recall %d/%d = %.1f%%, false positives %d/%d = %.1f%%%n", loso.blocked(),
                loso.unlawful(), 100 * loso.recall(), loso.lawfulNotOk(), loso.lawful(), 100 * loso.falsePositiveRate());
        return loso;
    }

    private static void count(Map<String, int[]> m, String key, boolean hit) {
        int[] c = m.computeIfAbsent(key, k -> new int[2]);
        c[0]++;
        if (hit) c[1]++;
    }

    int run(Args a, LprTable lpr) {
        List<String> files = a.all("corpus").isEmpty() ? List.of("docs/conduct/corpus.tsv", "docs/conduct/heldout-1.tsv", "docs/conduct/heldout-2.tsv",
                "docs/conduct/heldout-3.tsv", "docs/conduct/register.tsv", "docs/conduct/firmness.tsv", "docs/conduct/heldout-4.tsv",
                "docs/conduct/heldout-5.tsv", "docs/conduct/heldout-6.tsv", "docs/conduct/heldout-7.tsv", "docs/conduct/heldout-8.tsv",
                "docs/conduct/heldout-9.tsv", "docs/conduct/train-11.tsv", "docs/conduct/heldout-10.tsv",
                "docs/conduct/heldout-11.tsv", "docs/conduct/heldout-12.tsv", "docs/conduct/heldout-13.tsv", "docs/conduct/heldout-14.tsv", "docs/conduct/heldout-15.tsv", "docs/conduct/heldout-16.tsv", "docs/conduct/heldout-17.tsv", "docs/conduct/heldout-18.tsv", "docs/conduct/heldout-19.tsv") : a.all("corpus");
        int runs = Args.integer("runs", a.optional("runs") == null ? "5" : a.optional("runs"), 1, 100);
        ConductGuard guard = new ConductGuard(ConductGuard.Policy.defaults(), lpr);
        List<List<Row>> corpora = new ArrayList<>();
        for (String f : files) {
            Path p = Path.of(f);
            if (!Files.isRegularFile(p)) throw new Cli.UsageException("no such corpus / 找不到语料: " + p.toAbsolutePath());
            corpora.add(read(p));
        }
        // the first check in this JVM loads ICU and its data and trains the model
        long t0 = System.nanoTime();
        guard.check("你好", ConductGuard.Context.of(ConductGuard.DebtorKind.PERSON));
        double first = (System.nanoTime() - t0) / 1e6;
        int[] unseen = new int[4];   // unlawful, blocked, lawful, lawful not ok: each file with a model that never saw it
        for (int i = 0; i < files.size(); i++) {
            Score s = score(guard, corpora.get(i));
            out.printf("== %s: %d unlawful, %d lawful, %d policy%n", files.get(i), s.unlawful(), s.lawful(), s.policy());
            out.printf("recall (unlawful blocked): %d/%d = %.1f%%   (finding of the labelled category: %d/%d)%n", s.blocked(), s.unlawful(),
                    100 * s.recall(), s.categoryAgrees(), s.unlawful());
            for (var e : s.byCategory().entrySet()) out.printf("  %-16s %3d/%-3d %6.1f%%%n", e.getKey(), e.getValue()[1], e.getValue()[0],
                    100.0 * e.getValue()[1] / e.getValue()[0]);
            out.printf("by writing: %s%n", s.byTrick().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()[1] + "/" + e.getValue()[0]).toList());
            out.printf("false positives (lawful not ok): %d/%d = %.1f%%%n", s.lawfulNotOk(), s.lawful(), 100 * s.falsePositiveRate());
            for (var e : s.byHardCase().entrySet()) out.printf("  %-16s %3d/%-3d %6.1f%%%n", e.getKey(), e.getValue()[1], e.getValue()[0],
                    100.0 * e.getValue()[1] / e.getValue()[0]);
            if (s.policy() > 0) out.printf("policy rows warned (lawful words outside contact hours): %d/%d%n", s.policyWarned(), s.policy());
            if (a.flag("show-misses")) s.misses().forEach(m -> out.println("  " + m));
            if (a.flag("compare")) {
                Score u = compare(Path.of(files.get(i)), corpora.get(i), lpr, s);
                unseen[0] += u.unlawful();
                unseen[1] += u.blocked();
                unseen[2] += u.lawful();
                unseen[3] += u.lawfulNotOk();
            }
        }
        if (a.flag("compare")) {
            out.printf("every file with a model that never saw it (leave one set out): recall %d/%d = %.1f%%, false positives %d/%d = %.1f%%%n",
                    unseen[1], unseen[0], 100.0 * unseen[1] / Math.max(1, unseen[0]), unseen[3], unseen[2], 100.0 * unseen[3] / Math.max(1, unseen[2]));
        }
        List<Double> ms = new ArrayList<>();
        for (int r = 0; r < runs; r++) {
            for (List<Row> rows : corpora) {
                for (Row row : rows) {
                    long t = System.nanoTime();
                    guard.check(row.message(), new ConductGuard.Context(row.debtor(), row.at(), List.of(), ConductGuard.Tone.FIRM));
                    ms.add((System.nanoTime() - t) / 1e6);
                }
            }
        }
        List<Double> sorted = new ArrayList<>(ms);
        sorted.sort(null);
        out.printf("latency: first check %.0f ms (loads ICU, trains the model); per message over %d passes of %d messages: median %.2f ms, 99th percentile %.2f ms,"
                        + " max %.2f ms%n", first, runs, ms.size() / runs, BenchBundle.median(ms), sorted.get((int) Math.floor(0.99 * (sorted.size() - 1))),
                sorted.get(sorted.size() - 1));
        return Cli.OK;
    }
}
