"""`peerdesk contacts`, `followups` and `purge` through the real CLI and a real vault."""

from __future__ import annotations

import json
import secrets
from datetime import date, timedelta
from pathlib import Path

import pytest

from peerdesk.vault import Vault, contacts, followups
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli, vault_files

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
TODAY = date.today()


def add(cli: Cli, *args: str, text: str | None = None) -> int:
    """`contacts add ARGS`; `text` is the standard input lines (note, then handle)."""
    result = cli("contacts", "add", *args, input=text, env=ENV)
    assert result.exit_code == 0, result.output
    return int(result.stdout.strip())


def test_add_with_every_option_stores_exactly_that(cli: Cli, made_vault: Path) -> None:
    yesterday = (TODAY - timedelta(days=1)).isoformat()
    due = (TODAY + timedelta(days=7)).isoformat()
    cid = add(
        cli,
        "--mode", "group", "--head-count", "6",
        "--topic", "alcohol", "--topic", "relationship",
        "--minutes", "45", "--initiated-by", "supervisor",
        "--risk", "low", "--outcome", "follow-up", "--critical-incident",
        "--ask-note", "--ask-handle",
        "--follow-up", due, "--date", yesterday,
        text="talked it through\nS.\n",
    )  # fmt: skip
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        stored = contacts.get(vault.conn, cid)
        assert stored is not None
        f = stored.fields
        assert (f.mode, f.head_count, f.minutes, f.initiated_by) == ("group", 6, 45, "supervisor")
        assert f.topics == ("relationship", "alcohol")
        assert (f.risk, f.outcome, f.critical_incident) == ("low", "follow-up", True)
        assert (f.note, f.handle, f.contact_date.isoformat()) == (
            "talked it through",
            "S.",
            yesterday,
        )
        (follow,) = followups.open_followups(vault.conn)
        assert (follow.due_on.isoformat(), follow.contact_id, follow.handle) == (due, cid, "S.")


def test_who_it_was_for_the_group_kind_and_a_follow_up_are_stored_and_counted(
    cli: Cli, made_vault: Path
) -> None:
    group = add(
        cli,
        "--topic", "critical-incident", "--mode", "group", "--head-count", "8",
        "--group-kind", "demobilization", "--for-whom", "dispatcher",
        "--first-or-follow-up", "follow-up",
    )  # fmt: skip
    video = add(cli, "--topic", "sleep", "--mode", "video", "--for-whom", "other-agency")
    plain = add(cli, "--topic", "sleep", "--group-kind", "cmb")  # no group: kept at default
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        stored = {cid: contacts.get(vault.conn, cid) for cid in (group, video, plain)}
    seen = {
        cid: (c.fields.mode, c.fields.for_whom, c.fields.group_kind, c.fields.first_or_followup)
        for cid, c in stored.items()
        if c is not None
    }
    assert seen == {
        group: ("group", "dispatcher", "demobilization", "follow-up"),
        video: ("video", "other-agency", "defusing", "first"),
        plain: ("cruiser", "sworn", "defusing", "first"),
    }
    month = TODAY.strftime("%Y-%m")
    result = cli("report", "month", month, "--format", "json", env=ENV)
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    tables = doc["counts"]["tables"]
    assert doc["version"] == 4
    assert tables["mode"]["group"] == tables["mode"]["video"] == 1
    assert tables["group_kind"] == {"defusing": 0, "debriefing": 0, "demobilization": 1, "cmb": 0}
    assert tables["for_whom"]["dispatcher"] == tables["for_whom"]["other-agency"] == 1
    assert tables["for_whom"]["sworn"] == 1
    assert tables["first_or_followup"] == {"first": 2, "follow-up": 1}
    table = cli("report", "month", month, env=ENV).stdout
    assert "Group contacts by kind" in table and "Who the contact was for" in table


def test_minimal_add_uses_the_cruiser_defaults(cli: Cli, made_vault: Path) -> None:
    cid = add(cli, "--topic", "sleep")
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        stored = contacts.get(vault.conn, cid)
        assert stored is not None
        assert (stored.fields.mode, stored.fields.minutes, stored.contact_date) == (
            "cruiser",
            15,
            TODAY,
        )


