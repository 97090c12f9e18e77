package cn.huikuan.storage;

import java.nio.file.Path;

/** A file could not be taken into the evidence store; {@link #reason()} says why in terms a user can act on. */
public class EvidenceImportException extends RuntimeException {
    public enum Reason { NOT_FOUND, LINK, NOT_A_FILE, UNREADABLE, EMPTY, TOO_LARGE, DISK_FULL, DUPLICATE }

    private final Reason reason;
    private final Path file;

    public EvidenceImportException(Reason reason, Path file, Throwable cause) {
        super(reason + ": " + file, cause);
        this.reason = reason;
        this.file = file;
    }

    public Reason reason() { return reason; }
    public Path file() { return file; }
}
