"""Pick one value for a directory filter (insurance, language, region).

The values are the ones the directory's clinicians actually list
(`vault.clinicians.choices`), so a filter can never find nothing by a typo.
Returns the value, "" for any, or None on escape (keep the filter as it was).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peerdesk import messages
from peerdesk.models.clinicians import fold
from peerdesk.tui import keys

ANY_ID = "\x00any"  # an option id no real value can have (control characters are refused)


class ValuePickScreen(ModalScreen[str | None]):
    """A short list: "Any" first, then the values; the current one is highlighted."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def __init__(self, what: str, values: tuple[str, ...], current: str | None) -> None:
        super().__init__()
        self.what = what
        self.values = values
        self.current = current

    def compose(self) -> ComposeResult:
        label = messages.DIRECTORY_WHAT.get(self.what, self.what)
        with Vertical(id="directory-pick-box", classes="dialog"):
            yield Static(
                Text(messages.DIRECTORY_PICK_TITLE.format(what=label)), classes="screen-title"
            )
            if not self.values:
                yield Static(Text(messages.DIRECTORY_PICK_EMPTY.format(what=label)))
            options = [Option(Text(messages.DIRECTORY_PICK_ANY), id=ANY_ID)]
            options += [Option(Text(value), id=str(i)) for i, value in enumerate(self.values)]
            yield OptionList(*options, id="directory-pick-list")
            yield Static(Text(messages.DIRECTORY_PICK_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        option_list = self.query_one(OptionList)
        option_list.focus()
        if self.current:
            folded = [fold(v) for v in self.values]
            if fold(self.current) in folded:
                option_list.highlighted = folded.index(fold(self.current)) + 1
        else:
            option_list.highlighted = 0

    @on(OptionList.OptionSelected, "#directory-pick-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        option_id = event.option.id
        if option_id is None or option_id == ANY_ID:
            self.dismiss("")
        else:
            self.dismiss(self.values[int(option_id)])

    def action_cancel(self) -> None:
        """Keep the filter as it was."""
        self.dismiss(None)
