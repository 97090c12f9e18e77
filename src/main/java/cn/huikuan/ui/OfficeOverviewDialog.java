package cn.huikuan.ui;

import cn.huikuan.application.Dashboard;
import cn.huikuan.application.OfficeOverview;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.domain.Money;
import cn.huikuan.i18n.I18n;
import javafx.beans.property.SimpleStringProperty;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * 办公室总览 (team mode, issue 22): the window's counterpart of {@code team overview}. Every book the login may open on
 * the office's server, each business in it with its overdue amount, its open receivables by aging bucket and its
 * today's tasks, the most overdue first; a book that cannot be read is listed with why. The books are read one by one
 * in the background (rows appear as they are read, a bar shows how far, 停止 stops before the next book). 打开 (or a
 * double click) returns the chosen book's schema: the office dialog opens it as if it had been picked there.
 */
final class OfficeOverviewDialog extends Dialog<String> {
    /** The buckets shown as columns: the overdue ones, as the dashboard's aging table (not-due and settled aside). */
    private static final List<AgingBucket> BUCKETS = List.of(AgingBucket.D0_30, AgingBucket.D31_90, AgingBucket.D91_180,
            AgingBucket.D181_365, AgingBucket.OVER_365);
    /** The most overdue first; books that could not be read last; then by book and business name. */
    static final Comparator<OfficeOverview.Line> ORDER = Comparator
            .comparing((OfficeOverview.Line l) -> l.problem() != null)
            .thenComparing((OfficeOverview.Line l) -> l.dashboard() == null ? BigDecimal.ZERO : l.dashboard().overdue(), Comparator.reverseOrder())
            .thenComparing(l -> l.bookName() == null ? "" : l.bookName())
            .thenComparing(l -> l.business() == null ? "" : l.business());

    private final I18n i18n;
    private final TableView<OfficeOverview.Line> table = new TableView<>();
    private final ProgressBar bar = new ProgressBar(ProgressBar.INDETERMINATE_PROGRESS);
    private final Label status = new Label();
    private final Label total = new Label();
    /** Why the books that could not be read were not: one line each (the table's cell only says that they were not). */
    private final Label problems = new Label();
    private final Button stop;
    private Task<List<OfficeOverview.Line>> work;

