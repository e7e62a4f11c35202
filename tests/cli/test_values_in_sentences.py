"""Paths, names and values never reach the terminal raw inside a sentence.

A leftover's file name may hold an escape sequence (it retitles the window), and a
path typed on the command line may hold a newline (it forges a line of output). Every
value filled into a sentence is shown printable, with one escape style everywhere.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.vault.leftovers import temp_sibling
from tests.conftest import PASSPHRASE
from tests.support.cli import Cli

HACK = "\x1b]0;HACKED\x07"
ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}


def test_a_leftover_name_with_an_escape_sequence_is_shown_escaped(made_vault: Path) -> None:
    odd = temp_sibling(made_vault.with_name(f"b{HACK}.peerdesk"), "backup")
    odd.write_bytes(b"")  # what a backup killed right after creating its file leaves
    cli = Cli(made_vault)

    shown = cli("settings", "show", env=ENV)
    doctor = cli("doctor", env=ENV)
    cleaned = cli("doctor", "--remove-leftovers", env=ENV)

    for result in (shown, doctor, cleaned):
        assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;HACKED\\x07" in shown.stderr
    assert "\\x1b]0;HACKED\\x07" in cleaned.stdout
    assert not odd.exists()


def test_a_newline_in_the_vault_path_forges_no_line(tmp_path: Path) -> None:
    path = tmp_path / "x" / "no\nFORGED"

    result = Cli(path)("contacts", "list", env=ENV)

    assert result.exit_code == 1
    assert not any(line.startswith("FORGED") for line in result.output.splitlines())
    assert "no\\x0aFORGED" in result.stderr


def test_a_newline_in_a_value_reads_the_same_in_every_sentence(tmp_path: Path) -> None:
    value = "a\nb"
    quoted = messages.UNKNOWN_CHOICE.format(field="format", value=value, choices="x")
    plain = messages.VAULT_MISSING.format(path=Path(value))
    assert "'a\\x0ab'" in quoted
    assert "a\\x0ab" in plain
    assert "\n" not in quoted + plain


def test_init_folder_note_shows_the_folder_escaped(tmp_path: Path) -> None:
    path = tmp_path / f"new{HACK}" / "vault.peerdesk"
    result = Cli(path)("init", "--passphrase-stdin", input=PASSPHRASE + " extra words\n")
    assert "\x1b" not in result.output and "\x07" not in result.output
    assert "\\x1b]0;HACKED\\x07" in result.output
