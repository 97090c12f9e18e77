package cn.huikuan.cli;

import cn.huikuan.law.Citation;
import cn.huikuan.law.ConductGuard;
import cn.huikuan.law.LprTable;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.nio.ByteBuffer;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check message (--text T | --file F) [--debtor person|company] [--at 2026-12-07T23:30] [--tone polite|firm|final] [--json]}
 * (issue 20): the app's conduct guard on the command line. With {@code --file}, one message per line in and one
 * result per line out, in order. Exit 0 whatever the verdict; 2 on bad input.
 */
@Command(name = "check")
final class CheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintStream out;
    private final Supplier<LprTable> lpr;

    CheckCommand(PrintStream out, Supplier<LprTable> lpr) {
        this.out = out;
        this.lpr = lpr;
    }

    /** {@code check} and {@code check message}; help texts under {@code huikuan.check.*} in help.properties. */
    CommandLine commandLine() {
        return new CommandLine(this).addSubcommand(new Message());
    }

    @Override
    public Integer call() {
        throw new Cli.UsageException("check needs message / 请指定 message");
    }

    @Command(name = "message")
    final class Message implements Callable<Integer> {
        @ArgGroup(exclusive = true, multiplicity = "1") Input input;
        @Option(names = "--debtor", paramLabel = "person|company") String debtor;
        @Option(names = "--at", paramLabel = "DATE-TIME") String at;
        @Option(names = "--tone", paramLabel = "polite|firm|final") String tone;
        @Option(names = "--json") boolean json;

        @Override
        public Integer call() {
            return check(input.text, input.file, debtor, at, tone, json);
        }
    }

    /** {@code --text T} or {@code --file F}. */
    static final class Input {
        @Option(names = "--text", required = true, paramLabel = "T") String text;
        @Option(names = "--file", required = true, paramLabel = "F") String file;
    }

    private int check(String text, String file, String debtorKind, String atText, String toneName, boolean json) {
        if (text != null && text.isBlank()) throw new Cli.UsageException("--text is empty / --text 为空");
        ConductGuard.DebtorKind debtor = switch (debtorKind == null ? "person" : debtorKind) {
            case "person" -> ConductGuard.DebtorKind.PERSON;
            case "company" -> ConductGuard.DebtorKind.COMPANY;
            default -> throw new Cli.UsageException("--debtor must be person or company / --debtor 应为 person 或 company: " + debtorKind);
        };
        ConductGuard.Tone tone = switch (toneName == null ? "firm" : toneName) {
            case "polite" -> ConductGuard.Tone.POLITE;
            case "firm" -> ConductGuard.Tone.FIRM;
            case "final" -> ConductGuard.Tone.FINAL;
            default -> throw new Cli.UsageException("--tone must be polite, firm or final / --tone 应为 polite、firm 或 final: " + toneName);
        };
        LocalDateTime at = null;
        if (atText != null) {
            try {
                at = LocalDateTime.parse(atText);
            } catch (DateTimeParseException e) {
                throw new Cli.UsageException("--at: not a date and time (use 2026-12-07T23:30) / 时间格式应为 2026-12-07T23:30: " + atText);
            }
        }
        List<String> messages = text != null ? List.of(text) : lines(Path.of(file));
        ConductGuard guard = new ConductGuard(ConductGuard.Policy.defaults(), lpr.get());
        ConductGuard.Context context = new ConductGuard.Context(debtor, at, List.of(), tone);
        for (String m : messages) {
            ConductGuard.Result r = guard.check(m, context);
            if (json) out.println(json(r));
            else if (file != null) out.println(line(r));
            else print(r);
        }
        return Cli.OK;
    }

    private static List<String> lines(Path file) {
        if (!Files.isRegularFile(file)) throw new Cli.UsageException("no such file / 找不到文件: " + file);
        try {
            byte[] bytes = Files.readAllBytes(file);
            String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            if (s.startsWith("\uFEFF")) s = s.substring(1);
            List<String> out = new ArrayList<>(s.lines().toList());
            return out;
        } catch (CharacterCodingException e) {
            throw new Cli.UsageException("not UTF-8 text / 文件不是 UTF-8 文本: " + file);
        } catch (IOException e) {
            throw new Cli.UsageException("cannot read / 无法读取: " + file + " (" + e.getMessage() + ")");
        }
    }

    static String json(ConductGuard.Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("verdict", r.verdict().id());
        List<Map<String, Object>> fs = new ArrayList<>();
        for (ConductGuard.Finding f : r.findings()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("category", f.category().id());
            x.put("span", f.matched());
            x.put("start", f.start());
            x.put("end", f.end());
            x.put("basis", f.basis().stream().map(Citation::zh).toList());
            x.put("reason", f.reason());
            x.put("reason_en", f.reasonInEnglish());
            if (f.policyOnly()) x.put("policy", true);
            fs.add(x);
        }
        m.put("findings", fs);
        m.put("rewrite", r.rewrite());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String verdictWords(ConductGuard.Verdict v) {
        return switch (v) {
            case OK -> "ok 可以发送";
            case WARN -> "warn 提醒（软件政策）";
            case BLOCKED -> "blocked 不可发送";
        };
    }

    private static String line(ConductGuard.Result r) {
        StringBuilder sb = new StringBuilder(r.verdict().id());
        if (!r.findings().isEmpty()) {
            sb.append('\t');
            sb.append(String.join("；", r.findings().stream().map(f -> f.category().id() + "「" + f.matched() + "」"
                    + f.basis().stream().map(Citation::zh).reduce((x, y) -> x + "、" + y).orElse("")).toList()));
        }
        if (r.rewrite() != null) sb.append("\t改写 rewrite: ").append(r.rewrite());
        return sb.toString();
    }

    private void print(ConductGuard.Result r) {
        out.println("结论 verdict: " + verdictWords(r.verdict()));
        for (ConductGuard.Finding f : r.findings()) {
            out.println("  [" + f.category().id() + " " + f.category().zh() + "] 「" + f.matched() + "」" + (f.policyOnly() ? "（软件政策 app's policy）" : ""));
            out.println("    理由: " + f.reason());
            out.println("    reason: " + f.reasonInEnglish());
            out.println("    依据 basis: " + String.join("、", f.basis().stream().map(c -> c.zh() + " (" + c.en() + ")").toList()));
            if (f.policyOnly()) out.println("    建议 suggestion: " + f.suggestion());
        }
        if (r.rewrite() != null) out.println("改写 rewrite: " + r.rewrite());
    }
}
