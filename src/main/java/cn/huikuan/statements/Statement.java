package cn.huikuan.statements;

import java.util.List;

/**
 * A statement as read: its format, the header row and its number, the lines, and the rows that could not be read
 * as lines (each with its reason; they are listed, never matched).
 */
public record Statement(StatementFormat format, int headerRow, List<String> header, List<StatementLine> lines, List<Problem> problems) {
    public record Problem(int row, String reason) {
    }

    /** The lines of money received. */
    public List<StatementLine> received() {
        return lines.stream().filter(StatementLine::received).toList();
    }
}
