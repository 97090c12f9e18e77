package cn.huikuan.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CliTest {
    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    Cli cli() {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    int run(String... args) {
        return cli().run(args);
    }

    String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsTheCommandsInBothLanguages() {
        assertThat(run("--help")).isEqualTo(0);
        assertThat(out()).contains("用法 Usage", "version", "退出码 Exit codes", "Data folder", "HUIKUAN_DATA")
                // every command and subcommand with its summary, as the hand-kept help listed them
                .contains("verify ", "import receivables", "import invoices", "import statement", "import template", "team add-user", "team grant", "privacy export", "privacy erase", "backup", "restore",
                        "password set", "password change", "password remove", "export bundle", "export packet", "export document",
                        "export zip", "calc fee", "calc deadline", "calc limitation", "calc rate-cap", "calc late-performance",
                        "calc claim", "check message")
                .contains("诉讼费用 / court fees");
        assertThat(err()).isEmpty();
        out.reset();
        assertThat(run("-h")).isZero();
        String dashH = out();
        out.reset();
        assertThat(run("help")).isZero();
        assertThat(out()).isEqualTo(dashH);
    }

    /** Each command's own help: its synopsis with every option, its description, in both languages; help CMD says the same. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "verify;--refresh-figures;recompute out-of-date list figures",
            "calc fee;--kind=case|payment-order|preservation|enforcement;court fees",
            "calc deadline;(--days=N | --kind=KIND);appeal-judgment",
            "calc limitation;--interrupt=DATE;repeatable",
            "calc claim;--file=CLAIM.json;docs/claim-file.md",
            "export packet;(--case=ID | --sample);payment-order, lawsuit",
            "export document;--kind=KIND;lawyer-letter",
            "check message;(--text=T | --file=F);Exit 0 whatever the verdict",
            "import receivables;--paid-on=import-date|due-date;all or nothing",
            "password set;--book=DIR;HUIKUAN_NEW_PASSWORD",
            "privacy erase;--confirm=NAME;exactly"})
    void everyCommandHasItsHelp(String command, String inSynopsis, String english) {
        List<String> args = new ArrayList<>(List.of(command.split(" ")));
        args.add("--help");
        assertThat(run(args.toArray(String[]::new))).as(err()).isZero();
        String help = out();
        assertThat(help.replaceAll("\\s+", " ")).as(help)
                .contains("用法 Usage: huikuan " + command, inSynopsis, english, "选项 Options:", "显示此帮助 / show this help");
        assertThat(err()).isEmpty();
        out.reset();
        List<String> helpCmd = new ArrayList<>(List.of("help"));
        helpCmd.addAll(List.of(command.split(" ")));
        assertThat(run(helpCmd.toArray(String[]::new))).isZero();
        assertThat(out()).isEqualTo(help);
    }

    /** No command, subcommand or option without its bilingual text in help.properties (a new option fails here until it has one). */
    @Test
    void everyCommandAndOptionIsDescribedInBothLanguages() {
        List<String> missing = new ArrayList<>();
        walk(Cli.withHelpTexts(cli().commandLine("--help")).getCommandSpec(), missing);
        assertThat(missing).isEmpty();
    }

    private static void walk(CommandSpec spec, List<String> missing) {
        if (spec.parent() != null && !spec.usageMessage().hidden()) {
            String[] header = spec.usageMessage().header();
            if (header.length == 0 || !bilingual(header[0])) missing.add(spec.qualifiedName() + ": usage.header");
            if (!spec.name().equals("help") && !spec.name().equals("version") && !spec.subcommands().containsKey("help")) {
                for (OptionSpec o : spec.options()) {
                    String d = String.join(" ", o.description());
                    if (!bilingual(d)) missing.add(spec.qualifiedName() + " " + o.longestName());
                }
            }
        }
        for (CommandLine sub : spec.subcommands().values()) walk(sub.getCommandSpec(), missing);
    }

    private static boolean bilingual(String text) {
        return text.contains("/") && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                && text.codePoints().anyMatch(c -> c >= 'a' && c <= 'z');
    }

    @Test
    void versionPrintsTheBuildVersion() {
        assertThat(run("version")).isEqualTo(0);
        assertThat(out()).startsWith("Huikuan 回款助手 ").doesNotContain("unknown");
        out.reset();
        assertThat(run("--version")).isZero();
        assertThat(out()).startsWith("Huikuan 回款助手 ");
    }

    @Test
    void badInputIsOneLineOnStderrWithExitCode2() {
        assertThat(run("frobnicate")).isEqualTo(2);
        String e = err();
        assertThat(e.lines()).hasSize(1);
        assertThat(e).contains("frobnicate").doesNotContain("Exception").doesNotContain("\tat ");
        err.reset();
        assertThat(run("version", "extra")).isEqualTo(2);
        assertThat(err().lines()).hasSize(1);
    }

    /** picocli's findings in the old parser's words: one line, English / 中文, exit 2, nothing on stdout. */
    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "frobnicate;unknown command / 未知命令: frobnicate (see huikuan --help)",
            "calc frobnicate;unknown command / 未知命令: calc frobnicate (see huikuan calc --help)",
            "verify --bogus;unknown option / 未知选项: --bogus",
            "calc fee --kind case;--amount is required / 必须提供 --amount",
            "calc fee --kind case --amount;--amount needs a value / 缺少取值",
            "version extra;unexpected argument / 多余的参数: extra",
            "calc fee --kind case --kind case --amount 5;--kind given twice / 重复给出 --kind",
            "export bundle --out x.pdf;give --case ID or --sample / 请给出 --case ID 或 --sample",
            "export bundle --sample --case 3 --out x.pdf;give only one of --case ID | --sample / 只能给出其中之一",
            "calc fee --kind case --amount abc;--amount: not an amount / 不是金额: abc",
            "calc deadline --from 2026-02-30 --days 15;--from: not a date (use YYYY-MM-DD) / 日期格式应为 YYYY-MM-DD: 2026-02-30",
            "check message --text @张三 --tone rude;--tone must be polite, firm or final / --tone 应为 polite、firm 或 final: rude",
            "calc;calc needs a rule",
            "password;password needs set, change or remove / 请指定 set、change 或 remove"})
    void badInputInBothLanguages(String line, String message) {
        assertThat(run(line.split(" "))).isEqualTo(2);
        assertThat(err()).startsWith("huikuan: " + message);
        assertThat(err().lines()).hasSize(1);
        assertThat(out()).isEmpty();
    }

    /** A command that parses its own arguments (a tool, or a command not on picocli) gets every argument after its name as given. */
    @Test
    void aPassThroughCommandGetsItsArgumentsUnparsed() {
        List<String> seen = new ArrayList<>();
        Cli cli = cli().with("echo", args -> {
            seen.addAll(List.of(args));
            return 0;
        });
        assertThat(cli.run("echo", "--x", "1", "y", "--help", "@z")).isZero();
        assertThat(seen).containsExactly("--x", "1", "y", "--help", "@z");
        assertThat(cli.run("echo", "--help")).as("a first --help is the command's help").isZero();
        assertThat(seen).hasSize(5);
        out.reset();
        assertThat(cli.run("--help")).isZero();
        assertThat(out()).as("added without help: not listed").doesNotContain("echo");
        assertThat(cli.with("fails", args -> {
            throw new Cli.UsageException("bad / 不对");
        }).run("fails")).isEqualTo(2);
        assertThat(err()).isEqualTo("huikuan: bad / 不对\n");
    }
}
