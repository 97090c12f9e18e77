package cn.huikuan.application;

import cn.huikuan.domain.AuditChain;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.TimeZone;

/**
 * A book's journalled records read by plain JDBC, each as the canonical text its journal entry holds
 * ({@link AuditChain}), so that {@code verify} compares records with the journal without booting Hibernate
 * (issue 25: {@code huikuan verify} spent four of its five seconds building the ORM for a read-only pass).
 * The records are read a page at a time in id order, their collections (a receivable's schedule, a customer's
 * contact methods, a contact's evidence) for the page's id range in one query each.
 *
 * <p>Dates and times are read as Hibernate writes them with {@code hibernate.jdbc.time_zone=UTC}: a
 * {@code TIMESTAMP} through a UTC calendar, a {@code TIMESTAMP WITH TIME ZONE} as its instant, a {@code DATE}
 * as the local date. {@code JournalRecordsTest} checks, under several JVM time zones, that every record reads
 * back as the text its entity gives.
 */
final class JournalRecords {
    /** One record's id and canonical text. */
    @FunctionalInterface
    interface Sink {
        void accept(long id, String canonical) throws SQLException;
    }

    /** Made when a TIMESTAMP is first read (a contact's time), not when verify starts. */
    private static final class Utc {
        static final Calendar CALENDAR = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    }

    private final Connection c;
    private final long book;
    private final int page;

    JournalRecords(Connection c, long book, int page) {
        this.c = c;
        this.book = book;
        this.page = page;
    }

    /** The book's entity names in the order verify reads them, with their readers. */
    void forEach(String entity, Sink sink) throws SQLException {
        switch (entity) {
            case "evidence" -> evidence(sink);
            case "payment" -> payments(sink);
            case "contact" -> contacts(sink);
            case "court" -> courtEvents(sink);
            case "receivable" -> receivables(sink);
            case "customer" -> customers(sink);
            default -> throw new IllegalArgumentException(entity);
        }
    }

    static final List<String> ENTITIES = List.of("evidence", "payment", "contact", "court", "receivable", "customer");

    /** Joins {@code x}, a record of a receivable, to its book: {@code WHERE u.creditor_id = ?}. */
    static final String OF_BOOK = " JOIN receivable r ON r.id = x.receivable_id JOIN customer u ON u.id = r.customer_id WHERE u.creditor_id = ?";

    private void payments(Sink sink) throws SQLException {
        pages("SELECT x.id, x.receivable_id, x.paid_on, x.amount, x.channel, x.reference, x.note FROM payment x" + OF_BOOK,
                rs -> sink.accept(rs.getLong(1), AuditChain.canonicalPayment(rs.getLong(2), date(rs, 3), rs.getBigDecimal(4),
                        rs.getString(5), rs.getString(6), rs.getString(7))),
                null);
    }

