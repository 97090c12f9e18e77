package cn.huikuan.application;

import org.hibernate.Session;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Objects;

/**
 * The figures the lists show for a receivable, kept on its row (migration V9, issue 7): the book
 * ({@code creditor_id}), {@code paid}, {@code final_due} and {@code first_unpaid_due} (the due date of the
 * earliest instalment the payments do not cover, as in {@link cn.huikuan.domain.Balance}). Every write that
 * changes a receivable's schedule or payments calls {@link #refresh} in its own transaction; bulk inserts
 * (import, the benchmark's generator) write the figures with the row. Days overdue and the aging bucket
 * depend on the day and are computed by the queries from {@code first_unpaid_due}.
 *
 * <p>Since V10 (decision 0009) it also keeps {@code outstanding} on the row and the totals the lists and the
 * aging report add up: per book and first unpaid due date ({@code book_due_total}) and per customer
 * ({@code customer.receivable_count}, {@code customer.outstanding}), and each book's number of customers
 * ({@code creditor.customer_count}, {@link #customersAdded}). A refresh takes the receivable's old share
 * off those totals and adds its new one; a deletion calls {@link #forget} first; bulk writers gather their
 * rows' shares in {@link Totals}. {@link #totalsDiffer} and {@link #rebuildTotals} check and redo them.
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
        // settled (nothing outstanding): none, as in Balance, even if a schedule were to add up to more
        return "CASE WHEN r.principal - " + paid + " <= 0 THEN NULL ELSE " + """
                (SELECT MIN(i.due_date) FROM instalment i
                  WHERE i.receivable_id = r.id
                    AND (SELECT SUM(i2.amount) FROM instalment i2
                          WHERE i2.receivable_id = r.id
                            AND (i2.due_date < i.due_date OR (i2.due_date = i.due_date AND i2.seq <= i.seq))) > %s)""".formatted(paid) + " END";
    }

    private static final String FIGURES = "UPDATE receivable r SET creditor_id = " + BOOK + ", paid = " + PAID
            + ", final_due = " + FINAL_DUE + " WHERE r.id = ?";

    /** After {@link #FIGURES}: reads the kept {@code paid} it has just written. */
    private static final String FIRST_UNPAID = "UPDATE receivable r SET first_unpaid_due = " + firstUnpaidDue("r.paid") + " WHERE r.id = ?";

    /** After {@link #FIGURES}: the outstanding principal the kept {@code paid} leaves. */
    private static final String OUTSTANDING = "UPDATE receivable r SET outstanding = r.principal - r.paid WHERE r.id = ?";

    private static final String STALE = "SELECT r.id FROM receivable r JOIN customer cu ON cu.id = r.customer_id WHERE cu.creditor_id = ? AND ("
            + "r.creditor_id IS DISTINCT FROM " + BOOK + " OR r.paid <> " + PAID + " OR r.outstanding <> r.principal - " + PAID + " OR r.final_due IS DISTINCT FROM " + FINAL_DUE
            + " OR r.first_unpaid_due IS DISTINCT FROM " + firstUnpaidDue(PAID) + ") ORDER BY r.id LIMIT ?";

    /** Recomputes one receivable's figures inside the caller's transaction (its changes are flushed first). */
    static void refresh(Session s, long receivableId) {
        // its share as the database has it before the caller's pending changes (a changed customer or principal)
        Share[] before = new Share[1];
        s.doWork(c -> before[0] = share(c, receivableId));
        s.flush();
        s.doWork(c -> refresh(c, receivableId, before[0]));
    }

    static void refresh(Connection c, long receivableId) throws SQLException {
        refresh(c, receivableId, share(c, receivableId));
    }

    /** As {@link #refresh(Connection, long)} after a change made by plain SQL: {@code before} is its share read before the change. */
    static void refresh(Connection c, long receivableId, Share before) throws SQLException {
        for (String sql : new String[]{FIGURES, FIRST_UNPAID, OUTSTANDING}) {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, receivableId);
                ps.executeUpdate();
            }
        }
        Share after = share(c, receivableId);
        if (before != null && before.equals(after)) return;
        Totals t = new Totals();
        t.remove(before);
        t.add(after);
        t.apply(c);
    }

    /**
     * Takes a receivable's share out of the kept totals before it is deleted (its row, payments and schedule go
     * with it; the caller deletes them in the same transaction).
     */
    static void forget(Connection c, long receivableId) throws SQLException {
        Totals t = new Totals();
        t.remove(share(c, receivableId));
        t.apply(c);
    }

    /**
     * What one receivable adds to the kept totals (decision 0009): its book, customer, paid, outstanding and first
     * unpaid due date as kept on its row. A row without a book (inserted, not yet refreshed) adds nothing.
     */
    record Share(long creditorId, long customerId, BigDecimal principal, BigDecimal paid, BigDecimal outstanding, LocalDate firstUnpaidDue) {
        boolean settled() {
            return outstanding.signum() <= 0;
        }

        /** The key of its row in {@code book_due_total}: settled receivables are counted without a date. */
        LocalDate dueKey() {
            return settled() ? null : firstUnpaidDue;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Share s && s.creditorId == creditorId && s.customerId == customerId
                    && s.principal.compareTo(principal) == 0 && s.paid.compareTo(paid) == 0 && s.outstanding.compareTo(outstanding) == 0
                    && Objects.equals(s.firstUnpaidDue, firstUnpaidDue);
        }

        @Override
        public int hashCode() {
            return Objects.hash(creditorId, customerId, firstUnpaidDue);
        }
    }

    static Share share(Connection c, long receivableId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT creditor_id, customer_id, paid, outstanding, first_unpaid_due, principal FROM receivable WHERE id = ?")) {
            ps.setLong(1, receivableId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                long creditor = rs.getLong(1);
                if (rs.wasNull()) return null;
                Date due = rs.getDate(5);
                return new Share(creditor, rs.getLong(2), rs.getBigDecimal(6), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        due == null ? null : due.toLocalDate());
            }
        }
    }

    /**
     * Changes to the kept totals, gathered in memory and written at once: a refresh gathers one receivable's old
     * share taken off and its new one added; a bulk import gathers the shares of all the rows it wrote; payments,
     * new or edited receivables and erasures gather their months (collected, lent). Empty parts write nothing.
     */
    static final class Totals {
        private record DueKey(long creditorId, boolean settled, LocalDate due) {
        }

        private static final class Sum {
            long receivables;
            BigDecimal paid = BigDecimal.ZERO;
            BigDecimal outstanding = BigDecimal.ZERO;

            void add(int sign, BigDecimal paid, BigDecimal outstanding) {
                receivables += sign;
                this.paid = sign > 0 ? this.paid.add(paid) : this.paid.subtract(paid);
                this.outstanding = sign > 0 ? this.outstanding.add(outstanding) : this.outstanding.subtract(outstanding);
            }

            boolean isZero() {
                return receivables == 0 && paid.signum() == 0 && outstanding.signum() == 0;
            }
        }

        private record MonthKey(long creditorId, LocalDate month) {
        }

        /** A bucket of {@code book_amount_total}: kind 'P' (principal) or 'O' (outstanding). */
        private record AmountKey(long creditorId, String kind, long bucket) {
        }

        private final Map<DueKey, Sum> dues = new HashMap<>();
        private final Map<AmountKey, Long> amounts = new HashMap<>();
        private final Map<Long, Sum> customers = new HashMap<>();
        /** Per book and month: [collected, lent]. */
        private final Map<MonthKey, BigDecimal[]> months = new HashMap<>();

        /** A payment received (negative: one erased) on {@code day}. */
        void collected(long creditorId, LocalDate day, BigDecimal amount) {
            BigDecimal[] m = month(creditorId, day);
            m[0] = m[0].add(amount);
        }

        /** Principal lent or sold on credit (negative: taken back by an edit or an erasure) on the contract {@code day}. */
        void lent(long creditorId, LocalDate day, BigDecimal principal) {
            BigDecimal[] m = month(creditorId, day);
            m[1] = m[1].add(principal);
        }

        private BigDecimal[] month(long creditorId, LocalDate day) {
            return months.computeIfAbsent(new MonthKey(creditorId, day.withDayOfMonth(1)), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
        }

        void add(Share s) {
            change(s, 1);
        }

        void remove(Share s) {
            change(s, -1);
        }

        private void change(Share s, int sign) {
            if (s == null) return;
            dues.computeIfAbsent(new DueKey(s.creditorId(), s.settled(), s.dueKey()), k -> new Sum()).add(sign, s.paid(), s.outstanding());
            customers.computeIfAbsent(s.customerId(), k -> new Sum()).add(sign, s.paid(), s.outstanding());
            amounts.merge(new AmountKey(s.creditorId(), "P", amountBucket(cents(s.principal()))), (long) sign, Long::sum);
            amounts.merge(new AmountKey(s.creditorId(), "O", amountBucket(cents(s.outstanding()))), (long) sign, Long::sum);
        }

        /** Customers inserted with their kept figures already counted (an import's new customers): not updated again. */
        void writtenWith(Collection<Long> customerIds) {
            customerIds.forEach(customers::remove);
        }

        void apply(Connection c) throws SQLException {
            if (!dues.isEmpty()) applyDues(c);
            if (!amounts.isEmpty()) applyAmounts(c);
            if (!months.isEmpty()) applyMonths(c);
            if (!customers.isEmpty()) applyCustomers(c);
        }

        private void applyDues(Connection c) throws SQLException {
            try (PreparedStatement up = c.prepareStatement("UPDATE book_due_total SET receivables = receivables + ?, paid = paid + ?, "
                    + "outstanding = outstanding + ? WHERE creditor_id = ? AND settled = ? AND first_unpaid_due IS NOT DISTINCT FROM ?");
                 PreparedStatement in = c.prepareStatement("INSERT INTO book_due_total (receivables, paid, outstanding, creditor_id, settled, "
                         + "first_unpaid_due) VALUES (?, ?, ?, ?, ?, ?)")) {
                for (var e : dues.entrySet()) {
                    Sum v = e.getValue();
                    if (v.isZero()) continue;
                    DueKey k = e.getKey();
                    for (PreparedStatement ps : new PreparedStatement[]{up, in}) {
                        ps.setLong(1, v.receivables);
                        ps.setBigDecimal(2, v.paid);
                        ps.setBigDecimal(3, v.outstanding);
                        ps.setLong(4, k.creditorId());
                        ps.setBoolean(5, k.settled());
                        ps.setDate(6, k.due() == null ? null : Date.valueOf(k.due()));
                        if (ps.executeUpdate() > 0) break;
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM book_due_total WHERE receivables = 0")) {
                ps.executeUpdate();
            }
        }

        private void applyAmounts(Connection c) throws SQLException {
            try (PreparedStatement up = c.prepareStatement("UPDATE book_amount_total SET receivables = receivables + ? "
                    + "WHERE creditor_id = ? AND kind = ? AND bucket = ?");
                 PreparedStatement in = c.prepareStatement("INSERT INTO book_amount_total (receivables, creditor_id, kind, bucket) VALUES (?, ?, ?, ?)")) {
                boolean emptied = false;
                for (var e : amounts.entrySet()) {
                    long n = e.getValue();
                    if (n == 0) continue;
                    emptied |= n < 0;
                    AmountKey k = e.getKey();
                    for (PreparedStatement ps : new PreparedStatement[]{up, in}) {
                        ps.setLong(1, n);
                        ps.setLong(2, k.creditorId());
                        ps.setString(3, k.kind());
                        ps.setLong(4, k.bucket());
                        if (ps.executeUpdate() > 0) break;
                    }
                }
                if (!emptied) return;
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM book_amount_total WHERE receivables = 0")) {
                ps.executeUpdate();
            }
        }

        private void applyMonths(Connection c) throws SQLException {
            try (PreparedStatement up = c.prepareStatement("UPDATE book_month_total SET collected = collected + ?, lent = lent + ? "
                    + "WHERE creditor_id = ? AND first_day = ?");
                 PreparedStatement in = c.prepareStatement("INSERT INTO book_month_total (collected, lent, creditor_id, first_day) VALUES (?, ?, ?, ?)")) {
                for (var e : months.entrySet()) {
                    BigDecimal[] v = e.getValue();
                    if (v[0].signum() == 0 && v[1].signum() == 0) continue;
                    for (PreparedStatement ps : new PreparedStatement[]{up, in}) {
                        ps.setBigDecimal(1, v[0]);
                        ps.setBigDecimal(2, v[1]);
                        ps.setLong(3, e.getKey().creditorId());
                        ps.setDate(4, Date.valueOf(e.getKey().month()));
                        if (ps.executeUpdate() > 0) break;
                    }
                }
            }
        }

        private void applyCustomers(Connection c) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("UPDATE customer SET receivable_count = receivable_count + ?, "
                    + "outstanding = outstanding + ? WHERE id = ?")) {
                for (var e : customers.entrySet()) {
                    Sum v = e.getValue();
                    if (v.receivables == 0 && v.outstanding.signum() == 0) continue;
                    ps.setLong(1, v.receivables);
                    ps.setBigDecimal(2, v.outstanding);
                    ps.setLong(3, e.getKey());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    /**
     * The bucket of {@code book_amount_total} (V21) an amount key in whole cents falls in: the key cut to its first three
     * digits (123456789 → 123000000); a key from 0 to 999 its own bucket; every negative key (an overpaid receivable's
     * outstanding) the one bucket {@link #NEGATIVE}. Never more than the key, and keys in order have buckets in order, so
     * the receivables before a bucket are those whose key is less than it.
     */
    static long amountBucket(long cents) {
        if (cents < 0) return NEGATIVE;
        if (cents < 1000) return cents;
        long unit = 1;
        for (long v = cents; v >= 1000; v /= 10) unit *= 10;
        return cents / unit * unit;
    }

    /** The bucket of every negative key: below any key a NUMERIC(19, 2) amount gives (at most 10^17 cents either way). */
    static final long NEGATIVE = -1_000_000_000_000_000_000L;

    /** The largest key in {@code bucket}. */
    static long amountBucketLast(long bucket) {
        if (bucket == NEGATIVE) return -1;
        if (bucket < 1000) return bucket;
        long unit = 1;
        for (long v = bucket; v >= 1000; v /= 10) unit *= 10;
        return bucket + (unit - 1);
    }

    /** An amount of NUMERIC(19, 2) as the cent key V13 generates from it. */
    static long cents(BigDecimal amount) {
        return amount.movePointRight(2).setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
    }

    /** {@link #amountBucket} in SQL (V21 fills the table with the same expression). */
    static String amountBucketSql(String cents) {
        String unit = "CAST(POWER(10, LENGTH(CAST(" + cents + " AS VARCHAR)) - 3) AS BIGINT)";
        return "CASE WHEN " + cents + " < 0 THEN CAST(" + NEGATIVE + " AS BIGINT) WHEN " + cents + " < 1000 THEN " + cents
                + " ELSE " + cents + " / " + unit + " * " + unit + " END";
    }

    /** Per book, kind and bucket, how many receivables the rows give (two book parameters). */
    private static final String AMOUNTS_FROM_ROWS = "SELECT r.creditor_id, CAST('P' AS CHAR(1)), " + amountBucketSql("r.principal_cents")
            + ", COUNT(*) FROM receivable r WHERE r.creditor_id = ? GROUP BY r.creditor_id, " + amountBucketSql("r.principal_cents")
            + " UNION ALL SELECT r.creditor_id, CAST('O' AS CHAR(1)), " + amountBucketSql("r.outstanding_cents")
            + ", COUNT(*) FROM receivable r WHERE r.creditor_id = ? GROUP BY r.creditor_id, " + amountBucketSql("r.outstanding_cents");

    // The kept totals as the receivable rows give them, for verify and for rebuilding a book's totals.
    private static final String DUE_KEY = "CASE WHEN r.outstanding <= 0 THEN NULL ELSE r.first_unpaid_due END";
    private static final String DUE_TOTALS_FROM_ROWS = "SELECT r.creditor_id, r.outstanding <= 0, " + DUE_KEY
            + ", COUNT(*), SUM(r.paid), SUM(r.outstanding) FROM receivable r WHERE r.creditor_id = ? GROUP BY r.creditor_id, r.outstanding <= 0, " + DUE_KEY;
    private static final String CUSTOMER_COUNT = "(SELECT COUNT(*) FROM receivable r WHERE r.customer_id = cu.id AND r.creditor_id IS NOT NULL)";
    private static final String CUSTOMER_OUTSTANDING = "COALESCE((SELECT SUM(r.outstanding) FROM receivable r "
            + "WHERE r.customer_id = cu.id AND r.creditor_id IS NOT NULL), 0)";

    /**
     * Whether the book's kept totals (per due date, per customer, per month) equal what its rows add up to: a
     * full pass over the book, for {@code huikuan verify}. Returns what differs, empty when they agree.
     */
    static List<String> totalsDiffer(Connection c, long creditorId) throws SQLException {
        List<String> out = new ArrayList<>();
        long dues = rowsDiffer(c, creditorId, DUE_TOTALS_FROM_ROWS, 1, "SELECT creditor_id, settled, first_unpaid_due, receivables, paid, outstanding"
                + " FROM book_due_total WHERE creditor_id = ?");
        if (dues > 0) out.add("aging totals per due date (book_due_total): " + dues + " rows differ");
        long amountRows = rowsDiffer(c, creditorId, AMOUNTS_FROM_ROWS, 2, "SELECT creditor_id, kind, bucket, receivables"
                + " FROM book_amount_total WHERE creditor_id = ?");
        if (amountRows > 0) out.add("counts per amount (book_amount_total): " + amountRows + " rows differ");
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM customer cu WHERE cu.creditor_id = ? AND (cu.receivable_count <> "
                + CUSTOMER_COUNT + " OR cu.outstanding <> " + CUSTOMER_OUTSTANDING + ")")) {
            ps.setLong(1, creditorId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (rs.getLong(1) > 0) out.add("customer totals (receivable count, outstanding): " + rs.getLong(1) + " customers differ");
            }
        }
        long months = rowsDiffer(c, creditorId, MONTHS_FROM_ROWS, 2, "SELECT creditor_id, first_day, collected, lent FROM book_month_total"
                + " WHERE creditor_id = ? AND (collected <> 0 OR lent <> 0)");
        if (months > 0) out.add("recovery totals per month (book_month_total): " + months + " rows differ");
        try (PreparedStatement ps = c.prepareStatement("SELECT customer_count, " + CUSTOMER_COUNT_OF_BOOK + " FROM creditor cr WHERE cr.id = ?")) {
            ps.setLong(1, creditorId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next() && rs.getLong(1) != rs.getLong(2)) {
                    out.add("number of customers: kept " + rs.getLong(1) + ", counted " + rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** Per book and month, what the payments and receivables give (the rule of migration V11), for one book. */
    private static final String MONTHS_FROM_ROWS = "SELECT creditor_id, first_day, SUM(collected), SUM(lent) FROM ("
            + "SELECT r.creditor_id, CAST(DATE_TRUNC('MONTH', p.paid_on) AS DATE) AS first_day, p.amount AS collected, CAST(0 AS NUMERIC(19, 2)) AS lent"
            + " FROM payment p JOIN receivable r ON r.id = p.receivable_id WHERE r.creditor_id = ?"
            + " UNION ALL SELECT r.creditor_id, CAST(DATE_TRUNC('MONTH', r.contract_date) AS DATE), CAST(0 AS NUMERIC(19, 2)), r.principal"
            + " FROM receivable r WHERE r.creditor_id = ?) x GROUP BY creditor_id, first_day";

    /**
     * Takes erased receivables' payments and principal off the month totals; called before their payments and
     * rows are deleted, in the same transaction.
     */
    static void forgetMonths(Connection c, long creditorId, List<Long> receivableIds) throws SQLException {
        Totals t = new Totals();
        for (Long id : receivableIds) {
            try (PreparedStatement ps = c.prepareStatement("SELECT paid_on, amount FROM payment WHERE receivable_id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) t.collected(creditorId, rs.getDate(1).toLocalDate(), rs.getBigDecimal(2).negate());
                }
            }
            unlend(c, creditorId, id, t);
        }
        t.apply(c);
    }

    /**
     * Takes a receivable's principal, as the database has it (before an edit is flushed), off its contract month
     * in {@code t}; nothing for a row not yet counted (no book).
     */
    static void unlend(Connection c, long creditorId, long receivableId, Totals t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT contract_date, principal FROM receivable WHERE id = ? AND creditor_id IS NOT NULL")) {
            ps.setLong(1, receivableId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) t.lent(creditorId, rs.getDate(1).toLocalDate(), rs.getBigDecimal(2).negate());
            }
        }
    }

    /** Keeps the book's number of customers ({@code creditor.customer_count}) when customers are added or removed. */
    static void customersAdded(Connection c, long creditorId, long n) throws SQLException {
        if (n == 0) return;
        try (PreparedStatement ps = c.prepareStatement("UPDATE creditor SET customer_count = customer_count + ? WHERE id = ?")) {
            ps.setLong(1, n);
            ps.setLong(2, creditorId);
            ps.executeUpdate();
        }
    }

    private static final String CUSTOMER_COUNT_OF_BOOK = "(SELECT COUNT(*) FROM customer cu WHERE cu.creditor_id = cr.id)";

    /**
     * How many rows differ between what the rows give ({@code fromRows}, with {@code fromRowsBooks} book
     * parameters) and what is kept ({@code kept}, one book parameter), both ways round, as SQL's {@code EXCEPT} counts
     * them (distinct rows; numbers equal whatever their scale). Each side is read once and compared here: two
     * {@code EXCEPT}s evaluated both sides twice, the larger part of verify's check of the totals (issue 25, start-up).
     */
    private static long rowsDiffer(Connection c, long creditorId, String fromRows, int fromRowsBooks, String kept) throws SQLException {
        java.util.Set<List<Object>> given = distinctRows(c, fromRows, creditorId, fromRowsBooks);
        java.util.Set<List<Object>> held = distinctRows(c, kept, creditorId, 1);
        return given.stream().filter(r -> !held.contains(r)).count() + held.stream().filter(r -> !given.contains(r)).count();
    }

    private static java.util.Set<List<Object>> distinctRows(Connection c, String sql, long creditorId, int books) throws SQLException {
        java.util.Set<List<Object>> rows = new java.util.HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 1; i <= books; i++) ps.setLong(i, creditorId);
            try (ResultSet rs = ps.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    List<Object> row = new ArrayList<>(n);
                    for (int i = 1; i <= n; i++) {
                        Object v = rs.getObject(i);
                        // 12.50 and 12.5, 3 as a BIGINT or an INTEGER: equal in SQL, so equal here
                        if (v instanceof BigDecimal d) v = d.signum() == 0 ? BigDecimal.ZERO : d.stripTrailingZeros();
                        else if (v instanceof Integer || v instanceof Short) v = ((Number) v).longValue();
                        else if (v instanceof String t) v = t.stripTrailing();
                        row.add(v);
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /** Writes the book's kept totals again from its receivable rows (they are derived; nothing is lost). */
    static void rebuildTotals(Connection c, long creditorId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM book_due_total WHERE creditor_id = ?")) {
            ps.setLong(1, creditorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO book_due_total (creditor_id, settled, first_unpaid_due, receivables, paid, "
                + "outstanding) " + DUE_TOTALS_FROM_ROWS)) {
            ps.setLong(1, creditorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE customer cu SET receivable_count = " + CUSTOMER_COUNT + ", outstanding = "
                + CUSTOMER_OUTSTANDING + " WHERE cu.creditor_id = ?")) {
            ps.setLong(1, creditorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE creditor cr SET customer_count = " + CUSTOMER_COUNT_OF_BOOK + " WHERE cr.id = ?")) {
            ps.setLong(1, creditorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM book_amount_total WHERE creditor_id = ?")) {
            ps.setLong(1, creditorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO book_amount_total (creditor_id, kind, bucket, receivables) " + AMOUNTS_FROM_ROWS)) {
            ps.setLong(1, creditorId);
            ps.setLong(2, creditorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM book_month_total WHERE creditor_id = ?")) {
            ps.setLong(1, creditorId);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO book_month_total (creditor_id, first_day, collected, lent) " + MONTHS_FROM_ROWS)) {
            ps.setLong(1, creditorId);
            ps.setLong(2, creditorId);
            ps.executeUpdate();
        }
    }

    /**
     * Receivables of the book whose kept figures differ from what the payments and the schedule give (written
     * around the app, or a write path that forgot {@link #refresh}): ids, at most {@code limit}. A full pass over
     * the book, for {@code huikuan verify}.
     */
    static List<Long> stale(Connection c, long creditorId, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
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
