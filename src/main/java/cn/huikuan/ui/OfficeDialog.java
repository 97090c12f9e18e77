package cn.huikuan.ui;

import cn.huikuan.application.TeamAdmin;
import cn.huikuan.i18n.I18n;
import javafx.concurrent.Task;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.Arrays;
import java.util.List;

/**
 * 办公室服务器…: opens a book kept on the office's PostgreSQL server (team mode, issue 22). The user gives the server's
 * address, their user name and password; 连接 lists the books the server lets that login open (in the background),
 * the user picks one and 打开 returns it. A refusal (server unreachable, login refused, nothing granted) is said in
 * the dialog, which stays open for another try. On an office book, 本机账本 goes back to this computer's books.
 */
final class OfficeDialog extends Dialog<OfficeDialog.Choice> {
    /** What the user chose. */
    sealed interface Choice permits Open, Local {
    }

    /** Open {@code book} with {@code password} (the caller clears it). */
    record Open(OfficeBook book, char[] password) implements Choice {
    }

    /** Back to this computer's books (the data folder). */
    record Local() implements Choice {
    }

    private final I18n i18n;
    private final TextField address = new TextField();
    private final TextField login = new TextField();
    private final PasswordField password = new PasswordField();
    private final Button connect;
    private final ProgressIndicator connecting = new ProgressIndicator();
    private final Label error = new Label();
    private final ListView<TeamAdmin.Book> books = new ListView<>();
    /** The address, login and password the listed books were read with: 打开 uses these, not what was typed since. */
    private String listedUrl;
    private String listedLogin;
    private char[] listedPassword;
    private boolean busy;
    private final Button overview;

