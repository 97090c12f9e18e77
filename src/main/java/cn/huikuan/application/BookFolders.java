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

    /**
     * The office book opened last from this data folder's window (team mode, issue 22): its server, login and book, so
     * that the next start offers it again. Never a password: the window asks for it at each start.
     */
    public record OfficePlace(String url, String login, String schema, String name, String language) {
        public OfficePlace {
            if (url == null || url.isBlank() || login == null || login.isBlank() || schema == null || schema.isBlank()) {
                throw new IllegalArgumentException("an office book needs its server, login and book");
            }
        }
    }

    /** The file that remembers the office book ({@link #rememberOffice}), in the data folder beside its settings. */
    static final String OFFICE_FILE = "office-book.properties";

    /** The office book to offer at the next start from {@code folder}, if one was opened last; empty if none or unreadable. */
    public static java.util.Optional<OfficePlace> rememberedOffice(Path folder) {
        Path file = folder.resolve(OFFICE_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) return java.util.Optional.empty();
        java.util.Properties p = new java.util.Properties();
        try (var in = java.nio.file.Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
            return java.util.Optional.of(new OfficePlace(p.getProperty("url"), p.getProperty("login"), p.getProperty("book"), p.getProperty("name"),
                    p.getProperty("language")));
        } catch (IOException | IllegalArgumentException e) {
            org.slf4j.LoggerFactory.getLogger(BookFolders.class).warn("Ignoring {}: {}", file, e.toString());
            return java.util.Optional.empty();   // a damaged file: this computer's books open, as without it
        }
    }

    /** Remembers {@code place} as the office book to offer at the next start from {@code folder} (no password is written). */
    public static void rememberOffice(Path folder, OfficePlace place) throws IOException {
        java.nio.file.Files.createDirectories(folder);
        java.util.Properties p = new java.util.Properties();
        p.setProperty("url", place.url());
        p.setProperty("login", place.login());
        p.setProperty("book", place.schema());
        if (place.name() != null) p.setProperty("name", place.name());
        if (place.language() != null) p.setProperty("language", place.language());   // the start's question is asked in it
        Path tmp = folder.resolve(OFFICE_FILE + ".tmp");
        try (var out = java.nio.file.Files.newBufferedWriter(tmp, java.nio.charset.StandardCharsets.UTF_8)) {
            p.store(out, "Huikuan: the office book the next start offers (issue 22); no password is kept here");
        }
        java.nio.file.Files.move(tmp, folder.resolve(OFFICE_FILE), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The next start from {@code folder} opens this computer's books (the user went back to them). */
    public static void forgetOffice(Path folder) throws IOException {
        java.nio.file.Files.deleteIfExists(folder.resolve(OFFICE_FILE));
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
