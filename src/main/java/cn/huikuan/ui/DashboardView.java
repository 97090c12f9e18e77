package cn.huikuan.ui;

import cn.huikuan.application.Dashboard;
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
    private final BarChart<String, Number> chart;
    private final Label asOf = new Label();

    public DashboardView(AppContext ctx, MainView main) {
        this.ctx = ctx;
        setId("dashboard");
        setPadding(new Insets(16));
        HBox cards = new HBox(12, card(ctx.t("dash.outstanding"), outstanding), card(ctx.t("dash.overdue"), overdue),
                card(ctx.t("dash.paid"), paid), card(ctx.t("dash.openReceivables"), open), card(ctx.t("dash.customers"), customers));
        Button refresh = new Button(ctx.t("action.refresh"));
        refresh.setId("dash-refresh");
        refresh.setOnAction(e -> reload());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(12, asOf, spacer, refresh);
        asOf.getStyleClass().add("text-muted");

        CategoryAxis x = new CategoryAxis();
        NumberAxis y = new NumberAxis();
        y.setLabel(ctx.t("dash.chart.yAxis"));
        chart = new BarChart<>(x, y);
        chart.setId("dash-chart");
        chart.setTitle(ctx.t("dash.chart.title"));
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinHeight(260);

        buckets.setId("dash-buckets");
        buckets.setHgap(24);
        buckets.setVgap(6);
        buckets.getStyleClass().add("bucket-table");
        VBox box = new VBox(14, head, cards, new HBox(24, buckets, chart));
        HBox.setHgrow(chart, Priority.ALWAYS);
        setCenter(box);
        reload();
    }

    private static Label value(String id) {
        Label l = new Label("—");
        l.setId(id);
        l.getStyleClass().addAll("card-value", "title-2");
        return l;
    }

    private static VBox card(String title, Label value) {
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
        ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().lists().dashboard(ctx.books().creditorId(), ctx.books().today()), this::show);
    }

    private void show(Dashboard d) {
        asOf.setText(ctx.t("dash.asOf", Fmt.date(ctx.books().today())));
        outstanding.setText(Fmt.money(d.outstanding()));
        overdue.setText(Fmt.money(d.overdue()));
        paid.setText(Fmt.money(d.paid()));
        open.setText(Long.toString(d.openReceivables()));
        customers.setText(Long.toString(d.customers()));
        buckets.getChildren().clear();
        buckets.add(header(ctx.t("dash.bucket")), 0, 0);
        buckets.add(header(ctx.t("dash.count")), 1, 0);
        buckets.add(header(ctx.t("dash.amount")), 2, 0);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        int row = 1;
        for (AgingBucket b : SHOWN) {
            Dashboard.BucketTotal t = d.buckets().getOrDefault(b, new Dashboard.BucketTotal(0, Money.ZERO));
            buckets.add(new Label(ctx.i18n().e(b)), 0, row);
            Label n = new Label(Long.toString(t.count()));
            n.setId("dash-count-" + b.name());
            buckets.add(n, 1, row);
            Label a = new Label(Fmt.money(t.outstanding()));
            a.setId("dash-amount-" + b.name());
            buckets.add(a, 2, row);
            series.getData().add(new XYChart.Data<>(ctx.i18n().e(b), t.outstanding()));
            row++;
        }
        chart.getData().setAll(List.of(series));
    }

    private static Label header(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("text-bold");
        return l;
    }
}
