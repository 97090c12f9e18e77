package cn.huikuan;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

class StartupTimingTest {
    @Test
    void readsUserAndSystemTicksAfterTheLastParenthesisOfTheName() {
        // a thread name may hold spaces and parentheses: fields are counted from the name's closing one
        String stat = "4242 (C2 (Compiler) 1) S 1 4242 4242 0 -1 4194560 100 0 0 0 31 7 0 0 20 0 12 0 5 0 0";
        assertThat(StartupTiming.cpuMillisOfProcStat(stat)).isEqualTo((31 + 7) * 10);
    }

    @Test
    void readsThisProcessOnLinux() throws Exception {
        Path self = Path.of("/proc/self/stat");
        Assumptions.assumeTrue(Files.isReadable(self));
        assertThat(StartupTiming.cpuMillisOfProcStat(Files.readString(self))).isPositive();
    }
}
