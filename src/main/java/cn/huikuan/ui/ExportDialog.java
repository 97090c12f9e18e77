package cn.huikuan.ui;

import cn.huikuan.application.ExportService;
import cn.huikuan.documents.CaseFile;
import cn.huikuan.documents.DocKind;
import cn.huikuan.pdf.EvidenceBundle;
import cn.huikuan.pdf.PagePreview;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import cn.huikuan.documents.Templates;
import cn.huikuan.domain.FieldError;
import cn.huikuan.law.ConductGuard;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * 导出文书: pick a document (or the evidence bundle), review the few things only the user decides (deadline,
 * court, law firm, instalments), look at the pages exactly as they will be written, then export one
 * document, a court route's whole packet, or the ZIP of originals. All PDF work runs in the background with
 * progress and cancel; afterwards "打开文件夹" shows the result.
 */
public final class ExportDialog extends Dialog<Void> {
    static final float PREVIEW_DPI = 72f;
    /** A row of the list: a document, or the bundle (kind null). */
    record Choice(DocKind kind) {
    }

    private final AppContext ctx;
    private final long receivableId;
    private final ListView<Choice> list = new ListView<>();
    private final DatePicker payBy = Parse.datePicker("exportPayBy");
    private final TextField court = CustomerEditor.field("exportCourt");
    /** What Huikuan tells the user and does not print: the court proposed and why, drafting hints (issue 18). */
    private final javafx.scene.control.TextArea notes = new javafx.scene.control.TextArea();
    /** Whether the user typed a court of their own; until then the field shows the court proposed for the selection. */
    private boolean courtEdited;
    private boolean settingCourt;
    private final TextField lawFirm = CustomerEditor.field("exportLawFirm");
    private final Spinner<Integer> instalments = Form.intSpinner("exportInstalments", 1, 60, 3);
    private final ComboBox<DocKind.Route> route = new ComboBox<>();
    private final ImageView page = new ImageView();
    private final Label pageLabel = new Label();
    private final Label status = new Label();
    private final ConductPanel conduct;
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button();
    private final Button openFolder = new Button();
    private final List<Button> exportButtons = new ArrayList<>();
    private PagePreview preview;
    private int current = 1;
    private Task<?> running;
    private Path lastFolder;
    /** A preview was asked for while another task ran: render it when that one ends. */
    private boolean previewPending;
    /** An export's case was read and its files are being named or the user asked about replacing them: still busy. */
    private boolean planning;

