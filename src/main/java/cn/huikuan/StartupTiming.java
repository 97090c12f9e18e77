package cn.huikuan;

import java.lang.management.ManagementFactory;

/**
 * {@code -Dhuikuan.startupTiming=true}: prints how long after the JVM started each step of opening the app
 * was reached, with the CPU time the whole process and the marking thread had used by then, and at the end
 * (the main window built, or the bench's bare window shown) the CPU time of each live thread, JIT compilers
 * included (Linux only, from /proc, in 10 ms ticks; threads that have ended are not listed). Issue 7's
 * startup figure: on two cores the start is bound by CPU, so these say where it goes (docs/benchmarks.md).
 * Silent otherwise.
 */
public final class StartupTiming {
    private static final boolean ON = Boolean.getBoolean("huikuan.startupTiming");

    private StartupTiming() {
    }

    public static void mark(String step) {
        if (!ON) return;
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.err.printf("startup: %-40s %6d ms (process CPU %d ms; %s CPU %d ms)%n", step, ManagementFactory.getRuntimeMXBean().getUptime(),
                cpu, Thread.currentThread().getName(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
        if (step.equals("main window built") || step.equals("bare window shown")) threads();
    }

    private static void threads() {
        java.nio.file.Path tasks = java.nio.file.Path.of("/proc/self/task");
        if (!java.nio.file.Files.isDirectory(tasks)) return;
        java.util.List<String> rows = new java.util.ArrayList<>();
        try (var ds = java.nio.file.Files.newDirectoryStream(tasks)) {
            for (var t : ds) {
                String stat = java.nio.file.Files.readString(t.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime + stime
                if (ticks > 0) rows.add(String.format("%6d ms  %s", ticks * 10, name));
            }
        } catch (java.io.IOException | RuntimeException e) {
            System.err.println("startup: threads not read: " + e);
            return;
        }
        rows.sort(java.util.Comparator.reverseOrder());
        rows.forEach(r -> System.err.println("  thread " + r));
    }
}
