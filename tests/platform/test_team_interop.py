"""peerdesk's team files open with the reference tools, and theirs with peerdesk.

The formats are standard so that a team's security does not rest on peerdesk's code
alone: `minisign -V` checks a directory signature peerdesk made, `age -d` opens a
sealed month given the lead's identity (exported here for the test only: peerdesk
itself never writes it anywhere), and files the tools made open in peerdesk. The
tools come from Debian's `minisign` and `age` packages (.ci/run installs them); on a
machine without them these tests are skipped, saying so.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from peerdesk.team import minisign, sealing
from peerdesk.vault import Vault, team
from tests.conftest import PASSPHRASE
from tests.support.team import join, make_lead

needs_minisign = pytest.mark.skipif(
    shutil.which("minisign") is None, reason="minisign not installed (apt install minisign)"
)
needs_age = pytest.mark.skipif(
    shutil.which("age") is None, reason="age not installed (apt install age)"
)


def run(*argv: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(argv, input=stdin, capture_output=True, timeout=60, check=False)


@needs_minisign
def test_minisign_verifies_a_directory_the_lead_signed(
    vault_template: Path, tmp_path: Path
) -> None:
    lead, string = make_lead(vault_template, tmp_path)
    directory = tmp_path / "directory.json"
    lead.run("clinicians", "export", str(directory))
    public = string.split(":")[1]
    done = run("minisign", "-Vm", str(directory), "-P", public)
    assert done.returncode == 0, done.stderr
    assert b"peerdesk-directory sequence 1" in done.stdout
    directory.write_bytes(directory.read_bytes() + b" ")
    assert run("minisign", "-Vm", str(directory), "-P", public).returncode != 0


@needs_minisign
def test_peerdesk_verifies_what_minisign_signed(tmp_path: Path) -> None:
    pub, sec, data = tmp_path / "k.pub", tmp_path / "k.key", tmp_path / "data.txt"
    data.write_bytes(b"a file signed by the reference tool\n")
    made = run("minisign", "-G", "-W", "-p", str(pub), "-s", str(sec))
    assert made.returncode == 0, made.stderr
    signed = run("minisign", "-S", "-s", str(sec), "-m", str(data), "-t", "trusted words")
    assert signed.returncode == 0, signed.stderr
    key = minisign.parse_public_key(pub.read_text())
    signature = (tmp_path / "data.txt.minisig").read_text()
    assert minisign.verify(key, data.read_bytes(), signature) == "trusted words"
    with pytest.raises(minisign.BadSignature):
        minisign.verify(key, data.read_bytes() + b"!", signature)
    with pytest.raises(minisign.OtherKey):
        minisign.verify(minisign.generate().public(), data.read_bytes(), signature)


@needs_age
@needs_minisign
def test_age_opens_a_sealed_month_and_minisign_checks_the_peer(
    vault_template: Path, tmp_path: Path
) -> None:
    lead, string = make_lead(vault_template, tmp_path)
    peer = join(vault_template, tmp_path, "peer", string)
    peer.log(3, minutes=45)
    sealed = peer.send_month(tmp_path / "m.age")
    with Vault.unlock(lead.vault, PASSPHRASE) as vault:
        identity = team.lead_keys(vault.conn).identity.secret
    key_file = tmp_path / "lead-identity.txt"  # for this test only
    key_file.write_text(identity + "\n")
    key_file.chmod(0o600)
    opened = run("age", "-d", "-i", str(key_file), str(sealed))
    assert opened.returncode == 0, opened.stderr
    inner = json.loads(opened.stdout)
    month = json.loads(inner["month_file"])
    assert month["counts"]["figures"]["contacts"] == 3
    assert month["counts"]["figures"]["minutes"] == 135
    (tmp_path / "month.json").write_text(inner["month_file"], encoding="utf-8")
    (tmp_path / "month.json.minisig").write_text(inner["signature"], encoding="utf-8")
    checked = run("minisign", "-Vm", str(tmp_path / "month.json"), "-P", inner["peer_key"])
    assert checked.returncode == 0, checked.stderr
    assert b"peerdesk-month 2026-11 export 1 team" in checked.stdout
    wrong = tmp_path / "other.txt"
    wrong.write_text(sealing.new_identity().secret + "\n")
    assert run("age", "-d", "-i", str(wrong), str(sealed)).returncode != 0


@needs_age
def test_peerdesk_opens_what_age_sealed(tmp_path: Path) -> None:
    identity = sealing.new_identity()
    done = run("age", "-e", "-r", identity.recipient(), stdin=b"sealed by the reference tool")
    assert done.returncode == 0, done.stderr
    assert sealing.open_sealed(done.stdout, [identity]) == b"sealed by the reference tool"
    with pytest.raises(sealing.NotForThisTeam):
        sealing.open_sealed(done.stdout, [sealing.new_identity()])
