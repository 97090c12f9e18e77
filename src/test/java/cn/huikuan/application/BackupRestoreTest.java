package cn.huikuan.application;

import cn.huikuan.TestClock;
import cn.huikuan.cli.Cli;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.persistence.DataFolder;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.persistence.Restore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import cn.huikuan.storage.BackupRefusedException;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;

/** Backup and restore round-trip the sample case with its evidence; rotation keeps 7 daily + 4 weekly. */
class BackupRestoreTest {
    @TempDir
    Path dir;

    @Test
    void restoreBringsBackTheBooksAndTheirEvidence() throws Exception {
        Path zip;
        String firstSha;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            zip = books.backups().backupNow("manual");
            long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            firstSha = books.evidence().list(sale).get(0).getSha256();
            // after the backup: a mistake, and a lost evidence file
            books.receivables().addPayment(sale, new Payment(null, LocalDate.of(2026, 11, 27),
                    Money.of("300000"), Payment.Channel.CASH), false);
            Path stored = books.evidence().file(books.evidence().list(sale).get(0));
            stored.toFile().setWritable(true);
            Files.delete(stored);
        }
        assertThat(zip).exists();
        assertThat(BackupService.evidencePool(DataFolder.open(dir.resolve("unused"))).getFileName().toString()).isEqualTo("evidence");

