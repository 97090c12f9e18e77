package cn.huikuan.statements;

/** How a line's amount fits the receivable proposed for it: all that is open, one instalment, or a part. */
public enum MatchKind {
    EXACT, INSTALMENT, PART;

    /** The JSON and command-line word. */
    public String word() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
