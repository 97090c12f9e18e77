package cn.huikuan.ui;

import atlantafx.base.theme.PrimerLight;
import cn.huikuan.application.Books;
import cn.huikuan.application.SampleData;
import cn.huikuan.i18n.I18n;
import cn.huikuan.application.BookFolders;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.time.Clock;
import cn.huikuan.application.BackupService;
import cn.huikuan.logging.LogSetup;
import cn.huikuan.storage.DataFolderException;
import cn.huikuan.storage.DatabaseKey;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The desktop application. Opens the books in the background (the window shows progress meanwhile),
 * then shows the {@link MainView}. {@code -Dhuikuan.sample=true} loads the sample case into an empty book.
 */
public final class HuikuanApp extends Application {
    private Books books;
    private TaskRunner tasks;
    private Stage stage;
    private AppContext context;
    /** The key of password-protected books, kept for this session so that a restore or a password change can reopen them. */
    private volatile DatabaseKey key;
    /** A folder the user pointed the app at that already holds books: checked before it is first opened. */
    private volatile Path broughtIn;
    /** The office book open now (team mode, issue 22), null on this computer's books. */
    private volatile OfficeBook office;
    /** The office book last chosen in this session: its address and login fill the dialog next time. */
    private OfficeBook lastOffice;
    /** Run once the main window shows after the next {@link #openBooks}. */
    private Consumer<AppContext> afterOpen;

    /**
     * The books of the usual start, opened in the background while JavaFX starts (issue 7: the window should not
     * wait for the toolkit and the database one after the other). Only when nothing has to be asked first: the
     * folder holds books, they have no password, and no sample is to be loaded.
     */
    private static volatile CompletableFuture<Books> early;
    private static volatile Path earlyFolder;
    /** Set when the early open found the database needs upgrading (it then takes a backup and migrates). */
    private static volatile boolean earlyUpgrading;

    public static void launchApp() {
        Path folder = BookFolders.defaultLocation();
        openEarly(folder);
        // the rolling log file in the data folder (issue 21), set up beside the start
        Thread logs = new Thread(() -> LogSetup.toFolder(folder), "huikuan-log-setup");
        logs.setDaemon(true);
        logs.start();
        Application.launch(HuikuanApp.class);
    }

    /** Starts opening the books in {@code folder} on their own thread, if nothing has to be asked first (see above). */
    static void openEarly(Path folder) {
        if (BookFolders.holdsBooks(folder) && !BookFolders.isEncrypted(folder) && !Boolean.getBoolean("huikuan.sample")
                && BookFolders.rememberedOffice(folder).isEmpty()) {   // an office book opened last: the start asks for it first
            CompletableFuture<Books> f = new CompletableFuture<>();
            Thread t = new Thread(() -> {
                try {
                    f.complete(Books.open(folder, Clock.systemDefaultZone(), null, () -> earlyUpgrading = true));
                } catch (Throwable e) {
                    f.completeExceptionally(e);
                }
            }, "huikuan-open-early");
            t.setDaemon(true);
            earlyFolder = folder;
            early = f;
            t.start();
        }
    }

    /** The early-opened books if they are for {@code folder} (taken once), else null. */
    private static CompletableFuture<Books> takeEarly(Path folder) {
        var f = early;
        early = null;
        if (f != null && !folder.equals(earlyFolder)) {
            f.thenAccept(Books::close);
            return null;
        }
        return f;
    }

    @Override
    public void start(Stage stage) {
        DialogService.resetExiting(); // a new start is not exiting, even after an earlier instance in this JVM stopped
        cn.huikuan.StartupTiming.mark("JavaFX start()");
        this.stage = stage;
        stage.setOnCloseRequest(this::closeRequested);
        Path folder = BookFolders.defaultLocation();
        var prebuilding = prebuild(folder);
        installTheme();
        cn.huikuan.StartupTiming.mark("theme");
        String lang = System.getProperty("huikuan.lang", "zh");
        useLocale(I18n.forLanguage(lang));
        stage.setTitle(I18n.forLanguage(lang).t("app.title"));
        var icon = HuikuanApp.class.getResource("/cn/huikuan/ui/icon.png");
        if (icon != null) stage.getIcons().add(new Image(icon.toExternalForm(), true)); // decoded in the background
        boolean sample = Boolean.getBoolean("huikuan.sample");
        var remembered = sample ? Optional.<BookFolders.OfficePlace>empty() : BookFolders.rememberedOffice(folder);
        if (remembered.isPresent()) {
            // an office book was open last (team mode, issue 22): offered again, its password asked for (never kept here)
            discard(prebuilding);
            BookFolders.OfficePlace place = remembered.get();
            I18n i18n = I18n.forLanguage(System.getProperty("huikuan.lang", place.language() == null ? lang : place.language()));
            useLocale(i18n);
            stage.setTitle(i18n.t("app.title"));
            stage.setScene(new Scene(new Label(), 1200, 780));
            UiFont.apply(stage.getScene());
            OfficeBook book = new OfficeBook(place.url(), place.login(), place.schema(), place.name());
            lastOffice = book;
            showSplash(i18n.t("office.opening", book.label(i18n)));
            stage.show();
            Platform.runLater(() -> reopenOffice(book, folder, i18n, null));
            return;
        }
        if (!BookFolders.holdsBooks(folder) && !sample && !Boolean.getBoolean("huikuan.noWelcome")) {
            stage.setScene(new Scene(new Label(), 1200, 780));
            UiFont.apply(stage.getScene());
            welcome(folder, lang);
            stage.show();
            return;
        }
        stage.setScene(new Scene(new Label(), 1200, 780));
        UiFont.apply(stage.getScene());
        cn.huikuan.StartupTiming.mark("scene");
        stage.show(); // the window appears while the books finish opening
        cn.huikuan.StartupTiming.mark("stage shown");
        Books ready = earlyIfReadySoon(folder);
        if (ready != null) {
            showMain(ready, prebuilding); // the usual start: straight to the main window, no splash in between
            return;
        }
        discard(prebuilding);
        openBooks(folder, sample, null);
    }

