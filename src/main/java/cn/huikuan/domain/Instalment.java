package cn.huikuan.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One due date and the amount due on it. A receivable with a single due date has one instalment. */
public class Instalment {
    private LocalDate dueDate;
    private BigDecimal amount;

    protected Instalment() {
    }

    public Instalment(LocalDate dueDate, BigDecimal amount) {
        this.dueDate = dueDate;
        this.amount = amount;
    }

    public LocalDate getDueDate() { return dueDate; }
    public BigDecimal getAmount() { return amount; }
}
