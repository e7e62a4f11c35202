"""The vetted clinician directory: search as you type, filters, one screenful of rows.

The search box has focus on opening, and the keys line then says that letters are
search words (the filter keys work in the list). A key after a pause in typing searches at
once; keys in a quick burst wait for SEARCH_DELAY of quiet, so fast typing runs
one query for the last keystroke, and only the latest text is ever searched. From
the list (down or enter from the search box), single letters set filters, which
combine (AND): s specialty (several allowed, each must match), t telehealth,
a accepting new clients, i insurance, g language, r region, v vetting status,
0 clears.

Only the rows that fit are fetched (`DirectoryRows`), so 10,000 clinicians cost the
same per keystroke as 10. Queries run on the main thread: a page plus a count is a
few milliseconds. The vault may be locked at any moment; every query first checks
it is still open, because a timer or a resume can fire on the way out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from peerdesk import messages, vocab
from peerdesk.models.clinicians import SUSPENDED, ClinicianRow
from peerdesk.tui import keys
from peerdesk.tui.dialogs.directory_files import start_export
from peerdesk.tui.dialogs.directory_import import start_import
from peerdesk.tui.dialogs.topic_pick import TopicPickScreen
from peerdesk.tui.dialogs.value_pick import ValuePickScreen
from peerdesk.tui.events import ClinicianChanged
from peerdesk.tui.screens.clinician_detail import ClinicianDetailScreen, ask_suspend, writable
from peerdesk.tui.screens.search_list import SearchListScreen
from peerdesk.tui.text.clinicians import filter_summary, next_status
from peerdesk.tui.widgets.directory_rows import DirectoryHeader, DirectoryRows
from peerdesk.vault import Vault, clinicians
from peerdesk.vault.clinicians import DirectoryFilter


class DirectoryScreen(SearchListScreen):
    """Clinicians in name order; count, search box and filter line above them.

    `today` is a clock for tests (it decides vetted / re-vet due / expired).
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.DIRECTORY_KEYS)
    SEARCH_ID = "directory-search"

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(vault, today=today)
        self.filter = DirectoryFilter()
        self.matching = 0
        self.total = 0

    def compose(self) -> ComposeResult:
        with Vertical(id="directory-box"):
            with Horizontal(id="directory-top"):
                yield Static(Text(messages.DIRECTORY_TITLE), id="directory-title")
                yield Static("", id="directory-count")
            yield self.search_input(messages.DIRECTORY_SEARCH_PLACEHOLDER)
            yield Static("", id="directory-filters")
            yield DirectoryHeader(id="directory-header")
            yield Static("", id="directory-empty")
            yield DirectoryRows(self._fetch, id="directory-rows")
            yield Static(Text(messages.DIRECTORY_KEYS), id="directory-keys", classes="keys-line")

    @property
    def rows(self) -> DirectoryRows:
        return self.query_one("#directory-rows", DirectoryRows)

    def on_mount(self) -> None:
        self.search_box.focus()

    @on(events.DescendantFocus)
    def _focus_moved(self) -> None:
        """Say where typed keys go: in the search box letters are words, not filters.

        The box has the cursor on opening (most visits are to find one clinician by
        name), so the keys line names only what works there; in the list it names the
        filter keys, which work there.
        """
        in_box = self.search_box.has_focus
        self.search_box.placeholder = (
            messages.DIRECTORY_SEARCH_PLACEHOLDER if in_box else messages.DIRECTORY_SEARCH_IDLE
        )
        self.query_one("#directory-keys", Static).update(
            Text(messages.DIRECTORY_SEARCH_KEYS if in_box else messages.DIRECTORY_KEYS)
        )

    # --- querying -----------------------------------------------------------
    def _fetch(self, offset: int, limit: int) -> list[ClinicianRow]:
        if not self.vault.is_open or self.vault.working:
            return []  # lent to an import (a resize under its bar): drawn again after it
        return clinicians.page(
            self.vault.conn, self.filter, today=self.today(), limit=limit, offset=offset
        )

    def reload(self, *, keep_place: bool = False) -> None:
        """Count the matches and fetch the screenful of rows (never after a lock)."""
        if not self.vault.is_open:
            return
        conn = self.vault.conn
        self.total = clinicians.total(conn)
        narrowed = self.filter != DirectoryFilter()
        self.matching = (
            clinicians.count(conn, self.filter, today=self.today()) if narrowed else self.total
        )
        self.rows.show(self.matching, keep_place=keep_place)
        self._show_state(narrowed)

    def _show_state(self, narrowed: bool) -> None:
        """Count, filter line and empty sentence; fixed sizes, so no re-layout per key."""
        if narrowed:
            count = messages.DIRECTORY_COUNT_MATCH.format(count=self.matching, total=self.total)
        else:
            count = messages.DIRECTORY_COUNT_ALL.format(count=self.total)
        self.query_one("#directory-count", Static).update(Text(count), layout=False)
        self.query_one("#directory-filters", Static).update(
            filter_summary(self.filter), layout=False
        )
        empty = self.query_one("#directory-empty", Static)
        if not self.matching:
            empty.update(
                Text(
                    messages.DIRECTORY_NONE_YET if not self.total else messages.DIRECTORY_NONE_MATCH
                )
            )
        if empty.display != (not self.matching):
            empty.display = not self.matching

    def _set_filter(self, flt: DirectoryFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload()

    # --- search (the box itself: SearchListScreen) -----------------------------
    def search_for(self, words: str | None) -> None:
        self._set_filter(replace(self.filter, search=words))

    def action_to_list(self) -> None:
        """From the search box to the list."""
        self.rows.focus()

    # --- the list -----------------------------------------------------------
    def _on_list(self) -> bool:
        return not self.search_box.has_focus

    def action_move(self, delta: int) -> None:
        """Up/down; down in the search box goes to the list."""
        if not self._on_list():
            if delta > 0:
                self.rows.focus()
            return
        self.rows.move(delta)

    def action_page(self, pages: int) -> None:
        self.rows.focus()
        self.rows.move(pages * self.rows.fits)

    def selected_row(self) -> ClinicianRow | None:
        return self.rows.selected if self._on_list() else None

    def action_open(self) -> None:
        """Show every detail of the marked clinician."""
        row = self.selected_row()
        if row is not None:
            self.app.push_screen(ClinicianDetailScreen(self.vault, row.id, today=self.today))

    def action_new(self) -> None:
        """Open an empty clinician form."""
        from peerdesk.tui.screens.clinician_form import ClinicianFormScreen

        if writable(self, self.vault):
            self.app.push_screen(ClinicianFormScreen(self.vault))

    def action_edit(self) -> None:
        from peerdesk.tui.screens.clinician_form import ClinicianFormScreen

        row = self.selected_row()
        if row is not None and writable(self, self.vault):
            self.app.push_screen(ClinicianFormScreen(self.vault, clinician_id=row.id))

    def action_suspend(self) -> None:
        """Ask, then suspend the marked clinician (or reactivate a suspended one)."""
        row = self.selected_row()
        if row is not None and writable(self, self.vault):
            ask_suspend(self, self.vault, row.id, row.name, suspend=row.status != SUSPENDED)

    @on(ClinicianChanged)
    def clinician_changed(self) -> None:
        """After a suspend, an import or a save from here: draw the list again."""
        self.reload(keep_place=True)

    def action_import(self) -> None:
        if writable(self, self.vault):
            start_import(self, self.vault)

    def action_export(self) -> None:
        start_export(self, self.vault)

    # --- filters ------------------------------------------------------------
    def action_pick_specialty(self) -> None:
        """Ask for a topic letter: it adds that specialty (all must match), or removes
        it when already chosen; 0 means any specialty."""
        chosen = self.filter.specialties

        def picked(topic: str | None) -> None:
            if topic is None:
                return
            if not topic:
                wanted: tuple[str, ...] = ()
            elif topic in chosen:
                wanted = tuple(t for t in chosen if t != topic)
            else:
                wanted = vocab.in_topic_order((*chosen, topic))
            self._set_filter(replace(self.filter, specialties=wanted))

        self.app.push_screen(
            TopicPickScreen(
                chosen,
                title=messages.SPECIALTY_PICK_TITLE,
                all_label=messages.SPECIALTY_PICK_ALL,
                keys_line=messages.SPECIALTY_PICK_KEYS,
            ),
            picked,
        )

    def action_flag(self, what: str) -> None:
        """t / a: telehealth or accepting new clients only, or any again."""
        if what == "telehealth":
            self._set_filter(
                replace(self.filter, telehealth=None if self.filter.telehealth else True)
            )
        else:
            on = None if self.filter.accepting_new_clients else True
            self._set_filter(replace(self.filter, accepting_new_clients=on))

    def action_pick_value(self, what: str) -> None:
        """i / g / r: pick an insurance, language or region the directory lists."""
        if not self.vault.is_open:
            return
        found = clinicians.choices(self.vault.conn)
        values = {"insurance": found.insurance, "language": found.languages}.get(
            what, found.regions
        )
        current = getattr(self.filter, what)

        def picked(value: str | None) -> None:
            if value is not None:
                chosen = value or None
                if what == "insurance":
                    self._set_filter(replace(self.filter, insurance=chosen))
                elif what == "language":
                    self._set_filter(replace(self.filter, language=chosen))
                else:
                    self._set_filter(replace(self.filter, region=chosen))

        self.app.push_screen(ValuePickScreen(what, values, current), picked)

    def action_cycle_status(self) -> None:
        """v: any, vetted, re-vet due, expired, suspended, unvetted, any again."""
        self._set_filter(replace(self.filter, status=next_status(self.filter.status)))

    def action_clear(self) -> None:
        """0: every filter off (the search words stay)."""
        self._set_filter(DirectoryFilter(search=self.filter.search))
