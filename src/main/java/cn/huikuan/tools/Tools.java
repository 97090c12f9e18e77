package cn.huikuan.tools;

import cn.huikuan.cli.Cli;

import java.io.PrintStream;

/**
 * The measuring and checking tools users run to report their machine's figures ({@code bench …}) and the crash test
 * ({@code crash-test}, {@code crash-child}), in a package of their own that the product's code never imports (issue 25,
 * checked by ArchitectureTest). The launcher adds them to the command line.
 */
public final class Tools {
    private Tools() {
    }

    /** The tools' help lines (cn/huikuan/tools/help.properties): the tools parse their own arguments. */
    static final String HELP = "cn.huikuan.tools.help";

    /** The command line with the tools added; crash-child (the crash test's own child process) has no help and is not listed. */
    public static Cli cli(PrintStream out, PrintStream err) {
        return new Cli(out, err)
                .with("bench", args -> new BenchCommand(out).run(args), HELP,
                        "generate", "lists", "writes", "import", "statements", "invoices", "cli", "startup", "bundle", "claim", "guard", "team")
                .with("crash-test", args -> new CrashTest(out).parent(args), HELP)
                .with("crash-child", CrashTest::child);
    }

    /** The java launcher of the running JVM: the benches start their cases with the same JDK. */
    static String javaExe() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The jar (or classes folder) the tools run from, which the benches start again as separate JVMs. */
    static String ownJar() {
        try {
            return java.nio.file.Path.of(Tools.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code --launcher PATH} of {@code bench cli} and {@code bench startup} (issue 25): an installed app's launcher
     * (jpackage's {@code bin/huikuan-cli} or {@code bin/Huikuan}) to time beside {@code java -jar}; null without it.
     */
    static String launcher(cn.huikuan.cli.Args a) {
        String launcher = a.optional("launcher");
        if (launcher == null) return null;
        java.nio.file.Path path = java.nio.file.Path.of(launcher).toAbsolutePath();
        if (!java.nio.file.Files.isExecutable(path) || java.nio.file.Files.isDirectory(path)) {
            throw new Cli.UsageException("not a launcher / 不是可执行的启动器: " + path);
        }
        return path.toString();
    }
}
