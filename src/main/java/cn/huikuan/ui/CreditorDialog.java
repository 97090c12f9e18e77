package cn.huikuan.ui;

import cn.huikuan.domain.CreditorProfile;
import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.PartyKind;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import java.util.List;

import static cn.huikuan.ui.CustomerEditor.field;
import static cn.huikuan.ui.CustomerEditor.nz;

/** The user's own business: printed as the creditor on every letter and court document. */
public final class CreditorDialog extends FormDialog<CreditorProfile> {
    private final CreditorProfile profile;
    private final RadioButton person = new RadioButton();
    private final RadioButton organisation = new RadioButton();
    private final TextField name = field("creditorName");
    private final TextField number = field("creditorNumber");
    private final TextField reason = field("creditorNumberReason");
    private final TextField address = field("creditorAddress");
    private final TextField legalRep = field("creditorLegalRep");
    private final TextField phone = field("creditorPhone");
    private final TextField bank = field("creditorBank");
    private final TextField accountName = field("creditorAccountName");
    private final TextField accountNumber = field("creditorAccountNumber");

    public CreditorDialog(AppContext ctx, Window owner, CreditorProfile profile) {
        super(ctx, owner, ctx.t("creditor.title"), "creditorDialog");
        this.profile = profile;
        ToggleGroup g = new ToggleGroup();
        person.setText(ctx.i18n().e(PartyKind.PERSON));
        person.setToggleGroup(g);
        organisation.setText(ctx.i18n().e(PartyKind.ORGANISATION));
        organisation.setToggleGroup(g);
        (profile.getKind() == PartyKind.PERSON ? person : organisation).setSelected(true);
        form.addHint(ctx.t("creditor.hint"));
        form.add("kind", ctx.t("customer.kind"), new HBox(16, organisation, person));
        form.add("name", ctx.t("creditor.name"), name);
        form.add("registrationNumber", ctx.t("customer.number"), number);
        form.add("numberOverrideReason", ctx.t("customer.numberReason"), reason);
        form.add("address", ctx.t("customer.address"), address);
        form.add("legalRepresentative", ctx.t("customer.legalRep"), legalRep);
        form.add("contactPhone", ctx.t("customer.phones"), phone);
        form.section(ctx.t("creditor.section.bank"));
        form.add("bankName", ctx.t("creditor.bank"), bank);
        form.add("bankAccountName", ctx.t("creditor.accountName"), accountName);
        form.add("bankAccountNumber", ctx.t("creditor.accountNumber"), accountNumber);
        name.setText(nz(profile.getName()));
        number.setText(nz(profile.getRegistrationNumber()));
        reason.setText(nz(profile.getNumberOverrideReason()));
        address.setText(nz(profile.getAddress()));
        legalRep.setText(nz(profile.getLegalRepresentative()));
        phone.setText(nz(profile.getContactPhone()));
        bank.setText(nz(profile.getBankName()));
        accountName.setText(nz(profile.getBankAccountName()));
        accountNumber.setText(nz(profile.getBankAccountNumber()));
        finishLayout();
    }

    @Override
    protected List<FieldError> validate() {
        profile.setKind(person.isSelected() ? PartyKind.PERSON : PartyKind.ORGANISATION);
        profile.setName(name.getText());
        profile.setRegistrationNumber(number.getText());
        profile.setNumberOverrideReason(reason.getText());
        profile.setAddress(address.getText());
        profile.setLegalRepresentative(legalRep.getText());
        profile.setContactPhone(phone.getText());
        profile.setBankName(bank.getText());
        profile.setBankAccountName(accountName.getText());
        profile.setBankAccountNumber(accountNumber.getText());
        return profile.problems(ctx.books().today());
    }

    @Override
    protected boolean warningsCanBeConfirmed() {
        return false;
    }

    @Override
    protected CreditorProfile save(boolean acceptWarnings) {
        return ctx.books().saveCreditor(profile);
    }
}
