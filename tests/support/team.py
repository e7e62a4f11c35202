"""A team of real vaults for team-key tests: a lead and peers, each its own vault file.

Each vault is a copy of the session's template vault, then made lead or joined
through the real CLI; contacts are logged through the core (the CLI's own add is
tested elsewhere), so a test spends its time on what it checks.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from peerdesk.models.contacts import ContactFields
from peerdesk.vault import Vault, logbook, team
from tests.conftest import PASSPHRASE, copy_template
from tests.support.cli import Cli

ENV = {"PEERDESK_PASSPHRASE": PASSPHRASE}
MONTH = "2026-11"
DAY = date(2026, 11, 12)


@dataclass(frozen=True)
class Member:
    name: str
    vault: Path

    @property
    def cli(self) -> Cli:
        return Cli(self.vault)

    def run(self, *args: str, input: str | None = None) -> str:
        """Run a command that must succeed; stdout and stderr together."""
        result = self.cli(*args, input=input, env=ENV)
        assert result.exit_code == 0, result.output
        return result.stdout + result.stderr

    def refused(self, *args: str) -> str:
        """Run a command that must fail with a sentence (no traceback: Cli checks)."""
        result = self.cli(*args, env=ENV)
        assert result.exit_code == 1, result.output
        return result.stderr

    def log(self, count: int, *, minutes: int = 20, topics: tuple[str, ...] = ("sleep",)) -> None:
        with Vault.unlock(self.vault, PASSPHRASE) as vault:
            for _ in range(count):
                fields = ContactFields(contact_date=DAY, topics=topics, minutes=minutes)
                logbook.save_contact(vault, fields, today=DAY)

    def send_month(self, out: Path, month: str = MONTH) -> Path:
        self.run("report", "month", month, "--format", "json", "-o", str(out))
        return out

    def own_key_id(self) -> str:
        with Vault.unlock(self.vault, PASSPHRASE) as vault:
            return team.membership(vault.conn).own_key.public().key_id_text()


def member(template: Path, root: Path, name: str) -> Member:
    return Member(name, copy_template(template, root / name / "vault.peerdesk"))


def make_lead(template: Path, root: Path, name: str = "lead") -> tuple[Member, str]:
    """A lead's vault with new team keys, and the team's public string."""
    lead = member(template, root, name)
    lead.run("team", "create")
    with Vault.unlock(lead.vault, PASSPHRASE) as vault:
        return lead, team.lead_keys(vault.conn).public().text()


def join(template: Path, root: Path, name: str, string: str) -> Member:
    peer = member(template, root, name)
    peer.run("team", "join", string, "--yes")
    return peer
