package cn.huikuan.ui;

import cn.huikuan.domain.Balance;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.Instalment;
import cn.huikuan.domain.Payment;
import cn.huikuan.domain.Receivable;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.Dragboard;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import cn.huikuan.application.ReceivablePage;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.Text;
import cn.huikuan.law.Citation;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.Limitation;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.storage.FileIntegrity;
import java.io.File;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;

/**
 * One receivable: its balance today, the payments, the evidence (add by chooser or drag-and-drop, open,
 * check the stored copy's hash) and the communication timeline. The state is {@link ReceivableDetailModel}'s (issue 25:
 * one read per refresh for the page and its wizard); this view builds the tabs and shows what the model holds.
 */
public final class ReceivableDetailView extends BorderPane {
    private final AppContext ctx;
    private final MainView main;
    private final long id;
    private final Label heading = new Label();
    private final Label sub = new Label();
    private final javafx.scene.layout.FlowPane figures = new javafx.scene.layout.FlowPane(28, 6);
    private final TableView<Payment> payments = new TableView<>();
    private WizardView wizard;
    private final TableView<EvidenceItem> evidence = new TableView<>();
    private final ListView<ContactEntry> timeline = new ListView<>();
    private final GridPane terms = new GridPane();
    private final ReceivableDetailModel model;


    public ReceivableDetailView(AppContext ctx, MainView main, long id) {
        this.ctx = ctx;
        this.main = main;
        this.id = id;
        this.model = new ReceivableDetailModel(ctx.books(), ctx.i18n(), ctx.tasks().background(), id, ctx.changes()::publish);
        setId("receivableDetail-" + id);
        setPadding(new Insets(12));
        heading.getStyleClass().add("title-3");
        heading.setId("detailHeading");
        sub.getStyleClass().add("text-muted");
        figures.setId("detailFigures");

        Button edit = button("editReceivable", "action.editReceivable", e -> edit());
        Button pay = button("addPayment", "action.addPayment", e -> addPayment());
        Button attach = button("addEvidence", "action.addEvidence", e -> chooseEvidence());
        Button contact = button("logContact", "action.logContact", e -> logContact());
        Button courtStep = button("logCourtEvent", "action.logCourtEvent", e ->
                new CourtEventDialog(ctx, getScene().getWindow(), id).showAndWait().ifPresent(x -> ctx.changes().publish()));
        Button export = button("exportDocuments", "action.exportDocuments", e -> new ExportDialog(ctx, getScene().getWindow(), id).show());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button refresh = button("refreshDetail", "action.refresh", e -> reload(true));
        HBox actions = new HBox(8, edit, pay, attach, contact, courtStep, export, spacer, refresh);
        VBox head = new VBox(4, heading, sub, figures, actions);
        head.setPadding(new Insets(0, 0, 10, 0));
        setTop(head);

        TabPane tabs = new TabPane();
        tabs.setId("detailTabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        wizard = new WizardView(ctx, model.wizard());
        tabs.getTabs().addAll(tab("detail-tab-wizard", ctx.t("wizard.tab"), wizard),
                tab("detail-tab-timeline", ctx.t("detail.timeline"), timelineNode()),
                tab("detail-tab-claim", ctx.t("claim.tab"), claimNode()),
                tab("detail-tab-evidence", ctx.t("detail.evidence"), evidenceNode()),
                tab("detail-tab-payments", ctx.t("detail.payments"), paymentsNode()),
                tab("detail-tab-court", ctx.t("court.tab"), courtNode()),
                tab("detail-tab-terms", ctx.t("detail.terms"), terms));
        setCenter(tabs);
        model.page().addListener((o, was, d) -> show(d));
        model.damagedFiles().addListener((o, was, bad) -> ctx.dialogs().showError(getScene() == null ? null : getScene().getWindow(),
                ctx.t("evidence.integrityProblem.title"), ctx.t("evidence.integrityProblem", bad)));
        reload();
    }

    private Button button(String id, String key, javafx.event.EventHandler<javafx.event.ActionEvent> h) {
        Button b = new Button(ctx.t(key));
        b.setId(id);
        b.setOnAction(h);
        return b;
    }

    private static Tab tab(String id, String text, javafx.scene.Node n) {
        Tab t = new Tab(text, n);
        t.setId(id);
        return t;
    }

    private static <S> TableColumn<S, String> col(String title, Function<S, String> f, double w) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(w);
        return c;
    }

