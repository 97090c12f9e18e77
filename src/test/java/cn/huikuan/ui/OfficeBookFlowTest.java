package cn.huikuan.ui;

import cn.huikuan.TestClock;
import cn.huikuan.application.Books;
import cn.huikuan.application.ReceivableRow;
import cn.huikuan.application.SampleData;
import cn.huikuan.application.TeamAdmin;
import cn.huikuan.persistence.PostgresServer;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A bookkeeper opens a book of the office's PostgreSQL server from the window (team mode, issue 22): the real
 * application class on a real server: a wrong password is said in the dialog, the right one lists the book, 打开
 * shows its receivables without the folder-only actions, and 本机账本 goes back to this computer's books.
 */
class OfficeBookFlowTest extends FxRobot {
    static String url;
    static TeamAdmin.Book shop;
    /** A second book granted to the clerk, taken back by the owner in the middle of one test. */
    static TeamAdmin.Book taken;
    static TeamAdmin owner;

    @TempDir
    Path dir;
    Application app;
    String home;

    @BeforeAll
    static void anOfficeWithOneBookkeeperAndTheSample() throws Exception {
        url = PostgresServer.get().createDatabase("ui_office");
        TeamAdmin admin = TeamAdmin.connect(url, "postgres", PostgresServer.SUPERUSER_PASSWORD.toCharArray());
        admin.init();
        // roles are the cluster's, shared with the other office tests in this JVM: names of this test's own
        admin.addUser("ui_owner", TeamAdmin.Role.OWNER, "ui-owner-pw-1".toCharArray());
        owner = TeamAdmin.connect(url, "ui_owner", "ui-owner-pw-1".toCharArray());
        owner.addUser("ui_clerk", TeamAdmin.Role.BOOKKEEPER, "ui-clerk-pw-1".toCharArray());
        shop = owner.addBook("王氏建材");
        owner.grant("ui_clerk", shop.schema());
        taken = owner.addBook("李记餐饮");
        owner.grant("ui_clerk", taken.schema());
        Path pc = Files.createTempDirectory("huikuan-ui-office");
        try (Books b = Books.openOffice(pc, url, "ui_clerk", "ui-clerk-pw-1".toCharArray(), shop.schema(), TestClock.fixed())) {
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
        // this computer's books: there, and empty (the office book's three receivables cannot come from here)
        Books.open(dir.resolve("books"), TestClock.fixed()).close();
    }

    @AfterEach
    void stop() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        DialogService.resetExiting();
        System.clearProperty("huikuan.data");
        System.setProperty("user.home", home);
    }

    @Test
    void aBookkeeperOpensTheOfficeBookFromTheWindowAndGoesBackToThisComputersBooks() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        HuikuanApp huikuan = (HuikuanApp) app;
        waitFor(() -> exists("#mainView") && huikuan.books() != null);
        assertThat(huikuan.books().onServer()).isFalse();
        assertThat(visible("#backupNow")).isTrue();

        clickOn("#officeServer");
        waitFor(() -> exists("#officeDialog"));
        assertThat(exists("#officeLocal")).as("本机账本 is offered only on an office book").isFalse();
        String address = url.replaceFirst("^jdbc:postgresql://", "");   // HOST:PORT/DB, as an owner would write it down
        type("#officeAddress", address);
        type("#officeLogin", "ui_clerk");
        type("#officePassword", "not-the-password");
        clickOn("#officeConnect");
        waitFor(() -> !text("#officeError").isEmpty());
        assertThat(text("#officeError")).startsWith("服务器不接受这个用户名或密码");
        assertThat(exists("#officeDialog")).as("the dialog stays open for another try").isTrue();

        type("#officePassword", "ui-clerk-pw-1");
        clickOn("#officeConnect");
        ListView<TeamAdmin.Book> list = lookup("#officeBooks").queryListView();
        waitFor(() -> list.getItems().size() == 2);
        assertThat(text("#officeError")).isEmpty();
        assertThat(list.getItems()).extracting(TeamAdmin.Book::name).containsExactlyInAnyOrder("王氏建材", "李记餐饮");
        int wang = list.getItems().indexOf(shop);
        clickOn(lookup("#officeBooks .list-cell").nth(wang).queryAs(Node.class));
        assertThat(list.getSelectionModel().getSelectedItem()).isEqualTo(shop);
        Screenshots.take(lookup("#officeDialog").queryAs(Node.class), "43-office-open");
        clickOn("#officeOpen");

