"""Team keys end to end through the real CLI: create, join, a signed directory, sealed
months, and a merge that counts each peer once. Real vaults, real files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from peerdesk.team import minisign, sealing
from peerdesk.team.card import TeamPublic
from peerdesk.vault import Vault, team
from tests.conftest import PASSPHRASE
from tests.support.team import ENV, MONTH, Member, join, make_lead, member

DIRECTORY_CSV = (
    "name,phones,vetted_by,vetted_on,revet_due\n"
    "Dr Ann Lee,+1 555 0100,Sgt R,2026-10-01,2027-10-01\n"
    "Dr Bo Chan,+1 555 0101,Sgt R,2026-10-01,2027-10-01\n"
)


@pytest.fixture
def lead_and_string(vault_template: Path, tmp_path: Path) -> tuple[Member, str]:
    lead, string = make_lead(vault_template, tmp_path)
    seed = tmp_path / "seed.csv"
    seed.write_text(DIRECTORY_CSV, encoding="utf-8")
    lead.run("clinicians", "import", str(seed), "--unsigned")
    return lead, string


def test_a_team_from_create_to_a_merge_that_counts_each_peer_once(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    lead, string = lead_and_string
    alex = join(vault_template, tmp_path, "alex", string)
    blair = join(vault_template, tmp_path, "blair", string)
    # The lead signs and sends the directory; a tampered copy is refused, the real one taken.
    shared = tmp_path / "shared"
    shared.mkdir()
    directory = shared / "directory.json"
    out = lead.run("clinicians", "export", str(directory))
    assert "Signed as directory number 1" in out
    tampered = shared / "tampered.json"
    tampered.write_bytes(directory.read_bytes().replace(b"0100", b"0199"))
    (shared / "tampered.json.minisig").write_bytes((shared / "directory.json.minisig").read_bytes())
    assert "changed after the lead signed it" in alex.refused("clinicians", "import", str(tampered))
    assert "Dr Ann Lee" not in alex.run("clinicians", "list")
    for peer in (alex, blair):
        assert "Signed by your team's lead: directory number 1" in peer.run(
            "clinicians", "import", str(directory)
        )
    assert "+1 555 0100" in alex.run("clinicians", "list")
    # Each peer sends a sealed month; alex sends it twice (a late contact in between).
    alex.log(3)
    first = alex.send_month(shared / "alex-1.age")
    alex.log(1)
    second = alex.send_month(shared / "alex-2.age")
    blair.log(2)
    third = blair.send_month(shared / "blair.age")
    lead.log(1)
    own = lead.send_month(shared / "lead.age")
    for sealed in (first, second, third, own):
        assert sealed.read_bytes().startswith(sealing.AGE_HEADER)
    result = lead.cli(
        "report",
        "merge",
        str(first),
        str(second),
        str(third),
        str(own),
        "--format",
        "json",
        "--min-cell",
        "3",
        env=ENV,
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["figures"]["contacts"] == 4 + 2 + 1  # alex's newer export only
    assert "the newer export" in result.stderr and "alex-2.age" in result.stderr
    assert alex.own_key_id() in result.stderr and blair.own_key_id() in result.stderr
    assert result.stderr.count("NEW: never seen before") == 2  # the lead's own key is known
    # Labelled, a peer is named by the label, and no longer new.
    lead.run("team", "label", alex.own_key_id(), "A.K.")
    again = lead.cli("report", "merge", str(second), str(third), env=ENV)
    assert "A.K." in again.stderr and "NEW" not in again.stderr.split(alex.own_key_id())[1][:40]


def test_a_sealed_month_holds_no_readable_count(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    _lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    peer.log(7, minutes=431)
    sealed = peer.send_month(tmp_path / "m.age").read_bytes()
    plain_peer = member(vault_template, tmp_path, "plain")
    plain_peer.log(7, minutes=431)
    plain = plain_peer.send_month(tmp_path / "m.json").read_bytes()
    assert b'"minutes": 3017' in plain  # the pattern is real in a plain file ...
    for pattern in (b"3017", b"minutes", b"contacts", b"peerdesk-month", MONTH.encode()):
        assert pattern not in sealed  # ... and nowhere in the sealed one


def test_a_month_from_another_team_or_opened_by_a_peer_is_refused(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    lead, string = lead_and_string
    other_lead, other_string = make_lead(vault_template, tmp_path, "other-lead")
    stranger = join(vault_template, tmp_path, "stranger", other_string)
    stranger.log(2)
    foreign = stranger.send_month(tmp_path / "foreign.age")
    assert "sealed to another team's key" in lead.refused("report", "merge", str(foreign))
    peer = join(vault_template, tmp_path, "peer", string)
    peer.log(1)
    mine = peer.send_month(tmp_path / "mine.age")
    assert "only the lead's vault can do this" in peer.refused("report", "merge", str(mine))
    assert other_lead.vault != lead.vault


def test_a_month_signed_for_another_team_is_refused(
    lead_and_string: tuple[Member, str], tmp_path: Path
) -> None:
    """Sealed to our team but signed for another: someone re-sealed a peer's signed month."""
    from peerdesk.reports.counts import from_marginals
    from peerdesk.reports.files import document, dumps
    from peerdesk.reports.sealed import seal_month

    lead, _string = lead_and_string
    with Vault.unlock(lead.vault, PASSPHRASE) as vault:
        ours = team.lead_keys(vault.conn).public()
    elsewhere = TeamPublic(minisign.generate().public(), ours.recipient)
    three = [("cruiser", 3)]
    counts = from_marginals(
        MONTH,
        contacts=3,
        minutes=60,
        group_people=0,
        followups_completed=0,
        tables={
            "mode": three,
            "initiated_by": [("self", 3)],
            "topic": [("sleep", 3)],
            "risk": [("none", 3)],
            "outcome": [("support", 3)],
            "critical_incident": [("no", 3)],
            "duration": [("15-29", 3)],
        },
        referral_statuses=[],
    )
    text = dumps(document(counts, vault_id="ab" * 16, sequence=1))
    path = tmp_path / "resealed.age"
    path.write_bytes(
        seal_month(text, month=MONTH, sequence=1, own_key=minisign.generate(), team=elsewhere)
    )
    assert "signed for another team" in lead.refused("report", "merge", str(path))


