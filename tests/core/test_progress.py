"""Long work tells how far it got (peerdesk.progress): a directory import row by row,
a backup step by step, on a real vault, a team merge file by file and step by step;
never anything of a row or a cell."""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.interchange import import_parsed, read_directory
from peerdesk.progress import EVERY
from peerdesk.reports.senders import read_months, team_report_of
from peerdesk.vault import Vault, clinicians
from peerdesk.vault.backup import BACKUP_STEPS, backup
from tests.support.directory_rows import directory_file
from tests.support.team_reports import write_months

Told = list[tuple[str, int, int]]


def test_an_import_tells_each_step_up_to_every_row(vault: Vault, tmp_path: Path) -> None:
    rows = 2 * EVERY + 7
    told: Told = []
    parsed = read_directory(directory_file(tmp_path / "d.csv", rows))
    plan = import_parsed(
        vault, parsed, accept_lookalikes=True, progress=lambda *step: told.append(step)
    )
    assert plan.written and clinicians.total(vault.conn) == rows
    checking = [s for s in told if s[0] == messages.PROGRESS_IMPORT_CHECKING]
    writing = [s for s in told if s[0] == messages.PROGRESS_IMPORT_WRITING]
    assert checking == [(messages.PROGRESS_IMPORT_CHECKING, n, rows) for n in (0, 500, 1000, rows)]
    assert writing[0][1:] == (0, rows) and writing[-1][1:] == (rows, rows)
    assert told.index(checking[-1]) < told.index(writing[0])  # compared before written
    assert all(0 <= done <= total for _, done, total in told)
    assert {doing for doing, _, _ in told} == {
        messages.PROGRESS_IMPORT_CHECKING,
        messages.PROGRESS_IMPORT_WRITING,
    }  # the steps' own wording only: nothing of a row


def test_a_dry_run_tells_its_comparing_and_writes_nothing(vault: Vault, tmp_path: Path) -> None:
    told: Told = []
    parsed = read_directory(directory_file(tmp_path / "d.csv", 3))
    import_parsed(vault, parsed, dry_run=True, progress=lambda *step: told.append(step))
    assert told[-1] == (messages.PROGRESS_IMPORT_CHECKING, 3, 3)
    assert all(doing != messages.PROGRESS_IMPORT_WRITING for doing, _, _ in told)
    assert clinicians.total(vault.conn) == 0


def test_a_backup_tells_its_three_steps_in_order(vault: Vault, tmp_path: Path) -> None:
    told: Told = []
    backup(vault, tmp_path / "copy.peerdesk", progress=lambda *step: told.append(step))
    assert told == [
        (messages.PROGRESS_BACKUP_COPYING, 0, BACKUP_STEPS),
        (messages.PROGRESS_BACKUP_VERIFYING, 1, BACKUP_STEPS),
        (messages.PROGRESS_BACKUP_SAVING, 2, BACKUP_STEPS),
        (messages.PROGRESS_BACKUP_SAVING, BACKUP_STEPS, BACKUP_STEPS),
    ]


MERGE_STEPS = {
    messages.PROGRESS_MERGE_READING,
    messages.PROGRESS_MERGE_SUPPRESSING,
    messages.PROGRESS_MERGE_AUDITING,
    messages.PROGRESS_MERGE_COMPARING,
    messages.PROGRESS_MERGE_RETRYING,
}


def test_a_merge_tells_files_read_then_its_audit_steps(tmp_path: Path) -> None:
    told: Told = []
    paths = write_months(tmp_path, peers=3)
    chosen = read_months(paths, progress=lambda *step: told.append(step))
    team_report_of(chosen, 5, progress=lambda *step: told.append(step))
    reading = [s for s in told if s[0] == messages.PROGRESS_MERGE_READING]
    assert reading == [(messages.PROGRESS_MERGE_READING, n, 3) for n in (0, 1, 2, 3)]
    steps = [doing for doing, _, _ in told]
    assert steps.index(messages.PROGRESS_MERGE_SUPPRESSING) > steps.index(reading[-1][0])
    assert messages.PROGRESS_MERGE_AUDITING in steps
    # The audit counts the readers it checked: the command staff and each peer.
    auditing = [s for s in told if s[0] == messages.PROGRESS_MERGE_AUDITING]
    assert auditing[0] == (messages.PROGRESS_MERGE_AUDITING, 0, 4)
    assert set(steps) <= MERGE_STEPS  # the steps' own wording only: never a cell


def test_a_merge_with_a_publication_log_tells_its_comparing(tmp_path: Path) -> None:
    told: Told = []
    paths = write_months(tmp_path, peers=3)
    first = team_report_of(read_months(paths), 5)
    history = [first.publication("2026-04-01T09:00:00+00:00")]
    team_report_of(read_months(paths), 5, history=history, progress=lambda *step: told.append(step))
    steps = [doing for doing, _, _ in told]
    assert messages.PROGRESS_MERGE_COMPARING in steps
    assert steps.index(messages.PROGRESS_MERGE_AUDITING) < steps.index(
        messages.PROGRESS_MERGE_COMPARING
    )
    assert set(steps) <= MERGE_STEPS
    assert all(0 <= done <= total or total == 0 for _, done, total in told)
