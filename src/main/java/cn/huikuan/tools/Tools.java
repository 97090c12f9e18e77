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

    /** The command line with the tools added. */
    public static Cli cli(PrintStream out, PrintStream err) {
        return new Cli(out, err)
                .with("bench", args -> new BenchCommand(out).run(args))
                .with("crash-test", args -> new CrashTest(out).parent(args))
                .with("crash-child", CrashTest::child);
    }
}
