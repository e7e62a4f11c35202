"""Every command that prints anything, on a vault holding a canary note and handle.

No note text and no handle may appear in stdout or stderr of any command unless
`--show-text` was given; with `--show-text` (where a command has it) they must appear,
so this test can fail. The table is checked against the commands the typer app really
has: a new command without a row here fails the first test.
"""

from __future__ import annotations

import json
import secrets
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
import typer

from peerdesk.cli.root import app
from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, logbook, referrals
from peerdesk.vault.backup import backup
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli
from tests.support.referrals import add_clinician, clinician

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE, "PEERDESK_NEW_PASSPHRASE": "a new one for this test"}
NOTE = "Canarynote" + secrets.token_hex(6)
HANDLE = "Canaryhandle" + secrets.token_hex(6)
CONCERN = "Canaryconcern" + secrets.token_hex(6)
TODAY = date.today()


@dataclass(frozen=True)
class Seeded:
    vault: Path
    folder: Path  # a scratch folder for files a command reads or writes
    contact_id: int
    followup_id: int
    clinician_id: str
    referral_id: int


@dataclass(frozen=True)
class Case:
    """One run of one command: its words, stdin, and which canaries it must show."""

    command: tuple[str, ...]
    args: Callable[[Seeded], list[str]] = lambda s: []
    stdin: str | None = None
    shows: tuple[str, ...] = ()  # canaries that must appear (only with --show-text)
    files: Callable[[Seeded], list[Path]] = lambda s: []  # written files: no canary either
    name: str = field(default="")


def _month_file(s: Seeded) -> Path:
    """A month file made by the CLI itself, for merge."""
    out = s.folder / "month.json"
    if not out.exists():
        result = Cli(s.vault)(
            "report", "month", TODAY.strftime("%Y-%m"), "--format", "json", "-o", str(out), env=ENV
        )
        assert result.exit_code == 0, result.output
    return out


def _backup_file(s: Seeded) -> Path:
    out = s.folder / "for-restore.peerdesk"
    with Vault.unlock(s.vault, PASSPHRASE) as vault:
        backup(vault, out)
    return out


def _directory_file(s: Seeded) -> Path:
    out = s.folder / "directory.csv"
    result = Cli(s.vault)("clinicians", "export", str(out), env=ENV)
    assert result.exit_code == 0, result.output
    return out


def _as_lead(s: Seeded, *then: str) -> list[str]:
    """Make the vault a team lead's first; the case's own arguments are `then`."""
    result = Cli(s.vault)("team", "create", env=ENV)
    assert result.exit_code == 0, result.output
    return list(then)


def _other_team_string() -> str:
    from peerdesk.team import minisign, sealing
    from peerdesk.team.card import TeamPublic

    return TeamPublic(minisign.generate().public(), sealing.new_identity().recipient()).text()


def _sealed_month(s: Seeded) -> Path:
    """The lead's own month, sealed to its team (and so its own key seen by a merge)."""
    _as_lead(s)
    out = s.folder / "month.age"
    result = Cli(s.vault)(
        "report", "month", TODAY.strftime("%Y-%m"), "--format", "json", "-o", str(out), env=ENV
    )
    assert result.exit_code == 0, result.output
    return out


def _seen_key(s: Seeded) -> str:
    merged = Cli(s.vault)("report", "merge", str(_sealed_month(s)), env=ENV)
    assert merged.exit_code == 0, merged.output
    from peerdesk.vault import team

    with Vault.unlock(s.vault, PASSPHRASE) as vault:
        return team.membership(vault.conn).own_key.public().key_id_text()


def _logged(s: Seeded) -> list[str]:
    """A team report published from the vault first, so the log has a line."""
    merged = Cli(s.vault)("report", "merge", str(_month_file(s)), env=ENV)
    assert merged.exit_code == 0, merged.output
    return []


