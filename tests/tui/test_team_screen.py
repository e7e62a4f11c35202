"""The team screen: making the team keys, joining by the fingerprint, labels, new keys."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from textual.widgets import Digits, Input, OptionList, Static

from peerdesk import handoff, messages
from peerdesk.team import minisign
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.dialogs.team_join import FingerprintScreen, JoinScreen
from peerdesk.tui.dialogs.team_label import LabelScreen
from peerdesk.tui.screens.team import TeamScreen
from peerdesk.tui.screens.team_qr import TeamQrScreen
from peerdesk.tui.widgets.fingerprint import Fingerprint
from peerdesk.vault import Vault, team
from tests.conftest import PASSPHRASE
from tests.support.referrals import decode
from tests.support.team_core import make_lead
from tests.tui.form_helpers import notifications
from tests.tui.helpers import SIZE, paste, screen_text, wait_until
from tests.tui.team_helpers import open_team, paste_string, shown_fingerprint


def other_lead(tmp_path: Path) -> str:
    """The public string of a team whose lead's vault is elsewhere."""
    with Vault.create(tmp_path / "lead" / "vault.peerdesk", PASSPHRASE) as lead:
        return make_lead(lead).text()


def joined_team(vault_path: Path) -> str | None:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        if not team.has_team(vault.conn):
            return None
        return team.membership(vault.conn).team.text()


async def test_a_lead_makes_the_team_keys_and_sees_the_card(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        shown = screen_text(app)
        assert messages.TEAM_SCREEN_NONE in shown
        assert messages.KEY_TEAM_CREATE in shown and messages.KEY_TEAM_JOIN in shown
        await pilot.press("c")
        await wait_until(pilot, lambda: bool(app.screen.query(Fingerprint)), "the team card")
        assert messages.TEAM_CREATED in notifications(app)
        assert app.vault is not None
        keys = team.lead_keys(app.vault.conn)
        public = keys.public()
        assert shown_fingerprint(app) == public.fingerprint()
        drawn = [str(d.value) for d in app.screen.query_one(Fingerprint).query(Digits)]
        assert " ".join(drawn) == public.fingerprint()  # the large digits say the same
        shown = screen_text(app)
        assert public.text() in shown and public.key_id() in shown
        assert keys.created_at[:10] in shown
        assert messages.TEAM_PEERS_NONE in shown
        await pilot.press("c")  # a lead's vault makes no second team
        await pilot.pause()
        assert team.lead_keys(app.vault.conn).public() == public


async def test_joining_asks_about_the_fingerprint_and_only_yes_joins(
    closed_vault: Path, tmp_path: Path
) -> None:
    string = other_lead(tmp_path)
    # As a mail or a narrow terminal wraps it: line breaks and spaces inside.
    wrapped = f"  {string[:60]}\n  {string[60:100]}\r\n{string[100:]}  "
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        question = await paste_string(pilot, app, wrapped)
        assert shown_fingerprint(app) == question.joining.fingerprint()
        assert question.joining.text() == string
        assert messages.TEAM_JOIN_ASK in screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, JoinScreen), "the dialog again")
        assert messages.TEAM_JOIN_DECLINED in screen_text(app)
        assert app.screen.query_one("#join-string", Input).value == string
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, FingerprintScreen), "asked again")
        await pilot.press("enter")  # enter is no: nothing changes without a y
        await wait_until(pilot, lambda: isinstance(app.screen, JoinScreen), "declined again")
        assert app.vault is not None and not team.has_team(app.vault.conn)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, FingerprintScreen), "third time")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "the team screen")
        await wait_until(pilot, lambda: bool(app.screen.query(Fingerprint)), "the peer's card")
        joined = team.membership(app.vault.conn)
        assert joined.team.text() == string
        assert messages.TEAM_JOINED.format(key_id=joined.team.key_id()) in notifications(app)
        shown = screen_text(app)
        assert messages.TEAM_CARD_ROLE_PEER in shown
        assert joined.own_key.public().key_id_text() in shown
        assert joined.joined_at[:10] in shown
        assert shown_fingerprint(app) == joined.team.fingerprint()
        for key in ("q", "r", "m", "c"):  # the lead's keys do nothing on a peer's vault
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen)
    assert joined_team(closed_vault) == string


@pytest.mark.parametrize(
    ("typed", "why"),
    [
        ("peerdesk-team1:RWQ", "does not start with peerdesk-team1"),
        ("age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p", None),
        ("[red]peerdesk-team1[/red]:RW:age1", None),
        ("x" * 500, None),
    ],
)
async def test_a_bad_string_is_one_sentence_and_changes_nothing(
    closed_vault: Path, typed: str, why: str | None
) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("j")
        await wait_until(pilot, lambda: isinstance(app.screen, JoinScreen), "the join dialog")
        await paste(pilot, typed)
        if len(typed) > 400:  # refused as a paste: longer than any team string
            assert "too long" in screen_text(app)
            assert app.screen.query_one("#join-string", Input).value == ""
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, JoinScreen)
        status = str(app.screen.query_one("#join-status", Static).content)
        if len(typed) > 400:
            assert status == messages.TEAM_JOIN_EMPTY
        else:
            assert status.startswith("That is not a team string (")
            assert status.endswith("it starts with peerdesk-team1:.")
            assert "[red]" not in status
            if why is not None:
                assert why in status
        await pilot.press("escape")
        assert isinstance(app.screen, TeamScreen)
    assert joined_team(closed_vault) is None


