package cn.huikuan.application;

import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Receivable;

import java.util.Collection;
import java.util.List;

/** The communication log (全程留痕) of a receivable: every call, message, letter and visit. */
public final class ContactLogService {
    private final BookContext ctx;
    private final AuditService audit;
    private final ReceivableService receivables;

    ContactLogService(BookContext ctx, AuditService audit, ReceivableService receivables) {
        this.ctx = ctx;
        this.audit = audit;
        this.receivables = receivables;
    }

    public ContactEntry log(long receivableId, ContactEntry draft, Collection<Long> evidenceIds) {
        return ctx.db().inTransaction(s -> {
            Receivable r = receivables.load(s, receivableId);
            ContactEntry e = new ContactEntry(r, draft.getOccurredAt(), draft.getChannel(), draft.getDirection(),
                    draft.getSummary(), draft.getOutcome());
            e.setPromisedDate(draft.getPromisedDate());
            e.setPromisedAmount(draft.getPromisedAmount());
            e.setConductOverride(draft.getConductOverride());
            e.setDebtorActedOn(draft.getDebtorActedOn());
            e.setTrackingNumber(draft.getTrackingNumber());
            e.setDeliveredOn(draft.getDeliveredOn());
            for (Long id : evidenceIds) {
                EvidenceItem item = s.get(EvidenceItem.class, id);
                if (item == null || !item.getReceivable().getId().equals(receivableId)) throw new NotFoundException("evidence", id);
                e.getEvidence().add(item);
            }
            FieldErrors.requireValid(e.problems(ctx.now()), false);
            s.persist(e);
            audit.append(s, e);
            return e;
        });
    }

    /** Newest first. */
    public List<ContactEntry> timeline(long receivableId) {
        return ctx.db().inTransaction(s -> {
            receivables.load(s, receivableId);
            return s.createQuery("select distinct e from ContactEntry e left join fetch e.evidence where e.receivable.id = :r "
                    + "order by e.occurredAt desc, e.id desc", ContactEntry.class).setParameter("r", receivableId).getResultList();
        });
    }
}
