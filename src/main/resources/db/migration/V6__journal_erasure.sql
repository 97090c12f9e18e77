-- Erasure of one debtor's data on request (个人信息保护法 §47, issue 8): a journal entry whose record was
-- erased keeps its place and hash in the chain but loses its text; erased_at says when. The erasure
-- itself is journalled (entity 'erasure'), listing the entries it blanked.
ALTER TABLE audit_entry ADD COLUMN erased_at TIMESTAMP(6) WITH TIME ZONE;