    private javafx.scene.Node paymentsNode() {
        payments.setId("paymentTable");
        payments.setPlaceholder(new Label(ctx.t("detail.noPayments")));
        payments.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<Payment, String> amount = col(ctx.t("payment.amount"), p -> Fmt.money(p.getAmount()), 120);
        amount.setStyle("-fx-alignment: CENTER-RIGHT;");
        payments.getColumns().addAll(List.of(col(ctx.t("payment.date"), p -> Fmt.date(p.getPaidOn()), 110), amount,
                col(ctx.t("payment.channel"), p -> ctx.i18n().e(p.getChannel()), 110),
                col(ctx.t("payment.reference"), p -> CustomerEditor.nz(p.getReference()), 180),
                col(ctx.t("payment.note"), p -> CustomerEditor.nz(p.getNote()), 200)));
        return payments;
    }

    private javafx.scene.Node evidenceNode() {
        evidence.setId("evidenceTable");
        evidence.setPlaceholder(new Label(ctx.t("detail.dropHint")));
        evidence.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<EvidenceItem, String> status = col(ctx.t("evidence.status"),
                e -> ctx.t("evidence.integrity." + model.integrity(e).name()), 90);
        status.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().remove("bucket-severe");
                if (!empty && getTableRow() != null && getTableRow().getItem() != null
                        && model.integrity(getTableRow().getItem()) != FileIntegrity.OK) {
                    getStyleClass().add("bucket-severe");
                }
            }
        });
        evidence.getColumns().addAll(List.of(
                col(ctx.t("evidence.type"), e -> ctx.i18n().e(e.getType()), 90),
                col(ctx.t("evidence.title"), e -> Text.visible(e.getTitle()), 220),
                col(ctx.t("evidence.date"), e -> Fmt.date(e.getEvidenceDate()), 95),
                col(ctx.t("evidence.original"), e -> ctx.t(e.isOriginal() ? "evidence.original.yes" : "evidence.original.no"), 70),
                col(ctx.t("evidence.fileName"), e -> Text.visible(e.getOriginalFileName()), 150),
                col(ctx.t("evidence.size"), e -> Fmt.size(e.getSizeBytes()), 70),
                col("SHA-256", e -> e.getSha256().substring(0, 16) + "…", 140), status,
                col(ctx.t("evidence.purpose"), e -> CustomerEditor.nz(e.getPurpose()), 220)));
        evidence.setOnDragOver(e -> {
            if (e.getDragboard().hasFiles()) e.acceptTransferModes(TransferMode.COPY);
            e.consume();
        });
        evidence.setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = db.hasFiles();
            if (ok) filesDropped(db.getFiles().stream().map(File::toPath).toList());
            e.setDropCompleted(ok);
            e.consume();
        });
        evidence.setRowFactory(tv -> {
            javafx.scene.control.TableRow<EvidenceItem> row = new javafx.scene.control.TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) openEvidence(row.getItem());
            });
            return row;
        });
        Button open = button("openEvidence", "action.openFile", e -> openEvidence(evidence.getSelectionModel().getSelectedItem()));
        open.disableProperty().bind(evidence.getSelectionModel().selectedItemProperty().isNull());
        Button hash = button("showHash", "action.showHash", e -> {
            EvidenceItem item = evidence.getSelectionModel().getSelectedItem();
            ctx.dialogs().showInfo(getScene().getWindow(), item.getTitle(), ctx.t("evidence.hashInfo", Text.visible(item.getOriginalFileName()),
                    item.getSha256(), item.getSizeBytes(), item.getImportedAt().toString(), ctx.books().evidence().file(item)));
        });
        hash.disableProperty().bind(evidence.getSelectionModel().selectedItemProperty().isNull());
        Label hint = new Label(ctx.t("detail.dropHint"));
        hint.getStyleClass().add("text-muted");
        HBox bar = new HBox(8, open, hash, hint);
        bar.setPadding(new Insets(6, 0, 0, 0));
        BorderPane p = new BorderPane(evidence);
        p.setBottom(bar);
        return p;
    }

    private javafx.scene.Node timelineNode() {
        timeline.setId("timeline");
        timeline.setPlaceholder(new Label(ctx.t("detail.noContacts")));
        timeline.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ContactEntry c, boolean empty) {
                super.updateItem(c, empty);
                if (empty || c == null) {
                    setText(null);
                    setGraphic(null);
                    return;
                }
                Label when = new Label(Fmt.dateTime(c.getOccurredAt()) + "  ·  " + ctx.i18n().e(c.getChannel()) + "  ·  "
                        + ctx.i18n().e(c.getDirection()) + "  ·  " + ctx.i18n().e(c.getOutcome())
                        + (c.getPromisedDate() != null ? "  ·  " + ctx.t("contact.promiseLine", Fmt.date(c.getPromisedDate()),
                        c.getPromisedAmount() == null ? "" : Fmt.money(c.getPromisedAmount())) : ""));
                when.getStyleClass().add("text-bold");
                Label text = new Label(c.getSummary());
                text.setWrapText(true);
                text.setMaxWidth(900);
                VBox box = new VBox(2, when, text);
                box.setPadding(new Insets(6, 4, 8, 4));
                if (c.getTrackingNumber() != null || c.getDeliveredOn() != null) {
                    Label post = new Label(ctx.t("contact.postalLine", c.getTrackingNumber() == null ? "—" : c.getTrackingNumber(),
                            c.getDeliveredOn() == null ? "—" : Fmt.date(c.getDeliveredOn())));
                    post.setId("postalLine");
                    box.getChildren().add(post);
                }
                if (c.getConductOverride() != null) {
                    Label o = new Label(ctx.t("conduct.overrideLine", c.getConductOverride()));
                    o.getStyleClass().add("bucket-overdue");
                    o.setWrapText(true);
                    box.getChildren().add(o);
                }
                if (!c.getEvidence().isEmpty()) {
                    Label ev = new Label(ctx.t("contact.linkedEvidence") + String.join("；", c.getEvidence().stream().map(EvidenceItem::getTitle).toList()));
                    ev.getStyleClass().add("text-muted");
                    box.getChildren().add(ev);
                }
                setText(null);
                setGraphic(box);
            }
        });
        return timeline;
    }

    /** Reloads the page; evidence files are re-hashed only when new, or when {@code recheckFiles}. */
    public void reload() {
        reload(false);
    }

    public void reload(boolean recheckFiles) {
        model.reload(recheckFiles);
    }

    private void show(ReceivablePage d) {
        Receivable receivable = d.receivable();
        Balance b = d.balance();
        heading.setText(receivable.getCustomer().getName() + " — " + receivable.getTitle());
        sub.setText(ctx.i18n().e(receivable.getKind())
                + (receivable.getContractNumber() != null ? "  ·  " + ctx.t("receivable.contractNumber") + " " + receivable.getContractNumber() : "")
                + "  ·  " + ctx.t("receivable.contractDate") + " " + Fmt.date(receivable.getContractDate()));
        figures.getChildren().clear();
        figure(0, "receivable.principal", Fmt.money(b.principal()), "fig-principal");
        figure(1, "receivable.paid", Fmt.money(b.paid()), "fig-paid");
        figure(2, "receivable.outstanding", Fmt.money(b.outstanding()), "fig-outstanding");
        figure(3, "receivable.overdueSince", b.overdueSince() == null ? "—" : Fmt.date(b.overdueSince()), "fig-overdueSince");
        figure(4, "receivable.daysOverdue", b.overdueSince() == null ? "—" : Long.toString(b.daysOverdue()), "fig-days");
        figure(5, "receivable.bucket", ctx.i18n().e(b.bucket()), "fig-bucket");
        showLimitation(d.limitation(), b);
        showClaim(d.claim(), d.claimProblem(ctx.i18n().language()));
        showCourt(d.court(), d.deadlines());
        payments.getItems().setAll(d.payments());
        evidence.getItems().setAll(d.evidence());
        evidence.refresh();
        timeline.getItems().setAll(d.timeline());
        showTerms(receivable);
    }

    private final ListView<String> courtList = new ListView<>();
    private final TableView<ClaimCalculator.Line> ledger = new TableView<>();
    private final Label claimSummary = new Label();
    private final Label claimNotes = new Label();

    private javafx.scene.Node claimNode() {
        ledger.setId("claimLedger");
        ledger.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<ClaimCalculator.Line, String> text = col(ctx.t("claim.col.text"), l -> l.text(ctx.i18n().language()), 420);
        text.setCellFactory(c -> {
            javafx.scene.control.TableCell<ClaimCalculator.Line, String> cell = new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                }
            };
            cell.setWrapText(true);
            return cell;
        });
        ledger.getColumns().addAll(List.of(col(ctx.t("claim.col.date"), l -> Fmt.date(l.date()), 95), text,
                money(ctx.t("claim.col.accrued"), ClaimCalculator.Line::accrued),
                money(ctx.t("claim.col.paid"), ClaimCalculator.Line::paid),
                money(ctx.t("claim.col.principalLeft"), ClaimCalculator.Line::principalLeft),
                money(ctx.t("claim.col.interestLeft"), ClaimCalculator.Line::interestLeft),
                money(ctx.t("claim.col.chargesLeft"), ClaimCalculator.Line::chargesLeft)));
        claimSummary.setId("claimSummary");
        claimSummary.getStyleClass().add("text-bold");
        claimSummary.setWrapText(true);
        claimNotes.setId("claimNotes");
        claimNotes.setWrapText(true);
        claimNotes.getStyleClass().add("text-muted");
        claimSummary.setMinHeight(Region.USE_PREF_SIZE);
        claimNotes.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(8, claimSummary, ledger, claimNotes);
        VBox.setVgrow(ledger, Priority.ALWAYS);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private TableColumn<ClaimCalculator.Line, String> money(String title,
                                                                        Function<ClaimCalculator.Line, BigDecimal> f) {
        TableColumn<ClaimCalculator.Line, String> c = col(title, l -> {
            BigDecimal v = f.apply(l);
            return v == null || v.signum() == 0 ? "" : Fmt.money(v);
        }, 105);
        c.setStyle("-fx-alignment: CENTER-RIGHT;");
        return c;
    }

    private void showClaim(ClaimCalculator.Result c, String problem) {
        if (c == null) {
            ledger.getItems().clear();
            claimSummary.setText(ctx.t("claim.unavailable", problem == null ? "" : problem));
            claimNotes.setText("");
            return;
        }
        figure(7, "claim.owedToday", Fmt.money(c.total()), "fig-owed");
        claimSummary.setText(ctx.t("claim.summary", Fmt.date(c.asOf()), Fmt.money(c.total()), Fmt.money(c.principal()), Fmt.money(c.interest()),
                Fmt.money(c.charges()), Fmt.money(c.costs()), Fmt.money(c.dailyAccrual())));
        ledger.getItems().setAll(c.ledger());
        StringBuilder notes = new StringBuilder();
        String language = ctx.i18n().language();
        boolean en = ctx.i18n().english();
        notes.append(ctx.t("claim.method")).append(String.join(en ? "; " : "；", c.method(language))).append('\n');
        if (!c.warnings().isEmpty()) notes.append(ctx.t("claim.warnings")).append(String.join(en ? "; " : "；", c.warnings(language))).append('\n');
        if (c.comparableLoss() != null) notes.append(ctx.t("claim.comparable", Fmt.money(c.charges()), Fmt.money(c.comparableLoss()))).append('\n');
        if (c.includesUnagreedCharges()) notes.append(ctx.t("claim.unagreed")).append('\n');
        notes.append(ctx.t("claim.rounding")).append('\n');
        notes.append(ctx.t("limitation.rules")).append(en ? " " : "").append(String.join(en ? "; " : "、", c.basis().stream().map(x -> en ? x.en() : x.zh()).toList()));
        claimNotes.setText(notes.toString());
    }

    /** The recorded steps, in the list's order (the deadlines follow them): the one selected can be corrected. */
    private List<CourtEvent> courtEvents = List.of();

    /** The court tab: the steps and their deadlines, and 修改所选步骤 (double-click or Enter on a step does the same). */
    private javafx.scene.Node courtNode() {
        Button editStep = new Button(ctx.t("court.editSelected"));
        editStep.setId("editCourtEvent");
        editStep.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> courtList.getSelectionModel().getSelectedIndex() < 0 || courtList.getSelectionModel().getSelectedIndex() >= courtEvents.size(),
                courtList.getSelectionModel().selectedIndexProperty(), courtList.getItems()));
        editStep.setOnAction(e -> editCourtEvent());
        courtList.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) editCourtEvent();
        });
        courtList.setOnKeyPressed(e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER) editCourtEvent();
        });
        VBox.setVgrow(courtList, Priority.ALWAYS);
        VBox box = new VBox(8, editStep, courtList);
        box.setPadding(new Insets(8, 0, 0, 0));
        return box;
    }

    private void editCourtEvent() {
        int i = courtList.getSelectionModel().getSelectedIndex();
        if (i < 0 || i >= courtEvents.size()) return;
        new CourtEventDialog(ctx, getScene().getWindow(), id, courtEvents.get(i)).showAndWait().ifPresent(x -> ctx.changes().publish());
    }

    private void showCourt(List<CourtEvent> events, List<ProceduralDeadlines.Deadline> deadlines) {
        courtEvents = List.copyOf(events);
        courtList.setId("courtList");
        courtList.setPlaceholder(new Label(ctx.t("court.none")));
        courtList.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        List<String> lines = new ArrayList<>();
        for (CourtEvent e : events) {
            lines.add(Fmt.date(e.getEventDate()) + "  " + ctx.i18n().e(e.getKind())
                    + (e.getCourt() != null ? "  ·  " + e.getCourt() : "") + (e.getCaseNumber() != null ? "  ·  " + e.getCaseNumber() : ""));
        }
        for (ProceduralDeadlines.Deadline dl : deadlines) {
            boolean en = ctx.i18n().english();
            String line = ctx.t("court.deadlineLine", Fmt.date(dl.date()), en ? dl.whatEn() : dl.what(), en ? dl.result().reasonEn() : dl.result().reason(),
                    String.join(en ? "; " : "、", dl.result().basis().stream().distinct().map(c -> en ? c.en() : c.zh()).toList()));
            if (!dl.note().isEmpty()) line += "\n" + dl.note(ctx.i18n().language());
            // a year without a published arrangement: say where its arrangement is added once it is out
            if (!dl.result().uncertainYears().isEmpty()) line += "\n" + ctx.t("holidays.whereToUpdate");
            lines.add(line);
        }
        courtList.getItems().setAll(lines);
        Optional<ProceduralDeadlines.Deadline> next = model.nextDeadline().get();
        figure(8, "court.nextDeadline", next.map(n -> Fmt.date(n.date()) + "  " + (ctx.i18n().english() ? n.whatEn().replaceAll(" \\(.*", "") : n.what().replaceAll("（.*", ""))).orElse("—"),
                "fig-nextDeadline");
    }

    private void showLimitation(Limitation.Result lim, Balance b) {
        if (b.bucket() == AgingBucket.SETTLED) return;
        String value = Fmt.date(lim.expires()) + "  " + (lim.daysLeft() < 0 ? ctx.t("limitation.expired")
                : ctx.t("limitation.daysLeft", lim.daysLeft()));
        VBox box = figure(6, "limitation.expires", value, "fig-limitation");
        // which rule decided: the twenty years from the harm end the protection whatever the interruptions (§188 ¶2)
        Label decided = new Label(ctx.t("limitation.decidedBy." + lim.decidedBy().name()));
        decided.setId("limitationDecidedBy");
        decided.getStyleClass().add("form-hint");
        decided.setWrapText(true);
        box.getChildren().add(decided);
        javafx.scene.Node v = box.lookup("#fig-limitation");
        if (lim.warning() != Limitation.Warning.NONE) v.getStyleClass().add("bucket-severe");
        Button why = new Button(ctx.t("limitation.why"));
        why.setId("explainLimitation");
        why.getStyleClass().addAll("small", "flat");
        boolean en = ctx.i18n().english();
        why.setOnAction(e -> ctx.dialogs().showInfo(getScene().getWindow(), ctx.t("limitation.title"),
                String.join("\n", lim.table(ctx.i18n().language())) + "\n\n" + ctx.t("limitation.rules") + "\n"
                        + String.join("\n", lim.basis().stream().map(c -> en ? c.en() : c.zh()).toList())
                        + (lim.uncertainYears().isEmpty() ? "" : "\n\n" + ctx.t("limitation.uncertain", lim.uncertainYears()))));
        box.getChildren().add(why);
    }

    private VBox figure(int order, String key, String value, String id) {
        Label k = new Label(ctx.t(key));
        k.getStyleClass().add("text-muted");
        Label v = new Label(value);
        v.setId(id);
        v.getStyleClass().add("title-4");
        VBox box = new VBox(0, k, v);
        box.setUserData(order);
        figures.getChildren().add(box);
        figures.getChildren().sort(Comparator.comparingInt(n -> (Integer) n.getUserData()));
        return box;
    }

    private void showTerms(Receivable receivable) {
        terms.getChildren().clear();
        terms.setHgap(16);
        terms.setVgap(6);
        terms.setPadding(new Insets(10));
        int row = 0;
        StringBuilder plan = new StringBuilder();
        for (Instalment i : receivable.getSchedule()) {
            if (plan.length() > 0) plan.append('\n');
            plan.append(Fmt.date(i.getDueDate())).append("   ").append(Fmt.money(i.getAmount()));
        }
        row = term(row, "receivable.schedule", plan.toString());
        row = term(row, "receivable.interest", receivable.getInterestRatePercent() == null ? ctx.t("terms.none") : Fmt.plain(receivable.getInterestRatePercent()) + " %");
        row = term(row, "receivable.overdueRate", receivable.getOverdueRatePercent() == null ? ctx.t("terms.none") : Fmt.plain(receivable.getOverdueRatePercent()) + " %");
        row = term(row, "receivable.penaltyKind", ctx.i18n().e(receivable.getPenaltyKind())
                + (receivable.getPenaltyValue() == null ? "" : "  " + Fmt.plain(receivable.getPenaltyValue())));
        row = term(row, "receivable.jurisdiction", CustomerEditor.nz(receivable.getJurisdictionClause()));
        row = term(row, "receivable.arbitration", CustomerEditor.nz(receivable.getArbitrationClause()));
        row = term(row, "receivable.guarantees", CustomerEditor.nz(receivable.getGuarantees()));
        term(row, "receivable.notes", CustomerEditor.nz(receivable.getNotes()));
    }

    private int term(int row, String key, String value) {
        Label k = new Label(ctx.t(key));
        k.getStyleClass().add("text-muted");
        Label v = new Label(value);
        v.setWrapText(true);
        v.setMaxWidth(760);
        terms.add(k, 0, row);
        terms.add(v, 1, row);
        return row + 1;
    }

    private void edit() {
        model.editing(r -> new ReceivableEditor(ctx, getScene().getWindow(), r, null).showAndWait().ifPresent(x -> ctx.changes().publish()));
    }

    private void addPayment() {
        new PaymentDialog(ctx, getScene().getWindow(), id).showAndWait().ifPresent(p -> ctx.changes().publish());
    }

    private void chooseEvidence() {
        List<Path> files = ctx.dialogs().chooseFiles(getScene().getWindow(), ctx.t("evidence.choose"));
        filesDropped(files);
    }

    /** Each file gets its own dialog so the user can say what it is and what it proves. */
    public void filesDropped(List<Path> files) {
        boolean any = false;
        for (Path f : files) {
            any |= new EvidenceDialog(ctx, getScene().getWindow(), id, f).showAndWait().isPresent();
        }
        if (any) ctx.changes().publish();
    }

    private void openEvidence(EvidenceItem item) {
        if (item == null) return;
        FileIntegrity state = model.integrity(item);
        if (state != FileIntegrity.OK) {
            ctx.dialogs().showError(getScene().getWindow(), ctx.t("evidence.integrityProblem.title"),
                    ctx.t("evidence.integrity." + state.name() + ".detail", item.getTitle()));
            return;
        }
        ctx.dialogs().open(ctx.books().evidence().file(item));
    }

    private void logContact() {
        Receivable receivable = model.receivable();
        new ContactDialog(ctx, getScene().getWindow(), id, model.evidence(), model.earlierOutgoing())
                .debtor(receivable == null ? null : receivable.getCustomer()).showAndWait().ifPresent(c -> ctx.changes().publish());
    }

    public long receivableId() {
        return id;
    }
}
