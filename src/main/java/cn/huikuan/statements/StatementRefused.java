package cn.huikuan.statements;

/** A file that is not a statement Huikuan reads, or one built to harm: one sentence, Chinese then English. Nothing was written. */
public final class StatementRefused extends RuntimeException {
    public StatementRefused(String message) {
        super(message);
    }
}
