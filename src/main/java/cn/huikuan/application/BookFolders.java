package cn.huikuan.application;

import cn.huikuan.persistence.DataFolder;
import cn.huikuan.persistence.Database;
import cn.huikuan.persistence.Restore;
import cn.huikuan.storage.DatabaseKey;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * What the window and the command line do with a data folder before or around opening its books (issue 25: they
 * used {@code cn.huikuan.persistence} directly): where the books are, whether a folder holds books and whether they
 * are password-protected, checking a folder brought in from elsewhere, changing the password, restoring a backup.
 * Each is the storage layer's own operation; this class is the one door to them.
 */
public final class BookFolders {
    private BookFolders() {
    }

    /**
     * Starts, on a daemon thread, the part of opening books that is the same for every folder: the logging set-up and
     * H2's driver (issue 25: the command line runs it while picocli reads the arguments, on the machine's other core).
     * Nothing waits for it: opening books does the same work itself when it comes first. {@code logging} false leaves the
     * logging set-up to the first message logged, if any: a command that opens books without Hibernate ({@code verify})
     * usually logs nothing, and setting up logback costs 0.1–0.2 s of CPU.
     */
    public static void warmUpInBackground(boolean logging) {
        Thread t = new Thread(() -> warmUp(logging), "books-warm-up");
        t.setDaemon(true);
        t.start();
    }

    private static void warmUp(boolean logging) {
        try {
            if (logging) org.slf4j.LoggerFactory.getILoggerFactory();
            Class.forName("org.h2.Driver", true, BookFolders.class.getClassLoader());
        } catch (ClassNotFoundException | RuntimeException | LinkageError e) {
            // only a head start: the books open the same without it
        }
    }

    /** The data folder used when none is given: the last one chosen, else the platform's default. */
    public static Path defaultLocation() {
        return DataFolder.defaultLocation();
    }

    /** Whether the data folder is fixed by {@code HUIKUAN_DATA} / {@code -Dhuikuan.data} (the user cannot choose another). */
    public static boolean fixedByEnvironment() {
        return DataFolder.fixedByEnvironment();
    }

    /** Remembers {@code folder} as the data folder for the next start. */
    public static void remember(Path folder) throws IOException {
        DataFolder.remember(folder);
    }

    public static boolean holdsBooks(Path root) {
        return DataFolder.holdsBooks(root);
    }

    public static boolean isEncrypted(Path root) {
        return DataFolder.isEncrypted(root);
    }

    /** Refuses books brought in from outside (another folder, a copy) that carry anything but the app's own schema (issue 24). */
    public static void checkBroughtIn(Path root, DatabaseKey key) {
        Database.checkBroughtIn(root, key);
    }

    /** Sets, changes or removes the books' password ({@code null} keys: none); the books must be closed. */
    public static void changePassword(Path root, DatabaseKey oldKey, DatabaseKey newKey) {
        Database.changePassword(root, oldKey, newKey);
    }

    /**
     * Restores {@code zip} into {@code root}, reading data only (issue 24); returns where the books it replaced were put
     * aside. The books must be closed.
     */
    public static Path restore(Path root, Path zip, DatabaseKey key, Consumer<String> progress) {
        return Restore.restore(root, zip, key, progress);
    }
}
