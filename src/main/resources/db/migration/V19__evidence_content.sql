-- Issue 22 (team mode, decision 0014): an office book's evidence files are kept in its own schema on the server,
-- so that every staff member it is granted to reads the same files, checked by SHA-256, and the server's backup
-- covers them with the records. One row per file, by its SHA-256 (the name the files have in a PC's evidence/
-- folder). A book on a PC keeps its files in that folder and leaves this table empty.
CREATE TABLE evidence_content (
    sha256     VARCHAR(64) PRIMARY KEY,
    size_bytes BIGINT      NOT NULL,
    content    BYTEA       NOT NULL,
    CONSTRAINT evidence_content_size CHECK (size_bytes > 0)
);
