package cn.huikuan.ui;

import cn.huikuan.storage.DatabaseKey;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * 密码保护: set a password on unprotected books, or change or remove it (issue 6). Checks what it can before
 * anything is written (length, the two entries equal, the current password given); whether the current
 * password is right is found out when the database is re-encrypted.
 */
public final class PasswordDialog extends Dialog<PasswordDialog.Request> {
    /** {@code current} null: the books have no password yet; {@code newPassword} null: remove it. The caller clears both. */
    public record Request(char[] current, char[] newPassword) {
        public boolean sets() { return current == null; }
        public boolean removes() { return newPassword == null; }
    }

    public PasswordDialog(AppContext ctx, Window owner, boolean protectedNow) {
        UiFont.apply(this);
        initOwner(owner);
        setTitle(ctx.t("password.dialog.title"));
        setHeaderText(ctx.t(protectedNow ? "password.dialog.header.on" : "password.dialog.header.off"));
        getDialogPane().setId("passwordDialog");
        PasswordField current = new PasswordField();
        current.setId("passwordCurrent");
        PasswordField fresh = new PasswordField();
        fresh.setId("passwordNew");
        PasswordField again = new PasswordField();
        again.setId("passwordAgain");
        CheckBox remove = new CheckBox(ctx.t("password.remove"));
        remove.setId("passwordRemove");
        fresh.disableProperty().bind(remove.selectedProperty());
        again.disableProperty().bind(remove.selectedProperty());
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        int row = 0;
        if (protectedNow) {
            grid.addRow(row++, new Label(ctx.t("password.current")), current);
        }
        grid.addRow(row++, new Label(ctx.t("password.new")), fresh);
        grid.addRow(row++, new Label(ctx.t("password.confirm")), again);
        if (protectedNow) grid.add(remove, 1, row);
        Label error = new Label();
        error.setId("passwordDialogError");
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.setWrapText(true);
        error.setMaxWidth(480);
        Label note = new Label(ctx.t("password.note"));
        note.setWrapText(true);
        note.setMaxWidth(480);
        getDialogPane().setContent(new VBox(10, grid, error, note));
        ButtonType ok = new ButtonType(ctx.t("password.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("passwordDialogOk");
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setText(ctx.t("action.cancel"));
        okButton.addEventFilter(ActionEvent.ACTION, e -> {
            String problem = null;
            if (protectedNow && current.getText().isEmpty()) {
                problem = ctx.t("password.error.current");
            } else if (!remove.isSelected()) {
                if (DatabaseKey.weakness(fresh.getText().toCharArray()) != null) {
                    problem = ctx.t("password.error.short", DatabaseKey.MIN_LENGTH);
                } else if (!fresh.getText().equals(again.getText())) {
                    problem = ctx.t("password.error.mismatch");
                }
            }
            if (problem != null) {
                error.setText(problem);
                e.consume();
            }
        });
        setResultConverter(bt -> {
            Request r = bt != ok ? null : new Request(protectedNow ? current.getText().toCharArray() : null,
                    remove.isSelected() ? null : fresh.getText().toCharArray());
            current.clear();
            fresh.clear();
            again.clear();
            return r;
        });
    }
}
