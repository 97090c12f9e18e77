package cn.huikuan.statements;

/**
 * What the matcher proposes for one line: a receivable and how the amount fits it, or none ({@code receivable} null,
 * {@code kind} null). {@code byMemory}: the payer was known from an earlier confirmed match.
 */
public record Proposal(StatementLine line, OpenReceivable receivable, MatchKind kind, boolean byMemory) {
    public static Proposal none(StatementLine line) {
        return new Proposal(line, null, null, false);
    }

    public boolean matched() {
        return receivable != null;
    }
}
