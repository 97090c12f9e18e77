package cn.huikuan.storage;

/**
 * Team mode (issue 22): the connection to the office's server was lost during an operation (the server restarted or
 * stopped, the network failed, an administrator ended the session), and what that means for the user's change is in
 * {@link #outcome()}. Never a silent success: a change the app reports saved is on the server.
 */
public class ConnectionLostException extends RuntimeException {
    /** What became of the change that was being written when the connection was lost. */
    public enum Outcome {
        /** Nothing was being written (a read), or what was certainly did not reach the server: doing it again is safe. */
        NOT_SAVED,
        /**
         * The connection was lost while the server was committing and the server could not be asked afterwards: the
         * change may or may not be there. Look before doing it again (a payment recorded twice is worse than a wait).
         */
        UNKNOWN
    }

    private final Outcome outcome;

    public ConnectionLostException(Outcome outcome, Throwable cause) {
        super(message(outcome, cause), cause);
        this.outcome = outcome;
    }

    public Outcome outcome() {
        return outcome;
    }

    private static String message(Outcome outcome, Throwable cause) {
        String why = cause == null || cause.getMessage() == null ? "" : "（" + cause.getMessage() + "）";
        return switch (outcome) {
            case NOT_SAVED -> "与服务器的连接中断，这次操作没有完成，其中的修改都没有保存；服务器恢复后请再做一次" + why
                    + " / the connection to the server was lost: the operation did not complete and none of its changes was saved;"
                    + " do it again once the server is back";
            case UNKNOWN -> "与服务器的连接中断，无法确认这次的修改是否已保存；服务器恢复后请先查看再决定是否重做，以免重复记录" + why
                    + " / the connection to the server was lost and it could not be confirmed whether this change was saved:"
                    + " once the server is back, look before doing it again, so that nothing is recorded twice";
        };
    }
}
