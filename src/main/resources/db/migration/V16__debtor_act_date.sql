-- Issue 18: the day of the debtor's own act (an acknowledgement, a promise) when it is not the day of the contact entry
-- that records it: a reply on 2026-07-02 to a message of 2026-07-01. Documents and the limitation take this date.
ALTER TABLE contact_entry ADD COLUMN debtor_acted_on DATE;
