package cn.huikuan.application;

import cn.huikuan.persistence.DataFolder;
import cn.huikuan.persistence.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import cn.huikuan.persistence.EvidenceStore;
import cn.huikuan.persistence.JournalAnchors;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.DayOfWeek;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Backups of one data folder. A backup is an H2 {@code BACKUP TO} zip of the database (consistent while
 * the app runs) in {@code backups/}; the evidence files, which never change once stored, are copied into
 * one shared pool {@code backups/evidence/} (only the new ones each time). Automatic backups ("auto", on
 * exit and once a day) are rotated: the newest 7 days and the newest of each of the last 4 weeks are
 * kept. Manual, pre-migration and pre-restore backups are never deleted automatically.
 */
public final class BackupService {
    /** Looked up when something is logged: a run that logs nothing never sets up logging (issue 25, start of verify). */
    private static Logger log() {
        return LoggerFactory.getLogger(BackupService.class);
    }
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private final Database db;
    private final Clock clock;

    public BackupService(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * {@code encrypted}: the database in the zip is password-protected (it opens only with the password it was taken
     * under). {@code seq}: 1, or n for the n-th backup with the same label taken within the same second
     * ({@code …-auto.2.zip}).
     */
    public record Backup(Path zip, LocalDateTime taken, String label, boolean encrypted, int seq) {
        /** As a chooser lists it: "2026-11-28 17:33:46  auto  huikuan-20261128-173346-auto.zip", marked when it has a password. */
        @Override
        public String toString() {
            return taken.toString().replace('T', ' ') + "  " + label + "  " + zip.getFileName() + (encrypted ? "  （有密码 password）" : "");
        }
    }

    /** Takes a backup now: the database zip and any evidence files not yet in the pool. */
    public Path backupNow(String label) {
        // the journal's anchors are read before the backup, so the backup's chain extends them (entries are only appended)
        var anchors = AuditService.anchorsOf(db, clock.instant(), "backup");
        Path zip = db.backup(label, LocalDateTime.now(clock));
        copyEvidence(db.folder().evidenceDir(), evidencePool(db.folder()));
        var named = anchors.stream().map(a -> new JournalAnchors.Anchor(a.at(), a.book(), a.entries(), a.head(),
                "backup " + zip.getFileName())).toList();
        try {
            JournalAnchors.writeToZip(zip, named);
        } catch (IOException e) {
            log().warn("Could not write the journal's anchors into {}: {}", zip.getFileName(), e.toString());
        }
        try {
            JournalAnchors.record(db.folder().root(), named);
        } catch (RuntimeException e) {
            log().warn("Could not record the journal's anchors: {}", e.toString()); // the backup itself is complete
        }
        return zip;
    }

    /**
     * A backup for a folder the user chose (a USB stick, another disk): taken as {@link #backupNow} takes one (so it is
     * encrypted when the books have a password, and a copy stays in the data folder's backups), and where its copy goes.
     * {@code exists}: a file of that name is already there; {@link #copyOut} replaces it only when told to.
     */
    public record Outside(Path backup, Path target, boolean exists) {
    }

    public Outside backupFor(Path folder) {
        if (!Files.isDirectory(folder)) throw new UncheckedIOException(new NoSuchFileException(folder.toString()));
        Path zip = backupNow("manual");
        Path target = folder.resolve(zip.getFileName().toString());
        return new Outside(zip, target, Files.exists(target, LinkOption.NOFOLLOW_LINKS));
    }

    /**
     * Copies the backup to its target (a temporary file first, moved into place when whole) and the evidence files it
     * needs into {@code evidence/} beside it (only those not there yet; each checked against its SHA-256), where a restore
     * from that folder finds them ({@code Restore}). An existing file of the backup's name is replaced only when
     * {@code replace}: otherwise {@link java.nio.file.FileAlreadyExistsException} (wrapped), and nothing is written.
     */
    public Path copyOut(Outside o, boolean replace) {
        Path tmp = o.target().resolveSibling(o.target().getFileName() + ".part");
        try {
            if (!replace && Files.exists(o.target(), LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(o.target().toString());
            }
            Files.copy(o.backup(), tmp, StandardCopyOption.REPLACE_EXISTING);
            if (replace) {
                Files.move(tmp, o.target(), StandardCopyOption.REPLACE_EXISTING);
            } else {
                Files.move(tmp, o.target());            // refuses when a file of that name appeared meanwhile
            }
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the partial copy is named .part: never taken for a backup
            }
            throw new UncheckedIOException(e);
        }
        copyEvidence(db.folder().evidenceDir(), o.target().resolveSibling("evidence"));
        return o.target();
    }

    /**
     * An automatic backup if none was taken today and no backup holds exactly this data yet (the last close's, when
     * nothing changed since: a copy of the same data, ~1 minute of a core for 1,000,000 receivables, adds nothing;
     * without a new backup nothing is rotated away either), then rotation. Returns the new backup, or null.
     */
    public Path dailyIfDue() {
        if (db.onServer()) return null;   // an office book is backed up with its server (docs/team.md), not by each PC
        LocalDate today = LocalDate.now(clock);
        boolean done = list(db.folder()).stream().anyMatch(b -> b.label().equals("auto") && b.taken().toLocalDate().equals(today));
        if (done) return null;
        var same = db.unchangedBackup();
        if (same.isPresent()) {
            log().info("No daily backup: nothing changed since {}", same.get().getFileName());
            return null;
        }
        Path zip = backupNow("auto");
        rotate(db.folder(), today);
        return zip;
    }

    /**
     * Automatic backup on exit, then rotation; skipped when a backup already holds exactly this data
     * ({@link Database#unchangedBackup()}: nothing changed since the books opened after a backed-up close, or since
     * a backup taken while they were open). Returns the backup that holds the data.
     */
    public Path onExit() {
        if (db.onServer()) return null;   // as dailyIfDue
        var same = db.unchangedBackup();
        if (same.isPresent()) {
            log().info("No backup on exit: nothing changed since {}", same.get().getFileName());
            return same.get();
        }
        Path zip = backupNow("auto");
        rotate(db.folder(), LocalDate.now(clock));
        return zip;
    }

    public static Path evidencePool(DataFolder folder) {
        return folder.backupDir().resolve("evidence");
    }

    /** Backups in the folder, newest first. */
    /** These books' backups, newest first (the window's restore list). */
    public List<Backup> list() {
        return list(db.folder());
    }

    /** The unencrypted copies of protected books (backups taken before the password was set). */
    public int countUnprotected() {
        return countUnprotected(db.folder());
    }

    /** Deletes {@link #countUnprotected the unencrypted copies}; returns them. */
    public List<Path> deleteUnprotected() {
        return deleteUnprotected(db.folder());
    }

    public static List<Backup> list(DataFolder folder) {
        return list(folder.backupDir());
    }

    private static final Pattern AGAIN = Pattern.compile("(.+)\\.(\\d{1,6})");

    public static List<Backup> list(Path backupDir) {
        List<Backup> list = new ArrayList<>();
        if (!Files.isDirectory(backupDir)) return list;
        try (Stream<Path> s = Files.list(backupDir)) {
            for (Path p : s.toList()) {
                String n = p.getFileName().toString();
                if (!n.startsWith("huikuan-") || !n.endsWith(".zip") || n.length() < 31) continue;
                try {
                    LocalDateTime t = LocalDateTime.parse(n.substring(8, 23), STAMP);
                    // a second backup in the same second is "…-auto.2.zip" (Database.backup): same label, newer
                    String label = n.substring(24, n.length() - 4);
                    Matcher again = AGAIN.matcher(label);
                    int seq = 1;
                    if (again.matches()) {
                        label = again.group(1);
                        seq = Integer.parseInt(again.group(2));
                    }
                    list.add(new Backup(p, t, label, isEncrypted(p), seq));
                } catch (RuntimeException ignored) {
                    // not one of ours
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        list.sort(Comparator.comparing(Backup::taken).thenComparingInt(Backup::seq).reversed());
        return list;
    }

    /** Whether the database inside a backup zip is encrypted; false for an unreadable zip (restoring it will say why). */
    public static boolean isEncrypted(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry e = z.getEntry("huikuan.mv.db");
            if (e == null) return false;
            try (var in = z.getInputStream(e)) {
                return DataFolder.startsEncrypted(in);
            }
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Deletes the backups whose database is not password-protected, and the database copies set aside by
     * restores ({@code *-before-restore.mv.db}) that are not: offered after a password is set, because those
     * copies would otherwise keep the books readable without it. Returns what was deleted.
     */
    public static List<Path> deleteUnprotected(DataFolder folder) {
        List<Path> deleted = new ArrayList<>();
        try {
            for (Backup b : list(folder)) {
                if (!b.encrypted() && Files.deleteIfExists(b.zip())) deleted.add(b.zip());
            }
            for (Path p : unprotectedCopies(folder.backupDir())) {
                if (Files.deleteIfExists(p)) deleted.add(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    /** How many backups and set-aside copies in the folder are not password-protected. */
    public static int countUnprotected(DataFolder folder) {
        return (int) list(folder).stream().filter(b -> !b.encrypted()).count() + unprotectedCopies(folder.backupDir()).size();
    }

    private static List<Path> unprotectedCopies(Path backupDir) {
        if (!Files.isDirectory(backupDir)) return List.of();
        try (Stream<Path> s = Files.list(backupDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".mv.db")).filter(p -> {
                try (var in = Files.newInputStream(p)) {
                    return !DataFolder.startsEncrypted(in);
                } catch (IOException e) {
                    return false;
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keeps the newest automatic backup of each of the last 7 days and of each of the last 4 ISO weeks. */
    static List<Path> rotate(DataFolder folder, LocalDate today) {
        List<Backup> autos = list(folder).stream().filter(b -> b.label().equals("auto")).toList();
        Set<Path> keep = new HashSet<>();
        Set<LocalDate> days = new HashSet<>();
        Set<String> weeks = new HashSet<>();
        // the current ISO week (from Monday) and the three before it
        LocalDate firstWeekStart = today.with(DayOfWeek.MONDAY).minusWeeks(3);
        for (Backup b : autos) { // newest first
            LocalDate d = b.taken().toLocalDate();
            if (!d.isBefore(today.minusDays(6)) && days.add(d)) keep.add(b.zip());
            String week = d.get(IsoFields.WEEK_BASED_YEAR) + "-" + d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            if (!d.isBefore(firstWeekStart) && weeks.add(week)) keep.add(b.zip());
        }
        List<Path> deleted = new ArrayList<>();
        for (Backup b : autos) {
            if (!keep.contains(b.zip())) {
                try {
                    Files.deleteIfExists(b.zip());
                    deleted.add(b.zip());
                } catch (IOException ignored) {
                    // a backup we cannot delete stays; it does no harm
                }
            }
        }
        return deleted;
    }

    static void copyEvidence(Path from, Path to) {
        try {
            EvidenceStore.copyMissing(from, to);
        } catch (IOException e) {
            throw new UncheckedIOException("evidence backup failed: " + e.getMessage(), e);
        }
    }
}
