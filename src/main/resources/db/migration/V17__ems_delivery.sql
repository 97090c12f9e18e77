-- Issue 21: a demand sent by post (EMS, 邮寄送达) has its own tracking number (运单号) and delivery date (妥投日期): the day
-- the demand reached the debtor, from which limitation restarts, is the delivery date, not the day the letter was logged.
ALTER TABLE contact_entry ADD COLUMN tracking_number VARCHAR(40);
ALTER TABLE contact_entry ADD COLUMN delivered_on DATE;
