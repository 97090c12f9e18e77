package cn.huikuan.domain;

/** Property of the debtor the creditor knows of, for a later preservation (财产保全) application. */
public class KnownAsset {
    public enum Kind { BANK_ACCOUNT, VEHICLE, REAL_ESTATE, RECEIVABLE, EQUITY, OTHER }

    private Kind kind;
    private String description;

    protected KnownAsset() {
    }

    public KnownAsset(Kind kind, String description) {
        this.kind = kind;
        this.description = Text.clean(description);
    }

    public Kind getKind() { return kind; }
    public String getDescription() { return description; }
}