@pytest.mark.parametrize(
    ("args", "expected", "text"),
    [
        (["--topic", "golf"], "critical-incident, work-stress", None),
        (
            ["--topic", "sleep", "--mode", "car"],
            "cruiser, in-person, phone, video, message, group, family",
            None,
        ),
        (["--topic", "sleep", "--risk", "high"], "none, low, elevated, imminent", None),
        (
            ["--topic", "sleep", "--outcome", "cured"],
            "support, referral, follow-up, escalated",
            None,
        ),
        (["--topic", "sleep", "--initiated-by", "me"], "self, peer-outreach", None),
        (["--topic", "sleep", "--date", "2026-02-30"], "does not exist in the calendar", None),
        (["--topic", "sleep", "--date", "27/11/2026"], "YYYY-MM-DD", None),
        (["--topic", "sleep", "--date", "2999-01-01"], "in the future", None),
        (["--topic", "sleep", "--follow-up", "2026-13-01"], "does not exist", None),
        (["--topic", "sleep", "--minutes", "0"], "from 1 to 1440", None),
        (["--topic", "sleep", "--ask-note"], "at most 4000 characters", "x" * 4001 + "\n"),
        (["--topic", "sleep", "--ask-note"], "control characters", "a\x1b[2Jb\n"),
        # A handle is one line of standard input: a tab is the control character here.
        (["--topic", "sleep", "--ask-handle"], "control characters", "two\tcolumns\n"),
        (
            ["--topic", "sleep", "--for-whom", "chief"],
            "sworn, civilian, dispatcher, corrections, retired, family, other-agency",
            None,
        ),
        (
            ["--topic", "sleep", "--mode", "group", "--group-kind", "debrief"],
            "defusing, debriefing, demobilization, cmb",
            None,
        ),
        # Refused even when the mode is not group: an unknown id is never stored or ignored.
        (["--topic", "sleep", "--group-kind", "[red]x[/red]\x1b[2J"], "\\x1b[2J", None),
        (["--topic", "sleep", "--first-or-follow-up", "second"], "first, follow-up", None),
    ],
)
def test_bad_values_exit_1_with_a_sentence_and_change_nothing(
    cli: Cli, made_vault: Path, args: list[str], expected: str, text: str | None
) -> None:
    before = vault_files(made_vault)
    result = cli("contacts", "add", *args, input=text, env=ENV)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert "\x1b" not in result.output
    assert result.stderr.strip().count("\n") == 0  # one sentence
    assert vault_files(made_vault) == before


def test_missing_topic_is_a_usage_error(cli: Cli, made_vault: Path) -> None:
    result = cli("contacts", "add", env=ENV)
    assert result.exit_code == 2
    assert "--topic" in result.output


def test_wrong_passphrase_on_add(cli: Cli, made_vault: Path) -> None:
    before = vault_files(made_vault)
    result = cli("contacts", "add", "--topic", "sleep", env={"PEERDESK_PASSPHRASE": "nope"})
    assert result.exit_code == 1
    assert "Wrong passphrase, or the file is damaged." in result.stderr
    assert vault_files(made_vault) == before


def test_note_warnings_and_imminent_reminder_on_stderr(cli: Cli, made_vault: Path) -> None:
    result = cli(
        "contacts", "add", "--topic", "suicidal-thoughts", "--risk", "imminent",
        "--ask-note", input="Officer Smith, call 555-123-4567\n", env=ENV,
    )  # fmt: skip
    assert result.exit_code == 0
    assert "looks like a name" in result.stderr
    assert "looks like a phone number" in result.stderr
    assert "988" in result.stderr
    assert result.stdout.strip().isdigit()


