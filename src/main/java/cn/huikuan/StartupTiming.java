package cn.huikuan;

import java.lang.management.ManagementFactory;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code -Dhuikuan.startupTiming=true}: prints how long after the JVM started each step of opening the app
 * was reached, with the CPU time the whole process and the marking thread had used by then, and at the last
 * step ({@link #markLast}: the main window built, or the bench's bare window shown) the CPU time of each live
 * thread, JIT compilers included (Linux only, from /proc; threads that have ended are not listed). Issue 7's
 * startup figure: on two cores the start is bound by CPU, so these say where it goes (docs/benchmarks.md).
 * Silent otherwise.
 */
public final class StartupTiming {
    private static final boolean ON = Boolean.getBoolean("huikuan.startupTiming");

    private StartupTiming() {
    }

    public static void mark(String step) {
        if (!ON) return;
        long cpu = ManagementFactory.getOperatingSystemMXBean() instanceof OperatingSystemMXBean os
                ? os.getProcessCpuTime() / 1_000_000 : -1;
        System.err.printf("startup: %-40s %6d ms (process CPU %d ms; %s CPU %d ms)%n", step, ManagementFactory.getRuntimeMXBean().getUptime(),
                cpu, Thread.currentThread().getName(), ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000);
    }

    /** The start's last step: {@link #mark} and then every live thread's CPU time so far. */
    public static void markLast(String step) {
        if (!ON) return;
        mark(step);
        threads();
    }

    /**
     * The CPU time (user + system) in a Linux /proc {@code stat} line of a process or thread, in milliseconds
     * (the kernel counts 10 ms ticks). Also used by {@code bench startup} for the processes it starts.
     */
    public static long cpuMillisOfProcStat(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10; // utime + stime
    }

    private static void threads() {
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) return;
        List<String> rows = new ArrayList<>();
        try (var ds = Files.newDirectoryStream(tasks)) {
            for (var t : ds) {
                String stat = Files.readString(t.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                long ms = cpuMillisOfProcStat(stat);
                if (ms > 0) rows.add(String.format("%6d ms  %s", ms, name));
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("startup: threads not read: " + e);
            return;
        }
        rows.sort(Comparator.reverseOrder());
        rows.forEach(r -> System.err.println("  thread " + r));
    }
}