    /**
     * The early-opened books, if they open within a second (they usually are open by the time JavaFX starts);
     * otherwise, or if opening failed, null, and {@link #openBooks} shows the splash and handles the outcome.
     */
    private static Books earlyIfReadySoon(Path folder) {
        var f = early;
        if (f == null || !folder.equals(earlyFolder)) return null;
        try {
            Books b = f.get(1, TimeUnit.SECONDS);
            early = null;
            return b;
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** First run: language, data folder, sample case, tour (issue 6). */
    private void welcome(Path folder, String lang) {
        I18n i18n = I18n.forLanguage(lang);
        useLocale(i18n);
        stage.setTitle(i18n.t("app.title"));
        WelcomeView view = new WelcomeView(i18n, folder, new DialogService(getHostServices()), l -> welcome(folder, l), choice -> {
            if (!choice.folder().toAbsolutePath().normalize().equals(folder.toAbsolutePath().normalize())) {
                if (BookFolders.holdsBooks(choice.folder())) broughtIn = choice.folder();
                LogSetup.toFolder(choice.folder());
                try {
                    BookFolders.remember(choice.folder());
                } catch (IOException e) {
                    new DialogService(getHostServices()).showError(stage, i18n.t("welcome.folderError"), e.getMessage());
                    return;
                }
            }
            openBooks(choice.folder(), choice.sample(), choice.language());
        }, choice -> officeFromWelcome(folder, choice, null));
        view.getStylesheets().add(MainView.stylesheet());
        stage.getScene().setRoot(view);
    }

    private void openBooks(Path folder, boolean sample, String firstRunLanguage) {
        openBooks(folder, sample, firstRunLanguage, null);
    }

    /**
     * 办公室服务器上的账本… on the first run's screen (team mode, issue 22): the office dialog, then the book it names.
     * The folder chosen on the screen is remembered as for this computer's books (its settings remember the office book);
     * a book that does not open brings the first run's screen back with the dialog saying why.
     */
    private void officeFromWelcome(Path shown, WelcomeView.Choice choice, String problem) {
        I18n i18n = I18n.forLanguage(choice.language());
        OfficeBook fill = lastOffice;
        String address = fill == null ? "" : fill.url().replaceFirst("^jdbc:postgresql://", "");
        var answer = new OfficeDialog(i18n, stage, null, address, fill == null ? "" : fill.login(), problem).showAndWait();
        if (answer.isEmpty() || !(answer.get() instanceof OfficeDialog.Open open)) return;
        if (!choice.folder().toAbsolutePath().normalize().equals(shown.toAbsolutePath().normalize())) {
            try {
                BookFolders.remember(choice.folder());
            } catch (IOException e) {
                Arrays.fill(open.password(), '\0');
                new DialogService(getHostServices()).showError(stage, i18n.t("welcome.folderError"), e.getMessage());
                return;
            }
        }
        lastOffice = open.book();
        openOffice(open.book(), open.password(), i18n, choice.language(), why -> {
            welcome(choice.folder(), choice.language());
            Platform.runLater(() -> officeFromWelcome(choice.folder(), choice, why));
        });
    }

    /**
     * The start's question for the office book opened last (see {@link OfficeReopenDialog}): its password opens it; 本次用本机账本
     * opens this computer's books. A wrong password is asked again; a server that does not answer, or a book no longer
     * granted, opens this computer's books and says why ({@link #fallBackToThisComputer}).
     */
    private void reopenOffice(OfficeBook book, Path folder, I18n i18n, String problem) {
        if (DialogService.exiting()) return;
        char[] password = new OfficeReopenDialog(i18n, stage, book, problem).showAndWait().orElse(null);
        if (password == null) {
            openThisComputersBooks(folder, i18n.language());
            return;
        }
        openOffice(book, password, i18n, null, why -> {
            Throwable cause = lastOfficeFailure;
            if (cause instanceof DataFolderException df && df.reason() == DataFolderException.Reason.SERVER_LOGIN) {
                showSplash(i18n.t("office.opening", book.label(i18n)));
                Platform.runLater(() -> reopenOffice(book, folder, i18n, why));
            } else {
                fallBackToThisComputer(book, folder, i18n, why);
            }
        });
    }

    /** This computer's books, or the first run's screen when this computer has none yet. */
    private void openThisComputersBooks(Path folder, String language) {
        if (BookFolders.holdsBooks(folder)) {
            openBooks(folder, false, null);
        } else {
            welcome(folder, language);
        }
    }

    /**
     * The office book did not open at the start (the server does not answer, the book is no longer granted): this
     * computer's books open instead, and a message says why and how to get back to the office book. The office book
     * is still offered at the next start.
     */
    private void fallBackToThisComputer(OfficeBook book, Path folder, I18n i18n, String why) {
        String text = i18n.t("office.fallback", book.label(i18n), why);
        Runnable tell = () -> {
            Alert a = new Alert(Alert.AlertType.WARNING, text, ButtonType.OK);
            a.initOwner(stage);
            UiFont.apply(a);
            a.setHeaderText(i18n.t("office.fallback.title"));
            a.getDialogPane().setId("officeFallback");
            a.getDialogPane().setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            a.show();
        };
        if (BookFolders.holdsBooks(folder)) {
            afterOpen = ctx -> Platform.runLater(tell);
            openBooks(folder, false, null);
        } else {
            welcome(folder, i18n.language());
            Platform.runLater(tell);
        }
    }

    /**
     * Opens the books in the background behind a splash; {@code firstRunLanguage} non-null after the welcome.
     * Password-protected books need {@code password} (just typed, cleared here) or the session's key; without
     * either, or when it does not open them, the password is asked for.
     */
    private void openBooks(Path folder, boolean sample, String firstRunLanguage, char[] password) {
        I18n bootI18n = I18n.forLanguage(firstRunLanguage != null ? firstRunLanguage : System.getProperty("huikuan.lang", "zh"));
        if (password == null && key == null && BookFolders.isEncrypted(folder)) {
            Platform.runLater(() -> askPassword(folder, null)); // after start() returns and the window shows
            return;
        }
        Label opening = showSplash(bootI18n.t("app.opening", folder));
        var opened = password == null && !sample && firstRunLanguage == null ? takeEarly(folder) : null;
        String upgrading = bootI18n.t("app.upgrading", folder);
        Task<Books> open = new Task<>() {
            @Override
            protected Books call() {
                if (opened != null) {
                    try {
                        while (true) {
                            if (earlyUpgrading) updateMessage(upgrading);
                            try {
                                return opened.get(200, TimeUnit.MILLISECONDS);
                            } catch (TimeoutException notYet) {
                                // still opening
                            }
                        }
                    } catch (ExecutionException e) {
                        if (e.getCause() instanceof RuntimeException re) throw re;
                        throw new IllegalStateException(e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException(e);
                    }
                }
                if (password != null) {
                    try {
                        key = DatabaseKey.fromPassword(password);
                    } finally {
                        Arrays.fill(password, '\0');
                    }
                }
                if (broughtIn != null && broughtIn.equals(folder)) {
                    // books from elsewhere (a USB stick, another computer's folder): read their schema at the storage level
                    // before H2 opens the file as a database, which would run what it defines (issue 24)
                    BookFolders.checkBroughtIn(folder, key);
                    broughtIn = null;
                }
                Books b = Books.open(folder, Clock.systemDefaultZone(), key, () -> updateMessage(upgrading));
                try {
                    if (firstRunLanguage != null) b.settings().setLanguage(firstRunLanguage);
                    if (sample) SampleData.loadInto(b);
                } catch (RuntimeException e) {
                    b.close();
                    throw e;
                }
                return b;
            }
        };
        open.setOnSucceeded(e -> {
            if (DialogService.exiting()) { // the app ended while the books were opening: close them, show nothing
                open.getValue().close();
                return;
            }
            showMain(open.getValue(), null);
            if (firstRunLanguage != null && !sample) askForProfile();
        });
        open.setOnFailed(e -> {
            if (DialogService.exiting()) return;
            Throwable error = open.getException();
            if (error instanceof DataFolderException pf
                    && (pf.reason() == DataFolderException.Reason.WRONG_PASSWORD
                    || pf.reason() == DataFolderException.Reason.PASSWORD_REQUIRED)) {
                key = null;
                askPassword(folder, pf.reason() == DataFolderException.Reason.WRONG_PASSWORD
                        ? bootI18n.t("password.prompt.wrong") : null);
                return;
            }
            // the books did not open: the splash's spinner goes (it would spin, and cost CPU, behind the alert until clicked)
            showSplash(bootI18n.t("app.cannotOpen"), false);
            List<BackupService.Backup> backups = List.of();
            boolean damaged = error instanceof DataFolderException df
                    && (df.reason() == DataFolderException.Reason.CORRUPT
                    || df.reason() == DataFolderException.Reason.MIGRATION_FAILED);
            if (damaged) {
                try {
                    backups = BackupService.list(folder.resolve("backups"));
                } catch (RuntimeException ignored) {
                    // no readable backups: the plain error below
                }
            }
            ButtonType restore = new ButtonType(bootI18n.t("action.restore"), javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            Alert a = backups.isEmpty()
                    ? new Alert(Alert.AlertType.ERROR, ErrorMessages.describe(error, bootI18n), ButtonType.OK)
                    : new Alert(Alert.AlertType.ERROR, ErrorMessages.describe(error, bootI18n) + "\n\n" + bootI18n.t("app.offerRestore"),
                    restore, ButtonType.CLOSE);
            a.setHeaderText(bootI18n.t("app.cannotOpen"));
            UiFont.apply(a);
            a.getDialogPane().setId("startupError");
            var answer = a.showAndWait();
            if (answer.isPresent() && answer.get() == restore && restoreAtStartup(folder, backups, bootI18n)) return;
            Platform.exit();
        });
        open.messageProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) opening.setText(now);
        });
        runInBackground(open, "huikuan-open");
    }

    /**
     * The way out when the books cannot open (damaged, or the password is lost): pick a backup (newest first),
     * restore it, open again. Returns false if nothing was restored.
     */
    private boolean restoreAtStartup(Path folder, List<BackupService.Backup> backups, I18n i18n) {
        javafx.scene.control.ChoiceDialog<BackupService.Backup> pick =
                new javafx.scene.control.ChoiceDialog<>(backups.get(0), backups);
        pick.setHeaderText(i18n.t("restore.header"));
        UiFont.apply(pick);
        pick.getDialogPane().setId("startupRestore");
        var chosen = pick.showAndWait();
        if (chosen.isEmpty()) return false;
        restoreThenOpen(folder, chosen.get().zip(), key, false, i18n);
        return true;
    }

    /** Password-protected books: ask for the password ({@code error} says why again), or restore, or quit. */
    private void askPassword(Path folder, String error) {
        I18n i18n = I18n.forLanguage(System.getProperty("huikuan.lang", "zh"));
        List<BackupService.Backup> backups;
        try {
            backups = BackupService.list(folder.resolve("backups"));
        } catch (RuntimeException e) {
            backups = List.of();
        }
        var answer = new PasswordPrompt(i18n, stage, folder, error, !backups.isEmpty()).showAndWait();
        PasswordPrompt.Choice choice = answer.map(PasswordPrompt.Answer::choice).orElse(PasswordPrompt.Choice.QUIT);
        switch (choice) {
            case OPEN -> openBooks(folder, false, null, answer.get().password());
            case RESTORE -> {
                if (!restoreAtStartup(folder, backups, i18n)) askPassword(folder, null);
            }
            default -> Platform.exit();
        }
    }

    /**
     * 密码保护: set, change or remove the password (issue 6). Like a restore, the books are closed first; the
     * database is re-encrypted into a copy and swapped in atomically, then reopened with the new key. After a
     * password is set, older unencrypted backups are offered for deletion.
     */
    private void changePassword(PasswordDialog.Request request) {
        Path root = books.folder();
        I18n i18n = context.i18n();
        closeBooks();
        showSplash(i18n.t("password.working"));
        Task<Optional<DatabaseKey>> work = new Task<>() {
            @Override
            protected Optional<DatabaseKey> call() {
                try {
                    var oldKey = request.current() == null ? null : DatabaseKey.fromPassword(request.current());
                    var newKey = request.newPassword() == null ? null : DatabaseKey.fromPassword(request.newPassword());
                    BookFolders.changePassword(root, oldKey, newKey);
                    return Optional.ofNullable(newKey);
                } finally {
                    if (request.current() != null) Arrays.fill(request.current(), '\0');
                    if (request.newPassword() != null) Arrays.fill(request.newPassword(), '\0');
                }
            }
        };
        work.setOnSucceeded(e -> {
            key = work.getValue().orElse(null);
            String done = request.removes() ? "password.done.removed" : request.sets() ? "password.done.set" : "password.done.changed";
            afterOpen = ctx -> {
                ctx.dialogs().showInfo(stage, i18n.t("password.done.title"), i18n.t(done));
                if (request.removes()) return;
                ctx.tasks().run(i18n.t("task.loading"), p -> ctx.books().backups().countUnprotected(), n -> {
                    if (n > 0 && ctx.dialogs().confirm(stage, i18n.t("password.unprotected.title"), i18n.t("password.unprotected", n))) {
                        ctx.tasks().run(i18n.t("task.saving"), p -> ctx.books().backups().deleteUnprotected(),
                                deleted -> ctx.dialogs().showInfo(stage, i18n.t("password.done.title"), i18n.t("password.unprotected.deleted", deleted.size())));
                    }
                });
            };
            openBooks(root, false, null);
        });
        work.setOnFailed(e -> {
            new DialogService(getHostServices()).showError(stage, i18n.t("password.failed"), ErrorMessages.describe(work.getException(), i18n));
            openBooks(root, false, null);
        });
        runInBackground(work, "huikuan-password");
    }

    /**
     * 办公室服务器…: the dialog that lists the books of an office's server (team mode, issue 22); {@code problem}, when
     * not null, says why the last try did not open. Opening one closes the current books; 本机账本 goes back to the
     * data folder's.
     */
    private void showOfficeDialog(String problem) {
        I18n i18n = context.i18n();
        OfficeBook fill = office != null ? office : lastOffice;
        String address = fill == null ? "" : fill.url().replaceFirst("^jdbc:postgresql://", "");
        var answer = new OfficeDialog(i18n, stage, office, address, fill == null ? "" : fill.login(), problem).showAndWait();
        if (answer.isEmpty()) return;
        if (answer.get() instanceof OfficeDialog.Open open) {
            lastOffice = open.book();
            openOffice(open.book(), open.password(), i18n, i18n.language(), why -> {
                afterOpen = ctx -> Platform.runLater(() -> showOfficeDialog(why));
                openBooks(BookFolders.defaultLocation(), false, null);
            });
        } else if (answer.get() instanceof OfficeDialog.Local) {
            closeBooks();
            office = null;
            try {
                BookFolders.forgetOffice(BookFolders.defaultLocation());   // the next start opens this computer's books too
            } catch (IOException e) {
                LoggerFactory.getLogger(HuikuanApp.class).warn("Could not forget the office book: {}", e.toString());
            }
            openBooks(BookFolders.defaultLocation(), false, null);
        }
    }

    /** Why the last office book did not open (read by the failure's handler, on the FX thread). */
    private Throwable lastOfficeFailure;

    /**
     * Closes the current books (if any) and opens {@code book} on its server in the background, behind the splash; the
     * password is cleared once used. {@code language}, when not null, becomes the book's window language on this computer.
     * Once open, the book is remembered for the next start (never its password); if it does not open, {@code failed} gets
     * the reason in a sentence ({@link #lastOfficeFailure} the exception).
     */
    private void openOffice(OfficeBook book, char[] password, I18n i18n, String language, Consumer<String> failed) {
        if (books != null) closeBooks();
        office = null;
        Label splash = showSplash(i18n.t("office.opening", book.label(i18n)));
        Task<Books> open = new Task<>() {
            @Override
            protected Books call() {
                Books b;
                try {
                    b = Books.openOffice(book.url(), book.login(), password, book.schema(), Clock.systemDefaultZone());
                } finally {
                    Arrays.fill(password, '\0');
                }
                try {
                    if (language != null) b.settings().setLanguage(language);   // this computer's folder for the book: the window keeps its language
                } catch (RuntimeException e) {
                    b.close();
                    throw e;
                }
                return b;
            }
        };
        open.setOnSucceeded(e -> {
            if (DialogService.exiting()) {
                open.getValue().close();
                return;
            }
            office = book;
            Books b = open.getValue();
            try {
                BookFolders.rememberOffice(BookFolders.defaultLocation(), new BookFolders.OfficePlace(book.url(), book.login(), book.schema(),
                        book.name(), windowLanguage(b).language()));
            } catch (IOException | RuntimeException x) {
                LoggerFactory.getLogger(HuikuanApp.class).warn("Could not remember the office book for the next start: {}", x.toString());
            }
            showMain(b, null);
        });
        open.setOnFailed(e -> {
            if (DialogService.exiting()) return;
            LoggerFactory.getLogger(HuikuanApp.class).warn("Office book did not open", open.getException());
            lastOfficeFailure = ErrorMessages.unwrap(open.getException());
            String why = ErrorMessages.describe(open.getException(), i18n);
            splash.setText(why);
            failed.accept(why);
        });
        runInBackground(open, "huikuan-open-office");
    }

    /** Before a restore or a password change replaces the database file: running work finishes, then the books close. */
    private void closeBooks() {
        tasks.finishAndStop(10);
        tasks = null;
        stopCourtImages();
        books.close();
        books = null;
    }

    /** A progress spinner with {@code text} in place of the window's content; returns the text's label. */
    private Label showSplash(String text) {
        return showSplash(text, true);
    }

    /** The splash saying {@code text}; with the spinner while something runs, without it once opening has stopped. */
    private Label showSplash(String text, boolean working) {
        Label label = new Label(text);
        // long messages (the upgrade one names the folder) wrap instead of running off the window
        label.setWrapText(true);
        label.setMaxWidth(640);
        label.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        VBox splash = working ? new VBox(16, new ProgressIndicator(), label) : new VBox(label);
        if (!working) splash.setId("splashFailed");
        splash.setAlignment(Pos.CENTER);
        stage.getScene().setRoot(splash);
        return label;
    }

    private static void runInBackground(Task<?> work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * 从备份恢复 in the app: finish the running tasks, close the books, restore the backup (the current database
     * is set aside, never deleted), reopen and say where the old database went. If the restore fails, the books
     * are reopened as they were.
     */
    private void restore(Path zip) {
        Path root = books.folder();
        I18n i18n = context.i18n();
        closeBooks();
        restoreThenOpen(root, zip, key, false, i18n);
    }

    /**
     * Restores {@code zip} into {@code root} (books closed) in the background, with {@code tryKey} for a backup that has a
     * password; asks for the backup's password when that does not open it, then opens the books. A refused backup is
     * said in a sentence and the books open as they were.
     */
    private void restoreThenOpen(Path root, Path zip, DatabaseKey tryKey, boolean askedBefore, I18n i18n) {
        Label splash = showSplash(i18n.t("restore.running", zip.getFileName()));
        Task<Path> work = new Task<>() {
            @Override
            protected Path call() {
                return BookFolders.restore(root, zip, tryKey,
                        step -> updateMessage(i18n.t("restore.running", zip.getFileName()) + "\n" + i18n.t("restore.step", step)));
            }
        };
        work.messageProperty().addListener((o, was, now) -> {
            if (now != null && !now.isEmpty()) splash.setText(now);
        });
        work.setOnSucceeded(e -> {
            Path aside = work.getValue();
            if (tryKey != null) key = tryKey; // a backup with a password is restored under it
            openBooks(root, false, null);
            new DialogService(getHostServices()).showInfo(stage, i18n.t("restore.done.title"), aside == null
                    ? i18n.t("restore.done.new", zip.getFileName()) : i18n.t("restore.done", zip.getFileName(), aside));
        });
        work.setOnFailed(e -> {
            Throwable ex = work.getException();
            if (ex instanceof DataFolderException df
                    && (df.reason() == DataFolderException.Reason.PASSWORD_REQUIRED
                    || df.reason() == DataFolderException.Reason.WRONG_PASSWORD)) {
                boolean wrong = df.reason() == DataFolderException.Reason.WRONG_PASSWORD && (tryKey != null);
                var pw = new BackupPasswordDialog(i18n, stage, zip, wrong && askedBefore).showAndWait();
                if (pw.isPresent() && pw.get() != null) {
                    DatabaseKey backupKey;
                    try {
                        backupKey = DatabaseKey.fromPassword(pw.get());
                    } finally {
                        Arrays.fill(pw.get(), '\0');
                    }
                    restoreThenOpen(root, zip, backupKey, true, i18n);
                    return;
                }
                openBooks(root, false, null);
                return;
            }
            new DialogService(getHostServices()).showError(stage, i18n.t("restore.failed"), ErrorMessages.describe(ex, i18n));
            openBooks(root, false, null);
        });
        runInBackground(work, "huikuan-restore");
    }

    private volatile AtomicBoolean courtImagesStop = new AtomicBoolean();
    private volatile Thread courtImagesThread;

    /**
     * Makes missing court images of photos in the background (issue 4): books upgraded from before they existed
     * or restored from a backup get them soon after opening, so a bundle need not decode photos itself.
     */
    private void startCourtImages(Books b) {
        stopCourtImages();
        var stopFlag = new AtomicBoolean();
        courtImagesStop = stopFlag;
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < 30 && !stopFlag.get(); i++) Thread.sleep(100); // let the first lists load first
                int n = b.courtImages().prepareMissing(stopFlag::get);
                if (n > 0) LoggerFactory.getLogger(HuikuanApp.class).info("Court images made for {} photos", n);
            } catch (InterruptedException e) {
                // stopping
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(HuikuanApp.class).warn("Court images: {}", e.toString());
            }
        }, "huikuan-court-images");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        courtImagesThread = t;
        t.start();
    }

    /** Before the books close: the background court images stop (the current photo is finished). */
    private void stopCourtImages() {
        courtImagesStop.set(true);
        Thread t = courtImagesThread;
        courtImagesThread = null;
        if (t == null) return;
        // no interrupt: an interrupted thread inside H2 file I/O can close the database file under everyone
        try {
            t.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** After the welcome: the business profile, which every document prints (skippable; 我的企业信息 later). */
    private void askForProfile() {
        AppContext ctx = context;
        ctx.tasks().run(ctx.t("task.loading"), p -> books.creditor(), c -> new CreditorDialog(ctx, stage, c).show());
    }

    static void installTheme() {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
    }

    /** The main window's language: {@code -Dhuikuan.lang} if given, else the books' setting. */
    private static I18n windowLanguage(Books b) {
        return I18n.forLanguage(System.getProperty("huikuan.lang", b.settings().language()));
    }

    private void showMain(Books b, CompletableFuture<Prepared> prebuilding) {
        this.books = b;
        Prepared made = null;
        if (prebuilding != null) {
            try {
                made = prebuilding.get();
            } catch (ExecutionException | InterruptedException e) {
                LoggerFactory.getLogger(HuikuanApp.class).warn("Main window not made beside JavaFX's start; making it now", e);
            }
        }
        if (made != null && made.context().books() == b) attach(made);
        else build(windowLanguage(b));
        if (afterOpen != null) {
            var then = afterOpen;
            afterOpen = null;
            then.accept(context);
        }
        // the daily backup copies the whole database: after the window is usable, in the background
        tasks.run(I18n.forLanguage(b.settings().language()).t("task.backup"), p -> b.backups().dailyIfDue(), zip -> { });
        cn.huikuan.StartupTiming.markLast("main window built");
        b.warmUp(); // Hibernate boots now, after the window is built, for the editors' first use
        startCourtImages(b);
        smokeTest();
    }

    /**
     * {@code HUIKUAN_SMOKE_TEST=SECONDS} (or {@code -Dhuikuan.smokeTest=SECONDS}): the installer check of issue 6
     * starts the installed app under Xvfb, lets it show the main window for that long, then closes it the
     * normal way (tasks finished, backup on exit, books closed). Prints one line each way for the script.
     */
    private void smokeTest() {
        String s = System.getProperty("huikuan.smokeTest", System.getenv("HUIKUAN_SMOKE_TEST"));
        if (s == null || s.isBlank()) return;
        double seconds;
        try {
            seconds = Double.parseDouble(s.strip());
        } catch (NumberFormatException e) {
            return;
        }
        System.out.println("huikuan smoke test: main window shown (" + stage.getWidth() + "x" + stage.getHeight() + "), closing in " + seconds + " s");
        javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(seconds));
        wait.setOnFinished(e -> Platform.exit());
        wait.play();
    }

    private void build(I18n i18n) {
        if (tasks != null) {
            TaskRunner old = tasks;
            Thread t = new Thread(() -> old.finishAndStop(30), "huikuan-retire-tasks");
            t.setDaemon(true);
            t.start();
        }
        attach(prepare(books, i18n));
    }

    /** The main window's content for {@code b}, not yet shown: may be made off the FX thread (JavaFX allows nodes to be). */
    private record Prepared(AppContext context, TaskRunner tasks, MainView main) {
    }

    /** The early opening under way, if any (a test waits for it, as a user's start usually finds it done). */
    static Future<Books> earlyOpening() {
        return early;
    }

    /** The thread that made the last main window's content (a test checks the early start makes it beside JavaFX's). */
    static volatile String madeOn;

    private Prepared prepare(Books b, I18n i18n) {
        DialogService dialogs = new DialogService(getHostServices());
        TaskRunner runner = new TaskRunner(this::showTaskError);
        AppContext ctx = new AppContext(b, i18n, runner, dialogs);
        cn.huikuan.StartupTiming.mark("main view: building");
        MainView main = new MainView(ctx, lang -> {
            books.settings().setLanguage(lang);
            build(I18n.forLanguage(lang));
        }, this::restore, this::changePassword, () -> showOfficeDialog(null), office == null ? null : office.label(i18n));
        madeOn = Thread.currentThread().getName();
        cn.huikuan.StartupTiming.mark("main view: constructed");
        return new Prepared(ctx, runner, main);
    }

    /**
     * JavaFX labels the standard buttons of dialogs (确定/取消, OK/Cancel) and the pickers from the JVM's default locale:
     * it follows the app's language, so a Chinese screen never says Cancel/OK on a machine set to English (issue 21).
     */
    static void useLocale(I18n i18n) {
        Locale.setDefault(i18n.language().equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE);
    }

    private void attach(Prepared p) {
        useLocale(p.context().i18n());
        tasks = p.tasks();
        context = p.context();
        OfficeBook on = office;
        stage.setTitle(p.context().i18n().t("app.title") + (on != null && p.context().books().onServer() ? " — " + on.label(p.context().i18n()) : ""));
        stage.getScene().setRoot(p.main());
        p.main().getStylesheets().add(MainView.stylesheet());
    }

    /**
     * When the books were opened early (no password, no question first), the main window's content is made on
     * a spare thread as soon as they are open, while the FX thread installs the theme and shows the stage
     * (issue 7, startup). Null when there is nothing to make it for.
     */
    private CompletableFuture<Prepared> prebuild(Path folder) {
        var f = early;
        if (f == null || !folder.equals(earlyFolder) || Boolean.getBoolean("huikuan.noPrebuild")) return null;
        var out = new CompletableFuture<Prepared>();
        Thread t = new Thread(() -> {
            try {
                Books b = f.get(1, TimeUnit.SECONDS);
                out.complete(prepare(b, windowLanguage(b)));
            } catch (Throwable e) {
                out.completeExceptionally(e);
            }
        }, "huikuan-prebuild");
        t.setDaemon(true);
        t.start();
        return out;
    }

    /** A main window made beside the start that is not used (the books were not ready in time): its tasks stop. */
    private static void discard(CompletableFuture<Prepared> prebuilding) {
        if (prebuilding != null) prebuilding.thenAccept(p -> p.tasks().finishAndStop(30));
    }

    private boolean showingTaskError;

    /**
     * Background work that failed without its own handling (a backup, a list, the dashboard) is said, not
     * swallowed: one dialog at a time, since after a full disk every task fails the same way.
     */
    private void showTaskError(Throwable error) {
        LoggerFactory.getLogger(HuikuanApp.class).warn("Background task failed", error);
        if (showingTaskError || context == null || DialogService.exiting()) return;
        showingTaskError = true;
        try {
            new DialogService(getHostServices()).showError(stage, context.t("error.title"), ErrorMessages.describe(error, context.i18n()));
        } finally {
            showingTaskError = false;
        }
    }

    /** The running app's background work (tests). */
    TaskRunner tasks() {
        return tasks;
    }

    /** The open books (tests). */
    Books books() {
        return books;
    }

    /** Whether no background work is running or waiting (tests). */
    boolean tasksIdle() {
        return tasks != null && !tasks.runningProperty().get();
    }

    /** How the app ends once the backup on closing is done; tests replace it (Platform.exit would end their toolkit). */
    static Runnable exit = Platform::exit;

    /** Waiting this long (ms) for the backup on closing shows a note; a small book's backup is done before that. */
    static final int CLOSING_NOTE_AFTER_MS = 400;

    private volatile boolean closing;
    private volatile boolean backedUpOnClose;

    /**
     * The main window's close button: background work finishes and the books are backed up before the app ends,
     * with the window still up and a note saying so when that takes a while (a book of 1,000,000 receivables takes
     * about a minute to back up; before, the window vanished and the process went on without a word, holding the
     * books' folder). Without open books (the welcome, a failed start) the window just closes.
     */
    private void closeRequested(javafx.stage.WindowEvent e) {
        Books b = books;
        if (b == null || backedUpOnClose) return;
        e.consume();
        if (closing) return;
        closing = true;
        I18n i18n = context != null ? context.i18n() : windowLanguage(b);
        if (stage.getScene() != null) stage.getScene().getRoot().setDisable(true);
        Stage note = closingNote(i18n);
        javafx.animation.PauseTransition later = new javafx.animation.PauseTransition(javafx.util.Duration.millis(CLOSING_NOTE_AFTER_MS));
        later.setOnFinished(x -> {
            if (!backedUpOnClose) note.show();
        });
        later.play();
        TaskRunner running = tasks;
        Thread t = new Thread(() -> {
            RuntimeException failed = null;
            try {
                if (running != null) running.finishAndStop(120);   // an import or the daily backup may be under way
                stopCourtImages();
                b.backups().onExit();
            } catch (RuntimeException ex) {
                failed = ex;
                LoggerFactory.getLogger(HuikuanApp.class).warn("Backup on closing failed", ex);
            }
            backedUpOnClose = true;
            RuntimeException error = failed;
            Platform.runLater(() -> {
                later.stop();
                note.close();
                if (error != null) {
                    Alert a = new Alert(Alert.AlertType.WARNING, i18n.t("closing.backupFailed") + "\n\n" + ErrorMessages.describe(error, i18n), ButtonType.OK);
                    a.initOwner(stage);
                    UiFont.apply(a);
                    a.setHeaderText(i18n.t("closing.backupFailedHeader"));
                    a.getDialogPane().setId("closingBackupFailed");
                    a.showAndWait();
                }
                exit.run();
            });
        }, "huikuan-closing");
        t.setDaemon(false);   // the backup finishes even if the FX thread ends first
        t.start();
    }

    private Stage closingNote(I18n i18n) {
        Stage note = new Stage(javafx.stage.StageStyle.UTILITY);
        note.initOwner(stage);
        note.initModality(javafx.stage.Modality.WINDOW_MODAL);
        note.setTitle(i18n.t("app.title"));
        note.setOnCloseRequest(javafx.event.Event::consume);   // it closes itself when the backup is done
        ProgressIndicator spin = new ProgressIndicator();
        spin.setPrefSize(36, 36);
        Label text = new Label(i18n.t("closing.backingUp"));
        text.setWrapText(true);
        text.setMaxWidth(360);
        javafx.scene.layout.HBox box = new javafx.scene.layout.HBox(16, spin, text);
        box.setAlignment(Pos.CENTER_LEFT);
        box.setPadding(new javafx.geometry.Insets(20, 24, 20, 24));
        box.setId("closingNote");
        note.setScene(new Scene(box));
        UiFont.apply(note.getScene());
        return note;
    }

    @Override
    public void stop() {
        DialogService.markExiting();   // from here on failures are logged, never shown (issue 24)
        if (System.getProperty("huikuan.smokeTest", System.getenv("HUIKUAN_SMOKE_TEST")) != null) {
            System.out.println("huikuan smoke test: shutting down");
        }
        if (tasks != null) tasks.finishAndStop(10);
        stopCourtImages();
        if (books != null) {
            if (!backedUpOnClose) {   // ended another way than the window's close button (Platform.exit, the smoke test)
                try {
                    books.backups().onExit();
                } catch (RuntimeException e) {
                    LoggerFactory.getLogger(HuikuanApp.class).warn("Backup on exit failed: {}", e.getMessage());
                }
            }
            books.close();
        }
    }
}
