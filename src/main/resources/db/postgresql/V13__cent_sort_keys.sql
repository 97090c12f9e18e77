-- Issue 7, decision 0011, as db/h2/V13__cent_sort_keys.sql: the amount sort keys as whole cents (BIGINT), generated
-- from the amounts so no writer can let them drift. PostgreSQL's form (issue 22, decision 0014): one ADD COLUMN per
-- column, and generated columns are STORED (PostgreSQL 12+ has no virtual ones). Same columns, same index names.
DROP INDEX receivable_book_principal;
DROP INDEX receivable_book_outstanding;
DROP INDEX customer_book_outstanding;
ALTER TABLE receivable
    ADD COLUMN principal_cents   BIGINT GENERATED ALWAYS AS (CAST(principal * 100 AS BIGINT)) STORED,
    ADD COLUMN outstanding_cents BIGINT GENERATED ALWAYS AS (CAST(outstanding * 100 AS BIGINT)) STORED;
ALTER TABLE customer ADD COLUMN outstanding_cents BIGINT GENERATED ALWAYS AS (CAST(outstanding * 100 AS BIGINT)) STORED;
CREATE INDEX receivable_book_principal ON receivable (creditor_id, principal_cents);
CREATE INDEX receivable_book_outstanding ON receivable (creditor_id, outstanding_cents);
CREATE INDEX customer_book_outstanding ON customer (creditor_id, outstanding_cents);
