package cn.huikuan.persistence;

import cn.huikuan.storage.DatabaseKey;
import cn.huikuan.storage.BackupRefusedException;
import cn.huikuan.storage.DataFolderException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.io.EOFException;
import java.time.Instant;
import java.util.zip.ZipException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Restores a backup zip with the books closed (the folder lock is held, so the app cannot be using them).
 * <p>
 * A backup comes from outside as often as not ("your old PC", "your bookkeeper"), and H2 runs what a database file
 * defines when it opens it. So the database in the zip is never put in place or opened as the books: it is unpacked
 * into {@code db/restoring/}, checked and read at the storage level, and a new book is built from the app's own
 * migrations with only its data ({@link BackupLoader}). Only when that succeeded is the current database set aside in
 * {@code backups/} as "before-restore" (a restore can itself be undone) and the new one moved into place. Whatever
 * fails, the books stay as they were and {@code db/restoring/} is removed. Evidence files the restored books need are
 * copied back from the backup pool (and from an {@code evidence/} folder beside the zip: a backups folder brought from
 * another computer), each checked against its SHA-256 name.
 */
public final class Restore {
    /** Looked up when something is logged: a run that logs nothing never sets up logging (issue 25, start of verify). */
    private static Logger log() {
        return LoggerFactory.getLogger(Restore.class);
    }
    /** The database of a zip is refused beyond this uncompressed size when the zip does not say its size. */
    static final long UNDECLARED_LIMIT = 64L << 30;
    /** Free space kept beyond what the restore needs. */
    static final long SPARE_BYTES = 64L << 20;
    /** Smaller than two of H2's file header blocks: not a database. */
    static final long SMALLEST_DATABASE = 8192;

    /** Free bytes to assume instead of the disk's (tests), or -1. */
    private static volatile long freeSpaceOverride = -1;

    private Restore() {
    }

    /** Makes restores see {@code bytes} free ({@code -1}: the real figure); returns the previous setting. For tests. */
    public static long freeSpaceForTests(long bytes) {
        long was = freeSpaceOverride;
        freeSpaceOverride = bytes;
        return was;
    }

    /** Restores an unencrypted backup, or one that opens without a password. @return where the previous database now is */
    public static Path restore(Path root, Path zip) {
        return restore(root, zip, null, s -> { });
    }