    /** Reads the books of {@code login} on {@code url} at once; {@code password} is cleared when the reading ends. */
    OfficeOverviewDialog(I18n i18n, Window owner, String url, String login, char[] password) {
        this.i18n = i18n;
        UiFont.apply(this);
        initOwner(owner);
        setResizable(true);
        setTitle(i18n.t("officeOverview.title"));
        setHeaderText(i18n.t("officeOverview.header", login, OfficeBook.host(url)));
        getDialogPane().setId("officeOverview");

        table.setId("officeOverviewTable");
        table.setPlaceholder(new Label(i18n.t("officeOverview.reading.first")));
        table.setPrefSize(1000, 360);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        column(i18n.t("officeOverview.col.book"), l -> l.bookName() == null || l.bookName().isBlank() ? l.schema() : l.bookName(), 110, false);
        TableColumn<OfficeOverview.Line, String> business = column(i18n.t("officeOverview.col.business"),
                l -> l.problem() != null ? i18n.t("officeOverview.problem.short") : l.business(), 150, false);
        business.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String s, boolean empty) {
                super.updateItem(s, empty);
                OfficeOverview.Line l = empty ? null : getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : s);
                setTooltip(l != null && l.problem() != null ? new Tooltip(problem(l)) : null);
            }
        });
        column(i18n.t("officeOverview.col.overdue"), l -> l.dashboard() == null ? "" : Fmt.money(l.dashboard().overdue()), 115, true);
        for (AgingBucket b : BUCKETS) {
            column(i18n.t("enum.AgingBucket." + b.name()), l -> l.dashboard() == null ? "" : String.valueOf(count(l.dashboard(), b)), 95, true);
        }
        column(i18n.t("officeOverview.col.today"), l -> l.today() == null ? ""
                : l.today().items().size() + (l.today().capped() ? "+" : ""), 80, true);
        table.setRowFactory(t -> {
            TableRow<OfficeOverview.Line> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && openable(row.getItem())) {
                    table.getSelectionModel().select(row.getItem());
                    ((Button) getDialogPane().lookupButton(getDialogPane().getButtonTypes().get(0))).fire();
                }
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);

        bar.setId("officeOverviewProgress");
        bar.setPrefWidth(200);
        status.setId("officeOverviewStatus");
        status.setWrapText(true);
        stop = new Button(i18n.t("officeOverview.stop"));
        stop.setId("officeOverviewStop");
        stop.getStyleClass().add("small");
        stop.setOnAction(e -> {
            if (work != null) work.cancel(false);   // stops before the next book; the one being read is finished and closed
        });
        HBox progressRow = new HBox(10, bar, status, stop);
        progressRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        total.setId("officeOverviewTotal");
        total.getStyleClass().add("text-muted");
        problems.setId("officeOverviewProblems");
        problems.getStyleClass().add("danger");
        problems.setWrapText(true);
        problems.setMinHeight(Region.USE_PREF_SIZE);
        problems.managedProperty().bind(problems.textProperty().isNotEmpty());
        problems.visibleProperty().bind(problems.managedProperty());
        VBox content = new VBox(10, progressRow, table, problems, total);
        content.setPrefWidth(1000);   // every column's title and a million's overdue amount shown whole
        getDialogPane().setContent(content);
        getDialogPane().setPrefSize(1040, 560);   // every column whole, within a 1280 × 720 screen
        getDialogPane().setMinWidth(960);

        ButtonType open = new ButtonType(i18n.t("office.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType close = new ButtonType(i18n.t("action.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(open, close);
        Button openButton = (Button) getDialogPane().lookupButton(open);
        openButton.setId("officeOverviewOpen");
        openButton.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !openable(table.getSelectionModel().getSelectedItem()), table.getSelectionModel().selectedItemProperty()));
        getDialogPane().lookupButton(close).setId("officeOverviewClose");
        setResultConverter(bt -> bt == open && openable(table.getSelectionModel().getSelectedItem())
                ? table.getSelectionModel().getSelectedItem().schema() : null);
        setOnHidden(e -> {
            if (work != null && work.isRunning()) work.cancel(false);
        });
        read(url, login, password);
    }

    private static boolean openable(OfficeOverview.Line l) {
        return l != null && l.problem() == null;
    }

    private static long count(Dashboard d, AgingBucket b) {
        Dashboard.BucketTotal t = d.buckets().get(b);
        return t == null ? 0 : t.count();
    }

    /** The problem in the window's language where it is one the app knows (the rest as the server or the app said it). */
    private String problem(OfficeOverview.Line l) {
        return OfficeOverview.OPEN_HERE.equals(l.problem()) ? i18n.t("officeOverview.openHere") : l.problem();
    }

    private TableColumn<OfficeOverview.Line, String> column(String title, Function<OfficeOverview.Line, String> value, double width, boolean right) {
        TableColumn<OfficeOverview.Line, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(value.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setMinWidth(width * 0.8);
        c.setSortable(false);   // the order is the view's: the most overdue first
        if (right) c.setStyle("-fx-alignment: CENTER-RIGHT;");
        table.getColumns().add(c);
        return c;
    }

    private void read(String url, String login, char[] password) {
        work = new Task<>() {
            @Override
            protected List<OfficeOverview.Line> call() {
                try {
                    return OfficeOverview.of(url, login, password, Clock.systemDefaultZone(), DashboardModel.TODAY_MAX_CASES,
                            new OfficeOverview.Listener() {
                                @Override
                                public void progress(int done, int total, String next, List<OfficeOverview.Line> read) {
                                    updateProgress(done, Math.max(total, 1));
                                    if (done < total) updateMessage(i18n.t("officeOverview.reading", next, done + 1, total));
                                    updateValue(read);
                                }

                                @Override
                                public boolean cancelled() {
                                    return isCancelled();
                                }

                                @Override
                                public String problem(RuntimeException e) {
                                    return ErrorMessages.describe(e, i18n);
                                }
                            });
                } finally {
                    Arrays.fill(password, '\0');
                }
            }
        };
        bar.progressProperty().bind(work.progressProperty());
        work.valueProperty().addListener((o, was, now) -> show(now));
        work.setOnSucceeded(e -> finished(i18n.t("officeOverview.done", booksIn(work.getValue()))));
        work.setOnCancelled(e -> finished(i18n.t("officeOverview.stopped", booksIn(table.getItems()))));
        work.setOnFailed(e -> {
            finished(ErrorMessages.describe(work.getException(), i18n));
            status.getStyleClass().add("danger");
            table.setPlaceholder(new Label(i18n.t("officeOverview.none")));
        });
        updateMessageFirst();
        Thread t = new Thread(work, "huikuan-office-overview");
        t.setDaemon(true);
        t.start();
    }

    private void updateMessageFirst() {
        status.setText(i18n.t("officeOverview.connecting"));
        work.messageProperty().addListener((o, was, now) -> {
            if (work.isRunning() && now != null && !now.isEmpty()) status.setText(now);
        });
    }

    private void finished(String said) {
        bar.progressProperty().unbind();
        bar.setVisible(false);
        bar.setManaged(false);
        stop.setVisible(false);
        stop.setManaged(false);
        status.setText(said);
        if (table.getItems().isEmpty()) table.setPlaceholder(new Label(i18n.t("officeOverview.none")));
    }

    private static long booksIn(List<OfficeOverview.Line> lines) {
        return lines == null ? 0 : lines.stream().map(OfficeOverview.Line::schema).distinct().count();
    }

    /** The lines read so far, the most overdue first, and their total. */
    private void show(List<OfficeOverview.Line> lines) {
        if (lines == null) return;
        OfficeOverview.Line selected = table.getSelectionModel().getSelectedItem();
        List<OfficeOverview.Line> sorted = new ArrayList<>(lines);
        sorted.sort(ORDER);
        table.getItems().setAll(sorted);
        if (selected != null) table.getSelectionModel().select(selected);
        problems.setText(String.join("\n", sorted.stream().filter(l -> l.problem() != null)
                .map(l -> i18n.t("officeOverview.problem", l.bookName() == null || l.bookName().isBlank() ? l.schema() : l.bookName(), problem(l)))
                .toList()));
        BigDecimal overdue = Money.ZERO;
        int tasks = 0;
        for (OfficeOverview.Line l : lines) {
            if (l.dashboard() != null) overdue = overdue.add(l.dashboard().overdue());
            if (l.today() != null) tasks += l.today().items().size();
        }
        total.setText(i18n.t("officeOverview.total", booksIn(lines.stream().filter(l -> l.problem() == null).toList()), Fmt.money(overdue), tasks));
    }
}
