"""Referrals in a real vault: recording, status history, check-backs, ranking, reports."""

from __future__ import annotations

import random
from datetime import date, timedelta

import pytest

from peerdesk import vocab
from peerdesk.models.clinicians import fold
from peerdesk.models.ranking import RankFacts, explain, needs_confirmation, rank_key
from peerdesk.validation import InvalidInput
from peerdesk.vault import Vault, contacts, referral_pick, referrals
from peerdesk.vault.monthly import month_counts
from tests.support.referrals import add_clinician, add_contact, clinician

TODAY = date(2026, 3, 14)


def test_a_referral_records_contact_clinician_date_status_and_check_back(vault: Vault) -> None:
    contact_id = add_contact(vault, TODAY, ("trauma",))
    clinician_id = add_clinician(vault, clinician("Dr. Ana Ruiz", TODAY))
    referral_id = referrals.make_referral(vault, contact_id, clinician_id, today=TODAY)
    made = referrals.get(vault.conn, referral_id)
    assert made is not None
    assert (made.contact_id, made.clinician_id, made.clinician_name) == (
        contact_id,
        clinician_id,
        "Dr. Ana Ruiz",
    )
    assert (made.made_on, made.status, made.status_on) == (TODAY, "offered", TODAY)
    assert made.check_back_on == TODAY + timedelta(days=7)  # the default: a week
    assert made.handle == "blue car"  # the contact's own expiring handle, nothing else
    later = TODAY + timedelta(days=3)
    assert referrals.change_status(vault, referral_id, "accepted", today=later)
    assert referrals.change_status(vault, referral_id, "connected", today=later + timedelta(1))
    assert referrals.change_status(vault, referral_id, "connected", today=later + timedelta(2))
    history = [(c.status, c.changed_on) for c in referrals.changes(vault.conn, referral_id)]
    assert history == [
        ("offered", TODAY),
        ("accepted", later),
        ("connected", later + timedelta(days=1)),
    ]
    with pytest.raises(InvalidInput):
        referrals.change_status(vault, referral_id, "lost", today=TODAY)
    assert not referrals.change_status(vault, 999, "closed", today=TODAY)


def test_referral_columns_hold_no_officer_identity(vault: Vault) -> None:
    columns = {r[1] for r in vault.conn.execute("PRAGMA table_info(referrals)")}
    assert columns == {
        "id", "contact_id", "clinician_id", "made_on", "status", "status_on",
        "check_back_on", "created_at", "updated_at",
    }  # fmt: skip


def test_check_back_dates_open_lists_and_due(vault: Vault) -> None:
    contact_id = add_contact(vault, TODAY, ("grief",))
    clinician_id = add_clinician(vault, clinician("Dr. Ana Ruiz", TODAY))
    soon = referrals.make_referral(
        vault, contact_id, clinician_id, today=TODAY, check_back_on=TODAY + timedelta(days=2)
    )
    later = referrals.make_referral(vault, contact_id, clinician_id, today=TODAY)
    done = referrals.make_referral(vault, contact_id, clinician_id, today=TODAY)
    referrals.change_status(vault, done, "declined", today=TODAY)
    with pytest.raises(InvalidInput):
        referrals.make_referral(
            vault, contact_id, clinician_id, today=TODAY, check_back_on=TODAY - timedelta(1)
        )
    with pytest.raises(KeyError):
        referrals.make_referral(vault, 999, clinician_id, today=TODAY)
    assert [r.id for r in referrals.listing(vault.conn, open_only=True)] == [soon, later]
    assert [r.id for r in referrals.listing(vault.conn)] == [soon, later, done]
    assert referrals.due(vault.conn, TODAY + timedelta(days=1)) == []
    assert [r.id for r in referrals.due(vault.conn, TODAY + timedelta(days=7))] == [soon, later]
    referrals.move_check_back(vault, soon, TODAY + timedelta(days=9))
    assert [r.id for r in referrals.due(vault.conn, TODAY + timedelta(days=7))] == [later]
    referrals.change_status(vault, later, "closed", today=TODAY)
    assert referrals.due(vault.conn, TODAY + timedelta(days=30)) == [
        r for r in referrals.listing(vault.conn) if r.id == soon
    ]


def test_deleting_a_contact_keeps_its_referral_counted(vault: Vault) -> None:
    contact_id = add_contact(vault, TODAY, ("grief",))
    clinician_id = add_clinician(vault, clinician("Dr. Ana Ruiz", TODAY))
    referral_id = referrals.make_referral(vault, contact_id, clinician_id, today=TODAY)
    with vault.transaction() as conn:
        contacts.delete(conn, contact_id)
    kept = referrals.get(vault.conn, referral_id)
    assert kept is not None and kept.contact_id is None and kept.handle is None
    counts = month_counts(vault.conn, "2026-03")
    assert counts.tables["referral_status"]["offered"] == 1


