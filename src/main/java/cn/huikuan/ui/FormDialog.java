package cn.huikuan.ui;

import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.FieldErrors;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.stage.Window;

import java.util.List;

/**
 * An editor dialog: validates on OK (errors next to the fields, dialog stays open), saves in the
 * background, closes only when the save succeeded. If the save fails nothing is lost: the dialog keeps
 * every value the user typed and shows why.
 */
public abstract class FormDialog<T> extends Dialog<T> {
    protected final AppContext ctx;
    protected final Form form = new Form();
    private final ButtonType saveType;
    private boolean saving;

    protected FormDialog(AppContext ctx, Window owner, String title, String id) {
        UiFont.apply(this);
        this.ctx = ctx;
        if (owner != null) initOwner(owner);
        setTitle(title);
        setHeaderText(title);
        setResizable(true);
        getDialogPane().setId(id);
        getDialogPane().getStylesheets().add(MainView.stylesheet());
        saveType = new ButtonType(ctx.t("action.save"), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
        Button save = (Button) getDialogPane().lookupButton(saveType);
        save.setId(id + "-save");
        save.setDefaultButton(true);
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setText(ctx.t("action.cancel"));
        ((Button) getDialogPane().lookupButton(ButtonType.CANCEL)).setId(id + "-cancel");
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            if (!saving) trySave(false);
        });
        setResultConverter(b -> null);
    }

    /** Call at the end of the subclass constructor, once the form is built. */
    protected void finishLayout() {
        ScrollPane scroll = new ScrollPane(form.node());
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(560, form.estimatedHeight()));
        scroll.setPrefViewportWidth(700);
        getDialogPane().setPrefWidth(740);
        getDialogPane().setContent(wrap(scroll));
    }

    protected Node wrap(Node content) {
        return content;
    }

    /** Parses the controls and checks the domain rules; runs on the FX thread, must be quick and pure. */
    protected abstract List<FieldError> validate();

    /** Saves; runs in the background. */
    protected abstract T save(boolean acceptWarnings) throws Exception;

    /** Whether warnings may be accepted with a confirmation. False where a warning needs a reason instead. */
    protected boolean warningsCanBeConfirmed() {
        return true;
    }

    private void trySave(boolean warningsAccepted) {
        List<FieldError> errors = validate();
        form.show(errors, ctx.i18n());
        if (FieldErrors.hasBlocking(errors)) return;
        boolean accept = warningsAccepted;
        if (!errors.isEmpty()) {
            if (!warningsCanBeConfirmed()) return;
            if (!ctx.dialogs().confirm(getDialogPane().getScene().getWindow(), ctx.t("dialog.confirmWarnings"),
                    ErrorMessages.fieldList(errors, ctx.i18n()))) return;
            accept = true;
        }
        boolean acceptFinal = accept;
        saving = true;
        Node save = getDialogPane().lookupButton(saveType);
        save.setDisable(true);
        ctx.tasks().run(ctx.t("task.saving"), p -> save(acceptFinal), result -> {
            saving = false;
            save.setDisable(false);
            setResult(result);
            close();
        }, failure -> {
            saving = false;
            save.setDisable(false);
            Throwable cause = ErrorMessages.unwrap(failure);
            if (cause instanceof DomainException de) {
                form.show(de.errors(), ctx.i18n());
            } else {
                form.showGeneral(ErrorMessages.describe(failure, ctx.i18n()));
            }
        });
    }

    public Form form() {
        return form;
    }
}
