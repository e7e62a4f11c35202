"""Shared helpers for the Pilot tests: build the app, wait for a state, read the screen."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from rich.table import Table
from rich.text import Text
from textual import events
from textual.geometry import Region
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from peerdesk.models.contacts import ContactFields
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.help import HelpScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.tui.widgets.line_view import LineView
from peerdesk.tui.widgets.passphrase import PassphraseInput
from peerdesk.vault import Vault, logbook
from tests.conftest import PASSPHRASE

S = TypeVar("S", bound=Screen[Any])

SIZE = (80, 24)
WAIT_LIMIT = 15.0  # seconds; a bound for a hung test, never a timing assertion


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Let the app run until `condition` holds (the KDF runs in a worker thread)."""
    waited = 0.0
    while not condition():
        if waited > WAIT_LIMIT:
            raise AssertionError(f"gave up waiting for: {what}")
        await pilot.pause(0.02)
        waited += 0.02


def screen_text(app: PeerdeskApp) -> str:
    """All the text the current screen holds in Static widgets and line views (every
    line of one, scrolled into view or not), as plain text."""
    return _text_of(app.screen)


def _text_of(screen: Screen[Any]) -> str:
    parts = []
    for widget in screen.query(Static):
        content = widget.content
        if isinstance(content, Table):  # a grid of cells (help's keys): each row's cells
            for row in zip(*(column.cells for column in content.columns), strict=True):
                parts.append("  ".join(str(cell) for cell in row))
            continue
        parts.append(content.plain if isinstance(content, Text) else str(content))
    for view in screen.query(LineView):
        parts += [text for _kind, text in view.lines]
    return "\n".join(parts)


def rendered(widget: Widget) -> str:
    """What `widget` draws on screen right now, line by line, as plain text."""
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join(strip.text for strip in lines)


def all_screens_text(app: PeerdeskApp) -> str:
    """Text of every screen on the stack, to prove nothing confidential lingers below."""
    return "\n".join(_text_of(screen) for screen in app.screen_stack)


def open_vault_fds(vault_path: Path) -> list[str]:
    """Targets of this process's open fds that are the vault file or its -wal/-shm."""
    watched = {str(vault_path.resolve()) + suffix for suffix in ("", "-wal", "-shm")}
    found = []
    for name in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{name}")
        except OSError:
            continue  # the fd of the listing itself is gone by now
        if target in watched or target.removesuffix(" (deleted)") in watched:
            found.append(target)
    return found


async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` key by key into whatever has focus."""
    await pilot.press(*("space" if ch == " " else ch for ch in text))


async def paste(pilot: Pilot[None], text: str) -> None:
    """Paste `text` into the focused field: like typing, but one event (tests stay fast)."""
    await wait_until(pilot, lambda: pilot.app.focused is not None, "a focused field")
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await pilot.pause()


async def unlock(pilot: Pilot[None], app: PeerdeskApp) -> None:
    """From the unlock screen to home with the right passphrase."""
    await paste(pilot, PASSPHRASE)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home screen")


async def assert_locked(pilot: Pilot[None], app: PeerdeskApp, vault_path: Path) -> None:
    """Vault closed, no fd on its files, only a fresh unlock screen, no data in any widget."""
    assert app.vault is None
    assert open_vault_fds(vault_path) == []
    await pilot.pause()
    assert isinstance(app.screen, UnlockScreen)
    assert not any(isinstance(s, HomeScreen | HelpScreen) for s in app.screen_stack)
    assert len(app.screen_stack) == 2  # Textual's blank base screen + the unlock screen
    shown = all_screens_text(app)
    assert str(vault_path) not in shown
    assert vault_path.name not in shown
    assert app.screen.query_one(PassphraseInput).value == ""
    assert app.focused is app.screen.query_one(PassphraseInput)


def add_contact(vault: Vault, day: date, topics: tuple[str, ...], **extra: object) -> int:
    """Log one contact through the same function the app uses."""
    fields = ContactFields(contact_date=day, topics=topics, **extra)  # type: ignore[arg-type]
    return logbook.save_contact(vault, fields, today=date.today())


async def open_from_home(
    pilot: Pilot[None], app: PeerdeskApp, key: str, kind: type[S], what: str
) -> S:
    """Unlock, press `key` on home, and return the screen of `kind` once it has drawn."""
    await unlock(pilot, app)
    await pilot.press(key)
    await wait_until(pilot, lambda: isinstance(app.screen, kind), what)
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, kind)
    return screen


class CountedKeys:
    """Presses keys like a person and counts them: how many keystrokes a task takes.

    Waiting for a screen between keys is not a keystroke, so a test waits with
    `wait_until` and presses only through `press`; `pressed` is the whole sequence.
    """

    def __init__(self, pilot: Pilot[None]) -> None:
        self.pilot = pilot
        self.pressed: list[str] = []

    async def press(self, *keys: str) -> None:
        self.pressed += keys
        await self.pilot.press(*keys)

    @property
    def count(self) -> int:
        return len(self.pressed)
