package cn.huikuan.ui;

import cn.huikuan.application.Dashboard;
import cn.huikuan.application.ListQueries;
import cn.huikuan.application.TodayService;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.Money;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.List;
import org.controlsfx.control.Notifications;

/** Totals of the book today: what is owed, what is overdue, and how old it is (aggregated in SQL). */
public final class DashboardView extends BorderPane {
    private static final List<AgingBucket> SHOWN = List.of(AgingBucket.NOT_DUE, AgingBucket.D0_30, AgingBucket.D31_90,
            AgingBucket.D91_180, AgingBucket.D181_365, AgingBucket.OVER_365);
    private final AppContext ctx;
    private final Label outstanding = value("dash-outstanding");
    private final Label overdue = value("dash-overdue");
    private final Label paid = value("dash-paid");
    private final Label open = value("dash-open");
    private final Label customers = value("dash-customers");
    private final GridPane buckets = new GridPane();
    /**
     * The charts are made when their figures arrive (from background tasks after the window shows), not with
     * the window: making them took about 40 ms of CPU in the start (issue 7, docs/benchmarks.md); until then their
     * places are kept empty at the charts' size.
     */
    private final javafx.scene.layout.StackPane chartSlot = chartSlot();
    private final javafx.scene.layout.StackPane recoverySlot = chartSlot();
    private BarChart<String, Number> chart;
    private final Label asOf = new Label();
    private final javafx.scene.control.ListView<TodayService.Item> today = new javafx.scene.control.ListView<>();
    private final Label todayStatus = new Label();
    /** The list's placeholder: "loading" until the list is read, then "nothing to do" (issue 21: it said the latter while loading). */
    private final Label todayEmpty = new Label();
    /** What this view shows, read in the background (issue 25: the view only shows it). */
    private final DashboardModel model;
    private javafx.scene.chart.LineChart<String, Number> recovery;
    private final MainView main;
    private boolean notified;

