package cn.huikuan.ui;

import cn.huikuan.i18n.I18n;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;

/**
 * Asks for the password a backup was taken under (issue 24: the backup's data is read, not opened as the books, so
 * its password is needed before the restore rather than at the next start). The result is the password; the caller
 * clears it after use.
 */
public final class BackupPasswordDialog extends Dialog<char[]> {
    public BackupPasswordDialog(I18n i18n, Window owner, Path zip, boolean wrongBefore) {
        UiFont.apply(this);
        if (owner != null) initOwner(owner);
        setTitle(i18n.t("restore.password.title"));
        setHeaderText(i18n.t(wrongBefore ? "restore.password.wrong" : "restore.password.header", zip.getFileName()));
        getDialogPane().setId("backupPassword");
        PasswordField field = new PasswordField();
        field.setId("backupPasswordField");
        field.setPrefColumnCount(24);
        Label help = new Label(i18n.t("restore.password.help"));
        help.setWrapText(true);
        help.setMaxWidth(480);
        getDialogPane().setContent(new VBox(8, help, field));
        ButtonType ok = new ButtonType(i18n.t("restore.ok"), ButtonBar.ButtonData.OK_DONE);
        ButtonType cancel = new ButtonType(i18n.t("action.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(ok, cancel);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("backupPasswordOk");
        okButton.disableProperty().bind(field.textProperty().isEmpty());
        setResultConverter(bt -> {
            char[] pw = bt == ok ? field.getText().toCharArray() : null;
            field.clear();
            return pw;
        });
        Platform.runLater(field::requestFocus);
    }
}
