"""Hypothesis strategies for report tests: valid contacts of one month (March 2026)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from peerdesk import vocab
from peerdesk.models.contacts import ContactFields

MONTH = "2026-03"
NO_TEXT: st.SearchStrategy[str | None] = st.none()


def contact_fields(
    *,
    notes: st.SearchStrategy[str | None] = NO_TEXT,
    handles: st.SearchStrategy[str | None] = NO_TEXT,
) -> st.SearchStrategy[ContactFields]:
    return st.builds(
        ContactFields,
        contact_date=st.integers(1, 31).map(lambda d: date(2026, 3, d)),
        topics=st.sets(st.sampled_from(vocab.ids(vocab.TOPICS)), min_size=1, max_size=3).map(
            vocab.in_topic_order
        ),
        mode=st.sampled_from(vocab.ids(vocab.MODES)),
        initiated_by=st.sampled_from(vocab.ids(vocab.INITIATED_BY)),
        minutes=st.sampled_from(vocab.MINUTE_PRESETS),
        head_count=st.integers(1, 12),
        risk=st.sampled_from(vocab.ids(vocab.RISKS)),
        outcome=st.sampled_from(vocab.ids(vocab.OUTCOMES)),
        critical_incident=st.booleans(),
        note=notes,
        handle=handles,
    ).map(lambda f: f.validated(date(2026, 4, 1)))


def contacts_lists(max_size: int = 30) -> st.SearchStrategy[list[ContactFields]]:
    return st.lists(contact_fields(), max_size=max_size)