        waitFor(() -> huikuan.books() != null && huikuan.books().onServer() && exists("#mainView") && huikuan.tasksIdle());
        clickOn("#tab-receivables");
        TableView<ReceivableRow> table = lookup("#receivableTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);
        String place = "服务器 127.0.0.1 · 王氏建材（ui_clerk）";
        waitFor(() -> text("#statusText").contains(place));
        assertThat(UiTestBase.onFx(() -> ((javafx.stage.Stage) lookup("#mainView").query().getScene().getWindow()).getTitle())).contains(place);
        for (String folderOnly : new String[]{"#backupNow", "#backupTo", "#restoreBackup", "#passwordProtect"}) {
            assertThat(visible(folderOnly)).as(folderOnly).isFalse();
        }
        assertThat(visible("#officeServer")).isTrue();
        Screenshots.take(lookup("#mainView").queryAs(Node.class), "44-office-book");

        // back to this computer's books through the same button
        clickOn("#officeServer");
        waitFor(() -> exists("#officeLocal"));
        assertThat(text("#officeAddress")).isEqualTo(address);
        assertThat(text("#officeLogin")).isEqualTo("ui_clerk");
        clickOn("#officeLocal");
        waitFor(() -> huikuan.books() != null && !huikuan.books().onServer() && exists("#mainView") && huikuan.tasksIdle());
        assertThat(huikuan.books().folder()).isEqualTo(dir.resolve("books").toAbsolutePath().normalize());
        assertThat(visible("#backupNow")).isTrue();
        assertThat(text("#statusText")).doesNotContain("服务器");
    }

    @Test
    void inEnglishAt1280TheBookBarHoldsTheOfficeButtonBesideTheFolderActions() throws Exception {
        System.setProperty("huikuan.lang", "en");
        try {
            FxToolkit.registerPrimaryStage();
            app = FxToolkit.setupApplication(HuikuanApp.class);
            HuikuanApp huikuan = (HuikuanApp) app;
            waitFor(() -> exists("#mainView") && huikuan.books() != null && huikuan.tasksIdle());
            javafx.stage.Stage stage = (javafx.stage.Stage) lookup("#mainView").query().getScene().getWindow();
            interact(() -> stage.setWidth(1280));
            WaitForAsyncUtils.waitForFxEvents();
            Screenshots.take(lookup("#mainView").queryAs(Node.class), "office-en-1280");
            // every action of the book bar shows its whole label (none cut to "…"), and the search keeps its width
            var cut = UiTestBase.onFx(() -> lookup(".book-bar .button").queryAllAs(javafx.scene.control.Button.class).stream()
                    .filter(Node::isVisible).filter(b -> b.getWidth() + 0.5 < b.prefWidth(-1)).map(Labeled::getText).toList());
            assertThat(cut).isEmpty();
            assertThat(text("#officeServer")).isEqualTo("Office server…");
            TextInputControl search = lookup("#globalSearch").queryAs(TextInputControl.class);
            assertThat(UiTestBase.onFx(() -> search.getWidth() + 0.5 >= search.prefWidth(-1))).isTrue();

            clickOn("#officeServer");
            waitFor(() -> exists("#officeDialog"));
            type("#officeAddress", "127.0.0.1");   // no database: said before anything is sent
            clickOn("#officeConnect");
            waitFor(() -> !text("#officeError").isEmpty());
            assertThat(text("#officeError")).startsWith("This is not a server address");
            type("#officeAddress", url);   // the whole JDBC address is taken too
            type("#officeLogin", "ui_clerk");
            type("#officePassword", "not-the-password");
            clickOn("#officeConnect");
            waitFor(() -> text("#officeError").startsWith("The server does not accept"));
            Screenshots.take(lookup("#officeDialog").queryAs(Node.class), "office-en-dialog");
            clickOn("#officeCancel");
            waitFor(() -> !exists("#officeDialog"));
            assertThat(huikuan.books().onServer()).isFalse();
        } finally {
            System.clearProperty("huikuan.lang");
        }
    }

