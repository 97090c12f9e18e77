package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.application.ExportService;
import cn.huikuan.documents.CaseFile;
import cn.huikuan.documents.DocKind;
import cn.huikuan.documents.Templates;
import cn.huikuan.domain.FieldError;
import cn.huikuan.i18n.I18n;
import cn.huikuan.law.ConductGuard;
import cn.huikuan.pdf.EvidenceBundle;
import cn.huikuan.pdf.PagePreview;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The export screen's state (issue 25): the document chosen, the few things only the user decides (deadline, court,
 * law firm, instalments, court route), the preview's page, and the export's progress, status and result, as properties
 * {@link ExportDialog} binds to; the preview and the exports run through {@link Background} with progress and cancel.
 * No JavaFX controls: {@code ExportModelTest} runs it without a robot or the FX toolkit.
 */
public final class ExportModel {
    static final float PREVIEW_DPI = 72f;

    /** A row of the document list: a document, or the evidence bundle (kind null). */
    public record Choice(DocKind kind) {
        public boolean bundle() {
            return kind == null;
        }
    }

    /** The user's words that failed the conduct check, with the guard's findings (issue 20). */
    public record Blocked(String text, ConductGuard.Result result) {
    }

    private final Books books;
    private final I18n i18n;
    private final long receivableId;
    private final Activity activity;
    private final List<Choice> choices;
    private final ObjectProperty<Choice> selected = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> payBy = new SimpleObjectProperty<>();
    private final StringProperty court = new SimpleStringProperty("");
    private final StringProperty lawFirm = new SimpleStringProperty("");
    private final StringProperty instalments = new SimpleStringProperty("3");
    private final ObjectProperty<DocKind.Route> route = new SimpleObjectProperty<>(DocKind.Route.LAWSUIT);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<BufferedImage> image = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Blocked> blocked = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>();
    /** An export's case was read and its files are being named, or the user is asked about replacing them: still busy. */
    private final BooleanProperty planning = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private PagePreview preview;
    private int current = 1;
    /** Whether the user typed a court of their own; until then the court shows the one proposed for the selection. */
    private boolean courtEdited;
    private boolean settingCourt;
    /** A preview was asked for while other work ran: made when that ends. */
    private boolean previewPending;

    public ExportModel(Books books, I18n i18n, Background background, long receivableId) {
        this.books = books;
        this.i18n = i18n;
        this.receivableId = receivableId;
        this.activity = new Activity(background);
        List<Choice> c = new ArrayList<>();
        for (DocKind k : DocKind.values()) c.add(new Choice(k));
        c.add(new Choice(null));
        this.choices = List.copyOf(c);
        busy.bind(activity.running().or(planning));
        payBy.set(CaseFile.Options.defaults(books.today()).payBy());
        court.addListener((o, was, now) -> {
            if (!settingCourt) courtEdited = now != null && !now.isBlank();
        });
        selected.addListener((o, was, now) -> refreshPreview());
    }

    // ------------------------------------------------------------------ state

    /** Every document in the list's order, the bundle last. */
    public List<Choice> choices() { return choices; }

    public ObjectProperty<Choice> selected() { return selected; }

    public ObjectProperty<LocalDate> payBy() { return payBy; }

    /** The court's name: the one proposed for the document shown until the user types one. */
    public StringProperty court() { return court; }

    public StringProperty lawFirm() { return lawFirm; }

    /** The number of instalments as typed (checked when used: a whole number from 1 to 60). */
    public StringProperty instalments() { return instalments; }

    public ObjectProperty<DocKind.Route> route() { return route; }

    /** One line saying what happens or happened. */
    public ReadOnlyStringProperty status() { return status.getReadOnlyProperty(); }

    /** What Huikuan tells the user and does not print: the court proposed and why, drafting hints (issue 18). */
    public ReadOnlyStringProperty notes() { return notes.getReadOnlyProperty(); }

    /** The preview's page shown; null when there is none. */
    public ReadOnlyObjectProperty<BufferedImage> image() { return image.getReadOnlyProperty(); }

    /** "第 n 页 / 共 m 页", or "" without a preview. */
    public ReadOnlyStringProperty pageText() { return pageText.getReadOnlyProperty(); }

    /** Where the last export went (to open it); null while none or while another runs. */
    public ReadOnlyObjectProperty<Path> folder() { return folder.getReadOnlyProperty(); }

    /** The words that stopped the last export at the conduct check; null when none did. */
    public ReadOnlyObjectProperty<Blocked> blocked() { return blocked.getReadOnlyProperty(); }

    /** Why the last export failed, to be said in a dialog; null when it did not. */
    public ReadOnlyObjectProperty<String> failure() { return failure.getReadOnlyProperty(); }

