-- Contacts record categories; note and handle are optional and expire (retention).
CREATE TABLE contacts (
    id                INTEGER PRIMARY KEY,
    contact_date      TEXT NOT NULL,               -- YYYY-MM-DD, never in the future
    mode              TEXT NOT NULL,
    initiated_by      TEXT NOT NULL,
    minutes           INTEGER NOT NULL CHECK (minutes BETWEEN 1 AND 1440),
    head_count        INTEGER NOT NULL DEFAULT 1 CHECK (head_count BETWEEN 1 AND 500),
    risk              TEXT NOT NULL,
    outcome           TEXT NOT NULL,
    critical_incident INTEGER NOT NULL DEFAULT 0 CHECK (critical_incident IN (0, 1)),
    note              TEXT,                        -- wiped when retention runs out
    handle            TEXT,                        -- wiped when retention runs out
    created_at        TEXT NOT NULL,               -- ISO UTC; retention counts from here
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_by_date ON contacts (contact_date DESC, id DESC);
CREATE INDEX contacts_with_text ON contacts (created_at) WHERE note IS NOT NULL OR handle IS NOT NULL;

CREATE TABLE contact_topics (
    contact_id INTEGER NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
    topic      TEXT NOT NULL,
    PRIMARY KEY (contact_id, topic)
) STRICT, WITHOUT ROWID;
CREATE INDEX contact_topics_by_topic ON contact_topics (topic, contact_id);

-- Full-text search over notes. secure-delete makes FTS5 remove a deleted note's
-- tokens from its index at once instead of leaving them until the next merge.
CREATE VIRTUAL TABLE contacts_fts USING fts5 (
    note, content = 'contacts', content_rowid = 'id',
    tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO contacts_fts (contacts_fts, rank) VALUES ('secure-delete', 1);

CREATE TRIGGER contacts_fts_insert AFTER INSERT ON contacts WHEN new.note IS NOT NULL BEGIN
    INSERT INTO contacts_fts (rowid, note) VALUES (new.id, new.note);
END;
CREATE TRIGGER contacts_fts_delete AFTER DELETE ON contacts WHEN old.note IS NOT NULL BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, note) VALUES ('delete', old.id, old.note);
END;
CREATE TRIGGER contacts_fts_update AFTER UPDATE OF note ON contacts BEGIN
    INSERT INTO contacts_fts (contacts_fts, rowid, note)
        SELECT 'delete', old.id, old.note WHERE old.note IS NOT NULL;
    INSERT INTO contacts_fts (rowid, note)
        SELECT new.id, new.note WHERE new.note IS NOT NULL;
END;

-- A follow-up: after a contact, or a colleague's concern with no contact yet.
CREATE TABLE followups (
    id         INTEGER PRIMARY KEY,
    due_on     TEXT NOT NULL,
    handle     TEXT,                               -- wiped when retention runs out after done
    kind       TEXT NOT NULL CHECK (kind IN ('contact', 'concern')),
    contact_id INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    done_on    TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX followups_open_by_due ON followups (due_on) WHERE done_on IS NULL;
CREATE INDEX followups_by_contact ON followups (contact_id);

-- An interrupted contact form, kept inside the vault (never in a temp file).
CREATE TABLE drafts (
    id       INTEGER PRIMARY KEY CHECK (id = 1),
    body     TEXT NOT NULL,                        -- JSON of the form's fields
    saved_at TEXT NOT NULL
) STRICT;
