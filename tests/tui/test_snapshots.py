"""SVG snapshots at 80x24: the looks app.tcss promises (it all fits, nothing is cut off).

For looks only: what a screen does is proved by the Pilot tests beside this file. A
change that is meant to alter a screen updates its snapshot with
`pytest tests/tui/test_snapshots.py --snapshot-update`, and the reviewer reads the new
SVG in `__snapshots__/`.

Every snapshot is deterministic: the vault's content is fixed, and a date the screen
would show is fixed through the app's own inputs (typed into the form's date field, or
home's `today` clock), never by patching the vault.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import ProgressBar

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.work import WorkScreen
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.imminent import EscalationScreen
from peerdesk.tui.screens.referral_pick import ReferralPickScreen
from peerdesk.tui.screens.team import TeamScreen
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.vault import Vault, clinicians, followups, referrals, team
from tests.conftest import PASSPHRASE
from tests.support.directory_rows import directory_file
from tests.support.referrals import add_clinician, clinician
from tests.support.team_core import fixed_key, fixed_lead
from tests.tui.directory_helpers import PauseAt, import_file
from tests.tui.form_helpers import field_input, jump, open_form
from tests.tui.helpers import SIZE, type_text, unlock, wait_until

# A day far from the real one, so nothing stored here ever expires or falls due on its own.
FIXED_DAY = date(2099, 3, 14)

SnapCompare = Callable[..., bool]


def test_unlock_screen(closed_vault: Path, snap_compare: SnapCompare) -> None:
    """What every lock lands on: no path, no counts; crisis lines listed."""
    assert snap_compare(PeerdeskApp(closed_vault), terminal_size=SIZE)


def test_crisis_lines_over_the_unlock_screen(closed_vault: Path, snap_compare: SnapCompare) -> None:
    """ctrl+g while locked: every line and its number readable in one screen."""
    assert snap_compare(PeerdeskApp(closed_vault), press=["ctrl+g"], terminal_size=SIZE)


def test_home_with_six_follow_ups(
    closed_vault: Path, snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Home fits 80x24 with five follow-ups shown (overdue marked) and says one more waits.

    Home shows the vault's path as given, so the app gets it relative (like
    `--vault vault.peerdesk` typed in its folder) instead of this test's temp path.
    """
    monkeypatch.chdir(closed_vault.parent)
    now = datetime.now(UTC)  # only the stored stamp; no screen shows it
    with Vault.unlock(closed_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        for days_late, handle, kind in (
            (6, "blue car, nights", "contact"),
            (4, "K9 handler", "concern"),
            (3, "dispatch, B shift", "contact"),
            (1, "new recruit", "contact"),
            (0, "sergeant, east", "concern"),
            (0, "traffic unit", "contact"),
        ):
            followups.add(conn, FIXED_DAY - timedelta(days=days_late), handle, now, kind=kind)

    async def home_on_the_fixed_day(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PeerdeskApp)
        await unlock(pilot, app)
        home = app.screen
        assert isinstance(home, HomeScreen)
        conn = home.vault.conn
        opened = dataclasses.replace(
            home.opened,
            due=tuple(followups.due(conn, FIXED_DAY)),
            referrals_due=tuple(referrals.due(conn, FIXED_DAY)),
        )
        await app.switch_screen(HomeScreen(opened, today=lambda: FIXED_DAY))
        await pilot.pause()

    assert snap_compare(
        PeerdeskApp(Path(closed_vault.name)), run_before=home_on_the_fixed_day, terminal_size=SIZE
    )


def test_contact_form_half_filled(closed_vault: Path, snap_compare: SnapCompare) -> None:
    """The form fills 80x24: topics, fields, the note and its reminder all in view."""

    async def fill_some(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PeerdeskApp)
        screen = await open_form(pilot, app)
        await pilot.press("a", "z", "3")  # two topics, 30 minutes
        await jump(pilot, screen, "date")
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, FIXED_DAY.isoformat())
        assert field_input(screen, "date").value == FIXED_DAY.isoformat()
        await jump(pilot, screen, "note")
        await type_text(pilot, "Talked after the shift")

    assert snap_compare(PeerdeskApp(closed_vault), run_before=fill_some, terminal_size=SIZE)


def test_contact_form_with_imminent_risk(closed_vault: Path, snap_compare: SnapCompare) -> None:
    """Imminent and escalated chosen with R and O from the topic list, the checklist
    closed again: both values whole in their fields, the keys line naming R and O."""

    async def imminent(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PeerdeskApp)
        screen = await open_form(pilot, app)
        await jump(pilot, screen, "date")
        await pilot.press("end", "ctrl+u")
        await type_text(pilot, FIXED_DAY.isoformat())
        await jump(pilot, screen, "topics")
        await pilot.press("s", "t", "R", "R", "R")  # suicidal thoughts, trauma; imminent
        await wait_until(pilot, lambda: isinstance(app.screen, EscalationScreen), "checklist")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "the form again")
        await pilot.press("O", "O", "O")  # escalated
        await pilot.pause()
        assert screen.query_one("#risk", ChoiceField).value == "imminent"

    assert snap_compare(PeerdeskApp(closed_vault), run_before=imminent, terminal_size=SIZE)


