"""The referrals list: open ones by check-back date; 1-5 set the status, b a week later.

Status changes are one key (1 offered .. 5 closed, the order of
vocab.REFERRAL_STATUSES) on the marked row and one transaction each; the list is
re-read after every change (a few hundred rows at most: open referrals are few).
enter shows the clinician's handoff card again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peerdesk import messages, vocab
from peerdesk.models.referrals import CHECK_BACK_DAYS, Referral
from peerdesk.tui import keys
from peerdesk.tui.text.referrals import referral_line
from peerdesk.vault import Vault, VaultError, clinicians, referrals

STATUS_BY_KEY = {str(n): c.id for n, c in enumerate(vocab.REFERRAL_STATUSES, start=1)}


class ReferralsScreen(Screen[None]):
    """Open referrals (a: all of them); the marked row's status changes with 1-5."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.REFERRALS_KEYS)

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.vault = vault
        self.today = today
        self.show_all = False
        self.items: list[Referral] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="referrals-box"):
            yield Static(id="referrals-title", classes="screen-title")
            yield OptionList(id="referrals")
            yield Static(Text(messages.REFERRALS_NONE), id="referrals-empty")
            yield Static(Text(messages.REFERRALS_HEADING), classes="keys-line")

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#referrals", OptionList).focus()

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#referrals", OptionList)

    @property
    def selected(self) -> Referral | None:
        index = self.option_list.highlighted
        return self.items[index] if index is not None and index < len(self.items) else None

    def reload(self, keep: int | None = None) -> None:
        """Read the list again, keeping the mark on referral `keep` when it is still shown."""
        if not self.vault.is_open:
            return
        self.items = referrals.listing(self.vault.conn, open_only=not self.show_all)
        today = self.today()
        template = messages.REFERRALS_TITLE_ALL if self.show_all else messages.REFERRALS_TITLE_OPEN
        self.query_one("#referrals-title", Static).update(
            Text(template.format(count=len(self.items)))
        )
        options = self.option_list
        options.clear_options()
        options.add_options(
            [Option(referral_line(r, today, with_contact=True), id=str(r.id)) for r in self.items]
        )
        ids = [r.id for r in self.items]
        if self.items:
            options.highlighted = ids.index(keep) if keep in ids else 0
        self.query_one("#referrals-empty", Static).display = not self.items

    def on_key(self, event: events.Key) -> None:
        """1-5: the marked referral's new status (offered, accepted, connected, ...)."""
        status = STATUS_BY_KEY.get(event.key)
        if status is None:
            return
        event.stop()
        item = self.selected
        if item is None:
            return
        try:
            found = referrals.change_status(self.vault, item.id, status, today=self.today())
        except VaultError as exc:
            self.notify(str(exc), severity="error")
            return
        label = vocab.label_of(vocab.REFERRAL_STATUSES, status).lower()
        self.notify(
            messages.REFERRAL_STATUS_CHANGED.format(status=label)
            if found
            else messages.REFERRAL_GONE
        )
        self.reload(keep=item.id)

    def action_check_back(self) -> None:
        """Check back on the marked referral a week from today."""
        item = self.selected
        if item is None:
            return
        new_date = self.today() + timedelta(days=CHECK_BACK_DAYS)
        try:
            moved = referrals.move_check_back(self.vault, item.id, new_date)
        except VaultError as exc:
            self.notify(str(exc), severity="error")
            return
        self.notify(
            messages.REFERRAL_CHECK_BACK_MOVED.format(date=new_date.isoformat())
            if moved
            else messages.REFERRAL_GONE
        )
        self.reload(keep=item.id)

    def action_toggle_all(self) -> None:
        """Open referrals only, or every referral."""
        self.show_all = not self.show_all
        self.reload(keep=self.selected.id if self.selected else None)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """enter: the clinician's card again (no new referral is recorded)."""
        event.stop()
        item = self.selected
        if item is None:
            return
        from peerdesk.tui.screens.handoff_card import HandoffCardScreen

        found = clinicians.get(self.vault.conn, item.clinician_id)
        if found is None:
            self.notify(messages.REFERRAL_CLINICIAN_GONE, severity="error")
            return
        self.app.push_screen(HandoffCardScreen(found, self.today()))

    def action_back(self) -> None:
        self.dismiss(None)
