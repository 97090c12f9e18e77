package cn.huikuan.domain;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

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
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update((previous + "\n" + entity + "\n" + id + "\n" + content).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String canonical(ContactEntry e) {
        String text = fields("contact", e.getReceivable().getId(), e.getOccurredAt(), e.getChannel(), e.getDirection(), e.getOutcome(),
                e.getPromisedDate(), money(e.getPromisedAmount()), e.getSummary(),
                e.getEvidence().stream().map(EvidenceItem::getId).sorted().map(String::valueOf).collect(Collectors.joining(",")));
        // added with schema V4; absent for earlier entries, so their journal text is unchanged
        return e.getConductOverride() == null ? text : text + "|override=" + escape(e.getConductOverride());
    }

    public static String canonical(Payment p) {
        return canonicalPayment(p.getReceivable().getId(), p.getPaidOn(), p.getAmount(), p.getChannel(), p.getReference(), p.getNote());
    }

    /** The same text from plain values, for writers that do not build a {@link Payment} (the bench data generator). */
    public static String canonicalPayment(long receivableId, java.time.LocalDate paidOn, BigDecimal amount, Payment.Channel channel,
                                          String reference, String note) {
        return fields("payment", receivableId, paidOn, money(amount), channel, reference, note);
    }

    public static String canonical(EvidenceItem e) {
        return fields("evidence", e.getReceivable().getId(), e.getType(), e.getTitle(), e.getEvidenceDate(), e.getSource(), e.getPurpose(),
                e.isOriginal(), e.getSha256(), e.getSizeBytes(), e.getOriginalFileName(),
                e.getImportedAt() == null ? null : e.getImportedAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
    }

    public static String canonical(CourtEvent e) {
        return fields("court", e.getReceivable().getId(), e.getKind(), e.getEventDate(), e.getCourt(), e.getCaseNumber(), e.getNote());
    }

    private static String money(BigDecimal v) {
        // the columns are NUMERIC(19,2): compare what the database keeps
        return v == null ? null : v.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String fields(Object... values) {
        return java.util.Arrays.stream(values).map(v -> v == null ? "∅" : escape(Objects.toString(v))).collect(Collectors.joining("|"));
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r");
    }
}
