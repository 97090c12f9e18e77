package cn.huikuan.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The data folder the user chose in the welcome is remembered for the next start; the OS default clears it. */
class DataFolderLocationTest {
    @TempDir
    Path home;
    String savedHome;

    @BeforeEach
    void fakeHome() {
        assumeTrue(System.getenv(DataFolder.ENV) == null && System.getenv("XDG_DATA_HOME") == null
                && System.getProperty("os.name").toLowerCase().contains("linux"), "needs a plain Linux environment");
        savedHome = System.getProperty("user.home");
        System.setProperty("user.home", home.toString());
        System.clearProperty(DataFolder.PROPERTY);
    }

    @AfterEach
    void restoreHome() {
        if (savedHome != null) System.setProperty("user.home", savedHome);
    }

    @Test
    void aChosenFolderIsRememberedAndTheDefaultForgetsIt() throws Exception {
        Path os = home.resolve(".local/share/Huikuan");
        assertThat(DataFolder.defaultLocation()).isEqualTo(os);
        assertThat(DataFolder.fixedByEnvironment()).isFalse();
        Path usb = home.resolve("移动硬盘/Huikuan");
        DataFolder.remember(usb);
        assertThat(Files.readString(DataFolder.pointerFile()).strip()).isEqualTo(usb.toString());
        assertThat(DataFolder.defaultLocation()).isEqualTo(usb);
        DataFolder.remember(os);
        assertThat(DataFolder.pointerFile()).doesNotExist();
        assertThat(DataFolder.defaultLocation()).isEqualTo(os);
        System.setProperty(DataFolder.PROPERTY, home.resolve("x").toString());
        try {
            assertThat(DataFolder.fixedByEnvironment()).isTrue();
            assertThat(DataFolder.defaultLocation()).isEqualTo(home.resolve("x"));
        } finally {
            System.clearProperty(DataFolder.PROPERTY);
        }
    }
}
