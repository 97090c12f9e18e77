package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.application.InvoiceImportService;
import cn.huikuan.i18n.I18n;
import cn.huikuan.invoices.Invoice;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The invoice import screen's state (issue 23): the files and folders chosen or dropped, the dry run's lines (one per
 * file: what will happen and why), whether the import may run, and its outcome. The work runs through {@link Background}
 * (the app's TaskRunner, or {@link Background#now()} in {@code InvoiceImportModelTest}); no controls here.
 */
public final class InvoiceImportModel {
    private final Books books;
    private final Background background;
    private final I18n i18n;
    private final List<Path> files = new ArrayList<>();
    private final ReadOnlyObjectWrapper<List<String>> lines = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<Integer> imported = new ReadOnlyObjectWrapper<>();
    private InvoiceImportService.Plan plan;

    public InvoiceImportModel(Books books, Background background, I18n i18n) {
        this.books = books;
        this.background = background;
        this.i18n = i18n;
        summary.set(i18n.t("invoices.empty"));
    }

    /** What a background run gives back: the plan, or the sentence that says why there is none. */
    private record Outcome(InvoiceImportService.Plan plan, String problem, boolean written) {
    }

    /** Adds files or folders (chosen or dropped) and checks them all again. */
    public void add(List<Path> more) {
        if (more.isEmpty() || busy.get()) return;
        files.addAll(more);
        imported.set(null);
        busy.set(true);
        canImport.set(false);
        List<Path> now = List.copyOf(files);
        background.run(i18n.t("invoices.checking"), p -> {
            try {
                return new Outcome(books.invoices().dryRun(now), null, false);
            } catch (InvoiceImportService.BadInput e) {
                return new Outcome(null, e.getMessage(), false);
            }
        }, this::show);
    }

    /** Imports what the dry run showed (all or nothing). */
    public void importNow() {
        if (!canImport.get() || busy.get()) return;
        busy.set(true);
        canImport.set(false);
        List<Path> now = List.copyOf(files);
        background.run(i18n.t("invoices.running"), p -> {
            try {
                return new Outcome(books.invoices().importFiles(now), null, true);
            } catch (InvoiceImportService.Refused e) {
                return new Outcome(e.plan(), e.getMessage(), false);
            } catch (InvoiceImportService.BadInput e) {
                return new Outcome(null, e.getMessage(), false);
            }
        }, this::show);
    }

    private void show(Outcome o) {
        busy.set(false);
        if (o.plan() == null) {
            files.clear();
            plan = null;
            lines.set(List.of());
            summary.set(i18n.t("invoices.refused", o.problem()));
            canImport.set(false);
            return;
        }
        plan = o.plan();
        List<String> out = new ArrayList<>();
        for (InvoiceImportService.Line l : plan.lines()) out.add(line(l));
        lines.set(List.copyOf(out));
        String counts = i18n.t("invoices.summary", plan.lines().size(), plan.receivables(), plan.count(InvoiceImportService.Action.DUPLICATE),
                plan.count(InvoiceImportService.Action.NOT_OURS), plan.count(InvoiceImportService.Action.CREDIT_NOTE),
                plan.count(InvoiceImportService.Action.UNREADABLE));
        if (o.written()) {
            imported.set((int) plan.receivables());
            files.clear();
            summary.set(i18n.t("invoices.done", plan.receivables()) + " " + counts);
        } else if (o.problem() != null) {
            summary.set(i18n.t("invoices.refused", o.problem()) + " " + counts);
        } else {
            summary.set(counts + " " + (plan.ok() ? i18n.t("invoices.ready") : i18n.t("invoices.notReady")));
        }
        canImport.set(!o.written() && o.problem() == null && plan.ok());
    }

    private String line(InvoiceImportService.Line l) {
        Invoice i = l.invoice();
        return "【" + i18n.t("invoices.action." + l.action().name()) + "】 " + l.file()
                + (i == null ? "" : "  " + i.number() + "  " + i.issued() + "  " + i.buyer().name() + "  " + Fmt.money(i.gross()))
                + "\n    " + l.reason();
    }

    /** One text per file: 【what happens】 file, number, date, buyer, total, and on the next line why. */
    public ReadOnlyObjectProperty<List<String>> lines() { return lines.getReadOnlyProperty(); }

    public ReadOnlyStringProperty summary() { return summary.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty canImport() { return canImport.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }

    /** Receivables the import made; null until it has run. */
    public ReadOnlyObjectProperty<Integer> imported() { return imported.getReadOnlyProperty(); }

    /** The last dry run's (or import's) plan; null before the first. */
    public InvoiceImportService.Plan plan() { return plan; }
}