LIST_SHOWS = (NOTE, HANDLE)
CASES: list[Case] = [
    Case(("init",), lambda s: [], name="init-elsewhere"),
    Case(("passphrase",)),
    Case(("backup",), lambda s: [str(s.folder / "b.peerdesk")]),
    Case(("restore",), lambda s: [str(_backup_file(s)), "--yes"]),
    Case(("doctor",)),
    Case(("demo",), lambda s: ["--no-tui"]),
    Case(("purge",)),
    Case(("purge",), lambda s: ["--dry-run"], name="purge-dry-run"),
    Case(("crisis",)),
    Case(("crisis", "set"), lambda s: ["eap", "--number", "555-0100"]),
    Case(
        ("contacts", "add"),
        lambda s: ["--topic", "sleep", "--ask-note", "--ask-handle"],
        stdin=f"{NOTE}\n{HANDLE}\n",
    ),
    Case(("contacts", "list")),
    Case(("contacts", "list"), lambda s: ["--format", "json"], name="contacts-json"),
    Case(("contacts", "list"), lambda s: ["--show-text"], shows=LIST_SHOWS, name="contacts-text"),
    Case(
        ("contacts", "list"),
        lambda s: ["--format", "json", "--show-text"],
        shows=LIST_SHOWS,
        name="contacts-json-text",
    ),
    Case(("contacts", "list"), lambda s: ["--ask-search"], stdin=NOTE[:8] + "\n", name="search"),
    Case(("followups", "list")),
    Case(("followups", "list"), lambda s: ["--format", "json"], name="followups-json"),
    Case(
        ("followups", "list"),
        lambda s: ["--show-text"],
        shows=(HANDLE, CONCERN),
        name="followups-text",
    ),
    Case(
        ("followups", "list"),
        lambda s: ["--format", "json", "--show-text"],
        shows=(HANDLE, CONCERN),
        name="followups-json-text",
    ),
    Case(
        ("followups", "add"),
        lambda s: ["--due", TODAY.isoformat(), "--ask-handle"],
        stdin=CONCERN + "\n",
    ),
    Case(("followups", "done"), lambda s: [str(s.followup_id)]),
    Case(("clinicians", "list")),
    Case(("clinicians", "list"), lambda s: ["--format", "json"], name="clinicians-json"),
    Case(("clinicians", "show"), lambda s: [s.clinician_id]),
    Case(("clinicians", "show"), lambda s: [s.clinician_id, "--format", "json"], name="show-j"),
    Case(("clinicians", "card"), lambda s: [s.clinician_id]),
    Case(("clinicians", "import"), lambda s: [str(_directory_file(s)), "--unsigned"]),
    Case(
        ("clinicians", "export"),
        lambda s: [str(s.folder / "out.json")],
        files=lambda s: [s.folder / "out.json"],
    ),
    Case(("clinicians", "suspend"), lambda s: [s.clinician_id]),
    Case(("clinicians", "reactivate"), lambda s: [s.clinician_id]),
    Case(
        ("referrals", "add"),
        lambda s: ["--contact", str(s.contact_id), "--clinician", s.clinician_id],
    ),
    Case(("referrals", "list")),
    Case(("referrals", "list"), lambda s: ["--format", "json"], name="referrals-json"),
    Case(("referrals", "list"), lambda s: ["--show-text"], shows=(HANDLE,), name="referrals-text"),
    Case(
        ("referrals", "list"),
        lambda s: ["--format", "json", "--show-text"],
        shows=(HANDLE,),
        name="referrals-json-text",
    ),
    Case(("referrals", "status"), lambda s: [str(s.referral_id), "accepted"]),
    Case(("report", "month"), lambda s: [TODAY.strftime("%Y-%m")]),
    Case(
        ("report", "month"),
        lambda s: [TODAY.strftime("%Y-%m"), "--format", "json", "-o", str(s.folder / "m.json")],
        files=lambda s: [s.folder / "m.json"],
        name="month-json-file",
    ),
    Case(("report", "month"), lambda s: [TODAY.strftime("%Y-%m"), "--format", "csv"], name="csv"),
    Case(("report", "merge"), lambda s: [str(_month_file(s)), "--format", "md"]),
    Case(("report", "merge"), lambda s: [str(_month_file(s))], name="merge-table"),
    Case(("report", "merge"), lambda s: [str(_sealed_month(s))], name="merge-sealed"),
    Case(("report", "log"), lambda s: _logged(s)),
    Case(("report", "log"), lambda s: [*_logged(s), "--format", "json"], name="log-json"),
    Case(("team", "create"), lambda s: ["--qr"]),
    Case(("team", "show")),
    Case(("team", "show"), lambda s: _as_lead(s), name="show-lead"),
    Case(("team", "join"), lambda s: [_other_team_string(), "--yes"]),
    Case(("team", "rotate"), lambda s: _as_lead(s, "--yes")),
    Case(("team", "peers"), lambda s: _as_lead(s)),
    Case(("team", "label"), lambda s: [_seen_key(s), "me"]),
    Case(("settings", "show")),
    Case(("settings", "show"), lambda s: ["--format", "json"], name="settings-json"),
    Case(("settings", "set"), lambda s: ["theme", "dark"]),
]


