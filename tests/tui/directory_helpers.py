"""Shared set-up for the directory's Pilot tests: a filled vault, opening the screen."""

from __future__ import annotations

import threading
import time
from datetime import date, timedelta
from pathlib import Path

from textual.pilot import Pilot

from peerdesk.models.clinicians import ClinicianFields
from peerdesk.synthetic import clinicians as synthetic_clinicians
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.directory_files import FilePathScreen, ImportPreviewScreen
from peerdesk.tui.screens.directory import DirectoryScreen
from peerdesk.tui.widgets.directory_rows import DirectoryRows
from peerdesk.vault import Vault
from peerdesk.vault.directory import save_clinician
from tests.conftest import PASSPHRASE
from tests.tui.helpers import WAIT_LIMIT, paste, unlock, wait_until

TODAY = date.today()
MARKUP_NAME = "[red]Dr. Markup[/] [b]Bold[/b]"
HANDMADE = (
    ClinicianFields(
        name="José Quetzal",
        credentials="LCSW",
        phones=("(206) 555-0142 ext. 13",),
        email="jose.quetzal@example.org",
        region="Zedland",
        telehealth=True,
        accepting_new_clients=True,
        languages=("English", "Nahuatl"),
        specialties=("trauma",),
        insurance=("Zeta EAP",),
        vetted_on=TODAY - timedelta(days=10),
        revet_due=TODAY + timedelta(days=300),
    ),
    ClinicianFields(
        name="Quentin Expired",
        region="Zedland",
        telehealth=True,
        specialties=("trauma",),
        vetted_on=TODAY - timedelta(days=400),
        revet_due=TODAY - timedelta(days=5),
    ),
    ClinicianFields(
        name="Quincy Suspended",
        region="Zedland",
        specialties=("grief",),
        vetted_on=TODAY - timedelta(days=10),
        revet_due=TODAY + timedelta(days=300),
        suspended=True,
    ),
    ClinicianFields(name=MARKUP_NAME, region="Zedland", notes="[link=x]not a link[/link]"),
)


def fill(vault_path: Path, synthetic: int = 300) -> dict[str, str]:
    """Create the vault with `synthetic` fictional clinicians plus HANDMADE; name -> id."""
    ids = {}
    with Vault.create(vault_path, PASSPHRASE) as vault:
        if synthetic:
            synthetic_clinicians.fill(vault, count=synthetic, today=TODAY)
        for fields in HANDMADE:
            ids[fields.name] = save_clinician(vault, fields)
    return ids


async def open_directory(pilot: Pilot[None], app: PeerdeskApp) -> DirectoryScreen:
    """Unlock, press d on home, and return the directory once it has drawn its rows."""
    await unlock(pilot, app)
    await pilot.press("d")
    await wait_until(pilot, lambda: isinstance(app.screen, DirectoryScreen), "directory")
    screen = app.screen
    assert isinstance(screen, DirectoryScreen)
    await wait_until(pilot, lambda: bool(rows(screen).shown), "the first rows")
    return screen


def rows(screen: DirectoryScreen) -> DirectoryRows:
    return screen.query_one(DirectoryRows)


def drawn_lines(screen: DirectoryScreen) -> list[str]:
    """The rows exactly as the widget paints them (its rendered text), top to bottom."""
    widget = rows(screen)
    return str(widget.render()).split("\n") if widget.shown else []


async def settle(pilot: Pilot[None], screen: DirectoryScreen, typed: str) -> None:
    """Wait until the search for exactly `typed` has run (it waits for a pause in typing)."""
    await wait_until(
        pilot,
        lambda: screen.filter.search == (typed.strip() or None) and not screen.pacer.pending,
        f"the search for {typed!r}",
    )
    await pilot.pause()


def top(app: PeerdeskApp) -> object:
    """The screen on top, typed loosely so identity checks after an isinstance stay typed."""
    return app.screen


def selected_name(screen: DirectoryScreen) -> str | None:
    row = rows(screen).selected
    return None if row is None else row.name


def selected_status(screen: DirectoryScreen) -> str | None:
    row = rows(screen).selected
    return None if row is None else row.status


async def go_to(pilot: Pilot[None], screen: DirectoryScreen, name: str) -> None:
    """From the search box down the list until `name` is marked."""
    await pilot.press("down")
    for _ in range(rows(screen).matching):
        if selected_name(screen) == name:
            return
        await pilot.press("down")
    raise AssertionError(f"{name!r} is not in the list")


async def import_file(
    pilot: Pilot[None], app: PeerdeskApp, path: Path, *, unsigned: bool = True
) -> ImportPreviewScreen:
    """m, the path, enter: returns the preview (nothing is written yet).

    `unsigned`: the file is one nobody signed, in a vault that may take it (no team, or
    the lead's own): the question saying nobody vouches for it comes first, answered y.
    """
    await pilot.press("m")
    assert isinstance(app.screen, FilePathScreen)
    await paste(pilot, str(path))
    await pilot.press("enter")
    if unsigned:
        await wait_until(pilot, lambda: app.screen.id == "directory-unsigned", "unsigned question")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Nobody vouches for" in app.screen.question
        await pilot.press("y")
    await wait_until(pilot, lambda: isinstance(app.screen, ImportPreviewScreen), "preview")
    preview = app.screen
    assert isinstance(preview, ImportPreviewScreen)
    return preview


class PauseAt:
    """A Vault.work_watch that holds the worker at the first step `doing` with at least
    `done` rows, until `go` is set or a lock or quit takes the connection back (then the
    worker meets the stop at once). A pause, never a sleep before acting: the test acts
    while the worker is known to be mid-way."""

    def __init__(self, vault: Vault, doing: str, done: int) -> None:
        self.vault = vault
        self.doing = doing
        self.done = done
        self.reached = threading.Event()
        self.go = threading.Event()
        self.taken_back = False  # a stop took the connection back while it was held

    def __call__(self, doing: str, done: int, total: int) -> None:
        if doing != self.doing or done < self.done or self.reached.is_set():
            return
        self.reached.set()
        limit = time.monotonic() + WAIT_LIMIT  # a bound for a hung test, not a timing
        while self.vault.working and not self.go.is_set() and time.monotonic() < limit:
            time.sleep(0.005)
        self.taken_back = not self.vault.working
