"""Monthly counts from a real vault: the SQL matches a plain count, and nothing leaks.

One vault per test function (creating one costs the KDF); hypothesis examples reuse
it and start from empty tables.
"""

from __future__ import annotations

import re
import string
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerdesk.models.clinicians import ClinicianFields
from peerdesk.models.contacts import ContactFields
from peerdesk.reports import render, tally, team_report
from peerdesk.reports.files import document, dumps
from peerdesk.vault import (
    Vault,
    clinician_writes,
    followups,
    logbook,
    monthly,
    referrals,
)
from peerdesk.vault.migrate import latest_version
from tests.conftest import PASSPHRASE
from tests.core.report_strategies import MONTH, contact_fields

TODAY = date(2026, 4, 1)
NOW = datetime(2026, 4, 1, 12, tzinfo=UTC)
DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
REUSE = settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# "Zq" appears in no label, id or number of any output, so a hit can only be a leak.
unique_text = st.text(string.ascii_letters + string.digits, min_size=8, max_size=24).map(
    lambda t: "Zq" + t
)


def empty(vault: Vault) -> None:
    with vault.transaction() as conn:
        for table in ("followups", "contacts", "clinicians"):
            conn.execute(f"DELETE FROM {table}")


def outside(day: int) -> ContactFields:
    """A contact in February or April: must not be counted for March."""
    return ContactFields(
        contact_date=date(2026, 2, 28) if day % 2 else date(2026, 4, 1), topics=("grief",)
    )


@REUSE
@given(
    contacts=st.lists(contact_fields(), max_size=25),
    done_days=st.lists(st.integers(1, 31), max_size=4),
)
def test_month_counts_match_a_plain_count(
    vault: Vault, contacts: list[ContactFields], done_days: list[int]
) -> None:
    empty(vault)
    for fields in [*contacts, outside(1), outside(2)]:
        logbook.save_contact(vault, fields, today=TODAY, now=NOW)
    with vault.transaction() as conn:
        for day in done_days:
            fid = followups.add(conn, date(2026, 3, 1), None, NOW)
            followups.mark_done(conn, fid, date(2026, 3, day), NOW)
        followups.mark_done(conn, followups.add(conn, TODAY, None, NOW), TODAY, NOW)
    counts = monthly.month_counts(vault.conn, MONTH)
    # The referrals table exists and holds none: every status counts 0.
    assert counts == tally(
        MONTH, contacts, followups_completed=len(done_days), referral_statuses=()
    )


def test_trend_fills_empty_months_and_span_finds_the_ends(vault: Vault) -> None:
    for day in (date(2025, 12, 5), date(2026, 2, 1), date(2026, 2, 28)):
        logbook.save_contact(
            vault, ContactFields(contact_date=day, topics=("sleep",), minutes=30), today=TODAY
        )
    points = monthly.trend(vault.conn, "2026-03", months=4)
    assert [(p.month, p.contacts, p.minutes) for p in points] == [
        ("2025-12", 1, 30),
        ("2026-01", 0, 0),
        ("2026-02", 2, 60),
        ("2026-03", 0, 0),
    ]
    assert monthly.month_span(vault.conn) == ("2025-12", "2026-02")
    assert monthly.add_months("2026-01", -1) == "2025-12"
    assert monthly.month_range("2026-12") == ("2026-12-01", "2027-01-01")


def test_referrals_are_counted_once_the_table_exists(vault: Vault) -> None:
    # The referrals table (vault.referrals), counted by made_on and status.
    contact_id = logbook.save_contact(
        vault, ContactFields(contact_date=date(2026, 3, 2), topics=("sleep",)), today=TODAY
    )
    with vault.transaction() as conn:
        clinician_id = clinician_writes.add(conn, ClinicianFields(name="Dr. Example"), NOW)
        for day, status in (
            (date(2026, 3, 2), "offered"),
            (date(2026, 3, 30), "connected"),
            (date(2026, 4, 1), "offered"),
        ):
            made = referrals.add(conn, contact_id, clinician_id, day, None, NOW)
            referrals.set_status(conn, made, status, day, NOW)
    counts = monthly.month_counts(vault.conn, MONTH)
    assert counts.tables["referral_status"] == {
        "offered": 1, "accepted": 0, "connected": 1, "declined": 0, "closed": 0,
    }  # fmt: skip
    assert counts.figures["referrals"] == 2


@REUSE
@given(
    contacts=st.lists(
        contact_fields(notes=unique_text, handles=unique_text.map(lambda t: t[:40])),
        min_size=1,
        max_size=12,
    ),
    clinician=unique_text,
    label=st.sampled_from([None, "JD"]),
)
def test_no_export_or_merge_output_carries_text_handles_names_or_days(
    vault: Vault, contacts: list[ContactFields], clinician: str, label: str | None
) -> None:
    empty(vault)
    for fields in contacts:
        logbook.save_contact(vault, fields, today=TODAY, now=NOW, follow_up_on=date(2026, 3, 20))
    with vault.transaction() as conn:
        clinician_writes.add(conn, ClinicianFields(name=clinician).validated(), NOW)
    counts = monthly.month_counts(vault.conn, MONTH)
    secrets = [clinician] + [t for f in contacts for t in (f.note, f.handle) if t]
    docs = [
        document(counts, label=label, vault_id="ab" * 16, sequence=1),
        document(counts, vault_id="cd" * 16, sequence=1),
    ]
    report = team_report([counts, counts], [str(d["export_id"]) for d in docs], 5)
    outputs = [
        render.month_table(counts, label),
        render.month_csv(counts, label),
        *(dumps(d) for d in docs),
        render.team_table(report),
        render.team_csv(report),
        render.team_json(report),
        render.team_markdown(report),
    ]
    for text in outputs:
        assert not DAY.search(text), text
        for secret in secrets:
            assert secret not in text
    for text in outputs[4:]:
        assert "JD" not in text, "a peer's label never reaches the team report"
        assert all(str(d["export_id"]) not in text for d in docs)


def test_counting_connection_reads_without_writing(vault_path: Path) -> None:
    with Vault.create(vault_path, PASSPHRASE) as vault:
        logbook.save_contact(
            vault, ContactFields(contact_date=date(2026, 3, 3), topics=("sleep",)), today=TODAY
        )
    before = {p.name: p.read_bytes() for p in vault_path.parent.iterdir()}
    with monthly.counting_connection(vault_path, PASSPHRASE) as conn:
        assert monthly.month_counts(conn, MONTH).contacts == 1
    after = {p.name: p.read_bytes() for p in vault_path.parent.iterdir()}
    assert after == before


def test_counting_connection_sends_an_older_schema_to_the_full_unlock(vault_path: Path) -> None:
    Vault.create(vault_path, PASSPHRASE).close()
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        vault.conn.execute(f"PRAGMA user_version = {latest_version() - 1}")
    with (
        pytest.raises(monthly.NeedsMigration),
        monthly.counting_connection(vault_path, PASSPHRASE),
    ):
        pass
