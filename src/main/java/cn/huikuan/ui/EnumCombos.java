package cn.huikuan.ui;

import cn.huikuan.i18n.I18n;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import java.util.function.Function;

/** Combo boxes of enum constants that show each constant's translated label. */
final class EnumCombos {
    private EnumCombos() {
    }

    static <E extends Enum<E>> ListCell<E> cell(I18n i18n) {
        return new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : i18n.e(item));
            }
        };
    }

    /** Fills {@code box} with {@code values}, selects {@code initial} and labels items in the user's language. */
    @SafeVarargs
    static <E extends Enum<E>> ComboBox<E> setUp(ComboBox<E> box, String id, I18n i18n, E initial, E... values) {
        box.setId(id);
        box.getItems().setAll(values);
        box.setValue(initial);
        box.setCellFactory(l -> cell(i18n));
        box.setButtonCell(cell(i18n));
        return box;
    }

    /** A converter that only displays (the combo boxes here are not editable, so text is never parsed back). */
    static <T> javafx.util.StringConverter<T> display(Function<T, String> text) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(T t) {
                return t == null ? "" : text.apply(t);
            }

            @Override
            public T fromString(String s) {
                return null;
            }
        };
    }
}
