-- Issue 4: photos made ready for the court bundle (upright, A4 at 150 dpi, JPEG) are kept in derived/, one
-- per original and recipe, so that building a bundle does not decode 12 MP photos again. The SHA-256 of
-- the derived file is recorded here: a derived file that does not match is never used.
CREATE TABLE court_image (
    original_sha256 VARCHAR(64)  NOT NULL,
    recipe          VARCHAR(40)  NOT NULL,
    sha256          VARCHAR(64)  NOT NULL,
    width           INT          NOT NULL,
    height          INT          NOT NULL,
    size_bytes      BIGINT       NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (original_sha256, recipe)
);
