-- Why the user saved an outgoing contact that the lawful-conduct guard flagged (issue 5).
ALTER TABLE contact_entry ADD COLUMN conduct_override VARCHAR(2000);