    /** Work runs or an export is being planned: no other starts. */
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }

    /** Background work runs (and may be cancelled). */
    public ReadOnlyBooleanProperty running() { return activity.running(); }

    /** The running work's share done, -1 while unknown. */
    public ReadOnlyDoubleProperty progress() { return activity.progress(); }

    public String name(Choice c) {
        return c.bundle() ? i18n.t("export.bundle") : c.kind().zh();
    }

    public Choice choice(DocKind kind) {
        return choices.stream().filter(c -> c.kind() == kind).findFirst().orElseThrow();
    }

    // ------------------------------------------------------------------ preview

    /** The options as reviewed now; null, with the reason in the status, when one is not valid. */
    CaseFile.Options options() {
        LocalDate today = books.today();
        LocalDate d = payBy.get();
        if (d == null || d.isBefore(today)) {
            status.set(i18n.t("export.payBy.invalid"));
            return null;
        }
        // a typed number counts (issue 21: typed numbers in spinners were dropped); text that is not one is refused
        Integer n = Form.parse(instalments.get(), 1, 60);
        if (n == null) {
            String typed = instalments.get() == null ? "" : instalments.get().strip();
            status.set(i18n.error(FieldError.error("instalments", "validation.wholeNumber", 1, 60, typed)));
            return null;
        }
        return new CaseFile.Options(d, courtEdited ? court.get() : "", lawFirm.get(), n, today.plusMonths(1));
    }

    /** Makes the preview of the selected document with the options as they are now (later, if other work runs). */
    public void refreshPreview() {
        Choice c = selected.get();
        CaseFile.Options o = options();
        if (c == null || o == null) return;
        if (busy.get()) {
            previewPending = true;
            return;
        }
        String label = i18n.t("export.previewing", name(c));
        status.set(label);
        activity.start(label, p -> {
            ExportService x = books.exports();
            CaseFile cf = x.caseFile(receivableId, o);
            byte[] bytes;
            if (c.bundle()) {
                Path tmp = Files.createTempFile("huikuan-preview", ".pdf");
                try {
                    x.writeBundle(cf, tmp, adapt(p));
                    bytes = Files.readAllBytes(tmp);
                } finally {
                    Files.deleteIfExists(tmp);
                }
            } else {
                bytes = x.documentPdf(c.kind(), cf);
            }
            List<String> told = c.bundle() ? List.of() : x.notes(c.kind(), cf);
            String proposed = !c.bundle() && Templates.addressed(c.kind()) && o.court().isBlank() ? Templates.proposal(c.kind(), cf).court() : null;
            PagePreview pv = new PagePreview(bytes);
            return new Rendered(pv, pv.render(1, PREVIEW_DPI), told, proposed);
        }, r -> {
            closePreview();
            preview = r.preview();
            show(1, r.first());
            notes.set(String.join("\n\n", r.notes()));
            if (!courtEdited) {
                settingCourt = true;
                court.set(r.proposedCourt() == null ? "" : r.proposedCourt());
                settingCourt = false;
            }
            status.set(i18n.t("export.previewReady", name(c), preview.pages()));
            afterWork();
        }, error -> {
            // a document a court would send back (no court, no arbitration clause, an unfilled profile): said here, not in a dialog
            closePreview();
            image.set(null);
            pageText.set("");
            String why = ErrorMessages.describe(error, i18n);
            notes.set(why);
            status.set(why);
            afterWork();
        }, this::cancelled);
    }

    private record Rendered(PagePreview preview, BufferedImage first, List<String> notes, String proposedCourt) {
    }

    /** Shows page {@code n} of the preview (nothing while other work runs or without such a page). */
    public void page(int n) {
        PagePreview pv = preview;
        if (pv == null || n < 1 || n > pv.pages() || busy.get()) return;
        activity.start(i18n.t("export.rendering"), p -> pv.render(n, PREVIEW_DPI), img -> {
            if (preview == pv) show(n, img);
            afterWork();
        }, error -> {
            status.set(ErrorMessages.describe(error, i18n));
            afterWork();
        }, this::cancelled);
    }

    public void nextPage() {
        page(current + 1);
    }

    public void previousPage() {
        page(current - 1);
    }

    private void show(int n, BufferedImage img) {
        current = n;
        image.set(img);
        pageText.set(i18n.t("export.pageOf", n, preview.pages()));
    }

    private void closePreview() {
        if (preview != null) preview.close();
        preview = null;
    }

    // ------------------------------------------------------------------ exporting

    /** Whether an export may be asked for now: nothing runs and the options are valid (else the status says why). */
    public boolean exportable() {
        return options() != null && !busy.get();
    }

    /** The selected document (or the bundle) into {@code dir}; {@code mayReplace} is asked before any existing file is replaced. */
    public void exportOne(Path dir, Predicate<List<Path>> mayReplace) {
        Choice c = selected.get();
        CaseFile.Options o = options();
        if (c == null || o == null || busy.get()) return;
        export(name(c), o, mayReplace, cf -> {
            Path target = dir.resolve(c.bundle() ? ExportService.bundleName(cf) : ExportService.documentName(c.kind(), cf));
            return new Plan(dir, List.of(target), (x, p) -> {
                if (c.bundle()) x.writeBundle(cf, target, adapt(p));
                else x.writeDocument(c.kind(), cf, target);
            });
        });
    }

    /** The chosen court route's whole packet, in a folder of its own inside {@code dir}. */
    public void exportPacket(Path dir, Predicate<List<Path>> mayReplace) {
        CaseFile.Options o = options();
        DocKind.Route r = route.get();
        if (o == null || r == null || busy.get()) return;
        export(i18n.t("export.route." + r.cliName()), o, mayReplace, cf -> {
            Path packet = dir.resolve(ExportService.packetFolderName(cf, r));
            return new Plan(packet, ExportService.packetFiles(r).stream().map(packet::resolve).toList(),
                    (x, p) -> x.writePacket(cf, r, packet, adapt(p)));
        });
    }

    /** The ZIP of the evidence originals into {@code dir}. */
    public void exportZip(Path dir, Predicate<List<Path>> mayReplace) {
        CaseFile.Options o = options();
        if (o == null || busy.get()) return;
        export(i18n.t("export.zip"), o, mayReplace, cf -> {
            Path target = dir.resolve(ExportService.zipName(cf));
            return new Plan(dir, List.of(target), (x, p) -> x.writeZip(cf, target, adapt(p)));
        });
    }

    /** Writes an export's files for a case file. */
    @FunctionalInterface
    private interface Writing {
        void write(ExportService exports, TaskRunner.Progress progress) throws Exception;
    }

    /** Where an export goes: the folder shown afterwards, every file it would write, and the writing. */
    private record Plan(Path folder, List<Path> files, Writing writing) {
    }

    /**
     * Reads the case (in the background), names the files for its debtor and day, asks before any existing one is replaced
     * (issue 21; the default answer keeps it), then writes.
     */
    private void export(String label, CaseFile.Options o, Predicate<List<Path>> mayReplace, Function<CaseFile, Plan> planned) {
        status.set(i18n.t("export.running", label));
        folder.set(null);
        blocked.set(null);
        failure.set(null);
        planning.set(true);          // until the files are named and the user has answered: no preview starts in between
        activity.start(label, p -> books.exports().caseFile(receivableId, o), cf -> {
            Plan plan;
            boolean allowed;
            try {
                plan = planned.apply(cf);
                allowed = mayReplace.test(plan.files());
            } finally {
                planning.set(false);
            }
            if (!allowed) {
                status.set(i18n.t("export.notReplaced", Overwrite.existing(plan.files()).stream().map(Path::getFileName)
                        .map(Path::toString).collect(Collectors.joining("、"))));
                afterWork();
                return;
            }
            write(label, plan);
        }, error -> {
            planning.set(false);
            failed(error);
        }, () -> {
            planning.set(false);
            cancelled();
        });
    }

    private void write(String label, Plan plan) {
        status.set(i18n.t("export.running", label));
        activity.start(label, p -> {
            plan.writing().write(books.exports(), p);
            return plan.folder();
        }, written -> {
            folder.set(written);
            status.set(i18n.t("export.done", written));
            afterWork();
        }, this::failed, this::cancelled);
    }

    private void failed(Throwable error) {
        if (error instanceof EvidenceBundle.CancelledException) {
            status.set(i18n.t("export.cancelled"));
        } else if (error instanceof ExportService.ConductBlockedException b) {
            // the user's words in the document: shown with the findings, the articles and a lawful rewrite (issue 20)
            status.set(i18n.t("export.conductBlocked"));
            blocked.set(new Blocked(b.text(), b.result()));
        } else {
            status.set(i18n.t("export.failed"));
            failure.set(ErrorMessages.describe(error, i18n));
        }
        afterWork();
    }

    private void cancelled() {
        status.set(i18n.t("export.cancelled"));
        afterWork();
    }

    /** A preview asked for while other work ran is made now. */
    private void afterWork() {
        if (previewPending && !busy.get()) {
            previewPending = false;
            refreshPreview();
        }
    }

    /** Stops the running work (its files are not written). */
    public void cancel() {
        activity.cancel();
    }

    /** The screen closes: stops its work and lets the preview go. */
    public void close() {
        activity.cancel();
        closePreview();
    }

    private static EvidenceBundle.Progress adapt(TaskRunner.Progress p) {
        return new EvidenceBundle.Progress() {
            @Override
            public void update(String message, long done, long total) {
                p.message(message);
                p.update(done, total);
            }

            @Override
            public boolean cancelled() {
                return p.cancelled();
            }
        };
    }
}
