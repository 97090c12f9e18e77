package cn.huikuan.statements;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One line of a statement. {@code row}: its row in the file, as a spreadsheet counts it. {@code amount}: positive,
 * two decimals. {@code received}: incoming money that arrived (an incoming line whose status says closed, failed or
 * refunded, or a line that is neither income nor expense, is not). {@code key}: what recognises the line when the
 * same statement, or an overlapping one, is imported again (see {@link StatementReader}).
 */
public record StatementLine(int row, LocalDate date, String payer, String account, BigDecimal amount, Direction direction,
                            String summary, String transactionId, String status, boolean received, String key) {
    public enum Direction {
        IN, OUT, NEITHER
    }

    /** The line as the evidence extract and the payment's note show it. */
    public String describe() {
        return date + " " + (payer == null ? "" : payer) + (account == null ? "" : "（" + account + "）") + " " + amount.toPlainString()
                + (summary == null ? "" : " " + summary) + (transactionId == null ? "" : " #" + transactionId);
    }
}
