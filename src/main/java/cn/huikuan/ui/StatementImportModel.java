package cn.huikuan.ui;

import cn.huikuan.application.Books;
import cn.huikuan.application.StatementImportService;
import cn.huikuan.statements.MatchKind;
import cn.huikuan.statements.OpenReceivable;
import cn.huikuan.statements.StatementRefused;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The statement import screen's state (issue 23, a view model as issue 25 asks): the lines read from the file with
 * what is proposed for each, the user's choice per line (record it to the proposed or another receivable, or skip
 * it), the receivables found for a change, and what was recorded. Nothing is recorded until {@link #record}; reading
 * and recording run through {@link Background}. No controls: tested without a robot ({@code StatementImportModelTest}).
 */
public final class StatementImportModel {
    /** One line of the statement and the user's choice for it. */
    public static final class Row {
        private final StatementImportService.Line line;
        private final ReadOnlyObjectWrapper<OpenReceivable> target = new ReadOnlyObjectWrapper<>();
        private final ReadOnlyBooleanWrapper record = new ReadOnlyBooleanWrapper();

        Row(StatementImportService.Line line) {
            this.line = line;
            if (line.open() && line.proposal().matched()) {
                target.set(line.proposal().receivable());
                record.set(true);
            }
        }

        public StatementImportService.Line line() {
            return line;
        }

        /** Whether the user can record this line: money received, not recorded before, not dated after today. */
        public boolean actionable() {
            return line.open();
        }

        /** The receivable the line would pay (the proposal until the user changes it); null if none. */
        public ReadOnlyObjectProperty<OpenReceivable> target() {
            return target.getReadOnlyProperty();
        }

        /** Whether the line is to be recorded (confirmed by default when there is a proposal). */
        public ReadOnlyBooleanProperty record() {
            return record.getReadOnlyProperty();
        }

        /** How the amount fits the chosen receivable; null when none is chosen or the amount is more than it has open. */
        public MatchKind kind() {
            return target.get() == null ? null : StatementImportService.kindOf(line.line(), target.get());
        }

        /** Whether the chosen receivable was proposed by the matcher (rather than picked by the user). */
        public boolean proposed() {
            return line.proposal().matched() && target.get() != null && target.get().id() == line.proposal().receivable().id();
        }
    }

    private final Books books;
    private final Background background;
    private final String reading;
    private final String recording;
    private final Runnable onRecorded;
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private final ObservableList<OpenReceivable> candidates = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<StatementImportService.Preview> preview = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<StatementImportService.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper refused = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyIntegerWrapper toRecord = new ReadOnlyIntegerWrapper();
    /** Counts the user's choices (confirm, skip, change): the view shows the rows again when it moves. */
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper();

    /**
     * @param reading, recording the status bar's texts while the file is read and the payments recorded
     * @param onRecorded   called on the FX thread once payments were recorded (the window publishes that the books changed)
     */
    public StatementImportModel(Books books, Background background, String reading, String recording, Runnable onRecorded) {
        this.books = books;
        this.background = background;
        this.reading = reading;
        this.recording = recording;
        this.onRecorded = onRecorded;
    }

    private record Outcome<T>(T value, String refused) {
    }

    /** Reads {@code file} and proposes; a file that is refused (not a statement, hostile) leaves its sentence in {@link #refused()}. */
    public void load(Path file) {
        busy.set(true);
        refused.set(null);
        background.run(reading, p -> {
            try {
                return new Outcome<>(books.statements().preview(file), null);
            } catch (StatementRefused e) {
                return new Outcome<StatementImportService.Preview>(null, e.getMessage());
            }
        }, o -> {
            busy.set(false);
            if (o.refused() != null) {
                refused.set(o.refused());
                return;
            }
            preview.set(o.value());
            rows.setAll(o.value().lines().stream().map(Row::new).toList());
            count();
        });
    }

    /** Records the line to the receivable proposed for it, or the one the user chose. */
    public void confirm(Row row) {
        if (!row.actionable() || row.target.get() == null || row.kind() == null) return;
        row.record.set(true);
        count();
    }

    public void skip(Row row) {
        row.record.set(false);
        count();
    }

    /**
     * Records the line to {@code r} instead; refused (false, nothing changes) when the amount is more than {@code r} has
     * open or {@code r} was made after the line's date.
     */
    public boolean change(Row row, OpenReceivable r) {
        if (!row.actionable() || r == null) return false;
        if (StatementImportService.kindOf(row.line.line(), r) == null || r.contractDate().isAfter(row.line.line().date())) return false;
        row.target.set(r);
        row.record.set(true);
        count();
        return true;
    }

    /** Finds open receivables for a change: customer name, title or contract number containing {@code text}. */
    public void search(String text) {
        background.run(reading, p -> books.statements().candidates(text, 50), candidates::setAll);
    }

    /** Records the confirmed lines; a choice the books refuse leaves its sentence in {@link #refused()} and records nothing. */
    public void record() {
        StatementImportService.Preview p = preview.get();
        if (p == null || busy.get()) return;
        Map<Integer, Long> choices = new LinkedHashMap<>();
        for (Row r : rows) {
            if (r.actionable() && r.record.get() && r.target.get() != null) choices.put(r.line.line().row(), r.target.get().id());
        }
        busy.set(true);
        refused.set(null);
        background.run(recording, x -> {
            try {
                return new Outcome<>(books.statements().apply(p, choices), null);
            } catch (StatementImportService.ApplyRefused | StatementRefused e) {
                return new Outcome<StatementImportService.Result>(null, e.getMessage());
            }
        }, o -> {
            busy.set(false);
            if (o.refused() != null) {
                refused.set(o.refused());
                return;
            }
            result.set(o.value());
            if (o.value().recorded() > 0) onRecorded.run();
        });
    }

    private void count() {
        revision.set(revision.get() + 1);
        toRecord.set((int) rows.stream().filter(r -> r.actionable() && r.record.get() && r.target.get() != null).count());
    }

    public ObservableList<Row> rows() { return FXCollections.unmodifiableObservableList(rows); }
    public ObservableList<OpenReceivable> candidates() { return FXCollections.unmodifiableObservableList(candidates); }
    public ReadOnlyObjectProperty<StatementImportService.Preview> preview() { return preview.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StatementImportService.Result> result() { return result.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refused() { return refused.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty busy() { return busy.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty revision() { return revision.getReadOnlyProperty(); }
    /** How many lines would be recorded now. */
    public ReadOnlyIntegerProperty toRecord() { return toRecord.getReadOnlyProperty(); }

    /** The rows the user can act on. */
    public List<Row> actionable() {
        return rows.stream().filter(Row::actionable).toList();
    }
}
