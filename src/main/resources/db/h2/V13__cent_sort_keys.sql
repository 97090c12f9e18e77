-- Issue 7, decision 0011: the amount sort keys as whole cents (BIGINT) instead of NUMERIC(19, 2). An import's
-- amounts arrive in random order, so every row lands on another page of the amount indexes; comparing NUMERIC
-- keys (BigDecimal) on each of those steps was a large part of an import's time (JFR; 100,000 rows), while
-- BIGINT keys compare as longs and are stored in fewer bytes. The columns are generated from the amounts
-- themselves, so no writer can let them drift; amounts have two decimals (NUMERIC(19, 2)), so x 100 is exact.
-- The sort and search queries order and seek by these columns through the same index names as before.
DROP INDEX receivable_book_principal;
DROP INDEX receivable_book_outstanding;
DROP INDEX customer_book_outstanding;
ALTER TABLE receivable ADD COLUMN (
    principal_cents   BIGINT GENERATED ALWAYS AS (CAST(principal * 100 AS BIGINT)),
    outstanding_cents BIGINT GENERATED ALWAYS AS (CAST(outstanding * 100 AS BIGINT))
);
ALTER TABLE customer ADD COLUMN outstanding_cents BIGINT GENERATED ALWAYS AS (CAST(outstanding * 100 AS BIGINT));
CREATE INDEX receivable_book_principal ON receivable (creditor_id, principal_cents);
CREATE INDEX receivable_book_outstanding ON receivable (creditor_id, outstanding_cents);
CREATE INDEX customer_book_outstanding ON customer (creditor_id, outstanding_cents);
