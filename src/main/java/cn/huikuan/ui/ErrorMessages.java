package cn.huikuan.ui;

import cn.huikuan.application.EvidenceService;
import cn.huikuan.application.NotFoundException;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.FieldError;
import cn.huikuan.i18n.I18n;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.storage.EvidenceImportException;
import cn.huikuan.storage.StoreFailures;

import java.util.stream.Collectors;
import cn.huikuan.application.ExportService;
import cn.huikuan.application.SpreadsheetRows;
import cn.huikuan.documents.DocumentRefused;
import cn.huikuan.storage.BackupRefusedException;
import java.util.List;

/** Turns a failure into a sentence the user can act on. Unknown failures show their message, not a stack trace. */
public final class ErrorMessages {
    private ErrorMessages() {
    }

    public static String describe(Throwable t, I18n i18n) {
        Throwable e = unwrap(t);
        if (e instanceof EvidenceService.DuplicateEvidenceException d) {
            return i18n.t("error.evidence.DUPLICATE", d.file().getFileName(), d.existingTitle());
        }
        if (e instanceof EvidenceImportException ei) {
            return i18n.t("error.evidence." + ei.reason().name(), ei.file().getFileName());
        }
        if (e instanceof DocumentRefused d) {
            return d.getMessage();
        }
        if (e instanceof BackupRefusedException b) {
            return i18n.t("error.backup." + b.reason().name(), b.file().getFileName(), b.detail());
        }
        if (e instanceof DataFolderException df) {
            return i18n.t("error.data." + df.reason().name(), df.folder(), df.detail());
        }
        if (e instanceof cn.huikuan.application.TeamAdmin.TeamException te) {
            // the office server's refusal while listing the books: said as when a book does not open (team mode, issue 22)
            String state = te.sqlState() == null ? "" : te.sqlState();
            String reason = state.startsWith("08") ? "SERVER_UNREACHABLE" : state.startsWith("28") ? "SERVER_LOGIN" : "SERVER_BOOK";
            String detail = te.getCause() != null && te.getCause().getMessage() != null ? te.getCause().getMessage() : te.getMessage();
            return i18n.t("error.data." + reason, "", detail);
        }
        if (e instanceof DomainException de) {
            return de.errors().stream().map(i18n::error).collect(Collectors.joining("\n"));
        }
        if (e instanceof SpreadsheetRows.NotASpreadsheet x) {
            return x.getMessage();
        }
        if (e instanceof ExportService.ExportException x) {
            return x.getMessage();
        }
        if (e instanceof cn.huikuan.storage.ConnectionLostException cl) {
            return i18n.t("error.connectionLost." + cl.outcome().name());
        }
        if (e instanceof cn.huikuan.application.ChangedElsewhereException ce) {
            StringBuilder now = new StringBuilder();
            String colon = i18n.language().equals("zh") ? "：" : ": ";
            ce.current().forEach((k, v) -> now.append("\n").append(changedLabel(i18n, k)).append(colon).append(v));
            return i18n.t("error.changedBy", changedRecord(i18n, ce.record()), ce.by() == null ? i18n.t("error.someoneElse") : ce.by(), now.toString());
        }
        if (e instanceof NotFoundException) {
            return i18n.t("error.notFound");
        }
        if (StoreFailures.diskFull(t)) {
            return i18n.t("error.diskFull");
        }
        if (StoreFailures.databaseClosed(t)) {
            return i18n.t("error.databaseClosed");
        }
        String name = e.getClass().getName();
        if (name.contains("OptimisticLock") || name.contains("StaleObjectState") || name.contains("StaleState")) {
            return i18n.t("error.changedElsewhere");
        }
        return i18n.t("error.unexpected", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    }

    /** A field's label in a refused save (given in Chinese by the services) in the window's language, if the bundle has it. */
    private static String changedLabel(I18n i18n, String zh) {
        String key = "changed.field." + zh;
        return i18n.has(key) ? i18n.t(key) : zh;
    }

    /** 「应收款 #7 货款」 with its kind of record in the window's language ("Receivable #7 货款"): the rest is the book's own. */
    private static String changedRecord(I18n i18n, String record) {
        int hash = record.indexOf(" #");
        if (hash <= 0) return record;
        String key = "changed.record." + record.substring(0, hash);
        return i18n.has(key) ? i18n.t(key) + record.substring(hash) : record;
    }

    static Throwable unwrap(Throwable t) {
        Throwable e = t;
        while (e.getCause() != null && !(e instanceof DomainException) && !(e instanceof EvidenceImportException)
                && !(e instanceof DataFolderException) && !(e instanceof BackupRefusedException) && !(e instanceof DocumentRefused) && (e.getClass() == RuntimeException.class
                || e.getClass().getName().startsWith("java.util.concurrent") || e.getClass().getName().contains("Persistence"))) {
            e = e.getCause();
        }
        return e;
    }

    public static String fieldList(List<FieldError> errors, I18n i18n) {
        return errors.stream().map(i18n::error).collect(Collectors.joining("\n"));
    }
}
