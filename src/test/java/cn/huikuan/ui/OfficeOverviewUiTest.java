package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.Dashboard;
import cn.huikuan.application.OfficeOverview;
import cn.huikuan.application.ReceivableRow;
import cn.huikuan.application.SampleData;
import cn.huikuan.application.TeamAdmin;
import cn.huikuan.domain.AgingBucket;
import cn.huikuan.persistence.PostgresServer;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 办公室总览 in the window (team mode, issue 22), the real application on a real PostgreSQL server: a bookkeeper granted
 * two of the office's three books sees those two (never the third) with their overdue amounts, aging counts and today's
 * tasks, the most overdue first; opens one from the view; and, with that book open in the window, sees it listed as
 * open here (not openable again) rather than the whole view failing.
 */
class OfficeOverviewUiTest extends FxRobot {
    static String url;
    static TeamAdmin.Book shop;
    static TeamAdmin.Book empty;
    static TeamAdmin.Book notGranted;

    @TempDir
    Path dir;
    Application app;
    String home;

    @BeforeAll
    static void anOfficeWithThreeBooksTwoOfThemGranted() throws Exception {
        url = PostgresServer.get().createDatabase("ui_overview");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        // roles are the cluster's, shared with the other office tests in this JVM: names of this test's own
        admin.addUser("ov_owner", TeamAdmin.Role.OWNER, "ov-owner-pw-1".toCharArray());
        TeamAdmin owner = TeamAdmin.connect(url, "ov_owner", "ov-owner-pw-1".toCharArray());
        owner.addUser("ov_clerk", TeamAdmin.Role.BOOKKEEPER, "ov-clerk-pw-1".toCharArray());
        shop = owner.addBook("王氏建材");
        empty = owner.addBook("张记五金");
        notGranted = owner.addBook("李记餐饮");
        owner.grant("ov_clerk", shop.schema());
        owner.grant("ov_clerk", empty.schema());
        Path pc = Files.createTempDirectory("huikuan-ui-overview");
        try (Books b = Books.openOffice(pc.resolve("shop"), url, "ov_owner", "ov-owner-pw-1".toCharArray(), shop.schema(), TestClock.fixed())) {
            assertThat(SampleData.loadInto(b)).isTrue();
        }
        // the book the clerk may not see holds overdue debts too: were it listed, it would come before the empty one
        try (Books b = Books.openOffice(pc.resolve("other"), url, "ov_owner", "ov-owner-pw-1".toCharArray(), notGranted.schema(), TestClock.fixed())) {
            assertThat(SampleData.loadInto(b)).isTrue();
        }
    }

