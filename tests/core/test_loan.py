"""The vault's connection lent to one worker (peerdesk.vault.loan), on a real vault.

While lent, nobody else gets the connection; a stop mid-import rolls the whole import
back and hands the connection back before it returns; work that had finished is said
to have finished, so nobody is told "nothing was written" about a written import.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.interchange import import_parsed, read_directory
from peerdesk.vault import Vault, VaultError, clinicians
from peerdesk.vault.loan import WorkStopped
from tests.support.directory_rows import directory_file

WHAT = "the test's import"


@dataclass
class Worker:
    """An import on a loan in a thread of its own, held mid-write until `go`."""

    thread: threading.Thread
    go: threading.Event
    outcome: dict[str, str]


def import_in_worker(vault: Vault, path: Path, at_row: int) -> Worker:
    """A worker importing `path` on a loan, held at `at_row` written until told to go."""
    loan = vault.lend(WHAT)
    parsed = read_directory(path)
    held, go = threading.Event(), threading.Event()
    outcome: dict[str, str] = {}

    def watch(doing: str, done: int, total: int) -> None:
        if doing == messages.PROGRESS_IMPORT_WRITING and done >= at_row and not held.is_set():
            held.set()
            while vault.working and not go.is_set():
                go.wait(0.005)

    loan.watch = watch

    def run() -> None:
        try:
            with loan:
                import_parsed(vault, parsed, progress=loan.progress(lambda *_: None))
            outcome["ended"] = "finished"
        except VaultError as exc:
            outcome["ended"] = type(exc).__name__

    thread = threading.Thread(target=run)
    thread.start()
    assert held.wait(15)
    return Worker(thread, go, outcome)


def test_while_lent_only_the_worker_gets_the_connection(vault: Vault, tmp_path: Path) -> None:
    worker = import_in_worker(vault, directory_file(tmp_path / "d.csv", 1200), 600)
    with pytest.raises(VaultError) as refused:
        _ = vault.conn
    assert str(refused.value) == messages.VAULT_WORKING
    worker.go.set()
    worker.thread.join(15)
    assert worker.outcome["ended"] == "finished" and not vault.working
    assert clinicians.total(vault.conn) == 1200


def test_a_stop_mid_write_rolls_back_and_returns_the_connection(
    vault: Vault, tmp_path: Path
) -> None:
    worker = import_in_worker(vault, directory_file(tmp_path / "d.csv", 1200), 600)
    assert vault.stop_work() == WHAT  # it was stopped: nothing of it was written
    worker.thread.join(15)
    assert worker.outcome["ended"] == WorkStopped.__name__
    assert clinicians.total(vault.conn) == 0
    vault.close()  # closes cleanly: the connection is back and no transaction is open


def test_a_stop_after_the_work_finished_says_nothing_was_stopped(
    vault: Vault, tmp_path: Path
) -> None:
    loan = vault.lend(WHAT)
    parsed = read_directory(directory_file(tmp_path / "d.csv", 10))
    with loan:
        import_parsed(vault, parsed, progress=loan.progress(lambda *_: None))
    assert vault.stop_work() is None
    assert clinicians.total(vault.conn) == 10


def test_a_loan_stopped_before_its_worker_began_refuses_it(vault: Vault) -> None:
    loan = vault.lend(WHAT)
    assert vault.stop_work() == WHAT
    with pytest.raises(WorkStopped), loan:
        pass
    assert not vault.working
    assert clinicians.total(vault.conn) == 0


def test_a_stop_while_the_search_rows_are_written_is_a_work_stopped(
    vault: Vault, tmp_path: Path
) -> None:
    """After the last row's report the search rows and COMMIT follow with no report, so
    the stop interrupts a running statement: its error (sqlcipher3's "interrupted", no
    vault error) is still the stop's, and the worker's caller hears WorkStopped."""
    loan = vault.lend(WHAT)
    parsed = read_directory(directory_file(tmp_path / "d.csv", 5000))
    last = threading.Event()
    ended: list[BaseException | None] = []

    def watch(doing: str, done: int, total: int) -> None:
        if doing == messages.PROGRESS_IMPORT_WRITING and done == total:
            last.set()

    loan.watch = watch

    def run() -> None:
        try:
            with loan:
                import_parsed(vault, parsed, progress=loan.progress(lambda *_: None))
            ended.append(None)
        except BaseException as exc:  # noqa: BLE001 - the test looks at what it was
            ended.append(exc)

    thread = threading.Thread(target=run)
    thread.start()
    assert last.wait(15)
    stopped = vault.stop_work()
    thread.join(15)
    if stopped is None:  # the lock came after the commit: all of it is there
        assert ended == [None] and clinicians.total(vault.conn) == 5000
    else:
        assert [type(e) for e in ended] == [WorkStopped]
        assert clinicians.total(vault.conn) == 0
