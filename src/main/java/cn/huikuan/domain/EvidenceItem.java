package cn.huikuan.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One piece of evidence attached to a receivable. The file itself lives in the app's content-addressed
 * store under its SHA-256; this record says what it is, where it came from and what it proves.
 */
public class EvidenceItem {
    private Long id;
    private Receivable receivable;
    private EvidenceType type = EvidenceType.OTHER;
    private String title;
    private LocalDate evidenceDate;
    /** 来源: who made or gave it (e.g. "李某签字", "中国银行网银导出"). */
    private String source;
    /** 证明目的: what it proves. */
    private String purpose;
    /** True if the user holds the original (原件), false for a copy (复印件). */
    private boolean original;
    private String sha256;
    private long sizeBytes;
    private String originalFileName;
    private String mediaType;
    private Instant importedAt;

    protected EvidenceItem() {
    }

    public EvidenceItem(Receivable receivable, EvidenceType type, String title, StoredFile file) {
        this.receivable = receivable;
        this.type = type;
        this.title = Text.clean(title);
        this.sha256 = file.sha256();
        this.sizeBytes = file.sizeBytes();
        this.originalFileName = file.originalFileName();
        this.mediaType = file.mediaType();
        this.importedAt = file.importedAt();
    }

    public List<FieldError> problems(LocalDate today) {
        List<FieldError> errors = new ArrayList<>();
        if (receivable == null) errors.add(FieldError.error("receivable", "validation.required"));
        if (type == null) errors.add(FieldError.error("type", "validation.required"));
        if (Text.isBlank(title)) errors.add(FieldError.error("title", "validation.required"));
        Text.checkLength(errors, "title", title, 200);
        Text.checkLength(errors, "source", source, 500);
        Text.checkLength(errors, "purpose", purpose, 2000);
        if (evidenceDate != null && evidenceDate.isAfter(today)) errors.add(FieldError.error("evidenceDate", "validation.date.future"));
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) errors.add(FieldError.error("file", "validation.required"));
        return errors;
    }

    public StoredFile storedFile() {
        return new StoredFile(sha256, sizeBytes, originalFileName, mediaType, importedAt);
    }

    public Long getId() { return id; }
    public Receivable getReceivable() { return receivable; }
    public EvidenceType getType() { return type; }
    public void setType(EvidenceType t) { this.type = t; }
    public String getTitle() { return title; }
    public void setTitle(String t) { this.title = Text.clean(t); }
    public LocalDate getEvidenceDate() { return evidenceDate; }
    public void setEvidenceDate(LocalDate d) { this.evidenceDate = d; }
    public String getSource() { return source; }
    public void setSource(String s) { this.source = Text.clean(s); }
    public String getPurpose() { return purpose; }
    public void setPurpose(String p) { this.purpose = Text.clean(p); }
    public boolean isOriginal() { return original; }
    public void setOriginal(boolean o) { this.original = o; }
    public String getSha256() { return sha256; }
    public long getSizeBytes() { return sizeBytes; }
    public String getOriginalFileName() { return originalFileName; }
    public String getMediaType() { return mediaType; }
    public Instant getImportedAt() { return importedAt; }

    @Override
    public String toString() {
        return title;
    }
}
