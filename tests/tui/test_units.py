"""The small pure parts under the TUI: idle clock, retry wait, passphrase strength."""

from __future__ import annotations

import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from peerdesk import messages
from peerdesk.passphrase_strength import Strength, rate
from peerdesk.tui.idle import FakeClock, IdleWatch
from peerdesk.tui.lockout import RetryDelay
from peerdesk.tui.opening import Refused, open_safely
from peerdesk.vault import Vault


def test_idle_takes_the_larger_of_wall_and_monotonic() -> None:
    wall, mono = FakeClock(), FakeClock()
    watch = IdleWatch(5, wall=wall, monotonic=mono)
    mono.advance(299)
    assert not watch.expired()
    wall.advance(600)  # a suspend: only the wall clock moved
    assert watch.elapsed() == 600 and watch.expired()
    watch.touch()
    assert watch.elapsed() == 0 and not watch.expired()
    wall.advance(-7200)  # clock set back: monotonic still counts
    mono.advance(300)
    assert watch.expired()


def test_retry_delay_grows_after_three_failures_and_caps() -> None:
    clock = FakeClock()
    retry = RetryDelay(monotonic=clock)
    assert [retry.delay_for(n) for n in range(1, 10)] == [0, 0, 1, 2, 4, 8, 16, 30, 30]
    assert retry.failed() == 0 and retry.remaining() == 0
    retry.failed()
    assert retry.failed() == 1
    assert retry.remaining_shown() == 1
    clock.advance(0.5)
    assert 0 < retry.remaining() <= 0.5 and retry.remaining_shown() == 1
    clock.advance(0.5)
    assert retry.remaining() == 0
    retry.succeeded()
    assert retry.failures == 0 and retry.remaining() == 0


def test_retry_delay_scale_shrinks_the_real_wait_not_the_shown_one() -> None:
    clock = FakeClock()
    retry = RetryDelay(monotonic=clock, scale=0.01)
    for _ in range(4):
        retry.failed()
    assert retry.last_delay == 2
    assert retry.remaining() == pytest.approx(0.02)
    assert retry.remaining_shown() == 2


@pytest.mark.parametrize(
    ("passphrase", "expected"),
    [
        ("", Strength.EMPTY),
        ("abc", Strength.WEAK),
        ("password123", Strength.WEAK),
        ("Summer2024!", Strength.WEAK),
        ("aaaaaaaaaaaaaaaaaaaaaaaa", Strength.WEAK),
        ("qwertyuiop1234567890", Strength.WEAK),
        # Clever substitutions are what a cracker tries first: below the floor.
        ("Tr0ub4dor&3", Strength.WEAK),
        ("blue truck at dawn", Strength.FAIR),
        ("correct horse battery staple", Strength.STRONG),
        ("plum ferry orbit lantern", Strength.STRONG),
    ],
)
def test_strength_levels(passphrase: str, expected: Strength) -> None:
    assert rate(passphrase).strength is expected


def test_every_level_has_a_sentence() -> None:
    assert len({level.sentence for level in Strength}) == len(Strength)


def test_strength_module_does_not_load_textual() -> None:
    code = (
        "import sys, peerdesk.passphrase_strength; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_no_sentence_in_messages_is_defined_twice() -> None:
    """The package re-exports every area module: a name reused in two areas silently wins."""
    folder = Path(messages.__file__).parent
    source = "\n".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.py")))
    names = re.findall(r"^([A-Z][A-Z0-9_]*)\s*=", source, flags=re.MULTILINE)
    assert len(names) > 500
    assert [name for name, count in Counter(names).items() if count > 1] == []


def test_every_tui_sentence_exists() -> None:
    """The TUI's own names, so a rename elsewhere fails here rather than on screen."""
    for name in ("KEYS_ON_PASSPHRASE", "UNLOCK_WAIT", "PASSPHRASE_MISMATCH", "OPEN_UNEXPECTED"):
        assert isinstance(getattr(messages, name), str)


def test_open_safely_turns_any_failure_into_a_sentence_without_the_passphrase() -> None:
    """Textual's crash report prints frame locals, so nothing may escape the worker."""

    def broken_opener() -> Vault:
        secret = "correct horse battery staple"
        raise RuntimeError(f"boom near {secret}")

    result = open_safely(broken_opener)
    assert isinstance(result, Refused)
    assert result.sentence == messages.OPEN_UNEXPECTED.format(kind="RuntimeError")
    assert not result.wrong_passphrase
