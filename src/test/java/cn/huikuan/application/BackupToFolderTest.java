package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.persistence.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import java.util.Comparator;

/** Issue 21: a backup to a folder the user chose (a USB stick), and the books restored from it on a computer that lost theirs. */
class BackupToFolderTest {
    @TempDir
    Path dir;

    @Test
    void aBackupOnAStickRestoresTheBooksWithTheirEvidenceAndNeverReplacesAFileUnasked() throws Exception {
        Path data = dir.resolve("data");
        Path usb = Files.createDirectories(dir.resolve("usb"));
        Path onStick;
        long receivables;
        try (Books books = Books.open(data, TestClock.fixed())) {
            SampleData.loadInto(books);
            receivables = books.receivables().page(ListQuery.first(10)).total();
            BackupService.Outside o = books.backups().backupFor(usb);
            assertThat(o.exists()).isFalse();
            Files.writeString(o.target(), "someone else's file");             // appears before the copy
            assertThatThrownBy(() -> books.backups().copyOut(o, false)).isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(FileAlreadyExistsException.class);
            assertThat(Files.readString(o.target())).isEqualTo("someone else's file");
            assertThat(usb.resolve(o.target().getFileName() + ".part")).doesNotExist();
            onStick = books.backups().copyOut(o, true);                        // the user said to replace it
            assertThat(Files.mismatch(onStick, o.backup())).isEqualTo(-1L);
        }
        // the computer's data folder is lost, backups and evidence included: only the stick is left
        try (var files = Files.walk(data)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                p.toFile().setWritable(true);
                p.toFile().delete();
            });
        }
        assertThat(data).doesNotExist();
        try (Books fresh = Books.open(data, TestClock.fixed())) {
            assertThat(fresh.receivables().page(ListQuery.first(10)).total()).isZero();
        }
        Restore.restore(data, onStick);
        try (Books books = Books.open(data, TestClock.fixed())) {
            assertThat(books.receivables().page(ListQuery.first(10)).total()).isEqualTo(receivables);
            long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            assertThat(books.evidence().list(sale)).hasSize(5).allSatisfy(e -> assertThat(books.evidence().file(e)).exists());
            assertThat(books.audit().verify().problems()).isEmpty();
        }
    }
}
