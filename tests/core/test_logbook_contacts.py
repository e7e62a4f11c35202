"""Contacts and follow-ups through the logbook, against a real vault."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from peerdesk import vocab
from peerdesk.models.contacts import ContactFields
from peerdesk.validation import InvalidInput
from peerdesk.vault import Vault, contacts, drafts, followups, logbook
from peerdesk.vault.contacts import ContactFilter
from peerdesk.vault.search import fts_query

TODAY = date(2026, 11, 27)
NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)


def typical(**changes: object) -> ContactFields:
    base = ContactFields(contact_date=TODAY, topics=("alcohol", "relationship"))
    return replace(base, **changes)  # type: ignore[arg-type]


def test_save_and_read_back_with_defaults(vault: Vault) -> None:
    cid = logbook.save_contact(vault, typical(note=" we talked "), today=TODAY, now=NOW)
    stored = contacts.get(vault.conn, cid)
    assert stored is not None
    assert stored.fields == ContactFields(
        contact_date=TODAY,
        topics=("relationship", "alcohol"),  # vocabulary order
        mode="cruiser",
        initiated_by="self",
        minutes=15,
        risk="none",
        outcome="support",
        note="we talked",
    )
    assert stored.created_at == NOW


def test_edit_replaces_fields_and_topics(vault: Vault) -> None:
    cid = logbook.save_contact(vault, typical(), today=TODAY, now=NOW)
    later = NOW + timedelta(hours=1)
    logbook.save_contact(
        vault, typical(topics=("grief",), minutes=60), today=TODAY, now=later, contact_id=cid
    )
    stored = contacts.get(vault.conn, cid)
    assert stored is not None
    assert stored.fields.topics == ("grief",)
    assert stored.fields.minutes == 60
    assert stored.updated_at == later
    assert stored.created_at == NOW


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"contact_date": TODAY + timedelta(days=1)}, "date"),
        ({"mode": "carrier-pigeon"}, "mode"),
        ({"initiated_by": "boss"}, "initiated-by"),
        ({"risk": "high"}, "risk"),
        ({"outcome": "fixed"}, "outcome"),
        ({"topics": ()}, "topic"),
        ({"topics": ("alcohol", "golf")}, "topic"),
        ({"minutes": 0}, "minutes"),
        ({"minutes": 24 * 60 + 1}, "minutes"),
        ({"mode": "group", "head_count": 0}, "head count"),
        ({"note": "x" * 4001}, "note"),
        ({"note": "clear \x1b[2J screen"}, "note"),
        ({"handle": "two\nlines"}, "handle"),
        ({"handle": "h" * 41}, "handle"),
        ({"for_whom": "chief"}, "for whom"),
        ({"mode": "group", "group_kind": "party"}, "group kind"),
        ({"group_kind": "\x1b]0;x\x07"}, "group kind"),  # refused even off a group
        ({"first_or_followup": "second"}, "first or follow-up"),
    ],
)
def test_bad_fields_are_refused_with_a_sentence(
    vault: Vault, changes: dict[str, object], field: str
) -> None:
    with pytest.raises(InvalidInput) as caught:
        logbook.save_contact(vault, typical(**changes), today=TODAY, now=NOW)
    assert caught.value.field == field
    assert str(caught.value).endswith(".")
    assert contacts.count(vault.conn) == 0


def test_unknown_choice_lists_valid_ids(vault: Vault) -> None:
    with pytest.raises(InvalidInput, match="cruiser, in-person, phone"):
        logbook.save_contact(vault, typical(mode="car"), today=TODAY, now=NOW)


def test_head_count_only_kept_for_groups(vault: Vault) -> None:
    solo = logbook.save_contact(vault, typical(head_count=7), today=TODAY, now=NOW)
    group = logbook.save_contact(vault, typical(mode="group", head_count=7), today=TODAY, now=NOW)
    assert contacts.get(vault.conn, solo).fields.head_count == 1  # type: ignore[union-attr]
    assert contacts.get(vault.conn, group).fields.head_count == 7  # type: ignore[union-attr]


def test_delete_removes_contact_and_topics(vault: Vault) -> None:
    cid = logbook.save_contact(vault, typical(note="gone soon"), today=TODAY, now=NOW)
    with vault.transaction() as conn:
        assert contacts.delete(conn, cid)
    assert contacts.get(vault.conn, cid) is None
    assert vault.conn.execute("SELECT count(*) FROM contact_topics").fetchone()[0] == 0
    assert contacts.page(vault.conn, ContactFilter(search="gone")) == []


def test_list_is_newest_first_filtered_and_paged(vault: Vault) -> None:
    for day in range(1, 31):
        topic = "sleep" if day % 2 else "grief"
        logbook.save_contact(
            vault,
            typical(contact_date=date(2026, 10, day), topics=(topic,)),
            today=TODAY,
            now=NOW,
        )
    logbook.save_contact(vault, typical(contact_date=date(2026, 11, 1)), today=TODAY, now=NOW)
    first = contacts.page(vault.conn, limit=10)
    assert [r.contact_date for r in first][:2] == [date(2026, 11, 1), date(2026, 10, 30)]
    second = contacts.page(vault.conn, limit=10, after=(first[-1].contact_date, first[-1].id))
    assert second[0].contact_date == date(2026, 10, 21)
    october = ContactFilter(month="2026-10")
    assert contacts.count(vault.conn, october) == 30
    assert contacts.count(vault.conn, ContactFilter(month="2026-10", topic="sleep")) == 15
    assert contacts.count(vault.conn, ContactFilter(month="2026-09")) == 0


def test_search_is_prefix_accent_and_case_insensitive(vault: Vault) -> None:
    logbook.save_contact(vault, typical(note="Café after the Überstunden shift"), today=TODAY)
    logbook.save_contact(vault, typical(note="nothing special"), today=TODAY)
    for query in ("cafe", "CAF", "uberst", "after caf"):
        rows = contacts.page(vault.conn, ContactFilter(search=query))
        assert len(rows) == 1, query
    assert contacts.page(vault.conn, ContactFilter(search="shift special")) == []


@pytest.mark.parametrize("text", ['"', "a OR", "NEAR(", "*", "x AND NOT y", "^col:", "'; DROP"])
def test_search_syntax_in_the_box_is_just_text(vault: Vault, text: str) -> None:
    logbook.save_contact(vault, typical(note="plain words"), today=TODAY)
    contacts.page(vault.conn, ContactFilter(search=text))  # must not raise
    assert fts_query("") is None


def test_followup_due_done_snooze(vault: Vault) -> None:
    cid = logbook.save_contact(
        vault, typical(handle="S."), today=TODAY, now=NOW, follow_up_on=TODAY
    )
    (due,) = followups.due(vault.conn, TODAY)
    assert (due.handle, due.contact_id, due.kind) == ("S.", cid, "contact")
    with vault.transaction() as conn:
        assert followups.snooze(conn, due.id, TODAY + timedelta(days=2), NOW)
    assert followups.due(vault.conn, TODAY) == []
    assert len(followups.due(vault.conn, TODAY + timedelta(days=2))) == 1
    with vault.transaction() as conn:
        assert followups.mark_done(conn, due.id, TODAY, NOW)
    assert followups.open_followups(vault.conn) == []


def test_concern_becomes_a_contact(vault: Vault) -> None:
    fid = logbook.add_concern(vault, TODAY, "late to roll call", now=NOW)
    (concern,) = followups.due(vault.conn, TODAY)
    assert (concern.kind, concern.contact_id) == ("concern", None)
    cid = logbook.save_contact(
        vault,
        typical(initiated_by="colleague-concern"),
        today=TODAY,
        now=NOW,
        completes_followup=fid,
    )
    done = followups.get(vault.conn, fid)
    assert done is not None
    assert (done.done_on, done.contact_id) == (TODAY, cid)


def test_retention_zero_keeps_no_text(vault: Vault) -> None:
    vault.save_settings(replace(vault.settings(), retention_days=0))
    cid = logbook.save_contact(
        vault, typical(note="should vanish", handle="H"), today=TODAY, follow_up_on=TODAY
    )
    stored = contacts.get(vault.conn, cid)
    assert stored is not None
    assert (stored.fields.note, stored.fields.handle) == (None, None)
    assert followups.due(vault.conn, TODAY)[0].handle is None


def test_draft_round_trip(vault: Vault) -> None:
    assert drafts.load(vault.conn) is None
    with vault.transaction() as conn:
        drafts.save(conn, {"topics": ["alcohol"], "note": "half typed"}, NOW)
    assert drafts.load(vault.conn) == {"topics": ["alcohol"], "note": "half typed"}
    with vault.transaction() as conn:
        drafts.clear(conn)
    assert drafts.load(vault.conn) is None


def test_a_group_kind_is_kept_for_group_contacts_only(vault: Vault) -> None:
    """As the head count is 1 off a group, the kind stays the default off a group."""
    group = logbook.save_contact(
        vault, typical(mode="group", head_count=5, group_kind="cmb"), today=TODAY, now=NOW
    )
    phone = logbook.save_contact(
        vault, typical(mode="phone", head_count=5, group_kind="cmb"), today=TODAY, now=NOW
    )
    stored = [contacts.get(vault.conn, cid) for cid in (group, phone)]
    assert [(c.fields.head_count, c.fields.group_kind) for c in stored if c] == [
        (5, "cmb"),
        (1, vocab.DEFAULT_GROUP_KIND),
    ]


def test_the_new_fields_are_stored_and_edited(vault: Vault) -> None:
    fields = typical(for_whom="retired", first_or_followup="follow-up", mode="video")
    cid = logbook.save_contact(vault, fields, today=TODAY, now=NOW)
    logbook.save_contact(
        vault, replace(fields, for_whom="family"), today=TODAY, now=NOW, contact_id=cid
    )
    stored = contacts.get(vault.conn, cid)
    assert stored is not None
    assert (stored.fields.for_whom, stored.fields.first_or_followup) == ("family", "follow-up")
    assert stored.fields.mode == "video"


def test_topic_keys_are_unique_single_letters() -> None:
    keys = [t.key for t in vocab.TOPICS]
    assert len(set(keys)) == len(keys)
    assert all(len(k) == 1 and k.islower() for k in keys)
    assert len(vocab.ids(vocab.TOPICS)) == 19
