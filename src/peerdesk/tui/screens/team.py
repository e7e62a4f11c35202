"""The team screen (t on home): team keys as the CLI's `peerdesk team` has them.

What it shows depends on the vault:
- no team: what team keys are, in two lines, and the two ways in (c: make the team
  keys, for the lead; j: join with the lead's public string, for a peer);
- the lead's vault: the team card (public string, its QR code on q, the fingerprint
  large, the team key id, the day the keys were made), the peers' keys seen on
  sealed months with the lead's labels (l labels the marked one), a merge of
  peers' months (m: a month, a quarter or a year), the publication log (p) and
  new team keys (r, after a question saying every peer joins again);
- a peer's vault: the team joined (key id, fingerprint, the day) and this vault's
  own key id, which signs the months it sends; j joins again after a rotation.
On a machine with no age library (Windows on Arm) it says so, and nothing else.

The screen shows keys and labels only, never a note or a handle. Secret keys never
reach it: peerdesk.vault.team hands out key objects that hide them.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peerdesk import messages
from peerdesk.safe_text import printable
from peerdesk.team import sealing
from peerdesk.team.card import TeamPublic
from peerdesk.tui import keys
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.team_join import JoinScreen
from peerdesk.tui.dialogs.team_label import Labelled, LabelScreen
from peerdesk.tui.dialogs.team_merge_files import MergeAsked, MergeFilesScreen
from peerdesk.tui.widgets.fingerprint import Fingerprint
from peerdesk.vault import Vault, VaultError, team

UNAVAILABLE, NO_TEAM, LEAD, PEER = "unavailable", "none", "lead", "peer"
CHOICES = tuple(spec for spec in keys.TEAM_KEYS if spec.action in ("create", "join"))


def day_of(stamp: str) -> str:
    """The day of a stored UTC stamp ("2026-12-01T10:00:00+00:00" -> "2026-12-01")."""
    return stamp[:10]


class TeamScreen(Screen[None]):
    """The vault's team keys; every key acts only where it applies (tui.keys.TEAM_KEYS)."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.TEAM_KEYS)

    def __init__(self, vault: Vault) -> None:
        super().__init__()
        self.vault = vault
        self.state = NO_TEAM
        self.peers: list[team.PeerSeen] = []
        self.own_key_id = ""
        self._marked = 0  # the peer marked in the list, kept across a redraw

    # --- reading ------------------------------------------------------------------
    def _read_state(self) -> str:
        if not sealing.available():
            return UNAVAILABLE
        conn = self.vault.conn
        if team.is_lead(conn):
            return LEAD
        return PEER if team.has_team(conn) else NO_TEAM

    # --- drawing ------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        if not self.vault.is_open:
            return  # locked on the way: this screen is being dropped
        self.state = self._read_state()
        with Vertical(id="team-box"):
            if self.state == UNAVAILABLE:
                yield Static(Text(messages.TEAM_SCREEN_TITLE), classes="screen-title")
                yield Static(Text(messages.TEAM_UNAVAILABLE), classes="warning")
                yield Static(Text(messages.TEAM_SCREEN_NONE_KEYS), classes="keys-line")
            elif self.state == NO_TEAM:
                yield Static(Text(messages.TEAM_SCREEN_TITLE), classes="screen-title")
                yield Static(Text(messages.TEAM_SCREEN_NONE), classes="intro")
                yield Static(keys.key_table(CHOICES), id="team-choices")
                yield Static(Text(messages.TEAM_SCREEN_NONE_KEYS), classes="keys-line")
            else:
                yield from self._card()

    def _card(self) -> ComposeResult:
        conn = self.vault.conn
        joined = team.membership(conn)
        self.own_key_id = joined.own_key.public().key_id_text()
        lead = self.state == LEAD
        public: TeamPublic = team.lead_keys(conn).public() if lead else joined.team
        title = Text(messages.TEAM_CARD_TITLE, style="bold")
        role = messages.TEAM_CARD_ROLE_LEAD if lead else messages.TEAM_CARD_ROLE_PEER
        title.append(f" \u2014 {role}", style="dim")
        yield Static(title, id="team-title")
        yield Static(Text(messages.TEAM_CARD_STRING), classes="field-label")
        yield Static(Text(public.text(), overflow="fold"), id="team-string")
        yield Static(Text(messages.TEAM_CARD_FINGERPRINT), classes="field-label")
        with Horizontal(id="team-card-row"):
            yield Fingerprint(public.fingerprint(), id="team-fingerprint")
            yield Static(self._facts(public, lead, joined), id="team-facts")
        if lead:
            yield Static(Text(messages.TEAM_PEERS_HEADER), classes="section-title")
            self.peers = team.peers(conn)
            if self.peers:
                yield OptionList(*(self._peer_row(p) for p in self.peers), id="team-peers")
            else:
                yield Static(Text(messages.TEAM_PEERS_NONE), classes="intro")
        keys_line = messages.TEAM_SCREEN_LEAD_KEYS if lead else messages.TEAM_SCREEN_PEER_KEYS
        yield Static(Text(keys_line), classes="keys-line")

    def _facts(self, public: TeamPublic, lead: bool, joined: team.Membership) -> Text:
        made = team.lead_keys(self.vault.conn).created_at if lead else joined.joined_at
        rows = (
            (messages.TEAM_CARD_KEY_ID_LABEL, public.key_id()),
            (
                messages.TEAM_CARD_CREATED_LABEL if lead else messages.TEAM_CARD_JOINED_LABEL,
                day_of(made),
            ),
            (messages.TEAM_CARD_OWN_LABEL, self.own_key_id),
        )
        text = Text()
        for label, value in rows:
            text.append(f"{label}\n", style="dim")
            text.append(f"  {value}\n", style="bold")
        text.append(messages.TEAM_CARD_OWN_HINT, style="dim")
        return text

    def _peer_row(self, peer: team.PeerSeen) -> Option:
        if peer.key_id == self.own_key_id:
            label = messages.REPORT_FROM_THIS_VAULT
        else:
            label = printable(peer.label) if peer.label else messages.TEAM_PEER_NO_LABEL
        row = messages.TEAM_PEER_ROW.format(
            key_id=peer.key_id, label=label, last=day_of(peer.last_seen)
        )
        return Option(Text(row, no_wrap=True, overflow="ellipsis"), id=peer.key_id)

    def on_mount(self) -> None:
        self._focus_peers()

    def _focus_peers(self) -> None:
        found = self.query("#team-peers")
        if found:
            peers = found.first(OptionList)
            peers.highlighted = min(self._marked, peers.option_count - 1)
            peers.focus()

    def redraw(self) -> None:
        """Read the vault again and draw what it holds now."""
        if not self.vault.is_open:
            return
        found = self.query("#team-peers")
        if found:
            self._marked = found.first(OptionList).highlighted or 0
        self.refresh(recompose=True)
        self.call_after_refresh(self._focus_peers)

    def _failed(self, exc: VaultError) -> None:
        self.notify(str(exc), severity="error", markup=False)

    # --- actions bound in tui.keys.TEAM_KEYS ------------------------------------------
    def action_create(self) -> None:
        """A vault with no team makes the team keys and becomes the lead's."""
        if self.state != NO_TEAM or not self.vault.is_open:
            return
        try:
            with self.vault.transaction() as conn:
                team.create_lead_keys(conn)
        except VaultError as exc:
            self._failed(exc)
            return
        self.notify(messages.TEAM_CREATED)
        self.redraw()

    def action_join(self) -> None:
        """Join with the lead's public string (a peer joins again after a rotation)."""
        if self.state not in (NO_TEAM, PEER):
            return
        self.app.push_screen(JoinScreen(self.vault), self._joined)

    def _joined(self, joined: TeamPublic | None) -> None:
        if joined is None:
            return
        self.notify(messages.TEAM_JOINED.format(key_id=joined.key_id()), markup=False)
        self.redraw()

    def action_qr(self) -> None:
        """The public string as a QR code, alone on screen."""
        if self.state != LEAD or not self.vault.is_open:
            return
        from peerdesk.tui.screens.team_qr import TeamQrScreen

        self.app.push_screen(TeamQrScreen(team.lead_keys(self.vault.conn).public().text()))

    def action_label(self) -> None:
        """Label the peer's key marked in the list."""
        if self.state != LEAD:
            return
        found = self.query("#team-peers")
        if not found:
            return
        peers = found.first(OptionList)
        if peers.highlighted is None:
            return
        peer = self.peers[peers.highlighted]
        if peer.key_id == self.own_key_id:
            self.notify(messages.TEAM_LABEL_OWN)
            return
        self.app.push_screen(LabelScreen(self.vault, peer.key_id, peer.label), self._labelled)

    @on(OptionList.OptionSelected, "#team-peers")
    def _peer_chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_label()

    def _labelled(self, labelled: Labelled | None) -> None:
        if labelled is None:
            return
        if labelled.label is None:
            self.notify(messages.TEAM_UNLABELLED.format(key_id=labelled.key_id), markup=False)
        else:
            self.notify(
                messages.TEAM_LABELLED.format(key_id=labelled.key_id, label=labelled.label),
                markup=False,
            )
        self.redraw()

    def action_merge(self) -> None:
        """Ask for the months, then merge them on their own screen."""
        if self.state == LEAD:
            self.app.push_screen(MergeFilesScreen(), self._merge_files)

    def _merge_files(self, asked: MergeAsked | None) -> None:
        if asked is None or not self.vault.is_open:
            return
        from peerdesk.tui.screens.team_merge import TeamMergeScreen

        # Back from the report, the peer keys the merge noted are listed too.
        self.app.push_screen(
            TeamMergeScreen(self.vault, asked.paths, asked.period), lambda _: self.redraw()
        )

    def action_log(self) -> None:
        """What this vault published, as `peerdesk report log` lists it."""
        if self.state != LEAD or not self.vault.is_open:
            return
        from peerdesk.tui.screens.team_log import PublicationLogScreen

        self.app.push_screen(PublicationLogScreen(self.vault))

    def action_rotate(self) -> None:
        """New team keys, after a question that says every peer joins again."""
        if self.state != LEAD:
            return
        self.app.push_screen(ConfirmScreen(messages.TEAM_ROTATE_ASK), self._rotate)

    def _rotate(self, yes: bool | None) -> None:
        if not yes or not self.vault.is_open:
            return
        try:
            with self.vault.transaction() as conn:
                team.create_lead_keys(conn)
        except VaultError as exc:
            self._failed(exc)
            return
        self.notify(messages.TEAM_ROTATED)
        self.redraw()

    def action_back(self) -> None:
        self.dismiss(None)
