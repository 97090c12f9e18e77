package cn.huikuan.ui;

import cn.huikuan.domain.ContactMethod;
import cn.huikuan.domain.Customer;
import cn.huikuan.domain.FieldError;
import cn.huikuan.domain.KnownAsset;
import cn.huikuan.domain.PartyKind;
import cn.huikuan.domain.PayerSituation;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Create or edit a customer (debtor). A wrong check digit is shown as a warning that a reason overrides. */
public final class CustomerEditor extends FormDialog<Customer> {
    private final Customer customer;
    private final RadioButton person = new RadioButton();
    private final RadioButton organisation = new RadioButton();
    private final TextField name = field("customerName");
    private final TextField number = field("customerNumber");
    private final TextField reason = field("customerNumberReason");
    private final TextField legalRep = field("customerLegalRep");
    private final TextField address = field("customerAddress");
    private final TextField phones = field("customerPhones");
    private final TextField wechat = field("customerWechat");
    private final TextField email = field("customerEmail");
    private final ComboBox<PayerSituation> situation = new ComboBox<>();
    private final TextArea situationNotes = area("customerSituationNotes", 2);
    private final ObservableList<KnownAsset> assets = FXCollections.observableArrayList();
    private final TextArea notes = area("customerNotes", 2);

    public CustomerEditor(AppContext ctx, Window owner, Customer existing) {
        super(ctx, owner, ctx.t(existing == null ? "customer.new" : "customer.edit"), "customerEditor");
        this.customer = existing != null ? existing : ctx.books().customers().newCustomer(PartyKind.PERSON, null);
        ToggleGroup kind = new ToggleGroup();
        person.setText(ctx.i18n().e(PartyKind.PERSON));
        person.setId("customerKind-person");
        person.setToggleGroup(kind);
        organisation.setText(ctx.i18n().e(PartyKind.ORGANISATION));
        organisation.setId("customerKind-org");
        organisation.setToggleGroup(kind);
        kind.selectedToggleProperty().addListener((o, a, b) -> kindChanged());

        form.section(ctx.t("customer.section.identity"));
        form.add("kind", ctx.t("customer.kind"), new HBox(16, person, organisation));
        form.add("name", ctx.t("customer.name"), name);
        form.add("registrationNumber", ctx.t("customer.number"), number);
        form.add("numberOverrideReason", ctx.t("customer.numberReason"), reason);
        reason.setPromptText(ctx.t("customer.numberReason.prompt"));
        form.add("legalRepresentative", ctx.t("customer.legalRep"), legalRep);
        form.add("address", ctx.t("customer.address"), address);
        form.section(ctx.t("customer.section.contact"));
        form.add("contacts", ctx.t("customer.phones"), phones);
        phones.setPromptText(ctx.t("customer.phones.prompt"));
        form.add("wechat", ctx.t("customer.wechat"), wechat);
        form.add("email", ctx.t("customer.email"), email);
        form.section(ctx.t("customer.section.situation"));
        EnumCombos.setUp(situation, "customerSituation", ctx.i18n(), PayerSituation.UNKNOWN, PayerSituation.values());
        form.add("situation", ctx.t("customer.situation"), situation);
        form.add("situationNotes", ctx.t("customer.situationNotes"), situationNotes);
        form.add("assets", ctx.t("customer.assets"), assetEditor());
        form.add("notes", ctx.t("customer.notes"), notes);

        (customer.getKind() == PartyKind.ORGANISATION ? organisation : person).setSelected(true);
        name.setText(nz(customer.getName()));
        number.setText(nz(customer.getRegistrationNumber()));
        reason.setText(nz(customer.getNumberOverrideReason()));
        legalRep.setText(nz(customer.getLegalRepresentative()));
        address.setText(nz(customer.getAddress()));
        phones.setText(String.join(", ", customer.getContacts().stream()
                .filter(c -> c.getKind() == ContactMethod.Kind.PHONE).map(ContactMethod::getValue).toList()));
        wechat.setText(nz(customer.wechatId()));
        email.setText(nz(customer.getContacts().stream().filter(c -> c.getKind() == ContactMethod.Kind.EMAIL)
                .map(ContactMethod::getValue).findFirst().orElse(null)));
        situation.setValue(customer.getSituation());
        situationNotes.setText(nz(customer.getSituationNotes()));
        assets.setAll(customer.getAssets());
        notes.setText(nz(customer.getNotes()));
        kindChanged();
        finishLayout();
    }

