package cn.huikuan.persistence;

import cn.huikuan.storage.EvidenceImportException;
import cn.huikuan.domain.StoredFile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;
import java.time.Instant;
import java.util.List;
import java.util.ArrayList;
import cn.huikuan.storage.FileIntegrity;
import cn.huikuan.storage.Sha256;
import java.nio.channels.Channels;
import java.security.DigestInputStream;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Content-addressed store for evidence files. A file is copied in (never moved: the user's original stays
 * where it was) to {@code evidence/ab/<sha256>}; the copy is written to a temporary name, flushed to disk
 * and renamed atomically, so the store never holds a half-written file under a real name. Stored files are
 * made read-only. {@link #verify} tells whether a stored file is present and unaltered.
 */
public final class EvidenceStore {
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

    private final Path root;
    private final long maxBytes;
    private final Clock clock;
    /** Where an office book's files live (its server: issue 22, decision 0014); null for a book on this computer. */
    private final Remote remote;

    public EvidenceStore(Path root, long maxBytes, Clock clock) {
        this(root, maxBytes, clock, null);
    }

    /**
     * A store whose files are kept by {@code remote} (an office book's server), {@code root} holding this computer's
     * copies of them: every file stored is sent to the server before it is reported stored; a file read is fetched
     * from the server when this computer has no good copy; {@link #verify} asks the server.
     */
    public EvidenceStore(Path root, long maxBytes, Clock clock, Remote remote) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.clock = clock;
        this.remote = remote;
    }

    /** The files of a book kept elsewhere than on this computer (an office book's server). */
    public interface Remote {
        /** Stores {@code file} (whose SHA-256 is {@code sha256}) unless it is there already. */
        void upload(String sha256, long size, Path file) throws IOException;

        /** Writes the stored file to {@code target}; false if it is not there. */
        boolean download(String sha256, Path target) throws IOException;

        /** Whether the stored file is there and unaltered (checked where it is kept). */
        FileIntegrity verify(String sha256, long expectedSize);

        /** Removes the stored file; whether it was there. */
        boolean delete(String sha256) throws IOException;
    }

    /**
     * Deletes copies left in {@code tmp/} by a crash. Call only while holding the data-folder lock, so no
     * copy can be in progress. Returns how many were removed.
     */
    public int removeLeftovers() {
        Path tmpDir = root.resolve("tmp");
        if (!Files.isDirectory(tmpDir)) return 0;
        int n = 0;
        try (var s = Files.list(tmpDir)) {
            for (Path p : s.filter(f -> f.getFileName().toString().endsWith(".part")).toList()) {
                Files.deleteIfExists(p);
                n++;
            }
        } catch (IOException e) {
            return n; // leftovers are harmless; try again next time
        }
        return n;
    }

    /**
     * Copies the stored files ({@code ab/<sha256>}) of one evidence tree that are missing from another:
     * the store into the backup pool, or the pool back into the store. Each copy goes through a
     * {@code .part} file and an atomic rename, and the copies are read-only. Files never change once
     * stored, so a file that exists is never copied again. A file whose bytes do not hash to its name (altered or
     * damaged in the source tree) is not copied; returns how many were left out that way.
     */
    public static int copyMissing(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) return 0;
        int refused = 0;
        try (var s = Files.walk(from)) {
            for (Path f : s.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList()) {
                Path rel = from.relativize(f);
                if (rel.getNameCount() != 2 || !rel.getFileName().toString().matches("[0-9a-f]{64}")) continue; // skip tmp/, .part
                Path target = to.resolve(rel);
                if (Files.exists(target)) continue;
                Files.createDirectories(target.getParent());
                Path tmp = target.resolveSibling(target.getFileName() + ".part");
                // the copy must be the file its name says: a pool file altered or damaged is left out (verify then names it missing)
                MessageDigest sha = sha256();
                try (var in = new DigestInputStream(Files.newInputStream(f, LinkOption.NOFOLLOW_LINKS), sha)) {
                    Files.copy(in, tmp, StandardCopyOption.REPLACE_EXISTING);
                }
                if (!HexFormat.of().formatHex(sha.digest()).equals(rel.getFileName().toString())) {
                    Files.deleteIfExists(tmp);
                    refused++;
                    continue;
                }
                moveIntoPlace(tmp, target);
                target.toFile().setReadOnly();
            }
        }
        return refused;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Why {@code source} cannot be stored (missing, a link, not a regular file, unreadable, empty, too
     * large), or empty if it can. Editors call this for immediate feedback; {@link #put} enforces it.
     */
    public Optional<EvidenceImportException.Reason> precheck(Path source) {
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) return Optional.of(EvidenceImportException.Reason.NOT_FOUND);
        if (Files.isSymbolicLink(source)) return Optional.of(EvidenceImportException.Reason.LINK);
        if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) return Optional.of(EvidenceImportException.Reason.NOT_A_FILE);
        if (!Files.isReadable(source)) return Optional.of(EvidenceImportException.Reason.UNREADABLE);
        long size;
        try {
            size = Files.size(source);
        } catch (IOException e) {
            return Optional.of(EvidenceImportException.Reason.UNREADABLE);
        }
        if (size == 0) return Optional.of(EvidenceImportException.Reason.EMPTY);
        if (size > maxBytes) return Optional.of(EvidenceImportException.Reason.TOO_LARGE);
        return Optional.empty();
    }

    /**
     * Copies {@code source} into the store.
     *
     * @throws EvidenceImportException when the file is missing, unreadable, empty, too large or a link
     */
    public StoredFile put(Path source) {
        return putAll(List.of(source)).get(0);
    }

    /**
     * Copies several files into the store, as {@link #put} does one (issue 23: a statement's lines, each kept as its
     * payment's evidence). Every copy is forced to disk before any is moved into place, so the disk's cache is flushed
     * once for them all rather than once per file (on this machine about 10 ms each). All or none are stored: a file
     * that cannot be copied leaves none of the others' copies behind.
     */
    public List<StoredFile> putAll(List<Path> sources) {
        for (Path source : sources) {
            precheck(source).ifPresent(reason -> {
                throw new EvidenceImportException(reason, source, null);
            });
        }
        Path tmpDir = root.resolve("tmp");
        record Copy(Path source, Path tmp, String sha, long size) {
        }
        List<Copy> copies = new ArrayList<>(sources.size());
        Path current = null;
        try {
            Files.createDirectories(tmpDir);
            for (Path source : sources) {
                current = source;
                Path tmp = tmpDir.resolve(UUID.randomUUID() + ".part");
                MessageDigest digest = sha256();
                long copied = 0;
                try (InputStream in = Files.newInputStream(source);
                     OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    copies.add(new Copy(source, tmp, null, 0));
                    byte[] buf = new byte[1 << 16];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        digest.update(buf, 0, n);
                        out.write(buf, 0, n);
                        copied += n;
                        if (copied > maxBytes) {
                            throw new EvidenceImportException(EvidenceImportException.Reason.TOO_LARGE, source, null);
                        }
                    }
                }
                if (copied == 0) throw new EvidenceImportException(EvidenceImportException.Reason.EMPTY, source, null);
                copies.set(copies.size() - 1, new Copy(source, tmp, HexFormat.of().formatHex(digest.digest()), copied));
            }
            // forced from a few threads at once: the file system commits their journal entries together
            List<Path> tmps = copies.stream().map(Copy::tmp).toList();
            IOException failed = forceAll(tmps);
            if (failed != null) throw failed;
            for (Copy c : copies) {
                current = c.source();
                Path target = cached(c.sha());
                Files.createDirectories(target.getParent());
                if (Files.exists(target) && verifyLocal(c.sha(), c.size()) == FileIntegrity.OK) {
                    Files.delete(c.tmp());
                } else {
                    if (Files.exists(target)) {
                        // a damaged copy under this name: replace it with the good one just received
                        target.toFile().setWritable(true);
                    }
                    moveIntoPlace(c.tmp(), target);
                    target.toFile().setReadOnly();
                }
                if (remote != null) remote.upload(c.sha(), c.size(), target);
            }
        } catch (EvidenceImportException e) {
            copies.forEach(c -> deleteQuietly(c.tmp()));
            throw e;
        } catch (IOException e) {
            copies.forEach(c -> deleteQuietly(c.tmp()));
            String m = String.valueOf(e.getMessage());
            EvidenceImportException.Reason r = m.contains("No space") ? EvidenceImportException.Reason.DISK_FULL
                    : e instanceof NoSuchFileException ? EvidenceImportException.Reason.NOT_FOUND
                    : EvidenceImportException.Reason.UNREADABLE;
            throw new EvidenceImportException(r, current, e);
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS); // what TIMESTAMP(6) keeps
        List<StoredFile> stored = new ArrayList<>(copies.size());
        for (Copy c : copies) {
            stored.add(new StoredFile(c.sha(), c.size(), safeFileName(c.source()), MediaTypes.sniff(cached(c.sha()), c.source().getFileName().toString()), at));
        }
        return stored;
    }

    /** Forces every file to disk, {@code FORCE_THREADS} at a time; the first failure, or null. */
    private static IOException forceAll(List<Path> files) {
        if (files.size() < 2) {
            try {
                for (Path f : files) force(f);
                return null;
            } catch (IOException e) {
                return e;
            }
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(FORCE_THREADS, files.size()), r -> {
            Thread t = new Thread(r, "evidence-force");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<?>> done = new ArrayList<>(files.size());
            for (Path f : files) done.add(pool.submit(() -> {
                force(f);
                return null;
            }));
            IOException first = null;
            for (var d : done) {
                try {
                    d.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (first == null) first = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return new IOException("interrupted", e);
                }
            }
            return first;
        } finally {
            pool.shutdown();
        }
    }

    private static final int FORCE_THREADS = 8;

    private static void force(Path f) throws IOException {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /**
     * Stores {@code content} (a file read from inside an archive: an invoice from a .zip, issue 23) as {@link #put} stores a
     * file: refused when empty or over the limit, written to {@code tmp/} and forced to disk, then renamed to its SHA-256.
     * {@code fileName} is kept as the original's name (its last path element, control characters replaced).
     */
    public StoredFile put(byte[] content, String fileName) {
        String last = fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1)
                .replaceAll("[\\p{Cntrl}:*?\"<>|]", "_");
        Path named = Path.of(last.isBlank() ? "file" : last);
        if (content.length == 0) throw new EvidenceImportException(EvidenceImportException.Reason.EMPTY, named, null);
        if (content.length > maxBytes) throw new EvidenceImportException(EvidenceImportException.Reason.TOO_LARGE, named, null);
        String sha = HexFormat.of().formatHex(sha256().digest(content));
        Path target = cached(sha);
        Path tmp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        try {
            if (!(Files.exists(target) && verifyLocal(sha, content.length) == FileIntegrity.OK)) {
                Files.createDirectories(tmp.getParent());
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(content);
                    while (b.hasRemaining()) ch.write(b);
                    ch.force(true);
                }
                Files.createDirectories(target.getParent());
                if (Files.exists(target)) target.toFile().setWritable(true);
                moveIntoPlace(tmp, target);
                target.toFile().setReadOnly();
            }
            if (remote != null) remote.upload(sha, content.length, target);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new EvidenceImportException(String.valueOf(e.getMessage()).contains("No space") ? EvidenceImportException.Reason.DISK_FULL
                    : EvidenceImportException.Reason.UNREADABLE, named, e);
        }
        return new StoredFile(sha, content.length, safeFileName(named), MediaTypes.sniff(target, named.getFileName().toString()),
                clock.instant().truncatedTo(ChronoUnit.MICROS));
    }

    private static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(tmp);
        }
    }

    /** The file name without any directory part and without control characters. */
    static String safeFileName(Path source) {
        String name = source.getFileName() == null ? "file" : source.getFileName().toString();
        name = name.replaceAll("[\\p{Cntrl}\\\\/]", "_");
        if (name.length() > 255) name = name.substring(name.length() - 255);
        return name.isBlank() ? "file" : name;
    }

    /**
     * The stored file, to read. For an office book, this computer's copy, fetched from the server first when there is
     * none (a copy whose content is not its SHA-256 is never kept: see {@link #fetch}).
     */
    public Path pathOf(String sha256) {
        Path p = cached(sha256);
        if (remote != null && !Files.isRegularFile(p)) fetch(sha256, p);
        return p;
    }

    /** Where this computer keeps the file named by {@code sha256} (for an office book, its copy of the server's). */
    private Path cached(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) throw new IllegalArgumentException("not a SHA-256: " + sha256);
        return root.resolve(sha256.substring(0, 2)).resolve(sha256);
    }

    /** Copies the server's file to {@code target}, if the server has it and its content is its name; else leaves none. */
    private void fetch(String sha256, Path target) {
        Path tmp = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        try {
            Files.createDirectories(tmp.getParent());
            if (!remote.download(sha256, tmp) || !hash(tmp).equals(sha256)) return;
            Files.createDirectories(target.getParent());
            moveIntoPlace(tmp, target);
            target.toFile().setReadOnly();
        } catch (IOException e) {
            LoggerFactory.getLogger(EvidenceStore.class).warn("Could not fetch evidence {} from the server: {}", sha256, e.toString());
        } finally {
            deleteQuietly(tmp);
        }
    }

    /**
     * Removes a stored file (an erasure on request: no record refers to it any more): this computer's copy, and for an
     * office book the server's. Whether either was there.
     */
    public boolean delete(String sha256) {
        Path p = cached(sha256);
        try {
            boolean here = false;
            if (Files.exists(p)) {
                p.toFile().setWritable(true);
                here = Files.deleteIfExists(p);
            }
            boolean there = remote != null && remote.delete(sha256);
            return here || there;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether the stored file is present and unaltered: for an office book, the server's copy, checked by the server. */
    public FileIntegrity verify(String sha256, long expectedSize) {
        return remote != null ? remote.verify(sha256, expectedSize) : verifyLocal(sha256, expectedSize);
    }

    private FileIntegrity verifyLocal(String sha256, long expectedSize) {
        Path p = cached(sha256);
        if (!Files.isRegularFile(p)) return FileIntegrity.MISSING;
        try {
            if (Files.size(p) != expectedSize) return FileIntegrity.ALTERED;
            return hash(p).equals(sha256) ? FileIntegrity.OK : FileIntegrity.ALTERED;
        } catch (IOException e) {
            return FileIntegrity.MISSING;
        }
    }

    public static String hash(Path file) throws IOException {
        return Sha256.ofFile(file);
    }

    private static MessageDigest sha256() {
        return Sha256.digest();
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // a leftover .part file is harmless: it never has a real name
        }
    }
}
