package cn.huikuan.ui;

import cn.huikuan.domain.CourtEvent;
import cn.huikuan.domain.FieldError;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.huikuan.ui.CustomerEditor.field;

/** Record a step before the court or arbitrator; the deadlines it starts are computed from it. */
public final class CourtEventDialog extends FormDialog<CourtEvent> {
    private final long receivableId;
    private final ComboBox<CourtEvent.Kind> kind = new ComboBox<>();
    private final DatePicker date = Parse.datePicker("courtEventDate");
    private final TextField court = field("courtEventCourt");
    private final TextField caseNumber = field("courtEventCaseNumber");
    private final TextField note = field("courtEventNote");
    private LocalDate parsed;
    /** The step being corrected, or null for a new one. */
    private final CourtEvent existing;

    public CourtEventDialog(AppContext ctx, Window owner, long receivableId) {
        this(ctx, owner, receivableId, null);
    }

    /** {@code existing}: a recorded step to correct (issue 21: court steps could not be edited); null records a new one. */
    public CourtEventDialog(AppContext ctx, Window owner, long receivableId, CourtEvent existing) {
        super(ctx, owner, ctx.t(existing == null ? "court.new" : "court.edit"), "courtEventDialog");
        this.receivableId = receivableId;
        this.existing = existing;
        EnumCombos.setUp(kind, "courtEventKind", ctx.i18n(), CourtEvent.Kind.PAYMENT_ORDER_FILED, CourtEvent.Kind.values());
        date.setValue(ctx.books().today());
        if (existing != null) {
            kind.setValue(existing.getKind());
            date.setValue(existing.getEventDate());
            court.setText(existing.getCourt());
            caseNumber.setText(existing.getCaseNumber());
            note.setText(existing.getNote());
        }
        form.add("kind", ctx.t("court.kind"), kind);
        form.add("eventDate", ctx.t("court.date"), date);
        form.addHint(ctx.t("court.date.hint"));
        form.add("court", ctx.t("court.court"), court);
        form.add("caseNumber", ctx.t("court.caseNumber"), caseNumber);
        caseNumber.setPromptText("（2026）浙0105民督123号");
        form.add("note", ctx.t("court.note"), note);
        finishLayout();
    }

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        parsed = Parse.date(date, "eventDate", true, errors);
        if (parsed != null && kind.getValue() != CourtEvent.Kind.PERFORMANCE_DUE && parsed.isAfter(ctx.books().today())) {
            errors.add(FieldError.error("eventDate", "validation.date.future"));
        }
        return errors;
    }

    @Override
    protected CourtEvent save(boolean acceptWarnings) {
        if (existing != null) {
            return ctx.books().court().edit(existing.getId(), existing.getVersion(), kind.getValue(), parsed, court.getText(), caseNumber.getText(), note.getText());
        }
        return ctx.books().court().log(receivableId, kind.getValue(), parsed, court.getText(), caseNumber.getText(), note.getText());
    }
}
