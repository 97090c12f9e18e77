package cn.huikuan.application;

import cn.huikuan.domain.AuditChain;
import cn.huikuan.domain.Payment;

import java.math.BigDecimal;
import cn.huikuan.persistence.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;

/**
 * Journal entries for records written in bulk with JDBC (the spreadsheet import, the benchmark's generator, sealing
 * a book's existing records), chained exactly as {@link AuditService#append} does: the book's row is locked, the
 * chain continues from the book's last entry, and each entry's content is the record's canonical text
 * ({@link AuditChain}). Entries are batched; {@link #flush} sends them, {@link #close} sends the rest. Runs in the
 * caller's transaction.
 */
public final class JournalWriter implements AutoCloseable {
    private final PreparedStatement insert;
    private final long creditorId;
    private final Timestamp recordedAt;
    private String prev;
    private final String staff;

    public JournalWriter(Connection c, long creditorId, Timestamp recordedAt) throws SQLException {
        this.creditorId = creditorId;
        this.recordedAt = recordedAt;
        try (PreparedStatement lock = c.prepareStatement("SELECT id FROM creditor WHERE id = ? FOR UPDATE")) {   // one writer at a time
            lock.setLong(1, creditorId);
            lock.executeQuery().close();
        }
        String last = AuditChain.GENESIS;
        try (PreparedStatement ps = c.prepareStatement(AuditService.headSql(Dialect.of(c)))) {
            ps.setLong(1, creditorId);
            try (ResultSet r = ps.executeQuery()) {
                if (r.next()) last = r.getString(1);
            }
        }
        this.prev = last;
        this.staff = staff(c);
        this.insert = c.prepareStatement("INSERT INTO audit_entry (creditor_id, recorded_at, entity, entity_id, content, prev_hash, hash, staff) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
    }

    /** Adds the entry of payment {@code paymentId} (already inserted) to the batch. */
    public void add(long paymentId, long receivableId, LocalDate paidOn, BigDecimal amount, Payment.Channel channel, String note) throws SQLException {
        add("payment", paymentId, AuditChain.canonicalPayment(receivableId, paidOn, amount, channel, null, note));
    }

    /** Adds the entry of record {@code id} of {@code entity} (already inserted) with its canonical text to the batch. */
    public void add(String entity, long id, String content) throws SQLException {
        String hash = AuditChain.hash(prev, entity, id, content, staff);
        insert.setLong(1, creditorId);
        insert.setTimestamp(2, recordedAt);
        insert.setString(3, entity);
        insert.setLong(4, id);
        insert.setString(5, content);
        insert.setString(6, prev);
        insert.setString(7, hash);
        insert.setString(8, staff);
        insert.addBatch();
        prev = hash;
        pending++;
    }

    private int pending;

    /**
     * Who writes the journal on {@code c}: on an office server the staff member's login (the server checks it, V20);
     * on a PC nobody (one user, and the entries' hashes stay as they were before team mode).
     */
    static String staff(Connection c) throws SQLException {
        return Dialect.of(c) == Dialect.POSTGRESQL ? c.getMetaData().getUserName() : null;
    }

    /** Entries added and not yet sent. */
    public int pending() {
        return pending;
    }

    public void flush() throws SQLException {
        insert.executeBatch();
        pending = 0;
    }

    @Override
    public void close() throws SQLException {
        try {
            flush();
        } finally {
            insert.close();
        }
    }
}
