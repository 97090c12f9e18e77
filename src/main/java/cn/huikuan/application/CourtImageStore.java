package cn.huikuan.application;

import cn.huikuan.persistence.EvidenceStore;
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
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Keeps the court images of photos ({@link CourtImages}, issue 4) in {@code derived/} of the data folder, with
 * each file's SHA-256 in the {@code court_image} table (migration V8): a derived file that was changed or
 * damaged no longer matches and is made again from the original, never used. Made when a photo is imported
 * ({@link #prepare}) and by any bundle that finds one missing. Derived files are not backed up (they can be
 * made again) and are deleted with their original when a debtor's data is erased.
 */
public final class CourtImageStore implements CourtImages {
    /** Looked up when something is logged: a run that logs nothing never sets up logging (issue 25, start of verify). */
    private static Logger log() {
        return LoggerFactory.getLogger(CourtImageStore.class);
    }
    private final BookContext ctx;
    private final EvidenceStore store;

    CourtImageStore(BookContext ctx, EvidenceStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    private Path dir() {
        return ctx.db().folder().root().resolve("derived");
    }

    Path pathOf(String originalSha256) {
        return dir().resolve(originalSha256.substring(0, 2)).resolve(originalSha256 + "-" + RECIPE + ".jpg");
    }

    /** After an import: makes the court image of a photo now, so the bundle need not. Never fails the import. */
    public void prepare(EvidenceItem item, Path stored) {
        String type = item.getMediaType();
        if (type == null || !type.startsWith("image/")) return;
        try {
            if (find(item.getSha256()) == null) make(item.getSha256(), stored, type);
        } catch (IOException | RuntimeException e) {
            log().warn("Court image of {} not prepared now (the bundle will try again): {}", item.getSha256(), e.toString());
        }
    }

    @Override
    public Image find(String originalSha256) {
        record Row(String sha, int w, int h) {
        }
        Row row = ctx.db().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT sha256, width, height FROM court_image WHERE original_sha256 = ? AND recipe = ?")) {
                ps.setString(1, originalSha256);
                ps.setString(2, RECIPE);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? new Row(rs.getString(1), rs.getInt(2), rs.getInt(3)) : null;
                }
            }
        });
        if (row == null || NONE.equals(row.sha())) return null;
        Path file = pathOf(originalSha256);
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (!sha256(bytes).equals(row.sha())) {
                log().warn("Court image {} does not match its recorded SHA-256; made again from the original", file);
                return null;
            }
            return new Image(bytes, row.w(), row.h());
        } catch (IOException e) {
            return null; // missing or unreadable: made again from the original
        }
    }

    /** Marks a photo that needs no court image (small and upright already) or cannot be read: not tried again at start. */
    private static final String NONE = "none";

    private void keepNone(String originalSha256) {
        record(originalSha256, NONE, 0, 0, 0);
    }

    /**
     * Makes the court images that are missing: photos of books from before V8, photos whose kept image was lost
     * (a restored backup does not hold them) and those the recipe changed for. Run in the background after the
     * books open, newest evidence first; stops as soon as {@code stop} says so. Returns how many photos it looked at.
     * Two kinds: photos without a {@code court_image} row, then rows whose file is not in {@code derived/} (or has
     * another size): a backup holds the rows but not the derived files, so books restored into another data folder
     * have rows for images that are not there (issue 25; before, those were left to the first bundle to make).
     */
    public int prepareMissing(BooleanSupplier stop) {
        Set<String> seen = new HashSet<>(); // looked at in this run: not again, even if recording failed
        int done = withoutRow(stop, seen);
        return stop.getAsBoolean() ? done : done + withoutFile(stop, seen);
    }

    private int withoutFile(BooleanSupplier stop, Set<String> seen) {
        int done = 0;
        for (int offset = 0; !stop.getAsBoolean(); offset += 200) {
            int from = offset;
            List<String[]> page = ctx.db().withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT i.original_sha256, MAX(e.media_type), MAX(e.id) AS newest, MAX(i.size_bytes)"
                        + " FROM court_image i JOIN evidence e ON e.sha256 = i.original_sha256 WHERE i.recipe = ? AND i.sha256 <> ?"
                        + " GROUP BY i.original_sha256 ORDER BY newest DESC, i.original_sha256 LIMIT 200 OFFSET ?")) {
                    ps.setString(1, RECIPE);
                    ps.setString(2, NONE);
                    ps.setInt(3, from);
                    List<String[]> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) rows.add(new String[]{rs.getString(1), rs.getString(2), String.valueOf(rs.getLong(4))});
                    }
                    return rows;
                }
            });
            if (page.isEmpty()) return done;
            for (String[] r : page) {
                if (stop.getAsBoolean()) return done;
                if (!seen.add(r[0]) || present(pathOf(r[0]), Long.parseLong(r[2]))) continue;
                try {
                    make(r[0], store.pathOf(r[0]), r[1]);
                } catch (IOException | RuntimeException e) {
                    log().warn("Court image of {} not prepared: {}", r[0], e.toString());
                    keepNone(r[0]); // a bundle still tries again itself
                }
                done++;
            }
        }
        return done;
    }

    private static boolean present(Path file, long size) {
        try {
            return Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }

    private int withoutRow(BooleanSupplier stop, Set<String> seen) {
        int done = 0;
        while (!stop.getAsBoolean()) {
            List<String[]> batch = ctx.db().withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT e.sha256, MAX(e.media_type), MAX(e.id) AS newest FROM evidence e"
                        + " WHERE e.media_type LIKE 'image/%' AND NOT EXISTS (SELECT 1 FROM court_image i WHERE i.original_sha256 = e.sha256"
                        + " AND i.recipe = ?) GROUP BY e.sha256 ORDER BY newest DESC LIMIT 50")) {
                    ps.setString(1, RECIPE);
                    List<String[]> rows = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) rows.add(new String[]{rs.getString(1), rs.getString(2)});
                    }
                    return rows;
                }
            });
            batch.removeIf(r -> seen.contains(r[0]));
            if (batch.isEmpty()) return done;
            for (String[] r : batch) {
                if (stop.getAsBoolean()) return done;
                try {
                    make(r[0], store.pathOf(r[0]), r[1]);
                } catch (IOException | RuntimeException e) {
                    log().warn("Court image of {} not prepared: {}", r[0], e.toString());
                    keepNone(r[0]); // a bundle still tries again itself
                }
                seen.add(r[0]);
                done++;
            }
        }
        return done;
    }

    /**
     * Makes and keeps the court image of one original, or marks it as needing none: small and upright already,
     * unreadable as an image, or the original is missing (verify reports that).
     */
    private void make(String originalSha256, Path original, String mediaType) throws IOException {
        Image image = Files.isRegularFile(original) ? CourtImages.prepare(original, mediaType) : null;
        if (image != null) keep(originalSha256, image);
        else keepNone(originalSha256);
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
            record(originalSha256, sha256(image.jpeg()), image.width(), image.height(), image.jpeg().length);
        } catch (IOException | RuntimeException e) {
            log().warn("Court image of {} not kept: {}", originalSha256, e.toString());
        }
    }

    private void record(String originalSha256, String sha, int width, int height, long size) {
        try {
            ctx.db().inTransactionDo(s -> s.doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(ctx.db().dialect().upsert("court_image", List.of("original_sha256", "recipe"),
                        List.of("original_sha256", "recipe", "sha256", "width", "height", "size_bytes", "created_at")))) {
                    ps.setString(1, originalSha256);
                    ps.setString(2, RECIPE);
                    ps.setString(3, sha);
                    ps.setInt(4, width);
                    ps.setInt(5, height);
                    ps.setLong(6, size);
                    ps.setObject(7, OffsetDateTime.ofInstant(ctx.clock().instant(), ZoneOffset.UTC));
                    ps.executeUpdate();
                }
            }));
        } catch (RuntimeException e) {
            log().warn("Court image of {} not recorded: {}", originalSha256, e.toString());
        }
    }

    /** Deletes the court images of an original (every recipe), file and record: part of erasing a debtor's data. */
    void forget(String originalSha256) {
        try (var files = Files.list(dir().resolve(originalSha256.substring(0, 2)))) {
            for (Path p : files.filter(p -> p.getFileName().toString().startsWith(originalSha256 + "-")).toList()) Files.deleteIfExists(p);
        } catch (NoSuchFileException e) {
            // none kept
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ctx.db().inTransactionDo(s -> s.createNativeMutationQuery("DELETE FROM court_image WHERE original_sha256 = :h")
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
