package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.SampleData;
import cn.huikuan.i18n.I18n;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import cn.huikuan.application.ReceivableRow;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/** Opens the main window on a temporary book with the sample case, headless (Monocle). */
abstract class UiTestBase {
    /**
     * How long a step may take to come about (issue 21): a wait ends as soon as its event happens, so a generous limit
     * costs nothing on a quick machine and keeps a busy 2-core one (another build beside it) from failing the test.
     */
    static final int WAIT_SECONDS = 180;
    @TempDir
    Path dir;
    Books books;
    AppContext ctx;
    FakeDialogs dialogs;
    MainView main;
    Stage stage;
    final List<Throwable> failures = new CopyOnWriteArrayList<>();
    final List<String> languageSwitches = new CopyOnWriteArrayList<>();

    String language() {
        return "zh";
    }

    /** Call from the test class's {@code @Start} method (TestFX only looks for it on the test class itself). */
    void open(Stage stage) {
        this.stage = stage;
        // The start-up notification would sit over buttons the robot clicks; the today test turns it on.
        System.setProperty("huikuan.noNotifications", "true");
        HuikuanApp.installTheme();
        books = Books.open(dir.resolve("data"), TestClock.fixed());
        SampleData.loadInto(books);
        dialogs = new FakeDialogs();
        ctx = new AppContext(books, I18n.forLanguage(language()), new TaskRunner(failures::add), dialogs);
        main = new MainView(ctx, languageSwitches::add);
        main.getStylesheets().add(MainView.stylesheet());
        stage.setScene(new Scene(main, 1280, 800));
        UiFont.apply(stage.getScene());
        stage.show();
    }

    @AfterEach
    void closeBooks() throws Exception {
        FxToolkit.cleanupStages();
        ctx.tasks().shutdown();
        books.close();
    }

    void waitUntil(BooleanSupplier condition) {
        try {
            // the condition reads the scene graph: on the FX thread, never beside a reload that changes it (CI saw a lookup
            // from the test thread fail inside Parent.lookupAll while a page was being rebuilt)
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, () -> onFx(condition::getAsBoolean) && failures.isEmpty() || !failures.isEmpty());
        } catch (TimeoutException e) {
            throw new AssertionError("condition not reached within " + WAIT_SECONDS + " s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
        if (!failures.isEmpty()) throw new AssertionError("background task failed", failures.get(0));
    }

    /** The node's text, or "" while it is not in the scene (views rebuild on reload). */
    static String text(FxRobot robot, String query) {
        return onFx(() -> {
            Optional<Node> found = robot.lookup(query).tryQuery();
            if (found.isEmpty()) return "";
            Node n = found.get();
            if (n instanceof Labeled l) return l.getText();
            if (n instanceof TextInputControl t) return t.getText();
            throw new IllegalArgumentException(query);
        });
    }

    /** Runs {@code read} on the FX thread (at once if already there): reading the scene graph from another thread races its changes. */
    static <T> T onFx(java.util.concurrent.Callable<T> read) {
        try {
            if (javafx.application.Platform.isFxApplicationThread()) return read.call();
            return WaitForAsyncUtils.asyncFx(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void set(FxRobot robot, String query, String value) {
        TextInputControl t = robot.lookup(query).queryAs(TextInputControl.class);
        robot.interact(() -> {
            t.requestFocus();
            t.setText(value);
        });
    }

    static void setDate(FxRobot robot, String query, String value) {
        javafx.scene.control.DatePicker p = robot.lookup(query).queryAs(javafx.scene.control.DatePicker.class);
        robot.interact(() -> p.getEditor().setText(value));
    }

    /** Scrolls the enclosing scroll pane (as a user would) so the node is on screen, then clicks it. */
    /**
     * Opens the sample's first receivable (the seed case, 李某's sale) from the list by double-click and returns its id
     * once its wizard's first step shows (in either language).
     */
    long openSeedCase(FxRobot robot) {
        robot.clickOn("#tab-receivables");
        javafx.scene.control.TableView<ReceivableRow> table = robot.lookup("#receivableTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 3);
        long id = table.getItems().get(0).id();
        openReceivableRow(robot, 0);
        waitUntil(() -> exists(robot, "#wizardTitle") && !text(robot, "#wizardTitle").isBlank() && exists(robot, "#wizardNextStep"));
        return id;
    }

    /**
     * Opens the receivable in row {@code nth} of the list as a keyboard user does: a click selects it, Enter opens it.
     * Not by double-click: Monocle counts two clicks as one double-click only within 500 ms, which a robot on a busy
     * machine does not always keep (MainWindowTest keeps one double-click for the mouse's way).
     */
    static void openReceivableRow(FxRobot robot, int nth) {
        robot.clickOn(robot.lookup("#receivableTable .table-row-cell").nth(nth).queryAs(Node.class), javafx.scene.input.MouseButton.PRIMARY);
        robot.type(javafx.scene.input.KeyCode.ENTER);
    }

    /** Opens the seed case at the negotiating step (in Chinese) and its repayment plan dialog; returns the case's id. */
    long openPlanDialog(FxRobot robot) {
        long id = openSeedCase(robot);
        books.wizard().moveTo(id, cn.huikuan.domain.CollectionStep.NEGOTIATE, null);
        robot.clickOn("#refreshDetail");
        waitUntil(() -> text(robot, "#wizardTitle").contains("协商还款"));
        robot.clickOn("#wizardPlan");
        waitUntil(() -> exists(robot, "#planDialog"));
        return id;
    }

    static void scrollAndClick(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        robot.interact(() -> {
            Node p = n.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
            if (p instanceof javafx.scene.control.ScrollPane sp) {
                javafx.geometry.Bounds content = sp.getContent().getLayoutBounds();
                javafx.geometry.Bounds b = sp.getContent().sceneToLocal(n.localToScene(n.getLayoutBounds()));
                double viewport = sp.getViewportBounds().getHeight();
                double range = content.getHeight() - viewport;
                if (range > 0) sp.setVvalue(Math.min(1, Math.max(0, (b.getMinY() - viewport / 3) / range)));
            }
        });
        robot.clickOn(query);
    }

    static boolean exists(FxRobot robot, String query) {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }
}
