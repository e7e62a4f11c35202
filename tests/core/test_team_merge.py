"""The lead's merge steps shared by `peerdesk report merge` and the team screen."""

from __future__ import annotations

from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.reports.files import ReportFileError
from peerdesk.reports.senders import read_months, sender_lines
from peerdesk.vault import Vault, team, team_merge
from tests.support.months import month
from tests.support.team_core import make_lead, new_peer, write_month

MONTH = "2026-03"


def test_a_peer_key_is_new_once_then_named_by_its_label(vault: Vault, tmp_path: Path) -> None:
    public = make_lead(vault)
    with new_peer(tmp_path / "a" / "v.peerdesk", public) as peer:
        first = write_month(peer, tmp_path / "a1.age", MONTH, month(MONTH))
        peer_key = team.membership(peer.conn).own_key.public().key_id_text()
    own = write_month(vault, tmp_path / "lead.age", MONTH, month(MONTH, cruiser=8))
    opener = team_merge.lead_opener(vault.conn)
    chosen = read_months([first, own], opener=opener)
    senders = team_merge.note_senders(vault, chosen)
    assert senders.new == {peer_key}  # the lead's own key is never new
    lines = senders.lines(chosen)
    assert messages.REPORT_FROM_NEW_KEY.format(key_id=peer_key) in lines
    own_id = team.membership(vault.conn).own_key.public().key_id_text()
    assert (
        messages.REPORT_FROM_SEALED.format(key_id=own_id, label=messages.REPORT_FROM_THIS_VAULT)
        in lines
    )
    with vault.transaction() as conn:
        team.label_peer(conn, peer_key, "JD")
    again = team_merge.note_senders(vault, chosen)
    assert again.new == frozenset()
    assert messages.REPORT_FROM_SEALED.format(key_id=peer_key, label="JD") in again.lines(chosen)
    # The face names how it labels a key: the screen says so its own way.
    assert f"{peer_key} is new" in senders.lines(chosen, new_key="{key_id} is new")


def test_a_read_only_vault_notes_no_key(vault: Vault, tmp_path: Path) -> None:
    public = make_lead(vault)
    with new_peer(tmp_path / "a" / "v.peerdesk", public) as peer:
        sealed = write_month(peer, tmp_path / "a.age", MONTH, month(MONTH))
    chosen = read_months([sealed], opener=team_merge.lead_opener(vault.conn))
    vault.read_only = True  # as Vault.unlock marks a vault that failed its check
    try:
        senders = team_merge.note_senders(vault, chosen)
    finally:
        vault.read_only = False
    assert team.peers(vault.conn) == []
    assert senders.new == frozenset()


def test_only_a_lead_has_an_opener(vault: Vault) -> None:
    with pytest.raises(team.NotLead):
        team_merge.lead_opener(vault.conn)


def test_plain_files_name_no_sender(tmp_path: Path) -> None:
    with new_peer(tmp_path / "a" / "v.peerdesk") as plain:
        path = write_month(plain, tmp_path / "a.json", MONTH, month(MONTH))
    chosen = read_months([path, path])  # the same export twice: counted once, said once
    assert len(chosen.exports) == 1
    assert sender_lines(chosen, {}, set()) == list(chosen.notes)
    assert len(chosen.notes) == 1 and "counted once" in chosen.notes[0]


def test_a_sealed_month_needs_the_leads_keys(tmp_path: Path, vault: Vault) -> None:
    public = make_lead(vault)
    with new_peer(tmp_path / "a" / "v.peerdesk", public) as peer:
        sealed = write_month(peer, tmp_path / "a.age", MONTH, month(MONTH))
    with pytest.raises(ReportFileError) as refused:
        read_months([sealed])
    assert refused.value.problems == [
        messages.REPORT_FILE_SEALED_NEEDS_LEAD.format(file=str(sealed))
    ]