    @Test
    void aBookTakenBackBeforeItOpensBringsBackThisComputersBooksAndTheDialogSaysWhy() throws Exception {
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        HuikuanApp huikuan = (HuikuanApp) app;
        waitFor(() -> exists("#mainView") && huikuan.books() != null);
        clickOn("#officeServer");
        waitFor(() -> exists("#officeDialog"));
        type("#officeAddress", url.replaceFirst("^jdbc:postgresql://", ""));
        type("#officeLogin", "ui_clerk");
        type("#officePassword", "ui-clerk-pw-1");
        clickOn("#officeConnect");
        ListView<TeamAdmin.Book> list = lookup("#officeBooks").queryListView();
        waitFor(() -> list.getItems().contains(taken));
        interact(() -> list.getSelectionModel().select(taken));
        owner.revoke("ui_clerk", taken.schema());   // the owner takes the book back meanwhile
        try {
            clickOn("#officeOpen");
            waitFor(() -> exists("#officeDialog") && !text("#officeError").isEmpty());
            assertThat(text("#officeError")).startsWith("服务器上的这个账本打不开");
            assertThat(huikuan.books().onServer()).isFalse();
            assertThat(huikuan.books().folder()).isEqualTo(dir.resolve("books").toAbsolutePath().normalize());
            assertThat(text("#officeLogin")).isEqualTo("ui_clerk");
            clickOn("#officeCancel");
            waitFor(() -> !exists("#officeDialog"));
            assertThat(visible("#backupNow")).isTrue();
        } finally {
            owner.grant("ui_clerk", taken.schema());
        }
    }

    /** 办公室服务器… → address, login, password → 连接 → the shop's book → 打开, and the window on it. */
    void openTheShopFromTheDialog(HuikuanApp huikuan, String trigger) {
        clickOn(trigger);
        waitFor(() -> exists("#officeDialog"));
        type("#officeAddress", url.replaceFirst("^jdbc:postgresql://", ""));
        type("#officeLogin", "ui_clerk");
        type("#officePassword", "ui-clerk-pw-1");
        clickOn("#officeConnect");
        ListView<TeamAdmin.Book> list = lookup("#officeBooks").queryListView();
        waitFor(() -> list.getItems().contains(shop));
        interact(() -> list.getSelectionModel().select(shop));
        clickOn("#officeOpen");
        waitFor(() -> huikuan.books() != null && huikuan.books().onServer() && exists("#mainView") && huikuan.tasksIdle());
    }

    /** The app started again, as at the user's next start (the same JVM: its toolkit stays up). */
    HuikuanApp restart() throws Exception {
        if (app != null) FxToolkit.cleanupApplication(app);
        app = null;
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(HuikuanApp.class);
        return (HuikuanApp) app;
    }

    @Test
    void theNextStartOffersTheOfficeBookAgainAskingOnlyForThePasswordUntilTheUserGoesBackToThisComputer() throws Exception {
        HuikuanApp huikuan = restart();
        waitFor(() -> exists("#mainView") && huikuan.books() != null && huikuan.tasksIdle());
        openTheShopFromTheDialog(huikuan, "#officeServer");
        Path remembered = dir.resolve("books").resolve("office-book.properties");
        assertThat(remembered).exists();
        assertThat(Files.readString(remembered)).contains("ui_clerk", shop.schema()).doesNotContain("ui-clerk-pw-1");

        HuikuanApp second = restart();
        waitFor(() -> exists("#officeReopen"));
        assertThat(text("#officeReopenBook")).isEqualTo("服务器 127.0.0.1 · 王氏建材（ui_clerk）");
        assertThat(second.books()).as("nothing opens before the user answers").isNull();
        Screenshots.take(lookup("#officeReopen").queryAs(Node.class), "45-office-reopen");
        type("#officeReopenPassword", "not-the-password");
        clickOn("#officeReopenOpen");
        waitFor(() -> exists("#officeReopen") && !text("#officeReopenError").isEmpty());
        assertThat(text("#officeReopenError")).startsWith("服务器不接受这个用户名或密码");
        assertThat(second.books()).isNull();
        type("#officeReopenPassword", "ui-clerk-pw-1");
        clickOn("#officeReopenOpen");
        waitFor(() -> second.books() != null && second.books().onServer() && exists("#mainView") && second.tasksIdle());
        clickOn("#tab-receivables");
        TableView<ReceivableRow> table = lookup("#receivableTable").queryTableView();
        waitFor(() -> table.getItems().size() == 3);

        // 本机账本 from the office dialog: this computer's books now and at the next start
        clickOn("#officeServer");
        waitFor(() -> exists("#officeLocal"));
        clickOn("#officeLocal");
        waitFor(() -> second.books() != null && !second.books().onServer() && exists("#mainView") && second.tasksIdle());
        assertThat(remembered).doesNotExist();
        HuikuanApp third = restart();
        waitFor(() -> exists("#mainView") && third.books() != null && third.tasksIdle());
        assertThat(third.books().onServer()).isFalse();
        assertThat(exists("#officeReopen")).isFalse();
    }

