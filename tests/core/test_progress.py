"""Long work tells how far it got (peerdesk.progress): a directory import row by row,
a backup step by step, on a real vault, and never anything of a row."""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.interchange import import_parsed, read_directory
from peerdesk.progress import EVERY
from peerdesk.vault import Vault, clinicians
from peerdesk.vault.backup import BACKUP_STEPS, backup
from tests.support.directory_rows import directory_file

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
