package cn.huikuan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A negotiated plan (分期/延期还款) agreed on a date: its instalments are checked against the payments made
 * on or after that date, earliest instalment first. The agreement itself interrupts limitation
 * (诉讼时效规定 §14) and its acceleration clause makes the rest due when one instalment is missed.
 */
public class RepaymentPlan {
    private Long id;
    private Receivable receivable;
    private LocalDate agreedOn;
    private String note;
    private List<Instalment> instalments = new ArrayList<>();
    private Instant createdAt;

    protected RepaymentPlan() {
    }

    public RepaymentPlan(Receivable receivable, LocalDate agreedOn, List<Instalment> instalments, String note) {
        this.receivable = receivable;
        this.agreedOn = agreedOn;
        this.instalments = new ArrayList<>(instalments);
        this.note = Text.emptyToNull(note == null ? null : note.strip());
        this.createdAt = Instant.now();
    }

    /** The first instalment not covered by {@code paidSinceAgreement}, or null when all are covered. */
    public Instalment firstUnpaid(BigDecimal paidSinceAgreement) {
        BigDecimal covered = BigDecimal.ZERO;
        for (Instalment i : instalments.stream().sorted(Comparator.comparing(Instalment::getDueDate)).toList()) {
            covered = covered.add(i.getAmount());
            if (covered.compareTo(paidSinceAgreement) > 0) return i;
        }
        return null;
    }

    /** 1-based number of an instalment in due-date order. */
    public int numberOf(Instalment i) {
        return instalments.stream().sorted(Comparator.comparing(Instalment::getDueDate)).toList().indexOf(i) + 1;
    }

    public BigDecimal total() {
        return instalments.stream().map(Instalment::getAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Long getId() { return id; }
    public Receivable getReceivable() { return receivable; }
    public LocalDate getAgreedOn() { return agreedOn; }
    public String getNote() { return note; }
    public List<Instalment> getInstalments() { return instalments; }
    public Instant getCreatedAt() { return createdAt; }
}
