package cn.huikuan.application;

import cn.huikuan.domain.Customer;
import cn.huikuan.domain.FieldErrors;

import java.util.List;
import cn.huikuan.domain.PartyKind;
import org.hibernate.Session;

/** Creating, changing and finding customers of the open book. */
public final class CustomerService {
    private final BookContext ctx;
    private final AuditService audit;
    private final ListQueries lists;

    CustomerService(BookContext ctx, AuditService audit, ListQueries lists) {
        this.ctx = ctx;
        this.audit = audit;
        this.lists = lists;
    }

    /** A new, unsaved customer of this book. */
    public Customer newCustomer(PartyKind kind, String name) {
        return new Customer(ctx.creditorId(), kind, name);
    }

    /**
     * Saves a new or changed customer. A registration number with a wrong check digit is kept only with
     * a reason ({@link Customer#setNumberOverrideReason}); there is no way to accept it silently.
     *
     * @throws cn.huikuan.domain.DomainException with every problem if it may not be saved
     */
    public Customer save(Customer c) {
        if (c.getCreditorId() == null || c.getCreditorId() != ctx.creditorId()) {
            throw new IllegalArgumentException("customer belongs to another book");
        }
        FieldErrors.requireValid(c.problems(ctx.today()), false);
        try {
            return saveChecked(c);
        } catch (jakarta.persistence.OptimisticLockException | org.hibernate.StaleStateException e) {
            // someone saved this customer since it was read (two staff on an office book, issue 22): say who and what it holds
            throw ctx.db().inTransaction(s -> {
                Customer now = s.get(Customer.class, c.getId());
                java.util.Map<String, String> current = new java.util.LinkedHashMap<>();
                current.put("名称", now.getName());
                current.put("证件号", now.getRegistrationNumber() == null ? "—" : now.getRegistrationNumber());
                current.put("电话", now.primaryPhone() == null ? "—" : now.primaryPhone());
                Object[] last = audit.lastWriter(s, "customer", c.getId());
                return new ChangedElsewhereException("客户 #" + c.getId() + " " + now.getName(), (String) last[0], (java.time.Instant) last[1], current, e);
            });
        }
    }

    private Customer saveChecked(Customer c) {
        return ctx.db().inTransaction(s -> {
            if (c.getId() == null) {
                s.persist(c);
                s.doWork(conn -> ReceivableSummary.customersAdded(conn, ctx.creditorId(), 1));
                audit.append(s, c);
                return c;
            }
            Customer merged = s.merge(c);
            audit.append(s, merged);
            return merged;
        });
    }

    public Customer get(long id) {
        return ctx.db().inTransaction(s -> load(s, id));
    }

    Customer load(Session s, long id) {
        Customer c = s.get(Customer.class, id);
        if (c == null || c.getCreditorId() != ctx.creditorId()) throw new NotFoundException("customer", id);
        return c;
    }

    /** Up to {@code limit} customers whose name, number or contact contains {@code text}. */
    public List<Customer> search(String text, int limit) {
        String like = "%" + ListQueries.escapeLike(text == null ? "" : text.strip().toLowerCase()) + "%";
        return ctx.db().inTransaction(s -> s.createQuery(
                        "select c from Customer c where c.creditorId = :b and (lower(c.name) like :t escape '\\' "
                                + "or lower(coalesce(c.registrationNumber, '')) like :t escape '\\') order by c.name", Customer.class)
                .setParameter("b", ctx.creditorId()).setParameter("t", like).setMaxResults(limit).getResultList());
    }

    public Page<CustomerRow> page(ListQuery q) {
        return lists.customers(ctx.creditorId(), q);
    }
}
