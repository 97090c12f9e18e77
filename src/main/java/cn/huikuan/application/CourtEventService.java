package cn.huikuan.application;

import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Receivable;

import java.util.List;
import cn.huikuan.domain.AuditChain;
import cn.huikuan.i18n.I18n;
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
     * {@code readVersion} is the step's {@link CourtEvent#getVersion() version} as the user read it: if someone saved the
     * step since (two staff on an office book, issue 22), nothing is written and {@link ChangedElsewhereException} says
     * what it holds now and who saved it, never overwriting their correction with the older reading's fields.
     */
    public CourtEvent edit(long eventId, long readVersion, CourtEvent.Kind kind, LocalDate date, String court, String caseNumber, String note) {
        try {
            return ctx.db().inTransaction(s -> {
                CourtEvent e = s.get(CourtEvent.class, eventId);
                if (e == null) throw new NotFoundException("court", eventId);
                receivables.load(s, e.getReceivable().getId());    // a step of this book's receivables only
                if (e.getVersion() != readVersion) throw new StaleVersion();
                String before = AuditChain.canonical(e);
                e.change(kind, date);
                e.setCourt(court);
                e.setCaseNumber(caseNumber);
                e.setNote(note);
                FieldErrors.requireValid(e.problems(ctx.today()), false);
                if (AuditChain.canonical(e).equals(before)) return e;
                audit.append(s, e);
                s.flush();   // the versioned UPDATE now: a save that raced this one since the read above fails here, inside the catch
                return e;
            });
        } catch (StaleVersion | jakarta.persistence.OptimisticLockException | org.hibernate.StaleStateException x) {
            throw changedElsewhere(eventId, x);
        }
    }

    /** The step was saved by someone else since the user read it (seen before anything was written). */
    private static final class StaleVersion extends RuntimeException {
        StaleVersion() {
            super("court step saved since it was read", null, false, false);
        }
    }

    /** What step {@code id} holds now and who saved it last (its last journal entry), for the refusal. */
    private ChangedElsewhereException changedElsewhere(long id, RuntimeException cause) {
        return ctx.db().inTransaction(s -> {
            CourtEvent now = s.get(CourtEvent.class, id);
            if (now == null) throw new NotFoundException("court", id);
            I18n zh = I18n.forLanguage("zh");
            String kind = zh.t("enum.CourtEvent.Kind." + now.getKind().name());
            java.util.Map<String, String> current = new java.util.LinkedHashMap<>();
            current.put("程序", kind);
            current.put("日期", String.valueOf(now.getEventDate()));
            current.put("法院或仲裁机构", dash(now.getCourt()));
            current.put("案号", dash(now.getCaseNumber()));
            current.put("备注", dash(now.getNote()));
            Object[] last = audit.lastWriter(s, "court", id);
            return new ChangedElsewhereException("法院程序 #" + id + " " + kind, (String) last[0], (java.time.Instant) last[1], current, cause);
        });
    }

    private static String dash(String s) {
        return s == null ? "—" : s;
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
