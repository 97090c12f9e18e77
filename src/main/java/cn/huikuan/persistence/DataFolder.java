package cn.huikuan.persistence;

import cn.huikuan.storage.DataFolderException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.slf4j.LoggerFactory;

/**
 * The folder that holds one user's books: the H2 database, the evidence store, backups and settings.
 * While the app uses it, it holds an exclusive lock on {@code huikuan.lock} so that a second copy of the
 * app refuses to open the same books instead of corrupting them.
 */
public final class DataFolder implements AutoCloseable {
    public static final String PROPERTY = "huikuan.data";
    public static final String ENV = "HUIKUAN_DATA";

    private final Path root;
    private FileChannel lockChannel;
    private FileLock lock;

    private DataFolder(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    /**
     * The folder chosen by {@code -Dhuikuan.data}, {@code HUIKUAN_DATA}, the user's choice in the app
     * (remembered in {@link #pointerFile()}), or the OS's per-user default.
     */
    public static Path defaultLocation() {
        String prop = System.getProperty(PROPERTY);
        if (prop != null && !prop.isBlank()) return Path.of(prop);
        String env = System.getenv(ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        Path os = osDefault();
        try {
            Path pointer = pointerFile();
            if (Files.isRegularFile(pointer)) {
                String chosen = Files.readString(pointer, StandardCharsets.UTF_8).strip();
                if (!chosen.isEmpty()) return Path.of(chosen);
            }
        } catch (IOException | InvalidPathException ignored) {
            // an unreadable pointer falls back to the default folder, which then shows the welcome again
        }
        return os;
    }

    /** Whether the folder comes from {@code -Dhuikuan.data} or {@code HUIKUAN_DATA} (then the app does not offer to move it). */
    public static boolean fixedByEnvironment() {
        String prop = System.getProperty(PROPERTY);
        String env = System.getenv(ENV);
        return (prop != null && !prop.isBlank()) || (env != null && !env.isBlank());
    }

    /** The OS's per-user application-data folder for Huikuan. */
    public static Path osDefault() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path home = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : home.resolve("AppData").resolve("Roaming")).resolve("Huikuan");
        }
        if (os.contains("mac")) return home.resolve("Library").resolve("Application Support").resolve("Huikuan");
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local").resolve("share")).resolve("Huikuan");
    }

    /**
     * This computer's folder for one office book (team mode, issue 22) as one staff member: settings, the journal's
     * anchors and copies of the server's evidence files, never the book's records. Beside the OS's default data folder
     * ({@code Huikuan-office/HOST_PORT_DB/SCHEMA/LOGIN}), not inside any books' folder, whose backups and restores it is
     * no part of.
     */
    public static Path officeLocation(String url, String schema, String login) {
        String server = url.replaceFirst("^jdbc:postgresql://", "").replaceFirst("\\?.*$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return osDefault().resolveSibling(osDefault().getFileName() + "-office").resolve(server)
                .resolve(schema.replaceAll("[^A-Za-z0-9_]", "_")).resolve(login.replaceAll("[^A-Za-z0-9._-]", "_"));
    }

    /** Where the user's choice of another data folder is remembered: a one-line file in the OS default folder. */
    public static Path pointerFile() {
        return osDefault().resolve("data-folder.txt");
    }

    /** Remembers {@code folder} as the data folder for the next starts (the OS default clears the choice). */
    public static void remember(Path folder) throws IOException {
        Path abs = folder.toAbsolutePath().normalize();
        Files.createDirectories(osDefault());
        if (abs.equals(osDefault().toAbsolutePath().normalize())) {
            Files.deleteIfExists(pointerFile());
        } else {
            Files.writeString(pointerFile(), abs + System.lineSeparator(), StandardCharsets.UTF_8);
        }
    }

    /** Whether {@code root} already holds books (a database file), without creating or locking anything. */
    public static boolean holdsBooks(Path root) {
        return Files.isRegularFile(root.resolve("db").resolve("huikuan.mv.db"));
    }

    /** Whether the books in {@code root} are password-protected (the database file starts with H2's encryption header). */
    public static boolean isEncrypted(Path root) {
        Path file = root.resolve("db").resolve("huikuan.mv.db");
        if (!Files.isRegularFile(file)) return false;
        try (InputStream in = Files.newInputStream(file)) {
            return startsEncrypted(in);
        } catch (IOException e) {
            return false; // unreadable: opening it will say why
        }
    }

    /** Whether an H2 database file's bytes start with the header of an AES-encrypted file ({@code H2encrypt}). */
    public static boolean startsEncrypted(InputStream in) throws IOException {
        byte[] head = in.readNBytes(ENCRYPTED_HEADER.length);
        return Arrays.equals(head, ENCRYPTED_HEADER);
    }

    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);

    /**
     * Creates the folder if needed and takes its lock.
     *
     * @throws DataFolderException with a user-facing reason when the folder cannot be used
     */
    public static DataFolder open(Path root) {
        DataFolder f = new DataFolder(root);
        try {
            Files.createDirectories(f.root);
            Files.createDirectories(f.evidenceDir());
            Files.createDirectories(f.backupDir());
        } catch (IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, f.root, e);
        }
        if (!Files.isWritable(f.root)) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, f.root, null);
        }
        ownerOnly(f.root);
        try {
            f.lockChannel = FileChannel.open(f.root.resolve("huikuan.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            f.lock = f.lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            f.lock = null;
        } catch (IOException e) {
            f.closeQuietly();
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, f.root, e);
        }
        if (f.lock == null) {
            f.closeQuietly();
            throw new DataFolderException(DataFolderException.Reason.IN_USE, f.root, null);
        }
        return f;
    }

    private static final Set<PosixFilePermission> OWNER_DIR =
            PosixFilePermissions.fromString("rwx------");

    /**
     * The folder holds other people's ID numbers and debts: on Linux and macOS it is for its user alone (issue 24). A
     * folder that is not yet (a new one, or one from an older version: files 0644, evidence 0444, folders 0755) is
     * tightened once, everything in it: folders 0700, files keep only their owner's bits (0600, evidence 0400). Files
     * made later inside it need nothing more: no one else can enter the folder. Where permissions cannot be set (a
     * Windows or FAT/exFAT drive, a folder owned by someone else) it is left as it is.
     */
    static void ownerOnly(Path root) {
        try {
            if (!root.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
            if (Files.getPosixFilePermissions(root).equals(OWNER_DIR)) return;
            try (var all = Files.walk(root)) {
                for (Path p : (Iterable<Path>) all::iterator) {
                    if (Files.isSymbolicLink(p)) continue;
                    var perms = Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS);
                    var own = EnumSet.noneOf(PosixFilePermission.class);
                    for (var x : perms) if (x.name().startsWith("OWNER_")) own.add(x);
                    if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) own.addAll(OWNER_DIR);
                    if (!own.equals(perms)) Files.setPosixFilePermissions(p, own);
                }
            }
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LoggerFactory.getLogger(DataFolder.class).warn("Could not make {} private to its user: {}", root, e.toString());
        }
    }

    public Path root() { return root; }
    public Path databaseBase() { return root.resolve("db").resolve("huikuan"); }
    public Path databaseFile() { return root.resolve("db").resolve("huikuan.mv.db"); }
    public Path evidenceDir() { return root.resolve("evidence"); }
    /**
     * Written when the app closes books whose data is in a backup (the zip's name, and the database file's size and
     * time as closed); read and removed when they open. See {@link Database#unchangedBackup()}.
     */
    public Path backedUpMarker() { return root.resolve("db").resolve("huikuan.backed-up"); }
    public Path backupDir() { return root.resolve("backups"); }
    public Path settingsFile() { return root.resolve("settings.properties"); }

    private void closeQuietly() {
        try {
            if (lockChannel != null) lockChannel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }

    @Override
    public void close() {
        try {
            if (lock != null && lock.isValid()) lock.release();
        } catch (IOException ignored) {
            // the channel close below releases it too
        }
        closeQuietly();
    }
}
