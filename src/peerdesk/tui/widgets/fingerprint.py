"""A team's fingerprint, large: what two people read aloud to each other before a join.

Twenty-four digits are easy to misread in small print in a dark car, so the six groups
are drawn in Textual's three-line digits (two rows of three groups, 42 columns), with
the same digits in plain text underneath for anyone who reads those more easily.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Digits, Static

GROUPS_PER_ROW = 3


class Fingerprint(Vertical):
    """The groups of a fingerprint ("0412 9931 ...") in large digits, then in plain text."""

    def __init__(self, fingerprint: str, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="fingerprint")
        self.fingerprint = fingerprint

    def compose(self) -> ComposeResult:
        groups = self.fingerprint.split()
        for start in range(0, len(groups), GROUPS_PER_ROW):
            yield Digits(" ".join(groups[start : start + GROUPS_PER_ROW]))
        yield Static(Text(self.fingerprint), classes="fingerprint-plain")
