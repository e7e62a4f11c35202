"""All follow-ups in one place (`f` on home): due or overdue, upcoming, done lately.

Home shows only what is due; here a peer sees what is coming and what was closed in
the last two weeks, and can undo a "done" (u) as well as close (x) or snooze (s, S)
an open one. Each key is one transaction; the list is read again after each, with
the mark kept on the same follow-up. Handles are shown as home shows them (this is
the peer's own screen; they are wiped with the note when retention runs).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peerdesk import messages
from peerdesk.models.contacts import FollowUp
from peerdesk.tui import keys
from peerdesk.tui.text.contacts import followup_line
from peerdesk.vault import Vault, VaultError, followups, logbook

DONE_DAYS = 14  # how far back "done" follow-ups are listed, and can be undone here


class FollowUpsScreen(Screen[None]):
    """Three sections in one list; headers are not selectable."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.FOLLOWUPS_KEYS)

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.vault = vault
        self.today = today
        self.rows: dict[str, FollowUp] = {}

    def compose(self) -> ComposeResult:
        with Vertical(id="followups-box"):
            yield Static(Text(messages.FOLLOWUPS_SCREEN_TITLE), classes="screen-title")
            yield OptionList(id="followups-list")
            yield Static(Text(messages.FOLLOWUPS_SCREEN_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.reload()
        self.option_list.focus()

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#followups-list", OptionList)

    @property
    def selected(self) -> FollowUp | None:
        index = self.option_list.highlighted
        if index is None:
            return None
        option_id = self.option_list.get_option_at_index(index).id
        return self.rows.get(option_id or "")

    def reload(self, keep: int | None = None) -> None:
        if not self.vault.is_open:
            return
        today = self.today()
        conn = self.vault.conn
        sections = (
            (messages.FOLLOWUPS_SECTION_DUE, followups.due(conn, today, limit=500)),
            (messages.FOLLOWUPS_SECTION_UPCOMING, followups.upcoming(conn, today)),
            (
                messages.FOLLOWUPS_SECTION_DONE.format(days=DONE_DAYS),
                followups.done_since(conn, today - timedelta(days=DONE_DAYS)),
            ),
        )
        options: list[Option] = []
        self.rows = {}
        for title, items in sections:
            options.append(
                Option(Text(title.format(count=len(items)), style="bold"), disabled=True)
            )
            if not items:
                options.append(Option(Text(messages.FOLLOWUPS_SECTION_EMPTY), disabled=True))
            for item in items:
                option_id = f"f{item.id}"
                self.rows[option_id] = item
                line = Text(followup_line(item, today, selected=False).plain)  # never markup
                if item.done_on is not None:
                    line.append(messages.FOLLOWUPS_DONE_ON.format(date=item.done_on.isoformat()))
                options.append(Option(line, id=option_id))
        listing = self.option_list
        listing.clear_options()
        listing.add_options(options)
        wanted = f"f{keep}" if keep is not None else None
        for index, option in enumerate(options):
            if not option.disabled and (wanted is None or option.id == wanted):
                listing.highlighted = index
                break

    def _act(self, work: Callable[[FollowUp], bool], done: str) -> None:
        item = self.selected
        if item is None or not self.vault.is_open:
            return
        try:
            changed = work(item)
        except VaultError as exc:
            self.notify(str(exc), severity="error", markup=False)
            return
        self.notify(done if changed else messages.FOLLOWUP_NOT_CHANGED, markup=False)
        self.reload(keep=item.id)

    def action_done(self) -> None:
        """Close the marked open follow-up."""
        self._act(
            lambda item: (
                item.done_on is None
                and logbook.close_followup(self.vault, item.id, today=self.today())
            ),
            messages.FOLLOWUP_DONE_UNDO,
        )

    def action_undo(self) -> None:
        """Open the marked done follow-up again."""
        self._act(
            lambda item: item.done_on is not None and logbook.reopen_followup(self.vault, item.id),
            messages.FOLLOWUP_REOPENED,
        )

    def action_snooze(self, days: int) -> None:
        new_due = self.today() + timedelta(days=days)
        self._act(
            lambda item: (
                item.done_on is None and logbook.snooze_followup(self.vault, item.id, new_due)
            ),
            messages.FOLLOWUP_SNOOZED.format(date=new_due.isoformat()),
        )

    def action_back(self) -> None:
        self.dismiss()
