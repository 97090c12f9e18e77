package cn.huikuan.application;

import cn.huikuan.domain.AuditChain;
import cn.huikuan.domain.AuditEntry;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Payment;
import cn.huikuan.persistence.Dialect;
import cn.huikuan.persistence.EvidenceStore;
import cn.huikuan.persistence.JournalAnchors;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import cn.huikuan.persistence.Database;
import cn.huikuan.storage.FileIntegrity;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The tamper-evident journal of a book's case records. Every contact, court step, payment and evidence
 * item, and (issue 24) every receivable with its terms and schedule and every customer's identifying data, is
 * appended, in the transaction that saves it, as its canonical text chained by SHA-256 to the
 * entry before ({@link AuditChain}). {@link #verify} recomputes the chain, compares every record with its
 * journal entry and re-hashes every evidence file, and names the first thing that does not match.
 */
public final class AuditService {
    private static final int PAGE = 500;

    /**
     * The hash of the book's newest journal entry (parameter: the book). Ordered by both columns of the index
     * {@code audit_entry_book_id} (V14), named because H2's planner does not count a descending order as served
     * by an ascending index: H2 reads one entry from its end. Ordered by id alone it read and sorted the whole
     * book's journal at every journalled write (0.5 s at 200,000 entries).
     */
    static String headSql(Dialect dialect) {
        return "SELECT hash FROM audit_entry" + dialect.useIndex("audit_entry_book_id") + " WHERE creditor_id = ?"
                + " ORDER BY creditor_id DESC, id DESC LIMIT 1";
    }
    /** The journal entity of an erasure on request (content: see {@link PrivacyService}). */
    static final String ERASURE = "erasure";
    private final BookContext ctx;
    private final EvidenceStore store;

    /** {@link #PAGE}, lowered by tests so that every verify reads several pages. */
    int page = PAGE;

    AuditService(BookContext ctx, EvidenceStore store) {
        this.ctx = ctx;
        this.store = store;
    }

    /** Appends one record; call inside the transaction that persisted it. */
    void append(Session s, String entity, long id, String content) {
        s.flush();
        s.find(CreditorProfile.class, ctx.creditorId(), LockModeType.PESSIMISTIC_WRITE); // one writer at a time
        List<String> last = s.createNativeQuery(headSql(ctx.db().dialect()), String.class).setParameter(1, ctx.creditorId()).getResultList();
        String prev = last.isEmpty() ? AuditChain.GENESIS : last.get(0);
        String staff = s.doReturningWork(JournalWriter::staff);
        s.persist(new AuditEntry(ctx.creditorId(), ctx.clock().instant(), entity, id, content, prev, staff));
    }

    /** Who wrote the newest journal entry of a record and when: {staff or null, recorded_at or null}. */
    Object[] lastWriter(Session s, String entity, long id) {
        return s.doReturningWork(c -> {
            try (var ps = c.prepareStatement("SELECT staff, recorded_at FROM audit_entry WHERE entity = ? AND entity_id = ? AND creditor_id = ?"
                    + " ORDER BY id DESC LIMIT 1")) {
                ps.setString(1, entity);
                ps.setLong(2, id);
                ps.setLong(3, ctx.creditorId());
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) return new Object[2];
                    java.sql.Timestamp t = rs.getTimestamp(2);
                    return new Object[]{rs.getString(1), t == null ? null : t.toInstant()};
                }
            }
        });
    }

    void append(Session s, ContactEntry e) {
        append(s, "contact", e.getId(), AuditChain.canonical(e));
    }

    void append(Session s, Payment p) {
        append(s, "payment", p.getId(), AuditChain.canonical(p));
    }

    void append(Session s, EvidenceItem e) {
        append(s, "evidence", e.getId(), AuditChain.canonical(e));
    }

    void append(Session s, CourtEvent e) {
        append(s, "court", e.getId(), AuditChain.canonical(e));
    }

    /** A receivable with its terms and schedule, when they differ from its latest entry (issue 24). */
    void append(Session s, Receivable r) {
        appendIfChanged(s, "receivable", r.getId(), AuditChain.canonical(r));
    }

    /** A customer's identifying data, when it differs from their latest entry (issue 24). */
    void append(Session s, Customer c) {
        appendIfChanged(s, "customer", c.getId(), AuditChain.canonical(c));
    }

    /** An editor saves the whole record; the journal only needs a new entry when what a claim is made of changed. */
    private void appendIfChanged(Session s, String entity, long id, String content) {
        s.flush();
        List<String> last = s.createNativeQuery("SELECT content FROM audit_entry WHERE entity = ? AND entity_id = ? AND creditor_id = ?"
                        + " ORDER BY id DESC LIMIT 1", String.class)
                .setParameter(1, entity).setParameter(2, id).setParameter(3, ctx.creditorId()).getResultList();
        if (!last.isEmpty() && last.get(0).equals(content)) return;
        append(s, entity, id, content);
    }

    /** Level of journal_scope (V15) at which a book's receivables and customers are journalled. */
    static final int CLAIM_RECORDS = 1;

    /**
     * Books from before receivables and customers were journalled (issue 24, schema V15): journal their existing
     * receivables and customers once, so that they are protected from now on, and record that in
     * {@code journal_scope}. One primary-key lookup when there is nothing to do. Written in chunks of 1,000 entries
     * (a crash in the middle is taken up again at the next open: records that already have an entry are skipped).
     */
    void sealClaimRecords() {
        long book = ctx.creditorId();
        boolean done = ctx.db().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT level FROM journal_scope WHERE creditor_id = ?")) {
                ps.setLong(1, book);
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(1) >= CLAIM_RECORDS;
                }
            }
        });
        if (done) return;
        ctx.db().inBulkConnection(c -> {
            Timestamp now = Timestamp.from(ctx.clock().instant());
            boolean resuming;
            try (var ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE entity IN ('customer', 'receivable') AND creditor_id = ?)")) {
                ps.setLong(1, book);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    resuming = rs.getBoolean(1);
                }
            }
            try (var has = c.prepareStatement("SELECT 1 FROM audit_entry WHERE entity = ? AND entity_id = ? AND creditor_id = ? LIMIT 1")) {
                BiPredicate<String, Long> journalled = (entity, id) -> {
                    if (!resuming) return false;
                    try {
                        has.setString(1, entity);
                        has.setLong(2, id);
                        has.setLong(3, book);
                        try (var rs = has.executeQuery()) {
                            return rs.next();
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                JournalWriter[] w = {new JournalWriter(c, book, now)};
                Runnable commitChunk = () -> {
                    try {
                        if (w[0].pending() < 1000) return;
                        w[0].close();
                        c.commit();
                        w[0] = new JournalWriter(c, book, now);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                };
                ClaimRecords.customers(c, book, (id, content) -> {
                    if (journalled.test("customer", id)) return;
                    w[0].add("customer", id, content);
                    commitChunk.run();
                });
                ClaimRecords.receivables(c, book, (id, content) -> {
                    if (journalled.test("receivable", id)) return;
                    w[0].add("receivable", id, content);
                    commitChunk.run();
                });
                w[0].close();
            }
            try (var ps = c.prepareStatement(ctx.db().dialect().upsert("journal_scope", List.of("creditor_id"), List.of("creditor_id", "level")))) {
                ps.setLong(1, book);
                ps.setInt(2, CLAIM_RECORDS);
                ps.executeUpdate();
            }
            c.commit();
            return null;
        });
    }

    /**
     * A book from before the journal existed (schema V3): journal its existing records once, so they are
     * protected from now on. Does nothing when the book already has a journal.
     */
    void sealIfEmpty() {
        // the usual answer ("already journalled", or "nothing to seal") by plain JDBC, without waiting for Hibernate
        boolean nothingToDo = ctx.db().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE creditor_id = ?)"
                    + " OR NOT EXISTS (SELECT 1 FROM receivable r JOIN customer u ON u.id = r.customer_id WHERE u.creditor_id = ?)")) {
                ps.setLong(1, ctx.creditorId());
                ps.setLong(2, ctx.creditorId());
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
        if (nothingToDo) return;
        ctx.db().inTransactionDo(s -> {
            boolean journalled = !s.createQuery("select a.id from AuditEntry a where a.creditorId = :c", Long.class)
                    .setParameter("c", ctx.creditorId()).setMaxResults(1).getResultList().isEmpty();
            if (journalled) return; // one row, not a count: opening must not grow with the books
            forEachRecord(s, EvidenceItem.class, "evidence", e -> append(s, e));
            forEachRecord(s, Payment.class, "payment", p -> append(s, p));
            forEachRecord(s, ContactEntry.class, "contact", c -> append(s, c));
            forEachRecord(s, CourtEvent.class, "court", c -> append(s, c));
        });
    }

    private <T> void forEachRecord(Session s, Class<T> type, String name, Consumer<T> action) {
        String q = "select x from " + type.getSimpleName() + " x where x.receivable.customer.creditorId = :c order by x.id";
        for (int page = 0; ; page++) {
            List<T> list = s.createQuery(q, type).setParameter("c", ctx.creditorId()).setFirstResult(page * PAGE).setMaxResults(PAGE).getResultList();
            list.forEach(action);
            if (list.size() < PAGE) return;
        }
    }

    public enum ProblemKind {
        /** The entry's previous hash is not the hash of the entry before it: an entry was removed or reordered. */
        CHAIN_BROKEN,
        /** The entry's own hash does not match its content: the journal was edited. */
        ENTRY_ALTERED,
        /** The record differs from what was journalled. */
        RECORD_ALTERED,
        /** A journalled record is gone. */
        RECORD_REMOVED,
        /** A record that was never journalled (written around the app). */
        RECORD_UNLOGGED,
        /** An evidence file is missing or its SHA-256 differs. */
        FILE_MISSING, FILE_ALTERED,
        /**
         * The journal does not extend an anchor kept outside the database (issue 24): entries up to the anchored one were
         * rewritten, or entries after it removed, since the anchor was recorded.
         */
        ANCHOR_CONTRADICTED
    }

    public record Problem(ProblemKind kind, Long entryId, String entity, Long entityId, String detail) {
    }

    /** {@code erased}: entries whose record was erased on request (text gone, place in the chain kept). */
    public record Report(long entries, String head, int evidenceFiles, List<Problem> problems, long erased) {
        public boolean intact() {
            return problems.isEmpty();
        }

        /** The first problem in journal order, or null. */
        public Problem first() {
            return problems.isEmpty() ? null : problems.get(0);
        }
    }

    public Report verify() {
        return verify(true);
    }

    /**
     * The latest journal entry of one record, as {@link #verify} keeps it while it reads the journal: the
     * entry's id and the first 128 bits of the SHA-256 of its content (not the content: a book's journal has an
     * entry per payment, and verify must not hold millions of texts).
     */
    private record Logged(long entryId, long h1, long h2) {
        static Logged of(long entryId, String content) {
            byte[] d = sha256(content);
            return new Logged(entryId, ByteBuffer.wrap(d, 0, 8).getLong(), ByteBuffer.wrap(d, 8, 8).getLong());
        }

        boolean sameContent(String content) {
            Logged other = of(entryId, content);
            return other.h1 == h1 && other.h2 == h2;
        }

        private static byte[] sha256(String text) {
            return AuditChain.sha256(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /**
     * The journal and the records against it; {@code checkFiles} false skips hashing every evidence file of
     * the books (the bundle hashes the files of its own case while it reads them). Every table is read in
     * pages of {@link #PAGE} rows after the last key read (a page by OFFSET re-read every row before it: 6.6
     * minutes for a book of 200,000 payments), or (the records) by key.
     */
    public Report verify(boolean checkFiles) {
        return verify(checkFiles, List.of());
    }

    /**
     * The current (entry count, head) of every book in the folder that has a journal, as an anchor seen by {@code source}
     * at the books' clock's now.
     */
    public List<JournalAnchors.Anchor> anchorsNow(String source) {
        return anchorsOf(ctx.db(), ctx.clock().instant(), source);
    }

    /** {@link #anchorsNow} of the books in {@code db}. */
    static List<JournalAnchors.Anchor> anchorsOf(Database db, Instant now, String source) {
        return db.withConnection(c -> {
            List<JournalAnchors.Anchor> out = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT id FROM creditor ORDER BY id")) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            try (var head = c.prepareStatement(headSql(db.dialect()));
                 var count = c.prepareStatement("SELECT COUNT(*) FROM audit_entry WHERE creditor_id = ?")) {
                for (long id : ids) {
                    head.setLong(1, id);
                    String h;
                    try (var rs = head.executeQuery()) {
                        if (!rs.next()) continue;
                        h = rs.getString(1);
                    }
                    count.setLong(1, id);
                    try (var rs = count.executeQuery()) {
                        rs.next();
                        out.add(new JournalAnchors.Anchor(now, id, rs.getLong(1), h, source));
                    }
                }
            }
            return out;
        });
    }

    /**
     * Records the journal's anchors in the anchor file for the books whose head moved since their last anchor there (at
     * a close: cheap when nothing changed, one head query per book).
     */
    public void anchorIfChanged(String source) {
        Path root = ctx.db().folder().root();
        List<JournalAnchors.Anchor> current = JournalAnchors.current(root);
        Map<Long, String> lastHead = new HashMap<>();
        for (JournalAnchors.Anchor a : current) lastHead.put(a.book(), a.head());
        List<Long> changed = ctx.db().withConnection(c -> {
            List<Long> out = new ArrayList<>();
            List<Long> ids = new ArrayList<>();
            try (var rs = c.createStatement().executeQuery("SELECT id FROM creditor ORDER BY id")) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
            try (var head = c.prepareStatement(headSql(ctx.db().dialect()))) {
                for (long id : ids) {
                    head.setLong(1, id);
                    try (var rs = head.executeQuery()) {
                        if (rs.next() && !rs.getString(1).equals(lastHead.get(id))) out.add(id);
                    }
                }
            }
            return out;
        });
        if (changed.isEmpty()) return;
        JournalAnchors.record(root, anchorsNow(source).stream().filter(a -> changed.contains(a.book())).toList());
    }

    /**
     * The anchors this book's journal must extend: those in force in the anchor file, those in the comments of the
     * backups the anchor file names (so that editing the file alone does not hide a rewrite), and {@code extra} (an
     * anchor printed in a bundle, given on the command line).
     */
    private List<JournalAnchors.Anchor> anchorsToCheck(List<JournalAnchors.Anchor> extra) {
        Path root = ctx.db().folder().root();
        List<JournalAnchors.Anchor> all = new ArrayList<>();
        for (JournalAnchors.Anchor a : JournalAnchors.current(root)) {
            all.add(a);
            if (a.source().startsWith("backup ")) {
                Path zip = ctx.db().folder().backupDir().resolve(a.source().substring("backup ".length())).normalize();
                if (zip.getParent() != null && zip.getParent().equals(ctx.db().folder().backupDir().normalize()) && Files.isRegularFile(zip)) {
                    all.addAll(JournalAnchors.inZip(zip));
                }
            }
        }
        all.addAll(extra);
        return all.stream().filter(a -> a.book() == ctx.creditorId()).distinct().toList();
    }

    /** An anchor the user gives (as a bundle prints it: {@code ENTRIES:HEAD}), to check this book's journal against. */
    public record GivenAnchor(long entries, String head) {
    }

    /** As {@link #verify(boolean)}, also checking the journal against {@code given} (issue 24), when not null. */
    public Report verify(boolean checkFiles, GivenAnchor given) {
        return verify(checkFiles, given == null ? List.of()
                : List.of(new JournalAnchors.Anchor(ctx.clock().instant(), ctx.creditorId(), given.entries(), given.head(), "the anchor given (--anchor)")));
    }

    /** As {@link #verify(boolean)}, also checking the journal against {@code extraAnchors} (issue 24). */
    Report verify(boolean checkFiles, List<JournalAnchors.Anchor> extraAnchors) {
        List<JournalAnchors.Anchor> anchors = anchorsToCheck(extraAnchors);
        Map<Long, List<JournalAnchors.Anchor>> anchoredAt = new HashMap<>();
        for (JournalAnchors.Anchor a : anchors) anchoredAt.computeIfAbsent(a.entries(), k -> new ArrayList<>()).add(a);
        return ctx.db().withConnection(c -> {
            // one snapshot for the journal and the records: an entry appended meanwhile must not look unjournalled
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                return verify(c, checkFiles, anchors, anchoredAt);
            } finally {
                c.rollback();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(true);
            }
        });
    }

    /**
     * The check itself, in plain JDBC (issue 25: the command line's verify no longer waits four seconds for Hibernate to
     * boot): the chain entry by entry, each record's latest entry against the record as {@link JournalRecords} reads it,
     * then each evidence file against its SHA-256.
     */
    private Report verify(Connection c, boolean checkFiles, List<JournalAnchors.Anchor> anchors,
                          Map<Long, List<JournalAnchors.Anchor>> anchoredAt) throws SQLException {
        List<Problem> problems = new ArrayList<>();
        ChainReader chain = new ChainReader(anchoredAt, problems);
        // ordered by both columns of audit_entry_book_id (V14): H2 then reads the range from the index, in order
        try (var ps = c.prepareStatement("SELECT id, entity, entity_id, content, prev_hash, hash, erased_at, staff FROM audit_entry"
                + " WHERE creditor_id = ? AND id > ? ORDER BY creditor_id, id LIMIT ?")) {
            JournalRecords.keyset(ps, ctx.creditorId(), page, null, chain);
        }
        for (JournalAnchors.Anchor anchor : anchors) {
            if (anchor.entries() > chain.count) {
                problems.add(new Problem(ProblemKind.ANCHOR_CONTRADICTED, null, null, null, "the journal has " + chain.count + " entries, but "
                        + anchor.source() + " recorded " + anchor.entries() + " on " + anchor.at() + " (head " + anchor.head().substring(0, 16)
                        + "…): entries were removed"));
            }
        }
        for (Long id : chain.erasedIds) {
            if (!chain.listedAsErased.contains(id)) {
                problems.add(new Problem(ProblemKind.ENTRY_ALTERED, id, null, null,
                        "journal entry #" + id + " was blanked without an erasure on record"));
            }
        }
        JournalRecords records = new JournalRecords(c, ctx.creditorId(), page);
        for (String entity : JournalRecords.ENTITIES) {
            Map<Long, Logged> logged = chain.latest.getOrDefault(entity, new HashMap<>());
            records.forEach(entity, (id, text) -> {
                Logged entry = logged.remove(id);
                if (entry == null) {
                    problems.add(new Problem(ProblemKind.RECORD_UNLOGGED, null, entity, id, entity + " #" + id + " is not in the journal"));
                } else if (!entry.sameContent(text)) {
                    problems.add(new Problem(ProblemKind.RECORD_ALTERED, entry.entryId(), entity, id,
                            entity + " #" + id + " differs from journal entry #" + entry.entryId()));
                }
            });
        }
        chain.latest.forEach((entity, left) -> left.forEach((id, gone) -> problems.add(new Problem(ProblemKind.RECORD_REMOVED, gone.entryId(),
                entity, id, entity + " #" + id + " (journal entry #" + gone.entryId() + ") was removed"))));
        int[] files = {0};
        if (checkFiles) {
            try (var ps = c.prepareStatement("SELECT x.id, x.sha256, x.size_bytes, x.title, x.original_file_name FROM evidence x"
                    + JournalRecords.OF_BOOK + " AND x.id > ? ORDER BY x.id LIMIT ?")) {
                JournalRecords.keyset(ps, ctx.creditorId(), page, null, rs -> {
                    files[0]++;
                    long id = rs.getLong(1);
                    FileIntegrity i = store.verify(rs.getString(2), rs.getLong(3));
                    if (i != FileIntegrity.OK) {
                        problems.add(new Problem(i == FileIntegrity.MISSING ? ProblemKind.FILE_MISSING : ProblemKind.FILE_ALTERED,
                                null, "evidence", id, "evidence #" + id + " \"" + rs.getString(4) + "\" (" + rs.getString(5)
                                + ", SHA-256 " + rs.getString(2) + "): " + i));
                    }
                });
            }
        }
        problems.sort(Comparator.comparing((Problem p) -> p.entryId() == null ? Long.MAX_VALUE : p.entryId()));
        return new Report(chain.count, chain.prev, files[0], List.copyOf(problems), chain.erasedIds.size());
    }


    /**
     * The journal read entry by entry, in order: each entry must follow the one before it and hash to itself, the anchors
     * found for its position must name it, a blanked entry must be listed by an erasure, and for each record its latest
     * entry is kept ({@link Logged}) for the comparison with the records.
     */
    private static final class ChainReader implements JournalRecords.Row {
        private final Map<Long, List<JournalAnchors.Anchor>> anchoredAt;
        private final List<Problem> problems;
        /** entity -> record id -> its latest journal entry */
        final Map<String, Map<Long, Logged>> latest = new HashMap<>();
        final Set<Long> erasedIds = new LinkedHashSet<>();
        final Set<Long> listedAsErased = new HashSet<>();
        String prev = AuditChain.GENESIS;
        long count;

        ChainReader(Map<Long, List<JournalAnchors.Anchor>> anchoredAt, List<Problem> problems) {
            this.anchoredAt = anchoredAt;
            this.problems = problems;
        }

        @Override
        public void read(ResultSet rs) throws SQLException {
            count++;
            long id = rs.getLong(1);
            String entity = rs.getString(2);
            long entityId = rs.getLong(3);
            String content = rs.getString(4);
            String prevHash = rs.getString(5);
            String hash = rs.getString(6);
            boolean erased = rs.getObject(7) != null;
            for (JournalAnchors.Anchor anchor : anchoredAt.getOrDefault(count, List.of())) {
                if (!anchor.head().equals(hash)) {
                    problems.add(new Problem(ProblemKind.ANCHOR_CONTRADICTED, id, entity, entityId,
                            "journal entry #" + id + " (the " + count + "th) is not the one " + anchor.source() + " recorded on "
                                    + anchor.at() + " (head " + anchor.head().substring(0, 16) + "…): the journal was rewritten up to it"));
                }
            }
            if (!prevHash.equals(prev)) {
                problems.add(new Problem(ProblemKind.CHAIN_BROKEN, id, entity, entityId,
                        "journal entry #" + id + " does not follow the one before it: an entry before it was removed or changed"));
            }
            prev = hash;
            if (erased) {
                // Its text is gone by design; it must be one an erasure entry (later in the chain) lists.
                erasedIds.add(id);
                return;
            }
            if (!AuditChain.hash(prevHash, entity, entityId, content, rs.getString(8)).equals(hash)) {
                problems.add(new Problem(ProblemKind.ENTRY_ALTERED, id, entity, entityId, "journal entry #" + id + " was edited"));
            }
            if (entity.equals(ERASURE)) {
                listedAsErased.addAll(PrivacyService.erasedEntryIds(content));
                return;
            }
            latest.computeIfAbsent(entity, k -> new HashMap<>()).put(entityId, Logged.of(id, content));
        }
    }
}