    public DashboardView(AppContext ctx, MainView main) {
        this.ctx = ctx;
        this.main = main;
        this.model = new DashboardModel(ctx.books(), ctx.tasks().background(), ctx.t("task.loading"), ctx.t("today.loading"));
        model.figures().addListener((o, was, d) -> {
            if (d != null) show(d);
        });
        model.today().addListener((o, was, t) -> {
            if (t == null) {
                todayEmpty.setText(ctx.t("today.loadingList"));
                todayStatus.setText(ctx.t("today.loadingList"));
            } else {
                showToday(t);
            }
        });
        model.recovery().addListener((o, was, months) -> showRecovery(months));
        setId("dashboard");
        setPadding(new Insets(16));
        HBox cards = new HBox(12, card(ctx.t("dash.outstanding"), outstanding), card(ctx.t("dash.overdue"), overdue),
                card(ctx.t("dash.paid"), paid), card(ctx.t("dash.openReceivables"), open), card(ctx.t("dash.customers"), customers));
        Button refresh = new Button(ctx.t("action.refresh"));
        refresh.setId("dash-refresh");
        refresh.setOnAction(e -> reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button agingXlsx = new Button(ctx.t("report.aging.xlsx"));
        agingXlsx.setId("agingXlsx");
        agingXlsx.setOnAction(e -> agingReport(true));
        Button agingPdf = new Button(ctx.t("report.aging.pdf"));
        agingPdf.setId("agingPdf");
        agingPdf.setOnAction(e -> agingReport(false));
        HBox head = new HBox(12, asOf, spacer, agingXlsx, agingPdf, refresh);
        asOf.getStyleClass().add("text-muted");

        buckets.setId("dash-buckets");
        buckets.setHgap(24);
        buckets.setVgap(6);
        buckets.getStyleClass().add("bucket-table");
        today.setId("todayList");
        today.setPrefHeight(190);
        todayEmpty.setId("todayPlaceholder");
        today.setPlaceholder(todayEmpty);
        today.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(TodayService.Item i, boolean empty) {
                super.updateItem(i, empty);
                getStyleClass().remove("urgent");
                if (empty || i == null) {
                    setText(null);
                    return;
                }
                setText(Fmt.date(i.date()) + "  ·  " + ctx.t("today.kind." + i.kind().name()) + "  ·  " + i.customer() + "（" + i.title() + "）  —  "
                        + i.text(ctx.i18n()));
                if (i.date().isBefore(model.todayDate()) || i.kind() == TodayService.Kind.LIMITATION) {
                    getStyleClass().add("urgent");
                }
            }
        });
        today.setOnMouseClicked(e -> {
            var i = today.getSelectionModel().getSelectedItem();
            if (e.getClickCount() == 2 && i != null) main.openReceivable(i.receivableId(), i.customer());
        });
        today.setOnKeyPressed(e -> {
            var i = today.getSelectionModel().getSelectedItem();
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && i != null) main.openReceivable(i.receivableId(), i.customer());
        });
        Label todayTitle = new Label(ctx.t("today.title"));
        todayTitle.getStyleClass().add("title-4");
        todayStatus.setId("todayStatus");
        todayStatus.getStyleClass().add("text-muted");
        VBox todayBox = new VBox(6, new HBox(12, todayTitle, todayStatus), today);
        VBox box = new VBox(14, head, cards, todayBox, new HBox(24, buckets, chartSlot, recoverySlot));
        buckets.setMinWidth(Region.USE_PREF_SIZE);          // the bucket table keeps its labels; the charts share the rest
        setCenter(box);
        reload();
    }

    private static javafx.scene.layout.StackPane chartSlot() {
        var slot = new javafx.scene.layout.StackPane();
        slot.setMinSize(300, 260);
        HBox.setHgrow(slot, Priority.ALWAYS);
        return slot;
    }

    /** The aging bar chart, made on first use (see {@link #chartSlot}). */
    private BarChart<String, Number> agingChart() {
        if (chart == null) {
            NumberAxis y = new NumberAxis();
            y.setLabel(ctx.t("dash.chart.yAxis"));
            CategoryAxis x = new CategoryAxis();
            // upright names always: JavaFX turns them only when it estimates they do not fit, and at the
            // dashboard's width it kept them level and then hid "181–365 天" for overlapping its neighbours
            x.setTickLabelRotation(90);
            chart = new BarChart<>(x, y);
            chart.setId("dash-chart");
            chart.setTitle(ctx.t("dash.chart.title"));
            chart.setLegendVisible(false);
            chart.setAnimated(false);
            chartSlot.getChildren().setAll(chart);
        }
        return chart;
    }

    /** The recovery line chart (collected vs outstanding by month), made on first use. */
    private javafx.scene.chart.LineChart<String, Number> recoveryChart() {
        if (recovery == null) {
            NumberAxis y = new NumberAxis();
            y.setLabel(ctx.t("dash.chart.yAxis"));
            recovery = new javafx.scene.chart.LineChart<>(new CategoryAxis(), y);
            recovery.setId("recoveryChart");
            recovery.setTitle(ctx.t("report.recovery"));
            recovery.setAnimated(false);
            recoverySlot.getChildren().setAll(recovery);
        }
        return recovery;
    }

    private static Label value(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().addAll("card-value", "title-2");
        return l;
    }

    /**
     * A figure in its card, whole: a bookkeeper's book of a million receivables has twelve-digit sums and
     * six-digit counts, which were cut to "¥127,609,236,91…" and "86…"; long figures get a smaller type.
     */
    private static void setValue(Label l, String text) {
        l.setText(text);
        l.getStyleClass().removeAll("title-2", "title-4");
        l.getStyleClass().add(text.length() > 14 ? "title-4" : "title-2");
    }

    private static VBox card(String title, Label value) {
        value.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // never "…"
        Label t = new Label(title);
        t.getStyleClass().add("card-title");
        VBox v = new VBox(6, t, value);
        v.getStyleClass().add("card");
        v.setPadding(new Insets(14));
        HBox.setHgrow(v, Priority.ALWAYS);
        v.setMaxWidth(Double.MAX_VALUE);
        return v;
    }

    public void reload() {
        model.reload();
    }

    private void showRecovery(List<ListQueries.RecoveryMonth> months) {
        XYChart.Series<String, Number> in = new XYChart.Series<>();
        in.setName(ctx.t("report.recovery.collected"));
        XYChart.Series<String, Number> owed = new XYChart.Series<>();
        owed.setName(ctx.t("report.recovery.outstanding"));
        for (var m : months) {
            in.getData().add(new XYChart.Data<>(m.month().toString(), m.collected()));
            owed.getData().add(new XYChart.Data<>(m.month().toString(), m.outstanding()));
        }
        recoveryChart().getData().setAll(List.of(in, owed));
    }

    /**
     * Reloads when anything was written since the figures were read (any dialog, in any tab, the import included):
     * the main window calls it when the dashboard is shown again.
     */
    public void reloadIfChanged() {
        model.reloadIfChanged();
    }

    /** 账龄分析 by customer, as Excel or PDF, into a folder the user picks (named for the book and the day, see ReportExports). */
    private void agingReport(boolean excel) {
        ReportExports.aging(ctx, getScene().getWindow(), excel);
    }

    private void showToday(TodayService.Today t) {
        today.getItems().setAll(t.items());
        todayEmpty.setText(ctx.t("today.empty"));
        todayStatus.setText(t.capped() ? ctx.t("today.capped", t.casesRead()) : ctx.t("today.count", t.items().size()));
        if (!notified && !t.items().isEmpty() && getScene() != null && getScene().getWindow() != null && !Boolean.getBoolean("huikuan.noNotifications")) {
            notified = true;
            long urgent = t.items().stream().filter(i -> i.kind() == TodayService.Kind.LIMITATION
                    || i.date().isBefore(model.todayDate())).count();
            try {
                String look = DashboardView.class.getResource("/cn/huikuan/ui/notifications.css").toExternalForm();
                if (!getScene().getStylesheets().contains(look)) getScene().getStylesheets().add(look); // see the file
                Notifications.create().owner(getScene().getWindow()).title(ctx.t("today.title"))
                        .text(ctx.t("today.notification", t.items().size(), urgent)).position(javafx.geometry.Pos.TOP_RIGHT).hideAfter(javafx.util.Duration.seconds(10)).showInformation();
            } catch (RuntimeException e) {
                // a desktop without notification support: the list on the dashboard says the same
            }
        }
    }

    private void show(Dashboard d) {
        asOf.setText(ctx.t("dash.asOf", Fmt.date(model.asOf().get())));
        setValue(outstanding, Fmt.money(d.outstanding()));
        setValue(overdue, Fmt.money(d.overdue()));
        setValue(paid, Fmt.money(d.paid()));
        setValue(open, String.format("%,d", d.openReceivables()));
        setValue(customers, String.format("%,d", d.customers()));
        buckets.getChildren().clear();
        buckets.add(header(ctx.t("dash.bucket")), 0, 0);
        buckets.add(header(ctx.t("dash.count")), 1, 0);
        buckets.add(header(ctx.t("dash.amount")), 2, 0);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int row = 1;
        for (AgingBucket b : SHOWN) {
            Dashboard.BucketTotal t = d.buckets().getOrDefault(b, new Dashboard.BucketTotal(0, Money.ZERO));
            buckets.add(new Label(ctx.i18n().e(b)), 0, row);
            Label n = new Label(String.format("%,d", t.count()));
            n.setId("dash-count-" + b.name());
            buckets.add(n, 1, row);
            Label a = new Label(Fmt.money(t.outstanding()));
            a.setId("dash-amount-" + b.name());
            buckets.add(a, 2, row);
            series.getData().add(new XYChart.Data<>(ctx.i18n().e(b), t.outstanding()));
            row++;
        }
        agingChart().getData().setAll(List.of(series));
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-bold");
        return l;
    }
}
