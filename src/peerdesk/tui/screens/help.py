"""Help (`?`): every key the app answers to, read from the one table in `tui.keys`.

It shows no data, but it sits on top of home, so a lock drops it with the rest.
The sections sit in two columns so the whole list fits 80x24; if it ever outgrows
that, the up and down, page and home/end keys scroll (listed like every other key).
Descriptions wrap within their own column, never under the keys.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.tui import keys

Section = tuple[str, tuple[keys.KeySpec, ...]]


class HelpScroll(VerticalScroll, can_focus=False):
    """Scrolls only through the screen's listed keys, never its own bindings."""


class HelpScreen(Screen[None]):
    """A list of keys by where they work; escape or ? closes it."""

    BINDINGS = keys.bindings(keys.HELP_KEYS)

    def compose(self) -> ComposeResult:
        left, right = self.columns()
        with Vertical(id="help-box"):
            yield Static(Text(messages.KEYS_SCREEN_TITLE), classes="screen-title")
            with HelpScroll(id="help-scroll"), Grid(id="help-grid"):
                for column in (left, right):
                    with Vertical(classes="help-column"):
                        for title, specs in column:
                            yield Static(Text(title), classes="section-title")
                            yield Static(keys.key_grid(specs), classes="key-table")

    @staticmethod
    def columns() -> tuple[tuple[Section, ...], tuple[Section, ...]]:
        """Where the keys work, split into two columns; empty groups are left out."""
        left: tuple[Section, ...] = (
            (messages.KEYS_EVERYWHERE, keys.GLOBAL_KEYS),
            (messages.KEYS_ON_HOME, keys.HOME_KEYS + keys.HOME_SAVED_KEYS),
            (messages.KEYS_ON_PASSPHRASE, keys.PASSPHRASE_KEYS),
            (messages.KEYS_ON_TEAM, keys.TEAM_KEYS + keys.LIST_MOVE_KEYS),
            (messages.KEYS_ON_FINGERPRINT, keys.FINGERPRINT_KEYS),
            (messages.KEYS_ON_TEAM_MERGE, keys.TEAM_MERGE_KEYS),
            (messages.KEYS_ON_TEAM_LOG, keys.TEAM_LOG_SCROLL_KEYS + keys.TEAM_LOG_KEYS),
        )
        right: tuple[Section, ...] = (
            (messages.KEYS_ON_FORM, keys.FORM_KEYS + keys.FORM_FIELD_KEYS),
            (messages.KEYS_ON_CONTACTS_LIST, keys.CONTACTS_LIST_KEYS),
            (messages.KEYS_ON_CONTACT_DETAIL, keys.CONTACT_DETAIL_KEYS),
            (messages.KEYS_ON_FOLLOWUPS, keys.FOLLOWUPS_KEYS + keys.LIST_MOVE_KEYS[:2]),
            (messages.KEYS_ON_DIRECTORY, keys.DIRECTORY_KEYS),
            (messages.KEYS_ON_CLINICIAN, keys.CLINICIAN_DETAIL_KEYS),
            (messages.KEYS_ON_CLINICIAN_FORM, keys.CLINICIAN_FORM_KEYS),
            (messages.KEYS_ON_STATS, keys.STATS_KEYS),
            (
                messages.KEYS_ON_REFERRALS,
                keys.REFERRAL_STATUS_KEYS + keys.REFERRALS_KEYS + keys.LIST_MOVE_KEYS,
            ),
            (messages.KEYS_ON_REFERRAL_PICK, keys.REFERRAL_PICK_KEYS + keys.LIST_MOVE_KEYS),
            (messages.KEYS_ON_CARD, keys.HANDOFF_CARD_KEYS),
            (messages.KEYS_ON_SETTINGS, keys.SETTINGS_KEYS),
            (messages.KEYS_ON_THIS_SCREEN, keys.HELP_KEYS),
        )
        return (
            tuple(section for section in left if section[1]),
            tuple(section for section in right if section[1]),
        )

    @classmethod
    def sections(cls) -> tuple[Section, ...]:
        """Every section shown, in reading order."""
        left, right = cls.columns()
        return left + right

    def action_close(self) -> None:
        """Back to where help was opened."""
        self.dismiss()

    def action_scroll(self, lines: int) -> None:
        self.query_one(HelpScroll).scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        scroll = self.query_one(HelpScroll)
        scroll.scroll_relative(y=pages * max(1, scroll.size.height - 1), animate=False)

    def action_edge(self, end: int) -> None:
        scroll = self.query_one(HelpScroll)
        if end > 0:
            scroll.scroll_end(animate=False)
        else:
            scroll.scroll_home(animate=False)
