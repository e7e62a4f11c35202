"""The directory's search index: a one-letter prefix index only, and detail=none.

0003 built 1-, 2- and 3-letter prefix indexes with full position lists. Measured over
10,000 clinicians (benchmarks/bench_directory.py): the 2- and 3-letter ones made no
keystroke faster (FTS5 reads a 2- or 3-letter prefix from the main index in the same
few milliseconds) but cost ~0.35 s of every 10,000-row import. The one-letter index
stays: without it the first key typed costs ~10 ms more. Positions are never used
(the search is words-as-prefixes joined by AND: no phrases, no NEAR, no column
filters, no snippets), so detail=none keeps only which clinician has which word:
the index is a quarter of the size and a 10,000-row import writes it ~1/3 faster.

The index is contentless, so it cannot rebuild itself: its rows are written again
from the clinicians table by peerdesk.vault.clinicians. Dropping the old table frees
its pages, which secure_delete zeroes.
"""

from __future__ import annotations

from peerdesk.vault import clinician_writes
from peerdesk.vault.sqlcipher import Connection


def apply(conn: Connection) -> None:
    conn.execute("DROP TABLE clinicians_fts")
    conn.execute(
        "CREATE VIRTUAL TABLE clinicians_fts USING fts5 ("
        "name, practice, credentials, specialties, modalities, region, languages, notes, "
        "content = '', contentless_delete = 1, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '1', detail = none)"
    )
    conn.execute("INSERT INTO clinicians_fts (clinicians_fts, rank) VALUES ('secure-delete', 1)")
    clinician_writes.rebuild_search(conn)
