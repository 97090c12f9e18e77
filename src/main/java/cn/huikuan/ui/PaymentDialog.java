package cn.huikuan.ui;

import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.Payment;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.stage.Window;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static cn.huikuan.ui.CustomerEditor.field;

/** Record money received against a receivable. */
public final class PaymentDialog extends FormDialog<Payment> {
    private final long receivableId;
    private final DatePicker date = Parse.datePicker("paymentDate");
    private final TextField amount = field("paymentAmount");
    private final ComboBox<Payment.Channel> channel = new ComboBox<>();
    private final TextField reference = field("paymentReference");
    private final TextField note = field("paymentNote");
    private Payment draft;

    public PaymentDialog(AppContext ctx, Window owner, long receivableId) {
        super(ctx, owner, ctx.t("payment.new"), "paymentDialog");
        this.receivableId = receivableId;
        EnumCombos.setUp(channel, "paymentChannel", ctx.i18n(), Payment.Channel.BANK_TRANSFER, Payment.Channel.values());
        date.setValue(ctx.books().today());
        form.add("paidOn", ctx.t("payment.date"), date);
        form.add("amount", ctx.t("payment.amount"), amount);
        form.add("channel", ctx.t("payment.channel"), channel);
        form.add("reference", ctx.t("payment.reference"), reference);
        reference.setPromptText(ctx.t("payment.reference.prompt"));
        form.add("note", ctx.t("payment.note"), note);
        finishLayout();
    }

    @Override
    protected List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate d = Parse.date(date, "paidOn", true, errors);
        BigDecimal a = Parse.amount(amount, "amount", true, errors);
        if (d != null && d.isAfter(ctx.books().today())) errors.add(FieldError.error("paidOn", "validation.date.future"));
        draft = new Payment(null, d, a, channel.getValue());
        draft.setReference(reference.getText());
        draft.setNote(note.getText());
        return errors;
    }

    @Override
    protected Payment save(boolean acceptWarnings) {
        return ctx.books().receivables().addPayment(receivableId, draft, acceptWarnings);
    }
}
