"""What a person types in a search box, as a safe FTS5 query and one WHERE clause.

Shared by the contacts list and the clinician directory, so both treat the typed
text the same way: every word quoted (FTS5 syntax characters are just text), each a
prefix, all of them required.
"""

from __future__ import annotations

import re

# Letters and digits only (not "_"): exactly what FTS5's unicode61 tokenizer keeps as one
# token, so every quoted word is a single token (the directory's index, built with
# detail=none, refuses multi-token phrases).
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def fts_query(text: str) -> str | None:
    """Turn what a person typed into a safe FTS5 prefix query ("word"* AND ...).

    Every word is quoted, so FTS5 syntax characters in the search box are just text.
    """
    words = _WORD.findall(text)
    if not words:
        return None
    return " ".join(f'"{w}"*' for w in words)


def match_clause(search: str | None, key: str, index: str) -> tuple[str, list[object]] | None:
    """The WHERE clause limiting `key` (a rowid expression) to the `index` matches.

    None without a search; a search with no word in it (only punctuation) matches
    nothing rather than everything. `key` and `index` are fixed identifiers, never input.
    """
    if not search:
        return None
    query = fts_query(search)
    if query is None:
        return "0", []
    return f"{key} IN (SELECT rowid FROM {index} WHERE {index} MATCH ?)", [query]
