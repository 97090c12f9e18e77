package cn.huikuan.ui;

import cn.huikuan.i18n.I18n;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;

/**
 * Asked before password-protected books open (issue 6): the password, or a way out. "忘记密码？" explains
 * that nobody can recover it and what can be done instead; "从备份恢复" is offered when there are backups.
 */
public final class PasswordPrompt extends Dialog<PasswordPrompt.Answer> {
    /** {@code password} is set for {@link Choice#OPEN}; the caller clears it after use. */
    public record Answer(Choice choice, char[] password) {
    }

    public enum Choice { OPEN, RESTORE, QUIT }

    public PasswordPrompt(I18n i18n, Window owner, Path folder, String error, boolean offerRestore) {
        UiFont.apply(this);
        if (owner != null) initOwner(owner);
        setTitle(i18n.t("password.prompt.title"));
        setHeaderText(i18n.t("password.prompt.header"));
        getDialogPane().setId("passwordPrompt");
        PasswordField field = new PasswordField();
        field.setId("passwordField");
        field.setPrefColumnCount(24);
        Label folderLabel = new Label(i18n.t("password.prompt.folder", folder.toAbsolutePath()));
        folderLabel.setWrapText(true);
        folderLabel.setMaxWidth(480);
        Label errorLabel = new Label(error == null ? "" : error);
        errorLabel.setId("passwordError");
        errorLabel.getStyleClass().add("danger");
        errorLabel.setStyle("-fx-text-fill: -color-danger-fg;");
        errorLabel.setWrapText(true);
        errorLabel.setMaxWidth(480);
        errorLabel.setVisible(error != null);
        errorLabel.setManaged(error != null);
        Label forgotText = new Label(i18n.t("password.forgot.text"));
        forgotText.setId("forgotText");
        forgotText.setWrapText(true);
        forgotText.setMaxWidth(480);
        forgotText.setVisible(false);
        forgotText.setManaged(false);
        Hyperlink forgot = new Hyperlink(i18n.t("password.forgot"));
        forgot.setId("forgotPassword");
        forgot.setOnAction(e -> {
            forgotText.setVisible(true);
            forgotText.setManaged(true);
            getDialogPane().getScene().getWindow().sizeToScene();
        });
        getDialogPane().setContent(new VBox(8, folderLabel, new Label(i18n.t("password.prompt.label")), field, errorLabel, forgot, forgotText));

        ButtonType open = new ButtonType(i18n.t("password.prompt.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType restore = new ButtonType(i18n.t("password.prompt.restore"), ButtonBar.ButtonData.LEFT);
        ButtonType quit = new ButtonType(i18n.t("password.prompt.quit"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().add(open);
        if (offerRestore) getDialogPane().getButtonTypes().add(restore);
        getDialogPane().getButtonTypes().add(quit);
        Button openButton = (Button) getDialogPane().lookupButton(open);
        openButton.setId("passwordOpen");
        openButton.disableProperty().bind(field.textProperty().isEmpty());
        if (offerRestore) getDialogPane().lookupButton(restore).setId("passwordRestore");
        getDialogPane().lookupButton(quit).setId("passwordQuit");
        setResultConverter(bt -> {
            if (bt == open) {
                char[] pw = field.getText().toCharArray();
                field.clear();
                return new Answer(Choice.OPEN, pw);
            }
            field.clear();
            return new Answer(bt == restore ? Choice.RESTORE : Choice.QUIT, null);
        });
        Platform.runLater(field::requestFocus);
    }
}