    public ExportDialog(AppContext ctx, Window owner, long receivableId) {
        UiFont.apply(this);
        this.ctx = ctx;
        this.receivableId = receivableId;
        initOwner(owner);
        setTitle(ctx.t("export.title"));
        setResizable(true);
        getDialogPane().setId("exportDialog");
        getDialogPane().getButtonTypes().add(new ButtonType(ctx.t("action.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));

        list.setId("exportList");
        for (DocKind k : DocKind.values()) list.getItems().add(new Choice(k));
        list.getItems().add(new Choice(null));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Choice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : name(c));
            }
        });
        list.setPrefHeight(210);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> refreshPreview());

        LocalDate today = ctx.books().today();
        CaseFile.Options d = CaseFile.Options.defaults(today);
        payBy.setValue(d.payBy());
        route.setId("exportRoute");
        route.getItems().setAll(DocKind.Route.values());
        route.setValue(DocKind.Route.LAWSUIT);
        route.setConverter(EnumCombos.display((DocKind.Route r) -> ctx.t("export.route." + r.cliName())));

        GridPane review = new GridPane();
        review.setHgap(8);
        review.setVgap(6);
        review.addRow(0, new Label(ctx.t("export.payBy")), payBy);
        review.addRow(1, new Label(ctx.t("export.court")), court);
        review.addRow(2, new Label(ctx.t("export.lawFirm")), lawFirm);
        review.addRow(3, new Label(ctx.t("export.instalments")), instalments);
        court.setPromptText(ctx.t("export.court.prompt"));
        court.textProperty().addListener((o, was, now) -> {
            if (!settingCourt) courtEdited = now != null && !now.isBlank();
        });
        notes.setId("exportNotes");
        notes.setEditable(false);
        notes.setWrapText(true);
        notes.setPrefRowCount(6);
        notes.setFocusTraversable(false);
        Button update = button("exportUpdatePreview", "export.updatePreview", () -> refreshPreview());

        Button one = button("exportOne", "export.one", this::exportOne);
        Button packet = button("exportPacket", "export.packet", this::exportPacket);
        Button zip = button("exportZip", "export.zip", this::exportZip);
        exportButtons.addAll(List.of(one, packet, zip, update));
        cancel.setId("exportCancel");
        cancel.setText(ctx.t("action.cancelTask"));
        cancel.setDisable(true);
        cancel.setOnAction(e -> {
            if (running != null) running.cancel();
        });
        openFolder.setId("exportOpenFolder");
        openFolder.setText(ctx.t("export.openFolder"));
        openFolder.setDisable(true);
        openFolder.setOnAction(e -> {
            if (lastFolder != null) ctx.dialogs().open(lastFolder);
        });
        progress.setId("exportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        status.setId("exportStatus");
        status.setWrapText(true);
        conduct = new ConductPanel(ctx, "exportConduct", null);
        ConductGuard.warmUpInBackground();

        Label docsLabel = new Label(ctx.t("export.documents"));
        docsLabel.getStyleClass().add("title-4");
        Label reviewLabel = new Label(ctx.t("export.review"));
        reviewLabel.getStyleClass().add("title-4");
        Label notesLabel = new Label(ctx.t("export.notes"));
        notesLabel.getStyleClass().add("title-4");
        notesLabel.setWrapText(true); // the English heading is longer than the column (issue 21: it showed "…")
        docsLabel.setWrapText(true);
        reviewLabel.setWrapText(true);
        VBox left = new VBox(8, docsLabel, list, reviewLabel, review, update, notesLabel, notes);
        left.setPrefWidth(340);
        left.setMinWidth(340);
        // the labels' column as wide as its longest label (English ones are longer than 86 px; issue 21: "Court route" showed "…")
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        review.getColumnConstraints().addAll(labels, new javafx.scene.layout.ColumnConstraints(200, 240, Double.MAX_VALUE));
        update.setMaxWidth(Double.MAX_VALUE);
        progress.setPrefWidth(160);
        // wraps to a second line where the window is narrow or the words long (issue 21: "Court route" showed "…" in English)
        javafx.scene.layout.FlowPane exportRow = new javafx.scene.layout.FlowPane(8, 6, new Label(ctx.t("export.route")), route, packet, one, zip);
        exportRow.setAlignment(Pos.CENTER_LEFT);
        HBox progressRow = new HBox(8, progress, cancel, openFolder, status);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        VBox bottom = new VBox(8, exportRow, progressRow, conduct);
        bottom.setPadding(new Insets(10, 0, 0, 0));

        Button prev = button("previewPrev", "export.prev", () -> show(current - 1));
        Button next = button("previewNext", "export.next", () -> show(current + 1));
        pageLabel.setId("previewPage");
        HBox nav = new HBox(8, prev, pageLabel, next);
        nav.setAlignment(Pos.CENTER);
        page.setId("previewImage");
        page.setPreserveRatio(true);
        ScrollPane scroller = new ScrollPane(page);
        scroller.setPannable(true);
        scroller.setPrefViewportWidth(640);
        scroller.setPrefViewportHeight(470);
        BorderPane right = new BorderPane(scroller);
        right.setTop(nav);
        BorderPane.setMargin(nav, new Insets(0, 0, 6, 0));
        HBox main = new HBox(14, left, right);
        HBox.setHgrow(right, Priority.ALWAYS);
        BorderPane root = new BorderPane(main);
        root.setBottom(bottom);
        root.setPadding(new Insets(6));
        getDialogPane().setContent(root);
        // Fits a 1366 × 768 laptop screen with the title bar and the Close button.
        getDialogPane().setPrefSize(1080, 680);
        setOnShown(e -> {
            Window w = getDialogPane().getScene().getWindow();
            w.setWidth(Math.max(w.getWidth(), 1080));
            w.setHeight(Math.max(w.getHeight(), 700));
            w.centerOnScreen();
        });
        setOnHidden(e -> {
            if (running != null) running.cancel();
            closePreview();
        });
        list.getSelectionModel().selectFirst();
    }

    /** Opens on one document (the wizard's "生成…" buttons). */
    public ExportDialog select(DocKind kind) {
        list.getItems().stream().filter(c -> c.kind() == kind).findFirst().ifPresent(c -> list.getSelectionModel().select(c));
        return this;
    }

    /** Opens on the evidence bundle. */
    public ExportDialog selectBundle() {
        list.getSelectionModel().selectLast();
        return this;
    }

    public ExportDialog route(DocKind.Route r) {
        route.setValue(r);
        return this;
    }

    private String name(Choice c) {
        return c.kind() == null ? ctx.t("export.bundle") : c.kind().zh();
    }

    private Button button(String id, String key, Runnable r) {
        Button b = new Button(ctx.t(key));
        b.setId(id);
        b.setOnAction(e -> r.run());
        return b;
    }

    /** The options as reviewed now; null (with the reason shown) when a field is not valid. */
    private CaseFile.Options options() {
        LocalDate d = payBy.getValue();
        if (d == null || d.isBefore(ctx.books().today())) {
            status.setText(ctx.t("export.payBy.invalid"));
            return null;
        }
        // a typed number counts (issue 21: typed numbers in spinners were dropped); text that is not one is refused
        List<FieldError> errors = new ArrayList<>();
        Integer n = Form.intValue(instalments, "instalments", errors);
        if (n == null) {
            status.setText(ctx.i18n().error(errors.get(0)));
            return null;
        }
        return new CaseFile.Options(d, courtEdited ? court.getText() : "", lawFirm.getText(), n, ctx.books().today().plusMonths(1));
    }

    private void refreshPreview() {
        Choice c = list.getSelectionModel().getSelectedItem();
        CaseFile.Options o = options();
        if (c == null || o == null) return;
        if (busy()) {
            previewPending = true;
            return;
        }
        status.setText(ctx.t("export.previewing", name(c)));
        start(ctx.tasks().run(ctx.t("export.previewing", name(c)), p -> {
            ExportService x = ctx.books().exports();
            CaseFile cf = x.caseFile(receivableId, o);
            byte[] bytes;
            if (c.kind() == null) {
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
            List<String> told = c.kind() == null ? List.of() : x.notes(c.kind(), cf);
            String proposed = c.kind() != null && Templates.addressed(c.kind()) && o.court().isBlank()
                    ? Templates.proposal(c.kind(), cf).court() : null;
            PagePreview pv = new PagePreview(bytes);
            return new Rendered(pv, pv.render(1, PREVIEW_DPI), told, proposed);
        }, r -> {
            closePreview();
            preview = r.preview();
            current = 1;
            display(r.first());
            notes.setText(String.join("\n\n", r.notes()));
            if (!courtEdited) {
                settingCourt = true;
                court.setText(r.proposedCourt() == null ? "" : r.proposedCourt());
                settingCourt = false;
            }
            status.setText(ctx.t("export.previewReady", name(c), preview.pages()));
        }, error -> {
            // a document a court would send back (no court, no arbitration clause, an unfilled profile): said here, not in a dialog
            closePreview();
            page.setImage(null);
            pageLabel.setText("");
            String why = ErrorMessages.describe(error, ctx.i18n());
            notes.setText(why);
            status.setText(why);
        }));
    }

    private record Rendered(PagePreview preview, BufferedImage first, List<String> notes, String proposedCourt) {
    }

    private void show(int n) {
        if (preview == null || n < 1 || n > preview.pages() || busy()) return;
        PagePreview pv = preview;
        start(ctx.tasks().run(ctx.t("export.rendering"), p -> pv.render(n, PREVIEW_DPI), img -> {
            current = n;
            display(img);
        }));
    }

    private void display(BufferedImage img) {
        WritableImage fx = new WritableImage(img.getWidth(), img.getHeight());
        int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        fx.getPixelWriter().setPixels(0, 0, img.getWidth(), img.getHeight(), PixelFormat.getIntArgbInstance(), argb, 0, img.getWidth());
        page.setImage(fx);
        pageLabel.setText(ctx.t("export.pageOf", current, preview.pages()));
    }

    private void closePreview() {
        if (preview != null) preview.close();
        preview = null;
    }

    // ------------------------------------------------------------------ exporting

    private void exportOne() {
        Choice c = list.getSelectionModel().getSelectedItem();
        CaseFile.Options o = options();
        if (c == null || o == null || busy()) return;
        Path dir = ctx.dialogs().chooseDirectory(getDialogPane().getScene().getWindow(), ctx.t("export.chooseFolder"));
        if (dir == null) return;
        export(name(c), o, cf -> {
            Path target = dir.resolve(c.kind() == null ? ExportService.bundleName(cf) : ExportService.documentName(c.kind(), cf));
            return new Plan(dir, List.of(target), (x, p) -> {
                if (c.kind() == null) x.writeBundle(cf, target, adapt(p));
                else x.writeDocument(c.kind(), cf, target);
            });
        });
    }

    private void exportPacket() {
        CaseFile.Options o = options();
        DocKind.Route r = route.getValue();
        if (o == null || r == null || busy()) return;
        Path dir = ctx.dialogs().chooseDirectory(getDialogPane().getScene().getWindow(), ctx.t("export.chooseFolder"));
        if (dir == null) return;
        export(ctx.t("export.route." + r.cliName()), o, cf -> {
            Path folder = dir.resolve(ExportService.packetFolderName(cf, r));
            return new Plan(folder, ExportService.packetFiles(r).stream().map(folder::resolve).toList(),
                    (x, p) -> x.writePacket(cf, r, folder, adapt(p)));
        });
    }

    private void exportZip() {
        CaseFile.Options o = options();
        if (o == null || busy()) return;
        Path dir = ctx.dialogs().chooseDirectory(getDialogPane().getScene().getWindow(), ctx.t("export.chooseFolder"));
        if (dir == null) return;
        export(ctx.t("export.zip"), o, cf -> {
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
    private void export(String label, CaseFile.Options o, Function<CaseFile, Plan> planned) {
        status.setText(ctx.t("export.running", label));
        openFolder.setDisable(true);
        conduct.show(null, null);
        planning = true; // until the files are named and the user has answered: no preview starts in between
        Task<CaseFile> reading = ctx.tasks().run(label, p -> ctx.books().exports().caseFile(receivableId, o), cf -> {
            Plan plan = planned.apply(cf);
            boolean allowed = Overwrite.allowed(ctx, getDialogPane().getScene().getWindow(), plan.files());
            planning = false;
            if (!allowed) {
                status.setText(ctx.t("export.notReplaced", Overwrite.existing(plan.files()).stream().map(Path::getFileName)
                        .map(Path::toString).collect(Collectors.joining("、"))));
                previewLater();
                return;
            }
            run(label, p -> {
                plan.writing().write(ctx.books().exports(), p);
                return plan.folder();
            });
        }, error -> {
            planning = false;
            failed(error);
            previewLater();
        });
        start(reading);
        reading.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            planning = false;
            previewLater();
        });
    }

    private void run(String label, TaskRunner.Work<Path> work) {
        status.setText(ctx.t("export.running", label));
        start(ctx.tasks().run(label, work, folder -> {
            lastFolder = folder;
            openFolder.setDisable(false);
            status.setText(ctx.t("export.done", folder));
        }, this::failed));
    }

    /** A preview asked for while an export was being planned. */
    private void previewLater() {
        if (previewPending && !busy()) {
            previewPending = false;
            refreshPreview();
        }
    }

    private void failed(Throwable error) {
        if (error instanceof EvidenceBundle.CancelledException) {
            status.setText(ctx.t("export.cancelled"));
        } else if (error instanceof ExportService.ConductBlockedException blocked) {
            // the user's words in the document: shown with the findings, the articles and a lawful rewrite (issue 20)
            status.setText(ctx.t("export.conductBlocked"));
            conduct.show(blocked.text(), blocked.result());
        } else {
            status.setText(ctx.t("export.failed"));
            ctx.dialogs().showError(getDialogPane().getScene().getWindow(), ctx.t("export.failed"), ErrorMessages.describe(error, ctx.i18n()));
        }
    }

    private void start(Task<?> task) {
        running = task;
        progress.progressProperty().bind(task.progressProperty());
        cancel.setDisable(false);
        exportButtons.forEach(b -> b.setDisable(true));
        Runnable done = () -> {
            progress.progressProperty().unbind();
            progress.setProgress(task.getState() == javafx.concurrent.Worker.State.SUCCEEDED ? 1 : 0);
            cancel.setDisable(true);
            exportButtons.forEach(b -> b.setDisable(false));
            running = null;
            if (previewPending && !busy()) {
                previewPending = false;
                refreshPreview();
            }
        };
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> done.run());
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_FAILED, e -> done.run());
        task.addEventHandler(javafx.concurrent.WorkerStateEvent.WORKER_STATE_CANCELLED, e -> {
            done.run();
            status.setText(ctx.t("export.cancelled"));
        });
    }

    private boolean busy() {
        return planning || running != null && !running.isDone();
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
