-- Optimistic locking for court steps (issue 22, team mode): a step can be corrected (issue 21) by two staff of an office
-- at once; the second save is refused instead of overwriting the first. The same SQL on H2 and PostgreSQL.
-- Contacts, payments and repayment plans are only ever added, never changed, so they need no version.
ALTER TABLE court_event ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