    private void evidence(Sink sink) throws SQLException {
        pages("SELECT x.id, x.receivable_id, x.type, x.title, x.evidence_date, x.source, x.purpose, x.original, x.sha256, x.size_bytes,"
                        + " x.original_file_name, x.imported_at FROM evidence x" + OF_BOOK,
                rs -> sink.accept(rs.getLong(1), AuditChain.canonicalEvidence(rs.getLong(2), rs.getString(3), rs.getString(4), date(rs, 5),
                        rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9), rs.getLong(10), rs.getString(11), instant(rs, 12))),
                null);
    }

    private void courtEvents(Sink sink) throws SQLException {
        pages("SELECT x.id, x.receivable_id, x.kind, x.event_date, x.court, x.case_number, x.note FROM court_event x" + OF_BOOK,
                rs -> sink.accept(rs.getLong(1), AuditChain.canonicalCourt(rs.getLong(2), rs.getString(3), date(rs, 4), rs.getString(5),
                        rs.getString(6), rs.getString(7))),
                null);
    }

    private void contacts(Sink sink) throws SQLException {
        pages("SELECT x.id, x.receivable_id, x.occurred_at, x.channel, x.direction, x.outcome, x.promised_date, x.promised_amount, x.summary,"
                        + " x.conduct_override, x.debtor_acted_on, x.tracking_number, x.delivered_on FROM contact_entry x" + OF_BOOK,
                rs -> sink.accept(rs.getLong(1), AuditChain.canonicalContact(rs.getLong(2), localDateTime(rs, 3), rs.getString(4), rs.getString(5),
                        rs.getString(6), date(rs, 7), rs.getBigDecimal(8), rs.getString(9), evidenceOf.getOrDefault(rs.getLong(1), List.of()),
                        rs.getString(10), date(rs, 11), rs.getString(12), date(rs, 13))),
                (lo, hi) -> {
                    evidenceOf = new HashMap<>();
                    children("SELECT ce.contact_id, ce.evidence_id FROM contact_evidence ce WHERE ce.contact_id BETWEEN ? AND ?", lo, hi,
                            rs -> evidenceOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2)));
                });
    }

    private Map<Long, List<Long>> evidenceOf = Map.of();
    private Map<Long, List<AuditChain.Due>> scheduleOf = Map.of();
    private Map<Long, List<String>> contactsOf = Map.of();

    private void receivables(Sink sink) throws SQLException {
        pages("SELECT x.id, x.customer_id, x.kind, x.title, x.contract_number, x.contract_date, x.principal, x.currency, x.interest_rate_percent,"
                        + " x.overdue_rate_percent, x.penalty_kind, x.penalty_value, x.jurisdiction_clause, x.arbitration_clause, x.guarantees"
                        + " FROM receivable x JOIN customer u ON u.id = x.customer_id WHERE u.creditor_id = ?",
                rs -> sink.accept(rs.getLong(1), AuditChain.canonicalReceivable(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        date(rs, 6), rs.getBigDecimal(7), rs.getString(8), rs.getBigDecimal(9), rs.getBigDecimal(10), rs.getString(11),
                        rs.getBigDecimal(12), rs.getString(13), rs.getString(14), rs.getString(15), scheduleOf.getOrDefault(rs.getLong(1), List.of()))),
                (lo, hi) -> {
                    scheduleOf = new HashMap<>();
                    children("SELECT i.receivable_id, i.due_date, i.amount FROM instalment i WHERE i.receivable_id BETWEEN ? AND ?"
                                    + " ORDER BY i.receivable_id, i.seq", lo, hi,
                            rs -> scheduleOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new AuditChain.Due(date(rs, 2), rs.getBigDecimal(3))));
                });
    }

    private void customers(Sink sink) throws SQLException {
        pages("SELECT x.id, x.creditor_id, x.kind, x.name, x.registration_number, x.number_override_reason, x.legal_representative, x.address"
                        + " FROM customer x WHERE x.creditor_id = ?",
                rs -> sink.accept(rs.getLong(1), AuditChain.canonicalCustomer(rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), rs.getString(8), contactsOf.getOrDefault(rs.getLong(1), List.of()))),
                (lo, hi) -> {
                    contactsOf = new HashMap<>();
                    children("SELECT m.customer_id, m.kind, m.\"value\" FROM customer_contact m WHERE m.customer_id BETWEEN ? AND ?"
                                    + " ORDER BY m.customer_id, m.seq", lo, hi,
                            rs -> contactsOf.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2) + "=" + rs.getString(3)));
                });
    }

    /** One row of a result. */
    @FunctionalInterface
    interface Row {
        void read(ResultSet rs) throws SQLException;
    }

    @FunctionalInterface
    private interface Range {
        void load(long lo, long hi) throws SQLException;
    }

    /** Before a page is read: told the key it starts after; false when there is nothing more to read. */
    @FunctionalInterface
    interface PageStart {
        boolean begin(long after) throws SQLException;
    }

    /**
     * Reads {@code ps} from its start a page at a time, keyed (its parameters: the book, the key to start after, the
     * page size; its first column the key, ascending), passing each row to {@code row}; {@code start}, if given, runs
     * before each page. Pages by key rather than by offset, so each page costs the same however far in it is.
     */
    static void keyset(PreparedStatement ps, long book, int page, PageStart start, Row row) throws SQLException {
        long after = 0;
        while (start == null || start.begin(after)) {
            ps.setLong(1, book);
            ps.setLong(2, after);
            ps.setInt(3, page);
            int n = 0;
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    n++;
                    after = rs.getLong(1);
                    row.read(rs);
                }
            }
            if (n < page) return;
        }
    }

    /**
     * The book's rows of {@code select} (which ends in its book condition, one parameter), {@link #page} at a time by id;
     * {@code range}, if given, loads the collections of each page's id range before its rows are read.
     */
    private void pages(String select, Row row, Range range) throws SQLException {
        String tail = " AND x.id > ? ORDER BY x.id LIMIT ?";
        try (PreparedStatement ps = c.prepareStatement(select + tail)) {
            if (range == null) {
                keyset(ps, book, page, null, row);
                return;
            }
            try (PreparedStatement idsOnly = c.prepareStatement("SELECT x.id" + select.substring(select.indexOf(" FROM ")) + tail)) {
                // the page's last id first, so its collections load in one query
                keyset(ps, book, page, after -> {
                    idsOnly.setLong(1, book);
                    idsOnly.setLong(2, after);
                    idsOnly.setInt(3, page);
                    long last = -1;
                    try (ResultSet rs = idsOnly.executeQuery()) {
                        while (rs.next()) last = rs.getLong(1);
                    }
                    if (last < 0) return false;
                    range.load(after + 1, last);
                    return true;
                }, row);
            }
        }
    }

    private void children(String select, long lo, long hi, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(select)) {
            ps.setLong(1, lo);
            ps.setLong(2, hi);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) row.read(rs);
            }
        }
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    /** A {@code TIMESTAMP} column as Hibernate binds a LocalDateTime with a JDBC time zone: through a UTC calendar. */
    private static LocalDateTime localDateTime(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column, (Calendar) Utc.CALENDAR.clone());
        return t == null ? null : t.toLocalDateTime();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
