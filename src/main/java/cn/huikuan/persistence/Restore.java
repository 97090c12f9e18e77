package cn.huikuan.persistence;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Puts a backup zip back in place of the database, with the books closed (the folder lock is held, so the
 * app cannot be using them). The current database is first moved aside into {@code backups/} as
 * "before-restore", so a restore can itself be undone. Evidence files the restored books need are copied
 * back from the backup pool.
 */
public final class Restore {
    private Restore() {
    }

    /** @return where the database as it was before the restore now is */
    public static Path restore(Path root, Path zip) {
        if (!Files.isRegularFile(zip)) throw new IllegalArgumentException("backup not found / 找不到备份: " + zip);
        try (ZipFile z = new ZipFile(zip.toFile())) {
            ZipEntry entry = z.getEntry("huikuan.mv.db");
            if (entry == null) throw new IllegalArgumentException("not a Huikuan backup (no huikuan.mv.db) / 不是回款助手的备份: " + zip);
        } catch (IOException e) {
            throw new IllegalArgumentException("backup unreadable / 备份文件无法读取: " + zip, e);
        }
        try (DataFolder folder = DataFolder.open(root)) {
            Path aside = putBack(folder, zip, "before-restore");
            EvidenceStore.copyMissing(folder.backupDir().resolve("evidence"), folder.evidenceDir());
            return aside;
        } catch (IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, root, e);
        }
    }

    /**
     * Puts the database of backup {@code zip} in place in a folder whose lock the caller holds (the database
     * closed); the current file is moved into {@code backups/} named with {@code asideLabel}. Returns where it went.
     */
    static Path putBack(DataFolder folder, Path zip, String asideLabel) throws IOException {
        Path dbFile = folder.databaseFile();
        Files.deleteIfExists(folder.backedUpMarker()); // it speaks of the file being replaced (its size and time would differ anyway)
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path aside = folder.backupDir().resolve("huikuan-" + stamp + "-" + asideLabel + ".mv.db");
        for (int n = 2; Files.exists(aside); n++) {
            aside = folder.backupDir().resolve("huikuan-" + stamp + "-" + asideLabel + "." + n + ".mv.db");
        }
        Path incoming = dbFile.resolveSibling("huikuan.mv.db.restoring");
        try (ZipFile z = new ZipFile(zip.toFile()); var in = z.getInputStream(z.getEntry("huikuan.mv.db"))) {
            Files.createDirectories(dbFile.getParent());
            Files.copy(in, incoming, StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.exists(dbFile)) Files.move(dbFile, aside);
        Files.move(incoming, dbFile, StandardCopyOption.ATOMIC_MOVE);
        return aside;
    }
}
