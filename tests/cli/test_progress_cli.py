"""Long commands draw a progress bar on a terminal, and nothing extra anywhere else.

The terminal is a real pty (tests.support.pty_child) around a real `python -m peerdesk`;
without one, the real typer app through CliRunner prints what it always printed."""

from __future__ import annotations

import time
from pathlib import Path

from peerdesk import messages
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli
from tests.support.directory_rows import directory_file
from tests.support.pty_child import PtyChild, child_env, start

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
DONE_SECONDS = 120  # only a guard against a hung child; the suite judges no time
STEPS = (
    messages.PROGRESS_IMPORT_CHECKING,
    messages.PROGRESS_IMPORT_WRITING,
    messages.PROGRESS_BACKUP_COPYING,
    messages.PROGRESS_BACKUP_VERIFYING,
    messages.PROGRESS_BACKUP_SAVING,
)


def finished(child: PtyChild) -> str:
    """Everything the child wrote to its terminal, once it has exited 0."""
    deadline = time.monotonic() + DONE_SECONDS
    while child.process.poll() is None:
        assert time.monotonic() < deadline, bytes(child.output[-500:])
        child.read_available()
        time.sleep(0.02)
    child.read_available()
    child.stop()
    text = child.output.decode("utf-8", "replace")
    assert child.process.returncode == 0, text[-800:]
    return text


def test_an_import_and_a_backup_draw_their_steps_on_a_terminal(
    made_vault: Path, tmp_path: Path
) -> None:
    rows = 3000
    csv = directory_file(tmp_path / "directory.csv", rows)
    env = dict(child_env(), **ENV)
    vault = ["--vault", str(made_vault)]
    args = [*vault, "clinicians", "import", str(csv), "--unsigned", "--accept-lookalikes"]
    shown = finished(start(args, tmp_path, env=env))
    assert messages.PROGRESS_IMPORT_WRITING in shown
    assert f"{rows}/{rows}" in shown  # the bar's count reached every row
    assert "Imported: added 3000" in shown or "Imported: added 3,000" in shown
    copy = tmp_path / "copy.peerdesk"
    shown = finished(start([*vault, "backup", str(copy)], tmp_path, env=env))
    assert messages.PROGRESS_BACKUP_COPYING in shown or messages.PROGRESS_BACKUP_SAVING in shown
    assert copy.is_file()


def test_without_a_terminal_a_command_prints_no_progress(
    cli: Cli, made_vault: Path, tmp_path: Path
) -> None:
    csv = directory_file(tmp_path / "directory.csv", 40)
    result = cli("clinicians", "import", str(csv), "--unsigned", "--accept-lookalikes", env=ENV)
    assert result.exit_code == 0, result.output
    backed = cli("backup", str(tmp_path / "copy.peerdesk"), env=ENV)
    assert backed.exit_code == 0, backed.output
    for output in (result.stdout, result.stderr, backed.stdout, backed.stderr):
        assert not [step for step in STEPS if step in output]
        assert "\x1b" not in output  # no cursor moves either
