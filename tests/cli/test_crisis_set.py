"""`peerdesk crisis set`: the agency's own lines, without a vault."""

from __future__ import annotations

import pytest

from peerdesk.crisis import default_path, load_crisis_lines
from tests.support.cli import Cli


def test_set_the_eap_then_it_shows(cli: Cli) -> None:
    result = cli(
        "crisis", "set", "eap", "--number", "555-0100", "--how", "Call 555-0100, 24/7",
        "--verified-on", "2026-11-01", with_vault=False,
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    (eap,) = [line for line in load_crisis_lines() if line.id == "eap"]
    assert (eap.number, eap.how, eap.verified_on.isoformat()) == (  # type: ignore[union-attr]
        "555-0100",
        "Call 555-0100, 24/7",
        "2026-11-01",
    )
    shown = cli("crisis", with_vault=False).stdout
    assert "Call 555-0100, 24/7 (verified 2026-11-01)" in shown
    assert "988" in shown


def test_a_new_line_needs_name_and_number(cli: Cli) -> None:
    refused = cli("crisis", "set", "union-rep", "--number", "555-0199", with_vault=False)
    assert refused.exit_code == 1
    assert "needs --name and --number" in refused.stderr
    added = cli(
        "crisis", "set", "union-rep", "--name", "Union rep [b]x[/b]", "--number", "555-0199",
        with_vault=False,
    )  # fmt: skip
    assert added.exit_code == 0
    assert "Union rep [b]x[/b]" in cli("crisis", with_vault=False).stdout


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--verified-on", "2026-02-30"], "does not exist"),
        (["--number", "555\x1b[2J"], "control characters"),
        (["--note", "x" * 201], "at most 200 characters"),
    ],
)
def test_bad_values_change_nothing(cli: Cli, args: list[str], expected: str) -> None:
    result = cli("crisis", "set", "eap", *args, with_vault=False)
    assert result.exit_code == 1
    assert expected in result.stderr
    assert not default_path().exists()
