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
