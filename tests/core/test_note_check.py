"""The note warnings catch identifying details and stay quiet on category talk."""

from __future__ import annotations

import pytest

from peerdesk import messages
from peerdesk.note_check import check_note


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("talked about sleep and the new schedule", []),
        ("Critical Incident debrief went ok", []),
        ("Talked about shift work", []),
        ("call him at 555-123-4567", ["phone"]),
        ("cell (555) 123 4567", ["phone"]),
        ("wrote to j.doe@example.org", ["email"]),
        ("Badge 4521 guy", ["badge"]),
        ("unit #4412", ["badge"]),
        ("case # 2026-00123", ["case"]),
        ("IR 24-00991 came up", ["case"]),
        ("report 12345", ["case"]),
        ("lives at 42 Oak Street", ["address"]),
        ("Officer Smith was upset", ["name"]),
        ("talked with John Smith today", ["name"]),
        ("Sgt. Lopez at 555-867-5309", ["phone", "name"]),
    ],
)
def test_kinds(text: str, kinds: list[str]) -> None:
    assert sorted(w.kind for w in check_note(text)) == sorted(kinds)


def test_every_kind_has_wording() -> None:
    samples = "Ofc Smith 555-123-4567 a@b.org badge 123 case 4455 12 Elm Street"
    kinds = {w.kind for w in check_note(samples)}
    assert kinds == set(messages.NOTE_WARNINGS)


def test_huge_and_control_text_does_not_crash() -> None:
    check_note("x" * 1_000_000)
    check_note("\x1b[2J\x00\x07 [red]Smith[/] 555-123-4567")
