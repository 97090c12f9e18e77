package cn.huikuan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A debtor: a natural person or an organisation that owes the creditor money. */
public class Customer {
    private Long id;
    private long version;
    private Long creditorId;
    private PartyKind kind = PartyKind.PERSON;
    private String name;
    /** 居民身份证号码 (person) or 统一社会信用代码 (organisation). */
    private String registrationNumber;
    /** Why the user keeps a number whose check digit fails. */
    private String numberOverrideReason;
    private String legalRepresentative;
    private String address;
    private List<ContactMethod> contacts = new ArrayList<>();
    private PayerSituation situation = PayerSituation.UNKNOWN;
    private String situationNotes;
    private List<KnownAsset> assets = new ArrayList<>();
    private String notes;
    private Instant createdAt;

    protected Customer() {
    }

    public Customer(Long creditorId, PartyKind kind, String name) {
        this.creditorId = creditorId;
        this.kind = kind;
        this.name = Text.clean(name);
        this.createdAt = Instant.now();
    }

    /** Every problem that stops (errors) or questions (warnings) saving this customer. */
    public List<FieldError> problems(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (Text.isBlank(name)) errors.add(FieldError.error("name", "validation.required"));
        Text.checkLength(errors, "name", name, 200);
        Text.checkLength(errors, "address", address, 500);
        Text.checkLength(errors, "legalRepresentative", legalRepresentative, 100);
        Text.checkLength(errors, "notes", notes, 10_000);
        Text.checkLength(errors, "situationNotes", situationNotes, 10_000);
        PartyKind.checkRegistration(errors, kind, "registrationNumber", registrationNumber, numberOverrideReason, today);
        for (int i = 0; i < contacts.size(); i++) {
            contacts.get(i).check(errors, i);
        }
        return errors;
    }

    /** First phone number, or null. */
    public String primaryPhone() {
        return contacts.stream().filter(c -> c.getKind() == ContactMethod.Kind.PHONE)
                .map(ContactMethod::getValue).findFirst().orElse(null);
    }

    public String wechatId() {
        return contacts.stream().filter(c -> c.getKind() == ContactMethod.Kind.WECHAT)
                .map(ContactMethod::getValue).findFirst().orElse(null);
    }

    public Long getId() { return id; }
    public Long getCreditorId() { return creditorId; }
    public PartyKind getKind() { return kind; }
    public void setKind(PartyKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = Text.clean(name); }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String v) { this.registrationNumber = Text.emptyToNull(IdentityNumbers.normalize(v)); }
    public String getNumberOverrideReason() { return numberOverrideReason; }
    public void setNumberOverrideReason(String v) { this.numberOverrideReason = Text.clean(v); }
    public String getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(String v) { this.legalRepresentative = Text.clean(v); }
    public String getAddress() { return address; }
    public void setAddress(String v) { this.address = Text.clean(v); }
    public List<ContactMethod> getContacts() { return contacts; }
    public void setContacts(List<ContactMethod> contacts) { this.contacts.clear(); this.contacts.addAll(contacts); }
    public PayerSituation getSituation() { return situation; }
    public void setSituation(PayerSituation s) { this.situation = s == null ? PayerSituation.UNKNOWN : s; }
    public String getSituationNotes() { return situationNotes; }
    public void setSituationNotes(String v) { this.situationNotes = Text.clean(v); }
    public List<KnownAsset> getAssets() { return assets; }
    public void setAssets(List<KnownAsset> assets) { this.assets.clear(); this.assets.addAll(assets); }
    public String getNotes() { return notes; }
    public void setNotes(String v) { this.notes = Text.clean(v); }
    public Instant getCreatedAt() { return createdAt; }
    public long getVersion() { return version; }

    @Override
    public String toString() {
        return name;
    }
}
