package cn.huikuan.cli;

import cn.huikuan.Version;
import cn.huikuan.application.BookFolders;
import cn.huikuan.application.ExportService;
import cn.huikuan.law.LprTable;
import cn.huikuan.law.data.LawData;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.storage.DatabaseKey;
import cn.huikuan.storage.StoreFailures;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Unmatched;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The headless command line on picocli (issue 25): {@code huikuan <command> [<subcommand>] [options]}. Each command is a
 * picocli command object (annotated fields, {@code call()} returns the exit code); the help is generated from the
 * annotations and the bilingual texts in {@code cn/huikuan/cli/help.properties}. Exit codes: 0 ok, 1 failed, 2 bad input;
 * bad input is one line {@code huikuan: English / 中文} on stderr, never a stack trace.
 *
 * <p>Commands that parse their own arguments (the tools added with {@link #with}, or a command not yet moved to picocli)
 * are registered with {@link #passThrough}: picocli hands them every argument after their name unparsed, except a first
 * {@code --help}/{@code -h}, which shows the help lines given for them in a resource bundle.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /** The help texts of the product's commands, zh-CN and English on each line (see help.properties for why). */
    static final String HELP_BUNDLE = "cn.huikuan.cli.help";
    /** Columns of the help: the bilingual lines need more than picocli's 80. */
    static final int HELP_WIDTH = 100;

    private final PrintStream out;
    private final PrintStream err;

    private final Supplier<LocalDate> today;

    public Cli(PrintStream out, PrintStream err) {
        this(out, err, LocalDate::now);
    }

    /** With a fixed "today", for tests. */
    public Cli(PrintStream out, PrintStream err, Supplier<LocalDate> today) {
        this.out = out;
        this.err = err;
        this.today = today;
    }

    /** A command added from outside this package (the bench and crash-test tools, cn.huikuan.tools): its arguments after its name. */
    @FunctionalInterface
    public interface Command {
        int run(String[] args) throws Exception;
    }

    private record Added(Command command, String helpBundle, List<String> subcommands) {
    }

    private final Map<String, Added> added = new LinkedHashMap<>();

    /**
     * Adds a command by name (issue 25: the measuring tools live in cn.huikuan.tools, which the product's code never
     * imports; the launcher adds them). Its usage errors and exit codes are handled as every other command's. Added
     * without help it is hidden from {@code huikuan --help}.
     */
    public Cli with(String name, Command command) {
        return with(name, command, null);
    }

    /**
     * Adds a command that parses its own arguments, with its help: {@code helpBundle} is the base name of a resource
     * bundle holding the keys {@code huikuan.NAME.usage.header}, {@code huikuan.NAME.usage.customSynopsis.0…},
     * {@code huikuan.NAME.usage.description.0…} (and the same under {@code huikuan.NAME.SUB.} for each of
     * {@code subcommands}). {@code huikuan NAME SUB …} runs {@code command} with {@code SUB …}; the subcommands are
     * listed in the help and each has its own {@code --help}.
     */
    public Cli with(String name, Command command, String helpBundle, String... subcommands) {
        added.put(name, new Added(command, helpBundle, List.of(subcommands)));
        return this;
    }

    /** User updates of legal data (holidays, LPR) live in {@code <data folder>/law}; read-only here, no lock needed. */
    private static Path lawDir() {
        return BookFolders.defaultLocation().resolve("law");
    }

    /** The product's top-level commands in the order the help lists them; the added tools follow. */
    private static final List<String> BUILT_IN = List.of("version", "verify", "import", "privacy", "backup", "restore", "password",
            "team", "export", "calc", "check", "help");

    /**
     * One top-level command's picocli object, made only when it is used: a command line that runs one command builds only
     * that one's model (start-up of {@code verify}, issue 25; a switch rather than a map of lambdas, each of which would
     * cost the JVM a class at every start).
     */
    private Object command(String name) {
        return switch (name) {
            case "version" -> new VersionCommand();
            case "verify" -> new VerifyCommand(out);
            case "import" -> new ImportCommand(out, err, today).commandLine();
            case "privacy" -> new BookCommands(out, err).new Privacy().commandLine();
            case "backup" -> new BookCommands(out, err).new Backup();
            case "restore" -> new BookCommands(out, err).new Restore();
            case "password" -> new BookCommands(out, err).new Password().commandLine();
            // team parses its own arguments (TeamCommand): its subcommands are listed, their help lines in help.properties
            case "team" -> passThrough(args -> new TeamCommand(out, System::getenv).run(args), null,
                    List.of("init", "list", "add-user", "add-book", "grant", "revoke", "upgrade", "push", "pull", "overview",
                            "remove-user", "set-role", "set-password", "rename-book"));
            case "export" -> new ExportCommand(out, err).commandLine();
            case "calc" -> new CalcCommand(out, () -> LawData.holidays(lawDir()), () -> LawData.lpr(lawDir()), today.get()).commandLine();
            case "check" -> new CheckCommand(out, () -> LawData.lpr(lawDir())).commandLine();
            case "help" -> new HelpCommand();
            default -> {
                Added a = added.get(name);
                CommandLine c = passThrough(a.command(), a.helpBundle(), a.subcommands());
                c.getCommandSpec().usageMessage().hidden(a.helpBundle() == null);
                yield c;
            }
        };
    }

    /** The commands that open books: their set-up common to every folder starts beside picocli's (BookFolders.warmUpInBackground). */
    private static final Set<String> OPEN_BOOKS = Set.of("verify", "import", "privacy", "backup", "restore", "password", "export");

    public int run(String... args) {
        if (args.length == 0) {
            return usage();
        }
        // verify logs nothing unless something is wrong: its logging is set up only then
        if (OPEN_BOOKS.contains(args[0])) BookFolders.warmUpInBackground(!args[0].equals("verify"));
        VerifyCommand plain = plainArguments ? VerifyCommand.plain(out, args) : null;
        if (plain != null) {
            // verify as scripts run it, without picocli's model (issue 25): the same call, the same exit codes
            try {
                return plain.call();
            } catch (Exception e) {
                return failure(e);
            }
        }
        return commandLine(args[0]).execute(args);
    }

    /** False: every command line goes through picocli (tests compare the two paths). */
    boolean plainArguments = true;

    /**
     * The picocli model: the root with every command when {@code first} is not one of them (help, an unknown command),
     * else with that one only. The help texts are read only when a help is shown ({@link #withHelpTexts}).
     */
    CommandLine commandLine(String first) {
        List<String> names = new ArrayList<>(BUILT_IN);
        names.addAll(added.keySet());
        boolean one = names.contains(first) && !first.equals("help");
        CommandLine root = new CommandLine(new Root());
        for (String name : names) {
            if (!one || name.equals(first)) root.addSubcommand(name, command(name));
        }
        addHelpOption(root);
        root.setExpandAtFiles(false);          // "@…" is a value (a WeChat name), never a file of arguments
        root.setUsageHelpWidth(HELP_WIDTH);
        root.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_COMMAND_LIST, new CommandTree());
        Outcomes outcomes = new Outcomes();
        root.setParameterExceptionHandler(outcomes);
        root.setExecutionExceptionHandler(outcomes);
        root.setExecutionStrategy(outcomes);
        return root;
    }

    /** What picocli hands back: bad input, an exception from a command, and the run itself (help and version first). */
    private final class Outcomes implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler,
            CommandLine.IExecutionStrategy {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            err.println("huikuan: " + message(e));
            return USAGE;
        }

        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parsed) {
            return failure(e);
        }

        @Override
        public int execute(ParseResult parsed) {
            for (ParseResult p = parsed; p != null; p = p.subcommand()) {
                if (p.isUsageHelpRequested()) {
                    out.print(usage(p.commandSpec().commandLine()));
                    return OK;
                }
                if (p.isVersionHelpRequested()) {
                    out.println(versionLine());
                    return OK;
                }
            }
            return new CommandLine.RunLast().execute(parsed);
        }
    }

    /**
     * Gives every command of the tree its help texts: help.properties, or the bundle a tool was added with (and its
     * subcommands). Done only for a help, not at every start: reading the bundle is work a command's run never needs.
     */
    static CommandLine withHelpTexts(CommandLine root) {
        CommandSpec top = root.getCommandSpec();
        while (top.parent() != null) top = top.parent();
        giveHelpTexts(top, ResourceBundle.getBundle(HELP_BUNDLE));
        return root;
    }

    private static void giveHelpTexts(CommandSpec spec, ResourceBundle inherited) {
        ResourceBundle bundle = spec.userObject() instanceof PassThrough p && p.helpBundle != null
                ? ResourceBundle.getBundle(p.helpBundle) : inherited;
        if (spec.resourceBundle() != bundle) spec.resourceBundle(bundle);
        Set<CommandSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CommandLine sub : spec.subcommands().values()) {
            if (seen.add(sub.getCommandSpec())) giveHelpTexts(sub.getCommandSpec(), bundle);
        }
    }

    /** The help of one command, as {@code huikuan … --help} prints it (no colours; the caller's stream's encoding). */
    static String usage(CommandLine c) {
        withHelpTexts(c);
        return c.getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static String versionLine() {
        return "Huikuan 回款助手 " + Version.current();
    }

    /**
     * {@code -h, --help} on every command that has no option of that name (a pass-through command: as its first argument),
     * and the blank line before a description only where there is one.
     */
    private static void addHelpOption(CommandLine c) {
        CommandSpec spec = c.getCommandSpec();
        c.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_DESCRIPTION_HEADING, DESCRIPTION_HEADING);
        if (spec.findOption("--help") == null) {
            spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("help").build());
        }
        Set<CommandLine> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CommandLine sub : c.getSubcommands().values()) {
            if (seen.add(sub)) addHelpOption(sub);
        }
    }

    /** The blank line before a command's description only when it has one. */
    private static final CommandLine.IHelpSectionRenderer DESCRIPTION_HEADING = new CommandLine.IHelpSectionRenderer() {
        @Override
        public String render(CommandLine.Help help) {
            return help.commandSpec().usageMessage().description().length == 0 ? "" : System.lineSeparator();
        }
    };

    @CommandLine.Command(name = "huikuan")
    static final class Root implements Callable<Integer> {
        @CommandLine.Option(names = "--version", versionHelp = true, descriptionKey = "version") boolean version;

        @Override
        public Integer call() {
            throw new UsageException("no command given / 未给出命令 (see huikuan --help)");
        }
    }

    @CommandLine.Command(name = "version")
    final class VersionCommand implements Callable<Integer> {
        @Override
        public Integer call() {
            out.println(versionLine());
            return OK;
        }
    }

    /** {@code help [COMMAND [SUBCOMMAND]]}: the same as {@code huikuan [COMMAND [SUBCOMMAND]] --help}. */
    @CommandLine.Command(name = "help")
    final class HelpCommand implements Callable<Integer> {
        @Parameters(paramLabel = "COMMAND", arity = "0..2", descriptionKey = "help.command") List<String> names = new ArrayList<>();
        @CommandLine.Spec CommandSpec spec;

        @Override
        public Integer call() {
            CommandLine c = spec.parent().commandLine();
            for (String name : names) {
                CommandLine sub = c.getSubcommands().get(name);
                if (sub == null) {
                    throw new UsageException("unknown command / 未知命令: " + name + " (see " + c.getCommandSpec().qualifiedName() + " --help)");
                }
                c = sub;
            }
            out.print(usage(c));
            return OK;
        }
    }

    /**
     * A command that parses its own arguments: picocli passes it everything after its name unparsed ({@code stopAtUnmatched}),
     * except a first {@code --help}. Its help lines come from the resource bundle of the command it is added to (for the
     * product's commands help.properties: {@code huikuan.import.invoices.usage.header}, {@code ….usage.customSynopsis.0}, …).
     * To add one under a command: {@code parent.addSubcommand("invoices", Cli.passThrough(args -> new X(out, err).run(args)))}.
     */
    public static CommandLine passThrough(Command command) {
        return passThrough(command, null, List.of());
    }

    private static CommandLine passThrough(Command command, String helpBundle, List<String> subcommands) {
        CommandLine c = new CommandLine(new PassThrough(command, List.of(), helpBundle));
        for (String sub : subcommands) {
            CommandLine s = new CommandLine(new PassThrough(command, List.of(sub), helpBundle));
            s.setStopAtUnmatched(true);
            c.addSubcommand(sub, s);
        }
        c.setStopAtUnmatched(true);
        return c;
    }

    @CommandLine.Command
    static final class PassThrough implements Callable<Integer> {
        private final Command command;
        private final List<String> before;
        /** The resource bundle of its help texts, or null for the bundle of the command it is added to. */
        private final String helpBundle;
        @Unmatched List<String> args = new ArrayList<>();

        PassThrough(Command command, List<String> before, String helpBundle) {
            this.command = command;
            this.before = before;
            this.helpBundle = helpBundle;
        }

        @Override
        public Integer call() throws Exception {
            List<String> all = new ArrayList<>(before);
            all.addAll(args);
            return command.run(all.toArray(String[]::new));
        }
    }

    /** The root's list of commands: every command and subcommand with its one-line summary (what the hand-kept help listed). */
    private static final class CommandTree implements CommandLine.IHelpSectionRenderer {
        @Override
        public String render(CommandLine.Help help) {
            return commandTree(help);
        }
    }

    private static String commandTree(CommandLine.Help help) {
        int nameWidth = 30;
        int width = help.commandSpec().usageMessage().width();
        var table = CommandLine.Help.TextTable.forColumns(help.colorScheme(),
                new CommandLine.Help.Column(nameWidth, 2, CommandLine.Help.Column.Overflow.SPAN),
                new CommandLine.Help.Column(width - nameWidth, 1, CommandLine.Help.Column.Overflow.WRAP));
        addTree(table, help.commandSpec(), "");
        return table.toString();
    }

    private static void addTree(CommandLine.Help.TextTable table, CommandSpec spec, String prefix) {
        Set<CommandSpec> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (CommandLine c : spec.subcommands().values()) {
            CommandSpec sub = c.getCommandSpec();
            if (!seen.add(sub) || sub.usageMessage().hidden()) continue;
            String[] summary = sub.usageMessage().header();
            if (summary.length == 0) summary = sub.usageMessage().description();
            table.addRowValues(prefix + sub.name(), summary.length == 0 ? "" : String.format(summary[0]));
            addTree(table, sub, prefix + sub.name() + " ");
        }
    }

    /** Bad input found by picocli, as one line in both languages (as the hand-written parser said it). */
    static String message(ParameterException e) {
        CommandSpec spec = e.getCommandLine().getCommandSpec();
        if (e instanceof CommandLine.UnmatchedArgumentException u) {
            String arg = u.getUnmatched().isEmpty() ? "" : u.getUnmatched().get(0);
            if (u.isUnknownOption()) return "unknown option / 未知选项: " + arg + " (see " + spec.qualifiedName() + " --help)";
            if (!spec.subcommands().isEmpty()) {
                String where = spec.parent() == null ? "" : spec.qualifiedName().substring(spec.root().name().length() + 1) + " ";
                return "unknown command / 未知命令: " + where + arg + " (see " + spec.qualifiedName() + " --help)";
            }
            return "unexpected argument / 多余的参数: " + arg;
        }
        if (e instanceof CommandLine.OverwrittenOptionException o) {
            String name = shown(o.getOverwritten(), false);
            return name + " given twice / 重复给出 " + name;
        }
        if (e instanceof CommandLine.MutuallyExclusiveArgsException) {
            for (ArgGroupSpec g : spec.argGroups()) {
                if (g.exclusive()) {
                    String names = g.args().stream().map(a -> shown(a, true)).collect(Collectors.joining(" | "));
                    return "give only one of " + names + " / 只能给出其中之一: " + names;
                }
            }
        }
        if (e instanceof CommandLine.MissingParameterException m && !m.getMissing().isEmpty()) {
            List<ArgSpec> missing = m.getMissing();
            String text = String.valueOf(e.getMessage());
            if (missing.size() == 1 && (text.startsWith("Missing required parameter for option") || text.startsWith("Expected parameter for option"))) {
                String name = shown(missing.get(0), false);
                return name + " needs a value / 缺少取值";
            }
            if (missing.size() == 1) {
                String name = shown(missing.get(0), false);
                return name + " is required / 必须提供 " + name;
            }
            if (missing.get(0).group() != null && missing.get(0).group().exclusive()) {
                String en = missing.stream().map(a -> shown(a, true)).collect(Collectors.joining(" or "));
                String zh = missing.stream().map(a -> shown(a, true)).collect(Collectors.joining(" 或 "));
                return "give " + en + " / 请给出 " + zh;
            }
            String names = missing.stream().map(a -> shown(a, false)).collect(Collectors.joining(", "));
            return names + " are required / 必须提供 " + names;
        }
        if (e.getCause() instanceof UsageException u) return u.getMessage();
        return String.valueOf(e.getMessage());
    }

    /** {@code --file}, or with its value's label {@code --case ID}; a positional parameter by its label. */
    private static String shown(ArgSpec a, boolean withLabel) {
        if (a instanceof OptionSpec o) {
            String name = o.longestName();
            return withLabel && o.arity().max() > 0 ? name + " " + o.paramLabel() : name;
        }
        return a.paramLabel();
    }

    /** An exception from a command: bad input (exit 2) or a failure (exit 1), in one line. */
    private int failure(Exception e) {
        if (e instanceof UsageException
                // the user's own words in a document did not pass the conduct guard (issue 20): change them, nothing written
                || e instanceof ExportService.ConductBlockedException
                || e instanceof LprTable.RateUnavailableException || e instanceof LawData.LawDataException
                || e instanceof IllegalArgumentException) {
            err.println("huikuan: " + e.getMessage());
            return USAGE;
        }
        if (StoreFailures.storeUnusable(e)) {
            // H2 closes the database after a failed write; the first cause (a full disk) may be further down the chain
            err.println("huikuan: 磁盘空间已满（或数据库文件无法写入），这次操作没有保存任何内容；请腾出空间后再试"
                    + " / the disk is full (or the database file cannot be written): nothing of this operation was kept;"
                    + " free some space and try again");
            return FAILED;
        }
        err.println("huikuan: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        return FAILED;
    }

    /** The folder of existing books: {@code --book DIR} or the data folder; bad input when it holds none. */
    static Path existingBooks(String book) {
        Path dir = book == null ? BookFolders.defaultLocation() : Path.of(book);
        if (!BookFolders.holdsBooks(dir)) {
            throw new UsageException("no books in / 此文件夹中没有账本: " + dir.toAbsolutePath());
        }
        return dir;
    }

    static RuntimeException inUse(DataFolderException e, Path dir) {
        return switch (e.reason()) {
            case IN_USE -> new UsageException("the books are open in Huikuan; close it first / 账本正在回款助手中打开，请先关闭: " + dir);
            case PASSWORD_REQUIRED -> new UsageException("the books are password-protected: give the password in the environment variable "
                    + PASSWORD_ENV + " / 账本有密码保护，请用环境变量 " + PASSWORD_ENV + " 提供密码: " + dir);
            case WRONG_PASSWORD -> new UsageException("the password in " + PASSWORD_ENV + " does not open these books"
                    + " / " + PASSWORD_ENV + " 中的密码打不开这些账本: " + dir);
            default -> e;
        };
    }

    /** The environment variable that carries the password of protected books to the command line (never an argument: ps shows those). */
    public static final String PASSWORD_ENV = "HUIKUAN_PASSWORD";
    static final String NEW_PASSWORD_ENV = "HUIKUAN_NEW_PASSWORD";

    /** The key from {@value #PASSWORD_ENV}, or null when it is not set. */
    public static DatabaseKey keyFromEnvironment() {
        return key(System.getenv(PASSWORD_ENV));
    }

    static DatabaseKey key(String password) {
        if (password == null || password.isEmpty()) return null;
        return DatabaseKey.fromPassword(password.toCharArray());
    }

    /** Deletes a folder and everything in it, stored evidence (read-only) included; nothing if it does not exist. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) return;
        List<Path> all;
        try (var walk = Files.walk(p)) {
            all = walk.sorted(Comparator.reverseOrder()).toList();
        }
        for (Path q : all) q.toFile().setWritable(true);
        for (Path q : all) Files.delete(q);
    }

    private int usage() {
        err.println("huikuan: no command given / 未给出命令 (see huikuan --help)");
        return USAGE;
    }

    /** Bad command-line input: reported in one line, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
