"""When something fails under a command: a full disk, an unexpected exception, hostile
values in what a command prints. Always one sentence, never a traceback, never a value.

The full disk is real: a 4 MB tmpfs mounted for the test and filled to the last byte
(SQLite then answers SQLITE_FULL by itself). Mounting needs root; without it those
tests are skipped, saying why.
"""

from __future__ import annotations

import json
import os
import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.crisis import CrisisLine, default_path, save_crisis_lines
from peerdesk.vault import Vault, contacts
from tests.conftest import PASSPHRASE
from tests.support import full_disk
from tests.support.cli import Cli
from tests.support.referrals import add_clinician, clinician

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE, "PEERDESK_NEW_PASSPHRASE": "a whole new passphrase here"}
CANARY = "CANARY-NOTE-7f3a"
HOSTILE = "Dr \u202eevil\u202c \x1b]0;owned\x07\x1b[2J\u200bname"


# --- an unexpected exception --------------------------------------------------------
def test_an_unexpected_error_while_saving_is_a_fixed_sentence_without_values(
    cli: Cli, made_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerdesk.vault import logbook

    def broken(*args: object, **kwargs: object) -> int:
        raise RuntimeError(f"{CANARY} could not be saved: {args!r}")

    monkeypatch.setattr(logbook, "save_contact", broken)
    result = cli(
        "contacts", "add", "--topic", "sleep", "--ask-note", "--ask-handle",
        input=f"{CANARY} the note\n{CANARY} handle\n", env=ENV,
    )  # fmt: skip
    assert result.exit_code == 1
    assert result.stderr == (
        messages.CLI_UNEXPECTED.format(kind="RuntimeError", path=made_vault) + "\n"
    )
    assert CANARY not in result.output and "Traceback" not in result.output
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        assert contacts.page(vault.conn, contacts.ContactFilter(), limit=10) == []


def test_an_unexpected_error_while_listing_shows_no_value(
    cli: Cli, made_vault: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*args: object, **kwargs: object) -> list[object]:
        raise KeyError(CANARY)

    monkeypatch.setattr(contacts, "page", broken)
    result = cli("contacts", "list", "--show-text", env=ENV)
    assert result.exit_code == 1
    assert "unexpected error (KeyError)" in result.stderr and CANARY not in result.output


# --- hostile values in what commands print -------------------------------------------
def test_hostile_values_from_the_vault_and_files_are_printed_inert(
    cli: Cli, made_vault: Path
) -> None:
    today = date.today()
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        cid = add_clinician(vault, clinician("Dr Placeholder", today))
        # Imports and the form now refuse bidi and zero-width characters; a vault written
        # before that may still hold them, so store the name as such a vault would.
        with vault.transaction() as conn:
            conn.execute(
                "UPDATE clinicians SET name = ? WHERE id = ?",
                (HOSTILE.replace("\x1b", "").replace("\x07", ""), cid),
            )
    save_crisis_lines(
        default_path(), [CrisisLine(id="eap", name="EAP \u202eenil", how="", number="555 \u2066x")]
    )
    for args in (
        ("clinicians", "list"),
        ("clinicians", "show", cid),
        ("clinicians", "card", cid),
        ("clinicians", "list", "--format", "json"),
        ("crisis",),
    ):
        result = cli(*args, env=ENV)
        assert result.exit_code == 0, result.output
        for char in ("\u202e", "\u202c", "\u200b", "\u2066", "\x1b", "\x07"):
            assert char not in result.output, (args, char)
    assert "\\u202e" in cli("clinicians", "list", env=ENV).stdout
    # JSON stays valid and exact: the escapes are JSON's own.
    (row,) = json.loads(cli("clinicians", "list", "--format", "json", env=ENV).stdout)
    assert row["name"] == HOSTILE.replace("\x1b", "").replace("\x07", "")


# --- a full disk ---------------------------------------------------------------------
@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 4 MB tmpfs of this test's own; skipped where mounting is not permitted."""
    with full_disk.small_disk(tmp_path) as mount_point:
        yield mount_point


@pytest.fixture
def full_vault(small_disk: Path) -> Path:
    """A vault with one contact on a disk with no space left."""
    path = small_disk / "vault.peerdesk"
    with Vault.create(path, PASSPHRASE) as vault:
        add_clinician(vault, clinician("Dr Before", date.today()))
    full_disk.fill(small_disk, leave=48 * 1024)
    return path


def _directory_csv(tmp_path: Path, rows: int) -> Path:
    from peerdesk.interchange import export_directory

    source = tmp_path / "source.peerdesk"
    with Vault.create(source, PASSPHRASE) as vault:
        for i in range(rows):
            add_clinician(vault, clinician(f"Dr Number {i} " + "x" * 180, date.today()))
        out = tmp_path / "many.csv"
        export_directory(vault.conn, out, "csv")
    return out


@pytest.mark.slow
@pytest.mark.parametrize(
    ("args", "stdin"),
    [
        (("contacts", "add", "--topic", "sleep", "--ask-note"), "n" * 3000 + "\n"),
        (("followups", "add", "--due", "2030-01-01", "--ask-handle"), "h" * 40 + "\n"),
        (("clinicians", "import", "{csv}", "--unsigned"), None),
        (("passphrase",), None),
    ],
    ids=["contacts add", "followups add", "clinicians import", "passphrase"],
)
def test_a_full_disk_is_one_sentence_and_saves_nothing(
    full_vault: Path, tmp_path: Path, args: tuple[str, ...], stdin: str | None
) -> None:
    csv = _directory_csv(tmp_path, 400) if "{csv}" in args else None
    words = [str(csv) if a == "{csv}" else a for a in args]
    for _ in range(300 if args[0] in ("contacts", "followups") else 1):
        result = Cli(full_vault)(*words, input=stdin, env=ENV)
        if result.exit_code != 0:
            break
    assert result.exit_code == 1, result.output
    sentences = [messages.VAULT_DISK_FULL, messages.VAULT_IO_ERROR]
    if args == ("passphrase",):
        # SQLCipher's rekey fails silently on a full disk; the next statement then gets
        # SQLITE_LOCKED, whose only true sentence is the plain one. Nothing changed.
        sentences.append(messages.VAULT_STORAGE_PLAIN)
    assert result.stderr.strip() in sentences, result.stderr
    assert "Traceback" not in result.output
    (full_vault.parent / "filler").unlink()
    # The vault still opens with the passphrase it had; the import was all or nothing.
    with Vault.unlock(full_vault, PASSPHRASE) as vault:
        (count,) = vault.conn.execute("SELECT count(*) FROM clinicians").fetchone()
        assert count == 1


# --- the echo-free prompt on a real terminal ------------------------------------------
def _controlling_terminal() -> None:
    """In the child: make its pty (fd 0) the controlling terminal, as a login would."""
    import fcntl
    import termios

    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


def _echoing(fd: int) -> bool:
    import termios

    return bool(termios.tcgetattr(fd)[3] & termios.ECHO)


@pytest.mark.slow
def test_on_a_terminal_the_note_is_asked_without_echo(made_vault: Path) -> None:
    import pty
    import select
    import sys
    import time

    note = "Typednote" + os.urandom(4).hex()
    main, child = pty.openpty()
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[2] / "src"), **ENV)
    proc = subprocess.Popen(
        [sys.executable, "-m", "peerdesk", "--vault", str(made_vault), "contacts", "add",
         "--topic", "sleep", "--ask-note"],
        stdin=child, stdout=child, stderr=child, env=env, close_fds=True,
        start_new_session=True, preexec_fn=_controlling_terminal,
    )  # fmt: skip
    os.close(child)
    seen = b""
    deadline = time.monotonic() + 30
    sent = False
    while time.monotonic() < deadline:
        ready, _, _ = select.select([main], [], [], 0.2)
        if ready:
            try:
                chunk = os.read(main, 4096)
            except OSError:
                break
            if not chunk:
                break
            seen += chunk
        # Type only once the prompt has turned echo off (getpass flushes earlier input).
        if not sent and b"Note (not shown" in seen and not _echoing(main):
            os.write(main, note.encode() + b"\r")
            sent = True
        if proc.poll() is not None and not ready:
            break
    try:
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
        os.close(main)
    assert sent, seen
    assert proc.returncode == 0, seen
    assert note.encode() not in seen  # never echoed
    with Vault.unlock(made_vault, PASSPHRASE) as vault:
        (row,) = contacts.page(vault.conn, contacts.ContactFilter(), limit=5)
        stored = contacts.get(vault.conn, row.id)
        assert stored is not None and stored.fields.note == note