    /**
     * {@code current}: the office book open now (null on this computer's books: 本机账本 is then not offered);
     * {@code address} and {@code user} fill the fields; {@code problem}, when not null, is shown as the error.
     */
    OfficeDialog(I18n i18n, Window owner, OfficeBook current, String address, String user, String problem) {
        this.i18n = i18n;
        UiFont.apply(this);
        initOwner(owner);
        setTitle(i18n.t("office.title"));
        setHeaderText(i18n.t(current == null ? "office.header" : "office.header.onServer"));
        getDialogPane().setId("officeDialog");

        this.address.setId("officeAddress");
        this.address.setPromptText(i18n.t("office.address.prompt"));
        this.address.setPrefColumnCount(28);
        this.address.setText(address == null ? "" : address);
        login.setId("officeLogin");
        login.setText(user == null ? "" : user);
        password.setId("officePassword");
        connect = new Button(i18n.t("office.connect"));
        connect.setId("officeConnect");
        connect.setOnAction(e -> connect());
        password.setOnAction(e -> connect());
        connecting.setId("officeConnecting");
        connecting.setPrefSize(18, 18);
        connecting.setVisible(false);
        HBox connectRow = new HBox(8, connect, connecting);
        connectRow.setAlignment(Pos.CENTER_LEFT);

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
        grid.addRow(0, new Label(i18n.t("office.address")), this.address);
        Label hint = new Label(i18n.t("office.address.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // wraps onto a second line rather than ending in "…"
        grid.add(hint, 1, 1);
        grid.addRow(2, new Label(i18n.t("office.login")), login);
        grid.addRow(3, new Label(i18n.t("office.password")), password);
        grid.add(connectRow, 1, 4);

        error.setId("officeError");
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.setWrapText(true);
        error.setMaxWidth(520);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);   // a long refusal takes room from the list below
        error.setText(problem == null ? "" : problem);
        error.managedProperty().bind(error.textProperty().isNotEmpty());

        books.setId("officeBooks");
        books.setPrefSize(520, 180);
        books.setMinHeight(90);
        VBox.setVgrow(books, Priority.ALWAYS);
        books.setPlaceholder(new Label(i18n.t("office.books.none")));
        books.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TeamAdmin.Book b, boolean empty) {
                super.updateItem(b, empty);
                setText(empty || b == null ? null : b.name() + "   (" + b.schema() + ")");
            }
        });
        Label booksLabel = new Label(i18n.t("office.books"));
        // 办公室总览: the figures of every listed book, read with the login the list was read with (the password is not kept
        // once a book is open, so the view is offered here, where it has just been given)
        overview = new Button(i18n.t("officeOverview.button"));
        overview.setId("officeOverviewButton");
        overview.setDisable(true);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox booksRow = new HBox(8, booksLabel, gap, overview);
        booksRow.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(10, grid, error, booksRow, books);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        ButtonType open = new ButtonType(i18n.t("office.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType local = new ButtonType(i18n.t("office.local"), ButtonBar.ButtonData.LEFT);
        ButtonType cancel = new ButtonType(i18n.t("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().add(open);
        if (current != null) getDialogPane().getButtonTypes().add(local);
        getDialogPane().getButtonTypes().add(cancel);
        Button openButton = (Button) getDialogPane().lookupButton(open);
        openButton.setId("officeOpen");
        openButton.disableProperty().bind(books.getSelectionModel().selectedItemProperty().isNull());
        if (current != null) getDialogPane().lookupButton(local).setId("officeLocal");
        getDialogPane().lookupButton(cancel).setId("officeCancel");
        books.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && books.getSelectionModel().getSelectedItem() != null) openButton.fire();
        });
        overview.setOnAction(e -> showOverview(openButton));
        // typing another address or login after 连接: the list no longer belongs to it
        this.address.textProperty().addListener((o, was, now) -> forgetList());
        login.textProperty().addListener((o, was, now) -> forgetList());
        setResultConverter(bt -> {
            Choice c = null;
            if (bt == open && books.getSelectionModel().getSelectedItem() != null && listedPassword != null) {
                TeamAdmin.Book b = books.getSelectionModel().getSelectedItem();
                c = new Open(new OfficeBook(listedUrl, listedLogin, b.schema(), b.name()), listedPassword.clone());
            } else if (bt == local) {
                c = new Local();
            }
            clearSecrets();
            return c;
        });
        openButton.addEventFilter(ActionEvent.ACTION, e -> {
            if (busy) e.consume();
        });
        setOnShown(e -> (this.address.getText().isBlank() ? this.address : login.getText().isBlank() ? login : password).requestFocus());
    }

    /** 连接: the books this login may open, read from the server in the background. */
    private void connect() {
        if (busy) return;
        String url = OfficeBook.toUrl(address.getText());
        if (url == null) {
            error.setText(i18n.t("office.error.address"));
            address.requestFocus();
            return;
        }
        String user = login.getText().strip();
        if (user.isEmpty()) {
            error.setText(i18n.t("office.error.login"));
            login.requestFocus();
            return;
        }
        char[] pw = password.getText().toCharArray();
        forgetList();
        error.setText("");
        setBusy(true);
        Task<List<TeamAdmin.Book>> work = new Task<>() {
            @Override
            protected List<TeamAdmin.Book> call() {
                return TeamAdmin.connect(url, user, pw).myBooks();
            }
        };
        work.setOnSucceeded(e -> {
            setBusy(false);
            List<TeamAdmin.Book> found = work.getValue();
            listedUrl = url;
            listedLogin = user;
            listedPassword = pw;
            books.getItems().setAll(found);
            overview.setDisable(found.isEmpty());
            if (found.isEmpty()) {
                error.setText(i18n.t("office.error.noBooks", user));
            } else {
                books.getSelectionModel().selectFirst();
                books.requestFocus();
            }
        });
        work.setOnFailed(e -> {
            setBusy(false);
            Arrays.fill(pw, '\0');
            error.setText(ErrorMessages.describe(work.getException(), i18n));
            password.requestFocus();
            password.selectAll();
        });
        Thread t = new Thread(work, "huikuan-office-connect");
        t.setDaemon(true);
        t.start();
    }

    /** 办公室总览: a book chosen there is opened as if picked in the list here (the same 打开). */
    private void showOverview(Button openButton) {
        if (listedPassword == null || busy) return;
        new OfficeOverviewDialog(i18n, getDialogPane().getScene().getWindow(), listedUrl, listedLogin, listedPassword.clone())
                .showAndWait()
                .flatMap(schema -> books.getItems().stream().filter(b -> b.schema().equals(schema)).findFirst())
                .ifPresent(b -> {
                    books.getSelectionModel().select(b);
                    openButton.fire();
                });
    }

    private void setBusy(boolean now) {
        busy = now;
        connecting.setVisible(now);
        connect.setDisable(now);
        address.setDisable(now);
        login.setDisable(now);
        password.setDisable(now);
    }

    private void forgetList() {
        books.getItems().clear();
        overview.setDisable(true);
        if (listedPassword != null) Arrays.fill(listedPassword, '\0');
        listedPassword = null;
    }

    private void clearSecrets() {
        password.clear();
        if (listedPassword != null) Arrays.fill(listedPassword, '\0');
        listedPassword = null;
    }
}