def test_ranked_referral_list(closed_vault: Path, snap_compare: SnapCompare) -> None:
    """The directory ranked for a contact: usable clinicians first with the cursor on the
    best, suspended and expired ones after them marked ! and saying why."""
    vetted: dict[str, Any] = {"vetted_on": date(2025, 6, 1), "revet_due": date(2099, 12, 31)}
    both = ("trauma", "sleep")
    rows: tuple[tuple[str, dict[str, Any]], ...] = (
        ("Ana Okafor", {"specialties": ("trauma",), "accepting_new_clients": True,
                        "telehealth": True, "phones": ("(503) 555-0142",)}),
        ("Ben Lindqvist", {"specialties": both}),
        ("Chloé Marchand", {"specialties": ("family",), "telehealth": True}),
        ("Dev Raman", {"specialties": both, "accepting_new_clients": True, "suspended": True}),
        ("Eli Strand", {"specialties": both, "revet_due": date(2099, 3, 1)}),  # expired
    )  # fmt: skip
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        for name, changes in rows:
            add_clinician(vault, clinician(name, FIXED_DAY, **{**vetted, **changes}))

    async def open_ranked(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PeerdeskApp)
        await unlock(pilot, app)
        assert app.vault is not None
        app.push_screen(ReferralPickScreen(app.vault, both, FIXED_DAY))
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
        await pilot.pause()

    assert snap_compare(PeerdeskApp(closed_vault), run_before=open_ranked, terminal_size=SIZE)


async def open_from_home(pilot: Pilot[None], key: str, kind: type[object]) -> PeerdeskApp:
    """Unlock and press `key` on home; the app, once a `kind` screen is drawn."""
    app = pilot.app
    assert isinstance(app, PeerdeskApp)
    await unlock(pilot, app)
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(app.screen, kind), f"the {kind.__name__}")
    await pilot.pause()
    return app


async def open_directory(pilot: Pilot[None]) -> PeerdeskApp:
    """Unlock and open the directory (d)."""
    return await open_from_home(pilot, "d", DirectoryScreen)


def test_directory_list(closed_vault: Path, snap_compare: SnapCompare) -> None:
    """The directory: search box, filters line, rows with status, keys; nothing cut off."""
    vetted: dict[str, Any] = {"vetted_on": date(2025, 6, 1), "revet_due": date(2099, 12, 31)}
    rows: tuple[tuple[str, dict[str, Any]], ...] = (
        ("Ana Okafor", {"specialties": ("trauma", "critical-incident"), "telehealth": True}),
        ("Ben Lindqvist", {"specialties": ("substance-use",), "accepting_new_clients": True}),
        ("Chloé Marchand", {"specialties": ("family",), "region": "North"}),
        ("Dev Raman", {"specialties": ("grief", "trauma"), "suspended": True}),
    )
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        for name, changes in rows:
            add_clinician(vault, clinician(name, FIXED_DAY, **{**vetted, **changes}))

    assert snap_compare(PeerdeskApp(closed_vault), run_before=open_directory, terminal_size=SIZE)


def test_lead_team_card(
    closed_vault: Path, snap_compare: SnapCompare, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The lead's team card fits 80x24: string, large fingerprint, ids, labelled peers, keys.

    The keys are fixed (tests.support.team_core.fixed_lead), and so is every date shown.
    """
    moment = datetime(2099, 3, 14, 9, 30, tzinfo=UTC)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        fixed_lead(vault, monkeypatch, moment)
        seen = [fixed_key(seed).public() for seed in (4, 5, 6)]
        with vault.transaction() as conn:
            team.record_peers_seen(conn, seen, moment)
            team.label_peer(conn, seen[0].key_id_text(), "JD, nights")
            team.label_peer(conn, seen[2].key_id_text(), "K9 unit")

    async def open_team_card(pilot: Pilot[None]) -> None:
        await open_from_home(pilot, "t", TeamScreen)

    assert snap_compare(PeerdeskApp(closed_vault), run_before=open_team_card, terminal_size=SIZE)


def test_handoff_card(closed_vault: Path, snap_compare: SnapCompare) -> None:
    """The handoff card fits 80x24: the name in large letters, the phone in large digits,
    every detail, and the phone code beside them, black on white."""
    fields = clinician(
        "Dr. Zoë Müller-Øvrebø, PhD",
        FIXED_DAY,
        credentials="PhD, LCSW",
        practice="Harbor Counselling, LLC",
        phones=("(503) 555-0142",),
        email="zoe.muller@example.org",
        address="Suite 1200, 4500 NW Blvd\nSpringfield, OR 97477",
        telehealth=True,
    )
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        clinician_id = add_clinician(vault, fields)

    async def open_the_card(pilot: Pilot[None]) -> None:
        app = pilot.app
        assert isinstance(app, PeerdeskApp)
        await unlock(pilot, app)
        assert app.vault is not None
        found = clinicians.get(app.vault.conn, clinician_id)
        assert found is not None
        app.push_screen(HandoffCardScreen(found, FIXED_DAY))
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
        await pilot.pause()

    assert snap_compare(PeerdeskApp(closed_vault), run_before=open_the_card, terminal_size=SIZE)


def test_directory_import_progress_bar(
    closed_vault: Path, tmp_path: Path, snap_compare: SnapCompare
) -> None:
    """The import's progress dialog over the directory, held at a known row."""
    source = directory_file(tmp_path / "big.csv", 3000)

    async def held_mid_import(pilot: Pilot[None]) -> None:
        app = await open_directory(pilot)
        await pilot.press("down")
        assert app.vault is not None
        pause = PauseAt(app.vault, messages.PROGRESS_IMPORT_WRITING, 2000)
        app.vault.work_watch = pause
        await import_file(pilot, app, source)
        await pilot.press("y")
        await wait_until(pilot, pause.reached.is_set, "the import mid-write")
        work = app.screen
        assert isinstance(work, WorkScreen)
        await wait_until(pilot, lambda: not work.has_class("-quiet"), "the bar shown")
        await wait_until(
            pilot, lambda: work.query_one(ProgressBar).progress == 1500, "the rows counted"
        )
        await pilot.pause()

    assert snap_compare(PeerdeskApp(closed_vault), run_before=held_mid_import, terminal_size=SIZE)
