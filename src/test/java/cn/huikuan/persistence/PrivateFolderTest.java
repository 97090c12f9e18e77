package cn.huikuan.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Issue 24: the data folder holds other people's ID numbers and debts, and was world-readable (files 0644, evidence
 * 0444, folders 0755). On Linux and macOS it is made for its user alone when the books open, an existing one too.
 */
class PrivateFolderTest {
    @TempDir
    Path dir;

    private static String perms(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void aFolderLeftReadableByOthersIsMadePrivateWhenTheBooksOpen() throws Exception {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path root = dir.resolve("books");
        try (Database db = Database.open(root)) {
            assertThat(perms(root)).as("a new folder").isEqualTo("rwx------");
        }
        // as an older version left it
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path evidence = Files.createDirectories(root.resolve("evidence").resolve("ab"));
        Files.setPosixFilePermissions(evidence, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path file = Files.writeString(evidence.resolve("ab12"), "x");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        Path db = root.resolve("db").resolve("huikuan.mv.db");
        Files.setPosixFilePermissions(db, PosixFilePermissions.fromString("rw-r--r--"));
        try (Database opened = Database.open(root)) {
            assertThat(perms(root)).isEqualTo("rwx------");
            assertThat(perms(evidence)).isEqualTo("rwx------");
            assertThat(perms(file)).as("evidence stays read-only, for its owner").isEqualTo("r--------");
            assertThat(perms(db)).isEqualTo("rw-------");
        }
    }
}
