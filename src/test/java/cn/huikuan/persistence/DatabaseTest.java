package cn.huikuan.persistence;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseTest {
    @TempDir
    Path dir;

    @Test
    void emptyFolderIsMigratedToTheCurrentSchemaAndValidated() {
        try (Database db = Database.open(dir)) {
            List<String> versions = db.withConnection(c -> {
                List<String> v = new java.util.ArrayList<>();
                try (ResultSet rs = c.createStatement().executeQuery(
                        "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" AND \"version\" IS NOT NULL ORDER BY \"installed_rank\"")) {
                    while (rs.next()) v.add(rs.getString(1));
                }
                return v;
            });
            assertThat(versions).containsExactly("1");
            assertThat(db.preMigrationBackup()).isEmpty();
        }
        assertThat(dir.resolve("db/huikuan.mv.db")).exists();
        assertThat(dir.resolve("evidence")).isDirectory();
        assertThat(dir.resolve("backups")).isDirectory();
    }

    @Test
    void reopeningAMigratedDatabaseTakesNoBackup() {
        Database.open(dir).close();
        try (Database db = Database.open(dir)) {
            assertThat(db.preMigrationBackup()).isEmpty();
        }
    }

    @Test
    void aSecondCopyOfTheAppIsRefusedWithAClearReason() {
        try (Database first = Database.open(dir)) {
            assertThatThrownBy(() -> Database.open(dir))
                    .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.IN_USE));
        }
        // released on close
        Database.open(dir).close();
    }

    @Test
    void pendingMigrationsOnExistingBooksAreBackedUpFirst() throws Exception {
        Database.open(dir).close();
        try (Database db = Database.open(dir, "classpath:db/migration", "classpath:db/test-v2")) {
            assertThat(db.preMigrationBackup()).isPresent();
            Path backup = db.preMigrationBackup().get();
            assertThat(backup).exists().startsWith(dir.resolve("backups"));
            assertThat(backup.getFileName().toString()).contains("pre-migration-v1").endsWith(".zip");
            assertThat(Files.size(backup)).isPositive();
        }
    }

    @Test
    void aFailedMigrationIsReportedAsSuchAfterTheBackup() throws Exception {
        Database.open(dir).close();
        assertThatThrownBy(() -> Database.open(dir, "classpath:db/migration", "classpath:db/test-broken"))
                .isInstanceOfSatisfying(DataFolderException.class,
                        e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.MIGRATION_FAILED));
        try (var files = java.nio.file.Files.list(dir.resolve("backups"))) {
            assertThat(files.filter(p -> p.getFileName().toString().contains("pre-migration-v1"))).hasSize(1);
        }
        // the folder lock was released despite the failure
        assertThatThrownBy(() -> Database.open(dir, "classpath:db/migration", "classpath:db/test-broken"))
                .isInstanceOf(DataFolderException.class)
                .satisfies(e -> assertThat(((DataFolderException) e).reason()).isNotEqualTo(DataFolderException.Reason.IN_USE));
    }

    @Test
    void aCorruptDatabaseFileIsReportedNotCrashedOn() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.write(dir.resolve("db/huikuan.mv.db"), "this is not an H2 file, just text pretending".repeat(100).getBytes());
        assertThatThrownBy(() -> Database.open(dir))
                .isInstanceOfSatisfying(DataFolderException.class, e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.CORRUPT));
    }

    @Test
    void aFolderThatCannotBeCreatedIsReported() throws Exception {
        Path file = Files.writeString(dir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> Database.open(file.resolve("books")))
                .isInstanceOfSatisfying(DataFolderException.class,
                        e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.NOT_WRITABLE));
    }
}
