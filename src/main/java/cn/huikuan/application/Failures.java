package cn.huikuan.application;

import java.sql.SQLException;

/** What kind of failure a throwable is, wherever the driver and the ORM wrapped it; for the app's and the CLI's sentences. */
public final class Failures {
    private Failures() {
    }

    /**
     * The disk filled up, wherever in the chain it surfaced: H2 wraps the operating system's error in its own exceptions
     * and Hibernate wraps those (issue 6). Nothing of the failed transaction was written.
     */
    public static boolean diskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null && (m.contains("No space left on device") || m.contains("not enough space on the disk"))) return true;
        }
        return false;
    }

    /** H2 closed the database after a failed write (a full disk, the file taken away): only opening the books again helps. */
    public static boolean databaseClosed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() == 90098) return true; // H2 DATABASE_IS_CLOSED
        }
        return false;
    }
}