    /**
     * @param key      the password the backup was taken under, if it has one (ignored otherwise)
     * @param progress told which step or table is being restored
     * @return where the database as it was before the restore now is (null if there was none)
     * @throws BackupRefusedException  the backup is not restored, with the reason; nothing changed
     * @throws DataFolderException     {@code IN_USE}, {@code PASSWORD_REQUIRED}, {@code WRONG_PASSWORD}, {@code NOT_WRITABLE}
     */
    public static Path restore(Path root, Path zip, DatabaseKey key, Consumer<String> progress) {
        checkFile(zip);
        try (DataFolder folder = DataFolder.open(root)) {
            Path work = workDir(folder);
            removeLeftovers(folder);
            try {
                Files.createDirectories(work);
                Path incoming = work.resolve("incoming.mv.db");
                progress.accept("unpack");
                unpack(zip, incoming, work);
                boolean encrypted;
                try (InputStream in = Files.newInputStream(incoming)) {
                    encrypted = DataFolder.startsEncrypted(in);
                }
                if (encrypted && key == null) throw new DataFolderException(DataFolderException.Reason.PASSWORD_REQUIRED, root, null);
                DatabaseKey useKey = encrypted ? key : null;
                if (encrypted) checkKey(incoming, useKey, root);
                Path fresh = work.resolve("huikuan");
                BackupLoader.Loaded loaded = BackupLoader.load(incoming, useKey, fresh, zip, progress);
                Files.delete(incoming);
                log().info("Backup {} (schema V{}) read into new books: {} rows {}", zip, loaded.version(), loaded.total(), loaded.rows());
                progress.accept("swap");
                Path aside = swapIn(folder, Path.of(fresh + ".mv.db"), "before-restore");
                // the journal goes back to the backup's: anchors recorded since no longer hold; the backup's own do
                JournalAnchors.recordRestore(root, Instant.now(), zip.getFileName().toString(), JournalAnchors.inZip(zip));
                copyEvidenceChecked(folder.backupDir().resolve("evidence"), folder.evidenceDir());
                // a backups folder brought from another computer has its evidence pool beside the zip
                Path besideZip = zip.toAbsolutePath().getParent().resolve("evidence");
                if (!besideZip.normalize().equals(folder.backupDir().resolve("evidence").toAbsolutePath().normalize())
                        && Files.isDirectory(besideZip, LinkOption.NOFOLLOW_LINKS)) {
                    copyEvidenceChecked(besideZip, folder.evidenceDir());
                }
                return aside;
            } catch (IOException e) {
                if (e.getMessage() != null && (e.getMessage().contains("No space left") || e.getMessage().contains("not enough space"))) {
                    throw new BackupRefusedException(BackupRefusedException.Reason.NO_SPACE, zip, e.getMessage(), e);
                }
                throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, root, e);
            } finally {
                removeLeftovers(folder);
            }
        }
    }

    /** Refuses what is not a regular file of its own (a link, a folder, nothing). */
    private static void checkFile(Path zip) {
        if (Files.isSymbolicLink(zip)) throw new BackupRefusedException(BackupRefusedException.Reason.LINK, zip, null);
        if (!Files.isRegularFile(zip, LinkOption.NOFOLLOW_LINKS)) throw new BackupRefusedException(BackupRefusedException.Reason.NOT_FOUND, zip, null);
    }

    /**
     * Unpacks the zip's {@code huikuan.mv.db} into {@code target}: refused when the zip is none, has no database, is
     * empty, is larger than it says (a bomb) or than the free space allows.
     */
    static void unpack(Path zip, Path target, Path work) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry entry = z.getEntry("huikuan.mv.db");
            if (entry == null || entry.isDirectory()) throw new BackupRefusedException(BackupRefusedException.Reason.NO_DATABASE, zip, null);
            long declared = entry.getSize();
            if (declared == 0) throw new BackupRefusedException(BackupRefusedException.Reason.EMPTY, zip, null);
            long free = freeSpaceOverride >= 0 ? freeSpaceOverride : Files.getFileStore(work).getUsableSpace();
            long limit = declared > 0 ? declared : Math.min(UNDECLARED_LIMIT, free / 2);
            // the unpacked file and the new books built from it (no larger than the file), and some spare
            if (declared > 0 && free < 2 * declared + SPARE_BYTES) {
                throw new BackupRefusedException(BackupRefusedException.Reason.NO_SPACE, zip,
                        "needs " + mib(2 * declared + SPARE_BYTES) + " MiB, " + mib(free) + " MiB free");
            }
            long n = 0;
            try (InputStream in = z.getInputStream(entry); OutputStream out = Files.newOutputStream(target)) {
                byte[] buf = new byte[1 << 16];
                for (int r; (r = in.read(buf)) > 0; ) {
                    n += r;
                    if (n > limit) {
                        throw new BackupRefusedException(declared > 0 ? BackupRefusedException.Reason.TOO_LARGE : BackupRefusedException.Reason.NO_SPACE,
                                zip, "more than " + mib(limit) + " MiB");
                    }
                    out.write(buf, 0, r);
                }
            } catch (ZipException | EOFException e) {
                throw new BackupRefusedException(BackupRefusedException.Reason.UNREADABLE, zip, e.getMessage(), e);
            }
            if (n == 0) throw new BackupRefusedException(BackupRefusedException.Reason.EMPTY, zip, null);
            if (n < SMALLEST_DATABASE || (declared > 0 && n != declared)) {
                throw new BackupRefusedException(BackupRefusedException.Reason.UNREADABLE, zip, n + " bytes");
            }
        } catch (ZipException e) {
            throw new BackupRefusedException(BackupRefusedException.Reason.NOT_A_ZIP, zip, e.getMessage(), e);
        }
    }

    private static long mib(long bytes) {
        return (bytes + (1 << 20) - 1) >> 20;
    }

    /** An encrypted file the key does not open is the wrong password (or a damaged file: the message says both). */
    private static void checkKey(Path file, DatabaseKey key, Path root) {
        try {
            IsolatedStore.meta(file, BackupLoader.filePassword(file, key, file));
        } catch (RuntimeException e) {
            throw new DataFolderException(DataFolderException.Reason.WRONG_PASSWORD, root, e);
        }
    }

    private static Path workDir(DataFolder folder) {
        return folder.databaseFile().resolveSibling("restoring");
    }

    /**
     * Removes what an interrupted restore left: {@code db/restoring/} and an older version's {@code huikuan.mv.db.restoring}.
     * Call with the folder lock held.
     */
    static void removeLeftovers(DataFolder folder) {
        Path work = workDir(folder);
        try {
            Files.deleteIfExists(folder.databaseFile().resolveSibling("huikuan.mv.db.restoring"));
            if (Files.isDirectory(work, LinkOption.NOFOLLOW_LINKS)) {
                try (var files = Files.list(work)) {
                    for (Path p : files.toList()) Files.deleteIfExists(p);
                }
                Files.deleteIfExists(work);
            }
        } catch (IOException e) {
            log().warn("Could not remove what a restore left in {}: {}", work, e.getMessage());
        }
    }

    /**
     * Moves {@code file} (a complete database) into place; the current database is moved into {@code backups/} named
     * with {@code asideLabel}. Returns where it went (null if there was none).
     */
    private static Path swapIn(DataFolder folder, Path file, String asideLabel) throws IOException {
        Path dbFile = folder.databaseFile();
        Files.deleteIfExists(folder.backedUpMarker()); // it speaks of the file being replaced
        Path aside = null;
        if (Files.exists(dbFile)) {
            aside = asidePath(folder, asideLabel);
            Files.move(dbFile, aside);
        }
        Files.move(file, dbFile, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }

    private static Path asidePath(DataFolder folder, String asideLabel) throws IOException {
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.createDirectories(folder.backupDir());
        Path aside = folder.backupDir().resolve("huikuan-" + stamp + "-" + asideLabel + ".mv.db");
        for (int n = 2; Files.exists(aside); n++) {
            aside = folder.backupDir().resolve("huikuan-" + stamp + "-" + asideLabel + "." + n + ".mv.db");
        }
        return aside;
    }

    /** Copies back the evidence files the pool has and the store lacks, each only if its bytes match its SHA-256 name. */
    static void copyEvidenceChecked(Path pool, Path store) throws IOException {
        int refused = EvidenceStore.copyMissing(pool, store);
        if (refused > 0) log().warn("{} evidence file(s) in the backup pool did not match their SHA-256 and were not restored", refused);
    }

    /**
     * Puts back the backup this app took of these very books a moment ago, before a migration that then failed
     * ({@link Database}): that backup never left the folder, so its file is put in place as it is. A zip from
     * anywhere else goes through {@link #restore}. The current file is moved into {@code backups/} named with
     * {@code asideLabel}. Returns where it went.
     */
    static Path putBackOwnPreMigrationBackup(DataFolder folder, Path zip, String asideLabel) throws IOException {
        Path work = workDir(folder);
        Files.createDirectories(work);
        Path incoming = work.resolve("huikuan.mv.db");
        try {
            try (ZipFile z = new ZipFile(zip.toFile()); var in = z.getInputStream(z.getEntry("huikuan.mv.db"))) {
                Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
            }
            return swapIn(folder, incoming, asideLabel);
        } finally {
            removeLeftovers(folder);
        }
    }
}
