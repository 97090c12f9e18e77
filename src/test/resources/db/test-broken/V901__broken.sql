-- half of it works: H2 commits the first statement before the second fails, so only a put-back undoes it
ALTER TABLE customer ADD COLUMN half_done INT;
ALTER TABLE no_such_table ADD COLUMN x INT;
