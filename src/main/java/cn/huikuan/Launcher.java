package cn.huikuan;

import cn.huikuan.cli.Cli;
import cn.huikuan.tools.Tools;
import cn.huikuan.ui.HuikuanApp;

/**
 * Entry point of {@code huikuan.jar}. Without arguments it opens the window; with arguments it runs the
 * headless command line, which never loads JavaFX (the GUI class is only touched in the first branch).
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        StartupTiming.mark("main()");
        // Hibernate logs through SLF4J like the rest; the command line only shows warnings
        System.setProperty("org.jboss.logging.provider", "slf4j");
        if (args.length > 0 && System.getProperty("huikuan.logLevel") == null) {
            System.setProperty("huikuan.logLevel", "warn");
        }
        if (args.length == 0) {
            HuikuanApp.launchApp();
            return;
        }
        int code = Tools.cli(System.out, System.err).run(args);
        System.exit(code);
    }
}
