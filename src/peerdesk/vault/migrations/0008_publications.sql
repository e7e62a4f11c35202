-- The lead's publication log: every team report published (printed or written), as
-- its reader has it, so that a later report can be audited against all of them
-- (peerdesk.reports.comparison). A hidden cell is kept by its id and reasons only:
-- the log holds nothing the report did not show.
CREATE TABLE publications (
    id            INTEGER PRIMARY KEY,
    period        TEXT NOT NULL,                 -- 2026-03, 2026-Q1 or 2026
    published_at  TEXT NOT NULL,                 -- ISO UTC
    min_cell      INTEGER NOT NULL CHECK (min_cell >= 3),
    files         INTEGER NOT NULL CHECK (files >= 1)   -- month files counted
) STRICT;
CREATE INDEX publications_by_period ON publications (period, id);

-- Every cell of a publication, in the report's order: the value shown, or NULL and
-- the reasons printed for a hidden one ('+'-joined reason ids).
CREATE TABLE publication_cells (
    publication_id  INTEGER NOT NULL REFERENCES publications (id) ON DELETE CASCADE,
    position        INTEGER NOT NULL,
    cell            TEXT NOT NULL,               -- figure:NAME or table:NAME:ID
    value           INTEGER CHECK (value >= 0),  -- NULL: hidden
    why             TEXT,                        -- hidden: its reasons; NULL: shown
    PRIMARY KEY (publication_id, position),
    CHECK ((value IS NULL) = (why IS NOT NULL))
) STRICT;