def test_list_table_json_filters_and_hidden_text(cli: Cli, made_vault: Path) -> None:
    canary = "note" + secrets.token_hex(6)
    add(
        cli,
        "--topic", "sleep", "--ask-note", "--ask-handle", "--date", "2026-10-05",
        text=f"{canary}\nblue truck\n",
    )  # fmt: skip
    add(cli, "--topic", "grief", "--date", "2026-09-05")
    table = cli("contacts", "list", env=ENV)
    assert table.exit_code == 0
    assert table.stdout.splitlines()[0].split()[:3] == ["ID", "DATE", "MODE"]
    assert "2026-10-05" in table.stdout
    assert canary not in table.stdout
    assert "blue truck" not in table.stdout

    rows = json.loads(cli("contacts", "list", "--format", "json", env=ENV).stdout)
    assert [r["date"] for r in rows] == ["2026-10-05", "2026-09-05"]
    assert "note" not in rows[0]
    assert rows[0]["has_note"] is True

    shown = json.loads(cli("contacts", "list", "--format", "json", "--show-text", env=ENV).stdout)
    assert (shown[0]["note"], shown[0]["handle"]) == (canary, "blue truck")

    september = json.loads(
        cli("contacts", "list", "--month", "2026-09", "--format", "json", env=ENV).stdout
    )
    assert [r["topics"] for r in september] == [["grief"]]
    by_topic = json.loads(
        cli("contacts", "list", "--topic", "sleep", "--format", "json", env=ENV).stdout
    )
    assert len(by_topic) == 1
    found = json.loads(
        cli(
            "contacts",
            "list",
            "--ask-search",
            "--format",
            "json",
            input=canary[:6] + "\n",
            env=ENV,
        ).stdout
    )
    assert len(found) == 1


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--month", "2026-13"], "YYYY-MM"),
        (["--month", "soon"], "YYYY-MM"),
        (["--topic", "golf"], "critical-incident"),
        (["--format", "xml"], "table, json"),
    ],
)
def test_list_bad_values(cli: Cli, made_vault: Path, args: list[str], expected: str) -> None:
    result = cli("contacts", "list", *args, env=ENV)
    assert result.exit_code == 1
    assert expected in result.stderr


def test_empty_list_says_so(cli: Cli, made_vault: Path) -> None:
    assert "No contacts match." in cli("contacts", "list", env=ENV).stdout


def test_followups_add_list_done(cli: Cli, made_vault: Path) -> None:
    overdue = (TODAY - timedelta(days=2)).isoformat()
    result = cli(
        "followups", "add", "--due", overdue, "--ask-handle",
        input="late to roll call\n", env=ENV,
    )  # fmt: skip
    assert result.exit_code == 0
    fid = int(result.stdout)
    listed = cli("followups", "list", env=ENV).stdout
    assert "overdue" in listed
    assert "concern" in listed
    assert "late to roll call" not in listed
    with_text = json.loads(
        cli("followups", "list", "--format", "json", "--show-text", env=ENV).stdout
    )
    assert with_text == [
        {"id": fid, "due": overdue, "state": "overdue", "kind": "concern", "contact_id": None,
         "handle": "late to roll call"}
    ]  # fmt: skip
    assert cli("followups", "done", str(fid), env=ENV).exit_code == 0
    assert "No open follow-ups." in cli("followups", "list", env=ENV).stdout
    again = cli("followups", "done", str(fid), env=ENV)
    assert again.exit_code == 1
    assert f"no open follow-up with id {fid}" in again.stderr


def test_followups_bad_date(cli: Cli, made_vault: Path) -> None:
    result = cli("followups", "add", "--due", "tomorrow", env=ENV)
    assert result.exit_code == 1
    assert "YYYY-MM-DD" in result.stderr


def test_purge_dry_run_then_purge(cli: Cli, made_vault: Path) -> None:
    add(cli, "--topic", "sleep", "--ask-note", "--ask-handle", text="old words\nH.\n")
    # Age the contact past the 30-day retention.
    with Vault.unlock(made_vault, PASSPHRASE) as vault, vault.transaction() as conn:
        conn.execute("UPDATE contacts SET created_at = '2020-01-01T00:00:00+00:00'")
    dry = cli("purge", "--dry-run", env=ENV)
    assert dry.exit_code == 0
    assert "Would wipe 1 note(s) and 1 handle(s) older than 30 days" in dry.stdout
    done = cli("purge", env=ENV)
    assert "Wiped 1 note(s) and 1 handle(s)" in done.stdout
    assert "Wiped 0 note(s)" in cli("purge", env=ENV).stdout
    listed = json.loads(cli("contacts", "list", "--format", "json", env=ENV).stdout)
    assert len(listed) == 1
    assert listed[0]["has_note"] is False
