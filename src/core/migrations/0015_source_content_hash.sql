-- What each source said at its last import, as one hash of the record the importer read (its text,
-- states, position, dates, tags and the rest). Importing a file again compares the hash of each row
-- with the stored one and leaves the rows that say the same as before untouched: no write to their
-- recommendation, source, tags or audit trail. Sources stored before this column (null) count as
-- changed once, and get their hash then.
alter table recommendation_sources add column content_hash text;
