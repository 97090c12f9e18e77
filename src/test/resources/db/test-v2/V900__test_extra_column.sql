ALTER TABLE customer ADD COLUMN test_extra VARCHAR(10);
