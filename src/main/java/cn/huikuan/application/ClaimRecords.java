package cn.huikuan.application;

import cn.huikuan.domain.AuditChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.time.LocalDate;

/**
 * A book's customers and receivables read with plain JDBC, in key order, each as the canonical text the journal keeps
 * of it ({@link AuditChain#canonicalCustomer}, {@link AuditChain#canonicalReceivable}): for sealing the records of
 * books from before they were journalled. The contacts and schedules are read in a second cursor in the same order
 * and merged, so the book is read once, never held in memory.
 */
final class ClaimRecords {
    @FunctionalInterface
    interface Sink {
        void accept(long id, String content) throws SQLException;
    }

    private ClaimRecords() {
    }

    static void customers(Connection c, long book, Sink sink) throws SQLException {
        try (PreparedStatement main = c.prepareStatement("SELECT id, kind, name, registration_number, number_override_reason, legal_representative, address"
                + " FROM customer WHERE creditor_id = ? ORDER BY id");
             PreparedStatement sub = c.prepareStatement("SELECT cc.customer_id, cc.kind, cc.\"value\" FROM customer_contact cc"
                     + " JOIN customer cu ON cu.id = cc.customer_id WHERE cu.creditor_id = ? ORDER BY cc.customer_id, cc.seq")) {
            main.setLong(1, book);
            sub.setLong(1, book);
            main.setFetchSize(1000);
            sub.setFetchSize(1000);
            try (ResultSet r = main.executeQuery(); ResultSet k = sub.executeQuery()) {
                Merge contacts = new Merge(k);
                while (r.next()) {
                    long id = r.getLong(1);
                    List<String> list = new ArrayList<>();
                    while (contacts.at(id)) {
                        list.add(k.getString(2) + "=" + k.getString(3));
                        contacts.advance();
                    }
                    sink.accept(id, AuditChain.canonicalCustomer(book, r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getString(6), r.getString(7), list));
                }
            }
        }
    }

    static void receivables(Connection c, long book, Sink sink) throws SQLException {
        try (PreparedStatement main = c.prepareStatement("SELECT r.id, r.customer_id, r.kind, r.title, r.contract_number, r.contract_date, r.principal,"
                + " r.currency, r.interest_rate_percent, r.overdue_rate_percent, r.penalty_kind, r.penalty_value, r.jurisdiction_clause,"
                + " r.arbitration_clause, r.guarantees FROM receivable r JOIN customer cu ON cu.id = r.customer_id WHERE cu.creditor_id = ? ORDER BY r.id");
             PreparedStatement sub = c.prepareStatement("SELECT i.receivable_id, i.due_date, i.amount FROM instalment i JOIN receivable r ON r.id = i.receivable_id"
                     + " JOIN customer cu ON cu.id = r.customer_id WHERE cu.creditor_id = ? ORDER BY i.receivable_id, i.seq")) {
            main.setLong(1, book);
            sub.setLong(1, book);
            main.setFetchSize(1000);
            sub.setFetchSize(1000);
            try (ResultSet r = main.executeQuery(); ResultSet k = sub.executeQuery()) {
                Merge schedule = new Merge(k);
                while (r.next()) {
                    long id = r.getLong(1);
                    List<AuditChain.Due> dues = new ArrayList<>();
                    while (schedule.at(id)) {
                        dues.add(new AuditChain.Due(k.getObject(2, LocalDate.class), k.getBigDecimal(3)));
                        schedule.advance();
                    }
                    sink.accept(id, AuditChain.canonicalReceivable(r.getLong(2), r.getString(3), r.getString(4), r.getString(5),
                            r.getObject(6, LocalDate.class), r.getBigDecimal(7), r.getString(8), r.getBigDecimal(9), r.getBigDecimal(10),
                            r.getString(11), r.getBigDecimal(12), r.getString(13), r.getString(14), r.getString(15), dues));
                }
            }
        }
    }

    /** The second cursor of a merge on a leading id column: positioned on its next row, or past its end. */
    private static final class Merge {
        private final ResultSet rs;
        private boolean more;

        Merge(ResultSet rs) throws SQLException {
            this.rs = rs;
            this.more = rs.next();
        }

        /** Whether the cursor's row belongs to {@code id}; rows of smaller ids (records of no main row) are skipped. */
        boolean at(long id) throws SQLException {
            while (more && rs.getLong(1) < id) more = rs.next();
            return more && rs.getLong(1) == id;
        }

        void advance() throws SQLException {
            more = rs.next();
        }
    }
}
