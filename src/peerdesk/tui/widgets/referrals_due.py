"""Home's referrals-due lines: open referrals whose check-back date has come.

Hidden when there are none, so home looks as before. One line (the count and the
first one due), because home must fit 80x24: while it shows, the box gets the class
-referrals-due, which takes the blank line above the vault facts (app.tcss). The
referrals list (r) is where they are acted on.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.widgets import Static

from peerdesk import messages
from peerdesk.models.referrals import Referral
from peerdesk.tui.text.referrals import referral_line


class ReferralsDue(Static):
    """A title line and the first few referrals due."""

    def __init__(self, items: tuple[Referral, ...], today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.items = items
        self.today = today

    def on_mount(self) -> None:
        self.show(self.items, self.today)

    def show(self, items: tuple[Referral, ...], today: date) -> None:
        self.items, self.today = items, today
        self.display = bool(items)
        if self.parent is not None:
            self.parent.set_class(bool(items), "-referrals-due")
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(messages.HOME_REFERRALS_TITLE.format(count=len(items)), style="bold")
        if items:
            text.append("  ")
            text.append_text(referral_line(items[0], today))
        self.update(text)
