package cn.huikuan.application;

import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.pdf.CourtImages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * Keeps the court images of photos ({@link CourtImages}, issue 4) in {@code derived/} of the data folder, with
 * each file's SHA-256 in the {@code court_image} table (migration V8): a derived file that was changed or
 * damaged no longer matches and is made again from the original, never used. Made when a photo is imported
 * ({@link #prepare}) and by any bundle that finds one missing. Derived files are not backed up (they can be
 * made again) and are deleted with their original when a debtor's data is erased.
 */
public final class CourtImageStore implements CourtImages {
    private static final Logger LOG = LoggerFactory.getLogger(CourtImageStore.class);
    private final Books books;

    CourtImageStore(Books books) {
        this.books = books;
    }

    private Path dir() {
        return books.db().folder().root().resolve("derived");
    }

    Path pathOf(String originalSha256) {
        return dir().resolve(originalSha256.substring(0, 2)).resolve(originalSha256 + "-" + RECIPE + ".jpg");
    }

    /** After an import: makes the court image of a photo now, so the bundle need not. Never fails the import. */
    public void prepare(EvidenceItem item, Path stored) {
        String type = item.getMediaType();
        if (type == null || !type.startsWith("image/")) return;
        try {
            if (find(item.getSha256()) != null) return;
            Image image = CourtImages.prepare(stored, type);
            if (image != null) keep(item.getSha256(), image);
        } catch (IOException | RuntimeException e) {
            LOG.warn("Court image of {} not prepared now (the bundle will try again): {}", item.getSha256(), e.toString());
        }
    }

    @Override
    public Image find(String originalSha256) {
        record Row(String sha, int w, int h) {
        }
        Row row = books.db().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256, width, height FROM court_image WHERE original_sha256 = ? AND recipe = ?")) {
                ps.setString(1, originalSha256);
                ps.setString(2, RECIPE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Row(rs.getString(1), rs.getInt(2), rs.getInt(3)) : null;
                }
            }
        });
        if (row == null) return null;
        Path file = pathOf(originalSha256);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!sha256(bytes).equals(row.sha())) {
                LOG.warn("Court image {} does not match its recorded SHA-256; made again from the original", file);
                return null;
            }
            return new Image(bytes, row.w(), row.h());
        } catch (IOException e) {
            return null; // missing or unreadable: made again from the original
        }
    }

    @Override
    public void keep(String originalSha256, Image image) {
        Path file = pathOf(originalSha256);
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), "court-", ".part");
            try {
                Files.write(tmp, image.jpeg());
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            String sha = sha256(image.jpeg());
            books.db().inTransactionDo(s -> s.doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement("MERGE INTO court_image (original_sha256, recipe, sha256, width, height, size_bytes, created_at)"
                        + " KEY (original_sha256, recipe) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, originalSha256);
                    ps.setString(2, RECIPE);
                    ps.setString(3, sha);
                    ps.setInt(4, image.width());
                    ps.setInt(5, image.height());
                    ps.setLong(6, image.jpeg().length);
                    ps.setObject(7, OffsetDateTime.ofInstant(books.clock().instant(), ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Court image of {} not kept: {}", originalSha256, e.toString());
        }
    }

    /** Deletes the court images of an original (every recipe), file and record: part of erasing a debtor's data. */
    void forget(String originalSha256) {
        try (var files = Files.list(dir().resolve(originalSha256.substring(0, 2)))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(originalSha256 + "-")).toList()) Files.deleteIfExists(p);
        } catch (java.nio.file.NoSuchFileException e) {
            // none kept
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        books.db().inTransactionDo(s -> s.createNativeMutationQuery("DELETE FROM court_image WHERE original_sha256 = :h")
                .setParameter("h", originalSha256).executeUpdate());
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
