"""The skeleton shared by the screens that list records under a search box.

The contacts list and the clinician directory both show a count, a search box, a
filter line and the rows; both search as the peer types (paced, so a burst of keys is
one query), refuse a paste that cannot be searched with one sentence, and step between
the box and the list the same way. A subclass says how to query and where the list is.
"""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Callable
from datetime import date
from typing import ClassVar

from textual import on
from textual.screen import Screen
from textual.widgets import Input

from peerdesk.tui.search_pacer import SearchPacer
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput
from peerdesk.vault import Vault

SEARCH_DELAY = 0.04  # keys closer together than this are one burst: one search
SEARCH_MAX_CHARS = 200


class SearchListScreen(Screen[None]):
    """Records under a search box. `today` is a clock for tests; the app passes none."""

    SEARCH_ID: ClassVar[str]  # the search box's id, e.g. "contacts-search"

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.vault = vault
        self.today = today
        self.pacer = SearchPacer(self, self._run_search, SEARCH_DELAY)

    def search_input(self, placeholder: str) -> PlainInput:
        """The search box, for compose."""
        return PlainInput(
            id=self.SEARCH_ID, placeholder=placeholder, max_length=SEARCH_MAX_CHARS, field="search"
        )

    @property
    def search_box(self) -> Input:
        return self.query_one(f"#{self.SEARCH_ID}", Input)

    def on_screen_resume(self) -> None:
        """First shown, or back from a record, a form or a dialog: query again."""
        self.reload(keep_place=True)

    @abstractmethod
    def reload(self, *, keep_place: bool = False) -> None:
        """Query the rows and the counts again (never after a lock)."""

    @abstractmethod
    def search_for(self, words: str | None) -> None:
        """Narrow the list to these words (None: no search)."""

    @abstractmethod
    def action_to_list(self) -> None:
        """From the search box to the list."""

    # --- search -------------------------------------------------------------
    def action_search(self) -> None:
        """Put the cursor in the search box."""
        self.search_box.focus()

    @on(Input.Changed)
    def _search_changed(self, event: Input.Changed) -> None:
        """Search now, or after the pause when keys come in a burst (tui.search_pacer)."""
        if event.input.id != self.SEARCH_ID:
            return
        event.stop()
        self.pacer.changed()

    def _run_search(self) -> None:
        if not self.vault.is_open:
            return  # locked meanwhile: this screen's widgets may be gone already
        words = self.search_box.value.strip()
        self.search_for(words or None)

    @on(Input.Submitted)
    def _search_submitted(self, event: Input.Submitted) -> None:
        if event.input.id != self.SEARCH_ID:
            return
        event.stop()
        self.action_to_list()

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self.notify(message.sentence, severity="warning")

    def action_back(self) -> None:
        """Escape: from the search box to the list; from the list back to home."""
        if self.search_box.has_focus:
            self.action_to_list()
        else:
            self.dismiss()
