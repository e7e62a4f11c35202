"""Hypothesis strategies for report tests: valid contacts of one month (March 2026)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from peerdesk import vocab
from peerdesk.models.contacts import ContactFields
from peerdesk.validation import MINUTES_MAX

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
        minutes=st.one_of(
            st.sampled_from(vocab.MINUTE_PRESETS),
            st.sampled_from((1, 14, 29, 59, 119, 120, MINUTES_MAX)),  # the bins' edges
            st.integers(1, MINUTES_MAX),
        ),
        head_count=st.integers(1, 12),
        risk=st.sampled_from(vocab.ids(vocab.RISKS)),
        outcome=st.sampled_from(vocab.ids(vocab.OUTCOMES)),
        critical_incident=st.booleans(),
        note=notes,
        handle=handles,
        for_whom=st.sampled_from(vocab.ids(vocab.FOR_WHOM)),
        group_kind=st.sampled_from(vocab.ids(vocab.GROUP_KINDS)),
        first_or_followup=st.sampled_from(vocab.ids(vocab.FIRST_OR_FOLLOWUP)),
    ).map(lambda f: f.validated(date(2026, 4, 1)))


def contacts_lists(max_size: int = 30) -> st.SearchStrategy[list[ContactFields]]:
    return st.lists(contact_fields(), max_size=max_size)


def narrow_contact() -> st.SearchStrategy[ContactFields]:
    """A contact with few choices in play: most cells of a team's tables stay zero."""
    return st.builds(
        ContactFields,
        contact_date=st.just(date(2026, 3, 2)),
        topics=st.sampled_from([("sleep",), ("work-stress",), ("sleep", "grief")]),
        mode=st.sampled_from(["cruiser", "group"]),
        minutes=st.just(15),
        head_count=st.integers(1, 3),
        risk=st.sampled_from(["none", "elevated"]),
        outcome=st.just("support"),
        critical_incident=st.booleans(),
        group_kind=st.sampled_from(["defusing", "cmb"]),
        first_or_followup=st.sampled_from(["first", "follow-up"]),
    ).map(lambda f: f.validated(date(2026, 4, 1)))


def teams(max_peers: int = 5) -> st.SearchStrategy[list[list[ContactFields]]]:
    """A team's months as contact lists, ordinary and adversarial shapes alike.

    One busy peer among quiet ones; every peer nearly empty (all cells small); contacts
    packed into few categories (many zeros); or ordinary peers.
    """
    peers = st.integers(2, max_peers)
    ordinary = peers.flatmap(lambda k: st.lists(contacts_lists(12), min_size=k, max_size=k))
    busy = peers.flatmap(
        lambda k: st.tuples(
            st.lists(contact_fields(), min_size=15, max_size=30),
            st.lists(st.lists(contact_fields(), max_size=3), min_size=k - 1, max_size=k - 1),
        ).map(lambda pair: [pair[0], *pair[1]])
    )
    small = peers.flatmap(
        lambda k: st.lists(st.lists(contact_fields(), max_size=4), min_size=k, max_size=k)
    )
    zeros = peers.flatmap(
        lambda k: st.lists(st.lists(narrow_contact(), max_size=12), min_size=k, max_size=k)
    )
    return st.one_of(ordinary, busy, small, zeros)
