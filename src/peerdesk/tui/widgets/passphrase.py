"""A masked text field for passphrases that never hands its text to the clipboard."""

from __future__ import annotations

from textual.widgets import Input


class PassphraseInput(Input):
    """An `Input` with the text hidden, copy and cut disabled, and a read-and-clear method.

    Copy and cut would send the passphrase to the terminal clipboard (OSC 52) and keep
    it in the app's clipboard attribute, so both do nothing here.
    """

    def __init__(
        self, *, placeholder: str = "", id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(
            placeholder=placeholder, password=True, id=id, classes=classes, select_on_focus=False
        )

    def take(self) -> str:
        """Return the text and clear the field at once, so it stays on screen no longer."""
        text = self.value
        self.clear()
        return text

    def action_copy(self) -> None:
        """Do nothing: a passphrase is never copied."""

    def action_cut(self) -> None:
        """Do nothing: a passphrase is never cut to the clipboard."""
