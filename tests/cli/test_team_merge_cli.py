"""`peerdesk report merge` of sealed months: what it says about the files, line by line.

The team screen runs the same steps (peerdesk.vault.team_merge); this pins what the
command line says, so sharing them changed none of it.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.vault import Vault, team
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli
from tests.support.months import month
from tests.support.team_core import make_lead, new_peer, write_month

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
MONTH = "2026-03"


def test_merge_says_which_export_counts_and_whom_each_file_is_from(
    cli: Cli, vault_path: Path, tmp_path: Path
) -> None:
    with Vault.create(vault_path, PASSPHRASE) as lead:
        public = make_lead(lead)
        own = team.membership(lead.conn).own_key.public().key_id_text()
        lead_file = write_month(lead, tmp_path / "lead.age", MONTH, month(MONTH))
    with new_peer(tmp_path / "a" / "v.peerdesk", public) as peer:
        a_key = team.membership(peer.conn).own_key.public().key_id_text()
        old = write_month(peer, tmp_path / "a-old.age", MONTH, month(MONTH, cruiser=10))
        newer = write_month(peer, tmp_path / "a-new.age", MONTH, month(MONTH, cruiser=11))
    with new_peer(tmp_path / "p" / "v.peerdesk") as plain_vault:
        plain = write_month(plain_vault, tmp_path / "plain.json", MONTH, month(MONTH))
    files = [str(p) for p in (old, newer, lead_file, plain)]
    first = cli("report", "merge", "--min-cell", "3", *files, env=ENV)
    assert first.exit_code == 0, first.output
    said = first.stderr.splitlines()
    assert said[:5] == [
        messages.REPORT_NEWER_EXPORT_USED.format(
            who=messages.REPORT_SENDER_PEER.format(key=a_key),
            month=MONTH,
            file=newer,
            number=2,
            left_out=old,
            old_number=1,
        ),
        messages.REPORT_FROM_PEERS.format(count=3),
        messages.REPORT_FROM_NEW_KEY.format(key_id=a_key),
        messages.REPORT_FROM_SEALED.format(key_id=own, label=messages.REPORT_FROM_THIS_VAULT),
        messages.REPORT_FROM_PLAIN.format(file=plain),
    ]
    assert "(3 peer files merged)" in first.stdout
    cli("team", "label", a_key, "JD", env=ENV)
    second = cli("report", "merge", "--min-cell", "3", *files, env=ENV)
    assert messages.REPORT_FROM_SEALED.format(key_id=a_key, label="JD") in second.stderr
    assert "NEW" not in second.stderr
