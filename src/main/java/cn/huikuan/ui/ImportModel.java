package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.application.ImportService;
import cn.huikuan.i18n.I18n;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The spreadsheet import screen's state (issue 25): the column each field is read from, the payment-date default, the
 * partial-import choice, the latest check's report as text, and whether the import may run; the checks, the import and
 * saving the refused rows run through {@link Background}. {@link ImportDialog} builds the controls and binds them.
 * Tested without a robot or the FX toolkit ({@code ImportModelTest}).
 */
public final class ImportModel {
    /** Rejected rows and notices the report lists at most (the rest are counted). */
    static final int LISTED = 500;

    /** Something said in a dialog: an error or information. */
    public record Message(boolean error, String text) {
    }

    private final Books books;
    private final I18n i18n;
    private final Background background;
    private final Path file;
    private final List<String> header;
    private final Map<ImportService.Column, IntegerProperty> columns = new EnumMap<>(ImportService.Column.class);
    private final ObjectProperty<ImportService.PaidOnDefault> paidOn = new SimpleObjectProperty<>();
    private final BooleanProperty partial = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper report = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper importable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper refusedSavable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Integer> imported = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper done = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper running = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyObjectWrapper<Message> message = new ReadOnlyObjectWrapper<>();
    private ImportService.Report last;
    /** Checks asked for so far: only the latest one's report is shown. */
    private int checks;
    /** The check whose report is shown (0: the one the screen opened with). */
    private int shown;
    /** An import runs, or was stopped while it ran: no other is offered. */
    private boolean importing;

    /** {@code first}: the check made of {@code file} before the screen opened (the columns recognised, the first rows). */
    public ImportModel(Books books, I18n i18n, Background background, Path file, ImportService.Report first) {
        this.books = books;
        this.i18n = i18n;
        this.background = background;
        this.file = file;
        this.header = List.copyOf(first.header());
        for (ImportService.Column c : ImportService.Column.values()) {
            Integer i = first.mapping().get(c);
            columns.put(c, new SimpleIntegerProperty(i == null ? -1 : i));
        }
        paidOn.set(first.paidOnDefault());
        show(first);
        paidOn.addListener((o, was, now) -> check());
        partial.addListener((o, was, now) -> {
            if (last != null && shown == checks) show(last);   // while a check runs, its report will say it
        });
    }

    // ------------------------------------------------------------------ state

    public Path file() { return file; }

    /** The file's header row, the columns a field can be read from. */
    public List<String> header() { return header; }

    /** The header column {@code c} is read from, -1 for none (changed by the user; {@link #check()} reads it). */
    public IntegerProperty column(ImportService.Column c) { return columns.get(c); }

    /** The payment date of paid rows the file gives none for (a change checks again). */
    public ObjectProperty<ImportService.PaidOnDefault> paidOn() { return paidOn; }

    /** Import the valid rows only (the others saved with their reasons) instead of all or nothing. */
    public BooleanProperty partial() { return partial; }

    /** The latest check's (or the import's) report, or why it failed. */
    public ReadOnlyStringProperty report() { return report.getReadOnlyProperty(); }

    /** Whether the import may run now. */
    public ReadOnlyBooleanProperty importable() { return importable.getReadOnlyProperty(); }

    /** Whether the report has refused rows to save. */
    public ReadOnlyBooleanProperty refusedSavable() { return refusedSavable.getReadOnlyProperty(); }

    /** The rows imported, once imported (the choices are then fixed); null before. */
    public ReadOnlyObjectProperty<Integer> imported() { return imported.getReadOnlyProperty(); }

    /** Every row went in: the screen closes with {@link #imported()}. */
    public ReadOnlyBooleanProperty done() { return done.getReadOnlyProperty(); }

    /** How many pieces of work run. */
    public ReadOnlyIntegerProperty running() { return running.getReadOnlyProperty(); }

    /** What to say in a dialog after saving the refused rows. */
    public ReadOnlyObjectProperty<Message> message() { return message.getReadOnlyProperty(); }

    // ------------------------------------------------------------------ commands

    private Map<ImportService.Column, Integer> mapping() {
        Map<ImportService.Column, Integer> m = new EnumMap<>(ImportService.Column.class);
        columns.forEach((c, p) -> {
            if (p.get() >= 0) m.put(c, p.get());
        });
        return Collections.unmodifiableMap(m);
    }

    private ImportService.Options options() {
        return new ImportService.Options(paidOn.get(), partial.get());
    }

    /** Checks the file again with the columns and choices as they are now. */
    public void check() {
        if (imported.get() != null) return;                   // the rows are in: a new check would find them there
        Map<ImportService.Column, Integer> m = mapping();
        ImportService.Options o = options();
        int asked = ++checks;
        importable.set(false);                                // until this check's report is shown
        run(i18n.t("import.checking"), p -> books.imports().dryRun(file, m, o), r -> {
            if (asked != checks) return;                      // an earlier check finishing late is not shown over a later one
            shown = asked;
            show(r);
        }, e -> {
            if (asked == checks) report.set(ErrorMessages.describe(e, i18n));
        }, () -> {
            if (asked == checks && last != null) {
                shown = asked;
                show(last);
            }
        });
    }

