package cn.huikuan.storage;

import java.nio.file.Path;

/**
 * A backup (or a database brought from elsewhere) is not restored, and the books stay as they were. {@link #reason()}
 * says why; {@link #detail()} names what was found (an object the file defines, a table, a size). The message is the
 * bilingual sentence the command line prints; the app words it from its resource bundles.
 */
public class BackupRefusedException extends RuntimeException {
    public enum Reason {
        /** The file does not exist (or is not a regular file). */
        NOT_FOUND("找不到备份文件", "backup file not found"),
        /** The file is a symbolic link: Huikuan restores only a file itself. */
        LINK("备份文件是一个链接（快捷方式），请选择文件本身", "the backup is a symbolic link; choose the file itself"),
        /** Not a ZIP archive. */
        NOT_A_ZIP("不是回款助手的备份（不是 ZIP 压缩包）", "not a Huikuan backup (not a ZIP archive)"),
        /** A ZIP without the database entry. */
        NO_DATABASE("不是回款助手的备份（压缩包里没有 huikuan.mv.db）", "not a Huikuan backup (no huikuan.mv.db in the archive)"),
        /** The database in the archive is empty or far too small to be one. */
        EMPTY("备份里的数据库是空的", "the database in the backup is empty"),
        /** The archive's database is larger than it says, or larger than any book could be. */
        TOO_LARGE("备份里的数据库比压缩包声明的大小更大，可能是恶意文件", "the database in the backup is larger than the archive says: possibly a hostile file"),
        /** Not enough free space to unpack it and build the books from it. */
        NO_SPACE("磁盘空间不足，无法恢复这个备份", "not enough free disk space to restore this backup"),
        /** The archive or the database in it is damaged or truncated, or is not an H2 database. */
        UNREADABLE("备份里的数据库无法读取（已损坏、不完整或不是回款助手的数据库）", "the database in the backup cannot be read (damaged, truncated, or not a Huikuan database)"),
        /** No schema history: not Huikuan's books. */
        NOT_HUIKUAN("备份里的数据库不是回款助手的账本", "the database in the backup is not Huikuan's books"),
        /** Taken by a newer version of Huikuan. */
        NEWER_VERSION("备份来自更新版本的回款助手，请先升级程序", "the backup was made by a newer version of Huikuan; update the app first"),
        /** The file defines something Huikuan's books never contain (a trigger, a function, a user, a table …). */
        FOREIGN_OBJECT("备份里含有回款助手从不创建的对象，可能被篡改或含有恶意代码，未恢复", "the backup defines something Huikuan never creates (it may have been altered or carry code); nothing was restored"),
        /** One of the app's tables is not as the app's migrations make it. */
        SCHEMA_MISMATCH("备份里的表结构与回款助手的不一致，未恢复", "a table in the backup is not as Huikuan makes it; nothing was restored"),
        /** A stored value breaks the books' rules (a kind of value never stored, a broken reference, a constraint). */
        BAD_DATA("备份里的数据不符合账本的规则，未恢复", "data in the backup breaks the books' rules; nothing was restored");

        private final String zh;
        private final String en;

        Reason(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String zh() { return zh; }
        public String en() { return en; }
    }

    private final Reason reason;
    private final Path file;
    private final String detail;

    public BackupRefusedException(Reason reason, Path file, String detail) {
        this(reason, file, detail, null);
    }

    public BackupRefusedException(Reason reason, Path file, String detail, Throwable cause) {
        super(reason.zh() + " / " + reason.en() + ": " + file + (detail == null || detail.isBlank() ? "" : " (" + detail + ")"), cause);
        this.reason = reason;
        this.file = file;
        this.detail = detail == null ? "" : detail;
    }

    public Reason reason() { return reason; }
    public Path file() { return file; }
    /** What was found, in plain words or SQL names; empty when there is nothing more to say. */
    public String detail() { return detail; }
}
