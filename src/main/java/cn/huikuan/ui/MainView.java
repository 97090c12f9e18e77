package cn.huikuan.ui;

import cn.huikuan.application.BookFolders;
import java.nio.file.Path;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.control.ProgressBar;

import java.util.function.Consumer;
import cn.huikuan.application.BackupService;
import cn.huikuan.application.SearchService;
import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.logging.LogSetup;
import java.io.IOException;
import java.nio.file.Files;

/**
 * The main window: a tool bar with the common actions, tabs for the dashboard, customers, receivables and
 * each opened receivable, and a status bar that shows background work with a cancel button.
 */
public final class MainView extends BorderPane {
    private final AppContext ctx;
    private final TabPane tabs = new TabPane();
    private final DashboardView dashboard;
    /** Built when their tab is first shown (or first needed): the window opens faster without them (issue 7). */
    private CustomerListView customers;
    private ReceivableListView receivables;
    private final Tab customersTab;
    private final Tab receivablesTab;

    public MainView(AppContext ctx, Consumer<String> switchLanguage) {
        this(ctx, switchLanguage, null);
    }

    /** {@code restore} replaces the books with a backup and reopens them (the app's job: it owns the books). */
    public MainView(AppContext ctx, Consumer<String> switchLanguage, Consumer<Path> restore) {
        this(ctx, switchLanguage, restore, null);
    }

    /** {@code changePassword} closes, re-encrypts and reopens the books (the app's job too); null hides 密码保护. */
    public MainView(AppContext ctx, Consumer<String> switchLanguage, Consumer<Path> restore,
                    Consumer<PasswordDialog.Request> changePassword) {
        this(ctx, switchLanguage, restore, changePassword, null, null);
    }

