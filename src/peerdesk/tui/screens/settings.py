"""The vault's settings in the TUI: idle lock, note retention, small-cell threshold,
theme and the team's escalation checklist (shown when a contact's risk is imminent).

The screen only gathers and checks values; `Settings.validated` says what is wrong in
one sentence, and the typed values stay on screen until they are right. The app
saves (one transaction) and applies theme and idle minutes at once.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peerdesk import messages, vocab
from peerdesk.tui import keys
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import NoteArea, PasteRefused, PlainInput
from peerdesk.vault.errors import InvalidSetting
from peerdesk.vault.settings import CHECKLIST_MAX_CHARS, THEMES, Settings

THEME_CHOICES = tuple(vocab.Choice(name, name.capitalize()) for name in THEMES)
ZEROS_CHOICES = tuple(vocab.Choice(k, v) for k, v in messages.SETTINGS_ZEROS_CHOICES.items())
DIGITS = r"[0-9]*"
NUMBER_FIELDS = (
    ("idle_lock_minutes", messages.SETTINGS_IDLE_LABEL),
    ("retention_days", messages.SETTINGS_RETENTION_LABEL),
    ("min_cell", messages.SETTINGS_MIN_CELL_LABEL),
)


class SettingsScreen(ModalScreen[Settings | None]):
    """Returns the new, validated Settings on ctrl+s, or None on escape."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.SETTINGS_KEYS)

    def __init__(self, current: Settings) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="settings-box", classes="dialog"):
            yield Static(Content(messages.SETTINGS_TITLE), classes="screen-title")
            for name, label in NUMBER_FIELDS:
                with Horizontal(classes="settings-row"):
                    yield Static(Content(label), classes="settings-label")
                    yield PlainInput(
                        str(getattr(self.current, name)),
                        id=f"setting-{name}",
                        max_length=4,
                        restrict=DIGITS,
                        field=label,
                    )
            with Horizontal(classes="settings-row"):
                yield Static(Content(messages.SETTINGS_THEME_LABEL), classes="settings-label")
                yield ChoiceField(THEME_CHOICES, self.current.theme, id="setting-theme")
            with Horizontal(classes="settings-row"):
                yield Static(Content(messages.SETTINGS_ZEROS_LABEL), classes="settings-label")
                yield ChoiceField(ZEROS_CHOICES, self.current.report_zeros, id="setting-zeros")
            yield Static(Content(messages.SETTINGS_CHECKLIST_LABEL), classes="field-label")
            yield NoteArea(
                self.current.escalation_checklist,
                max_chars=CHECKLIST_MAX_CHARS,
                field="escalation checklist",
                id="setting-checklist",
            )
            yield Static("", id="settings-error", classes="status error")
            yield Static(Content(messages.SETTINGS_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#setting-idle_lock_minutes", Input).focus()

    def values(self) -> Settings:
        """What is on screen, not yet checked (empty numbers read as -1: refused)."""
        numbers = {
            name: int(self.query_one(f"#setting-{name}", Input).value or "-1")
            for name, _label in NUMBER_FIELDS
        }
        return replace(
            self.current,
            theme=self.query_one("#setting-theme", ChoiceField).value,
            report_zeros=self.query_one("#setting-zeros", ChoiceField).value,
            escalation_checklist=self.query_one("#setting-checklist", NoteArea).text.strip(),
            **numbers,
        )

    def action_save(self) -> None:
        try:
            checked = self.values().validated()
        except InvalidSetting as exc:
            self.query_one("#settings-error", Static).update(Content(str(exc)))
            return
        self.dismiss(checked)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self.query_one("#settings-error", Static).update(Content(message.sentence))
