"""One clinician, every field, read-only; e edits, u suspends or reactivates after asking.

Read afresh each time the screen shows (first time and back from the form), so an
edit is visible at once. Phones are grouped for reading aloud and the email is also
spelled in words (tui.text.clinicians); every value is shown literally.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.models.clinicians import Clinician
from peerdesk.safe_text import printable
from peerdesk.tui import keys
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.events import ClinicianChanged, ReferRequested
from peerdesk.tui.text.clinicians import detail_text
from peerdesk.vault import Vault, VaultError, clinicians
from peerdesk.vault.directory import set_suspended


def writable(screen: Screen[None], vault: Vault) -> bool:
    """False (and says why) when the vault is closed or open read-only."""
    if not vault.is_open:
        return False
    if vault.read_only:
        screen.notify(messages.VAULT_READ_ONLY, severity="error")
        return False
    return True


def ask_suspend(
    screen: Screen[None], vault: Vault, clinician_id: str, name: str, *, suspend: bool
) -> None:
    """Ask, then suspend (or reactivate); the screen gets ClinicianChanged after."""

    def answered(yes: bool | None) -> None:
        if not yes or not vault.is_open:
            return
        try:
            found = set_suspended(vault, clinician_id, suspend)
        except VaultError as exc:
            screen.notify(str(exc), severity="error")
            return
        if not found:
            screen.notify(messages.CLINICIAN_GONE, severity="warning")
        elif suspend:
            screen.notify(messages.CLINICIAN_SUSPENDED_DONE.format(name=name), markup=False)
        else:
            screen.notify(messages.CLINICIAN_REACTIVATED_DONE.format(name=name), markup=False)
        screen.post_message(ClinicianChanged())

    template = (
        messages.CLINICIAN_SUSPEND_QUESTION if suspend else messages.CLINICIAN_REACTIVATE_QUESTION
    )
    screen.app.push_screen(ConfirmScreen(template.format(name=name)), answered)


class ClinicianDetailScreen(Screen[None]):
    """Every field of one clinician; escape goes back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CLINICIAN_DETAIL_KEYS)

    def __init__(
        self, vault: Vault, clinician_id: str, *, today: Callable[[], date] = date.today
    ) -> None:
        super().__init__()
        self.vault = vault
        self.clinician_id = clinician_id
        self.today = today
        self.clinician: Clinician | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="clinician-box"):
            yield Static("", id="clinician-title", classes="screen-title")
            with VerticalScroll(id="clinician-scroll"):
                yield Static("", id="clinician-fields")
            yield Static(Text(messages.CLINICIAN_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#clinician-scroll").focus()

    def on_screen_resume(self) -> None:
        """First shown, or back from the form or a question: read the clinician again."""
        self.clinician_changed()

    @on(ClinicianChanged)
    def _changed(self) -> None:
        self.clinician_changed()

    def clinician_changed(self) -> None:
        """Read the clinician again and show it; leave when it is gone."""
        if not self.vault.is_open:
            return
        clinician = clinicians.get(self.vault.conn, self.clinician_id)
        if clinician is None:
            self.notify(messages.CLINICIAN_GONE)
            self.dismiss()
            return
        self.clinician = clinician
        self.query_one("#clinician-title", Static).update(Text(printable(clinician.name)))
        self.query_one("#clinician-fields", Static).update(detail_text(clinician, self.today()))

    def action_edit(self) -> None:
        from peerdesk.tui.screens.clinician_form import ClinicianFormScreen

        if self.clinician is not None and writable(self, self.vault):
            self.app.push_screen(ClinicianFormScreen(self.vault, clinician_id=self.clinician_id))

    def action_suspend(self) -> None:
        clinician = self.clinician
        if clinician is not None and writable(self, self.vault):
            ask_suspend(
                self,
                self.vault,
                clinician.id,
                clinician.name,
                suspend=not clinician.fields.suspended,
            )

    def action_refer(self) -> None:
        """Refer one of the peer's contacts (the app asks which) to this clinician."""
        if writable(self, self.vault):
            self.post_message(ReferRequested(self.clinician_id))

    def action_back(self) -> None:
        self.dismiss()
