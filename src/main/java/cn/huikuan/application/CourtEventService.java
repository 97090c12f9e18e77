package cn.huikuan.application;

import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Receivable;

import java.util.List;
import cn.huikuan.domain.AuditChain;
import java.time.LocalDate;

/** Court and arbitration steps of a receivable's case. */
public final class CourtEventService {
    private final BookContext ctx;
    private final AuditService audit;
    private final ReceivableService receivables;

    CourtEventService(BookContext ctx, AuditService audit, ReceivableService receivables) {
        this.ctx = ctx;
        this.audit = audit;
        this.receivables = receivables;
    }

    public CourtEvent log(long receivableId, CourtEvent.Kind kind, LocalDate date, String court, String caseNumber, String note) {
        return ctx.db().inTransaction(s -> {
            Receivable r = receivables.load(s, receivableId);
            CourtEvent e = new CourtEvent(r, kind, date);
            e.setCourt(court);
            e.setCaseNumber(caseNumber);
            e.setNote(note);
            FieldErrors.requireValid(e.problems(ctx.today()), false);
            s.persist(e);
            audit.append(s, e);
            return e;
        });
    }

    /**
     * Corrects a recorded step (a wrong date or case number, issue 21). Journalled as an edit: a new entry for the same step
     * with its new content, after the entry of what it said before (nothing is written when nothing changed).
     */
    public CourtEvent edit(long eventId, CourtEvent.Kind kind, LocalDate date, String court, String caseNumber, String note) {
        return ctx.db().inTransaction(s -> {
            CourtEvent e = s.get(CourtEvent.class, eventId);
            if (e == null) throw new NotFoundException("court", eventId);
            receivables.load(s, e.getReceivable().getId());    // a step of this book's receivables only
            String before = AuditChain.canonical(e);
            e.change(kind, date);
            e.setCourt(court);
            e.setCaseNumber(caseNumber);
            e.setNote(note);
            FieldErrors.requireValid(e.problems(ctx.today()), false);
            if (AuditChain.canonical(e).equals(before)) return e;
            audit.append(s, e);
            return e;
        });
    }

    /** Oldest first. */
    public List<CourtEvent> list(long receivableId) {
        return ctx.db().inTransaction(s -> {
            receivables.load(s, receivableId);
            return s.createQuery("select e from CourtEvent e where e.receivable.id = :r order by e.eventDate, e.id", CourtEvent.class)
                    .setParameter("r", receivableId).getResultList();
        });
    }
}
