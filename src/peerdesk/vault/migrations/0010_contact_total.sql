-- How many contacts the vault holds, kept by SQLite itself: the contacts list's total
-- was a count of the whole table, ~5,000 pages to decrypt at a million contacts
-- (~100 ms); one row read instead costs the same at any size. The triggers see every
-- insert and delete, whoever makes it (the forms, the CLI, the synthetic filler, a
-- salvage's row copy); a whole-file restore or backup brings its own row along.
-- Salvage does not copy this table: it counts the rows it saved (vault/contact_total.py).
CREATE TABLE contact_total (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    total INTEGER NOT NULL
) STRICT;
INSERT INTO contact_total (id, total) SELECT 1, count(*) FROM contacts;
CREATE TRIGGER contact_total_insert AFTER INSERT ON contacts BEGIN
    UPDATE contact_total SET total = total + 1 WHERE id = 1;
END;
CREATE TRIGGER contact_total_delete AFTER DELETE ON contacts BEGIN
    UPDATE contact_total SET total = total - 1 WHERE id = 1;
END;

-- The unlock's retention wipe looks for done follow-ups that still hold a handle; with
-- no index it read every follow-up ever logged, on every unlock. This index lists only
-- those rows, so the wipe reads nothing once they are gone.
CREATE INDEX followups_done_with_handle ON followups (done_on)
    WHERE handle IS NOT NULL AND done_on IS NOT NULL;