    @BeforeEach
    void props() {
        DialogService.resetExiting();
        home = System.getProperty("user.home");
        System.setProperty("user.home", dir.resolve("home").toString());   // this PC's folders for office books: in the test's folder
        System.setProperty("huikuan.data", dir.resolve("books").toString());
        System.setProperty("huikuan.noNotifications", "true");
        Books.open(dir.resolve("books"), TestClock.fixed()).close();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) {   // the reading's own test starts no window
            FxToolkit.cleanupApplication(app);
            FxToolkit.cleanupStages();
        }
        DialogService.resetExiting();
        System.clearProperty("huikuan.data");
        System.setProperty("user.home", home);
    }

    /** The shop's figures today, read by the owner in a folder of its own (not through the view). */
    static Dashboard shopToday() throws java.io.IOException {
        try (Books b = Books.openOffice(Files.createTempDirectory("huikuan-ui-overview-check"), url, "ov_owner", "ov-owner-pw-1".toCharArray(), shop.schema(), Clock.systemDefaultZone())) {
            return b.lists().dashboard(b.creditorId(), LocalDate.now());
        }
    }

    @Test
    void theOverviewListsTheGrantedBooksMostOverdueFirstAndOpensOne() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        HuikuanApp huikuan = (HuikuanApp) app;
        waitFor(() -> exists("#mainView") && huikuan.books() != null && huikuan.tasksIdle());

        connectAsTheClerk();
        clickOn("#officeOverviewButton");
        waitFor(() -> exists("#officeOverview") && text("#officeOverviewStatus").startsWith("读完了"));
        TableView<OfficeOverview.Line> table = lookup("#officeOverviewTable").queryTableView();
        List<OfficeOverview.Line> rows = UiTestBase.onFx(() -> List.copyOf(table.getItems()));
        assertThat(rows).extracting(OfficeOverview.Line::bookName).containsExactly("王氏建材", "张记五金");
        assertThat(rows).extracting(OfficeOverview.Line::schema).doesNotContain(notGranted.schema());
        assertThat(rows).allSatisfy(l -> assertThat(l.problem()).isNull());

        Dashboard expected = shopToday();
        assertThat(expected.overdue().signum()).as("the sample holds overdue debts").isPositive();
        assertThat(cell(table, 0, "逾期金额")).isEqualTo(Fmt.money(expected.overdue()));
        assertThat(cell(table, 0, "企业")).isEqualTo(rows.get(0).business());
        long overdueCount = 0;
        for (AgingBucket b : List.of(AgingBucket.D0_30, AgingBucket.D31_90, AgingBucket.D91_180, AgingBucket.D181_365, AgingBucket.OVER_365)) {
            Dashboard.BucketTotal t = expected.buckets().get(b);
            long n = t == null ? 0 : t.count();
            overdueCount += n;
            assertThat(cell(table, 0, bucketTitle(b))).as(b.name()).isEqualTo(String.valueOf(n));
        }
        assertThat(overdueCount).isPositive();
        assertThat(Integer.parseInt(cell(table, 0, "今日待办").replace("+", ""))).isEqualTo(rows.get(0).today().items().size()).isPositive();
        assertThat(cell(table, 1, "逾期金额")).isEqualTo(Fmt.money(java.math.BigDecimal.ZERO));
        assertThat(text("#officeOverviewTotal")).isEqualTo("合计：2 个账本，逾期 " + Fmt.money(expected.overdue()) + "，今日待办 "
                + rows.get(0).today().items().size() + " 项");
        assertThat(visible("#officeOverviewStop")).as("nothing left to stop").isFalse();
        assertThat(visible("#officeOverviewProblems")).isFalse();
        Screenshots.take(lookup("#officeOverview").queryAs(Node.class), "48-office-overview");

        // a double click on the shop's row opens it through the office dialog's own 打开
        OfficeOverview.Line first = rows.get(0);
        doubleClickOn(UiTestBase.onFx(() -> lookup("#officeOverviewTable .table-row-cell").queryAllAs(javafx.scene.control.TableRow.class)
                .stream().filter(r -> first.equals(r.getItem())).findFirst().orElseThrow()));
        waitFor(() -> huikuan.books() != null && huikuan.books().onServer() && exists("#mainView") && huikuan.tasksIdle());
        assertThat(exists("#officeOverview")).isFalse();
        assertThat(exists("#officeDialog")).isFalse();
        clickOn("#tab-receivables");
        TableView<ReceivableRow> receivables = lookup("#receivableTable").queryTableView();
        waitFor(() -> receivables.getItems().size() == 3);
        waitFor(() -> text("#statusText").contains("王氏建材（ov_clerk）"));

        // with the shop open in this window under the same login, the view lists it as open here, last, and not to open again
        connectAsTheClerk();
        clickOn("#officeOverviewButton");
        waitFor(() -> exists("#officeOverview") && text("#officeOverviewStatus").startsWith("读完了"));
        TableView<OfficeOverview.Line> again = lookup("#officeOverviewTable").queryTableView();
        List<OfficeOverview.Line> now = UiTestBase.onFx(() -> List.copyOf(again.getItems()));
        assertThat(now).extracting(OfficeOverview.Line::bookName).containsExactly("张记五金", "王氏建材");
        assertThat(now.get(1).problem()).isNotNull();
        assertThat(cell(again, 1, "企业")).isEqualTo("未能读取（见下方）");
        assertThat(text("#officeOverviewProblems")).isEqualTo("「王氏建材」未能读取：这个账本正在本机以同一用户打开（它的数字见窗口的首页）");
        assertThat(text("#officeOverviewTotal")).startsWith("合计：1 个账本，逾期 ¥0.00");
        Screenshots.take(lookup("#officeOverview").queryAs(Node.class), "office-overview-open-here");
        interact(() -> again.getSelectionModel().select(1));
        assertThat(UiTestBase.onFx(() -> lookup("#officeOverviewOpen").queryAs(Button.class).isDisabled())).isTrue();
        interact(() -> again.getSelectionModel().select(0));
        assertThat(UiTestBase.onFx(() -> lookup("#officeOverviewOpen").queryAs(Button.class).isDisabled())).isFalse();
        clickOn("#officeOverviewClose");
        waitFor(() -> !exists("#officeOverview") && exists("#officeDialog"));
        clickOn("#officeCancel");
        waitFor(() -> !exists("#officeDialog"));
        assertThat(huikuan.books().onServer()).isTrue();
    }

    @Test
    void theReadingReportsEachBookAndStopsBeforeTheNextWhenCancelled() {
        List<String> said = new java.util.ArrayList<>();
        List<OfficeOverview.Line> lines = OfficeOverview.of(url, "ov_clerk", "ov-clerk-pw-1".toCharArray(), Clock.systemDefaultZone(), 50,
                new OfficeOverview.Listener() {
                    @Override
                    public void progress(int done, int total, String next, List<OfficeOverview.Line> read) {
                        said.add(done + "/" + total + " " + next + " " + read.size());
                    }

                    @Override
                    public boolean cancelled() {
                        return said.size() == 1;   // asked before the second book: stop once the first has been read
                    }

                    @Override
                    public String problem(RuntimeException e) {
                        throw new AssertionError("no book fails here", e);
                    }
                });
        assertThat(lines).hasSize(1);
        assertThat(said).hasSize(1);
        assertThat(said.get(0)).startsWith("0/2 ").endsWith(" 0");
        assertThat(lines.get(0).bookName()).isEqualTo(said.get(0).split(" ")[1]);

        said.clear();
        List<OfficeOverview.Line> all = OfficeOverview.of(url, "ov_clerk", "ov-clerk-pw-1".toCharArray(), Clock.systemDefaultZone(), 50,
                new OfficeOverview.Listener() {
                    @Override
                    public void progress(int done, int total, String next, List<OfficeOverview.Line> read) {
                        said.add(done + "/" + total + " " + read.size());
                    }
                });
        assertThat(all).extracting(OfficeOverview.Line::schema).containsExactlyInAnyOrder(shop.schema(), empty.schema());
        assertThat(said).containsExactly("0/2 0", "1/2 1", "2/2 2");
    }

    /** 办公室服务器… → the clerk's address, login and password → 连接: the two granted books listed. */
    void connectAsTheClerk() {
        clickOn("#officeServer");
        waitFor(() -> exists("#officeDialog"));
        assertThat(UiTestBase.onFx(() -> lookup("#officeOverviewButton").queryAs(Button.class).isDisabled()))
                .as("the overview needs the list read first").isTrue();
        type("#officeAddress", url.replaceFirst("^jdbc:postgresql://", ""));
        type("#officeLogin", "ov_clerk");
        type("#officePassword", "ov-clerk-pw-1");
        clickOn("#officeConnect");
        ListView<TeamAdmin.Book> list = lookup("#officeBooks").queryListView();
        waitFor(() -> list.getItems().size() == 2);
        assertThat(UiTestBase.onFx(() -> lookup("#officeOverviewButton").queryAs(Button.class).isDisabled())).isFalse();
    }

    static String bucketTitle(AgingBucket b) {
        return cn.huikuan.i18n.I18n.forLanguage("zh").t("enum.AgingBucket." + b.name());
    }

    /** The text the table shows in row {@code row} under the column titled {@code title}. */
    String cell(TableView<OfficeOverview.Line> table, int row, String title) {
        return UiTestBase.onFx(() -> {
            TableColumn<OfficeOverview.Line, ?> c = table.getColumns().stream().filter(x -> x.getText().equals(title)).findFirst().orElseThrow();
            Object v = c.getCellData(row);
            return v == null ? "" : v.toString();
        });
    }

    void type(String query, String value) {
        TextInputControl field = lookup(query).queryAs(TextInputControl.class);
        clickOn(field);
        interact(field::clear);
        write(value);
    }

    void waitFor(BooleanSupplier c) {
        try {
            WaitForAsyncUtils.waitFor(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS, () -> UiTestBase.onFx(c::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached within " + UiTestBase.WAIT_SECONDS + " s; office error: "
                    + text("#officeError") + "; overview: " + text("#officeOverviewStatus"), e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    boolean exists(String q) {
        return UiTestBase.onFx(() -> lookup(q).tryQuery().isPresent());
    }

    boolean visible(String q) {
        return UiTestBase.onFx(() -> lookup(q).tryQuery().map(Node::isVisible).orElse(false));
    }

    String text(String q) {
        return UiTestBase.onFx(() -> {
            Node n = lookup(q).tryQuery().orElse(null);
            return n instanceof Labeled l ? l.getText() : n instanceof TextInputControl t ? t.getText() : "";
        });
    }
}
