package cn.huikuan.ui;

import cn.huikuan.domain.FieldError;
import cn.huikuan.law.StatutoryHolidays;
import cn.huikuan.law.data.LawData;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;

/**
 * A year's holiday arrangement (放假安排) as the deadlines count it, and a form to enter the one the State Council
 * publishes after the app was released: its days off and its make-up workdays (调休). Saved to
 * {@code <data folder>/law/holidays/YEAR.json} (holiday-cn format) and used at once. A year not yet published starts
 * from the statutory holidays (全国年节及纪念日放假办法 §2), to which the user adds what the notice adds.
 */
public final class HolidayDialog extends FormDialog<Integer> {
    private final ComboBox<Integer> year = new ComboBox<>();
    private final Label status = new Label();
    private final ObservableList<LawData.HolidayDay> days = FXCollections.observableArrayList();
    private final TableView<LawData.HolidayDay> table = new TableView<>(days);
    private final DatePicker date = Parse.datePicker("holidayDate");
    private final TextField name = CustomerEditor.field("holidayName");
    private final CheckBox workday = new CheckBox();
    private Integer loadedYear;
    private int loads;
    private List<LawData.HolidayDay> toSave = List.of();

    /** The data that one year's choice loads in the background. */
    private record Loaded(LawData.HolidayYear data, List<LawData.HolidayDay> statutory) {
    }

    public HolidayDialog(AppContext ctx, Window owner) {
        super(ctx, owner, ctx.t("holidays.title"), "holidayDialog");
        int thisYear = ctx.books().today().getYear();
        for (int y = LawData.FIRST_YEAR; y <= thisYear + 5; y++) year.getItems().add(y);
        year.setId("holidayYear");
        year.setVisibleRowCount(12);
        status.setId("holidayStatus");
        status.setWrapText(true);
        table.setId("holidayTable");
        table.setPrefHeight(240);
        table.setPlaceholder(new Label(ctx.t("holidays.none")));
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().addAll(List.of(column(ctx.t("holidays.date"), d -> Fmt.date(d.date())),
                column(ctx.t("holidays.weekday"), d -> d.date().getDayOfWeek().getDisplayName(TextStyle.SHORT, ctx.i18n().locale())),
                column(ctx.t("holidays.name"), LawData.HolidayDay::name),
                column(ctx.t("holidays.kind"), d -> ctx.t(d.off() ? "holidays.off" : "holidays.workday"))));
        Button remove = new Button(ctx.t("holidays.remove"));
        remove.setId("removeHolidayDay");
        remove.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> days.removeAll(List.copyOf(table.getSelectionModel().getSelectedItems())));
        workday.setId("holidayWorkday");
        workday.setText(ctx.t("holidays.workday.check"));
        name.setPromptText(ctx.t("holidays.name.prompt"));
        Button add = new Button(ctx.t("holidays.addDay"));
        add.setId("addHolidayDay");
        add.setOnAction(e -> addDay());

        form.add("year", ctx.t("holidays.year"), year);
        form.add("status", ctx.t("lpr.current"), status);
        form.add("table", ctx.t("holidays.days"), table);
        form.add("remove", "", new HBox(8, remove));
        form.section(ctx.t("holidays.add"));
        form.addHint(ctx.t("holidays.add.hint"));
        form.add("date", ctx.t("holidays.date"), date);
        form.add("name", ctx.t("holidays.name"), name);
        form.add("workday", ctx.t("holidays.kind"), workday);
        form.add("add", "", new HBox(8, add));
        year.valueProperty().addListener((o, before, now) -> {
            if (now != null) load(now);
        });
        // the first year from this one on without an arrangement is the one a user most likely came for
        ctx.tasks().run(ctx.t("task.loading"), p -> {
            for (int y = thisYear; y <= thisYear + 5; y++) {
                if (ctx.books().legal().holidayYear(y).source() == LawData.HolidaySource.NONE) return y;
            }
            return thisYear + 1;
        }, y -> {
            if (year.getValue() == null) year.setValue(y);
        });
        finishLayout();
    }

    private static TableColumn<LawData.HolidayDay, String> column(String title, Function<LawData.HolidayDay, String> f) {
        TableColumn<LawData.HolidayDay, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setSortable(false);
        return c;
    }

    private void load(int y) {
        int ticket = ++loads;
        loadedYear = null;
        status.setText(ctx.t("task.loading"));
        days.clear();
        ctx.tasks().run(ctx.t("task.loading"), p -> {
            LawData.HolidayYear data = ctx.books().legal().holidayYear(y);
            List<LawData.HolidayDay> statutory = List.of();
            if (data.source() == LawData.HolidaySource.NONE && StatutoryHolidays.inForce(y)) {
                statutory = ctx.books().legal().statutoryHolidays(y).stream()
                        .map(h -> new LawData.HolidayDay(h.date(), h.name(), true)).toList();
            }
            return new Loaded(data, statutory);
        }, l -> {
            if (ticket != loads) return; // another year was chosen meanwhile
            days.setAll(l.data().days().isEmpty() ? l.statutory() : l.data().days());
            String key = switch (l.data().source()) {
                case USER -> "holidays.source.user";
                case SHIPPED -> "holidays.source.shipped";
                case NONE -> l.statutory().isEmpty() ? "holidays.source.none" : "holidays.source.statutory";
            };
            status.setText(ctx.t(key, String.valueOf(y)));
            loadedYear = y;
        });
    }

    private void addDay() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = Parse.date(date, "date", true, errors);
        String n = name.getText() == null ? "" : name.getText().strip();
        if (loadedYear == null) errors.add(FieldError.error("year", "holidays.loading"));
        if (n.isEmpty()) errors.add(FieldError.error("name", "validation.required"));
        else if (n.length() > 20) errors.add(FieldError.error("name", "holidays.name.tooLong"));
        if (d != null && loadedYear != null && d.getYear() != loadedYear) {
            errors.add(FieldError.error("date", "holidays.notInYear", String.valueOf(loadedYear)));
        }
        if (d != null && workday.isSelected() && d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
            errors.add(FieldError.error("date", "holidays.workdayOnWeekend"));
        }
        form.show(errors, ctx.i18n());
        if (!errors.isEmpty()) return;
        days.removeIf(x -> x.date().equals(d));
        LawData.HolidayDay added = new LawData.HolidayDay(d, n, !workday.isSelected());
        days.add(added);
        days.sort(Comparator.comparing(LawData.HolidayDay::date));
        table.getSelectionModel().clearAndSelect(days.indexOf(added));
        table.scrollTo(added);
        date.setValue(null);
        date.getEditor().clear();
    }

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (loadedYear == null) errors.add(FieldError.error("year", "holidays.loading"));
        else if (days.isEmpty()) errors.add(FieldError.error("table", "holidays.empty"));
        toSave = List.copyOf(days); // read here, on the FX thread; saved in the background
        return errors;
    }

    @Override
    protected Integer save(boolean acceptWarnings) {
        int y = loadedYear;
        ctx.books().legal().saveHolidays(y, toSave);
        return y;
    }
}