def command_paths(group: Any, ctx: Any, path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every command of the app, groups that run on their own (`crisis`) included."""
    if not hasattr(group, "list_commands"):
        return {path}
    found = {path} if path and group.invoke_without_command else set()
    for name in group.list_commands(ctx):
        found |= command_paths(group.get_command(ctx, name), ctx, (*path, name))
    return found


def test_the_table_covers_every_command_of_the_app() -> None:
    root = typer.main.get_command(app)
    ctx = root.make_context("peerdesk", [], resilient_parsing=True)
    assert command_paths(root, ctx) == {case.command for case in CASES}


@pytest.fixture
def seeded(made_vault: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Seeded:
    """A contact with note, handle and follow-up; a concern; a clinician; a referral."""
    folder = tmp_path / "files"
    folder.mkdir()
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # where `demo` puts its vault
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        contact_id = logbook.save_contact(
            vault,
            ContactFields(contact_date=TODAY, topics=("trauma",), note=NOTE, handle=HANDLE),
            today=TODAY,
            follow_up_on=TODAY + timedelta(days=3),
        )
        followup_id = logbook.add_concern(vault, TODAY + timedelta(days=1), CONCERN)
        clinician_id = add_clinician(vault, clinician("Dr Canary Free", TODAY))
        referral_id = referrals.make_referral(vault, contact_id, clinician_id, today=TODAY)
    return Seeded(made_vault, folder, contact_id, followup_id, clinician_id, referral_id)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name or " ".join(c.command))
def test_no_note_or_handle_without_show_text(case: Case, seeded: Seeded, tmp_path: Path) -> None:
    vault = tmp_path / "other" / "vault.peerdesk" if case.name == "init-elsewhere" else seeded.vault
    result = Cli(vault)(*case.command, *case.args(seeded), input=case.stdin, env=ENV)
    assert result.exit_code == 0, result.output
    out = result.stdout + result.stderr
    for canary in (NOTE, HANDLE, CONCERN):
        if canary in case.shows:
            assert canary in out, f"{canary} missing with --show-text"
        else:
            assert canary not in out
    for typed in (case.stdin or "").splitlines():
        assert typed not in out, "text read from standard input was echoed"
    for written in case.files(seeded):
        data = written.read_bytes()
        assert NOTE.encode() not in data and HANDLE.encode() not in data
        assert CONCERN.encode() not in data


def test_show_text_rows_really_come_from_the_vault(seeded: Seeded) -> None:
    """The JSON rows with --show-text carry the canaries in their own fields."""
    cli = Cli(seeded.vault)
    contacts = json.loads(
        cli("contacts", "list", "--format", "json", "--show-text", env=ENV).stdout
    )
    assert (contacts[0]["note"], contacts[0]["handle"]) == (NOTE, HANDLE)
    refs = json.loads(cli("referrals", "list", "--format", "json", "--show-text", env=ENV).stdout)
    assert refs[0]["handle"] == HANDLE
