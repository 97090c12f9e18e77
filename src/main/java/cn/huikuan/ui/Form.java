package cn.huikuan.ui;

import cn.huikuan.domain.FieldError;
import cn.huikuan.i18n.I18n;
import javafx.geometry.HPos;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.text.Normalizer;

/**
 * A two-column form (label, control) where every field has an error line right under its control.
 * {@link #show} puts each {@link FieldError} next to its field; errors for fields the form does not show
 * go to the line at the top.
 */
public final class Form {
    private final GridPane grid = new GridPane();
    private final Map<String, Label> errors = new HashMap<>();
    private final Map<String, Node> controls = new HashMap<>();
    private final Label general = errorLabel("form-error-general");
    private int row = 1;
    private double estimatedHeight = 20;

    public Form() {
        grid.setHgap(12);
        grid.setVgap(2);
        grid.setPadding(new Insets(8, 4, 8, 4));
        ColumnConstraints c0 = new ColumnConstraints();
        c0.setHalignment(HPos.RIGHT);
        c0.setMinWidth(Control.USE_PREF_SIZE);
        c0.setPrefWidth(Control.USE_COMPUTED_SIZE);
        ColumnConstraints c1 = new ColumnConstraints();
        c1.setHgrow(Priority.ALWAYS);
        c1.setFillWidth(true);
        c1.setMinWidth(320);
        grid.getColumnConstraints().addAll(c0, c1);
        grid.add(general, 0, 0, 2, 1);
    }

    private static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().add("field-error");
        l.setWrapText(true);
        l.setManaged(false);
        l.setVisible(false);
        return l;
    }

    public <N extends Node> N add(String field, String labelText, N control) {
        Label label = new Label(labelText);
        label.setLabelFor(control);
        label.setMinWidth(Control.USE_PREF_SIZE);
        if (control instanceof Control c) {
            c.setMaxWidth(Double.MAX_VALUE);
            if (c.getAccessibleText() == null) c.setAccessibleText(labelText);
        }
        grid.add(label, 0, row);
        grid.add(control, 1, row);
        Label err = errorLabel("error-" + field);
        grid.add(err, 1, row + 1);
        errors.put(field, err);
        controls.put(field, control);
        row += 2;
        estimatedHeight += control instanceof javafx.scene.layout.Region sized && sized.getPrefHeight() > 0 ? sized.getPrefHeight() + 12
                : control instanceof javafx.scene.control.TextArea ta ? 24 * ta.getPrefRowCount() + 18
                : control instanceof javafx.scene.layout.Region r && r.getChildrenUnmodifiable().size() > 1 && !(control instanceof HBox) ? 120 : 40;
        return control;
    }

    public void section(String title) {
        Label l = new Label(title);
        l.getStyleClass().addAll("form-section", "title-4");
        GridPane.setMargin(l, new Insets(10, 0, 4, 0));
        GridPane.setHalignment(l, HPos.LEFT);
        grid.add(l, 0, row++, 2, 1);
        estimatedHeight += 40;
    }

    public void addHint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("form-hint");
        l.setWrapText(true);
        grid.add(l, 1, row++);
        estimatedHeight += 36;
    }

    /** A rough height of the form before it is laid out, to size the dialog. */
    public double estimatedHeight() {
        return estimatedHeight;
    }

    public GridPane node() {
        return grid;
    }

    public void clear() {
        for (Label l : errors.values()) hide(l);
        hide(general);
        controls.values().forEach(n -> n.getStyleClass().removeAll("has-error", "has-warning"));
    }

    private static void hide(Label l) {
        l.setText("");
        l.setVisible(false);
        l.setManaged(false);
    }

    public void show(List<FieldError> list, I18n i18n) {
        clear();
        StringBuilder top = new StringBuilder();
        for (FieldError e : list) {
            String key = e.field().replaceAll("\\[\\d+]$", "");
            Label l = errors.get(key);
            String text = i18n.error(e);
            if (l == null) {
                if (top.length() > 0) top.append('\n');
                top.append(text);
                continue;
            }
            l.setText(l.getText().isEmpty() ? text : l.getText() + "\n" + text);
            l.getStyleClass().removeAll("field-error", "field-warning");
            l.getStyleClass().add(e.blocking() ? "field-error" : "field-warning");
            l.setVisible(true);
            l.setManaged(true);
            Node c = controls.get(key);
            if (c != null) {
                c.getStyleClass().add(e.blocking() ? "has-error" : "has-warning");
                if (c instanceof Control cc) cc.setTooltip(new Tooltip(text));
            }
        }
        if (top.length() > 0) showGeneral(top.toString());
    }

    public void showGeneral(String text) {
        general.setText(text);
        general.setVisible(true);
        general.setManaged(true);
    }

    /** The error text currently shown for a field, or "" (for tests and accessibility). */
    public String errorOf(String field) {
        Label l = errors.get(field);
        return l == null ? "" : l.getText();
    }

    /**
     * An editable whole-number spinner whose typed text counts (issue 21: typed numbers were dropped): it is committed
     * when the focus leaves the spinner and read again by {@link #intValue} on OK. Text that is not a whole number in
     * range is left as typed (never silently replaced) and refused on OK with a sentence saying what is allowed.
     */
    public static javafx.scene.control.Spinner<Integer> intSpinner(String id, int min, int max, int initial) {
        javafx.scene.control.Spinner<Integer> s = new javafx.scene.control.Spinner<>(min, max, initial);
        s.setId(id);
        s.setEditable(true);
        // the spinner's own commits (focus lost, Enter, arrows) go through the converter: text that is not a number in
        // range keeps the current value instead of throwing, and stays in the field for intValue to refuse
        s.getValueFactory().setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Integer v) {
                return v == null ? "" : v.toString();
            }

            @Override
            public Integer fromString(String text) {
                Integer v = parse(text, min, max);
                return v == null ? s.getValue() : v;
            }
        });
        s.focusedProperty().addListener((o, was, is) -> {
            if (!is) commit(s);
        });
        // Spinner's own commit on Enter throws on bad text; ours keeps the text for the form to refuse on OK
        s.getEditor().addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.ENTER && parse(s) == null) e.consume();
        });
        return s;
    }

    /** Commits the typed text when it is a whole number in range; returns whether it was. */
    static boolean commit(javafx.scene.control.Spinner<Integer> s) {
        Integer v = parse(s);
        if (v == null) return false;
        if (!v.equals(s.getValue())) s.getValueFactory().setValue(v);
        s.getEditor().setText(String.valueOf(v));
        return true;
    }

    /** The typed whole number if it is one in the spinner's range (full-width digits too), else null. */
    static Integer parse(javafx.scene.control.Spinner<Integer> s) {
        var f = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        return parse(s.getEditor().getText(), f.getMin(), f.getMax());
    }

    static Integer parse(String text, int min, int max) {
        if (text == null) return null;
        text = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        if (!text.matches("[0-9]{1,9}")) return null;
        int v = Integer.parseInt(text);
        return v < min || v > max ? null : v;
    }

    /** The spinner's value as typed, committed; or null and an error for {@code field} saying which numbers are allowed. */
    public static Integer intValue(javafx.scene.control.Spinner<Integer> s, String field, List<FieldError> errors) {
        if (commit(s)) return s.getValue();
        var f = (javafx.scene.control.SpinnerValueFactory.IntegerSpinnerValueFactory) s.getValueFactory();
        errors.add(FieldError.error(field, "validation.wholeNumber", f.getMin(), f.getMax(), s.getEditor().getText().strip()));
        return null;
    }
}
