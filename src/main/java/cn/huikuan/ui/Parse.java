package cn.huikuan.ui;

import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.Money;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.util.StringConverter;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.time.format.ResolverStyle;

/** Reads typed values out of controls, adding a field error for anything that is not acceptable. */
public final class Parse {
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(
            DateTimeFormatter.ofPattern("uuuu-M-d"), DateTimeFormatter.ofPattern("uuuu/M/d"),
            DateTimeFormatter.ofPattern("uuuu.M.d"), DateTimeFormatter.ofPattern("uuuu年M月d日"),
            DateTimeFormatter.ofPattern("uuuuMMdd"));

    private Parse() {
    }

    public static LocalDate parseDate(String text) {
        if (text == null || text.isBlank()) return null;
        String t = text.strip();
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return LocalDate.parse(t, f.withResolverStyle(ResolverStyle.STRICT));
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        throw new DateTimeParseException("not a date", t, 0);
    }

    /** A DatePicker that shows ISO dates and accepts the usual Chinese ways of typing a date. */
    public static DatePicker datePicker(String id) {
        DatePicker p = new DatePicker();
        p.setId(id);
        p.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return Fmt.date(d);
            }

            @Override
            public LocalDate fromString(String s) {
                try {
                    return parseDate(s);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        });
        p.setPromptText("2026-01-31");
        return p;
    }

    /** The date typed or picked; a field error if it is missing (when required) or not a date. */
    public static LocalDate date(DatePicker picker, String field, boolean required, List<FieldError> errors) {
        String text = picker.getEditor().getText();
        if (text == null || text.isBlank()) {
            if (required) errors.add(FieldError.error(field, "validation.required"));
            return null;
        }
        try {
            return parseDate(text);
        } catch (DateTimeParseException e) {
            errors.add(FieldError.error(field, "validation.date.invalid"));
            return null;
        }
    }

    public static BigDecimal amount(TextField tf, String field, boolean required, List<FieldError> errors) {
        String text = tf.getText();
        if (!required && (text == null || text.isBlank())) return null;
        Money.Parsed p = Money.parsePositive(field, text);
        if (!p.ok()) {
            errors.add(p.error());
            return null;
        }
        return p.value();
    }

    /** A rate in percent: a non-negative number, at most 4 decimals. */
    public static BigDecimal rate(TextField tf, String field, List<FieldError> errors) {
        String text = tf.getText();
        if (text == null || text.isBlank()) return null;
        String t = text.strip().replace("%", "").replace("％", "");
        if (!t.matches("[+-]?\\d+(\\.\\d+)?")) {
            errors.add(FieldError.error(field, "validation.rate.notNumber"));
            return null;
        }
        return new BigDecimal(t);
    }
}
