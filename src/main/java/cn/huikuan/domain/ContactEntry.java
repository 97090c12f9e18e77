package cn.huikuan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;

/** One contact with the debtor (全程留痕): a call, a WeChat message, a letter, a visit. */
public class ContactEntry {
    public enum Channel { PHONE, WECHAT, SMS, EMAIL, VISIT, LETTER }

    public enum Direction { OUTGOING, INCOMING }

    public enum Outcome {
        PROMISE_TO_PAY, ACKNOWLEDGED_DEBT, DISPUTE, REFUSED, NO_ANSWER, PAID, OTHER,
        /** A written demand reached the debtor (EMS 妥投, signed receipt): interrupts limitation (诉讼时效规定 §8). */
        DELIVERED
    }

    private Long id;
    private Receivable receivable;
    private LocalDateTime occurredAt;
    private Channel channel = Channel.PHONE;
    private Direction direction = Direction.OUTGOING;
    private String summary;
    private Outcome outcome = Outcome.OTHER;
    private LocalDate promisedDate;
    private BigDecimal promisedAmount;
    /** The day of the debtor's own act (acknowledgement, promise), when not the day of this entry (V16); null: the same day. */
    private LocalDate debtorActedOn;
    /** 运单号 of a letter sent by post (EMS), and the day it was delivered (妥投日期), since V17. */
    private String trackingNumber;
    private LocalDate deliveredOn;
    private Set<EvidenceItem> evidence = new LinkedHashSet<>();
    /** Why the user saved this outgoing contact although the lawful-conduct guard flagged it. */
    private String conductOverride;
    private Instant createdAt;

    protected ContactEntry() {
    }

    public ContactEntry(Receivable receivable, LocalDateTime occurredAt, Channel channel, Direction direction,
                        String summary, Outcome outcome) {
        this.receivable = receivable;
        this.occurredAt = kept(occurredAt);
        this.channel = channel;
        this.direction = direction;
        this.summary = Text.clean(summary);
        this.outcome = outcome;
        this.createdAt = Instant.now();
    }

    public List<FieldError> problems(LocalDateTime now) {
        List<FieldError> errors = new ArrayList<>();
        if (receivable == null) errors.add(FieldError.error("receivable", "validation.required"));
        if (occurredAt == null) errors.add(FieldError.error("occurredAt", "validation.required"));
        else if (occurredAt.isAfter(now.plusMinutes(5))) errors.add(FieldError.error("occurredAt", "validation.date.future"));
        if (Text.isBlank(summary)) errors.add(FieldError.error("summary", "validation.required"));
        Text.checkLength(errors, "summary", summary, 10_000);
        Text.checkLength(errors, "conductOverride", conductOverride, 2000);
        if (debtorActedOn != null && occurredAt != null) {
            if (debtorActedOn.isBefore(occurredAt.toLocalDate().minusDays(60))) errors.add(FieldError.error("debtorActedOn", "validation.actLongBeforeContact"));
            if (debtorActedOn.isAfter(now.toLocalDate())) errors.add(FieldError.error("debtorActedOn", "validation.date.future"));
        }
        if (trackingNumber != null && !trackingNumber.matches("[A-Za-z0-9-]{6,40}")) {
            errors.add(FieldError.error("trackingNumber", "validation.trackingNumber"));
        }
        if (deliveredOn != null) {
            if (deliveredOn.isAfter(now.toLocalDate())) errors.add(FieldError.error("deliveredOn", "validation.date.future"));
            else if (occurredAt != null && deliveredOn.isBefore(occurredAt.toLocalDate())) {
                errors.add(FieldError.error("deliveredOn", "validation.deliveredBeforeSent"));
            }
        }
        if (outcome == Outcome.PROMISE_TO_PAY) {
            if (promisedDate == null) errors.add(FieldError.error("promisedDate", "validation.required"));
            else if (occurredAt != null && promisedDate.isBefore(occurredAt.toLocalDate())) {
                errors.add(FieldError.error("promisedDate", "validation.promiseBeforeContact"));
            }
            if (promisedAmount != null) Money.checkPositive("promisedAmount", promisedAmount).ifPresent(errors::add);
        }
        return errors;
    }

    public Long getId() { return id; }
    public Receivable getReceivable() { return receivable; }
    public LocalDateTime getOccurredAt() { return occurredAt; }
    public void setOccurredAt(LocalDateTime t) { this.occurredAt = kept(t); }

    /**
     * A time as the books keep it (TIMESTAMP(6): microseconds), so that the journal's text of the contact, made from this
     * object, is the text made again from the stored row (a clock's nanoseconds made verify report the record altered).
     */
    private static LocalDateTime kept(LocalDateTime t) {
        return t == null ? null : t.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel c) { this.channel = c; }
    public Direction getDirection() { return direction; }
    public void setDirection(Direction d) { this.direction = d; }
    public String getSummary() { return summary; }
    public void setSummary(String s) { this.summary = Text.clean(s); }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome o) { this.outcome = o; }
    public LocalDate getPromisedDate() { return promisedDate; }
    public void setPromisedDate(LocalDate d) { this.promisedDate = d; }
    public BigDecimal getPromisedAmount() { return promisedAmount; }
    public void setPromisedAmount(BigDecimal a) { this.promisedAmount = a; }
    public LocalDate getDebtorActedOn() { return debtorActedOn; }
    public void setDebtorActedOn(LocalDate d) { this.debtorActedOn = d; }

    /** The day the debtor acknowledged or promised: {@link #getDebtorActedOn()}, else the day of this entry. */
    public LocalDate debtorActDate() {
        return debtorActedOn != null ? debtorActedOn : occurredAt == null ? null : occurredAt.toLocalDate();
    }

    public String getTrackingNumber() { return trackingNumber; }
    /** Spaces and full-width characters as typed from a receipt are normalised; blank is none. */
    public void setTrackingNumber(String n) {
        String t = Text.clean(n);
        this.trackingNumber = t == null ? null : Normalizer.normalize(t, Normalizer.Form.NFKC).replace(" ", "").toUpperCase(Locale.ROOT);
        if (this.trackingNumber != null && this.trackingNumber.isEmpty()) this.trackingNumber = null;
    }
    public LocalDate getDeliveredOn() { return deliveredOn; }
    public void setDeliveredOn(LocalDate d) { this.deliveredOn = d; }

    /** The day a letter reached the debtor: its delivery date (妥投日期) when recorded, else the day of this entry. */
    public LocalDate deliveryDate() {
        return deliveredOn != null ? deliveredOn : occurredAt == null ? null : occurredAt.toLocalDate();
    }

    public Set<EvidenceItem> getEvidence() { return evidence; }
    public String getConductOverride() { return conductOverride; }
    public void setConductOverride(String reason) { this.conductOverride = Text.clean(reason); }
    public Instant getCreatedAt() { return createdAt; }
}
