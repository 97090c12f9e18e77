package cn.huikuan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A step of the case before a court or arbitrator: what happened, when, where, under which case number. */
public class CourtEvent {
    public enum Kind {
        /** 申请支付令: interrupts limitation. */
        PAYMENT_ORDER_FILED,
        /** 支付令送达债务人: the debtor has 15 days to pay or object. */
        PAYMENT_ORDER_SERVED,
        /** 提起诉讼: interrupts limitation. */
        SUIT_FILED,
        /** 立案受理. */
        CASE_ACCEPTED,
        /** 一审判决书送达: 15 days to appeal (民事诉讼法 §171 ¶1). */
        JUDGMENT_SERVED,
        /** 一审裁定书送达: 10 days to appeal a ruling (§171 ¶2). */
        RULING_SERVED,
        /** 一审判决书、裁定书送达在中国境内没有住所的当事人: 30 days for that party to appeal (§286). */
        SERVED_WITHOUT_DOMICILE,
        /** 调解书签收: effective on signature. */
        MEDIATION_SIGNED,
        /** 生效法律文书确定的履行期限的最后一日: the two years to apply for enforcement start. */
        PERFORMANCE_DUE,
        /** 申请强制执行. */
        ENFORCEMENT_FILED,
        /** 申请仲裁: interrupts limitation. */
        ARBITRATION_FILED
    }

    private Long id;
    /** Optimistic locking (issue 22): raised by every save, so a correction made from an older reading is refused. */
    private long version;
    private Receivable receivable;
    private Kind kind;
    private LocalDate eventDate;
    private String court;
    private String caseNumber;
    private String note;
    private Instant createdAt;

    protected CourtEvent() {
    }

    public CourtEvent(Receivable receivable, Kind kind, LocalDate eventDate) {
        this.receivable = receivable;
        this.kind = kind;
        this.eventDate = eventDate;
        this.createdAt = Instant.now();
    }

    /** Corrects what the step was and when (an edit: the service journals the new content; issue 21). */
    public void change(Kind kind, LocalDate eventDate) {
        this.kind = kind;
        this.eventDate = eventDate;
    }

    public List<FieldError> problems(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (kind == null) errors.add(FieldError.error("kind", "validation.required"));
        if (eventDate == null) errors.add(FieldError.error("eventDate", "validation.required"));
        else if (kind != Kind.PERFORMANCE_DUE && eventDate.isAfter(today)) errors.add(FieldError.error("eventDate", "validation.date.future"));
        else if (receivable != null && receivable.getContractDate() != null && eventDate.isBefore(receivable.getContractDate())) {
            errors.add(FieldError.error("eventDate", "validation.eventBeforeContract"));
        }
        Text.checkLength(errors, "court", court, 200);
        Text.checkLength(errors, "caseNumber", caseNumber, 100);
        Text.checkLength(errors, "note", note, 2000);
        return errors;
    }

    public Long getId() { return id; }
    /** The stored version this object was read at (optimistic locking, issue 22). */
    public long getVersion() { return version; }
    public Receivable getReceivable() { return receivable; }
    public Kind getKind() { return kind; }
    public LocalDate getEventDate() { return eventDate; }
    public String getCourt() { return court; }
    public void setCourt(String c) { this.court = Text.clean(c); }
    public String getCaseNumber() { return caseNumber; }
    public void setCaseNumber(String c) { this.caseNumber = Text.clean(c); }
    public String getNote() { return note; }
    public void setNote(String n) { this.note = Text.clean(n); }
    public Instant getCreatedAt() { return createdAt; }
}
