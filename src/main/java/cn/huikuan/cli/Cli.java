package cn.huikuan.cli;

import cn.huikuan.Version;

import java.io.PrintStream;
import java.util.Arrays;

/**
 * The headless command line: {@code huikuan --help}, {@code huikuan version}. Later issues add
 * {@code calc} and {@code export}. Bad input gives one line on stderr and exit code 2, never a stack trace.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    private final PrintStream out;
    private final PrintStream err;

    public Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(String... args) {
        if (args.length == 0) {
            return usage();
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "--help", "-h", "help" -> {
                    out.print(HELP);
                    yield OK;
                }
                case "version", "--version" -> {
                    if (rest.length > 0) throw new UsageException("version takes no arguments / version 不接受参数");
                    out.println("Huikuan 回款助手 " + Version.current());
                    yield OK;
                }
                default -> throw new UsageException("unknown command / 未知命令: " + args[0] + " (see huikuan --help)");
            };
        } catch (UsageException e) {
            err.println("huikuan: " + e.getMessage());
            return USAGE;
        } catch (RuntimeException e) {
            err.println("huikuan: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
            return FAILED;
        }
    }

    private int usage() {
        err.println("huikuan: no command given / 未给出命令 (see huikuan --help)");
        return USAGE;
    }

    static final String HELP = """
            回款助手 Huikuan — 命令行 / command line

            用法 Usage:
              java -jar huikuan.jar                 打开窗口 / open the window
              java -jar huikuan.jar <命令> [参数]    无窗口运行 / run headless

            命令 Commands:
              --help                 显示本帮助 / show this help
              version                显示版本 / print the version

            数据文件夹 Data folder: -Dhuikuan.data=DIR 或环境变量 HUIKUAN_DATA；
            默认为系统的用户应用数据文件夹 / defaults to the OS's per-user app-data folder.
            退出码 Exit codes: 0 成功 ok, 1 失败 failed, 2 输入有误 bad input.
            """;

    /** Bad command-line input: reported in one line, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
