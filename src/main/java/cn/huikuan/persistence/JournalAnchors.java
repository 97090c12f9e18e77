package cn.huikuan.persistence;

import cn.huikuan.storage.DataFolderException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;

/**
 * Anchors of the journal kept outside the database (issue 24): "book B's journal had N entries and its newest was H at
 * time T, recorded by S". The journal is a SHA-256 chain inside the database, so whoever can write the database can
 * rewrite or shorten it and recompute the chain; an anchor held elsewhere is what the rewritten chain no longer
 * extends. Anchors are kept
 * <ul>
 *   <li>in {@code journal-anchors.log} beside the books, appended (never rewritten) at every backup, every exported
 *       bundle, and every close of books whose journal grew;</li>
 *   <li>in the comment of every backup zip (it travels with the copy);</li>
 *   <li>printed in every evidence bundle (entries and head), which leaves the computer with the case.</li>
 * </ul>
 * A restore legitimately goes back to an older chain: it appends a {@code restore} line, after which only newer
 * anchors count (the older lines stay in the file as history), and re-appends the restored backup's own anchors.
 */
public final class JournalAnchors {
    public static final String FILE = "journal-anchors.log";
    private static final String COMMENT_PREFIX = "huikuan-journal-anchors v1";
    private static final Pattern ANCHOR = Pattern.compile("anchor (\\S+) book=(\\d+) entries=(\\d+) head=([0-9a-f]{64}) source=(\\S*)");

    /** Book {@code book}'s journal had {@code entries} entries, the newest with hash {@code head}, at {@code at}, seen by {@code source}. */
    public record Anchor(Instant at, long book, long entries, String head, String source) {
        String line() {
            return "anchor " + at + " book=" + book + " entries=" + entries + " head=" + head + " source=" + URLEncoder.encode(source, StandardCharsets.UTF_8);
        }

        static Anchor parse(String line) {
            Matcher m = ANCHOR.matcher(line.strip());
            if (!m.matches()) return null;
            try {
                return new Anchor(Instant.parse(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), m.group(4),
                        URLDecoder.decode(m.group(5), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                return null;
            }
        }
    }

    private JournalAnchors() {
    }

    public static Path file(Path root) {
        return root.resolve(FILE);
    }

    /** Appends {@code anchors} to the folder's anchor file and forces them to disk. */
    public static void record(Path root, List<Anchor> anchors) {
        if (anchors.isEmpty()) return;
        StringBuilder b = new StringBuilder();
        for (Anchor a : anchors) b.append(a.line()).append('\n');
        append(root, b.toString());
    }

    /** Appends the line of a restore from {@code from} and then the anchors the restored backup carried. */
    static void recordRestore(Path root, Instant at, String from, List<Anchor> restoredAnchors) {
        StringBuilder b = new StringBuilder("restore ").append(at).append(" from=").append(URLEncoder.encode(from, StandardCharsets.UTF_8)).append('\n');
        for (Anchor a : restoredAnchors) b.append(a.line()).append('\n');
        append(root, b.toString());
    }

    private static void append(Path root, String text) {
        try (FileChannel ch = FileChannel.open(file(root), StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            ch.force(true);
        } catch (IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, root, e);
        }
    }

    /** The anchors in force: those after the last restore line of the anchor file (lines that are no anchor are skipped). */
    public static List<Anchor> current(Path root) {
        List<Anchor> out = new ArrayList<>();
        Path f = file(root);
        if (!Files.isRegularFile(f)) return out;
        try {
            for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
                if (line.startsWith("restore ")) {
                    out.clear();
                    continue;
                }
                Anchor a = Anchor.parse(line);
                if (a != null) out.add(a);
            }
        } catch (IOException e) {
            throw new DataFolderException(DataFolderException.Reason.NOT_WRITABLE, root, e);
        }
        return out;
    }

    /** The newest anchor of {@code book} in force, or null. */
    public static Anchor last(Path root, long book) {
        Anchor last = null;
        for (Anchor a : current(root)) if (a.book() == book) last = a;
        return last;
    }

    /** The anchors a backup zip carries in its comment (none for zips of older versions or other programs). */
    public static List<Anchor> inZip(Path zip) {
        List<Anchor> out = new ArrayList<>();
        try (ZipFile z = new ZipFile(zip.toFile())) {
            String comment = z.getComment();
            if (comment == null || !comment.startsWith(COMMENT_PREFIX)) return out;
            for (String line : comment.split("\n")) {
                Anchor a = Anchor.parse(line);
                if (a != null) out.add(a);
            }
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    /**
     * Sets the comment of a zip with no comment (H2's {@code BACKUP TO} writes none) to the anchors: the end record's
     * comment length and the comment's bytes, a few hundred bytes written at the end of the file, not a copy of it.
     */
    public static void writeToZip(Path zip, List<Anchor> anchors) throws IOException {
        StringBuilder b = new StringBuilder(COMMENT_PREFIX).append('\n');
        for (Anchor a : anchors) b.append(a.line()).append('\n');
        byte[] comment = b.toString().getBytes(StandardCharsets.UTF_8);
        if (comment.length > 65_535) throw new IOException("too many books for a zip comment");
        try (RandomAccessFile f = new RandomAccessFile(zip.toFile(), "rw")) {
            long len = f.length();
            if (len < 22) throw new IOException("not a zip");
            byte[] end = new byte[22];
            f.seek(len - 22);
            f.readFully(end);
            ByteBuffer e = ByteBuffer.wrap(end).order(ByteOrder.LITTLE_ENDIAN);
            if (e.getInt(0) != 0x06054b50 || e.getShort(20) != 0) throw new IOException("the zip's end record is not where a zip without comment has it");
            e.putShort(20, (short) comment.length);
            f.seek(len - 22);
            f.write(end);
            f.write(comment);
            f.getFD().sync();
        }
    }
}
