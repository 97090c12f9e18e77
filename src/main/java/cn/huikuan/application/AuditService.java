package cn.huikuan.application;

import cn.huikuan.domain.AuditChain;
import cn.huikuan.domain.AuditEntry;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Payment;
import cn.huikuan.persistence.EvidenceStore;
import jakarta.persistence.LockModeType;
import org.hibernate.Session;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The tamper-evident journal of a book's case records. Every contact, court step, payment and evidence
 * item is appended, in the transaction that saves it, as its canonical text chained by SHA-256 to the
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
    static final String HEAD_SQL = "SELECT hash FROM audit_entry USE INDEX (audit_entry_book_id) WHERE creditor_id = ?"
            + " ORDER BY creditor_id DESC, id DESC LIMIT 1";
    /** The journal entity of an erasure on request (content: see {@link PrivacyService}). */
    static final String ERASURE = "erasure";
    private final Books books;

    /** {@link #PAGE}, lowered by tests so that every verify reads several pages. */
    int page = PAGE;

    AuditService(Books books) {
        this.books = books;
    }

    /** Appends one record; call inside the transaction that persisted it. */
    void append(Session s, String entity, long id, String content) {
        s.flush();
        s.find(CreditorProfile.class, books.creditorId(), LockModeType.PESSIMISTIC_WRITE); // one writer at a time
        List<String> last = s.createNativeQuery(HEAD_SQL, String.class).setParameter(1, books.creditorId()).getResultList();
        String prev = last.isEmpty() ? AuditChain.GENESIS : last.get(0);
        s.persist(new AuditEntry(books.creditorId(), books.clock().instant(), entity, id, content, prev));
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

    /**
     * A book from before the journal existed (schema V3): journal its existing records once, so they are
     * protected from now on. Does nothing when the book already has a journal.
     */
    void sealIfEmpty() {
        // the usual answer ("already journalled", or "nothing to seal") by plain JDBC, without waiting for Hibernate
        boolean nothingToDo = books.db().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM audit_entry WHERE creditor_id = ?)"
                    + " OR NOT EXISTS (SELECT 1 FROM receivable r JOIN customer u ON u.id = r.customer_id WHERE u.creditor_id = ?)")) {
                ps.setLong(1, books.creditorId());
                ps.setLong(2, books.creditorId());
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
        if (nothingToDo) return;
        books.db().inTransactionDo(s -> {
            boolean journalled = !s.createQuery("select a.id from AuditEntry a where a.creditorId = :c", Long.class)
                    .setParameter("c", books.creditorId()).setMaxResults(1).getResultList().isEmpty();
            if (journalled) return; // one row, not a count: opening must not grow with the books
            forEachRecord(s, EvidenceItem.class, "evidence", e -> append(s, e));
            forEachRecord(s, Payment.class, "payment", p -> append(s, p));
            forEachRecord(s, ContactEntry.class, "contact", c -> append(s, c));
            forEachRecord(s, CourtEvent.class, "court", c -> append(s, c));
        });
    }

    private <T> void forEachRecord(Session s, Class<T> type, String name, java.util.function.Consumer<T> action) {
        String q = "select x from " + type.getSimpleName() + " x where x.receivable.customer.creditorId = :c order by x.id";
        for (int page = 0; ; page++) {
            List<T> list = s.createQuery(q, type).setParameter("c", books.creditorId()).setFirstResult(page * PAGE).setMaxResults(PAGE).getResultList();
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
        FILE_MISSING, FILE_ALTERED
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
            return new Logged(entryId, java.nio.ByteBuffer.wrap(d, 0, 8).getLong(), java.nio.ByteBuffer.wrap(d, 8, 8).getLong());
        }

        boolean sameContent(String content) {
            Logged other = of(entryId, content);
            return other.h1 == h1 && other.h2 == h2;
        }

        private static byte[] sha256(String text) {
            try {
                return java.security.MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * The journal and the records against it; {@code checkFiles} false skips hashing every evidence file of
     * the books (the bundle hashes the files of its own case while it reads them). Every table is read in
     * pages of {@link #PAGE} rows after the last key read (a page by OFFSET re-read every row before it: 6.6
     * minutes for a book of 200,000 payments), or (the records) by key.
     */
    public Report verify(boolean checkFiles) {
        return books.db().inTransaction(s -> {
            List<Problem> problems = new ArrayList<>();
            // entity -> record id -> its latest journal entry
            Map<String, Map<Long, Logged>> latest = new HashMap<>();
            java.util.Set<Long> erasedIds = new java.util.LinkedHashSet<>();
            java.util.Set<Long> listedAsErased = new java.util.HashSet<>();
            String prev = AuditChain.GENESIS;
            long count = 0;
            long after = 0;
            while (true) {
                // ordered by both columns of audit_entry_book_id (V14): H2 then reads the range from the index, in order
                List<AuditEntry> list = s.createQuery("select a from AuditEntry a where a.creditorId = :c and a.id > :after order by a.creditorId, a.id",
                        AuditEntry.class).setParameter("c", books.creditorId()).setParameter("after", after).setMaxResults(page).getResultList();
                for (AuditEntry a : list) {
                    count++;
                    after = a.getId();
                    if (!a.getPrevHash().equals(prev)) {
                        problems.add(new Problem(ProblemKind.CHAIN_BROKEN, a.getId(), a.getEntity(), a.getEntityId(),
                                "journal entry #" + a.getId() + " does not follow the one before it: an entry before it was removed or changed"));
                    }
                    prev = a.getHash();
                    if (a.getErasedAt() != null) {
                        // Its text is gone by design; it must be one an erasure entry (later in the chain) lists.
                        erasedIds.add(a.getId());
                        continue;
                    }
                    if (!AuditChain.hash(a.getPrevHash(), a.getEntity(), a.getEntityId(), a.getContent()).equals(a.getHash())) {
                        problems.add(new Problem(ProblemKind.ENTRY_ALTERED, a.getId(), a.getEntity(), a.getEntityId(),
                                "journal entry #" + a.getId() + " was edited"));
                    }
                    if (a.getEntity().equals(ERASURE)) {
                        listedAsErased.addAll(PrivacyService.erasedEntryIds(a.getContent()));
                        continue;
                    }
                    latest.computeIfAbsent(a.getEntity(), k -> new HashMap<>()).put(a.getEntityId(), Logged.of(a.getId(), a.getContent()));
                }
                s.clear();
                if (list.size() < page) break;
            }
            String head = prev;
            for (Long id : erasedIds) {
                if (!listedAsErased.contains(id)) {
                    problems.add(new Problem(ProblemKind.ENTRY_ALTERED, id, null, null,
                            "journal entry #" + id + " was blanked without an erasure on record"));
                }
            }
            compare(s, EvidenceItem.class, "evidence", AuditChain::canonical, latest, problems);
            compare(s, Payment.class, "payment", AuditChain::canonical, latest, problems);
            compare(s, ContactEntry.class, "contact", AuditChain::canonical, latest, problems);
            compare(s, CourtEvent.class, "court", AuditChain::canonical, latest, problems);
            latest.forEach((entity, records) -> records.forEach((id, gone) -> problems.add(new Problem(ProblemKind.RECORD_REMOVED, gone.entryId(),
                    entity, id, entity + " #" + id + " (journal entry #" + gone.entryId() + ") was removed"))));
            int files = 0;
            after = 0;
            while (checkFiles) {
                List<EvidenceItem> list = s.createQuery("select e from EvidenceItem e where e.receivable.customer.creditorId = :c and e.id > :after "
                        + "order by e.id", EvidenceItem.class).setParameter("c", books.creditorId()).setParameter("after", after)
                        .setMaxResults(page).getResultList();
                for (EvidenceItem e : list) {
                    files++;
                    after = e.getId();
                    EvidenceStore.Integrity i = books.store().verify(e.getSha256(), e.getSizeBytes());
                    if (i != EvidenceStore.Integrity.OK) {
                        problems.add(new Problem(i == EvidenceStore.Integrity.MISSING ? ProblemKind.FILE_MISSING : ProblemKind.FILE_ALTERED,
                                null, "evidence", e.getId(), "evidence #" + e.getId() + " \"" + e.getTitle() + "\" (" + e.getOriginalFileName()
                                + ", SHA-256 " + e.getSha256() + "): " + i));
                    }
                }
                s.clear();
                if (list.size() < page) break;
            }
            problems.sort(Comparator.comparing((Problem p) -> p.entryId() == null ? Long.MAX_VALUE : p.entryId()));
            return new Report(count, head, files, List.copyOf(problems), erasedIds.size());
        });
    }

    /**
     * The book's records of one kind against their latest journal entries (removed from {@code latest} as they
     * are matched): the book's ids in one pass, then the journalled records by key, {@link #PAGE} at a time. (A
     * page of records by id across the join to the book cost a pass over the join each: 3 minutes for
     * 200,000 payments.)
     */
    private <T> void compare(Session s, Class<T> type, String entity, Function<T, String> canonical, Map<String, Map<Long, Logged>> latest,
                             List<Problem> problems) {
        Map<Long, Logged> logged = latest.getOrDefault(entity, new HashMap<>());
        List<Long> journalled = new ArrayList<>();
        try (var ids = s.createQuery("select x.id from " + type.getSimpleName() + " x where x.receivable.customer.creditorId = :c", Long.class)
                .setParameter("c", books.creditorId()).getResultStream()) {
            ids.forEach(id -> {
                if (logged.containsKey(id)) journalled.add(id);
                else problems.add(new Problem(ProblemKind.RECORD_UNLOGGED, null, entity, id, entity + " #" + id + " is not in the journal"));
            });
        }
        String q = "select x from " + type.getSimpleName() + " x where x.id in :ids";
        for (int i = 0; i < journalled.size(); i += page) {
            for (T record : s.createQuery(q, type).setParameter("ids", journalled.subList(i, Math.min(journalled.size(), i + page))).getResultList()) {
                long id = (Long) s.getIdentifier(record);
                Logged entry = logged.remove(id);
                if (entry != null && !entry.sameContent(canonical.apply(record))) {
                    problems.add(new Problem(ProblemKind.RECORD_ALTERED, entry.entryId(), entity, id,
                            entity + " #" + id + " differs from journal entry #" + entry.entryId()));
                }
            }
            s.clear();
        }
    }
}
