"""Joining a team from the TUI: the lead's public string, then the fingerprint, then a yes.

The same rules as `peerdesk team join`: the string is checked first (a bad one gets
one sentence), a lead's vault joins no other team, and nothing changes before the
peer has compared the fingerprint with the lead's card and answered y; enter,
escape and n all answer no. The dialog joins (one transaction) before it closes, so
a save that fails leaves the pasted string where it was, with a sentence.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from peerdesk import messages
from peerdesk.team.card import MAX_STRING, NotATeamString, TeamPublic, parse_team_string
from peerdesk.tui import keys, save_problems
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.widgets.fingerprint import Fingerprint
from peerdesk.tui.widgets.text_fields import PasteRefused, PlainInput, paste_problem
from peerdesk.vault import Vault, team


class TeamStringInput(PlainInput):
    """The public string's field: a paste keeps every line, without the spaces and line
    breaks a mail or a terminal added (the string has none of its own), so a string
    wrapped over two lines pastes whole. Control characters are refused as anywhere."""

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()
        joined = "".join(event.text.split())
        problem = paste_problem(self.value, joined, field=self.field_name, max_chars=MAX_STRING)
        if problem is not None:
            self.post_message(
                PasteRefused(messages.FORM_PASTE_REFUSED.format(reason=problem), self.id)
            )
            return
        self.replace(joined, *self.selection)


class FingerprintScreen(ConfirmScreen):
    """Does the fingerprint match the lead's card? True only for y."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.FINGERPRINT_KEYS)

    def __init__(self, joining: TeamPublic) -> None:
        super().__init__(messages.TEAM_JOIN_ASK)
        self.joining = joining

    def compose(self) -> ComposeResult:
        with Vertical(id="fingerprint-box", classes="modal-box"):
            yield Static(Text(messages.TEAM_JOIN_CONFIRM_TITLE), classes="modal-title")
            yield Static(Text(messages.TEAM_JOIN_COMPARE), classes="intro")
            yield Fingerprint(self.joining.fingerprint(), id="join-fingerprint")
            yield Static(Text(messages.TEAM_CARD_KEY_ID.format(key_id=self.joining.key_id())))
            yield Static(Text(self.question), classes="modal-question")
            yield Static(Text(messages.TEAM_JOIN_CONFIRM_KEYS), classes="keys-line")


class JoinScreen(ModalScreen[TeamPublic | None]):
    """The public string; enter checks it and asks about the fingerprint; escape cancels.

    Dismisses with the team only once the vault has joined it.
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONCERN_KEYS)

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault

    def compose(self) -> ComposeResult:
        with Vertical(id="join-box", classes="dialog"):
            yield Static(Text(messages.TEAM_JOIN_TITLE), classes="screen-title")
            yield Static(Text(messages.TEAM_JOIN_INTRO), classes="intro")
            yield Static(Text(messages.TEAM_JOIN_LABEL), classes="field-label")
            yield TeamStringInput(id="join-string", max_length=MAX_STRING, field="public string")
            yield Static("", id="join-status", classes="status error")
            yield Static(Text(messages.TEAM_JOIN_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#join-string", Input).focus()

    def _say(self, sentence: str) -> None:
        self.query_one("#join-status", Static).update(Text(sentence))

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self._say(message.sentence)

    @on(Input.Submitted, "#join-string")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if not event.value.strip():
            self._say(messages.TEAM_JOIN_EMPTY)
            return
        try:
            joining = parse_team_string(event.value)
        except NotATeamString as exc:
            self._say(messages.TEAM_BAD_STRING.format(why=exc))
            return
        if not self.vault.is_open:
            return  # locked meanwhile: the lock takes this dialog away
        conn = self.vault.conn
        if team.is_lead(conn) and team.lead_keys(conn).public() != joining:
            self._say(messages.TEAM_JOIN_OWN_LEAD)
            return
        if team.has_team(conn) and team.membership(conn).team == joining:
            self._say(messages.TEAM_JOINED_SAME)
            return
        self.app.push_screen(FingerprintScreen(joining), lambda yes: self._answered(joining, yes))

    def _answered(self, joining: TeamPublic, matches: bool | None) -> None:
        if not matches:
            self._say(messages.TEAM_JOIN_DECLINED)
            return
        if not self.vault.is_open:
            return
        try:
            with self.vault.transaction() as conn:
                team.join(conn, joining)
        except Exception as exc:  # noqa: BLE001 - the dialog and its string stay; see save_problems
            self._say(save_problems.sentence(exc, dialog=True))
            return
        self.dismiss(joining)

    def action_cancel(self) -> None:
        self.dismiss(None)
