package cn.huikuan.application;

import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Receivable;

import java.util.List;
import cn.huikuan.domain.AuditChain;
import java.time.LocalDate;

/** Court and arbitration steps of a receivable's case. */
public final class CourtEventService {
    private final Books books;

    CourtEventService(Books books) {
        this.books = books;
    }

    public CourtEvent log(long receivableId, CourtEvent.Kind kind, LocalDate date, String court, String caseNumber, String note) {
        return books.db().inTransaction(s -> {
            Receivable r = books.receivables().load(s, receivableId);
            CourtEvent e = new CourtEvent(r, kind, date);
            e.setCourt(court);
            e.setCaseNumber(caseNumber);
            e.setNote(note);
            FieldErrors.requireValid(e.problems(books.today()), false);
            s.persist(e);
            books.audit().append(s, e);
            return e;
        });
    }

    /**
     * Corrects a recorded step (a wrong date or case number, issue 21). Journalled as an edit: a new entry for the same step
     * with its new content, after the entry of what it said before (nothing is written when nothing changed).
     */
    public CourtEvent edit(long eventId, CourtEvent.Kind kind, LocalDate date, String court, String caseNumber, String note) {
        return books.db().inTransaction(s -> {
            CourtEvent e = s.get(CourtEvent.class, eventId);
            if (e == null) throw new NotFoundException("court", eventId);
            books.receivables().load(s, e.getReceivable().getId());    // a step of this book's receivables only
            String before = AuditChain.canonical(e);
            e.change(kind, date);
            e.setCourt(court);
            e.setCaseNumber(caseNumber);
            e.setNote(note);
            FieldErrors.requireValid(e.problems(books.today()), false);
            if (AuditChain.canonical(e).equals(before)) return e;
            books.audit().append(s, e);
            return e;
        });
    }

    /** Oldest first. */
    public List<CourtEvent> list(long receivableId) {
        return books.db().inTransaction(s -> {
            books.receivables().load(s, receivableId);
            return s.createQuery("select e from CourtEvent e where e.receivable.id = :r order by e.eventDate, e.id", CourtEvent.class)
                    .setParameter("r", receivableId).getResultList();
        });
    }
}
