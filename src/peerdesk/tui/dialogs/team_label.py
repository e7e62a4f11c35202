"""The lead's label for a peer's key: the same rules as `peerdesk team label`.

One line of at most LABEL_MAX_CHARS printable characters; an empty field removes the
label. The dialog saves (one transaction) before it closes, so a failed save keeps
what was typed, with a sentence.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.safe_text import printable
from peerdesk.tui import keys, save_problems
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput
from peerdesk.vault import Vault, team

LABEL_MAX_CHARS = 40  # the same limit as `peerdesk team label`


@dataclass(frozen=True)
class Labelled:
    """What the dialog saved: the key and its label (None: the label was removed)."""

    key_id: str
    label: str | None


def checked_label(typed: str) -> str | None:
    """The label to store (None for an empty field); ValueError with the sentence if bad."""
    label = typed.strip()
    if not label:
        return None
    if len(label) > LABEL_MAX_CHARS or printable(label) != label:
        raise ValueError(messages.TEAM_LABEL_TEXT.format(max=LABEL_MAX_CHARS))
    return label


class LabelScreen(ModalScreen[Labelled | None]):
    """One field; enter saves, escape cancels (None)."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def __init__(self, vault: Vault, key_id: str, label: str | None) -> None:
        super().__init__()
        self.vault = vault
        self.key_id = key_id
        self.label = label

    def compose(self) -> ComposeResult:
        with Vertical(id="label-box", classes="dialog"):
            yield Static(
                Text(messages.TEAM_LABEL_TITLE.format(key_id=self.key_id)), classes="screen-title"
            )
            yield Static(Text(messages.TEAM_LABEL_INTRO), classes="intro")
            yield Static(Text(messages.TEAM_LABEL_FIELD), classes="field-label")
            yield PlainInput(
                self.label or "", id="label-text", max_length=LABEL_MAX_CHARS, field="label"
            )
            yield Static("", id="label-status", classes="status error")
            yield Static(Text(messages.TEAM_LABEL_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        field = self.query_one("#label-text", Input)
        field.focus()
        field.cursor_position = len(field.value)

    def _say(self, sentence: str) -> None:
        self.query_one("#label-status", Static).update(Text(sentence))

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self._say(message.sentence)

    @on(Input.Submitted, "#label-text")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            label = checked_label(event.value)
        except ValueError as exc:
            self._say(str(exc))
            return
        if not self.vault.is_open:
            return  # locked meanwhile: the lock takes this dialog away
        try:
            with self.vault.transaction() as conn:
                found = team.label_peer(conn, self.key_id, label)
        except Exception as exc:  # noqa: BLE001 - the dialog and its text stay; see save_problems
            self._say(save_problems.sentence(exc, dialog=True))
            return
        if not found:
            self._say(messages.TEAM_LABEL_UNKNOWN.format(key_id=self.key_id))
            return
        self.dismiss(Labelled(self.key_id, label))

    def action_cancel(self) -> None:
        self.dismiss(None)
