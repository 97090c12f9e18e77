package cn.huikuan.ui;

import cn.huikuan.i18n.I18n;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * At a start after an office book was used (team mode, issue 22): names the book of the office's server opened last and
 * asks for the password, which is never kept on this computer. 打开 returns the password typed (the caller clears it);
 * 本次用本机账本 (or closing the dialog) returns nothing, and this computer's books open this time; the next start asks
 * again. {@code problem}, when not null, says why the last try did not open (a wrong password).
 */
final class OfficeReopenDialog extends Dialog<char[]> {
    OfficeReopenDialog(I18n i18n, Window owner, OfficeBook book, String problem) {
        UiFont.apply(this);
        if (owner != null) initOwner(owner);
        setTitle(i18n.t("office.reopen.title"));
        setHeaderText(i18n.t("office.reopen.header"));
        getDialogPane().setId("officeReopen");

        Label place = new Label(book.label(i18n));
        place.setId("officeReopenBook");
        place.getStyleClass().add("title-4");
        PasswordField password = new PasswordField();
        password.setId("officeReopenPassword");
        password.setPrefColumnCount(24);
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        grid.addRow(0, new Label(i18n.t("office.password")), password);
        Label error = new Label(problem == null ? "" : problem);
        error.setId("officeReopenError");
        error.setStyle("-fx-text-fill: -color-danger-fg;");
        error.setWrapText(true);
        error.setMaxWidth(480);
        error.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        Label hint = new Label(i18n.t("office.reopen.hint"));
        hint.getStyleClass().add("text-muted");
        hint.setWrapText(true);
        hint.setMaxWidth(480);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        VBox content = new VBox(10, place, grid, error, hint);
        content.setPrefWidth(500);
        getDialogPane().setContent(content);

        ButtonType open = new ButtonType(i18n.t("office.open"), ButtonBar.ButtonData.OK_DONE);
        ButtonType local = new ButtonType(i18n.t("office.reopen.local"), ButtonBar.ButtonData.CANCEL_CLOSE);
        getDialogPane().getButtonTypes().addAll(open, local);
        Button openButton = (Button) getDialogPane().lookupButton(open);
        openButton.setId("officeReopenOpen");
        openButton.disableProperty().bind(password.textProperty().isEmpty());
        getDialogPane().lookupButton(local).setId("officeReopenLocal");
        setResultConverter(bt -> {
            char[] typed = bt == open && !password.getText().isEmpty() ? password.getText().toCharArray() : null;
            password.clear();
            return typed;
        });
        setOnShown(e -> password.requestFocus());
    }
}
