package cn.huikuan.logging;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 21: a rolling log file in the data folder, which a user can send when something goes wrong. */
class LogSetupTest {
    @TempDir
    Path data;

    @AfterEach
    void stop() {
        LogSetup.stopFile();
    }

    @Test
    void theAppsMessagesGoToARollingFileInTheDataFolder() throws Exception {
        Path file = LogSetup.toFolder(data);
        assertThat(file).isEqualTo(data.resolve("logs").resolve("huikuan.log"));
        LoggerFactory.getLogger("cn.huikuan.test").info("账本已打开 books opened");
        LoggerFactory.getLogger("cn.huikuan.test").warn("备份失败 backup failed", new IllegalStateException("disk"));
        LogSetup.stopFile(); // flushes and closes
        String log = Files.readString(file);
        assertThat(log).contains("INFO", "账本已打开 books opened", "WARN", "备份失败 backup failed", "IllegalStateException: disk");
        assertThat(log).containsPattern("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}\\.\\d{3}");
    }
}
