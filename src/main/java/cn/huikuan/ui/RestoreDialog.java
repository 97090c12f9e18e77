package cn.huikuan.ui;

import cn.huikuan.application.BackupService;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** 从备份恢复: pick one of the folder's backups (newest first) or a backup file elsewhere. Returns the ZIP. */
public final class RestoreDialog extends Dialog<Path> {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    public RestoreDialog(AppContext ctx, Window owner, List<BackupService.Backup> backups) {
        UiFont.apply(this);
        initOwner(owner);
        setTitle(ctx.t("restore.title"));
        setHeaderText(ctx.t("restore.header"));
        getDialogPane().setId("restoreDialog");
        ListView<Object> list = new ListView<>();
        list.setId("restoreList");
        list.getItems().setAll(backups);
        list.setPlaceholder(new Label(ctx.t("restore.none")));
        list.setPrefSize(520, 260);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(Object o, boolean empty) {
                super.updateItem(o, empty);
                if (empty || o == null) {
                    setText(null);
                } else if (o instanceof BackupService.Backup b) {
                    String label = switch (b.label()) {
                        case "auto" -> ctx.t("restore.label.auto");
                        case "manual" -> ctx.t("restore.label.manual");
                        default -> b.label().startsWith("pre-migration") ? ctx.t("restore.label.migration") : b.label();
                    };
                    setText(WHEN.format(b.taken()) + "   " + label + (b.encrypted() ? "  " + ctx.t("restore.label.encrypted") : ""));
                } else {
                    setText(o.toString());
                }
            }
        });
        Button other = new Button(ctx.t("restore.otherFile"));
        other.setId("restoreOtherFile");
        other.setOnAction(e -> {
            List<Path> chosen = ctx.dialogs().chooseFiles(getDialogPane().getScene().getWindow(), ctx.t("restore.otherFile"));
            if (!chosen.isEmpty()) {
                list.getItems().add(0, chosen.get(0));
                list.getSelectionModel().select(0);
            }
        });
        Label warning = new Label(ctx.t("restore.warning"));
        warning.setWrapText(true);
        warning.setMaxWidth(520);
        getDialogPane().setContent(new VBox(10, list, other, warning));
        ButtonType ok = new ButtonType(ctx.t("restore.ok"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        Button okButton = (Button) getDialogPane().lookupButton(ok);
        okButton.setId("restoreOk");
        okButton.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        setResultConverter(bt -> {
            if (bt != ok) return null;
            Object o = list.getSelectionModel().getSelectedItem();
            return o instanceof BackupService.Backup b ? b.zip() : (Path) o;
        });
    }
}
