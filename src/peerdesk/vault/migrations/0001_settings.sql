-- Settings of this vault (idle lock, retention, small-cell threshold, theme).
-- Values are JSON so that a setting keeps its type.
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