    @Test
    void anUnreachableServerAtTheStartOpensThisComputersBooksSayingWhyAndIsOfferedAgainNextTime() throws Exception {
        String nowhere = url.replaceFirst(":\\d+/", ":1/");   // nothing listens on port 1
        Path folder = dir.resolve("books");
        cn.huikuan.application.BookFolders.rememberOffice(folder,
                new cn.huikuan.application.BookFolders.OfficePlace(nowhere, "ui_clerk", shop.schema(), "王氏建材", "zh"));
        HuikuanApp huikuan = restart();
        waitFor(() -> exists("#officeReopen"));
        type("#officeReopenPassword", "ui-clerk-pw-1");
        clickOn("#officeReopenOpen");
        waitFor(() -> exists("#officeFallback") && huikuan.books() != null && exists("#mainView"));
        String said = UiTestBase.onFx(() -> lookup("#officeFallback").queryAs(javafx.scene.control.DialogPane.class).getContentText());
        assertThat(said).contains("王氏建材", "连接不上办公室的服务器", "这台电脑上的账本");
        assertThat(huikuan.books().onServer()).isFalse();
        assertThat(huikuan.books().folder()).isEqualTo(folder.toAbsolutePath().normalize());
        clickOn(lookup("#officeFallback .button").queryAs(Node.class));
        waitFor(() -> !exists("#officeFallback") && huikuan.tasksIdle());
        assertThat(visible("#backupNow")).isTrue();

        // offered again at the next start; 本次用本机账本 opens this computer's books and keeps the offer
        HuikuanApp next = restart();
        waitFor(() -> exists("#officeReopen"));
        clickOn("#officeReopenLocal");
        waitFor(() -> next.books() != null && !next.books().onServer() && exists("#mainView") && next.tasksIdle());
        assertThat(cn.huikuan.application.BookFolders.rememberedOffice(folder)).isPresent();
    }

    @Test
    void theFirstRunScreenOpensABookOnTheOfficeServerAndTheNextStartOffersIt() throws Exception {
        Path fresh = dir.resolve("fresh");   // a computer without books of its own yet
        System.setProperty("huikuan.data", fresh.toString());
        HuikuanApp huikuan = restart();
        waitFor(() -> exists("#welcome") && exists("#welcomeOffice"));
        Screenshots.take(lookup("#welcome").queryAs(Node.class), "47-welcome-office");
        openTheShopFromTheDialog(huikuan, "#welcomeOffice");
        assertThat(cn.huikuan.application.BookFolders.rememberedOffice(fresh)).get()
                .satisfies(p -> assertThat(p.schema()).isEqualTo(shop.schema()));
        assertThat(cn.huikuan.application.BookFolders.holdsBooks(fresh)).as("no books of this computer were made").isFalse();
        HuikuanApp next = restart();
        waitFor(() -> exists("#officeReopen"));
        // 本次用本机账本 on a computer without books: the first run's screen
        clickOn("#officeReopenLocal");
        waitFor(() -> exists("#welcome"));
        assertThat(next.books()).isNull();
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
            String shown = lookup(".dialog-pane").queryAll().stream().map(n -> n.getId() + ": "
                    + (n instanceof javafx.scene.control.DialogPane d ? d.getHeaderText() + " / " + d.getContentText() : "")).toList().toString();
            throw new AssertionError("condition not reached within " + UiTestBase.WAIT_SECONDS + " s; dialogs shown: " + shown
                    + "; office error: " + text("#officeError"), e);
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