    /** Imports: all rows or none, or the valid rows only when {@link #partial()}. */
    public void runImport() {
        if (imported.get() != null || importing || last == null || !importable(last)) return;
        Map<ImportService.Column, Integer> m = mapping();
        ImportService.Options o = options();
        importing = true;
        importable.set(false);
        run(i18n.t("import.running"), p -> books.imports().importFile(file, m, o), r -> {
            importing = false;
            imported.set(r.accepted());
            if (r.rejected().isEmpty()) done.set(true);
            else show(r);                 // partial: the screen stays with what was refused, to be saved
        }, e -> {
            importing = false;
            if (e instanceof ImportService.ImportRefused refused) show(refused.report());
            else report.set(ErrorMessages.describe(e, i18n));
        }, () -> {
            // stopped from the status bar: the import may still finish on its worker, so it is not offered again (the
            // books' next opening undoes a run that did not finish); closing the screen reloads the lists
            importing = true;
            importable.set(false);
        });
    }

    /** The rows the last check (or import) refused, with their reasons, as .xlsx in {@code folder} (never over a file there). */
    public void saveRefused(Path folder) {
        ImportService.Report r = last;
        if (r == null || r.rejected().isEmpty()) return;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        Path target = unused(folder, i18n.t("import.refusedFile", dot > 0 ? name.substring(0, dot) : name));
        message.set(null);
        run(i18n.t("import.saveRefused"), p -> ImportService.writeRefused(file, r, target),
                n -> message.set(new Message(false, i18n.t("import.refusedSaved", n, target))),
                e -> message.set(new Message(true, ErrorMessages.describe(e, i18n))), () -> { });
    }

    private <T> void run(String label, TaskRunner.Work<T> work, java.util.function.Consumer<T> ok,
                         java.util.function.Consumer<Throwable> failed, Runnable cancelled) {
        running.set(running.get() + 1);
        background.start(label, work, new Background.Outcome<T>() {
            @Override
            public void succeeded(T result) {
                running.set(running.get() - 1);
                ok.accept(result);
            }

            @Override
            public void failed(Throwable error) {
                running.set(running.get() - 1);
                failed.accept(error);
            }

            @Override
            public void cancelled() {
                running.set(running.get() - 1);
                cancelled.run();
            }
        });
    }

    private boolean importable(ImportService.Report r) {
        return partial.get() ? r.anyAccepted() : r.ok();
    }

    private void show(ImportService.Report r) {
        last = r;
        Integer done = imported.get();
        StringBuilder sb = new StringBuilder();
        if (done != null) sb.append(i18n.t("import.result", done, r.rejected().size())).append("\n\n");
        sb.append(i18n.t("import.summary", r.rows(), r.accepted(), r.rejected().size(), r.newCustomers(), r.existingCustomers()));
        sb.append('\n');
        switch (r.paidOnDefault()) {
            case IMPORT_DATE -> sb.append(i18n.t("import.paidOn.importDate", r.paidOnDefaulted(), r.importDate().toString())).append('\n');
            case DUE_DATE -> sb.append(i18n.t("import.paidOn.dueDate", r.paidOnDefaulted())).append('\n');
            case NONE -> {
                if (r.paidOnMissing() > 0) sb.append(i18n.t("import.paidOn.missing", r.paidOnMissing())).append('\n');
            }
        }
        if (done == null) {
            if (r.ok()) sb.append(i18n.t("import.ready")).append('\n');
            else if (partial.get() && r.anyAccepted()) sb.append(i18n.t("import.partialReady", r.accepted(), r.rejected().size())).append('\n');
        }
        for (ImportService.Rejection x : r.rejected().subList(0, Math.min(LISTED, r.rejected().size()))) {
            sb.append(i18n.t("import.row", x.row(), x.reason())).append('\n');
        }
        if (r.rejected().size() > LISTED) sb.append(i18n.t("import.more", r.rejected().size() - LISTED)).append('\n');
        if (!r.notices().isEmpty()) {
            sb.append('\n').append(i18n.t("import.notices")).append('\n');
            for (ImportService.Notice x : r.notices().subList(0, Math.min(LISTED, r.notices().size()))) {
                sb.append(i18n.t("import.row", x.row(), x.text())).append('\n');
            }
        }
        sb.append('\n').append(i18n.t("import.preview")).append('\n').append(String.join(" | ", r.header())).append('\n');
        for (List<String> row : r.preview()) sb.append(String.join(" | ", row)).append('\n');
        report.set(sb.toString());
        importable.set(done == null && !importing && importable(r));
        refusedSavable.set(!r.rejected().isEmpty() && r.sourceHash() != null);
    }

    /** {@code stem.xlsx} in {@code folder}, or {@code stem (2).xlsx} …: a file already there is never replaced. */
    static Path unused(Path folder, String stem) {
        Path p = folder.resolve(stem + ".xlsx");
        for (int i = 2; Files.exists(p); i++) p = folder.resolve(stem + " (" + i + ").xlsx");
        return p;
    }
}
