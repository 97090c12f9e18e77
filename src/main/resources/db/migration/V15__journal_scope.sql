-- Issue 24: receivables (with their terms and schedules) and customers' identifying data are journalled too. A book
-- journalled from before has its existing receivables and customers journalled once when it next opens
-- (AuditService.sealClaimRecords); this table records, per book, that this was done (level 1).
CREATE TABLE journal_scope (
    creditor_id BIGINT  NOT NULL PRIMARY KEY REFERENCES creditor (id),
    level       INTEGER NOT NULL
);
