package cn.huikuan.ui;

import cn.huikuan.application.WizardPage;
import cn.huikuan.application.WizardService;
import cn.huikuan.documents.DocKind;
import cn.huikuan.domain.CollectionStep;
import cn.huikuan.domain.ContactEntry;
import cn.huikuan.domain.Receivable;
import cn.huikuan.law.ClaimCalculator;
import cn.huikuan.law.ProceduralDeadlines;
import cn.huikuan.law.Routes;
import cn.huikuan.workflow.CaseGuide;
import cn.huikuan.workflow.EvidenceChecklist;
import cn.huikuan.workflow.ReminderTemplates;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import cn.huikuan.domain.StepChange;
import java.nio.file.Path;

/**
 * 催收向导: the case's steps from 知己知彼 to court, where it is now, what to do next, by when and why, and the
 * buttons that do it (messages checked by the conduct guard, documents through the export dialog, every
 * action logged in the contact log). The step is remembered with its history.
 */
public final class WizardView extends BorderPane {
    private final AppContext ctx;
    private final long id;
    private final WizardModel model;
    private final ListView<CollectionStep> steps = new ListView<>();
    private final VBox page = new VBox(10);
    /** The step buttons, outside the scrolling page so they are always in view. */
    private final HBox nav = new HBox(8);
    // the reminder and route pages' controls: made and bound to the model once, placed on their page whenever it shows
    private final ComboBox<ReminderTemplates.Tone> tone = new ComboBox<>();
    private final TextArea reminderText = new TextArea();
    private final Label findings = wrap("", "reminderFindings");
    private final ConductPanel reminderConduct;
    private final CheckBox otherDisputes = check("routeOtherDisputes", null);
    private final CheckBox owed = check("routeCounterOwed", null);
    private final CheckBox located = check("routeLocated", null);
    private final CheckBox served = check("routeServed", null);
    private final VBox routeResult = new VBox(6);
    private final ComboBox<DocKind.Route> route = new ComboBox<>();
    private final Label routeCheck = wrap("", "routeCheck");
    private final Button packet;

    /** Loads nothing until {@link #reload()} or {@link #show(WizardPage)}: the receivable page reads it with everything else. */
    public WizardView(AppContext ctx, long receivableId) {
        this(ctx, new WizardModel(ctx.books(), ctx.i18n(), ctx.tasks().background(), receivableId, ctx.changes()::publish));
    }