    private VBox assetEditor() {
        ListView<KnownAsset> list = new ListView<>(assets);
        list.setId("customerAssets");
        list.setPrefHeight(80);
        list.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(KnownAsset a, boolean empty) {
                super.updateItem(a, empty);
                setText(empty || a == null ? null : ctx.i18n().e(a.getKind()) + "：" + nz(a.getDescription()));
            }
        });
        ComboBox<KnownAsset.Kind> kind = EnumCombos.setUp(new ComboBox<>(), "assetKind", ctx.i18n(), KnownAsset.Kind.BANK_ACCOUNT,
                KnownAsset.Kind.values());
        TextField desc = field("assetDescription");
        desc.setPromptText(ctx.t("customer.assets.prompt"));
        HBox.setHgrow(desc, Priority.ALWAYS);
        Button add = new Button(ctx.t("action.add"));
        add.setId("addAsset");
        add.setOnAction(e -> {
            if (desc.getText() != null && !desc.getText().isBlank()) {
                assets.add(new KnownAsset(kind.getValue(), desc.getText()));
                desc.clear();
            }
        });
        Button remove = new Button(ctx.t("action.remove"));
        remove.setId("removeAsset");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> assets.remove(list.getSelectionModel().getSelectedItem()));
        // the buttons keep their whole label; the description field gives way (issue 21: 「添加」 was squeezed to 「…」)
        add.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        remove.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        kind.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return new VBox(4, list, new HBox(6, kind, desc, add, remove));
    }

    private void kindChanged() {
        boolean org = organisation.isSelected();
        legalRep.setDisable(!org);
        number.setPromptText(ctx.t(org ? "customer.number.org.prompt" : "customer.number.person.prompt"));
    }

    @Override
    protected List<FieldError> validate() {
        customer.setKind(organisation.isSelected() ? PartyKind.ORGANISATION : PartyKind.PERSON);
        customer.setName(name.getText());
        customer.setRegistrationNumber(number.getText());
        customer.setNumberOverrideReason(reason.getText());
        customer.setLegalRepresentative(organisation.isSelected() ? legalRep.getText() : null);
        customer.setAddress(address.getText());
        List<ContactMethod> contacts = new ArrayList<>();
        if (phones.getText() != null) {
            Arrays.stream(phones.getText().split("[,，;；、]")).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(p -> contacts.add(new ContactMethod(ContactMethod.Kind.PHONE, p)));
        }
        List<FieldError> errors = new ArrayList<>();
        if (wechat.getText() != null && !wechat.getText().isBlank()) contacts.add(new ContactMethod(ContactMethod.Kind.WECHAT, wechat.getText()));
        if (email.getText() != null && !email.getText().isBlank()) {
            if (!email.getText().strip().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) errors.add(FieldError.error("email", "validation.email"));
            else contacts.add(new ContactMethod(ContactMethod.Kind.EMAIL, email.getText()));
        }
        customer.setContacts(contacts);
        customer.setSituation(situation.getValue());
        customer.setSituationNotes(situationNotes.getText());
        customer.setAssets(new ArrayList<>(assets));
        customer.setNotes(notes.getText());
        errors.addAll(customer.problems(ctx.books().today()));
        return errors;
    }

    @Override
    protected boolean warningsCanBeConfirmed() {
        return false;
    }

    @Override
    protected Customer save(boolean acceptWarnings) {
        return ctx.books().customers().save(customer);
    }

    static TextField field(String id) {
        TextField t = new TextField();
        t.setId(id);
        return t;
    }

    static TextArea area(String id, int rows) {
        TextArea t = new TextArea();
        t.setId(id);
        t.setPrefRowCount(rows);
        t.setWrapText(true);
        return t;
    }

    static String nz(String s) {
        return s == null ? "" : s;
    }
}
