-- Team keys. Secrets (Ed25519 seeds, the age identity) live only here, inside the
-- encrypted vault, so a backup carries them and no plain file ever holds them.

-- The keys this vault holds as a team's lead: the current pair (retired_at NULL) and
-- retired ones, kept so that months sealed to an older key still open.
CREATE TABLE team_lead_keys (
    id            INTEGER PRIMARY KEY,
    signing_id    BLOB NOT NULL,                 -- minisign key id, 8 bytes
    signing_seed  BLOB NOT NULL,                 -- Ed25519 seed, 32 bytes
    age_identity  TEXT NOT NULL,                 -- AGE-SECRET-KEY-1...
    created_at    TEXT NOT NULL,                 -- ISO UTC
    retired_at    TEXT                           -- ISO UTC; NULL: the current key
) STRICT;
CREATE UNIQUE INDEX team_lead_keys_one_current ON team_lead_keys ((retired_at IS NULL))
    WHERE retired_at IS NULL;

-- The one team this vault belongs to (a lead's vault joins its own team), and this
-- vault's own signing key, made at the first join: it signs every month it seals.
CREATE TABLE team_state (
    id                  INTEGER PRIMARY KEY CHECK (id = 1),
    team_string         TEXT,                    -- the joined team's public string
    joined_at           TEXT,                    -- ISO UTC
    own_key_id          BLOB,                    -- minisign key id, 8 bytes
    own_seed            BLOB,                    -- Ed25519 seed, 32 bytes
    directory_signed    INTEGER NOT NULL DEFAULT 0,  -- a lead: last sequence signed
    directory_imported  INTEGER NOT NULL DEFAULT 0,  -- a peer: highest sequence imported
    directory_digest    TEXT,                    -- SHA-256 of that file: an equal number
                                                 -- with other bytes is refused
    vault_id            TEXT NOT NULL,           -- random, on every plain month file
    month_exports       INTEGER NOT NULL DEFAULT 0   -- months exported, numbered in files
) STRICT;
-- The row is made by the first write that needs it (peerdesk.vault.team), not here:
-- a backup or a salvage copies rows into a freshly migrated vault, which must not
-- hold a row of its own already.

-- Peers' keys a lead has seen on sealed months, with the label the lead gave.
CREATE TABLE team_peers (
    key_id      TEXT PRIMARY KEY NOT NULL,       -- minisign key id, 16 hex digits
    public_key  TEXT NOT NULL,                   -- minisign public key, base64 "RW..."
    label       TEXT,
    first_seen  TEXT NOT NULL,                   -- ISO UTC
    last_seen   TEXT NOT NULL
) STRICT;

-- The newest export of each peer's month a lead has merged: an older one is refused later.
CREATE TABLE team_months_merged (
    key         TEXT NOT NULL,                   -- the peer's minisign public key, "RW..."
    month       TEXT NOT NULL,                   -- YYYY-MM
    sequence    INTEGER NOT NULL,
    PRIMARY KEY (key, month)
) STRICT;
