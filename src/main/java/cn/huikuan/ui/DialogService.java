package cn.huikuan.ui;

import javafx.application.HostServices;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.nio.file.Path;
import java.util.List;
import java.io.File;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the views ask of the desktop: choose files, show a message, ask for confirmation, open a file in
 * its viewer. Tests replace the parts that would open native windows.
 */
public class DialogService {
    private static final Logger LOG = LoggerFactory.getLogger(DialogService.class);
    private final HostServices hostServices;

    /**
     * Set when the app begins to exit (issue 24): no dialog is opened after that. Background work that fails once the
     * books are closed (its callbacks arrive on the FX thread late) is logged; a dialog opened while the toolkit shuts
     * down took the JVM down with SIGSEGV in libglassgtk3.so.
     */
    private static volatile boolean exiting;

    /** From now on, messages are logged instead of shown. */
    public static void markExiting() {
        exiting = true;
    }

    /** Whether the app has begun to exit. */
    public static boolean exiting() {
        return exiting;
    }

    /** At each start: an app started again in the same JVM (as the tests do) is not exiting. */
    static void resetExiting() {
        exiting = false;
    }

    public DialogService(HostServices hostServices) {
        this.hostServices = hostServices;
    }

    public List<Path> chooseFiles(Window owner, String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        List<File> files = fc.showOpenMultipleDialog(owner);
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    /** A folder to export into, or null when the user cancels. */
    public Path chooseDirectory(Window owner, String title) {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle(title);
        File f = dc.showDialog(owner);
        return f == null ? null : f.toPath();
    }

    public void showError(Window owner, String title, String message) {
        if (exiting) {
            LOG.warn("Not shown while exiting: {}: {}", title, message);
            return;
        }
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        UiFont.apply(a);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("errorDialog");
        a.showAndWait();
    }

    public void showInfo(Window owner, String title, String message) {
        if (exiting) {
            LOG.info("Not shown while exiting: {}: {}", title, message);
            return;
        }
        Alert a = new Alert(Alert.AlertType.INFORMATION, null, ButtonType.OK);
        UiFont.apply(a);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        TextArea text = new TextArea(message);
        text.setEditable(false);
        text.setWrapText(true);
        text.setPrefRowCount(Math.min(14, message.split("\n").length + 1));
        a.getDialogPane().setContent(text);
        a.getDialogPane().setId("infoDialog");
        a.showAndWait();
    }

    public boolean confirm(Window owner, String title, String message) {
        if (exiting) return false;
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, message, ButtonType.OK, ButtonType.CANCEL);
        UiFont.apply(a);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("confirmDialog");
        return a.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    /**
     * Asks before existing files are replaced (issue 21: one customer's notice silently replaced another's). The default
     * button is {@code keep}: Enter, Escape and closing the window all leave the files alone.
     */
    public boolean confirmReplace(Window owner, String title, String message, String replace, String keep) {
        if (exiting) return false;
        ButtonType yes = new ButtonType(replace, javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        ButtonType no = new ButtonType(keep, javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.WARNING, message, yes, no);
        UiFont.apply(a);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setId("replaceDialog");
        javafx.scene.control.Button yesButton = (javafx.scene.control.Button) a.getDialogPane().lookupButton(yes);
        javafx.scene.control.Button noButton = (javafx.scene.control.Button) a.getDialogPane().lookupButton(no);
        yesButton.setId("replaceYes");
        yesButton.setDefaultButton(false);
        noButton.setId("replaceNo");
        noButton.setDefaultButton(true);
        a.setOnShown(e -> noButton.requestFocus());
        return a.showAndWait().filter(b -> b == yes).isPresent();
    }

    /** Asks for one line of text (e.g. the customer's name, typed to confirm an erasure); null when cancelled. */
    public String ask(Window owner, String title, String message) {
        if (exiting) return null;
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog();
        UiFont.apply(d);
        d.initOwner(owner);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText(message);
        d.getDialogPane().setId("askDialog");
        return d.showAndWait().orElse(null);
    }

    /** Opens a stored file, or a folder, in the system's viewer. */
    public void open(Path file) {
        if (hostServices != null) hostServices.showDocument(file.toUri().toString());
    }
}
