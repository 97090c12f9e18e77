package cn.huikuan.application;

import cn.huikuan.domain.Balance;
import cn.huikuan.domain.FieldErrors;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import org.hibernate.Session;

import java.math.BigDecimal;
import java.util.List;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.FieldError;
import java.util.Optional;

/** Receivables of the open book and the payments received against them. */
public final class ReceivableService {
    private final BookContext ctx;
    private final AuditService audit;
    private final ListQueries lists;

    ReceivableService(BookContext ctx, AuditService audit, ListQueries lists) {
        this.ctx = ctx;
        this.audit = audit;
        this.lists = lists;
    }

    public Receivable save(Receivable r, boolean acceptWarnings) {
        FieldErrors.requireValid(r.problems(), acceptWarnings);
        if (r.getCustomer().getCreditorId() != ctx.creditorId()) {
            throw new IllegalArgumentException("customer belongs to another book");
        }
        try {
            return saveChecked(r);
        } catch (jakarta.persistence.OptimisticLockException | org.hibernate.StaleStateException e) {
            throw changedElsewhere(r.getId(), e);
        }
    }

    /**
     * Someone saved receivable {@code id} since it was read: what it holds now and who saved it (the last journal entry
     * of it), for the message; the edit is not written.
     */
    private ChangedElsewhereException changedElsewhere(long id, RuntimeException cause) {
        return ctx.db().inTransaction(s -> {
            Receivable now = load(s, id);
            java.util.Map<String, String> current = new java.util.LinkedHashMap<>();
            current.put("客户", now.getCustomer().getName());
            current.put("标题", now.getTitle());
            current.put("合同编号", now.getContractNumber() == null ? "—" : now.getContractNumber());
            current.put("本金", Money.format(now.getPrincipal()));
            current.put("签订日期", String.valueOf(now.getContractDate()));
            current.put("备注", now.getNotes() == null ? "—" : now.getNotes());
            Object[] last = audit.lastWriter(s, "receivable", id);
            return new ChangedElsewhereException("应收款 #" + id + " " + now.getTitle(), (String) last[0], (java.time.Instant) last[1], current, cause);
        });
    }

    private Receivable saveChecked(Receivable r) {
        return ctx.db().inTransaction(s -> {
            long book = ctx.creditorId();
            ReceivableSummary.Totals months = new ReceivableSummary.Totals(); // the recovery report's month totals
            if (r.getId() == null) {
                s.persist(r);
                ReceivableSummary.refresh(s, r.getId());
                months.lent(book, r.getContractDate(), r.getPrincipal());
                s.doWork(months::apply);
                audit.append(s, r);
                return r;
            }
            BigDecimal paid = paid(s, r.getId());
            if (r.getPrincipal().compareTo(paid) < 0) {
                throw new DomainException(FieldError.error("principal",
                        "validation.principalBelowPaid", Money.format(paid)));
            }
            s.doWork(c -> ReceivableSummary.unlend(c, book, r.getId(), months)); // as stored, before the edit is flushed
            Receivable merged = s.merge(r);
            ReceivableSummary.refresh(s, merged.getId());
            months.lent(book, merged.getContractDate(), merged.getPrincipal());
            s.doWork(months::apply);
            audit.append(s, merged);
            return merged;
        });
    }

    public Receivable get(long id) {
        return ctx.db().inTransaction(s -> load(s, id));
    }

    Receivable load(Session s, long id) {
        Receivable r = s.get(Receivable.class, id);
        if (r == null || r.getCustomer().getCreditorId() != ctx.creditorId()) throw new NotFoundException("receivable", id);
        return r;
    }

    /** The book's first receivable by id (the sample's seed case is the first it loads), by plain JDBC. */
    public Optional<Long> firstId() {
        return ctx.db().withConnection(c -> {
            try (var ps = c.prepareStatement("SELECT MIN(r.id) FROM receivable r JOIN customer u ON u.id = r.customer_id WHERE u.creditor_id = ?")) {
                ps.setLong(1, ctx.creditorId());
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    long id = rs.getLong(1);
                    return rs.wasNull() ? Optional.<Long>empty() : Optional.of(id);
                }
            }
        });
    }

    public Page<ReceivableRow> page(ListQuery q) {
        return lists.receivables(ctx.creditorId(), ctx.today(), q);
    }

    public Page<ReceivableRow> pageOfCustomer(long customerId, ListQuery q) {
        return lists.receivables(ctx.creditorId(), customerId, ctx.today(), q);
    }

    public List<Payment> payments(long receivableId) {
        return ctx.db().inTransaction(s -> {
            load(s, receivableId);
            return s.createQuery("select p from Payment p where p.receivable.id = :r order by p.paidOn, p.id", Payment.class)
                    .setParameter("r", receivableId).getResultList();
        });
    }

    public Balance balance(long receivableId) {
        return ctx.db().inTransaction(s -> {
            Receivable r = load(s, receivableId);
            return r.balance(paid(s, receivableId), ctx.today());
        });
    }

    private static BigDecimal paid(Session s, long receivableId) {
        BigDecimal paid = s.createQuery("select coalesce(sum(p.amount), 0) from Payment p where p.receivable.id = :r", BigDecimal.class)
                .setParameter("r", receivableId).getSingleResult();
        return Money.round(paid);
    }

    /** Records a payment; a payment larger than the outstanding principal is a warning to confirm. */
    public Payment addPayment(long receivableId, Payment draft, boolean acceptWarnings) {
        return ctx.db().inTransaction(s -> {
            Receivable r = load(s, receivableId);
            Payment p = new Payment(r, draft.getPaidOn(), draft.getAmount(), draft.getChannel());
            p.setReference(draft.getReference());
            p.setNote(draft.getNote());
            FieldErrors.requireValid(p.problems(paid(s, receivableId), ctx.today()), acceptWarnings);
            s.persist(p);
            audit.append(s, p);
            ReceivableSummary.refresh(s, receivableId);
            s.doWork(c -> {
                ReceivableSummary.Totals t = new ReceivableSummary.Totals();
                t.collected(ctx.creditorId(), p.getPaidOn(), p.getAmount());
                t.apply(c);
            });
            return p;
        });
    }

    /** Receivables whose kept list figures are out of date (decision 0008), at most {@code limit}; for verify. */
    public List<Long> staleListFigures(int limit) {
        return ctx.db().withConnection(c -> ReceivableSummary.stale(c, ctx.creditorId(), limit));
    }

    /**
     * What differs between the book's kept totals (aging per due date, customers' counts and outstanding, the
     * month totals; decision 0009) and what its rows add up to; empty when they agree. A full pass, for verify.
     */
    public List<String> keptTotalsDiffer() {
        return ctx.db().withConnection(c -> ReceivableSummary.totalsDiffer(c, ctx.creditorId()));
    }

    /** Writes the book's kept totals again from its receivables' kept figures (derived; nothing is lost). */
    public void rebuildKeptTotals() {
        ctx.db().inTransactionDo(s -> s.doWork(c -> ReceivableSummary.rebuildTotals(c, ctx.creditorId())));
    }

    /** Recomputes the kept list figures of the given receivables of this book (they are derived; nothing is lost). */
    public void refreshListFigures(List<Long> ids) {
        ctx.db().inTransactionDo(s -> {
            for (Long id : ids) {
                load(s, id);
                ReceivableSummary.refresh(s, id);
            }
        });
    }
}
