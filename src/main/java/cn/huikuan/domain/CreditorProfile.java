package cn.huikuan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** The user's own business (债权人): who is owed the money and where it should be paid. */
public class CreditorProfile {
    private Long id;
    private long version;
    private PartyKind kind = PartyKind.ORGANISATION;
    private String name;
    /** 统一社会信用代码 for an organisation, 居民身份证号码 for a person. */
    private String registrationNumber;
    private String numberOverrideReason;
    private String address;
    private String legalRepresentative;
    private String contactPhone;
    private String bankName;
    private String bankAccountName;
    private String bankAccountNumber;
    private Instant createdAt;

    protected CreditorProfile() {
    }

    public CreditorProfile(PartyKind kind, String name) {
        this.kind = kind;
        this.name = name;
        this.createdAt = Instant.now();
    }

    public List<FieldError> problems(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (Text.isBlank(name)) errors.add(FieldError.error("name", "validation.required"));
        Text.checkLength(errors, "name", name, 200);
        Text.checkLength(errors, "address", address, 500);
        Text.checkLength(errors, "bankAccountNumber", bankAccountNumber, 64);
        PartyKind.checkRegistration(errors, kind, "registrationNumber", registrationNumber, numberOverrideReason, today);
        return errors;
    }

    public Long getId() { return id; }
    public long getVersion() { return version; }
    public PartyKind getKind() { return kind; }
    public void setKind(PartyKind kind) { this.kind = kind; }
    public String getName() { return name; }
    public void setName(String name) { this.name = Text.clean(name); }
    public String getRegistrationNumber() { return registrationNumber; }
    public void setRegistrationNumber(String v) { this.registrationNumber = Text.emptyToNull(IdentityNumbers.normalize(v)); }
    public String getNumberOverrideReason() { return numberOverrideReason; }
    public void setNumberOverrideReason(String v) { this.numberOverrideReason = Text.clean(v); }
    public String getAddress() { return address; }
    public void setAddress(String address) { this.address = Text.clean(address); }
    public String getLegalRepresentative() { return legalRepresentative; }
    public void setLegalRepresentative(String v) { this.legalRepresentative = Text.clean(v); }
    public String getContactPhone() { return contactPhone; }
    public void setContactPhone(String v) { this.contactPhone = Text.clean(v); }
    public String getBankName() { return bankName; }
    public void setBankName(String v) { this.bankName = Text.clean(v); }
    public String getBankAccountName() { return bankAccountName; }
    public void setBankAccountName(String v) { this.bankAccountName = Text.clean(v); }
    public String getBankAccountNumber() { return bankAccountNumber; }
    public void setBankAccountNumber(String v) { this.bankAccountNumber = Text.clean(v); }
    public Instant getCreatedAt() { return createdAt; }
}
