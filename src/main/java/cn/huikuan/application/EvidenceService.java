package cn.huikuan.application;

import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Receivable;
import cn.huikuan.domain.StoredFile;
import cn.huikuan.storage.EvidenceImportException;
import cn.huikuan.persistence.EvidenceStore;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import cn.huikuan.storage.FileIntegrity;
import java.util.Comparator;

/** Attaching evidence files to receivables and checking that the stored copies are intact. */
public final class EvidenceService {
    private final BookContext ctx;
    private final AuditService audit;
    private final EvidenceStore store;
    private final ReceivableService receivables;
    private final CourtImageStore courtImages;

    EvidenceService(BookContext ctx, AuditService audit, EvidenceStore store, ReceivableService receivables, CourtImageStore courtImages) {
        this.ctx = ctx;
        this.audit = audit;
        this.store = store;
        this.receivables = receivables;
        this.courtImages = courtImages;
    }

    /** What the user says about a file being attached. */
    public record Details(EvidenceType type, String title, LocalDate date, String source, String purpose, boolean original) {
    }

    /**
     * Copies {@code file} into the evidence store and records it against the receivable.
     *
     * @throws EvidenceImportException if the file cannot be stored or is already attached to this receivable
     * @throws cn.huikuan.domain.DomainException if the details are invalid
     */
    public EvidenceItem attach(long receivableId, Path file, Details d) {
        StoredFile stored = store.put(file);
        EvidenceItem added = ctx.db().inTransaction(s -> {
            Receivable r = receivables.load(s, receivableId);
            List<EvidenceItem> same = s.createQuery(
                            "select e from EvidenceItem e where e.receivable.id = :r and e.sha256 = :h", EvidenceItem.class)
                    .setParameter("r", receivableId).setParameter("h", stored.sha256()).getResultList();
            if (!same.isEmpty()) {
                throw new DuplicateEvidenceException(file, same.get(0).getTitle());
            }
            EvidenceItem e = new EvidenceItem(r, d.type(), d.title(), stored);
            e.setEvidenceDate(d.date());
            e.setSource(d.source());
            e.setPurpose(d.purpose());
            e.setOriginal(d.original());
            FieldErrors.requireValid(e.problems(ctx.today()), false);
            s.persist(e);
            audit.append(s, e);
            return e;
        });
        // a photo is made ready for the court now, once, so that building a bundle only reads it (issue 4)
        courtImages.prepare(added, store.pathOf(added.getSha256()));
        return added;
    }

    /** In the order a court reads them: by type (contract first), then date, then import order. */
    public List<EvidenceItem> list(long receivableId) {
        List<EvidenceItem> items = ctx.db().inTransaction(s -> {
            receivables.load(s, receivableId);
            return s.createQuery("select e from EvidenceItem e where e.receivable.id = :r", EvidenceItem.class)
                    .setParameter("r", receivableId).getResultList();
        });
        return items.stream().sorted(Comparator.comparing(EvidenceItem::getType)
                .thenComparing(EvidenceItem::getEvidenceDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(EvidenceItem::getId)).toList();
    }

    public FileIntegrity verify(EvidenceItem e) {
        return store.verify(e.getSha256(), e.getSizeBytes());
    }

    /** The stored copy, for opening in the system viewer (read-only). */
    public Path file(EvidenceItem e) {
        return store.pathOf(e.getSha256());
    }

    /** The same file was already attached to this receivable. */
    public static class DuplicateEvidenceException extends EvidenceImportException {
        private final String existingTitle;

        public DuplicateEvidenceException(Path file, String existingTitle) {
            super(Reason.DUPLICATE, file, null);
            this.existingTitle = existingTitle;
        }

        public String existingTitle() {
            return existingTitle;
        }
    }
}