def test_referral_counts_feed_the_monthly_report(vault: Vault) -> None:
    contact_id = add_contact(vault, TODAY, ("grief",))
    clinician_id = add_clinician(vault, clinician("Dr. Ana Ruiz", TODAY))
    for status in ("offered", "accepted", "connected", "connected", "declined"):
        made = referrals.make_referral(vault, contact_id, clinician_id, today=TODAY)
        referrals.change_status(vault, made, status, today=TODAY)
    referrals.make_referral(vault, contact_id, clinician_id, today=date(2026, 4, 1))
    counts = month_counts(vault.conn, "2026-03")
    assert counts.tables["referral_status"] == {
        "offered": 1, "accepted": 1, "connected": 2, "declined": 1, "closed": 0,
    }  # fmt: skip
    assert counts.figures["referrals"] == 5


def test_more_matching_accepting_vetted_comes_first_and_is_explained(vault: Vault) -> None:
    topics = ("trauma", "sleep", "grief")
    best = add_clinician(
        vault,
        clinician(
            "Zed Best", TODAY, specialties=topics, accepting_new_clients=True, telehealth=True
        ),
    )
    two_full = add_clinician(vault, clinician("Amy Two", TODAY, specialties=("trauma", "sleep")))
    two_open = add_clinician(
        vault,
        clinician(
            "Bea Two", TODAY, state="expired", specialties=topics[:2], accepting_new_clients=True
        ),
    )
    two_open_vetted = add_clinician(
        vault,
        clinician(
            "Cy Two", TODAY, state="revet-due", specialties=topics[1:], accepting_new_clients=True
        ),
    )
    suspended = add_clinician(
        vault,
        clinician(
            "Dee Three", TODAY, state="suspended", specialties=topics, accepting_new_clients=True
        ),
    )
    none = add_clinician(vault, clinician("Al None", TODAY, accepting_new_clients=True))
    ranked = referral_pick.ranked(vault.conn, vocab.in_topic_order(topics), TODAY)
    # Suspended and expired come after every usable clinician, however well they match.
    assert [r.id for r in ranked] == [best, two_open_vetted, two_full, none, suspended, two_open]
    assert ranked[0].explanation == "3 of 3 topics · accepting · vetted · telehealth"
    assert (
        ranked[4].explanation == "SUSPENDED, so listed last · 3 of 3 topics · accepting · in person"
    )
    assert ranked[5].explanation == (
        "VETTING EXPIRED, so listed last · 2 of 3 topics · accepting · in person"
    )
    assert [r.needs_confirmation for r in ranked] == [False, False, False, False, True, True]
    assert needs_confirmation("unvetted") is False and needs_confirmation("expired") is True


def test_sql_ranking_agrees_with_the_pure_rules(vault: Vault) -> None:
    rng = random.Random(5)
    states = ("vetted", "revet-due", "expired", "suspended", "unvetted")
    names = {}
    for n in range(60):
        specialties = tuple(rng.sample(vocab.ids(vocab.TOPICS), rng.randint(0, 4)))
        fields = clinician(
            f"Name {rng.randint(0, 9)}{n:02d}",
            TODAY,
            state=rng.choice(states),
            specialties=specialties,
            accepting_new_clients=rng.random() < 0.5,
            telehealth=rng.random() < 0.5,
        )
        names[add_clinician(vault, fields)] = fields
    topics = vocab.in_topic_order(("trauma", "sleep", "anxiety", "grief"))

    def facts(fields_id: str) -> RankFacts:
        f = names[fields_id]
        return RankFacts(
            matched=len(set(f.specialties) & set(topics)),
            wanted=len(topics),
            accepting=f.accepting_new_clients,
            status=f.vetting_status(TODAY),
            telehealth=f.telehealth,
        )

    expected = sorted(names, key=lambda i: (rank_key(facts(i), fold(names[i].name)), i))
    ranked = referral_pick.ranked(vault.conn, topics, TODAY, limit=20)
    assert [r.facts for r in ranked] == [facts(i) for i in expected[:20]]
    assert [r.name for r in ranked] == [names[i].name for i in expected[:20]]
    assert explain(ranked[0].facts).startswith(f"{ranked[0].facts.matched} of 4 topics")
    assert referral_pick.ranked(vault.conn, (), TODAY, limit=3)[0].facts.wanted == 0


def test_the_demo_vault_has_referrals_in_every_state(vault: Vault) -> None:
    from peerdesk.synthetic.demo import seed_demo

    seed_demo(vault)
    made = referrals.listing(vault.conn)
    assert {r.status for r in made} == set(vocab.ids(vocab.REFERRAL_STATUSES))
    assert len(referrals.due(vault.conn, date.today())) >= 1
    for item in made:
        assert len(referrals.changes(vault.conn, item.id)) == (1 if item.status == "offered" else 2)
