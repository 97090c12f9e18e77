package cn.huikuan.application;

import cn.huikuan.domain.Customer;
import cn.huikuan.domain.FieldErrors;

import java.util.List;
import cn.huikuan.domain.PartyKind;
import org.hibernate.Session;

/** Creating, changing and finding customers of the open book. */
public final class CustomerService {
    private final Books books;

    CustomerService(Books books) {
        this.books = books;
    }

    /** A new, unsaved customer of this book. */
    public Customer newCustomer(PartyKind kind, String name) {
        return new Customer(books.creditorId(), kind, name);
    }

    /**
     * Saves a new or changed customer. A registration number with a wrong check digit is kept only with
     * a reason ({@link Customer#setNumberOverrideReason}); there is no way to accept it silently.
     *
     * @throws cn.huikuan.domain.DomainException with every problem if it may not be saved
     */
    public Customer save(Customer c) {
        if (c.getCreditorId() == null || c.getCreditorId() != books.creditorId()) {
            throw new IllegalArgumentException("customer belongs to another book");
        }
        FieldErrors.requireValid(c.problems(books.today()), false);
        return books.db().inTransaction(s -> {
            if (c.getId() == null) {
                s.persist(c);
                s.doWork(conn -> ReceivableSummary.customersAdded(conn, books.creditorId(), 1));
                books.audit().append(s, c);
                return c;
            }
            Customer merged = s.merge(c);
            books.audit().append(s, merged);
            return merged;
        });
    }

    public Customer get(long id) {
        return books.db().inTransaction(s -> load(s, id));
    }

    Customer load(Session s, long id) {
        Customer c = s.get(Customer.class, id);
        if (c == null || c.getCreditorId() != books.creditorId()) throw new NotFoundException("customer", id);
        return c;
    }

    /** Up to {@code limit} customers whose name, number or contact contains {@code text}. */
    public List<Customer> search(String text, int limit) {
        String like = "%" + ListQueries.escapeLike(text == null ? "" : text.strip().toLowerCase()) + "%";
        return books.db().inTransaction(s -> s.createQuery(
                        "select c from Customer c where c.creditorId = :b and (lower(c.name) like :t escape '\\' "
                                + "or lower(coalesce(c.registrationNumber, '')) like :t escape '\\') order by c.name", Customer.class)
                .setParameter("b", books.creditorId()).setParameter("t", like).setMaxResults(limit).getResultList());
    }

    public Page<CustomerRow> page(ListQuery q) {
        return books.lists().customers(books.creditorId(), q);
    }
}