    /** The wizard of a model fed from elsewhere (the receivable tab's {@link ReceivableDetailModel}). */
    public WizardView(AppContext ctx, WizardModel model) {
        this.ctx = ctx;
        this.id = model.receivableId();
        this.model = model;
        setId("wizard");
        steps.setId("wizardSteps");
        steps.getItems().setAll(CollectionStep.values());
        steps.setPrefWidth(200);
        steps.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(CollectionStep s, boolean empty) {
                super.updateItem(s, empty);
                if (empty || s == null) {
                    setText(null);
                    return;
                }
                WizardService.State state = state();
                String mark = state == null ? "  " : s == state.step() ? "▶ " : s.ordinal() < state.step().ordinal() ? "✓ " : "  ";
                setText(mark + (s.ordinal() + 1) + ". " + ctx.t("wizard.step." + s.name()));
                // a long name wraps instead of being cut to "…" (issue 21: English names at 1280 px)
                setWrapText(true);
                setPrefWidth(0);
                setStyle(state != null && s == state.step() ? "-fx-font-weight: bold;" : "");
            }
        });
        steps.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && state() != null) showPage(b);
        });
        page.setId("wizardPage");
        page.setPadding(new Insets(4, 8, 8, 12));
        ScrollPane scroll = new ScrollPane(page);
        scroll.setFitToWidth(true);
        setLeft(steps);
        BorderPane right = new BorderPane(scroll);
        nav.setPadding(new Insets(8, 8, 0, 12));
        right.setBottom(nav);
        setCenter(right);

        tone.setId("reminderTone");
        tone.getItems().setAll(ReminderTemplates.Tone.values());
        tone.setConverter(EnumCombos.display((ReminderTemplates.Tone t) -> ctx.t("wizard.tone." + t.name())));
        tone.valueProperty().bindBidirectional(model.tone());
        reminderText.setId("reminderText");
        reminderText.setWrapText(true);
        reminderText.setPrefRowCount(5);
        reminderText.textProperty().bindBidirectional(model.reminder());
        findings.getStyleClass().add("danger");
        findings.textProperty().bind(model.findings());
        reminderConduct = new ConductPanel(ctx, "reminderConduct", model::useRewrite);
        model.checked().addListener((o, was, c) -> {
            reminderConduct.show(c.text(), c.result());
            if (c.result().blocked()) javafx.application.Platform.runLater(() -> scrollIntoView(reminderConduct));
        });

        otherDisputes.setText(ctx.t("wizard.route.otherDisputes"));
        owed.setText(ctx.t("wizard.route.counterOwed"));
        located.setText(ctx.t("wizard.route.located"));
        served.setText(ctx.t("wizard.route.served"));
        otherDisputes.selectedProperty().bindBidirectional(model.otherDisputes());
        owed.selectedProperty().bindBidirectional(model.counterOwed());
        located.selectedProperty().bindBidirectional(model.located());
        served.selectedProperty().bindBidirectional(model.served());
        routeResult.setId("routeResult");
        model.advice().addListener((o, was, a) -> showAdvice(a));
        route.setId("wizardRoute");
        route.getItems().setAll(DocKind.Route.PAYMENT_ORDER, DocKind.Route.LAWSUIT, DocKind.Route.LAWSUIT_NO_PRESERVATION, DocKind.Route.ARBITRATION);
        route.setConverter(EnumCombos.display((DocKind.Route r) -> ctx.t("export.route." + r.cliName())));
        route.valueProperty().bindBidirectional(model.route());
        packet = button("wizardPacket", ctx.t("wizard.route.packet"), () ->
                new ExportDialog(ctx, getScene().getWindow(), id).select(route.getValue().documents().get(0)).route(route.getValue()).show());
        // the route engine's own check of the chosen route (仲裁法 §4, §16): arbitration without a clause on record
        model.routeProblem().addListener((o, was, c) -> showRouteProblem(c));
        showRouteProblem(null);

        model.page().addListener((o, was, p) -> {
            steps.refresh();
            steps.getSelectionModel().select(p.state().step());
            showPage(p.state().step());
        });
    }

    /** Reads the case's page on its own. */
    public void reload() {
        model.reload();
    }

    /** Shows the page the receivable page read with its own (one read for both, issue 25). */
    public void show(WizardPage p) {
        model.show(p);
    }

    private WizardService.State state() {
        WizardPage p = model.page().get();
        return p == null ? null : p.state();
    }

    private Receivable receivable() {
        return model.page().get().receivable();
    }

    // ------------------------------------------------------------------ pages

    private void showPage(CollectionStep s) {
        WizardService.State state = state();
        page.getChildren().clear();
        Label title = new Label((s.ordinal() + 1) + ". " + ctx.t("wizard.step." + s.name()));
        title.getStyleClass().add("title-3");
        title.setId("wizardTitle");
        page.getChildren().add(title);
        if (s == state.step()) {
            CaseGuide.Advice a = state.advice();
            Label next = wrap(ctx.t("wizard.next") + a.what(ctx.i18n().language()) + (a.by() == null ? "" : ctx.t("wizard.by", Fmt.date(a.by()))), "wizardNext");
            next.getStyleClass().add("text-bold");
            page.getChildren().add(next);
            for (String w : english() ? CaseGuide.warnings(state.facts(), "en") : a.warnings()) {
                Label l = wrap("⚠ " + w, null);
                l.getStyleClass().add("danger");
                l.setId("wizardWarning");
                page.getChildren().add(l);
            }
        } else {
            page.getChildren().add(wrap(ctx.t("wizard.notCurrent", ctx.t("wizard.step." + state.step().name())), "wizardNotCurrent"));
        }
        Label why = wrap(ctx.t("wizard.why") + (english() ? CaseGuide.whyEn(s) : CaseGuide.why(s)), "wizardWhy");
        why.getStyleClass().add("text-muted");
        page.getChildren().add(why);
        page.getChildren().add(new javafx.scene.control.Separator());
        switch (s) {
            case FACTS -> facts();
            case REMINDER -> reminder();
            case DEMAND -> demand();
            case NEGOTIATE -> negotiate();
            case LAWYER -> lawyer();
            case ROUTE -> route();
            case COURT -> court();
            case CLOSED -> page.getChildren().add(wrap(ctx.t("wizard.closed.text"), null));
        }
        navigation(s);
    }

    private void navigation(CollectionStep shown) {
        WizardService.State state = state();
        TextField note = new TextField();
        note.setId("wizardNote");
        note.setPromptText(ctx.t("wizard.note.prompt"));
        HBox.setHgrow(note, Priority.ALWAYS);
        HBox box = nav;
        box.getChildren().clear();
        box.setAlignment(Pos.CENTER_LEFT);
        if (shown != state.step()) {
            box.getChildren().addAll(note, button("wizardGoHere", ctx.t("wizard.goHere"), () -> move(shown, note.getText())));
        } else if (shown != CollectionStep.CLOSED) {
            CollectionStep next = shown.next();
            box.getChildren().addAll(note, button("wizardNextStep", ctx.t("wizard.nextStep", ctx.t("wizard.step." + next.name())),
                    () -> move(next, note.getText())));
            if (next != CollectionStep.CLOSED) {
                box.getChildren().add(button("wizardClose", ctx.t("wizard.close"), () -> close(note.getText())));
            }
        } else {
            box.getChildren().addAll(note, button("wizardReopen", ctx.t("wizard.reopen"), () -> move(CollectionStep.NEGOTIATE, note.getText())));
        }
    }

    /** 结案 asks how the case ended: paid in full or in part, settled, written off. */
    private void close(String note) {
        List<StepChange.Outcome> outcomes = List.of(StepChange.Outcome.values());
        javafx.scene.control.ChoiceDialog<String> d = new javafx.scene.control.ChoiceDialog<>(ctx.t("wizard.outcome.PAID_IN_FULL"),
                outcomes.stream().map(o -> ctx.t("wizard.outcome." + o.name())).toList());
        UiFont.apply(d);
        d.initOwner(getScene().getWindow());
        d.setTitle(ctx.t("wizard.close"));
        d.setHeaderText(ctx.t("wizard.outcome.ask"));
        d.getDialogPane().setId("outcomeDialog");
        d.showAndWait().ifPresent(label -> {
            StepChange.Outcome o = outcomes.stream().filter(x -> ctx.t("wizard.outcome." + x.name()).equals(label)).findFirst()
                    .orElse(StepChange.Outcome.PAID_IN_FULL);
            model.close(note, o);
        });
    }

    private void move(CollectionStep to, String note) {
        model.moveTo(to, note);
    }

    private void facts() {
        WizardService.State state = state();
        Receivable receivable = receivable();
        page.getChildren().add(heading(ctx.t("wizard.facts.checklist")));
        for (EvidenceChecklist.Check c : state.checklist()) {
            String mark = c.present() ? "✓ " : c.essential() ? "✗ " : "○ ";
            String lang = ctx.i18n().language();
            Label l = wrap(mark + c.label(lang) + (c.present() ? "" : c.essential() ? ctx.t("wizard.facts.missing") : ctx.t("wizard.facts.optional"))
                    + "\n    " + c.why(lang), null);
            if (!c.present() && c.essential()) l.getStyleClass().add("danger");
            l.getStyleClass().add("wizard-check");
            page.getChildren().add(l);
        }
        page.getChildren().add(wrap(english() ? EvidenceChecklist.BASIS_EN : EvidenceChecklist.BASIS, null));
        page.getChildren().add(heading(ctx.t("wizard.facts.situation", ctx.i18n().e(receivable.getCustomer().getSituation()))));
        if (receivable.getCustomer().getSituationNotes() != null) page.getChildren().add(wrap(receivable.getCustomer().getSituationNotes(), null));
        page.getChildren().add(heading(ctx.t("wizard.facts.strategy")));
        for (String s : english() ? CaseGuide.strategy(state.facts(), "en") : state.strategy()) page.getChildren().add(wrap("· " + s, "wizardStrategy"));
    }

    private void reminder() {
        reminderConduct.show(null, null);
        model.openReminder();
        cn.huikuan.law.ConductGuard.warmUpInBackground();   // the first check loads ICU
        Button copy = button("reminderCopy", ctx.t("wizard.reminder.copy"), () -> model.checkReminder(() -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(reminderText.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(c);
            model.copied();
        }));
        Button log = button("reminderLog", ctx.t("wizard.reminder.log"), () -> contactDialog(ContactEntry.Channel.WECHAT, ContactEntry.Outcome.OTHER,
                reminderText.getText()));
        Button email = button("reminderEmail", ctx.t("wizard.reminder.email"), () -> model.checkReminder(() -> {
            Path dir = ctx.dialogs().chooseDirectory(getScene().getWindow(), ctx.t("export.chooseFolder"));
            if (dir != null) model.saveEmail(dir);
        }));
        page.getChildren().addAll(new HBox(8, new Label(ctx.t("wizard.reminder.tone")), tone), reminderText, new HBox(8, copy, log, email), findings,
                reminderConduct, wrap(ctx.t("wizard.reminder.hint"), null));
    }

    private void demand() {
        WizardService.State state = state();
        page.getChildren().add(new HBox(8,
                button("wizardDemandDoc", ctx.t("wizard.demand.doc"), () -> export(DocKind.DEMAND)),
                button("wizardBalanceDoc", ctx.t("wizard.demand.balance"), () -> export(DocKind.BALANCE_CONFIRMATION))));
        page.getChildren().add(button("wizardDelivery", ctx.t("wizard.demand.delivery"), () -> contactDialog(ContactEntry.Channel.LETTER,
                ContactEntry.Outcome.DELIVERED, ctx.t("wizard.demand.deliveryText"))));
        page.getChildren().add(wrap(state.facts().demandDelivered() == null ? ctx.t("wizard.demand.none")
                : ctx.t("wizard.demand.delivered", Fmt.date(state.facts().demandDelivered())), "wizardDelivered"));
    }

    private void negotiate() {
        WizardService.State state = state();
        page.getChildren().add(button("wizardPlan", ctx.t("wizard.negotiate.plan"), () ->
                new PlanDialog(ctx, getScene().getWindow(), id, state.balance().outstanding()).showAndWait().ifPresent(p -> changed())));
        CaseGuide.Plan plan = state.facts().plan();
        if (plan != null) {
            page.getChildren().add(wrap(plan.due() == null ? ctx.t("wizard.negotiate.planPaid", Fmt.date(plan.agreedOn()))
                    : ctx.t("wizard.negotiate.planNext", Fmt.date(plan.agreedOn()), plan.number(), plan.of(), Fmt.date(plan.due()),
                    Fmt.money(plan.amount())), "wizardPlanInfo"));
        }
        page.getChildren().add(new HBox(8,
                button("wizardPromise", ctx.t("wizard.negotiate.promise"), () -> contactDialog(ContactEntry.Channel.PHONE,
                        ContactEntry.Outcome.PROMISE_TO_PAY, "")),
                button("wizardAgreement", ctx.t("wizard.negotiate.agreement"), () -> export(DocKind.INSTALMENT_AGREEMENT))));
        if (state.facts().promisedDate() != null) {
            page.getChildren().add(wrap(ctx.t("wizard.negotiate.lastPromise", Fmt.date(state.facts().promisedDate())), "wizardPromiseInfo"));
        }
    }

    /**
     * On the pages that lead to court: a plan being kept comes first (issue 21), with why; a missed instalment lets the
     * acceleration clause apply and these pages are the next step again.
     */
    private void planKeptNote() {
        CaseGuide.Plan kept = CaseGuide.planBeingKept(state().facts());
        if (kept == null) return;
        Label l = wrap(ctx.t("wizard.planKept", kept.number(), kept.of(), Fmt.date(kept.due()), Fmt.money(kept.amount())) + "\n"
                + (english() ? CaseGuide.PLAN_KEPT_WHY_EN : CaseGuide.PLAN_KEPT_WHY), "wizardPlanKept");
        l.getStyleClass().add("warning");
        page.getChildren().add(l);
    }

    private void lawyer() {
        planKeptNote();
        page.getChildren().add(new HBox(8,
                button("wizardLawyerLetter", ctx.t("wizard.lawyer.letter"), () -> export(DocKind.LAWYER_LETTER)),
                button("wizardLawyerRecord", ctx.t("wizard.lawyer.record"), () -> contactDialog(ContactEntry.Channel.VISIT, ContactEntry.Outcome.OTHER,
                        ctx.t("wizard.lawyer.recordText"))),
                button("wizardCaseFile", ctx.t("wizard.lawyer.caseFile"), () -> new ExportDialog(ctx, getScene().getWindow(), id).selectBundle().show())));
    }

    private void route() {
        planKeptNote();
        page.getChildren().addAll(heading(ctx.t("wizard.route.questions")), otherDisputes, owed, located, served, routeResult,
                new HBox(8, new Label(ctx.t("wizard.route.choose")), route, packet), routeCheck);
    }

    /** The route page's figures for the answers given. */
    private void showAdvice(WizardModel.RouteAdvice a) {
        routeResult.getChildren().clear();
        if (a == null) return;
        String language = ctx.i18n().language();
        Routes.PaymentOrderCheck po = a.paymentOrder();
        routeResult.getChildren().add(heading(po.eligible() ? ctx.t("wizard.route.poYes") : ctx.t("wizard.route.poNo")));
        for (Routes.Condition c : po.conditions()) {
            routeResult.getChildren().add(wrap((c.met() ? "✓ " : "✗ ") + c.text(language)
                    + (c.met() || c.whatToDo() == null ? "" : " → " + c.whatToDo(language)), null));
        }
        routeResult.getChildren().add(wrap(ctx.t("wizard.route.poCourt") + a.paymentOrderCourt(), null));
        routeResult.getChildren().add(heading(ctx.t("wizard.route.courts")));
        for (String court : a.lawsuitCourts()) routeResult.getChildren().add(wrap("· " + court, null));
        routeResult.getChildren().add(heading(ctx.t("wizard.route.costs", Fmt.money(a.total()))));
        routeResult.getChildren().add(wrap(ctx.t("wizard.route.fees", Fmt.money(a.paymentOrderFee()), Fmt.money(a.caseFee()),
                Fmt.money(a.preservationFee()), Fmt.money(a.agreed()), Fmt.money(a.halfCaseFee())), "routeFees"));
        if (a.penaltyCompared()) {
            // 民法典 §585 ¶2, 合同编通则解释 §65 ¶2: the penalty beside the loss the law allows without it
            ClaimCalculator.Result claim = a.claim();
            routeResult.getChildren().add(wrap(ctx.t("wizard.route.penalty", Fmt.money(claim.charges()), Fmt.money(claim.comparableLoss()),
                    ctx.t(claim.penaltyMayBeReduced() ? "wizard.route.penaltyHigh" : "wizard.route.penaltyOk")), "routePenalty"));
        }
        if (a.limitation() != null) {
            routeResult.getChildren().add(wrap(ctx.t("wizard.route.limitation", Fmt.date(a.limitation().expires()), a.limitation().daysLeft()), null));
        }
    }

    private void showRouteProblem(Routes.Condition c) {
        boolean blocked = c != null;
        routeCheck.setText(blocked ? "✗ " + c.text(ctx.i18n().language()) + " → " + c.whatToDo(ctx.i18n().language()) : "");
        routeCheck.setVisible(blocked);
        routeCheck.setManaged(blocked);
        packet.setDisable(blocked);
    }

    private void court() {
        page.getChildren().add(new HBox(8,
                button("wizardCourtEvent", ctx.t("action.logCourtEvent"), () ->
                        new CourtEventDialog(ctx, getScene().getWindow(), id).showAndWait().ifPresent(x -> changed())),
                button("wizardEnforcement", ctx.t("wizard.court.enforcement"), () -> export(DocKind.ENFORCEMENT))));
        for (ProceduralDeadlines.Deadline d : state().facts().deadlines()) {
            String line = ctx.t("wizard.court.deadline", english() ? d.whatEn() : d.what(), d.date() == null ? "—" : Fmt.date(d.date()),
                    english() ? d.article().en() : d.article().zh());
            if (!d.result().uncertainYears().isEmpty()) {
                line += " " + ctx.t("wizard.court.unpublished", String.join("、", d.result().uncertainYears().stream().map(String::valueOf).toList()));
            }
            page.getChildren().add(wrap(line, null));
        }
    }

    // ------------------------------------------------------------------ helpers

    private boolean english() {
        return ctx.i18n().english();
    }

    /** Scrolls the page so that {@code n} (the guard's findings below the message) is in view. */
    private static void scrollIntoView(Node n) {
        javafx.scene.Parent p = n.getParent();
        while (p != null && !(p instanceof ScrollPane)) p = p.getParent();
        if (!(p instanceof ScrollPane sp) || sp.getContent() == null) return;
        sp.layout();
        javafx.geometry.Bounds content = sp.getContent().getLayoutBounds();
        javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
        double viewport = sp.getViewportBounds().getHeight();
        double range = content.getHeight() - viewport;
        if (range > 0) sp.setVvalue(Math.min(1, Math.max(0, (b.getMaxY() - viewport) / range)));
    }

    private void export(DocKind kind) {
        new ExportDialog(ctx, getScene().getWindow(), id).select(kind).show();
    }

    private void contactDialog(ContactEntry.Channel channel, ContactEntry.Outcome outcome, String text) {
        new ContactDialog(ctx, getScene().getWindow(), id, model.page().get().evidence(), model.earlierOutgoing()).debtor(receivable().getCustomer())
                .prefill(channel, outcome, text).showAndWait().ifPresent(c -> changed());
    }

    /** A write from this step's dialogs: the receivable page (this wizard with it), the lists and the to-do list reload. */
    private void changed() {
        model.written();
    }

    private Button button(String id, String text, Runnable r) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> r.run());
        return b;
    }

    private static CheckBox check(String id, String text) {
        CheckBox c = new CheckBox(text);
        c.setId(id);
        c.setWrapText(true);
        return c;
    }

    private static Label heading(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("title-4");
        l.setWrapText(true);
        return l;
    }

    private static Label wrap(String text, String id) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        if (id != null) l.setId(id);
        return l;
    }
}
