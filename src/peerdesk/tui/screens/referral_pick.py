"""Choosing for a referral: the directory ranked for a contact, or a contact for a clinician.

`ReferralPickScreen` shows one screenful of the directory ranked for the contact's
topics (rules in peerdesk.models.ranking, SQL in vault.referral_pick), each row
explained in a few words; it dismisses with the chosen RankedClinician, or None.
`ContactPickScreen` lists the most recent contacts when a referral starts from a
clinician in the directory; it dismisses with a contact id, or None.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peerdesk import messages, vocab
from peerdesk.models.ranking import RankedClinician
from peerdesk.tui import keys
from peerdesk.vault import Vault, contacts, referral_pick

RECENT_CONTACTS = 50
WARNING_MARK = "! "  # rows that need a confirmation are marked in text, not colour alone


def ranked_option(item: RankedClinician) -> Option:
    """Two lines: the name (marked when it needs confirmation), then the explanation."""
    text = Text(no_wrap=True, overflow="ellipsis")
    mark = WARNING_MARK if item.needs_confirmation else "  "
    text.append(mark, style="bold red" if item.needs_confirmation else "")
    text.append(item.name, style="bold")
    if item.credentials:
        text.append(f", {item.credentials}")
    if item.phone:
        text.append(f"   {item.phone}")
    text.append(f"\n    {item.explanation}", style="dim" if not item.needs_confirmation else "")
    return Option(text, id=item.id)


class ReferralPickScreen(Screen[RankedClinician | None]):
    """The ranked directory for one contact; enter chooses, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.REFERRAL_PICK_KEYS)
    AUTO_FOCUS = "OptionList"

    def __init__(self, vault: Vault, topics: tuple[str, ...], today: date) -> None:
        super().__init__()
        self.vault = vault
        self.topics = topics
        self.ranked = referral_pick.ranked(vault.conn, topics, today)
        self.by_id = {item.id: item for item in self.ranked}

    def compose(self) -> ComposeResult:
        labels = ", ".join(vocab.label_of(vocab.TOPICS, t) for t in self.topics) or "-"
        with Vertical(id="referral-pick-box"):
            yield Static(
                Text(messages.REFERRAL_PICK_TITLE.format(topics=labels), no_wrap=True),
                classes="screen-title",
            )
            if self.ranked:
                yield OptionList(*(ranked_option(i) for i in self.ranked), id="ranked")
            else:
                yield Static(Text(messages.REFERRAL_PICK_EMPTY), id="ranked-empty")
            yield Static(Text(messages.REFERRAL_PICK_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        """The cursor starts on the best clinician who needs no warning, when there is one.

        The ranking lists those first already; saying it here keeps enter-at-once safe
        even if the order ever changes.
        """
        usable = [i for i, item in enumerate(self.ranked) if not item.needs_confirmation]
        if usable:
            self.query_one("#ranked", OptionList).highlighted = usable[0]

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        chosen = self.by_id.get(event.option.id or "")
        if chosen is not None:
            self.dismiss(chosen)

    def action_back(self) -> None:
        self.dismiss(None)


class ContactPickScreen(Screen[int | None]):
    """The most recent contacts (date, topics, handle); enter chooses, escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.REFERRAL_PICK_KEYS)
    AUTO_FOCUS = "OptionList"

    def __init__(self, vault: Vault, clinician_name: str) -> None:
        super().__init__()
        self.vault = vault
        self.clinician_name = clinician_name
        self.rows = contacts.page(vault.conn, limit=RECENT_CONTACTS)

    def compose(self) -> ComposeResult:
        title = messages.REFERRAL_CONTACT_PICK_TITLE.format(name=self.clinician_name)
        with Vertical(id="referral-pick-box"):
            yield Static(Text(title, no_wrap=True), classes="screen-title")
            if self.rows:
                options = []
                for row in self.rows:
                    line = messages.REFERRAL_CONTACT_LINE.format(
                        id=row.id,
                        date=row.contact_date.isoformat(),
                        topics=", ".join(vocab.label_of(vocab.TOPICS, t) for t in row.topics),
                        handle=f"  ({row.handle})" if row.handle else "",
                    )
                    options.append(Option(Text(line, no_wrap=True), id=str(row.id)))
                yield OptionList(*options, id="contacts-pick")
            else:
                yield Static(Text(messages.REFERRAL_CONTACT_PICK_EMPTY), id="contacts-empty")
            yield Static(Text(messages.REFERRAL_PICK_KEYS), classes="keys-line")

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.dismiss(int(event.option.id))

    def action_back(self) -> None:
        self.dismiss(None)
