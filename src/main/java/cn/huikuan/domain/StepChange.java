package cn.huikuan.domain;

import java.time.Instant;
import java.time.LocalDateTime;

/** The case entered {@code step} at {@code enteredAt}: the wizard's history, newest last. */
public class StepChange {
    /** How a closed case ended. */
    public enum Outcome { PAID_IN_FULL, PAID_IN_PART, SETTLED, WRITTEN_OFF }

    public static final int NOTE_MAX = 1000;

    private Long id;
    private Receivable receivable;
    private CollectionStep step;
    private LocalDateTime enteredAt;
    private String note;
    private Outcome outcome;
    private Instant createdAt;

    protected StepChange() {
    }

    public StepChange(Receivable receivable, CollectionStep step, LocalDateTime enteredAt, String note) {
        this.receivable = receivable;
        this.step = step;
        this.enteredAt = enteredAt;
        this.note = Text.emptyToNull(note == null ? null : note.strip());
        this.createdAt = Instant.now();
    }

    public Long getId() { return id; }
    public Receivable getReceivable() { return receivable; }
    public CollectionStep getStep() { return step; }
    public LocalDateTime getEnteredAt() { return enteredAt; }
    public String getNote() { return note; }
    public Outcome getOutcome() { return outcome; }
    public void setOutcome(Outcome o) { this.outcome = o; }
    public Instant getCreatedAt() { return createdAt; }
}
