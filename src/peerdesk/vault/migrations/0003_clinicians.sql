-- The vetted clinician directory. `id` is the stable UUID that merges the same
-- clinician across peers' copies; `num` is only the internal key of the search rows
-- (other tables refer to a clinician by `id`). Lists are JSON arrays in the order the
-- team lead wrote them (written only by peerdesk.vault.clinicians). filter_keys repeats
-- the specialties, languages, insurance and region, folded, as one string
-- ("\x1fs:trauma\x1f\x1fl:spanish\x1f..."), so a filter is one instr() per entry of the
-- list index below; a child table of tags made every insert several times slower
-- (every row written costs SQLCipher's memory locking).
CREATE TABLE clinicians (
    num                        INTEGER PRIMARY KEY,
    id                         TEXT NOT NULL UNIQUE CHECK (length(id) = 36),
    name                       TEXT NOT NULL,
    sort_name                  TEXT NOT NULL,         -- case- and accent-folded name
    credentials                TEXT,
    practice                   TEXT,
    phones                     TEXT NOT NULL DEFAULT '[]',
    email                      TEXT,
    address                    TEXT,
    region                     TEXT,
    telehealth                 INTEGER NOT NULL DEFAULT 0 CHECK (telehealth IN (0, 1)),
    languages                  TEXT NOT NULL DEFAULT '[]',
    specialties                TEXT NOT NULL DEFAULT '[]',
    modalities                 TEXT NOT NULL DEFAULT '[]',
    insurance                  TEXT NOT NULL DEFAULT '[]',
    accepting_new_clients      INTEGER NOT NULL DEFAULT 0
                               CHECK (accepting_new_clients IN (0, 1)),
    first_responder_experience TEXT,
    vetted_by                  TEXT,
    vetted_on                  TEXT,                  -- YYYY-MM-DD
    revet_due                  TEXT,                  -- YYYY-MM-DD; both dates or neither
    suspended                  INTEGER NOT NULL DEFAULT 0 CHECK (suspended IN (0, 1)),
    notes                      TEXT,
    filter_keys                TEXT NOT NULL DEFAULT '',
    updated_at                 TEXT NOT NULL          -- ISO UTC, changes only with the record
) STRICT;
-- The list's index: name order plus every column a filter reads, so a keystroke scans
-- this small index (it stays in the page cache) and only the 50 rows shown are read
-- from the wide table. Without it, each filtered keystroke decrypted most of the table.
CREATE INDEX clinicians_list ON clinicians (
    sort_name, num, suspended, vetted_on, revet_due, telehealth, accepting_new_clients,
    filter_keys
);

-- Search as you type: prefix indexes for 1, 2 and 3 characters (the first key typed
-- matches most of the directory; without a 1-character index it cost ~10 ms), case
-- and accents folded.
-- specialties holds both the topic ids and their labels; notes holds the notes and
-- the first-responder experience. Contentless (the text is in clinicians already);
-- kept in step by peerdesk.vault.clinicians.
CREATE VIRTUAL TABLE clinicians_fts USING fts5 (
    name, practice, credentials, specialties, modalities, region, languages, notes,
    content = '', contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2', prefix = '1 2 3'
);
INSERT INTO clinicians_fts (clinicians_fts, rank) VALUES ('secure-delete', 1);
