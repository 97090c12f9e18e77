package cn.huikuan.application;

import cn.huikuan.storage.StoreFailures;

/** What kind of failure a throwable is, wherever the driver and the ORM wrapped it; for the app's and the CLI's sentences. */
public final class Failures {
    private Failures() {
    }

    /** The disk filled up (see {@link StoreFailures#diskFull}). Nothing of the failed transaction was written. */
    public static boolean diskFull(Throwable t) {
        return StoreFailures.diskFull(t);
    }

    /** The books were closed under the app or their file failed (see {@link StoreFailures#databaseClosed}): only opening them again helps. */
    public static boolean databaseClosed(Throwable t) {
        return StoreFailures.databaseClosed(t);
    }
}
