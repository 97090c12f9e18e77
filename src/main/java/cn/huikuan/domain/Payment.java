package cn.huikuan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Money received from the debtor against one receivable. */
public class Payment {
    public enum Channel { BANK_TRANSFER, WECHAT_PAY, ALIPAY, CASH, CHEQUE, OFFSET, OTHER }

    private Long id;
    private Receivable receivable;
    private LocalDate paidOn;
    private BigDecimal amount;
    private Channel channel = Channel.BANK_TRANSFER;
    private String reference;
    private String note;
    private Instant createdAt;

    protected Payment() {
    }

    public Payment(Receivable receivable, LocalDate paidOn, BigDecimal amount, Channel channel) {
        this.receivable = receivable;
        this.paidOn = paidOn;
        this.amount = amount;
        this.channel = channel;
        this.createdAt = Instant.now();
    }

    /**
     * @param alreadyPaid what other payments of the same receivable add up to
     * @param today       payments cannot be dated in the future
     */
    public List<FieldError> problems(BigDecimal alreadyPaid, LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (receivable == null) errors.add(FieldError.error("receivable", "validation.required"));
        Money.checkPositive("amount", amount).ifPresent(errors::add);
        if (paidOn == null) errors.add(FieldError.error("paidOn", "validation.required"));
        else if (paidOn.isAfter(today)) errors.add(FieldError.error("paidOn", "validation.date.future"));
        else if (receivable != null && receivable.getContractDate() != null && paidOn.isBefore(receivable.getContractDate())) {
            errors.add(FieldError.error("paidOn", "validation.paymentBeforeContract"));
        }
        Text.checkLength(errors, "reference", reference, 200);
        Text.checkLength(errors, "note", note, 2000);
        if (errors.isEmpty() && receivable != null && receivable.getPrincipal() != null) {
            BigDecimal open = receivable.getPrincipal().subtract(alreadyPaid);
            if (amount.compareTo(open) > 0) {
                errors.add(FieldError.warning("amount", "validation.overpayment", Money.format(open)));
            }
        }
        return errors;
    }

    public Long getId() { return id; }
    public Receivable getReceivable() { return receivable; }
    public LocalDate getPaidOn() { return paidOn; }
    public void setPaidOn(LocalDate d) { this.paidOn = d; }
    public BigDecimal getAmount() { return amount; }
    public void setAmount(BigDecimal a) { this.amount = a; }
    public Channel getChannel() { return channel; }
    public void setChannel(Channel c) { this.channel = c; }
    public String getReference() { return reference; }
    public void setReference(String r) { this.reference = Text.clean(r); }
    public String getNote() { return note; }
    public void setNote(String n) { this.note = Text.clean(n); }
    public Instant getCreatedAt() { return createdAt; }
}
