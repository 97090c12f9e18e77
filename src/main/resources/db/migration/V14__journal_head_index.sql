-- Issue 7: the journal's head (its newest entry) of a book, found at every journalled write (a payment, a contact,
-- an evidence item, a court step: AuditService.append, PaymentJournal) and the journal read in key order by
-- verify. With only the foreign key's index on creditor_id, H2 read every entry of the book and sorted them:
-- 0.5 s per write at 200,000 entries (scanCount 200,001), growing with the book; verify's pages read the whole
-- journal each. An index led by the book and ordered by id serves both from one end of a range.
CREATE INDEX audit_entry_book_id ON audit_entry (creditor_id, id);
