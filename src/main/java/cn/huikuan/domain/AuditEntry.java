package cn.huikuan.domain;

import java.time.Instant;

/** One link of the tamper-evident journal; written once, never changed. */
public class AuditEntry {
    private Long id;
    private Long creditorId;
    private Instant recordedAt;
    private String entity;
    private Long entityId;
    private String content;
    /** Set when the record was erased on the data subject's request: the text is gone, the hash stays. */
    private Instant erasedAt;
    private String prevHash;
    private String hash;
    /** The office staff member who wrote it (team mode); null on a PC. */
    private String staff;

    protected AuditEntry() {
    }

    public AuditEntry(Long creditorId, Instant recordedAt, String entity, long entityId, String content, String prevHash) {
        this(creditorId, recordedAt, entity, entityId, content, prevHash, null);
    }

    public AuditEntry(Long creditorId, Instant recordedAt, String entity, long entityId, String content, String prevHash, String staff) {
        this.staff = staff;
        this.creditorId = creditorId;
        this.recordedAt = recordedAt;
        this.entity = entity;
        this.entityId = entityId;
        this.content = content;
        this.prevHash = prevHash;
        this.hash = AuditChain.hash(prevHash, entity, entityId, content, staff);
    }

    public Long getId() { return id; }
    public Long getCreditorId() { return creditorId; }
    public Instant getRecordedAt() { return recordedAt; }
    public String getEntity() { return entity; }
    public Long getEntityId() { return entityId; }
    public String getContent() { return content; }
    public Instant getErasedAt() { return erasedAt; }

    /** Blanks the text of an erased record's entry; its hash keeps the chain linked. */
    public void erase(Instant when) {
        this.content = "";
        this.erasedAt = when;
    }
    public String getPrevHash() { return prevHash; }
    public String getHash() { return hash; }
    public String getStaff() { return staff; }
}
