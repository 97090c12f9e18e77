-- Issue 22 (team mode): which staff member made each journalled write: their login (a PostgreSQL role name, at most
-- 63 characters), part of the entry's hash (so changing it breaks the chain) and checked by the server at every
-- insert, whatever the client: an entry must name the login that writes it. The office's owners are trusted to write
-- other names: moving a book from a PC to the server (team push) copies entries made before there was a server (no
-- name) or by other staff. The H2 twin adds only the column.
ALTER TABLE audit_entry ADD COLUMN staff VARCHAR(63);

CREATE FUNCTION audit_entry_staff_is_writer() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.staff IS DISTINCT FROM session_user
            AND NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = session_user AND rolsuper)
            AND NOT (EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'huikuan_owner') AND pg_has_role(session_user, 'huikuan_owner', 'MEMBER')) THEN
        RAISE EXCEPTION 'journal entry by % names % as its writer', session_user, coalesce(NEW.staff, 'nobody')
            USING ERRCODE = '42501';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_staff BEFORE INSERT ON audit_entry FOR EACH ROW EXECUTE FUNCTION audit_entry_staff_is_writer();
