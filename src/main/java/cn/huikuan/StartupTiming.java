package cn.huikuan;

import java.lang.management.ManagementFactory;

/**
 * {@code -Dhuikuan.startupTiming=true}: prints how long after the JVM started each step of opening the app
 * was reached (issue 7's startup figure; see docs/benchmarks.md). Silent otherwise.
 */
public final class StartupTiming {
    private static final boolean ON = Boolean.getBoolean("huikuan.startupTiming");

    private StartupTiming() {
    }

    public static void mark(String step) {
        if (ON) System.err.printf("startup: %-40s %6d ms%n", step, ManagementFactory.getRuntimeMXBean().getUptime());
    }
}