        Path aside = Restore.restore(dir, zip);
        assertThat(aside).exists().startsWith(dir.resolve("backups"));
        try (Books books = Books.open(dir, TestClock.fixed())) {
            long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
            assertThat(books.receivables().balance(sale).outstanding()).isEqualByComparingTo("300000");
            List<EvidenceItem> items = books.evidence().list(sale);
            assertThat(items).hasSize(5);
            assertThat(items.get(0).getSha256()).isEqualTo(firstSha);
            assertThat(books.audit().verify().problems()).as("journal and files intact after restore").isEmpty();
        }
    }

    @Test
    void restoreIsRefusedWhileTheBooksAreOpenAndForSomethingThatIsNotABackup() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            Path zip = books.backups().backupNow("manual");
            assertThatThrownBy(() -> Restore.restore(dir, zip)).isInstanceOfSatisfying(DataFolderException.class,
                    e -> assertThat(e.reason()).isEqualTo(DataFolderException.Reason.IN_USE));
        }
        Path notBackup = Files.writeString(dir.resolve("photo.zip"), "not a zip");
        long before = Files.size(dir.resolve("db/huikuan.mv.db"));
        assertThatThrownBy(() -> Restore.restore(dir, notBackup)).isInstanceOf(BackupRefusedException.class);
        assertThat(Files.size(dir.resolve("db/huikuan.mv.db"))).isEqualTo(before);
    }

    @Test
    void rotationKeepsSevenDaysAndFourWeeksOfAutomaticBackups() throws Exception {
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        LocalDate today = LocalDate.of(2026, 11, 28); // a Saturday
        for (int d = 0; d < 60; d++) {
            for (int h : new int[]{9, 18}) {
                LocalDateTime t = today.minusDays(d).atTime(h, 0);
                Files.writeString(backups.resolve("huikuan-" + t.format(BackupService.STAMP) + "-auto.zip"), "x");
            }
        }
        Files.writeString(backups.resolve("huikuan-20250101-120000-manual.zip"), "x");
        Files.writeString(backups.resolve("huikuan-20250101-120000-pre-migration-v1.zip"), "x");
        try (DataFolder folder = DataFolder.open(dir)) {
            BackupService.rotate(folder, today);
            List<BackupService.Backup> left = BackupService.list(folder);
            Set<LocalDate> autoDays = left.stream().filter(b -> b.label().equals("auto")).map(b -> b.taken().toLocalDate())
                    .collect(Collectors.toSet());
            // the newest of each of the last 7 days (22–28 Nov), plus the newest of each of the last 4 ISO weeks
            // (Monday to Sunday): 23–29 Nov → 28th, 16–22 Nov → 22nd, 9–15 Nov → 15th, 2–8 Nov → 8th
            assertThat(autoDays).containsExactlyInAnyOrder(today, today.minusDays(1), today.minusDays(2), today.minusDays(3),
                    today.minusDays(4), today.minusDays(5), today.minusDays(6), LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 8));
            assertThat(left.stream().filter(b -> b.label().equals("auto")).allMatch(b -> b.taken().getHour() == 18)).isTrue();
            assertThat(left).extracting(BackupService.Backup::label).contains("manual", "pre-migration-v1");
        }
    }

    @Test
    void aSecondBackupInTheSameSecondKeepsItsLabelAndCountsAsTheNewer() throws Exception {
        // Database.backup names it "…-auto.2.zip"; read as label "auto.2" it escaped rotation and the daily check
        Path backups = dir.resolve("backups");
        Files.createDirectories(backups);
        LocalDate today = LocalDate.of(2026, 11, 28);
        String second = today.atTime(9, 0).format(BackupService.STAMP);
        Files.writeString(backups.resolve("huikuan-" + second + "-auto.zip"), "x");
        Files.writeString(backups.resolve("huikuan-" + second + "-auto.2.zip"), "x");
        Files.writeString(backups.resolve("huikuan-" + today.minusDays(40).atTime(9, 0).format(BackupService.STAMP) + "-auto.2.zip"), "x");
        try (DataFolder folder = DataFolder.open(dir)) {
            assertThat(BackupService.list(folder)).extracting(BackupService.Backup::label).containsOnly("auto");
            assertThat(BackupService.list(folder).get(0).zip().getFileName().toString()).endsWith("-auto.2.zip");
            BackupService.rotate(folder, today);
            assertThat(BackupService.list(folder)).singleElement().satisfies(b -> {
                assertThat(b.zip().getFileName().toString()).isEqualTo("huikuan-" + second + "-auto.2.zip");
                assertThat(b.seq()).isEqualTo(2);
            });
        }
    }

    private void pay(Books books) {
        long sale = books.receivables().page(ListQuery.first(10).withText("建材")).rows().get(0).id();
        books.receivables().addPayment(sale, new Payment(null, LocalDate.of(2026, 11, 27),
                Money.of("1"), Payment.Channel.CASH), false);
    }

    private List<Path> backupZips() {
        return BackupService.list(dir.resolve("backups")).stream().map(BackupService.Backup::zip).toList();
    }

    @Test
    void theBackupOnExitIsSkippedOnlyWhileABackupHoldsExactlyTheBooksData() throws Exception {
        // (one fixed clock: every automatic backup is of the same day, so rotation keeps only the newest of them)
        Path marker = dir.resolve("db/huikuan.backed-up");
        Path first;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            first = books.backups().onExit();
        }
        assertThat(first).exists();
        assertThat(marker).as("the close records that the backup holds the data").exists();

        // only looked at: the backup on exit is the one before
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(marker).as("used up when the books open: a crash from here on leaves none").doesNotExist();
            assertThat(books.receivables().page(ListQuery.first(10)).rows()).isNotEmpty();
            assertThat(books.backups().onExit()).isEqualTo(first);
        }
        assertThat(backupZips()).containsExactly(first);

        // a payment: a new backup
        Path second;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            pay(books);
            second = books.backups().onExit();
        }
        assertThat(second).isNotEqualTo(first).exists();
        assertThat(backupZips()).containsExactly(second);

        // a backup taken while open (the daily one, a manual one) counts, as long as nothing changes after it
        Path manual;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            manual = books.backups().backupNow("manual");
            assertThat(books.backups().onExit()).isEqualTo(manual);
            pay(books);
            assertThat(books.backups().onExit()).isNotIn(manual, second).exists();
        }
        Path third = backupZips().get(0);
        assertThat(backupZips()).containsExactlyInAnyOrder(third, manual);

        // the file changed since that close (copied over, opened by something else): the marker no longer matches
        Path file = dir.resolve("db/huikuan.mv.db");
        assertThat(marker).exists();
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 1000));
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.backups().onExit()).isNotEqualTo(third);
        }
        Path fourth = backupZips().get(0);
        assertThat(fourth).isNotEqualTo(third);

        // a restore puts another file in place: the marker goes with the old one
        assertThat(marker).exists();
        Restore.restore(dir, manual);
        assertThat(marker).doesNotExist();
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.backups().onExit()).isNotIn(manual, fourth).exists();
        }
        Path fifth = backupZips().get(0);

        // the backup the marker names is gone: a new one
        Files.delete(fifth);
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.backups().onExit()).exists();
        }
        assertThat(backupZips().get(0)).isNotIn(fourth, fifth).exists();
    }

    @Test
    void dailyBackupIsTakenOncePerDay() {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            assertThat(books.backups().dailyIfDue()).isNotNull();
            assertThat(books.backups().dailyIfDue()).isNull();
        }
    }

    @Test
    void theNextDaysBackupIsSkippedWhileTheLastClosesBackupHoldsTheData() {
        Clock nextDay = Clock.offset(TestClock.fixed(), Duration.ofDays(1));
        Clock dayAfter = Clock.offset(TestClock.fixed(), Duration.ofDays(2));
        Path closed;
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
            closed = books.backups().onExit();
        }
        try (Books books = Books.open(dir, nextDay)) {
            assertThat(books.backups().dailyIfDue()).as("the same data as the last close's backup").isNull();
            pay(books);
            assertThat(books.backups().dailyIfDue()).as("changed: taken").isNotNull();
        }
        assertThat(backupZips()).hasSize(2).contains(closed);
        Path daily = backupZips().get(0);
        try (Books books = Books.open(dir, dayAfter)) { // nothing changed after that day's backup
            assertThat(books.backups().dailyIfDue()).isNull();
            assertThat(books.backups().onExit()).isEqualTo(daily);
            pay(books);
        }
        try (Books books = Books.open(dir, dayAfter)) { // a change, and a close without a backup (the command line's): none known
            assertThat(books.backups().dailyIfDue()).isNotNull();
        }
    }

    @Test
    void backupAndRestoreFromTheCommandLine() throws Exception {
        try (Books books = Books.open(dir, TestClock.fixed())) {
            SampleData.loadInto(books);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli cli = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(cli.run("backup", "--book", dir.toString())).isZero();
        String zip = out.toString(StandardCharsets.UTF_8).lines().filter(l -> l.startsWith("备份")).findFirst().orElseThrow()
                .substring("备份 Backup: ".length());
        assertThat(cli.run("restore", "--book", dir.toString(), "--from", zip)).isZero();
        assertThat(cli.run("verify", "--book", dir.toString())).isZero();
        // a new machine: the backup of the old one restored into a folder without books
        assertThat(cli.run("restore", "--book", dir.resolve("new-pc").toString(), "--from", zip)).as(() -> err.toString(StandardCharsets.UTF_8)).isZero();
        // the zip holds the database; the evidence files come from the evidence/ pool beside it (a backups folder copied over)
        assertThat(cli.run("verify", "--book", dir.resolve("new-pc").toString())).isZero();
        assertThat(cli.run("restore", "--book", dir.toString(), "--from", dir.resolve("none.zip").toString())).isEqualTo(2);
    }
}
