package cn.huikuan.ui;

import cn.huikuan.application.CustomerRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;
import cn.huikuan.application.BackupService;
import cn.huikuan.application.Books;
import cn.huikuan.application.SampleData;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.persistence.DataFolder;
import java.time.Clock;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The real application class, headless, on an empty data folder: the first-run welcome (language, sample
 * case), the business profile asked after it, and restoring a backup from inside the app (issue 6).
 */
class AppFlowTest extends FxRobot {
    @TempDir
    Path dir;
    Application app;

    @BeforeEach
    void props() {
        DialogService.resetExiting();
        Locale.setDefault(Locale.ENGLISH); // a machine set to English: the Chinese screens must not say OK/Cancel
        System.setProperty("huikuan.data", dir.resolve("books").toString());
        System.setProperty("huikuan.noNotifications", "true");
    }

    @AfterEach
    void stop() throws Exception {
        HuikuanApp.exit = REAL_EXIT;
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        // after the cleanup, whose stop() marks the app as exiting: the next test starts an app that is not
        DialogService.resetExiting();
        System.clearProperty("huikuan.data");
    }

    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#welcome"));
    }

    void waitFor(BooleanSupplier c) {
        try {
            WaitForAsyncUtils.waitFor(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS, () -> UiTestBase.onFx(c::getAsBoolean)); // read on the FX thread (UiTestBase.onFx)
        } catch (TimeoutException e) {
            String shown = lookup(".dialog-pane").queryAll().stream().map(n -> n.getId() + ": "
                    + (n instanceof javafx.scene.control.DialogPane d ? d.getHeaderText() + " / " + d.getContentText() : "")).toList().toString();
            throw new AssertionError("condition not reached within " + UiTestBase.WAIT_SECONDS + " s; dialogs shown: " + shown, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    boolean exists(String q) {
        return lookup(q).tryQuery().isPresent();
    }

    String text(String q) {
        Node n = lookup(q).tryQuery().orElse(null);
        return n instanceof Labeled l ? l.getText() : n instanceof TextInputControl t ? t.getText() : "";
    }

    void retype(String q, String text) {
        TextInputControl field = lookup(q).queryAs(TextInputControl.class);
        clickOn(field);
        interact(field::clear);
        write(text);
    }

    /** The dialog's OK button (its text follows the JVM's locale: 确定 or OK). */
    void clickOk() {
        Button b = lookup(".dialog-pane .button").queryAllAs(Button.class).stream().filter(Button::isDefaultButton).findFirst().orElseThrow();
        clickOn(b);
    }

    @Test
    void firstRunWithTheSampleThenBackUpChangeAndRestore() throws Exception {
        start();
        assertThat(text("#welcome .title-1")).isEqualTo("欢迎使用回款助手");
        assertThat(text("#welcomeFolder")).isEqualTo(dir.resolve("books").toAbsolutePath().toString());
        clickOn("#welcomeEn");
        waitFor(() -> text("#welcome .title-1").equals("Welcome to Huikuan"));
        clickOn("#welcomeZh");
        waitFor(() -> text("#welcome .title-1").equals("欢迎使用回款助手"));
        Screenshots.take(lookup("#welcome").queryAs(Node.class), "00-welcome");
        clickOn("#welcomeSample");
        clickOn("#welcomeStart");
        waitFor(() -> exists("#mainView"));
        clickOn("#tab-customers");
        TableView<CustomerRow> customers = lookup("#customerTable").queryTableView();
        waitFor(() -> customers.getItems().size() == 3);
        assertThat(exists("#creditorDialog")).as("the sample brings its own business profile").isFalse();

        clickOn("#backupNow");
        waitFor(() -> exists("#infoDialog"));
        clickOk();
        try (var s = Files.list(dir.resolve("books").resolve("backups"))) {
            assertThat(s.filter(p -> p.getFileName().toString().endsWith("-manual.zip"))).hasSize(1);
        }

        // background work that fails is said, not swallowed: the backups folder replaced by a file
        Path backups = dir.resolve("books").resolve("backups");
        Path aside = dir.resolve("backups-aside");
        Files.move(backups, aside);
        Files.writeString(backups, "not a folder");
        clickOn("#backupNow");
        waitFor(() -> exists("#errorDialog"));
        assertThat(lookup("#errorDialog .content").queryAs(javafx.scene.control.Label.class).getText()).contains("无法写入数据文件夹");
        clickOk();
        Files.delete(backups);
        Files.move(aside, backups);

        clickOn("#newCustomer");
        waitFor(() -> exists("#customerEditor"));
        clickOn("#customerName").write("王五");
        clickOn("#customerEditor-save");
        waitFor(() -> !exists("#customerEditor") && lookup("#customerTable").queryTableView().getItems().size() == 4);

        clickOn("#restoreBackup");
        waitFor(() -> exists("#restoreDialog"));
        ListView<?> list = lookup("#restoreList").queryListView();
        int manual = 0;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).toString().contains("manual")) manual = i;
        }
        int pick = manual;
        interact(() -> list.getSelectionModel().select(pick));
        clickOn("#restoreOk");
        waitFor(() -> exists("#confirmDialog"));
        // a Chinese screen says 确定/取消 whatever the machine's own language (issue 21)
        assertThat(lookup("#confirmDialog .button").queryAllAs(Button.class)).extracting(Button::getText).contains("确定", "取消")
                .doesNotContain("OK", "Cancel");
        clickOk();
        waitFor(() -> exists("#infoDialog") && exists("#mainView"));
        assertThat(lookup("#infoDialog .text-area").queryAs(TextInputControl.class).getText()).contains("恢复前的数据库保存在", "before-restore");
        clickOk();
        clickOn("#tab-customers");
        TableView<CustomerRow> after = lookup("#customerTable").queryTableView();
        waitFor(() -> after.getItems().size() == 3);
        assertThat(after.getItems()).extracting(CustomerRow::name).doesNotContain("王五");
    }

    /**
     * Issue 24: a backup whose database carries a trigger in Java source, planted in the backups folder under a backup's
     * name, is refused in the app with a sentence that names what it carries; its code never runs and the books stay.
     */
    @Test
    void aBackupCarryingCodeIsRefusedInTheAppAndTheBooksStayAsTheyWere() throws Exception {
        Path books = dir.resolve("books");
        Path ran = dir.resolve("code-ran");
        Path good;
        try (Books b = Books.open(books, Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
            good = b.backups().backupNow("manual");
        }
        Path work = Files.createDirectories(dir.resolve("work"));
        cn.huikuan.HostileFiles.tampered(good, work, books.resolve("backups").resolve("huikuan-20991231-235959-manual.zip"), ran,
                cn.huikuan.HostileFiles.trigger(ran));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#mainView"));
        clickOn("#restoreBackup");
        waitFor(() -> exists("#restoreDialog"));
        ListView<?> list = lookup("#restoreList").queryListView();
        int planted = -1;
        for (int i = 0; i < list.getItems().size(); i++) {
            if (list.getItems().get(i).toString().contains("20991231")) planted = i;
        }
        assertThat(planted).isGreaterThanOrEqualTo(0);
        int pick = planted;
        interact(() -> list.getSelectionModel().select(pick));
        clickOn("#restoreOk");
        waitFor(() -> exists("#confirmDialog"));
        clickOk();
        waitFor(() -> exists("#errorDialog"));
        String said = lookup("#errorDialog .text-area").tryQueryAs(TextInputControl.class).map(TextInputControl::getText)
                .orElseGet(() -> lookup("#errorDialog .content").queryAs(javafx.scene.control.Label.class).getText());
        assertThat(said).contains("回款助手从不创建的对象").contains("trigger PLANTED").contains("没有运行其中任何内容");
        Screenshots.take(lookup("#errorDialog").queryAs(Node.class), "34-hostile-backup-refused");
        clickOk();
        waitFor(() -> exists("#mainView"));
        clickOn("#tab-customers");
        TableView<CustomerRow> customers = lookup("#customerTable").queryTableView();
        waitFor(() -> customers.getItems().size() == 3);
        assertThat(ran).as("the planted code never ran").doesNotExist();
        try (var s = Files.list(books.resolve("backups"))) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith("-before-restore.mv.db"));
        }
    }

    /**
     * Issue 24: the app ended soon after its start (the installer's smoke test, a logout) while background work still
     * runs: the work that fails once the books are closed is logged, and no dialog opens while the toolkit shuts down
     * (one did, and the JVM died with SIGSEGV in libglassgtk3.so).
     */
    @Test
    void workThatFailsWhileTheAppEndsOpensNoDialog() throws Exception {
        Path books = dir.resolve("books");
        try (Books b = Books.open(books, Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
        }
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#mainView"));
        HuikuanApp h = (HuikuanApp) app;
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean failureSeen = new AtomicBoolean();
        interact(() -> h.tasks().run("late", p -> {
            started.countDown();
            Thread.sleep(120_000); // outlives the 10 s the end waits for background work: interrupted, it fails
            return null;
        }, page -> { }, error -> {
            failureSeen.set(true);
            new DialogService(null).showError(null, "late", String.valueOf(error));
        }));
        assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();
        Application ending = app;
        app = null; // stopped here, not again after the test
        interact(() -> {
            try {
                ending.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, failureSeen::get);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(exists("#errorDialog")).as("no dialog once the app has begun to exit").isFalse();
        assertThat(DialogService.exiting()).isTrue();
    }

    @Test
    void firstRunWithoutTheSampleAsksForTheBusinessProfile() throws Exception {
        start();
        clickOn("#welcomeStart");
        waitFor(() -> exists("#creditorDialog"));
        clickOn("#creditorName").eraseText(10).write("杭州某某五金店");
        clickOn("#creditorDialog-save");
        waitFor(() -> !exists("#creditorDialog"));
        assertThat(Files.exists(dir.resolve("books").resolve("db").resolve("huikuan.mv.db"))).isTrue();
    }

    @Test
    void aDamagedDatabaseOffersTheLatestBackupAndOpensAgain() throws Exception {
        Path books = dir.resolve("books");
        try (Books b = Books.open(books, Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
            b.backups().backupNow("manual");
        }
        Path db = books.resolve("db").resolve("huikuan.mv.db");
        byte[] junk = new byte[64 * 1024];
        new Random(3).nextBytes(junk);
        Files.write(db, junk);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#startupError"));
        // while the alert waits, the window behind it no longer shows the opening spinner (asserted once the alert is
        // answered: a failed assertion with the alert open would leave the test waiting on it)
        boolean failedShown = exists("#splashFailed");
        boolean spinning = lookup(".progress-indicator").tryQuery().isPresent();
        Button restore = lookup("#startupError .button").queryAllAs(Button.class).stream()
                .filter(b -> b.getText().startsWith("从备份恢复")).findFirst().orElseThrow();
        clickOn(restore);
        waitFor(() -> exists("#startupRestore"));
        clickOk();
        waitFor(() -> exists("#infoDialog") && exists("#mainView"));
        clickOk();
        clickOn("#tab-customers");
        TableView<CustomerRow> customers = lookup("#customerTable").queryTableView();
        waitFor(() -> customers.getItems().size() == 3);
        try (var s = Files.list(books.resolve("backups"))) {
            assertThat(s.map(p -> p.getFileName().toString())).anyMatch(n -> n.endsWith("-before-restore.mv.db"));
        }
        assertThat(failedShown).isTrue();
        assertThat(spinning).isFalse();
    }

    /**
     * Issue 7, startup: the books opened early, as {@code launchApp} does before JavaFX starts; the main window's
     * content is then made on a spare thread while the FX thread shows the stage, and works like one made on it.
     */
    @Test
    void theUsualStartMakesTheMainWindowBesideJavaFxsStart() throws Exception {
        Path books = dir.resolve("books");
        try (Books b = Books.open(books, Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
        }
        HuikuanApp.madeOn = null;
        HuikuanApp.openEarly(books);
        HuikuanApp.earlyOpening().get(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#mainView"));
        assertThat(HuikuanApp.madeOn).isEqualTo("huikuan-prebuild");
        waitFor(() -> text("#dash-customers").equals("3"));
        assertThat(text("#dash-outstanding")).isEqualTo("¥410,000.00");
        clickOn("#tab-customers");
        TableView<CustomerRow> customers = lookup("#customerTable").queryTableView();
        waitFor(() -> customers.getItems().size() == 3);
    }

    /** How the app ends in these tests: noted in {@link #ended} instead of Platform.exit, which would end their toolkit. */
    private final AtomicBoolean ended = new AtomicBoolean();
    private static final Runnable REAL_EXIT = HuikuanApp.exit;
    private javafx.stage.Stage stage;

    /** The app started the usual way on the sample books in {@code books}, once its start's daily backup is done. */
    private HuikuanApp startOnSampleBooks(Path books) throws Exception {
        try (Books b = Books.open(books, Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
        }
        HuikuanApp.exit = () -> ended.set(true);
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#mainView"));
        HuikuanApp huikuan = (HuikuanApp) app;
        waitFor(() -> autoBackups(books) == 1 && huikuan.tasksIdle());
        return huikuan;
    }

    private void clickCloseButton() {
        interact(() -> stage.fireEvent(new javafx.stage.WindowEvent(stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    }

    @Test
    void closingTheWindowFinishesTheWorkAndBacksUpBeforeTheAppEnds() throws Exception {
        Path books = dir.resolve("books");
        HuikuanApp huikuan = startOnSampleBooks(books);
        // work under way when the window is closed (a save, an import): it finishes before the backup
        CountDownLatch release = new CountDownLatch(1);
        Books open = huikuan.books();
        interact(() -> huikuan.tasks().run("test: long work", p -> {
            release.await(UiTestBase.WAIT_SECONDS, TimeUnit.SECONDS);
            return open.customers().save(open.customers().newCustomer(PartyKind.ORGANISATION, "收尾建材有限公司"));
        }, x -> { }));
        clickCloseButton();
        waitFor(() -> exists("#closingNote"));
        assertThat(stage.isShowing()).as("the window stays up while it waits").isTrue();
        assertThat(stage.getScene().getRoot().isDisabled()).isTrue();
        assertThat(ended).isFalse();
        Screenshots.take(lookup("#closingNote").query(), "33-closing-note");
        clickCloseButton(); // a second click on the close button changes nothing
        long released = System.currentTimeMillis();
        release.countDown();
        waitFor(ended::get);
        assertThat(exists("#closingNote")).isFalse();
        // (taken within the same second as the start's daily backup, it is "…-auto.2.zip")
        assertThat(BackupService.list(books.resolve("backups"))).filteredOn(b -> b.label().equals("auto"))
                .filteredOn(b -> b.zip().toFile().lastModified() >= released).as("backed up after the work finished").hasSize(1);
    }

    @Test
    void closingBooksThatWereOnlyLookedAtTakesNoSecondBackup() throws Exception {
        // the start's daily backup holds the data; nothing changes after it, so the close does not copy it again
        Path books = dir.resolve("books");
        HuikuanApp huikuan = startOnSampleBooks(books);
        clickOn("#tab-customers");
        TableView<CustomerRow> customers = lookup("#customerTable").queryTableView();
        waitFor(() -> customers.getItems().size() == 3);
        waitFor(huikuan::tasksIdle);
        var daily = BackupService.list(books.resolve("backups"));
        clickCloseButton();
        waitFor(ended::get);
        // (rotation keeps one automatic backup a day: a new one would have replaced the daily one)
        assertThat(BackupService.list(books.resolve("backups"))).isEqualTo(daily);
    }

    private static long autoBackups(Path books) {
        return BackupService.list(books.resolve("backups")).stream().filter(b -> b.label().equals("auto")).count();
    }

    /** Issue 6: set a password in the app, delete the unencrypted backups, then start again: wrong, forgot, right. */
    @Test
    void aPasswordIsSetInTheAppAndAskedForAtTheNextStart() throws Exception {
        Path books = dir.resolve("books");
        try (Books b = Books.open(books, Clock.systemDefaultZone())) {
            SampleData.loadInto(b);
            b.backups().backupNow("manual");
        }
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#mainView"));
        waitFor(((HuikuanApp) app)::tasksIdle); // the day's backup: none, the manual one holds the same data

        clickOn("#passwordProtect");
        waitFor(() -> exists("#passwordDialog"));
        assertThat(exists("#passwordCurrent")).as("no current password to ask for yet").isFalse();
        clickOn("#passwordNew").write("short");
        clickOn("#passwordAgain").write("short");
        clickOn("#passwordDialogOk");
        assertThat(text("#passwordDialogError")).isEqualTo("密码至少需要 8 个字符。");
        retype("#passwordNew", "门店账本 2026");
        retype("#passwordAgain", "门店账本 2025");
        clickOn("#passwordDialogOk");
        assertThat(text("#passwordDialogError")).isEqualTo("两次输入的新密码不一致。");
        Screenshots.take(lookup("#passwordDialog").queryAs(Node.class), "28-password-set");
        retype("#passwordAgain", "门店账本 2026");
        clickOn("#passwordDialogOk");

        waitFor(() -> exists("#infoDialog") && exists("#mainView"));
        assertThat(lookup("#infoDialog .text-area").queryAs(TextInputControl.class).getText()).contains("已为账本设置密码");
        clickOk();
        waitFor(() -> exists("#confirmDialog"));
        clickOk(); // delete the backups taken before the password
        waitFor(() -> exists("#infoDialog"));
        assertThat(lookup("#infoDialog .text-area").queryAs(TextInputControl.class).getText()).startsWith("已删除 1 个未加密的备份");
        clickOk();
        assertThat(DataFolder.isEncrypted(books)).isTrue();
        assertThat(BackupService.list(books.resolve("backups")))
                .allMatch(BackupService.Backup::encrypted);

        FxToolkit.cleanupApplication(app); // closes the way a user does: backup on exit (encrypted), books closed
        app = FxToolkit.setupApplication(HuikuanApp.class);
        waitFor(() -> exists("#passwordPrompt"));
        assertThat(lookup("#passwordError").queryAs(Node.class).isVisible()).isFalse();
        clickOn("#passwordField").write("门店账本 2025");
        clickOn("#passwordOpen");
        waitFor(() -> exists("#passwordPrompt") && lookup("#passwordError").queryAs(Node.class).isVisible());
        assertThat(text("#passwordError")).startsWith("密码不正确");
        clickOn("#forgotPassword");
        waitFor(() -> lookup("#forgotText").queryAs(Node.class).isVisible());
        assertThat(text("#forgotText")).contains("任何人", "从设置密码之前的备份恢复");
        Screenshots.take(lookup("#passwordPrompt").queryAs(Node.class), "29-password-prompt");
        clickOn("#passwordField").write("门店账本 2026");
        clickOn("#passwordOpen");
        waitFor(() -> exists("#mainView"));
        clickOn("#tab-customers");
        TableView<CustomerRow> customers = lookup("#customerTable").queryTableView();
        waitFor(() -> customers.getItems().size() == 3);
    }
}
