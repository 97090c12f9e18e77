package cn.huikuan.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A receivable a payment could go to, as the matcher needs it: its customer, what is still open, the amounts of its
 * instalments not yet paid (the schedule's and the latest repayment plan's), and the dates that order the candidates
 * (the oldest debt first). {@code label}: what the user sees (title, contract number).
 */
public record OpenReceivable(long id, long customerId, String customerName, String label, LocalDate contractDate,
                             LocalDate firstUnpaidDue, BigDecimal outstanding, List<BigDecimal> unpaidInstalments) {
    public OpenReceivable {
        unpaidInstalments = List.copyOf(unpaidInstalments);
    }
}
