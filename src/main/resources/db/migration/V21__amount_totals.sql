-- Issue 25: how many receivables of each book have each kept amount key, in buckets, so that a deep page of the list
-- sorted by amount or by outstanding starts at the bucket it falls in (as a deep page by due date starts at its date,
-- book_due_total) instead of stepping over half a million index entries (a middle page of 1,000,000: 80-230 ms).
-- kind: 'P' principal_cents, 'O' outstanding_cents (V13's keys, whole cents). bucket: the key cut to its first three
-- digits (123456789 -> 123000000); keys from 0 to 999 are buckets of their own, and every negative key (an overpaid
-- receivable's outstanding) is in one bucket, -10^18. At most ~900 buckets per power of ten, so a few thousand rows per book. Written with the receivables by the same code as
-- book_due_total (ReceivableSummary.Totals); verify compares them with the rows.
CREATE TABLE book_amount_total (
    creditor_id BIGINT  NOT NULL REFERENCES creditor (id),
    kind        CHAR(1) NOT NULL,
    bucket      BIGINT  NOT NULL,
    receivables BIGINT  NOT NULL,
    PRIMARY KEY (creditor_id, kind, bucket)
);

INSERT INTO book_amount_total (creditor_id, kind, bucket, receivables)
SELECT creditor_id, 'P', bucket, COUNT(*) FROM (
    SELECT creditor_id, CASE WHEN principal_cents < 0 THEN CAST(-1000000000000000000 AS BIGINT) WHEN principal_cents < 1000 THEN principal_cents
        ELSE principal_cents / CAST(POWER(10, LENGTH(CAST(principal_cents AS VARCHAR)) - 3) AS BIGINT)
             * CAST(POWER(10, LENGTH(CAST(principal_cents AS VARCHAR)) - 3) AS BIGINT) END AS bucket
    FROM receivable WHERE creditor_id IS NOT NULL) p
GROUP BY creditor_id, bucket;

INSERT INTO book_amount_total (creditor_id, kind, bucket, receivables)
SELECT creditor_id, 'O', bucket, COUNT(*) FROM (
    SELECT creditor_id, CASE WHEN outstanding_cents < 0 THEN CAST(-1000000000000000000 AS BIGINT) WHEN outstanding_cents < 1000 THEN outstanding_cents
        ELSE outstanding_cents / CAST(POWER(10, LENGTH(CAST(outstanding_cents AS VARCHAR)) - 3) AS BIGINT)
             * CAST(POWER(10, LENGTH(CAST(outstanding_cents AS VARCHAR)) - 3) AS BIGINT) END AS bucket
    FROM receivable WHERE creditor_id IS NOT NULL) o
GROUP BY creditor_id, bucket;