async def test_a_pasted_escape_sequence_is_refused_whole(
    closed_vault: Path, tmp_path: Path
) -> None:
    string = other_lead(tmp_path)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("j")
        await wait_until(pilot, lambda: isinstance(app.screen, JoinScreen), "the join dialog")
        await paste(pilot, string[:40] + "\x1b]0;owned\x07" + string[40:])
        assert app.screen.query_one("#join-string", Input).value == ""
        assert "control characters" in screen_text(app)


async def test_a_leads_vault_joins_no_other_team(closed_vault: Path, tmp_path: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        own = make_lead(vault).text()
    other = other_lead(tmp_path)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("j")  # not a key of the lead's card
        await pilot.pause()
        card = app.screen
        assert isinstance(card, TeamScreen)
        screen = JoinScreen(card.vault)  # the dialog holds the rule too
        await app.push_screen(screen)
        await paste(pilot, other)
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        assert messages.TEAM_JOIN_OWN_LEAD in screen_text(app)
    assert joined_team(closed_vault) == own


async def test_no_age_library_says_so_and_does_nothing(
    closed_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on Windows on Arm: pyrage cannot be imported (None in sys.modules)."""
    monkeypatch.setitem(sys.modules, "pyrage", None)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        assert messages.TEAM_UNAVAILABLE in screen_text(app).replace("\n", " ")
        for key in ("c", "j", "q", "m", "r", "l"):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, TeamScreen)
        assert app.vault is not None
        assert not team.has_team(app.vault.conn)


async def test_the_lead_labels_a_peers_key_and_the_label_is_shown_literally(
    closed_vault: Path,
) -> None:
    peers = [minisign.generate().public() for _ in range(2)]
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        make_lead(vault)
        with vault.transaction() as conn:
            team.record_peers_seen(conn, peers)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_team(pilot, app)
        listed = screen.query_one("#team-peers", OptionList)
        assert listed.option_count == 2
        assert messages.TEAM_PEER_NO_LABEL in str(listed.get_option_at_index(0).prompt)
        marked = screen.peers[0].key_id
        await pilot.press("l")
        await wait_until(pilot, lambda: isinstance(app.screen, LabelScreen), "the label dialog")
        await paste(pilot, "[red]JD[/red]")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "the card again")
        await wait_until(pilot, lambda: bool(app.screen.query("#team-peers")), "the list again")
        assert app.vault is not None
        labels = {p.key_id: p.label for p in team.peers(app.vault.conn)}
        assert labels[marked] == "[red]JD[/red]"
        listed = app.screen.query_one("#team-peers", OptionList)
        prompts = [str(listed.get_option_at_index(i).prompt) for i in range(2)]
        assert any("[red]JD[/red]" in prompt for prompt in prompts)  # literal, not red
        # Enter on the marked key opens the same dialog; an empty label removes it.
        card = app.screen
        assert isinstance(card, TeamScreen)
        row = next(i for i, p in enumerate(card.peers) if p.key_id == marked)
        listed.highlighted = row
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, LabelScreen), "the dialog again")
        await pilot.press("ctrl+u", "enter")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "the card again")
        assert {p.key_id: p.label for p in team.peers(app.vault.conn)}[marked] is None
        assert messages.TEAM_UNLABELLED.format(key_id=marked) in notifications(app)


async def test_new_team_keys_only_after_saying_every_peer_joins_again(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        first = make_lead(vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("r")
        assert isinstance(app.screen, ConfirmScreen)
        assert "Every peer must join again" in screen_text(app)
        await pilot.press("n")
        await pilot.pause()
        assert app.vault is not None
        assert team.lead_keys(app.vault.conn).public() == first
        await pilot.press("r", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamScreen), "the card again")
        new = team.lead_keys(app.vault.conn).public()
        assert new != first
        assert messages.TEAM_ROTATED in notifications(app)
        await wait_until(pilot, lambda: new.key_id() in screen_text(app), "the new card")
        assert first.key_id() not in screen_text(app)


async def test_the_qr_code_holds_the_public_string(closed_vault: Path) -> None:
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        public = make_lead(vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_team(pilot, app)
        await pilot.press("q")
        await wait_until(pilot, lambda: isinstance(app.screen, TeamQrScreen), "the code")
        screen = app.screen
        assert isinstance(screen, TeamQrScreen)
        border = screen.border()
        assert border is not None  # it fits 80x24
        lines = str(screen.query_one("#team-qr", Static).content).split("\n")
        assert len(lines) <= SIZE[1] - 2
        expected = handoff.qr_matrix(public.text(), border=border)
        drawn = handoff.parse_blocks(lines, len(expected[0]))[: len(expected)]
        assert drawn == expected
        assert decode(drawn) == public.text().encode()  # a scanner reads what is drawn
        await pilot.press("q")
        assert isinstance(app.screen, TeamScreen)
