"""What a reviewer found when attacking the team keys, each now refused with a sentence.

The attacker here holds only the team's PUBLIC string (anyone a peer showed it to),
or is one of the peers. Real vaults, real files, the real CLI.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from peerdesk.reports import files
from peerdesk.reports.sealed import FORMAT, VERSION, trusted_comment
from peerdesk.team import minisign, sealing
from peerdesk.team.card import TeamPublic, parse_team_string
from tests.support.team import ENV, Member, join, make_lead, member


@pytest.fixture
def team(vault_template: Path, tmp_path: Path) -> tuple[Member, Member, TeamPublic]:
    lead, string = make_lead(vault_template, tmp_path)
    peer = join(vault_template, tmp_path, "alex", string)
    return lead, peer, parse_team_string(string)


def forged_month(
    public: TeamPublic, template: str, key: minisign.SecretKey, **change: object
) -> bytes:
    """A sealed month made from the public string alone: any counts, any key."""
    doc = json.loads(template)
    doc.update(change)
    doc["checksum"] = files.checksum_of(doc)
    text = files.dumps(doc)
    comment = trusted_comment(doc["month"], doc["sequence"], public.key_id())
    signature = minisign.sign(key, text.encode(), trusted_comment=comment, untrusted_comment="x")
    inner = {
        "format": FORMAT,
        "version": VERSION,
        "peer_key": key.public().text(),
        "month_file": text,
        "signature": signature,
    }
    return sealing.seal(json.dumps(inner).encode(), public.recipient)


def key_claiming(key_id_text: str) -> minisign.SecretKey:
    """A fresh key carrying a chosen key id: minisign ids are not derived from keys."""
    return minisign.SecretKey(bytes.fromhex(key_id_text)[::-1], minisign.generate().seed)


def plain_template(vault_template: Path, tmp_path: Path) -> str:
    source = member(vault_template, tmp_path, "template")
    source.log(6)
    return source.send_month(tmp_path / "template.json").read_text(encoding="utf-8")


@pytest.mark.parametrize("victim", ["peer", "lead"])
def test_a_key_claiming_a_known_peers_id_is_refused_as_forged(
    victim: str, team: tuple[Member, Member, TeamPublic], vault_template: Path, tmp_path: Path
) -> None:
    lead, peer, public = team
    peer.log(2)
    real = peer.send_month(tmp_path / "real.age")
    lead.run("report", "merge", str(real), "--min-cell", "3")  # the lead now knows the key
    lead.run("team", "label", peer.own_key_id(), "Alex")
    claimed = peer.own_key_id() if victim == "peer" else lead.own_key_id()
    forged = tmp_path / "forged.age"
    forged.write_bytes(
        forged_month(
            public,
            plain_template(vault_template, tmp_path),
            key_claiming(claimed),
            sequence=999_999,
            vault_id="ab" * 16,
            export_id="cd" * 16,
        )
    )
    refused = lead.refused("report", "merge", str(real), str(forged), "--min-cell", "3")
    assert "forged" in refused and claimed in refused
    assert "Alex" not in refused


def test_two_files_of_one_merge_claiming_one_id_are_refused(
    team: tuple[Member, Member, TeamPublic], vault_template: Path, tmp_path: Path
) -> None:
    lead, _peer, public = team
    template = plain_template(vault_template, tmp_path)
    key_id = "0123456789ABCDEF"
    for name in ("a", "b"):
        (tmp_path / f"{name}.age").write_bytes(
            forged_month(
                public, template, key_claiming(key_id), vault_id=name * 32, export_id=name * 32
            )
        )
    refused = lead.refused("report", "merge", str(tmp_path / "a.age"), str(tmp_path / "b.age"))
    assert "forged" in refused


def test_an_older_export_than_one_merged_before_is_refused(
    team: tuple[Member, Member, TeamPublic], tmp_path: Path
) -> None:
    lead, peer, _public = team
    peer.log(2)
    older = peer.send_month(tmp_path / "older.age")
    peer.log(1)
    newer = peer.send_month(tmp_path / "newer.age")
    lead.run("report", "merge", str(newer), "--min-cell", "3")
    refused = lead.refused("report", "merge", str(older), "--min-cell", "3")
    assert "older than export 2 merged before" in refused
    lead.run("report", "merge", str(newer), "--min-cell", "3")  # the same again is fine


@pytest.mark.parametrize("where", ["month text", "signed comment"])
def test_a_lone_surrogate_inside_a_sealed_file_is_a_sentence(
    where: str, team: tuple[Member, Member, TeamPublic], vault_template: Path, tmp_path: Path
) -> None:
    """JSON can carry "\\ud800", which no UTF-8 text holds: refused, never a crash."""
    lead, _peer, public = team
    key = minisign.generate()
    text = plain_template(vault_template, tmp_path)
    signature = minisign.sign(key, text.encode(), trusted_comment="ZZZ", untrusted_comment="u")
    inner = json.dumps(
        {
            "format": FORMAT,
            "version": VERSION,
            "peer_key": key.public().text(),
            "month_file": "YYY" if where == "month text" else text,
            "signature": signature,
        }
    )
    inner = inner.replace('"YYY"', '"\\ud800"').replace("ZZZ", "\\udfff")
    path = tmp_path / "s.age"
    path.write_bytes(sealing.seal(inner.encode(), public.recipient))
    refused = lead.refused("report", "merge", str(path))
    assert "unexpected error" not in refused and "counted" in refused


def test_a_header_of_many_stanzas_is_refused_at_once(
    team: tuple[Member, Member, TeamPublic], tmp_path: Path
) -> None:
    lead, peer, _public = team
    peer.log(1)
    real = peer.send_month(tmp_path / "real.age").read_bytes()
    head, _, rest = real.partition(b"\n")
    stanzas = b"".join(b"-> junk%d x\nAAAA\n" % i for i in range(3000))
    bomb = tmp_path / "bomb.age"
    bomb.write_bytes(head + b"\n" + stanzas + rest)
    refused = lead.refused("report", "merge", str(bomb))
    assert "changed or cut" in refused


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_a_fifo_as_signature_or_month_never_blocks(
    team: tuple[Member, Member, TeamPublic], tmp_path: Path
) -> None:
    """Run as a child with a deadline: a FIFO would block open() forever."""
    lead, peer, _public = team
    directory = tmp_path / "d.json"
    lead.run("clinicians", "export", str(directory))
    directory.with_name("d.json.minisig").unlink()
    os.mkfifo(directory.with_name("d.json.minisig"))
    os.mkfifo(tmp_path / "month.age")
    try:
        for args, vault in (
            (["clinicians", "import", str(directory), "--dry-run"], peer.vault),
            (["report", "merge", str(tmp_path / "month.age"), "--min-cell", "3"], lead.vault),
        ):
            done = subprocess.run(
                [sys.executable, "-m", "peerdesk", "--vault", str(vault), *args],
                capture_output=True,
                text=True,
                timeout=60,
                env={**os.environ, **ENV},
                stdin=subprocess.DEVNULL,
                check=False,
            )
            assert done.returncode == 1, done.stderr
            assert "Traceback" not in done.stderr and done.stderr.strip()
    finally:
        directory.with_name("d.json.minisig").unlink()
        (tmp_path / "month.age").unlink()


def test_the_same_number_with_other_bytes_is_refused(
    team: tuple[Member, Member, TeamPublic], tmp_path: Path
) -> None:
    """A lead restores an older backup and signs a different directory with a number a
    peer already has: the peer refuses the file it did not import."""
    lead, peer, _public = team
    first, second = tmp_path / "1", tmp_path / "2"
    first.mkdir()
    second.mkdir()
    backup = tmp_path / "lead-backup.peerdesk"
    lead.run("backup", str(backup))
    lead.run("clinicians", "export", str(first / "d.json"))
    peer.run("clinicians", "import", str(first / "d.json"))
    lead.run("restore", str(backup), "--yes")
    seed = tmp_path / "seed.csv"
    seed.write_text("name,phones\nDr New,+1 555 0111\n", encoding="utf-8")
    lead.run("clinicians", "import", str(seed), "--unsigned")
    lead.run("clinicians", "export", str(second / "d.json"))
    refused = peer.refused("clinicians", "import", str(second / "d.json"))
    assert "the number of the directory you imported last, but it is another file" in refused
    assert "directory number 1" in peer.run("clinicians", "import", str(first / "d.json"))


def test_one_export_id_with_other_counts_is_refused(vault_template: Path, tmp_path: Path) -> None:
    loner = member(vault_template, tmp_path, "loner")
    loner.log(6)
    real = loner.send_month(tmp_path / "real.json")
    doc = json.loads(real.read_text(encoding="utf-8"))
    doc["counts"]["figures"]["minutes"] += 60
    doc["checksum"] = files.checksum_of(doc)
    copy = tmp_path / "0-made-up.json"
    copy.write_text(files.dumps(doc), encoding="utf-8")
    refused = loner.refused("report", "merge", str(copy), str(real), "--min-cell", "3")
    assert "has the export id of" in refused and "other counts" in refused


def test_team_create_on_a_joined_peer_asks_first(team: tuple[Member, Member, TeamPublic]) -> None:
    _lead, peer, public = team
    refused = peer.refused("team", "create")
    assert "leaves that team" in refused and public.key_id() in refused
    assert public.text() in peer.run("team", "show")
    peer.run("team", "create", "--yes")
    assert "team lead's" in peer.run("team", "show")
