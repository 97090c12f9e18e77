package cn.huikuan.application;

import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Receivable;

import java.util.List;

/** Court and arbitration steps of a receivable's case. */
public final class CourtEventService {
    private final Books books;

    CourtEventService(Books books) {
        this.books = books;
    }

    public CourtEvent log(long receivableId, CourtEvent.Kind kind, java.time.LocalDate date, String court, String caseNumber, String note) {
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

    /** Oldest first. */
    public List<CourtEvent> list(long receivableId) {
        return books.db().inTransaction(s -> {
            books.receivables().load(s, receivableId);
            return s.createQuery("select e from CourtEvent e where e.receivable.id = :r order by e.eventDate, e.id", CourtEvent.class)
                    .setParameter("r", receivableId).getResultList();
        });
    }
}
