package cn.huikuan.cli;

import cn.huikuan.application.AuditService;
import cn.huikuan.application.Books;

import java.io.PrintStream;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code huikuan verify [--book DIR | --db URL --book NAME [--login NAME]]}: checks every evidence file against its SHA-256 and the journal
 * chain of the case records; prints a report; exit code 0 only when everything is intact, 1 when something
 * is not, 2 when the folder holds no books.
 */
@Command(name = "verify")
final class VerifyCommand implements Callable<Integer> {
    private final PrintStream out;
    @Mixin BookPlace place;
    @Option(names = "--anchor", paramLabel = "ENTRIES:HEAD") String anchor;
    @Option(names = "--refresh-figures") boolean refreshFigures;

    /** Where the office login's password is read from (the process's environment; tests give their own). */
    java.util.function.Function<String, String> env = System::getenv;

    VerifyCommand(PrintStream out) {
        this.out = out;
    }

    /**
     * The command for {@code args} ({@code verify} and its options) when they are plainly well formed — each of
     * {@code --book DIR}, {@code --anchor ENTRIES:HEAD} (or {@code --name=value}) and {@code --refresh-figures} at most
     * once, no value starting with a dash, nothing else — or null, and picocli parses them (issue 25: a scripted
     * {@code verify} does not pay for picocli's first command line, ~0.1 s; help, bad input and its messages and exit
     * codes stay picocli's, {@code CliTest} checks that both paths agree).
     */
    static VerifyCommand plain(PrintStream out, String[] args) {
        if (args.length == 0 || !args[0].equals("verify")) return null;
        VerifyCommand v = new VerifyCommand(out);
        boolean book = false;
        String folder = null;   // --db and --login (an office book) go through picocli
        boolean anchor = false;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--refresh-figures") && !v.refreshFigures) {
                v.refreshFigures = true;
                continue;
            }
            String name = a;
            String value;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                value = a.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                return null;
            }
            if (value.isEmpty() || value.startsWith("-")) return null;
            if (name.equals("--book") && !book) {
                book = true;
                folder = value;
            } else if (name.equals("--anchor") && !anchor) {
                anchor = true;
                v.anchor = value;
            } else {
                return null;
            }
        }
        v.place = BookPlace.of(folder, null, null);
        return v;
    }

    /** {@code ENTRIES:HEAD}, as an evidence bundle prints them (记录条数, 链头). */
    static AuditService.GivenAnchor anchor(String text) {
        String[] p = text.strip().split(":");
        if (p.length != 2 || !p[0].matches("\\d{1,12}") || !p[1].matches("[0-9a-f]{64}")) {
            throw new Cli.UsageException("--anchor must be ENTRIES:HEAD as a bundle prints them (e.g. 21:3f2a…, 64 hex digits)"
                    + " / --anchor 应为 记录条数:链头（64 位十六进制）");
        }
        return new AuditService.GivenAnchor(Long.parseLong(p[0]), p[1]);
    }

    @Override
    public Integer call() {
        AuditService.Report r;
        List<Long> stale;
        boolean refreshed = false;
        List<String> totals;
        boolean totalsRebuilt = false;
        AuditService.GivenAnchor given = anchor == null ? null : anchor(anchor);
        boolean refuseRefresh;
        try (Books books = place.environment(env).open(Clock.systemDefaultZone())) {
            r = books.audit().verify(true, given);
            cn.huikuan.StartupTiming.mark("verify: journal and files checked");
            // derived figures are recomputed from the records only when the records have passed their checks: a record
            // changed behind the app's back must not become "intact" by recomputing what is derived from it (issue 24)
            refuseRefresh = refreshFigures && !r.intact();
            stale = books.receivables().staleListFigures(1000);
            if (!stale.isEmpty() && refreshFigures && !refuseRefresh) {
                books.receivables().refreshListFigures(stale);
                refreshed = books.receivables().staleListFigures(1).isEmpty();
            }
            totals = books.receivables().keptTotalsDiffer();
            cn.huikuan.StartupTiming.mark("verify: list figures checked");
            if (!totals.isEmpty() && refreshFigures && !refuseRefresh) {
                books.receivables().rebuildKeptTotals();
                totalsRebuilt = books.receivables().keptTotalsDiffer().isEmpty();
            }
        }
        cn.huikuan.StartupTiming.mark("verify: books closed");
        out.println("账本 Books: " + place.shown());
        out.println("证据文件 Evidence files checked: " + r.evidenceFiles());
        out.println("记录链 Journal entries: " + r.entries() + "   链头 head: " + r.head());
        if (refuseRefresh) {
            out.println("未重新计算 Not recomputed: 记录与记录链不一致，先查明原因 / the records do not match the journal; find out why first");
        }
        if (stale.isEmpty()) {
            out.println("列表数字 List figures: 与收款和还款计划一致 agree with the payments and schedules");
        } else if (refreshed) {
            out.println("列表数字 List figures: 已重新计算 " + stale.size() + " 笔 recomputed for receivables " + stale);
        } else {
            out.println("列表数字 List figures: " + stale.size() + " 笔过期 out of date for receivables " + stale
                    + "; 用 --refresh-figures 重新计算 / recompute them with --refresh-figures (they are derived; nothing is lost)");
        }
        if (totals.isEmpty()) {
            out.println("合计 Kept totals: 与各笔应收款一致 agree with the receivables");
        } else if (totalsRebuilt) {
            out.println("合计 Kept totals: 已重新计算 recomputed (" + String.join("; ", totals) + ")");
        } else {
            out.println("合计 Kept totals: 不一致 out of date: " + String.join("; ", totals)
                    + "; 用 --refresh-figures 重新计算 / recompute them with --refresh-figures (they are derived; nothing is lost)");
        }
        boolean figuresOk = (stale.isEmpty() || refreshed) && (totals.isEmpty() || totalsRebuilt);
        if (r.intact() && figuresOk) {
            out.println("结果 Result: 完好 intact — every record matches the journal and every file its SHA-256");
            return Cli.OK;
        }
        if (r.intact()) {
            out.println("结果 Result: 记录链完好，列表数字过期 journal intact, list figures out of date");
            return Cli.FAILED;
        }
        out.println("结果 Result: 发现 " + r.problems().size() + " 处问题 problems found");
        out.println("第一处 First: " + r.first().kind() + " — " + r.first().detail());
        for (AuditService.Problem p : r.problems()) {
            out.println("  - " + p.kind() + ": " + p.detail());
        }
        return Cli.FAILED;
    }
}
