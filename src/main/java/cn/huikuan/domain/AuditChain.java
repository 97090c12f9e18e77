package cn.huikuan.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;

/**
 * The canonical text of each case record and the hash chain over it. hash = SHA-256(previous hash, LF,
 * entity, LF, id, LF, canonical text); the first entry's previous hash is 64 zeros. The canonical text
 * lists every field that matters in court, in a fixed order, each escaped, so the same record always
 * gives the same text and any change to it gives another.
 */
public final class AuditChain {
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previous, String entity, long id, String content) {
        return hash(previous, entity, id, content, null);
    }

    /**
     * The hash of an entry written by {@code staff} (an office book's staff member, issue 22; null on a PC: then the
     * hash is the one above, so entries written before V20 and on a PC keep theirs): the name is hashed with the entry,
     * so changing who wrote it breaks the chain as changing what was written does.
     */
    public static String hash(String previous, String entity, long id, String content, String staff) {
        String text = previous + "\n" + entity + "\n" + id + "\n" + content + (staff == null ? "" : "\nby=" + staff);
        return HexFormat.of().formatHex(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** One SHA-256 per thread, reused (verify hashes every entry twice: looking the algorithm up each time cost more than hashing). */
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    /** The SHA-256 of {@code bytes}. */
    public static byte[] sha256(byte[] bytes) {
        MessageDigest d = SHA_256.get();
        d.reset();
        return d.digest(bytes);
    }

    public static String canonical(ContactEntry e) {
        return canonicalContact(e.getReceivable().getId(), e.getOccurredAt(), e.getChannel(), e.getDirection(), e.getOutcome(),
                e.getPromisedDate(), e.getPromisedAmount(), e.getSummary(),
                e.getEvidence().stream().map(EvidenceItem::getId).toList(), e.getConductOverride(), e.getDebtorActedOn(),
                e.getTrackingNumber(), e.getDeliveredOn());
    }

    /** The same text from plain values (verify reads the records by plain JDBC); {@code evidenceIds} in any order. */
    public static String canonicalContact(long receivableId, LocalDateTime occurredAt, Object channel, Object direction, Object outcome,
                                          LocalDate promisedDate, BigDecimal promisedAmount, String summary,
                                          List<Long> evidenceIds, String conductOverride, LocalDate debtorActedOn,
                                          String trackingNumber, LocalDate deliveredOn) {
        String text = fields("contact", receivableId, occurredAt, channel, direction, outcome, promisedDate, money(promisedAmount), summary,
                evidenceIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(",")));
        // added with schema V4 and V16; absent for earlier entries, so their journal text is unchanged
        if (conductOverride != null) text += "|override=" + escape(conductOverride);
        if (debtorActedOn != null) text += "|debtorActed=" + debtorActedOn;
        // added with schema V17 (EMS tracking number and delivery date), likewise only when present
        if (trackingNumber != null) text += "|tracking=" + escape(trackingNumber);
        return deliveredOn == null ? text : text + "|deliveredOn=" + deliveredOn;
    }

    public static String canonical(Payment p) {
        return canonicalPayment(p.getReceivable().getId(), p.getPaidOn(), p.getAmount(), p.getChannel(), p.getReference(), p.getNote());
    }

    /** The same text from plain values, for writers that do not build a {@link Payment} (the bench data generator). */
    public static String canonicalPayment(long receivableId, LocalDate paidOn, BigDecimal amount, Object channel,
                                          String reference, String note) {
        return fields("payment", receivableId, paidOn, money(amount), channel, reference, note);
    }

    public static String canonical(EvidenceItem e) {
        return canonicalEvidence(e.getReceivable().getId(), e.getType(), e.getTitle(), e.getEvidenceDate(), e.getSource(), e.getPurpose(),
                e.isOriginal(), e.getSha256(), e.getSizeBytes(), e.getOriginalFileName(), e.getImportedAt());
    }

    /** The same text from plain values. */
    public static String canonicalEvidence(long receivableId, Object type, String title, LocalDate evidenceDate, String source,
                                           String purpose, boolean original, String sha256, long sizeBytes, String originalFileName,
                                           Instant importedAt) {
        return fields("evidence", receivableId, type, title, evidenceDate, source, purpose, original, sha256, sizeBytes, originalFileName,
                importedAt == null ? null : importedAt.truncatedTo(ChronoUnit.MICROS));
    }

    public static String canonical(CourtEvent e) {
        return canonicalCourt(e.getReceivable().getId(), e.getKind(), e.getEventDate(), e.getCourt(), e.getCaseNumber(), e.getNote());
    }

    /** The same text from plain values. */
    public static String canonicalCourt(long receivableId, Object kind, LocalDate eventDate, String court, String caseNumber, String note) {
        return fields("court", receivableId, kind, eventDate, court, caseNumber, note);
    }

    /**
     * A receivable as a claim is made of it (issue 24): the debtor, the kind, the title and contract, the principal and
     * currency, the rates, the penalty, the jurisdiction and arbitration clauses, the guarantees and the schedule.
     * Not its notes, and not the figures derived from its payments.
     */
    public static String canonical(Receivable r) {
        return canonicalReceivable(r.getCustomer().getId(), r.getKind(), r.getTitle(), r.getContractNumber(), r.getContractDate(), r.getPrincipal(),
                r.getCurrency(), r.getInterestRatePercent(), r.getOverdueRatePercent(), r.getPenaltyKind(), r.getPenaltyValue(),
                r.getJurisdictionClause(), r.getArbitrationClause(), r.getGuarantees(),
                r.getSchedule().stream().map(i -> new Due(i.getDueDate(), i.getAmount())).toList());
    }

    /** One instalment of a schedule, for {@link #canonicalReceivable}. */
    public record Due(LocalDate date, BigDecimal amount) {
    }

    /** The same text from plain values (bulk writers, sealing a book's existing receivables). */
    public static String canonicalReceivable(long customerId, Object kind, String title, String contractNumber, LocalDate contractDate,
                                             BigDecimal principal, String currency, BigDecimal interestRate, BigDecimal overdueRate,
                                             Object penaltyKind, BigDecimal penaltyValue, String jurisdiction, String arbitration,
                                             String guarantees, List<Due> schedule) {
        return fields("receivable", customerId, kind, title, contractNumber, contractDate, money(principal), currency, rate(interestRate),
                rate(overdueRate), penaltyKind, rate(penaltyValue), jurisdiction, arbitration, guarantees,
                schedule.stream().map(d -> d.date() + "=" + money(d.amount())).collect(Collectors.joining(";")));
    }

    /**
     * A customer as a claim names them (issue 24): the book, the kind, the name, the registration number and the reason a
     * wrong check digit was kept, the legal representative, the address and the contact methods. Not the assessment of
     * their situation, their assets or notes.
     */
    public static String canonical(Customer c) {
        return canonicalCustomer(c.getCreditorId(), c.getKind(), c.getName(), c.getRegistrationNumber(), c.getNumberOverrideReason(),
                c.getLegalRepresentative(), c.getAddress(), c.getContacts().stream().map(m -> m.getKind() + "=" + m.getValue()).toList());
    }

    /** The same text from plain values; {@code contacts} as {@code KIND=value} in their order. */
    public static String canonicalCustomer(long creditorId, Object kind, String name, String registrationNumber, String overrideReason,
                                           String legalRepresentative, String address, List<String> contacts) {
        return fields("customer", creditorId, kind, name, registrationNumber, overrideReason, legalRepresentative, address,
                contacts.stream().map(AuditChain::escapeList).collect(Collectors.joining(";")));
    }

    private static String escapeList(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;");
    }

    /** Rates and penalty values are NUMERIC(_, 4): compare what the database keeps. */
    private static String rate(BigDecimal v) {
        return v == null ? null : v.setScale(4, RoundingMode.HALF_UP).toPlainString();
    }

    private static String money(BigDecimal v) {
        // the columns are NUMERIC(19,2): compare what the database keeps
        return v == null ? null : v.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    private static String fields(Object... values) {
        StringBuilder b = new StringBuilder(16 * values.length);
        for (int i = 0; i < values.length; i++) {
            if (i > 0) b.append('|');
            if (values[i] == null) b.append('∅');
            else escape(values[i].toString(), b);
        }
        return b.toString();
    }

    /** {@code \} → {@code \\}, {@code |} → {@code \|}, line feed → {@code \n}, carriage return → {@code \r}. */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        escape(s, b);
        return b.toString();
    }

    private static void escape(String s, StringBuilder b) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '|' -> b.append("\\|");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                default -> b.append(c);
            }
        }
    }
}
