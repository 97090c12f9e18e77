package cn.huikuan.ui;

import cn.huikuan.documents.DocKind;
import cn.huikuan.law.ConductGuard;
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
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Predicate;

/**
 * 导出文书: pick a document (or the evidence bundle), review the few things only the user decides (deadline,
 * court, law firm, instalments), look at the pages exactly as they will be written, then export one
 * document, a court route's whole packet, or the ZIP of originals. All PDF work runs in the background with
 * progress and cancel; afterwards "打开文件夹" shows the result. The state and the work are {@link ExportModel}'s
 * (issue 25); this dialog builds the controls, binds them, and asks the desktop for folders and answers.
 */
public final class ExportDialog extends Dialog<Void> {
    private final AppContext ctx;
    private final ExportModel model;
    private final ListView<ExportModel.Choice> list = new ListView<>();
    private final DatePicker payBy = Parse.datePicker("exportPayBy");
    private final TextField court = CustomerEditor.field("exportCourt");
    /** What Huikuan tells the user and does not print: the court proposed and why, drafting hints (issue 18). */
    private final javafx.scene.control.TextArea notes = new javafx.scene.control.TextArea();
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

    public ExportDialog(AppContext ctx, Window owner, long receivableId) {
        UiFont.apply(this);
        this.ctx = ctx;
        this.model = new ExportModel(ctx.books(), ctx.i18n(), ctx.tasks().background(), receivableId);
        initOwner(owner);
        setTitle(ctx.t("export.title"));
        setResizable(true);
        getDialogPane().setId("exportDialog");
        getDialogPane().getButtonTypes().add(new ButtonType(ctx.t("action.close"), javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));

        list.setId("exportList");
        list.getItems().setAll(model.choices());
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ExportModel.Choice c, boolean empty) {
                super.updateItem(c, empty);
                setText(empty || c == null ? null : model.name(c));
            }
        });
        list.setPrefHeight(210);
        list.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> model.selected().set(b));

        payBy.valueProperty().bindBidirectional(model.payBy());
        court.textProperty().bindBidirectional(model.court());
        lawFirm.textProperty().bindBidirectional(model.lawFirm());
        instalments.getEditor().textProperty().bindBidirectional(model.instalments());
        route.setId("exportRoute");
        route.getItems().setAll(DocKind.Route.values());
        route.valueProperty().bindBidirectional(model.route());
        route.setConverter(EnumCombos.display((DocKind.Route r) -> ctx.t("export.route." + r.cliName())));

        GridPane review = new GridPane();
        review.setHgap(8);
        review.setVgap(6);
        review.addRow(0, new Label(ctx.t("export.payBy")), payBy);
        review.addRow(1, new Label(ctx.t("export.court")), court);
        review.addRow(2, new Label(ctx.t("export.lawFirm")), lawFirm);
        review.addRow(3, new Label(ctx.t("export.instalments")), instalments);
        court.setPromptText(ctx.t("export.court.prompt"));
        notes.setId("exportNotes");
        notes.setEditable(false);
        notes.setWrapText(true);
        notes.setPrefRowCount(6);
        notes.setFocusTraversable(false);
        notes.textProperty().bind(model.notes());
        Button update = button("exportUpdatePreview", "export.updatePreview", () -> {
            committed();
            model.refreshPreview();
        });

        Button one = button("exportOne", "export.one", () -> export(model::exportOne));
        Button packet = button("exportPacket", "export.packet", () -> export(model::exportPacket));
        Button zip = button("exportZip", "export.zip", () -> export(model::exportZip));
        for (Button b : List.of(one, packet, zip, update)) b.disableProperty().bind(model.busy());
        cancel.setId("exportCancel");
        cancel.setText(ctx.t("action.cancelTask"));
        cancel.disableProperty().bind(model.running().not());
        cancel.setOnAction(e -> model.cancel());
        openFolder.setId("exportOpenFolder");
        openFolder.setText(ctx.t("export.openFolder"));
        openFolder.disableProperty().bind(model.folder().isNull());
        openFolder.setOnAction(e -> {
            Path folder = model.folder().get();
            if (folder != null) ctx.dialogs().open(folder);
        });
        progress.setId("exportProgress");
        progress.setMaxWidth(Double.MAX_VALUE);
        progress.progressProperty().bind(model.progress());
        status.setId("exportStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.status());
        conduct = new ConductPanel(ctx, "exportConduct", null);
        model.blocked().addListener((o, was, now) -> conduct.show(now == null ? null : now.text(), now == null ? null : now.result()));
        model.failure().addListener((o, was, now) -> {
            if (now != null) ctx.dialogs().showError(window(), ctx.t("export.failed"), now);
        });
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

        Button prev = button("previewPrev", "export.prev", model::previousPage);
        Button next = button("previewNext", "export.next", model::nextPage);
        pageLabel.setId("previewPage");
        pageLabel.textProperty().bind(model.pageText());
        HBox nav = new HBox(8, prev, pageLabel, next);
        nav.setAlignment(Pos.CENTER);
        page.setId("previewImage");
        page.setPreserveRatio(true);
        model.image().addListener((o, was, now) -> page.setImage(now == null ? null : fx(now)));
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
            Window w = window();
            w.setWidth(Math.max(w.getWidth(), 1080));
            w.setHeight(Math.max(w.getHeight(), 700));
            w.centerOnScreen();
        });
        setOnHidden(e -> model.close());
        list.getSelectionModel().selectFirst();
    }

    /** Opens on one document (the wizard's "生成…" buttons). */
    public ExportDialog select(DocKind kind) {
        list.getSelectionModel().select(model.choice(kind));
        return this;
    }

    /** Opens on the evidence bundle. */
    public ExportDialog selectBundle() {
        list.getSelectionModel().selectLast();
        return this;
    }

    public ExportDialog route(DocKind.Route r) {
        model.route().set(r);
        return this;
    }

    private Window window() {
        return getDialogPane().getScene().getWindow();
    }

    private Button button(String id, String key, Runnable r) {
        Button b = new Button(ctx.t(key));
        b.setId(id);
        b.setOnAction(e -> r.run());
        return b;
    }

    /** A number typed into the instalments field counts without Enter (issue 21): the spinner takes it before it is used. */
    private void committed() {
        Form.commit(instalments);
    }

    /** Asks for the folder once the options are valid, then has the model export there, asking before replacing a file. */
    private void export(BiConsumer<Path, Predicate<List<Path>>> how) {
        committed();
        if (!model.exportable()) return;
        Path dir = ctx.dialogs().chooseDirectory(window(), ctx.t("export.chooseFolder"));
        if (dir == null) return;
        how.accept(dir, files -> Overwrite.allowed(ctx, window(), files));
    }

    private static WritableImage fx(BufferedImage img) {
        WritableImage fx = new WritableImage(img.getWidth(), img.getHeight());
        int[] argb = img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        fx.getPixelWriter().setPixels(0, 0, img.getWidth(), img.getHeight(), PixelFormat.getIntArgbInstance(), argb, 0, img.getWidth());
        return fx;
    }
}
