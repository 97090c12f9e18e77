package cn.huikuan.application;

import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.IdentityNumbers;
import cn.huikuan.domain.Money;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.ReceivableKind;
import cn.huikuan.persistence.Database;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The list and dashboard queries. They filter, sort, page and aggregate in SQL so that opening a list
 * costs the same for ten receivables as for a million. The balance rules here mirror
 * {@link cn.huikuan.domain.Balance}; a test keeps the two in step.
 */
public final class ListQueries {
    private final Database db;

    public ListQueries(Database db) {
        this.db = db;
    }

    /**
     * One row per receivable of the book with paid, outstanding, first unpaid due date, days overdue and
     * bucket. Parameters: as-of date, as-of date, creditor id. Paid, the final and the first unpaid due date
     * are kept on the receivable row ({@link ReceivableSummary}, migration V9), so a list action reads one
     * table through the book's index instead of summing payments and instalments for every receivable.
     */
    private static final String RECEIVABLE_BASE = """
            SELECT r.id, r.customer_id, cu.name AS customer_name, r.title, r.kind, r.principal, r.paid,
                   r.principal - r.paid AS outstanding, r.final_due, r.first_unpaid_due,
                   CASE WHEN r.principal - r.paid > 0 AND r.first_unpaid_due <= ? THEN DATEDIFF('DAY', r.first_unpaid_due, ?) END AS days_overdue
            FROM receivable r
            JOIN customer cu ON cu.id = r.customer_id
            WHERE r.creditor_id = ?
            """;

    private static final String BUCKET_EXPR = """
            CASE WHEN q.outstanding <= 0 THEN 'SETTLED'
                 WHEN q.days_overdue IS NULL THEN 'NOT_DUE'
                 WHEN q.days_overdue <= 30 THEN 'D0_30'
                 WHEN q.days_overdue <= 90 THEN 'D31_90'
                 WHEN q.days_overdue <= 180 THEN 'D91_180'
                 WHEN q.days_overdue <= 365 THEN 'D181_365'
                 ELSE 'OVER_365' END
            """;

    private static final Map<String, String> RECEIVABLE_SORTS = Map.of(
            "customer", "q.customer_name",
            "title", "q.title",
            "principal", "q.principal",
            "paid", "q.paid",
            "outstanding", "q.outstanding",
            "due", "q.final_due",
            "daysOverdue", "COALESCE(q.days_overdue, -1)");

    public Page<ReceivableRow> receivables(long creditorId, LocalDate asOf, ListQuery query) {
        return receivables(creditorId, null, asOf, query);
    }