def test_every_flipped_byte_of_a_sealed_month_is_refused(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    from peerdesk.reports.files import ReportFileError, read_exports
    from peerdesk.reports.sealed import LeadOpener

    lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    peer.log(2)
    data = peer.send_month(tmp_path / "m.age").read_bytes()
    with Vault.unlock(lead.vault, PASSPHRASE) as vault:
        keys = team.lead_keys(vault.conn)
    opener = LeadOpener(keys.all_identities, keys.all_team_ids)
    (export,) = read_exports([tmp_path / "m.age"], opener=opener)
    assert export.counts.figures["contacts"] == 2
    flipped = tmp_path / "flipped.age"
    for index in range(len(data)):
        changed = bytearray(data)
        changed[index] ^= 0x01
        flipped.write_bytes(bytes(changed))
        with pytest.raises(ReportFileError):
            read_exports([flipped], opener=opener)


def test_rotation_keeps_old_months_open_and_peers_must_join_again(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    peer.log(2)
    before = peer.send_month(tmp_path / "before.age")
    out = lead.run("team", "rotate", "--yes")
    new_string = next(w for w in out.split() if w.startswith("peerdesk-team1:"))
    assert new_string != string
    assert lead.run("report", "merge", str(before), "--min-cell", "3")  # still opens
    directory = tmp_path / "d.json"
    lead.run("clinicians", "export", str(directory))
    assert "signed by another key" in peer.refused("clinicians", "import", str(directory))
    peer.run("team", "join", new_string, "--yes")
    assert "directory number" in peer.run("clinicians", "import", str(directory))


def test_an_older_directory_is_refused_after_a_newer_one(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    lead.run("clinicians", "export", str(old / "d.json"))
    lead.run("clinicians", "suspend", _first_id(lead))
    lead.run("clinicians", "export", str(new / "d.json"))
    peer.run("clinicians", "import", str(new / "d.json"))
    refused = peer.refused("clinicians", "import", str(old / "d.json"))
    assert "directory number 1, older than number 2" in refused
    assert "suspended" in peer.run("clinicians", "list")


def _first_id(lead: Member) -> str:
    listing = json.loads(lead.cli("clinicians", "list", "--format", "json", env=ENV).stdout)
    return str(listing[0]["id"])


@pytest.mark.parametrize(
    ("damage", "sentence"),
    [
        (lambda sig: None, "has no signature file beside it"),
        (lambda sig: sig.write_text("not a signature\n"), "is not a signature file"),
        (lambda sig: sig.write_bytes(b"\xff\xfe" * 10), "is not a signature file"),
        (lambda sig: sig.write_bytes(_flip_trusted(sig.read_bytes())), "changed after the lead"),
    ],
    ids=["missing", "garbage", "not utf-8", "trusted comment changed"],
)
def test_a_directory_signature_missing_or_damaged_is_refused(
    damage: object,
    sentence: str,
    lead_and_string: tuple[Member, str],
    vault_template: Path,
    tmp_path: Path,
) -> None:
    lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    directory = tmp_path / "d.json"
    lead.run("clinicians", "export", str(directory))
    sig = directory.with_name("d.json.minisig")
    if sentence.startswith("has no"):
        sig.unlink()
    else:
        assert callable(damage)
        damage(sig)
    assert sentence in peer.refused("clinicians", "import", str(directory))
    assert "Dr Ann Lee" not in peer.run("clinicians", "list")


def _flip_trusted(data: bytes) -> bytes:
    return data.replace(b"sequence 1", b"sequence 9")


def test_every_flipped_byte_of_a_signed_directory_is_refused(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    from peerdesk.interchange import signing
    from peerdesk.interchange.reading import DirectoryFileError

    lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    directory = tmp_path / "d.json"
    lead.run("clinicians", "export", str(directory))
    data = directory.read_bytes()
    signature = signing.read_signature(directory)
    assert signature is not None
    with Vault.unlock(peer.vault, PASSPHRASE) as vault:
        assert signing.check(vault.conn, directory, data, signature, allow_unsigned=False).signed
        for index in range(len(data)):
            changed = bytearray(data)
            changed[index] ^= 0x20
            with pytest.raises(DirectoryFileError):
                signing.check(
                    vault.conn, directory, bytes(changed), signature, allow_unsigned=False
                )
        same = minisign.parse_signature(signature)
        for index in range(len(signature)):
            broken = signature[:index] + chr(ord(signature[index]) ^ 0x01) + signature[index + 1 :]
            if broken.split("\n")[0] != signature.split("\n")[0]:
                continue  # the untrusted comment is, by design, not signed
            try:
                signing.check(vault.conn, directory, data, broken, allow_unsigned=False)
            except DirectoryFileError:
                continue
            # Accepted only if nothing signed changed: a flipped line end, or a base64
            # character's unused low bits, still give the very same signature.
            assert minisign.parse_signature(broken) == same, index


def test_unsigned_files_need_the_option_and_say_nobody_vouches(
    vault_template: Path, tmp_path: Path
) -> None:
    loner = member(vault_template, tmp_path, "loner")
    seed = tmp_path / "seed.csv"
    seed.write_text(DIRECTORY_CSV, encoding="utf-8")
    assert "import it with --unsigned" in loner.refused("clinicians", "import", str(seed))
    assert "Nobody vouches for this file" in loner.run(
        "clinicians", "import", str(seed), "--unsigned"
    )


def test_a_joined_peer_never_takes_an_unsigned_file(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    _lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    seed = tmp_path / "seed.csv"
    seed.write_text(DIRECTORY_CSV, encoding="utf-8")
    refused = peer.refused("clinicians", "import", str(seed), "--unsigned")
    assert "an unsigned file is refused" in refused or "no signature file" in refused


@pytest.mark.parametrize(
    "string",
    [
        "peerdesk-team1:garbage:age1xyz",
        "hello",
        "peerdesk-team1:" + "A" * 500,
        "\x1b[31mpeerdesk-team1:RW:age1\x1b[0m",
        "[bold]peerdesk-team1[/bold]",
    ],
    ids=["garbage keys", "not a string", "huge", "escape sequences", "markup"],
)
def test_a_bad_team_string_is_one_sentence_and_joins_nothing(
    string: str, vault_template: Path, tmp_path: Path
) -> None:
    peer = member(vault_template, tmp_path, "peer")
    refused = peer.refused("team", "join", string, "--yes")
    assert "That is not a team string" in refused and "\x1b" not in refused
    assert "belongs to no team" in peer.run("team", "show")


def test_join_shows_the_fingerprint_and_no_changes_nothing(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    lead, string = lead_and_string
    peer = member(vault_template, tmp_path, "peer")
    no_terminal = peer.cli("team", "join", string, env=ENV, input="y\n")
    assert no_terminal.exit_code == 1 and "add --yes" in no_terminal.stderr
    fingerprint = lead.run("team", "show").split("aloud, in person):")[1].split()[:6]
    assert " ".join(fingerprint) in no_terminal.stderr
    assert "belongs to no team" in peer.run("team", "show")


def test_team_create_twice_is_refused_and_the_keys_stay(
    lead_and_string: tuple[Member, str],
) -> None:
    lead, string = lead_and_string
    assert "already holds team keys" in lead.refused("team", "create")
    assert string in lead.run("team", "show")


def test_a_replayed_month_is_counted_once(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    lead, string = lead_and_string
    peer = join(vault_template, tmp_path, "peer", string)
    peer.log(4)
    sealed = peer.send_month(tmp_path / "m.age")
    copy = tmp_path / "copy.age"
    copy.write_bytes(sealed.read_bytes())
    result = lead.cli(
        "report", "merge", str(sealed), str(copy), "--format", "json", "--min-cell", "3", env=ENV
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["figures"]["contacts"] == 4
    assert "same export as" in result.stderr


def test_plain_months_of_one_vault_count_the_newer(vault_template: Path, tmp_path: Path) -> None:
    loner = member(vault_template, tmp_path, "loner")
    loner.log(2)
    first = loner.send_month(tmp_path / "1.json")
    loner.log(1)
    second = loner.send_month(tmp_path / "2.json")
    result = loner.cli(
        "report", "merge", str(first), str(second), "--format", "json", "--min-cell", "3", env=ENV
    )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["figures"]["contacts"] == 3
    assert "the newer export (" in result.stderr


def test_an_unsigned_export_over_a_signed_one_leaves_no_stale_signature(
    lead_and_string: tuple[Member, str], vault_template: Path, tmp_path: Path
) -> None:
    lead, _string = lead_and_string
    loner = member(vault_template, tmp_path, "loner")
    directory = tmp_path / "d.json"
    lead.run("clinicians", "export", str(directory))
    assert directory.with_name("d.json.minisig").exists()
    loner.run("clinicians", "export", str(directory), "--force")
    assert not directory.with_name("d.json.minisig").exists()
    assert "Nobody vouches" in loner.run("clinicians", "import", str(directory), "--unsigned")
