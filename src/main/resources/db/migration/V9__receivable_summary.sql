-- Issue 7: lists, aging and the dashboard at 1,000,000 receivables. The figures every list shows are kept on
-- the receivable row, updated in the same transaction as every write that changes them (ReceivableSummary),
-- instead of being summed from payments and instalments for every receivable of the book on every list
-- action. They remain derived: ReceivableSummary can recompute them, and SampleBooksTest checks them
-- against the domain's Balance for every receivable.
ALTER TABLE receivable ADD COLUMN creditor_id BIGINT;
ALTER TABLE receivable ADD COLUMN paid NUMERIC(19, 2) DEFAULT 0 NOT NULL;
ALTER TABLE receivable ADD COLUMN final_due DATE;
ALTER TABLE receivable ADD COLUMN first_unpaid_due DATE;

UPDATE receivable r SET
    creditor_id = (SELECT cu.creditor_id FROM customer cu WHERE cu.id = r.customer_id),
    paid = COALESCE((SELECT SUM(p.amount) FROM payment p WHERE p.receivable_id = r.id), 0),
    final_due = (SELECT MAX(i.due_date) FROM instalment i WHERE i.receivable_id = r.id);

UPDATE receivable r SET first_unpaid_due =
    (SELECT MIN(i.due_date) FROM instalment i
      WHERE i.receivable_id = r.id
        AND (SELECT SUM(i2.amount) FROM instalment i2
              WHERE i2.receivable_id = r.id
                AND (i2.due_date < i.due_date OR (i2.due_date = i.due_date AND i2.seq <= i.seq))) > r.paid);

CREATE INDEX receivable_book_first_unpaid ON receivable (creditor_id, first_unpaid_due);
CREATE INDEX receivable_book_customer ON receivable (creditor_id, customer_id);