    /**
     * {@code office} opens the 办公室服务器… dialog (the app's job: it closes these books and opens another); null hides
     * the button. {@code officePlace} names the office book open ("服务器 HOST · NAME（LOGIN）"), null on this computer's books.
     */
    MainView(AppContext ctx, Consumer<String> switchLanguage, Consumer<Path> restore,
             Consumer<PasswordDialog.Request> changePassword, Runnable office, String officePlace) {
        this.ctx = ctx;
        // an office book is backed up with its server and has no folder of books to restore or protect (team mode, issue 22)
        boolean onServer = ctx.books().onServer();
        ctx.changes().subscribe(this::refreshAll); // every write a view makes reloads the lists and open views
        setId("mainView");
        dashboard = new DashboardView(ctx, this);
        cn.huikuan.StartupTiming.mark("main view: dashboard");


        Label title = new Label(ctx.t("app.title"));
        title.getStyleClass().addAll("title-3", "app-title");
        Button newCustomer = new Button(ctx.t("action.newCustomer"));
        newCustomer.setId("newCustomer");
        newCustomer.setOnAction(e -> customers().createCustomer());
        Button newReceivable = new Button(ctx.t("action.newReceivable"));
        newReceivable.setId("newReceivable");
        newReceivable.setOnAction(e -> receivables().createReceivable(null));
        Button statement = new Button(ctx.t("statement.button"));   // issue 23: payments from a bank, WeChat or Alipay statement
        statement.setId("importStatement");
        statement.setOnAction(e -> StatementImportDialog.chooseAndOpen(ctx, getScene().getWindow()));
        Button creditor = new Button(ctx.t("action.creditorProfile"));
        creditor.setId("editCreditor");
        creditor.setOnAction(e -> editCreditor());
        Button rates = new Button(ctx.t("action.lpr"));
        rates.setId("editLpr");
        rates.setOnAction(e -> ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().legal().lpr(),
                table -> new LprDialog(ctx, getScene().getWindow(), table, ctx.changes()::publish).showAndWait().ifPresent(r -> ctx.changes().publish())));
        Button backup = new Button(ctx.t("action.backupNow"));
        backup.setId("backupNow");
        backup.setOnAction(e -> ctx.tasks().run(ctx.t("task.backup"), p -> ctx.books().backups().backupNow("manual"),
                zip -> ctx.dialogs().showInfo(getScene().getWindow(), ctx.t("backup.done.title"), ctx.t("backup.done", zip))));
        Button backupTo = new Button(ctx.t("backup.to"));
        backupTo.setId("backupTo");
        backupTo.setOnAction(e -> backupToFolder());
        Button restoreButton = new Button(ctx.t("action.restore"));
        restoreButton.setId("restoreBackup");
        showIf(restoreButton, restore != null && !onServer);
        showIf(backup, !onServer);
        showIf(backupTo, !onServer);
        restoreButton.setOnAction(e -> ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().backups().list(),
                list -> new RestoreDialog(ctx, getScene().getWindow(), list).showAndWait().ifPresent(zip -> {
                    if (ctx.dialogs().confirm(getScene().getWindow(), ctx.t("restore.confirm.title"), ctx.t("restore.confirm", zip.getFileName()))) {
                        restore.accept(zip);
                    }
                })));
        Button password = new Button(ctx.t("password.button"));
        password.setId("passwordProtect");
        showIf(password, changePassword != null && !onServer);
        Button officeButton = new Button(ctx.t("office.button"));
        officeButton.setId("officeServer");
        showIf(officeButton, office != null);
        officeButton.setOnAction(e -> office.run());
        password.setOnAction(e -> {
            boolean protectedNow = BookFolders.isEncrypted(ctx.books().folder());
            new PasswordDialog(ctx, getScene().getWindow(), protectedNow).showAndWait().ifPresent(changePassword);
        });
        bookSwitcher.setId("bookSwitcher");
        bookSwitcher.setConverter(EnumCombos.display((CreditorProfile p) -> p.getName()));
        bookSwitcher.setOnAction(e -> {
            CreditorProfile p = bookSwitcher.getValue();
            if (p != null && p.getId() != ctx.books().creditorId()) switchBook(p.getId());
        });
        Button newBook = new Button(ctx.t("book.new"));
        newBook.setId("newBook");
        newBook.setOnAction(e -> {
            String name = ctx.dialogs().ask(getScene().getWindow(), ctx.t("book.new"), ctx.t("book.new.prompt"));
            if (name == null || name.isBlank()) return;
            ctx.tasks().run(ctx.t("task.saving"), p -> ctx.books().createBook(name), this::switchBook);
        });
        reloadBooks();
        javafx.scene.control.TextField globalSearch = new javafx.scene.control.TextField();
        globalSearch.setId("globalSearch");
        globalSearch.setPromptText(ctx.t("search.prompt"));
        globalSearch.setPrefColumnCount(22);
        globalSearch.setOnAction(e -> search(globalSearch.getText()));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        ComboBox<String> language = new ComboBox<>();
        language.setId("language");
        language.getItems().addAll("中文", "English");
        language.getSelectionModel().select(ctx.i18n().language().equals("en") ? 1 : 0);
        language.setOnAction(e -> {
            String lang = language.getSelectionModel().getSelectedIndex() == 1 ? "en" : "zh";
            if (!lang.equals(ctx.i18n().language())) switchLanguage.accept(lang);
        });
        language.setAccessibleText("Language / 语言");
        ToolBar bar = new ToolBar(title, new Separator(), newCustomer, newReceivable, statement, creditor, rates, spacer,
                new Label(ctx.t("app.language")), language);
        // Second row: which book is open, and the search over it (a bookkeeper's two constant companions).
        Region spacer2 = new Region();
        HBox.setHgrow(spacer2, Priority.ALWAYS);
        // The books' safety (backups, restore, password) sits with the books: one tool bar row held every action and
        // overflowed at 1280 px in English (issue 21), cutting its last buttons off into the overflow menu.
        HBox books = new HBox(8, new Label(ctx.t("book.label")), bookSwitcher, newBook, new Separator(javafx.geometry.Orientation.VERTICAL),
                backup, backupTo, restoreButton, password, officeButton, spacer2, globalSearch);
        books.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        books.setPadding(new javafx.geometry.Insets(4, 8, 4, 8));
        books.getStyleClass().add("book-bar");
        setTop(new javafx.scene.layout.VBox(bar, books));

        tabs.setId("mainTabs");
        customersTab = fixedTab("tab-customers", ctx.t("tab.customers"), null);
        receivablesTab = fixedTab("tab-receivables", ctx.t("tab.receivables"), null);
        customersTab.setOnSelectionChanged(e -> {
            if (customersTab.isSelected()) customers();
        });
        receivablesTab.setOnSelectionChanged(e -> {
            if (receivablesTab.isSelected()) receivables();
        });
        Tab dashboardTab = fixedTab("tab-dashboard", ctx.t("tab.dashboard"), dashboard);
        // back on the dashboard: whatever was written meanwhile (a contact, a plan, an import) shows in the figures and the to-do list
        dashboardTab.setOnSelectionChanged(e -> {
            if (dashboardTab.isSelected()) dashboard.reloadIfChanged();
        });
        tabs.getTabs().addAll(dashboardTab, customersTab, receivablesTab);
        setCenter(tabs);

        Label statusText = new Label();
        statusText.setId("statusText");
        statusText.textProperty().bind(javafx.beans.binding.Bindings.when(ctx.tasks().runningProperty())
                .then(ctx.tasks().messageProperty())
                .otherwise(officePlace != null ? ctx.t("status.office", officePlace) : ctx.t("status.ready", ctx.books().folder())));
        ProgressBar progress = new ProgressBar();
        progress.setId("statusProgress");
        progress.setPrefWidth(160);
        progress.visibleProperty().bind(ctx.tasks().runningProperty());
        progress.progressProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(() -> {
            double p = ctx.tasks().progressProperty().get();
            return p <= 0 ? ProgressBar.INDETERMINATE_PROGRESS : p;
        }, ctx.tasks().progressProperty()));
        Button cancel = new Button(ctx.t("action.cancelTask"));
        cancel.setId("cancelTask");
        cancel.getStyleClass().add("small");
        cancel.visibleProperty().bind(ctx.tasks().runningProperty());
        cancel.setOnAction(e -> ctx.tasks().cancelAll());
        Region statusSpacer = new Region();
        HBox.setHgrow(statusSpacer, Priority.ALWAYS);
        // the log a user can send when something goes wrong (issue 21)
        javafx.scene.control.Hyperlink logs = new javafx.scene.control.Hyperlink(ctx.t("action.openLogs"));
        logs.setId("openLogs");
        logs.setOnAction(e -> {
            Path dir = LogSetup.folder(ctx.books().folder());
            try {
                Files.createDirectories(dir);
            } catch (IOException ex) {
                // shown as it is: the folder's parent is the data folder, which exists
            }
            ctx.dialogs().open(dir);
        });
        HBox status = new HBox(10, statusText, statusSpacer, progress, cancel, logs);
        status.setId("statusBar");
        status.getStyleClass().add("status-line");
        status.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setBottom(status);
        BorderPane.setMargin(tabs, new Insets(0));
        ctx.books().preMigrationBackup().ifPresent(p -> {
            statusText.textProperty().unbind();
            statusText.setText(ctx.t("status.migrated", p));
        });
    }

    private static void showIf(javafx.scene.Node n, boolean shown) {
        n.setVisible(shown);
        n.setManaged(shown);
    }

    public static String stylesheet() {
        return MainView.class.getResource("/cn/huikuan/ui/huikuan.css").toExternalForm();
    }

    private CustomerListView customers() {
        if (customers == null) {
            customers = new CustomerListView(ctx, this);
            customersTab.setContent(customers);
        }
        return customers;
    }

    private ReceivableListView receivables() {
        if (receivables == null) {
            receivables = new ReceivableListView(ctx, this);
            receivablesTab.setContent(receivables);
        }
        return receivables;
    }

    private static Tab fixedTab(String id, String text, javafx.scene.Node content) {
        Tab t = new Tab(text, content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }

    /** Opens (or brings forward) the detail tab of a receivable. */
    public void openReceivable(long id, String title) {
        for (Tab t : tabs.getTabs()) {
            if (Long.valueOf(id).equals(t.getUserData())) {
                tabs.getSelectionModel().select(t);
                return;
            }
        }
        ReceivableDetailView view = new ReceivableDetailView(ctx, this, id);
        Tab t = new Tab(title, view);
        t.setId("tab-receivable-" + id);
        t.setUserData(id);
        tabs.getTabs().add(t);
        tabs.getSelectionModel().select(t);
    }

    public void showTab(String id) {
        tabs.getTabs().stream().filter(t -> id.equals(t.getId())).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private final ComboBox<CreditorProfile> bookSwitcher = new ComboBox<>();

    /** Search across the book; the hits open their receivable (a customer without one opens the customer list). */
    private void search(String text) {
        if (text == null || text.isBlank()) return;
        ctx.tasks().run(ctx.t("search.running"), p -> ctx.books().search().search(text, 50), hits -> {
            javafx.scene.control.Dialog<SearchService.Hit> d = new javafx.scene.control.Dialog<>();
            d.initOwner(getScene().getWindow());
            d.setTitle(ctx.t("search.title"));
            d.setHeaderText(ctx.t("search.header", text.strip(), hits.size()));
            d.getDialogPane().setId("searchDialog");
            javafx.scene.control.ListView<SearchService.Hit> list = new javafx.scene.control.ListView<>();
            list.setId("searchResults");
            list.getItems().setAll(hits);
            list.setPlaceholder(new Label(ctx.t("search.none")));
            list.setPrefSize(640, 360);
            list.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
                @Override
                protected void updateItem(SearchService.Hit h, boolean empty) {
                    super.updateItem(h, empty);
                    setText(empty || h == null ? null : ctx.t("search.kind." + h.kind().name()) + "  " + h.title() + (h.detail().isEmpty() ? "" : "   " + h.detail()));
                }
            });
            Runnable open = () -> {
                SearchService.Hit h = list.getSelectionModel().getSelectedItem();
                if (h == null) return;
                d.close();
                if (h.receivableId() != null) openReceivable(h.receivableId(), h.title().split(" — ")[0]);
                else showTab("tab-customers");
            };
            list.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2) open.run();
            });
            list.setOnKeyPressed(e -> {
                if (e.getCode() == javafx.scene.input.KeyCode.ENTER) open.run();
            });
            d.getDialogPane().setContent(list);
            d.getDialogPane().getButtonTypes().add(new javafx.scene.control.ButtonType(ctx.t("action.close"),
                    javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE));
            d.show();
        });
    }

    private void reloadBooks() {
        ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().allBooks(), list -> {
            bookSwitcher.getItems().setAll(list);
            list.stream().filter(b -> b.getId() == ctx.books().creditorId()).findFirst().ifPresent(bookSwitcher::setValue);
        });
    }

    /** Opens another business's book: its own customers, receivables, evidence and journal. */
    private void switchBook(long id) {
        ctx.tasks().run(ctx.t("task.loading"), p -> {
            ctx.books().switchTo(id);
            return id;
        }, x -> {
            closeReceivableTabsAndRefresh();
            reloadBooks();
            tabs.getSelectionModel().selectFirst();
        });
    }

    /** After a customer's data was erased: close every receivable tab (some belonged to them), then reload. */
    public void closeReceivableTabsAndRefresh() {
        tabs.getTabs().removeIf(t -> t.getContent() instanceof ReceivableDetailView);
        ctx.changes().publish();
    }

    /** Something changed the books ({@link BooksChanged}, subscribed when this view is made): reload every list and open view. */
    private void refreshAll() {
        dashboard.reload();
        if (customers != null) customers.reload();
        if (receivables != null) receivables.reload();
        for (Tab t : tabs.getTabs()) {
            if (t.getContent() instanceof ReceivableDetailView d) d.reload();
        }
    }

    /**
     * 备份到…: a backup into a folder the user chooses (a USB stick), with the evidence files beside it, so that the
     * books survive the computer (issue 21: the dialog sent shop owners to the command line). A file of the same name
     * there is replaced only after asking.
     */
    private void backupToFolder() {
        Path dir = ctx.dialogs().chooseDirectory(getScene().getWindow(), ctx.t("backup.to.choose"));
        if (dir == null) return;
        ctx.tasks().run(ctx.t("task.backup"), p -> ctx.books().backups().backupFor(dir), o -> {
            boolean replace = false;
            if (o.exists()) {
                if (!ctx.dialogs().confirm(getScene().getWindow(), ctx.t("backup.to.exists.title"), ctx.t("backup.to.exists", o.target()))) {
                    ctx.dialogs().showInfo(getScene().getWindow(), ctx.t("backup.to.title"), ctx.t("backup.to.kept", o.target(), o.backup()));
                    return;
                }
                replace = true;
            }
            boolean overwrite = replace;
            ctx.tasks().run(ctx.t("task.backup"), p -> ctx.books().backups().copyOut(o, overwrite), zip -> ctx.dialogs().showInfo(
                    getScene().getWindow(), ctx.t("backup.done.title"), ctx.t("backup.to.done", zip)
                            + (BackupService.isEncrypted(zip) ? "\n" + ctx.t("backup.to.encrypted") : "")));
        });
    }

    private void editCreditor() {
        ctx.tasks().run(ctx.t("task.loading"), p -> ctx.books().creditor(), c -> {
            new CreditorDialog(ctx, getScene().getWindow(), c).showAndWait();
            reloadBooks();
        });
    }

    public ReceivableListView receivablesView() {
        return receivables();
    }

    public AppContext context() {
        return ctx;
    }
}
