package cn.huikuan.storage;

import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * What kind of storage failure a throwable is, wherever the driver and the ORM wrapped it. The persistence layer uses
 * it to stop talking to a database whose store has failed; the application and the command line to say what happened.
 */
public final class StoreFailures {
    private StoreFailures() {
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

    /**
     * H2 closed the database after a failed write (a full disk, the file taken away), or its store could not read or
     * write its own file: only opening the books again helps. On a disk that filled during a large write H2 sometimes
     * reports the failure as a read past the end of its file (MVStore error 1, "Reading from file ... read 0"), never
     * as "No space left on device"; that is the same situation for the user.
     */
    public static boolean databaseClosed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() == DATABASE_IS_CLOSED) return true;
            if (storeFileFailed(c)) return true;
        }
        return false;
    }

    /** After this failure the database must not be given another statement: its store is closed or its file broken. */
    public static boolean storeUnusable(Throwable t) {
        return diskFull(t) || databaseClosed(t);
    }

    /** H2's error code for a statement on a closed database. */
    public static final int DATABASE_IS_CLOSED = 90098;

    /** MVStore's own error codes travel in its message as "[version/code]": 1 reading failed, 2 writing failed. */
    private static final Pattern STORE_IO = Pattern.compile("MVStoreException.*\\[\\d+\\.\\d+\\.\\d+/[12]\\]", Pattern.DOTALL);

    private static boolean storeFileFailed(Throwable c) {
        String m = c.getMessage();
        if (m == null) return false;
        if (c.getClass().getName().equals("org.h2.mvstore.MVStoreException")) m = "MVStoreException: " + m;
        return STORE_IO.matcher(m).find();
    }
}
