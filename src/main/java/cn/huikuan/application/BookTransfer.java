package cn.huikuan.application;

import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.persistence.BookCopy;
import cn.huikuan.persistence.DataFolder;
import cn.huikuan.persistence.Database;
import cn.huikuan.persistence.OfficeServer;
import cn.huikuan.storage.DatabaseKey;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Moving books between a PC and the office's server (issue 22: {@code team push} and {@code team pull}). Every
 * record, evidence file and journal entry arrives (ids kept, {@link BookCopy}), and the move is checked: the journal of
 * every book in the folder is verified before the copy on the giving side and after it on the receiving side, and
 * must end at the same head with the same number of entries. A side that does not verify is refused before anything
 * is copied; a copy that fails leaves nothing on the receiving side.
 */
public final class BookTransfer {
    private BookTransfer() {
    }

    /**
     * What arrived: rows per table, evidence files, and each book's journal as verified on both sides
     * ({@code name → "entries:head"}).
     */
    public record Moved(String schema, Map<String, Long> rows, int files, Map<String, String> journals) {
        Moved(String schema, BookCopy.Copied copied, Map<String, String> journals) {
            this(schema, copied.rows(), copied.files(), journals);
        }

        /** Records copied, every table together. */
        public long records() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /** The refusal of a move: the books do not verify, are not empty, or did not arrive intact. */
    public static final class TransferRefused extends RuntimeException {
        TransferRefused(String message) {
            super(message);
        }
    }

    /**
     * Copies the books in the PC folder {@code dir} into a new office book {@code name} on the server, as the office's
     * owner {@code owner}. The PC's books stay as they were.
     */
    public static Moved push(Path dir, DatabaseKey key, String url, String owner, char[] password, String name, Clock clock) {
        Map<String, String> before;
        TeamAdmin team = TeamAdmin.connect(url, owner, password);
        TeamAdmin.Book book;
        BookCopy.Copied copied;
        try (Books pc = Books.open(dir, clock, key)) {
            before = journals(pc, "本机 on this PC");
            book = team.addBook(name);
            try {
                copied = BookCopy.toServer(pc.db(), OfficeServer.dataSource(url, owner, password, TeamAdmin.Role.OWNER.group()), book.schema());
            } catch (RuntimeException e) {
                team.removeBook(book.schema());
                throw e;
            }
        }
        try (Books server = Books.openOffice(url, owner, password, book.schema(), clock)) {
            Map<String, String> after = journals(server, "服务器上 on the server");
            same(before, after);
            return new Moved(book.schema(), copied, after);
        }
    }

    /**
     * Copies the office book in {@code schema} into {@code dir}, a folder of this PC that holds no books yet (created
     * encrypted when {@code key} is given), as the staff member {@code login}. The server's book stays as it was.
     */
    public static Moved pull(String url, String login, char[] password, String schema, Path dir, DatabaseKey key, Clock clock) {
        if (DataFolder.holdsBooks(dir)) throw new TransferRefused("此文件夹已有账本，不会合并 / this folder already holds books: a copy never merges: " + dir);
        boolean existed = Files.exists(dir);
        Map<String, String> before;
        try (Books server = Books.openOffice(url, login, password, schema, clock)) {
            before = journals(server, "服务器上 on the server");
        }
        BookCopy.Copied copied;
        try {
            try (Database pc = Database.open(dir, key)) {
                copied = BookCopy.fromServer(OfficeServer.dataSource(url, login, password, null), schema, pc, clock);
            }
            try (Books pc = Books.open(dir, clock, key)) {
                Map<String, String> after = journals(pc, "本机 on this PC");
                same(before, after);
                return new Moved(schema, copied, after);
            }
        } catch (RuntimeException e) {
            removeMade(dir, existed);
            throw e;
        }
    }

    /** Each book's journal, verified ("entries:head" by the book's name); refused when one does not verify. */
    private static Map<String, String> journals(Books books, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        books.eachBook(b -> {
            AuditService.Report r = b.audit().verify(true);
            CreditorProfile p = b.creditor();
            if (!r.intact()) {
                throw new TransferRefused(where + "的账本「" + p.getName() + "」校验不通过，先运行 verify 查明原因 / the book "
                        + p.getName() + " does not verify " + where + ": run verify and find out why first (" + r.first().detail() + ")");
            }
            return out.put(p.getId() + " " + p.getName(), r.entries() + ":" + r.head());
        });
        return out;
    }

    private static void same(Map<String, String> before, Map<String, String> after) {
        if (!before.equals(after)) {
            throw new TransferRefused("复制后的记录链与原来的不一致 / the journals differ after the copy: " + before + " → " + after);
        }
    }

    /** Removes what a failed pull made in {@code dir} (the folder too, if the pull made it). */
    private static void removeMade(Path dir, boolean existed) {
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                if (p.equals(dir) && existed) continue;
                p.toFile().setWritable(true);
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            org.slf4j.LoggerFactory.getLogger(BookTransfer.class).warn("Could not remove what a failed pull left in {}: {}", dir, e.toString());
        }
    }
}
