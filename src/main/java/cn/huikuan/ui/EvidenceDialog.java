package cn.huikuan.ui;

import cn.huikuan.application.EvidenceService;
import cn.huikuan.domain.EvidenceItem;
import cn.huikuan.domain.EvidenceType;
import cn.huikuan.domain.FieldError;
import cn.huikuan.storage.EvidenceImportException;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Window;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static cn.huikuan.ui.CustomerEditor.area;
import static cn.huikuan.ui.CustomerEditor.field;
import cn.huikuan.domain.DomainException;
import cn.huikuan.domain.Text;

/** Attach one evidence file: the file is copied into the app's store and described (type, source, purpose). */
public final class EvidenceDialog extends FormDialog<EvidenceItem> {
    private final long receivableId;
    private final TextField file = field("evidenceFile");
    private final ComboBox<EvidenceType> type = new ComboBox<>();
    private final TextField title = field("evidenceTitle");
    private final DatePicker date = Parse.datePicker("evidenceDate");
    private final TextField source = field("evidenceSource");
    private final TextArea purpose = area("evidencePurpose", 2);
    private final CheckBox original = new CheckBox();
    private Path chosen;
    private EvidenceService.Details details;

    public EvidenceDialog(AppContext ctx, Window owner, long receivableId, Path initialFile) {
        super(ctx, owner, ctx.t("evidence.new"), "evidenceDialog");
        this.receivableId = receivableId;
        file.setEditable(false);
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button(ctx.t("evidence.choose"));
        choose.setId("chooseEvidenceFile");
        choose.setOnAction(e -> ctx.dialogs().chooseFiles(getDialogPane().getScene().getWindow(), ctx.t("evidence.choose"))
                .stream().findFirst().ifPresent(this::setFile));
        EnumCombos.setUp(type, "evidenceType", ctx.i18n(), EvidenceType.OTHER, EvidenceType.values());
        original.setId("evidenceOriginal");
        original.setText(ctx.t("evidence.original.yes"));
        form.add("file", ctx.t("evidence.file"), new HBox(6, file, choose));
        form.addHint(ctx.t("evidence.file.hint", ctx.books().maxEvidenceBytes() / (1024 * 1024)));
        form.add("type", ctx.t("evidence.type"), type);
        form.add("title", ctx.t("evidence.title"), title);
        form.add("evidenceDate", ctx.t("evidence.date"), date);
        form.add("source", ctx.t("evidence.source"), source);
        source.setPromptText(ctx.t("evidence.source.prompt"));
        form.add("purpose", ctx.t("evidence.purpose"), purpose);
        purpose.setPromptText(ctx.t("evidence.purpose.prompt"));
        form.add("original", ctx.t("evidence.original"), original);
        if (initialFile != null) setFile(initialFile);
        finishLayout();
    }

    private void setFile(Path p) {
        chosen = p;
        file.setText(Text.visible(p.toString()));
        if (title.getText() == null || title.getText().isBlank()) {
            String name = Text.visible(p.getFileName().toString()); // a title never hides a direction control
            int dot = name.lastIndexOf('.');
            title.setText(dot > 0 ? name.substring(0, dot) : name);
        }
        type.setValue(guessType(p.getFileName().toString()));
    }

    static EvidenceType guessType(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.contains("合同") || n.contains("contract")) return EvidenceType.CONTRACT;
        if (n.contains("借条") || n.contains("iou")) return EvidenceType.IOU;
        if (n.contains("送货") || n.contains("delivery")) return EvidenceType.DELIVERY_NOTE;
        if (n.contains("签收")) return EvidenceType.RECEIPT_SIGNED;
        if (n.contains("对账")) return EvidenceType.STATEMENT;
        if (n.contains("回单") || n.contains("转账") || n.contains("transfer")) return EvidenceType.TRANSFER_VOUCHER;
        if (n.contains("聊天") || n.contains("微信") || n.contains("chat") || n.contains("wechat")) return EvidenceType.CHAT_RECORD;
        if (n.endsWith(".mp3") || n.endsWith(".m4a") || n.endsWith(".amr") || n.endsWith(".wav")) return EvidenceType.CALL_RECORDING;
        return EvidenceType.OTHER;
    }

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (chosen == null) {
            errors.add(FieldError.error("file", "validation.required"));
        } else {
            ctx.books().precheckEvidence(chosen).ifPresent(reason -> errors.add(switch (reason) {
                case EMPTY -> FieldError.error("file", "validation.file.empty");
                case TOO_LARGE -> FieldError.error("file", "validation.file.tooLarge", ctx.books().maxEvidenceBytes() / (1024 * 1024));
                default -> FieldError.error("file", "validation.file.import", ErrorMessages.describe(new EvidenceImportException(reason, chosen, null), ctx.i18n()));
            }));
        }
        LocalDate d = Parse.date(date, "evidenceDate", false, errors);
        if (d != null && d.isAfter(ctx.books().today())) errors.add(FieldError.error("evidenceDate", "validation.date.future"));
        if (title.getText() == null || title.getText().isBlank()) errors.add(FieldError.error("title", "validation.required"));
        details = new EvidenceService.Details(type.getValue(), title.getText(), d, source.getText(), purpose.getText(), original.isSelected());
        return errors;
    }

    @Override
    protected EvidenceItem save(boolean acceptWarnings) {
        try {
            return ctx.books().evidence().attach(receivableId, chosen, details);
        } catch (EvidenceImportException e) {
            throw new DomainException(FieldError.error("file", "validation.file.import", ErrorMessages.describe(e, ctx.i18n())));
        }
    }
}