    /** Receivables of the book, or of one customer when {@code customerId} is given. */
    public Page<ReceivableRow> receivables(long creditorId, Long customerId, LocalDate asOf, ListQuery query) {
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (customerId != null) {
            where.append(" AND q.customer_id = ?");
            params.add(customerId);
        }
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND (LOWER(q.customer_name) LIKE ? ESCAPE '\\' OR LOWER(q.title) LIKE ? ESCAPE '\\'"
                    + " OR CAST(q.principal AS VARCHAR) LIKE ? ESCAPE '\\' OR CAST(q.outstanding AS VARCHAR) LIKE ? ESCAPE '\\')");
            params.add(like);
            params.add(like);
            params.add(like);
            params.add(like);
        }
        if (query.bucket() != null) {
            where.append(" AND ").append(BUCKET_EXPR).append(" = ?");
            params.add(query.bucket().name());
        }
        String order = sortColumn(RECEIVABLE_SORTS, query.sortKey(), "COALESCE(q.days_overdue, -1)");
        boolean asc = query.sortKey() == null ? false : query.ascending();
        String from = "FROM (" + RECEIVABLE_BASE + ") q" + where;
        String sql = "SELECT q.*, " + BUCKET_EXPR + " AS bucket " + from
                + " ORDER BY " + order + (asc ? " ASC" : " DESC") + ", q.id ASC LIMIT ? OFFSET ?";
        String countSql = "SELECT COUNT(*) " + from;
        return db.withConnection(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement(countSql)) {
                int i = bindBase(ps, creditorId, asOf);
                bindAll(ps, i, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<ReceivableRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bindBase(ps, creditorId, asOf);
                i = bindAll(ps, i, params);
                ps.setInt(i++, query.pageSize());
                ps.setLong(i, (long) query.page() * query.pageSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(receivableRow(rs));
                }
            }
            return new Page<>(rows, total, query.page(), query.pageSize());
        });
    }

    /** Outstanding per customer and aging bucket, aggregated in the database (账龄分析 by customer, issue 7). */
    public record AgingRow(long customerId, String customer, Map<AgingBucket, BigDecimal> buckets) {
        public BigDecimal total() {
            return buckets.values().stream().reduce(Money.ZERO, BigDecimal::add);
        }
    }

    public List<AgingRow> agingByCustomer(long creditorId, LocalDate asOf) {
        String sql = "SELECT q.customer_id, q.customer_name, " + BUCKET_EXPR + " AS bucket, SUM(GREATEST(q.outstanding, 0))"
                + " FROM (" + RECEIVABLE_BASE + ") q GROUP BY q.customer_id, q.customer_name, bucket";
        return db.withConnection(c -> {
            Map<Long, AgingRow> rows = new java.util.LinkedHashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindBase(ps, creditorId, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AgingBucket b = AgingBucket.valueOf(rs.getString(3));
                        if (b == AgingBucket.SETTLED) continue;
                        AgingRow row = rows.computeIfAbsent(rs.getLong(1), id -> {
                            try {
                                return new AgingRow(id, rs.getString(2), new EnumMap<>(AgingBucket.class));
                            } catch (java.sql.SQLException e) {
                                throw new IllegalStateException(e);
                            }
                        });
                        row.buckets().merge(b, Money.round(rs.getBigDecimal(4)), BigDecimal::add);
                    }
                }
            }
            List<AgingRow> list = new ArrayList<>(rows.values());
            list.sort(java.util.Comparator.comparing(AgingRow::total).reversed().thenComparing(AgingRow::customer));
            return list;
        });
    }

    /** One month of the recovery report: what came in during the month and what was still owed at its end. */
    public record RecoveryMonth(java.time.YearMonth month, BigDecimal collected, BigDecimal outstanding) {
    }

    /**
     * 回款分析 (issue 7): for each of the last {@code months} months up to {@code asOf}, the payments received
     * in the month and the principal still outstanding at the month's end (or at {@code asOf} for this
     * month), aggregated in the database: one grouped query for each of the two series.
     */
    public List<RecoveryMonth> recovery(long creditorId, LocalDate asOf, int months) {
        java.time.YearMonth last = java.time.YearMonth.from(asOf);
        java.time.YearMonth first = last.minusMonths(months - 1L);
        return db.withConnection(c -> {
            Map<java.time.YearMonth, BigDecimal> paidIn = new java.util.TreeMap<>();
            Map<java.time.YearMonth, BigDecimal> lent = new java.util.TreeMap<>();
            BigDecimal paidBefore = Money.ZERO, lentBefore = Money.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT YEAR(p.paid_on), MONTH(p.paid_on), SUM(p.amount) FROM payment p "
                    + "JOIN receivable r ON r.id = p.receivable_id JOIN customer cu ON cu.id = r.customer_id "
                    + "WHERE cu.creditor_id = ? AND p.paid_on <= ? GROUP BY YEAR(p.paid_on), MONTH(p.paid_on)")) {
                ps.setLong(1, creditorId);
                ps.setDate(2, java.sql.Date.valueOf(asOf));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) paidIn.put(java.time.YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getBigDecimal(3));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT YEAR(r.contract_date), MONTH(r.contract_date), SUM(r.principal) FROM receivable r "
                    + "JOIN customer cu ON cu.id = r.customer_id WHERE cu.creditor_id = ? AND r.contract_date <= ? "
                    + "GROUP BY YEAR(r.contract_date), MONTH(r.contract_date)")) {
                ps.setLong(1, creditorId);
                ps.setDate(2, java.sql.Date.valueOf(asOf));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) lent.put(java.time.YearMonth.of(rs.getInt(1), rs.getInt(2)), rs.getBigDecimal(3));
                }
            }
            for (var e : paidIn.entrySet()) if (e.getKey().isBefore(first)) paidBefore = paidBefore.add(e.getValue());
            for (var e : lent.entrySet()) if (e.getKey().isBefore(first)) lentBefore = lentBefore.add(e.getValue());
            List<RecoveryMonth> out = new ArrayList<>();
            BigDecimal paidCum = paidBefore, lentCum = lentBefore;
            for (java.time.YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                BigDecimal in = paidIn.getOrDefault(m, Money.ZERO);
                paidCum = paidCum.add(in);
                lentCum = lentCum.add(lent.getOrDefault(m, Money.ZERO));
                out.add(new RecoveryMonth(m, Money.round(in), Money.round(lentCum.subtract(paidCum).max(Money.ZERO))));
            }
            return out;
        });
    }

    public Dashboard dashboard(long creditorId, LocalDate asOf) {
        String sql = "SELECT " + BUCKET_EXPR + " AS bucket, COUNT(*), SUM(q.principal), SUM(q.paid), SUM(GREATEST(q.outstanding, 0))"
                + " FROM (" + RECEIVABLE_BASE + ") q GROUP BY bucket";
        return db.withConnection(c -> {
            long customers;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM customer WHERE creditor_id = ?")) {
                ps.setLong(1, creditorId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    customers = rs.getLong(1);
                }
            }
            Map<AgingBucket, Dashboard.BucketTotal> buckets = new EnumMap<>(AgingBucket.class);
            BigDecimal principal = Money.ZERO, paid = Money.ZERO, outstanding = Money.ZERO, overdue = Money.ZERO;
            long open = 0;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindBase(ps, creditorId, asOf);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        AgingBucket b = AgingBucket.valueOf(rs.getString(1));
                        long n = rs.getLong(2);
                        BigDecimal out = Money.round(rs.getBigDecimal(5));
                        buckets.put(b, new Dashboard.BucketTotal(n, out));
                        principal = principal.add(rs.getBigDecimal(3));
                        paid = paid.add(rs.getBigDecimal(4));
                        outstanding = outstanding.add(out);
                        if (b != AgingBucket.SETTLED) open += n;
                        if (b.isOverdue()) overdue = overdue.add(out);
                    }
                }
            }
            return new Dashboard(customers, open, Money.round(principal), Money.round(paid), Money.round(outstanding),
                    Money.round(overdue), buckets);
        });
    }

    private static final Map<String, String> CUSTOMER_SORTS = Map.of(
            "name", "q.name",
            "receivables", "q.receivable_count",
            "outstanding", "q.outstanding",
            "created", "q.created_at");

    public Page<CustomerRow> customers(long creditorId, ListQuery query) {
        String base = """
                SELECT cu.id, cu.kind, cu.name, cu.registration_number, cu.created_at,
                       (SELECT MIN(cc."value") FROM customer_contact cc WHERE cc.customer_id = cu.id AND cc.kind = 'PHONE') AS phone,
                       (SELECT COUNT(*) FROM receivable r WHERE r.customer_id = cu.id) AS receivable_count,
                       COALESCE((SELECT SUM(r.principal - r.paid) FROM receivable r WHERE r.customer_id = cu.id), 0) AS outstanding
                FROM customer cu WHERE cu.creditor_id = ?
                """;
        StringBuilder where = new StringBuilder(" WHERE 1=1");
        List<Object> params = new ArrayList<>();
        if (query.text() != null && !query.text().isBlank()) {
            String like = "%" + escapeLike(query.text().strip().toLowerCase(Locale.ROOT)) + "%";
            where.append(" AND (LOWER(q.name) LIKE ? ESCAPE '\\' OR LOWER(COALESCE(q.registration_number, '')) LIKE ? ESCAPE '\\'"
                    + " OR EXISTS (SELECT 1 FROM customer_contact cc WHERE cc.customer_id = q.id AND LOWER(cc.\"value\") LIKE ? ESCAPE '\\'))");
            params.add(like);
            params.add(like);
            params.add(like);
        }
        String order = sortColumn(CUSTOMER_SORTS, query.sortKey(), "q.name");
        String from = "FROM (" + base + ") q" + where;
        String sql = "SELECT q.* " + from + " ORDER BY " + order + (query.ascending() ? " ASC" : " DESC") + ", q.id LIMIT ? OFFSET ?";
        return db.withConnection(c -> {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) " + from)) {
                ps.setLong(1, creditorId);
                bindAll(ps, 2, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<CustomerRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, creditorId);
                int i = bindAll(ps, 2, params);
                ps.setInt(i++, query.pageSize());
                ps.setLong(i, (long) query.page() * query.pageSize());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String number = rs.getString("registration_number");
                        PartyKind kind = PartyKind.valueOf(rs.getString("kind"));
                        rows.add(new CustomerRow(rs.getLong("id"), kind, rs.getString("name"),
                                number == null ? "" : kind == PartyKind.PERSON ? IdentityNumbers.mask(number) : number,
                                maskPhone(rs.getString("phone")), rs.getLong("receivable_count"),
                                Money.round(rs.getBigDecimal("outstanding"))));
                    }
                }
            }
            return new Page<>(rows, total, query.page(), query.pageSize());
        });
    }

    /** "138****5678": a list shows enough of a phone number to tell two apart, not to call it. */
    public static String maskPhone(String phone) {
        if (phone == null) return "";
        String p = phone.strip();
        if (p.length() < 7) return p;
        return p.substring(0, 3) + "****" + p.substring(p.length() - 4);
    }

    private static ReceivableRow receivableRow(ResultSet rs) throws SQLException {
        Date finalDue = rs.getDate("final_due");
        Date firstUnpaid = rs.getDate("first_unpaid_due");
        long days = rs.getLong("days_overdue");
        Long daysOverdue = rs.wasNull() ? null : days;
        BigDecimal outstanding = Money.round(rs.getBigDecimal("outstanding"));
        AgingBucket bucket = AgingBucket.valueOf(rs.getString("bucket"));
        return new ReceivableRow(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"), rs.getString("title"),
                ReceivableKind.valueOf(rs.getString("kind")), Money.round(rs.getBigDecimal("principal")),
                Money.round(rs.getBigDecimal("paid")), outstanding.max(Money.ZERO),
                finalDue == null ? null : finalDue.toLocalDate(),
                daysOverdue == null ? null : firstUnpaid.toLocalDate(), daysOverdue, bucket);
    }

    private static int bindBase(PreparedStatement ps, long creditorId, LocalDate asOf) throws SQLException {
        ps.setDate(1, Date.valueOf(asOf));
        ps.setDate(2, Date.valueOf(asOf));
        ps.setLong(3, creditorId);
        return 4;
    }

    private static int bindAll(PreparedStatement ps, int start, List<Object> params) throws SQLException {
        int i = start;
        for (Object p : params) ps.setObject(i++, p);
        return i;
    }

    /** Only whitelisted column expressions ever reach the ORDER BY clause. */
    private static String sortColumn(Map<String, String> allowed, String key, String fallback) {
        return key == null ? fallback : allowed.getOrDefault(key, fallback);
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
