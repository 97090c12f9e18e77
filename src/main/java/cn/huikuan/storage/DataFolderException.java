package cn.huikuan.storage;

import java.nio.file.Path;

/** The data folder cannot be used; {@link #reason()} tells the user why and what to do. */
public class DataFolderException extends RuntimeException {
    public enum Reason {
        /** Another copy of Huikuan has the folder open. */
        IN_USE,
        /** The folder cannot be created or written (read-only, no permission, disk full). */
        NOT_WRITABLE,
        /** The database file exists but cannot be read as an H2 database. */
        CORRUPT,
        /** A schema migration failed; a backup was taken before it. */
        MIGRATION_FAILED,
        /** A schema migration failed and the database was put back as it was before it (from the backup taken first). */
        MIGRATION_ROLLED_BACK,
        /** The books are password-protected and no password was given. */
        PASSWORD_REQUIRED,
        /** The password does not open the books (or this backup, which may have been taken under an older password). */
        WRONG_PASSWORD,
        /** Team mode: the office's server cannot be reached (address, network, server stopped). */
        SERVER_UNREACHABLE,
        /** Team mode: the server refused the user name or password. */
        SERVER_LOGIN,
        /** Team mode: the book does not exist on the server, is not granted to this user, or is at another schema version. */
        SERVER_BOOK
    }

    private final Reason reason;
    private final Path folder;

    public DataFolderException(Reason reason, Path folder, Throwable cause) {
        super(reason + ": " + folder + (cause != null ? " (" + cause.getMessage() + ")" : ""), cause);
        this.reason = reason;
        this.folder = folder;
    }

    public Reason reason() { return reason; }
    public Path folder() { return folder; }

    /** What the server or the database said, for the message (empty when there is no cause). */
    public String detail() { return getCause() == null || getCause().getMessage() == null ? "" : getCause().getMessage(); }
}
