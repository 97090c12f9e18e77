package cn.huikuan.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A sum the customer owes under one contract: a sale on credit, a loan, a service. The amount due is
 * given by its schedule (one instalment for a single due date); the outstanding balance and days
 * overdue are derived from the schedule and the payments ({@link Balance}), never stored.
 */
public class Receivable {
    /** Rates above this many percent a year are taken as typing errors. */
    static final BigDecimal MAX_ANNUAL_RATE = new BigDecimal("100");
    /** A daily penalty rate above 1% a day (365% a year) is taken as a typing error. */
    static final BigDecimal MAX_DAILY_RATE = BigDecimal.ONE;

    private Long id;
    private long version;
    private Customer customer;
    private ReceivableKind kind = ReceivableKind.SALE_ON_CREDIT;
    private String title;
    private String contractNumber;
    private LocalDate contractDate;
    private BigDecimal principal;
    private String currency = "CNY";
    private List<Instalment> schedule = new ArrayList<>();
    /** Agreed interest for the loan or credit period, percent per year; null = none agreed. */
    private BigDecimal interestRatePercent;
    /** Agreed overdue interest rate, percent per year; null = none agreed. */
    private BigDecimal overdueRatePercent;
    private PenaltyKind penaltyKind = PenaltyKind.NONE;
    /** Yuan (FIXED), percent per day (DAILY_RATE) or percent (PERCENTAGE). */
    private BigDecimal penaltyValue;
    /** Text of the jurisdiction clause (协议管辖), if any. */
    private String jurisdictionClause;
    /** Text of the arbitration clause and the institution named, if any. */
    private String arbitrationClause;
    /** Guarantees: guarantor, mortgage, pledge. */
    private String guarantees;
    private String notes;
    private Instant createdAt;

    protected Receivable() {
    }

    public Receivable(Customer customer, ReceivableKind kind, String title, LocalDate contractDate, BigDecimal principal) {
        this.customer = customer;
        this.kind = kind;
        this.title = Text.clean(title);
        this.contractDate = contractDate;
        this.principal = principal;
        this.createdAt = Instant.now();
    }

    /** Sets a single due date for the whole principal. */
    public void dueOn(LocalDate dueDate) {
        schedule.clear();
        schedule.add(new Instalment(dueDate, principal));
    }

    public List<FieldError> problems() {
        List<FieldError> errors = new ArrayList<>();
        if (customer == null) errors.add(FieldError.error("customer", "validation.required"));
        if (Text.isBlank(title)) errors.add(FieldError.error("title", "validation.required"));
        Text.checkLength(errors, "title", title, 200);
        Text.checkLength(errors, "contractNumber", contractNumber, 100);
        Text.checkLength(errors, "jurisdictionClause", jurisdictionClause, 2000);
        Text.checkLength(errors, "arbitrationClause", arbitrationClause, 2000);
        Text.checkLength(errors, "guarantees", guarantees, 2000);
        Text.checkLength(errors, "notes", notes, 10_000);
        if (contractDate == null) errors.add(FieldError.error("contractDate", "validation.required"));
        Money.checkPositive("principal", principal).ifPresent(errors::add);
        if (!"CNY".equals(currency)) errors.add(FieldError.error("currency", "validation.currency"));
        checkSchedule(errors);
        checkRate(errors, "interestRatePercent", interestRatePercent, MAX_ANNUAL_RATE);
        checkRate(errors, "overdueRatePercent", overdueRatePercent, MAX_ANNUAL_RATE);
        checkPenalty(errors);
        return errors;
    }

