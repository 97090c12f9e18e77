package cn.huikuan.statements;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One line of a statement. {@code row}: its row in the file, as a spreadsheet counts it. {@code amount}: positive,
 * two decimals. {@code received}: incoming money that arrived (an incoming line whose status says closed, failed or
 * refunded, or a line that is neither income nor expense, is not). {@code key}: what recognises the line when the
 * same statement, or an overlapping one, is imported again (see {@link StatementReader}). {@code cells}: the row as the
 * file holds it, kept as the payment's evidence.
 */
public record StatementLine(int row, LocalDate date, String payer, String account, BigDecimal amount, Direction direction,
                            String summary, String transactionId, String status, boolean received, String key, List<String> cells) {
    public StatementLine {
        cells = cells == null ? List.of() : List.copyOf(cells.stream().map(c -> c == null ? "" : c).toList());
    }

    public enum Direction {
        IN, OUT, NEITHER
    }

    /** The line as the evidence extract and the payment's note show it. */
    public String describe() {
        return date + " " + (payer == null ? "" : payer) + (account == null ? "" : "（" + account + "）") + " " + amount.toPlainString()
                + (summary == null ? "" : " " + summary) + (transactionId == null ? "" : " #" + transactionId);
    }
}
