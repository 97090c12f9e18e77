package cn.huikuan.application;

import org.hibernate.Session;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * The figures the lists show for a receivable, kept on its row (migration V9, issue 7): the book
 * ({@code creditor_id}), {@code paid}, {@code final_due} and {@code first_unpaid_due} (the due date of the
 * earliest instalment the payments do not cover, as in {@link cn.huikuan.domain.Balance}). Every write that
 * changes a receivable's schedule or payments calls {@link #refresh} in its own transaction; bulk inserts
 * (import, the benchmark's generator) write the figures with the row. Days overdue and the aging bucket
 * depend on the day and are computed by the queries from {@code first_unpaid_due}.
 */
final class ReceivableSummary {
    private ReceivableSummary() {
    }

    // The rules, written once: what the payments and the schedule give for receivable r.
    private static final String BOOK = "(SELECT cu.creditor_id FROM customer cu WHERE cu.id = r.customer_id)";
    private static final String PAID = "COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.receivable_id = r.id), 0)";
    private static final String FINAL_DUE = "(SELECT MAX(i.due_date) FROM instalment i WHERE i.receivable_id = r.id)";

    /** The earliest instalment whose running total (by due date, then sequence) exceeds {@code paid}. */
    private static String firstUnpaidDue(String paid) {
        return """
                (SELECT MIN(i.due_date) FROM instalment i
                  WHERE i.receivable_id = r.id
                    AND (SELECT SUM(i2.amount) FROM instalment i2
                          WHERE i2.receivable_id = r.id
                            AND (i2.due_date < i.due_date OR (i2.due_date = i.due_date AND i2.seq <= i.seq))) > %s)""".formatted(paid);
    }

    private static final String FIGURES = "UPDATE receivable r SET creditor_id = " + BOOK + ", paid = " + PAID
            + ", final_due = " + FINAL_DUE + " WHERE r.id = ?";

    /** After {@link #FIGURES}: reads the kept {@code paid} it has just written. */
    private static final String FIRST_UNPAID = "UPDATE receivable r SET first_unpaid_due = " + firstUnpaidDue("r.paid") + " WHERE r.id = ?";

    private static final String STALE = "SELECT r.id FROM receivable r JOIN customer cu ON cu.id = r.customer_id WHERE cu.creditor_id = ? AND ("
            + "r.creditor_id IS DISTINCT FROM " + BOOK + " OR r.paid <> " + PAID + " OR r.final_due IS DISTINCT FROM " + FINAL_DUE
            + " OR r.first_unpaid_due IS DISTINCT FROM " + firstUnpaidDue(PAID) + ") ORDER BY r.id LIMIT ?";

    /** Recomputes one receivable's figures inside the caller's transaction (its changes are flushed first). */
    static void refresh(Session s, long receivableId) {
        s.flush();
        s.doWork(c -> refresh(c, receivableId));
    }

    static void refresh(Connection c, long receivableId) throws SQLException {
        for (String sql : new String[]{FIGURES, FIRST_UNPAID}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, receivableId);
                ps.executeUpdate();
            }
        }
    }

    /**
     * Receivables of the book whose kept figures differ from what the payments and the schedule give (written
     * around the app, or a write path that forgot {@link #refresh}): ids, at most {@code limit}. A full pass over
     * the book, for {@code huikuan verify}.
     */
    static java.util.List<Long> stale(Connection c, long creditorId, int limit) throws SQLException {
        java.util.List<Long> ids = new java.util.ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(STALE)) {
            ps.setLong(1, creditorId);
            ps.setInt(2, limit);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        return ids;
    }
}