    private void checkSchedule(List<FieldError> errors) {
        if (schedule.isEmpty()) {
            errors.add(FieldError.error("dueDate", "validation.required"));
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (Instalment i : schedule) {
            if (i.getDueDate() == null) {
                errors.add(FieldError.error("dueDate", "validation.required"));
                return;
            }
            if (contractDate != null && i.getDueDate().isBefore(contractDate)) {
                errors.add(FieldError.error("dueDate", "validation.dueBeforeContract"));
                return;
            }
            var amountError = Money.checkPositive("schedule", i.getAmount());
            if (amountError.isPresent()) {
                errors.add(amountError.get());
                return;
            }
            sum = sum.add(i.getAmount());
        }
        if (principal != null && sum.compareTo(principal) != 0) {
            errors.add(FieldError.error("schedule", "validation.scheduleSum", Money.format(sum), Money.format(principal)));
        }
    }

    private static void checkRate(List<FieldError> errors, String field, BigDecimal rate, BigDecimal max) {
        if (rate == null) return;
        if (rate.signum() < 0) errors.add(FieldError.error(field, "validation.rate.negative"));
        else if (rate.compareTo(max) > 0) errors.add(FieldError.error(field, "validation.rate.tooHigh", max.toPlainString()));
        else if (rate.stripTrailingZeros().scale() > 4) errors.add(FieldError.error(field, "validation.rate.tooManyDecimals"));
    }

    private void checkPenalty(List<FieldError> errors) {
        if (penaltyKind == null || penaltyKind == PenaltyKind.NONE) return;
        switch (penaltyKind) {
            case FIXED -> Money.checkPositive("penaltyValue", penaltyValue).ifPresent(errors::add);
            case DAILY_RATE -> {
                if (penaltyValue == null) errors.add(FieldError.error("penaltyValue", "validation.required"));
                else if (penaltyValue.signum() <= 0) errors.add(FieldError.error("penaltyValue", "validation.rate.negative"));
                else checkRate(errors, "penaltyValue", penaltyValue, MAX_DAILY_RATE);
            }
            case PERCENTAGE -> {
                if (penaltyValue == null) errors.add(FieldError.error("penaltyValue", "validation.required"));
                else if (penaltyValue.signum() <= 0) errors.add(FieldError.error("penaltyValue", "validation.rate.negative"));
                else checkRate(errors, "penaltyValue", penaltyValue, MAX_ANNUAL_RATE);
            }
            default -> { }
        }
    }

    /** The last due date of the schedule. */
    public LocalDate finalDueDate() {
        return schedule.stream().map(Instalment::getDueDate).max(Comparator.naturalOrder()).orElse(null);
    }

    public Balance balance(BigDecimal paid, LocalDate asOf) {
        return Balance.of(principal, schedule, paid, asOf);
    }

    public boolean hasArbitrationClause() {
        return !Text.isBlank(arbitrationClause);
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public ReceivableKind getKind() { return kind; }
    public void setKind(ReceivableKind kind) { this.kind = kind; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = Text.clean(title); }
    public String getContractNumber() { return contractNumber; }
    public void setContractNumber(String v) { this.contractNumber = Text.clean(v); }
    public LocalDate getContractDate() { return contractDate; }
    public void setContractDate(LocalDate contractDate) { this.contractDate = contractDate; }
    public BigDecimal getPrincipal() { return principal; }
    public void setPrincipal(BigDecimal principal) { this.principal = principal; }
    public String getCurrency() { return currency; }
    public List<Instalment> getSchedule() { return schedule; }
    public void setSchedule(List<Instalment> s) { this.schedule.clear(); this.schedule.addAll(s); }
    public BigDecimal getInterestRatePercent() { return interestRatePercent; }
    public void setInterestRatePercent(BigDecimal v) { this.interestRatePercent = v; }
    public BigDecimal getOverdueRatePercent() { return overdueRatePercent; }
    public void setOverdueRatePercent(BigDecimal v) { this.overdueRatePercent = v; }
    public PenaltyKind getPenaltyKind() { return penaltyKind; }
    public void setPenaltyKind(PenaltyKind k) { this.penaltyKind = k == null ? PenaltyKind.NONE : k; }
    public BigDecimal getPenaltyValue() { return penaltyValue; }
    public void setPenaltyValue(BigDecimal v) { this.penaltyValue = v; }
    public String getJurisdictionClause() { return jurisdictionClause; }
    public void setJurisdictionClause(String v) { this.jurisdictionClause = Text.clean(v); }
    public String getArbitrationClause() { return arbitrationClause; }
    public void setArbitrationClause(String v) { this.arbitrationClause = Text.clean(v); }
    public String getGuarantees() { return guarantees; }
    public void setGuarantees(String v) { this.guarantees = Text.clean(v); }
    public String getNotes() { return notes; }
    public void setNotes(String v) { this.notes = Text.clean(v); }
    public Instant getCreatedAt() { return createdAt; }

    @Override
    public String toString() {
        return title;
    }
}
