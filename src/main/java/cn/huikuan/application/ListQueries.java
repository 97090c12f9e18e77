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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.sql.Connection;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.TreeMap;

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

    // ---- receivables list (issue 7: < 100 ms per action at 1,000,000 receivables; decision 0009) ----

    private static final String RECEIVABLE_COLUMNS = "r.id, r.customer_id, cu.name AS customer_name, r.title, r.kind, r.principal, "
            + "r.paid, r.outstanding, r.final_due, r.first_unpaid_due";

    /**
     * How a sort key is served: the index that holds the book's receivables in that order, and the ORDER BY that
     * names exactly its columns (so H2 reads the page in index order and stops, instead of sorting the book).
     * {@code urgency}: the first-unpaid-due-date order, whose first click means "most overdue first".
     */
    private record Sort(String index, String column, boolean urgency) {
        /** Ordered by one of the amount indexes, which a large import drops while it writes (decision 0012). */
        boolean amount() {
            return column.endsWith("_cents");
        }
    }

    /** By customer name: read through the customers' name index, each customer's receivables through theirs (in id order). */
    private static final Sort BY_CUSTOMER = new Sort("customer_creditor_name", "cu.name", false);

    private static final Map<String, Sort> RECEIVABLE_SORTS = Map.of(
            "customer", BY_CUSTOMER,
            "title", new Sort("receivable_book_title", "r.title", false),
            "principal", new Sort("receivable_book_principal", "r.principal_cents", false),
            "outstanding", new Sort("receivable_book_outstanding", "r.outstanding_cents", false),
            "due", new Sort("receivable_book_final_due", "r.final_due", false),
            "daysOverdue", new Sort("receivable_book_first_unpaid", "r.first_unpaid_due", true));

    /** Most overdue first: by first unpaid due date, those without one (settled, no schedule) last, each in id order. */
    private static final Sort URGENCY = RECEIVABLE_SORTS.get("daysOverdue");

    /** A condition on the kept first unpaid due date and settledness, written for a receivable row or a total row. */
    private record Cond(String sql, List<Object> params) {
        static final Cond ALL = new Cond("TRUE", List.of());

        Cond and(Cond o) {
            if (this == ALL) return o;
            if (o == ALL) return this;
            List<Object> p = new ArrayList<>(params);
            p.addAll(o.params);
            return new Cond("(" + sql + ") AND (" + o.sql + ")", p);
        }
    }

    /** The two columns a condition is written over: receivable rows ({@code r.}) or book_due_total rows ({@code t.}). */
    private record Cols(String due, String settled) {
        static final Cols ROW = new Cols("r.first_unpaid_due", "(r.outstanding <= 0)");
        static final Cols TOTAL = new Cols("t.first_unpaid_due", "t.settled");
    }

    /** The receivables of one aging bucket as of {@code asOf} (the rules of {@link AgingBucket} and {@link cn.huikuan.domain.Balance}). */
    private static Cond bucket(AgingBucket b, LocalDate asOf, Cols c) {
        return switch (b) {
            case SETTLED -> new Cond(c.settled(), List.of());
            case NOT_DUE -> new Cond("NOT " + c.settled() + " AND (" + c.due() + " > ? OR " + c.due() + " IS NULL)", List.of(Date.valueOf(asOf)));
            default -> new Cond("NOT " + c.settled(), List.of()).and(overdueDates(b, asOf, c));
        };
    }

    /** The first unpaid due dates of an overdue bucket as of {@code asOf}: days overdue = asOf − date. */
    private static Cond overdueDates(AgingBucket b, LocalDate asOf, Cols c) {
        return b == AgingBucket.OVER_365
                ? new Cond(c.due() + " <= ?", List.of(Date.valueOf(asOf.minusDays(b.minDays()))))
                : new Cond(c.due() + " BETWEEN ? AND ?", List.of(Date.valueOf(asOf.minusDays(b.maxDays())), Date.valueOf(asOf.minusDays(b.minDays()))));
    }

    /**
     * A bucket within one of the urgency order's parts, so that each stays one range of the index: receivables
     * with a first unpaid due date are open (the kept rule empties it once nothing is outstanding), those without
     * are settled or have no schedule (not due). {@code null}: none of the part is in the bucket.
     */
    private static Cond bucketInPart(AgingBucket b, boolean dated, LocalDate asOf, Cols c) {
        if (dated) {
            return switch (b) {
                case SETTLED -> null;
                case NOT_DUE -> new Cond(c.due() + " > ?", List.of(Date.valueOf(asOf)));
                default -> overdueDates(b, asOf, c);
            };
        }
        return switch (b) {
            case SETTLED -> new Cond(c.settled(), List.of());
            case NOT_DUE -> new Cond("NOT " + c.settled(), List.of());
            default -> null;
        };
    }

    /** One part of the urgency order: with a first unpaid due date (by date) or without (in id order). */
    private static Cond urgencyPart(boolean dated, Cols c) {
        return new Cond(c.due() + (dated ? " IS NOT NULL" : " IS NULL"), List.of());
    }

    public Page<ReceivableRow> receivables(long creditorId, LocalDate asOf, ListQuery query) {
        return receivables(creditorId, null, asOf, query);
    }

    /**
     * Receivables of the book, or of one customer when {@code customerId} is given. Without a search text or a
     * customer, the page is read in the order of an index over the book and the counts come from the kept totals
     * ({@code book_due_total}), so the cost does not grow with the book; with one, the matching receivables are
     * found through indexes first and only they are sorted and counted.
     */
    public Page<ReceivableRow> receivables(long creditorId, Long customerId, LocalDate asOf, ListQuery query) {
        Sort sort = query.sortKey() == null ? URGENCY : RECEIVABLE_SORTS.getOrDefault(query.sortKey(), URGENCY);
        // urgency's natural order is "most overdue first", which is the descending days-overdue column
        boolean forward = query.sortKey() == null || !RECEIVABLE_SORTS.containsKey(query.sortKey()) ? true
                : sort.urgency() != query.ascending();
        boolean hasText = query.text() != null && !query.text().isBlank();
        return db.withConnection(c -> customerId != null || hasText
                ? matched(c, creditorId, customerId, hasText ? query.text().strip() : null, asOf, query, sort, forward)
                : indexed(c, creditorId, asOf, query, sort, forward));
    }

    /**
     * One index range of a list: its condition on receivable rows and on the kept totals, how many rows it holds,
     * and whether its order is by first unpaid due date (then a deep page can seek to the date it starts in).
     */
    private record Part(Cond row, Cond total, long count, boolean dated, Kept kept) {
    }

    private Page<ReceivableRow> indexed(Connection c, long creditorId, LocalDate asOf, ListQuery query, Sort sort, boolean forward)
            throws SQLException {
        List<Part> parts = new ArrayList<>();
        if (sort.urgency()) {
            for (boolean dated : new boolean[]{true, false}) {
                Cond row = urgencyPart(dated, Cols.ROW), total = urgencyPart(dated, Cols.TOTAL);
                if (query.bucket() != null) {
                    Cond br = bucketInPart(query.bucket(), dated, asOf, Cols.ROW);
                    if (br == null) continue;
                    row = row.and(br);
                    total = total.and(bucketInPart(query.bucket(), dated, asOf, Cols.TOTAL));
                }
                Kept kept = kept(c, creditorId, total);
                parts.add(new Part(row, total, kept.count(), dated, kept));
            }
        } else {
            Cond row = query.bucket() == null ? Cond.ALL : bucket(query.bucket(), asOf, Cols.ROW);
            Cond total = query.bucket() == null ? Cond.ALL : bucket(query.bucket(), asOf, Cols.TOTAL);
            parts.add(new Part(row, total, keptCount(c, creditorId, total), false, null));
        }
        long total = parts.stream().mapToLong(Part::count).sum();
        long offset = (long) query.page() * query.pageSize();
        int limit = (int) Math.max(0, Math.min(query.pageSize(), total - offset));
        List<ReceivableRow> rows;
        if (limit > 0 && offset > total / 2) {
            // a page in the second half is read from the other end: fewer index entries to step over
            rows = walk(c, creditorId, asOf, sort, !forward, forward ? reversed(parts) : parts, total - offset - limit, limit);
            Collections.reverse(rows);
        } else {
            rows = walk(c, creditorId, asOf, sort, forward, forward ? parts : reversed(parts), offset, limit);
        }
        return new Page<>(rows, total, query.page(), query.pageSize());
    }

    private static <T> List<T> reversed(List<T> xs) {
        List<T> r = new ArrayList<>(xs);
        Collections.reverse(r);
        return r;
    }

    /** Below this many rows to skip, stepping over index entries is cheaper than working out where to start. */
    private static final long SEEK_FROM = 1_000;

    /** {@link #SEEK_FROM}, lowered by tests so that every page of a small book seeks. */
    long seekFrom = SEEK_FROM;

    /**
     * Below this many rows to skip, a list by amount steps over index entries (~0.1 µs each) rather than reading the
     * counts per amount (V21) first: page 20 (1,000 rows in) is as quick as before.
     */
    private static final long AMOUNT_SEEK_FROM = 10_000;

    /** {@link #AMOUNT_SEEK_FROM}, lowered by tests. */
    long amountSeekFrom = AMOUNT_SEEK_FROM;

    /**
     * Reads {@code limit} rows after skipping {@code offset} across the parts, in the given direction. The ORDER
     * BY names only the index's columns: entries with equal values follow in id order within the index, and a
     * trailing {@code id} would make H2 sort each group of equal values (the 130,000 settled receivables of
     * the 1M bench book are one such group). A deep page of a part ordered by due date starts at the date the
     * kept totals place it in, so only that date's receivables are stepped over.
     */
    private List<ReceivableRow> walk(Connection c, long creditorId, LocalDate asOf, Sort sort, boolean forward, List<Part> parts,
                                     long offset, int limit) throws SQLException {
        List<ReceivableRow> rows = new ArrayList<>();
        long skip = offset;
        for (Part p : parts) {
            if (rows.size() >= limit) break;
            if (skip >= p.count()) {
                skip -= p.count();
                continue;
            }
            Cond cond = p.row();
            if (p.dated() && skip >= seekFrom) {
                Seek seek = seek(c, creditorId, p.total(), forward, skip);
                cond = cond.and(new Cond("r.first_unpaid_due " + (forward ? ">=" : "<=") + " ?", List.of(seek.key())));
                skip = seek.skip();
            } else if (sort.amount() && p.row() == Cond.ALL && skip >= amountSeekFrom) {
                // a deep page by amount or outstanding starts at the bucket of keys the kept counts place it in (V21)
                Seek seek = seekAmount(c, creditorId, sort.column().equals("r.principal_cents") ? "P" : "O", forward, skip);
                cond = new Cond(sort.column() + (forward ? " >= ?" : " <= ?"), List.of(seek.key()));
                skip = seek.skip();
            } else if (p.dated() && p.kept().first() != null) {
                // a shallow page starts at the part's first (or last) date of the kept totals: "IS NOT NULL" is no range
                // H2 can seek, so it stepped over the book's receivables without a date first (NULLs sort first in
                // the index): ~130,000 entries before the first page of the 1M bench book (issue 25)
                cond = cond.and(new Cond("r.first_unpaid_due " + (forward ? ">=" : "<=") + " ?",
                        List.of(Date.valueOf(forward ? p.kept().first() : p.kept().last()))));
            }
            String dir = forward ? "" : " DESC";
            if (sort == BY_CUSTOMER) {
                String sql = "SELECT " + RECEIVABLE_COLUMNS + " FROM customer cu" + db.dialect().useIndex("customer_creditor_name") + " JOIN receivable r" + db.dialect().useIndex("receivable_customer")
                        + " ON r.customer_id = cu.id WHERE cu.creditor_id = ? AND r.creditor_id = cu.creditor_id AND " + cond.sql()
                        + " ORDER BY cu.creditor_id" + dir + ", cu.name" + dir + ", cu.id" + dir + ", r.id" + dir + " LIMIT ? OFFSET ?";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, creditorId);
                    int i = bindAll(ps, 2, cond.params());
                    ps.setInt(i++, limit - rows.size());
                    ps.setLong(i, skip);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) rows.add(receivableRow(rs, asOf));
                    }
                }
            } else {
                // 1. the page's ids from the index alone: when the condition names only the index's columns, H2 steps
                //    over skipped entries without reading their rows (a middle page of 1M sorted by amount: 6.4 s before)
                //    (an amount index dropped by a large import meanwhile, decision 0012: H2 sorts the book's rows instead)
                List<Long> ids = new ArrayList<>();
                Cond where = cond;
                long from = skip;
                int wanted = limit - rows.size();
                db.amountIndexes().reading(present -> {
                    boolean indexed = present || !sort.amount();
                    // without the index, equal amounts need the id to keep the index's order
                    try (PreparedStatement ps = c.prepareStatement("SELECT r.id FROM receivable r" + (indexed ? db.dialect().useIndex(sort.index()) : "")
                            + " WHERE r.creditor_id = ? AND " + where.sql() + " ORDER BY r.creditor_id" + dir + ", " + sort.column() + dir
                            + (indexed ? "" : ", r.id" + dir) + " LIMIT ? OFFSET ?")) {
                        ps.setLong(1, creditorId);
                        int i = bindAll(ps, 2, where.params());
                        ps.setInt(i++, wanted);
                        ps.setLong(i, from);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) ids.add(rs.getLong(1));
                        }
                    }
                    return null;
                });
                // 2. their rows by key, put back in the index's order
                if (!ids.isEmpty()) {
                    Map<Long, ReceivableRow> byId = new HashMap<>();
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + RECEIVABLE_COLUMNS
                            + " FROM receivable r JOIN customer cu ON cu.id = r.customer_id WHERE r.id = ANY(?)")) {
                        ps.setObject(1, ids.toArray(Long[]::new));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                ReceivableRow row = receivableRow(rs, asOf);
                                byId.put(row.id(), row);
                            }
                        }
                    }
                    for (Long id : ids) rows.add(byId.get(id));
                }
            }
            skip = 0;
        }
        return rows;
    }

    /** Where a deep page starts: the key to seek to (a first unpaid due date, or an amount key in cents) and how many rows from there to skip. */
    private record Seek(Object key, long skip) {
    }

    /**
     * The amount key a deep page of the list by {@code kind} ('P' principal, 'O' outstanding) starts at, from the kept
     * counts per bucket (V21): forward, the first key of the bucket the {@code skip}-th row falls in; backward, its last.
     * The rows before that bucket are those whose key is beyond it, so only the bucket's own rows are stepped over.
     */
    private static Seek seekAmount(Connection c, long creditorId, String kind, boolean forward, long skip) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT bucket, receivables FROM book_amount_total WHERE creditor_id = ? AND kind = ?"
                + (forward ? " ORDER BY creditor_id, kind, bucket" : " ORDER BY creditor_id DESC, kind DESC, bucket DESC"))) {
            ps.setLong(1, creditorId);
            ps.setString(2, kind);
            long before = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    if (before + n > skip) {
                        long bucket = rs.getLong(1);
                        return new Seek(forward ? bucket : ReceivableSummary.amountBucketLast(bucket), skip - before);
                    }
                    before += n;
                }
            }
        }
        throw new IllegalStateException("the kept amount counts hold fewer receivables than the list counted");
    }

    /** The first unpaid due date the {@code skip}-th row of a dated part falls on, and how many of that date's come before it. */
    private static Seek seek(Connection c, long creditorId, Cond total, boolean forward, long skip) throws SQLException {
        String dir = forward ? "" : " DESC";
        try (PreparedStatement ps = c.prepareStatement("SELECT t.first_unpaid_due, SUM(t.receivables) FROM book_due_total t WHERE t.creditor_id = ? AND "
                + total.sql() + " GROUP BY t.first_unpaid_due ORDER BY t.first_unpaid_due" + dir)) {
            ps.setLong(1, creditorId);
            bindAll(ps, 2, total.params());
            long before = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long n = rs.getLong(2);
                    if (before + n > skip) return new Seek(rs.getDate(1), skip - before);
                    before += n;
                }
            }
        }
        throw new IllegalStateException("the kept totals hold fewer receivables than the list counted");
    }

    /**
     * How many receivables of the book meet a condition and the first and last of their first unpaid due dates (null
     * when none has one), from the kept totals: every receivable is counted in its date's row, so no receivable of
     * the part has a date outside these two.
     */
    private record Kept(long count, LocalDate first, LocalDate last) {
    }

    private static Kept kept(Connection c, long creditorId, Cond cond) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(t.receivables), 0), MIN(t.first_unpaid_due), MAX(t.first_unpaid_due)"
                + " FROM book_due_total t WHERE t.creditor_id = ? AND " + cond.sql())) {
            ps.setLong(1, creditorId);
            bindAll(ps, 2, cond.params());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date first = rs.getDate(2), last = rs.getDate(3);
                return new Kept(rs.getLong(1), first == null ? null : first.toLocalDate(), last == null ? null : last.toLocalDate());
            }
        }
    }

    /** How many receivables of the book meet a condition, from the kept totals: a sum over a few thousand rows at most. */
    private static long keptCount(Connection c, long creditorId, Cond cond) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(SUM(t.receivables), 0) FROM book_due_total t WHERE t.creditor_id = ? AND "
                + cond.sql())) {
            ps.setLong(1, creditorId);
            bindAll(ps, 2, cond.params());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Receivables of one customer, or matching a search text: their ids are found through indexes (customers by
     * name, registration number or phone; contract number or title starting with the text; an amount equal to
     * it), then only those rows are read by key, filtered, sorted and counted, in one query ({@code COUNT(*) OVER ()}).
     */
    private Page<ReceivableRow> matched(Connection c, long creditorId, Long customerId, String text, LocalDate asOf, ListQuery query,
                                        Sort sort, boolean forward) throws SQLException {
        StringBuilder from = new StringBuilder(" FROM receivable r JOIN customer cu ON cu.id = r.customer_id WHERE r.creditor_id = ?");
        List<Object> params = new ArrayList<>();
        params.add(creditorId);
        if (text != null) {
            // the matches first, then their rows by key (= ANY(?) is a lookup in the primary key; joined to the
            // matches as a derived table, H2 sometimes put the book's rows first and ran the search for each)
            Long[] ids = matchingReceivables(c, text, creditorId);
            if (ids.length == 0) return new Page<>(List.of(), 0, query.page(), query.pageSize());
            from.append(" AND r.id = ANY(?)");
            params.add(ids);
        }
        if (customerId != null) {
            from.append(" AND r.customer_id = ?");
            params.add(customerId);
        }
        if (query.bucket() != null) {
            Cond b = bucket(query.bucket(), asOf, Cols.ROW);
            from.append(" AND ").append(b.sql());
            params.addAll(b.params());
        }
        String dir = forward ? "" : " DESC";
        String order = sort.urgency()
                ? "CASE WHEN r.first_unpaid_due IS NULL THEN 1 ELSE 0 END" + dir + ", r.first_unpaid_due" + dir + ", r.id" + dir
                : sort == BY_CUSTOMER ? "cu.name" + dir + ", cu.id" + dir + ", r.id" + dir
                : sort.column() + dir + ", r.id" + dir;
        List<ReceivableRow> rows = new ArrayList<>();
        long total = -1;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + RECEIVABLE_COLUMNS + ", COUNT(*) OVER () AS matches" + from
                + " ORDER BY " + order + " LIMIT ? OFFSET ?")) {
            int i = bindAll(ps, 1, params);
            ps.setInt(i++, query.pageSize());
            ps.setLong(i, (long) query.page() * query.pageSize());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(receivableRow(rs, asOf));
                    total = rs.getLong("matches");
                }
            }
        }
        if (total < 0) { // a page past the end: count on its own
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*)" + from)) {
                bindAll(ps, 1, params);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
        }
        return new Page<>(rows, total, query.page(), query.pageSize());
    }

    /** The ids of the book's receivables a search text finds (see {@link #textMatches}), for an {@code = ANY(?)} lookup. */
    Long[] matchingReceivables(Connection c, String text, long creditorId) throws SQLException {
        return db.amountIndexes().reading(amountIndexes -> {
            StringBuilder sql = new StringBuilder();
            List<Object> params = new ArrayList<>();
            textMatches(c, text, creditorId, sql, params, amountIndexes);
            return ids(c, sql.toString(), params);
        });
    }

    /** The ids of the book's customers a search text finds (see {@link #customerMatches}), for an {@code = ANY(?)} lookup. */
    Long[] matchingCustomers(Connection c, String text, long creditorId) throws SQLException {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        customerMatches(text, creditorId, sql, params);
        return ids(c, sql.toString(), params);
    }

    /** Runs a query of ids (a UNION of matches) and returns them. */
    private static Long[] ids(Connection c, String sql, List<Object> params) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindAll(ps, 1, params);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getLong(1));
            }
        }
        return ids.toArray(Long[]::new);
    }

    /**
     * Up to this many receivables in the book, a search text is also looked for anywhere in titles and contract
     * numbers (a pass over the book's rows: about 1 µs a row in H2, so ~20 ms here); in larger books those two are
     * matched from their start, through their indexes (~1 ms at 1,000,000), and the search prompt says so.
     */
    static final long SUBSTRING_SEARCH_UP_TO = 20_000;

    /** {@link #SUBSTRING_SEARCH_UP_TO}, lowered by tests to check the large-book search on a small book. */
    long substringSearchUpTo = SUBSTRING_SEARCH_UP_TO;

    /** The ids of the book's receivables a search text finds, as a UNION of queries each served by an index. */
    private void textMatches(Connection c, String text, long creditorId, StringBuilder sql, List<Object> params,
                             boolean amountIndexes) throws SQLException {
        // the customers first, then their receivables by key (an IN (subquery) here was evaluated row by row: 0.6 s at 1M)
        sql.append("SELECT m.id FROM receivable m" + db.dialect().useIndex("receivable_customer") + " WHERE m.creditor_id = ? AND m.customer_id = ANY(?)");
        params.add(creditorId);
        params.add(matchingCustomers(c, text, creditorId));
        if (keptCount(c, creditorId, Cond.ALL) <= substringSearchUpTo) {
            String like = "%" + escapeLike(text.toLowerCase(Locale.ROOT)) + "%";
            sql.append(" UNION SELECT m.id FROM receivable m" + db.dialect().useIndex() + " WHERE m.creditor_id = ? AND (LOWER(m.title) LIKE ? ESCAPE '\\'"
                    + " OR LOWER(COALESCE(m.contract_number, '')) LIKE ? ESCAPE '\\')");
            params.addAll(List.of(creditorId, like, like));
        } else {
            for (String[] column : new String[][]{{"title", "receivable_book_title"}, {"contract_number", "receivable_book_contract"}}) {
                for (String prefix : new LinkedHashSet<>(List.of(text, text.toUpperCase(Locale.ROOT)))) {
                    // a range H2 can seek, not LIKE ?: with a bound pattern it cannot know it is a prefix and reads the whole index
                    sql.append(" UNION SELECT m.id FROM receivable m").append(db.dialect().useIndex(column[1])).append(" WHERE m.creditor_id = ? AND m.")
                            .append(column[0]).append(" >= ? AND m.").append(column[0]).append(" < ?");
                    params.add(creditorId);
                    params.add(prefix);
                    params.add(prefix + '\uFFFF');
                }
            }
        }
        BigDecimal amount = SearchService.amount(text);
        // the amount keys are whole cents (V13, decision 0011); no amount is larger than Money.MAX_AMOUNT
        if (amount != null && amount.abs().compareTo(Money.MAX_AMOUNT) <= 0) {
            long cents = amount.movePointRight(2).longValueExact();
            for (String[] column : new String[][]{{"principal_cents", "receivable_book_principal"}, {"outstanding_cents", "receivable_book_outstanding"}}) {
                // without the index (a large import running, decision 0012) H2 reads the book's rows for it
                sql.append(" UNION SELECT m.id FROM receivable m").append(amountIndexes ? db.dialect().useIndex(column[1]) : "")
                        .append(" WHERE m.creditor_id = ? AND m.").append(column[0]).append(" = ?");
                params.add(creditorId);
                params.add(cents);
            }
        }
    }

    /**
     * The ids of the book's customers whose name, registration number or a contact (phone) holds the text: a pass
     * over an index of each, never a lookup per row. Each condition names only its index's columns, so H2 reads a
     * customer's (or contact's) row only when it matches: a pass over the customer table read every row whole
     * (~36 ms warm at 100,000, the largest part of every search at 1,000,000 receivables; through the name index
     * ~17 ms, issue 25). {@code POSITION} is the text's containment, as {@code LIKE '%text%'} was without the pattern
     * work per row. Registration numbers start after the index's NULLs ({@code >= ''}: {@code IS NOT NULL} is
     * no range H2 can seek). Contacts are not of one book: callers keep to the book (their rows are the book's
     * customers or receivables).
     */
    private void customerMatches(String text, long creditorId, StringBuilder sql, List<Object> params) {
        String lower = text.toLowerCase(Locale.ROOT);
        sql.append("SELECT cm.id FROM customer cm" + db.dialect().useIndex("customer_creditor_name") + " WHERE cm.creditor_id = ? AND POSITION(? IN LOWER(cm.name)) > 0"
                + " UNION SELECT cm.id FROM customer cm" + db.dialect().useIndex("customer_registration") + " WHERE cm.registration_number >= ''"
                + " AND POSITION(? IN LOWER(cm.registration_number)) > 0 AND cm.creditor_id = ?"
                + " UNION SELECT cc.customer_id FROM customer_contact cc" + db.dialect().useIndex("customer_contact_value") + " WHERE POSITION(? IN LOWER(cc.\"value\")) > 0");
        params.addAll(List.of(creditorId, lower, lower, creditorId, lower));
    }

    /** Outstanding per customer and aging bucket, aggregated in the database (账龄分析 by customer, issue 7). */
    public record AgingRow(long customerId, String customer, Map<AgingBucket, BigDecimal> buckets) {
        public BigDecimal total() {
            return buckets.values().stream().reduce(Money.ZERO, BigDecimal::add);
        }
    }

    /**
     * Every customer with something outstanding, by bucket: one grouped pass over the book's open receivables
     * (for the Excel and PDF exports, which run in the background; the screen's totals come from the kept ones).
     */
    public List<AgingRow> agingByCustomer(long creditorId, LocalDate asOf) {
        String bucketSql = "CASE WHEN r.first_unpaid_due IS NULL OR r.first_unpaid_due > ? THEN 'NOT_DUE'"
                + " WHEN r.first_unpaid_due >= ? THEN 'D0_30' WHEN r.first_unpaid_due >= ? THEN 'D31_90'"
                + " WHEN r.first_unpaid_due >= ? THEN 'D91_180' WHEN r.first_unpaid_due >= ? THEN 'D181_365' ELSE 'OVER_365' END";
        // one pass over the table (a pass through the book's index looks up every row: ~4x slower), no join per row
        String sql = "SELECT r.customer_id, " + bucketSql + " AS bucket, SUM(r.outstanding) FROM receivable r" + db.dialect().useIndex()
                + " WHERE r.creditor_id = ? AND r.outstanding > 0 GROUP BY r.customer_id, bucket";
        return db.withConnection(c -> {
            Map<Long, Map<AgingBucket, BigDecimal>> byCustomer = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setDate(1, Date.valueOf(asOf));
                int i = 2;
                for (AgingBucket b : List.of(AgingBucket.D0_30, AgingBucket.D31_90, AgingBucket.D91_180, AgingBucket.D181_365)) {
                    ps.setDate(i++, Date.valueOf(asOf.minusDays(b.maxDays())));
                }
                ps.setLong(i, creditorId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        byCustomer.computeIfAbsent(rs.getLong(1), k -> new EnumMap<>(AgingBucket.class))
                                .merge(AgingBucket.valueOf(rs.getString(2)), Money.round(rs.getBigDecimal(3)), BigDecimal::add);
                    }
                }
            }
            List<AgingRow> list = new ArrayList<>(byCustomer.size());
            try (PreparedStatement ps = c.prepareStatement("SELECT id, name FROM customer" + db.dialect().useIndex() + " WHERE creditor_id = ?")) {
                ps.setLong(1, creditorId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<AgingBucket, BigDecimal> buckets = byCustomer.get(rs.getLong(1));
                        if (buckets != null) list.add(new AgingRow(rs.getLong(1), rs.getString(2), buckets));
                    }
                }
            }
            list.sort(Comparator.comparing(AgingRow::total).reversed().thenComparing(AgingRow::customer)
                    .thenComparingLong(AgingRow::customerId));
            return list;
        });
    }

    /** One month of the recovery report: what came in during the month and what was still owed at its end. */
    public record RecoveryMonth(YearMonth month, BigDecimal collected, BigDecimal outstanding) {
    }

    /**
     * 回款分析 (issue 7): for each of the last {@code months} months up to {@code asOf}, the payments received
     * in the month and the principal still outstanding at the month's end (or at {@code asOf} for this
     * month), from the kept totals per book and month (migration V11, written by {@code ReceivableSummary}).
     * Months count whole: a contract dated later this month counts in this month.
     */
    public List<RecoveryMonth> recovery(long creditorId, LocalDate asOf, int months) {
        YearMonth last = YearMonth.from(asOf);
        YearMonth first = last.minusMonths(months - 1L);
        return db.withConnection(c -> {
            Map<YearMonth, BigDecimal> paidIn = new TreeMap<>();
            Map<YearMonth, BigDecimal> lent = new TreeMap<>();
            BigDecimal paidBefore = Money.ZERO, lentBefore = Money.ZERO;
            // the kept totals per book and month (V11, decision 0009): summing 2,000,000 payments joined to their
            // receivables took 17-28 s
            try (PreparedStatement ps = c.prepareStatement("SELECT first_day, collected, lent FROM book_month_total WHERE creditor_id = ? AND first_day <= ?")) {
                ps.setLong(1, creditorId);
                ps.setDate(2, Date.valueOf(asOf.withDayOfMonth(1)));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        YearMonth m = YearMonth.from(rs.getDate(1).toLocalDate());
                        paidIn.put(m, rs.getBigDecimal(2));
                        lent.put(m, rs.getBigDecimal(3));
                    }
                }
            }
            for (var e : paidIn.entrySet()) if (e.getKey().isBefore(first)) paidBefore = paidBefore.add(e.getValue());
            for (var e : lent.entrySet()) if (e.getKey().isBefore(first)) lentBefore = lentBefore.add(e.getValue());
            List<RecoveryMonth> out = new ArrayList<>();
            BigDecimal paidCum = paidBefore, lentCum = lentBefore;
            for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
                BigDecimal in = paidIn.getOrDefault(m, Money.ZERO);
                paidCum = paidCum.add(in);
                lentCum = lentCum.add(lent.getOrDefault(m, Money.ZERO));
                out.add(new RecoveryMonth(m, Money.round(in), Money.round(lentCum.subtract(paidCum).max(Money.ZERO))));
            }
            return out;
        });
    }

    /**
     * The book's totals by aging bucket (the 账龄 report's figures and the dashboard): a sum over the kept totals per
     * first unpaid due date (decision 0009), a few thousand rows for a million receivables.
     */
    public Dashboard dashboard(long creditorId, LocalDate asOf) {
        return db.withConnection(c -> {
            long customers;
            try (PreparedStatement ps = c.prepareStatement("SELECT customer_count FROM creditor WHERE id = ?")) {
                ps.setLong(1, creditorId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    customers = rs.getLong(1);
                }
            }
            Map<AgingBucket, long[]> counts = new EnumMap<>(AgingBucket.class);
            Map<AgingBucket, BigDecimal> outs = new EnumMap<>(AgingBucket.class);
            BigDecimal principal = Money.ZERO, paid = Money.ZERO;
            try (PreparedStatement ps = c.prepareStatement("SELECT t.settled, t.first_unpaid_due, t.receivables, t.paid, t.outstanding"
                    + " FROM book_due_total t WHERE t.creditor_id = ?")) {
                ps.setLong(1, creditorId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Date due = rs.getDate(2);
                        boolean settled = rs.getBoolean(1);
                        AgingBucket b = bucketOf(settled, due == null ? null : due.toLocalDate(), asOf);
                        counts.computeIfAbsent(b, k -> new long[1])[0] += rs.getLong(3);
                        // a settled receivable owes nothing, even if it was overpaid
                        outs.merge(b, settled ? Money.ZERO : rs.getBigDecimal(5), BigDecimal::add);
                        principal = principal.add(rs.getBigDecimal(4)).add(rs.getBigDecimal(5));
                        paid = paid.add(rs.getBigDecimal(4));
                    }
                }
            }
            Map<AgingBucket, Dashboard.BucketTotal> buckets = new EnumMap<>(AgingBucket.class);
            BigDecimal outstanding = Money.ZERO, overdue = Money.ZERO;
            long open = 0;
            for (var e : counts.entrySet()) {
                AgingBucket b = e.getKey();
                long n = e.getValue()[0];
                if (n == 0) continue;
                BigDecimal out = Money.round(outs.get(b));
                buckets.put(b, new Dashboard.BucketTotal(n, out));
                outstanding = outstanding.add(out);
                if (b != AgingBucket.SETTLED) open += n;
                if (b.isOverdue()) overdue = overdue.add(out);
            }
            return new Dashboard(customers, open, Money.round(principal), Money.round(paid), Money.round(outstanding),
                    Money.round(overdue), buckets);
        });
    }

    /** Customer sorts: each served by an index over the book in exactly that order (the count and outstanding are kept, V10). */
    private static final Map<String, String[]> CUSTOMER_SORTS = Map.of(
            "name", new String[]{"customer_creditor_name", "cu.name"},
            "receivables", new String[]{"customer_book_receivables", "cu.receivable_count"},
            "outstanding", new String[]{"customer_book_outstanding", "cu.outstanding_cents"},
            "created", new String[]{"customer_book_created", "cu.created_at"});

    public Page<CustomerRow> customers(long creditorId, ListQuery query) {
        String[] sort = CUSTOMER_SORTS.getOrDefault(query.sortKey() == null ? "name" : query.sortKey(), CUSTOMER_SORTS.get("name"));
        boolean hasText = query.text() != null && !query.text().isBlank();
        // with a text: the matches first, then their rows by key (see matched()), counted in the same query;
        // without: the page read in the index's order, and the kept count
        String from = " FROM " + (hasText ? "customer cu" : "customer cu" + db.dialect().useIndex(sort[0]))
                + " WHERE cu.creditor_id = ?" + (hasText ? " AND cu.id = ANY(?)" : "");
        String dir = query.ascending() ? "" : " DESC";
        String sql = "SELECT cu.id, cu.kind, cu.name, cu.registration_number, cu.receivable_count, cu.outstanding,"
                + " (SELECT MIN(cc.\"value\") FROM customer_contact cc WHERE cc.customer_id = cu.id AND cc.kind = 'PHONE') AS phone"
                + (hasText ? ", COUNT(*) OVER () AS matches" : "")
                + from + " ORDER BY cu.creditor_id" + dir + ", " + sort[1] + dir + ", cu.id" + dir + " LIMIT ? OFFSET ?";
        return db.withConnection(c -> {
            List<Object> params = new ArrayList<>();
            params.add(creditorId);
            if (hasText) {
                Long[] matches = matchingCustomers(c, query.text().strip(), creditorId);
                if (matches.length == 0) return new Page<>(List.<CustomerRow>of(), 0, query.page(), query.pageSize());
                params.add(matches);
            }
            long total = -1;
            List<CustomerRow> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                int i = bindAll(ps, 1, params);
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
                        if (hasText) total = rs.getLong("matches");
                    }
                }
            }
            if (total < 0) {
                // without a text: the kept number of the book's customers (counting 100,000 through an index: ~70 ms)
                try (PreparedStatement ps = c.prepareStatement(hasText ? "SELECT COUNT(*)" + from : "SELECT customer_count FROM creditor WHERE id = ?")) {
                    bindAll(ps, 1, hasText ? params : List.of(creditorId));
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        total = rs.getLong(1);
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

    private static ReceivableRow receivableRow(ResultSet rs, LocalDate asOf) throws SQLException {
        Date finalDue = rs.getDate("final_due");
        Date firstUnpaid = rs.getDate("first_unpaid_due");
        BigDecimal outstanding = Money.round(rs.getBigDecimal("outstanding"));
        AgingBucket bucket = bucketOf(outstanding.signum() <= 0, firstUnpaid == null ? null : firstUnpaid.toLocalDate(), asOf);
        Long daysOverdue = bucket.isOverdue() ? ChronoUnit.DAYS.between(firstUnpaid.toLocalDate(), asOf) : null;
        return new ReceivableRow(rs.getLong("id"), rs.getLong("customer_id"), rs.getString("customer_name"), rs.getString("title"),
                ReceivableKind.valueOf(rs.getString("kind")), Money.round(rs.getBigDecimal("principal")),
                Money.round(rs.getBigDecimal("paid")), outstanding.max(Money.ZERO),
                finalDue == null ? null : finalDue.toLocalDate(),
                daysOverdue == null ? null : firstUnpaid.toLocalDate(), daysOverdue, bucket);
    }

    /** The bucket of a receivable from its kept figures, by the rules of {@link cn.huikuan.domain.Balance}. */
    static AgingBucket bucketOf(boolean settled, LocalDate firstUnpaidDue, LocalDate asOf) {
        if (settled) return AgingBucket.SETTLED;
        if (firstUnpaidDue == null || firstUnpaidDue.isAfter(asOf)) return AgingBucket.NOT_DUE;
        return AgingBucket.ofDaysOverdue(ChronoUnit.DAYS.between(firstUnpaidDue, asOf));
    }

    private static int bindAll(PreparedStatement ps, int start, List<Object> params) throws SQLException {
        int i = start;
        for (Object p : params) ps.setObject(i++, p);
        return i;
    }

    static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
