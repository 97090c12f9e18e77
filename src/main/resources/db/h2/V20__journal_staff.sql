-- Issue 22 (team mode): which staff member made each journalled write. On a PC (H2) there is one user and the column
-- stays empty; an office book's server fills it (db/postgresql/V20). Same version, one script per database.
ALTER TABLE audit_entry ADD COLUMN staff VARCHAR(63);
