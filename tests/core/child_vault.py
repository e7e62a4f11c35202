"""A second peerdesk process for the core tests: holds, writes to, or rekeys a vault.

Usage: python child_vault.py MODE VAULT_PATH, with the passphrases in the environment
(CHILD_PASSPHRASE, CHILD_NEW_PASSPHRASE) so they never show up in a process listing.
It prints one line when it reaches the interesting point, so the parent knows when
to act (look, or kill -9).
"""

from __future__ import annotations

import os
import secrets
import signal
import sys
from dataclasses import replace
from pathlib import Path

from peerdesk.vault import Vault


def say(line: str) -> None:
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def hold(vault: Vault) -> None:
    """Keep the vault open until the parent writes a line (or closes our stdin)."""
    say("ready")
    sys.stdin.readline()


def write_forever(vault: Vault) -> None:
    """Commit settings and large rows in a tight loop until someone kills us."""
    round_no = 0
    while True:
        round_no += 1
        checklist = f"checklist {round_no} " + secrets.token_hex(1500)
        vault.save_settings(replace(vault.settings(), escalation_checklist=checklist))
        with vault.transaction() as conn:
            conn.executemany(
                "INSERT INTO settings(key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [
                    (f"bulk-{(round_no * 7 + i) % 50}", '"' + secrets.token_hex(20_000) + '"')
                    for i in range(5)
                ],
            )
            conn.execute("DELETE FROM settings WHERE key = ?", (f"bulk-{round_no % 50}",))
        if round_no == 1:
            say("writing")


def contacts_forever(vault: Vault) -> None:
    """Add contacts in batches and delete some, in a tight loop until someone kills us."""
    from datetime import UTC, date, datetime

    from peerdesk.models.contacts import ContactFields
    from peerdesk.vault import contacts

    fields = ContactFields(contact_date=date(2026, 3, 2), topics=("sleep",), note="night shift")
    round_no = 0
    while True:
        round_no += 1
        with vault.transaction() as conn:
            added = [contacts.add(conn, fields, datetime.now(UTC)) for _ in range(50)]
            for contact_id in added[::7]:
                contacts.delete(conn, contact_id)
        if round_no == 1:
            say("writing")


def rekey(vault: Vault) -> None:
    """Change the passphrase; the parent kills us somewhere inside it."""
    say("rekeying")
    vault.change_passphrase(os.environ["CHILD_NEW_PASSPHRASE"])
    say("rekeyed")


def backup_killed(vault: Vault) -> None:
    """Back up to CHILD_BACKUP_TO and SIGKILL ourselves as the step CHILD_KILL_AT (a
    progress wording of the backup) starts: a crash at that point, no seam needed."""
    from peerdesk.vault.backup import backup

    kill_at = os.environ["CHILD_KILL_AT"]

    def told(doing: str, done: int, total: int) -> None:
        if doing == kill_at:
            os.kill(os.getpid(), signal.SIGKILL)

    backup(vault, Path(os.environ["CHILD_BACKUP_TO"]), progress=told)
    say("not killed")


MODES = {
    "hold": hold,
    "write": write_forever,
    "contacts": contacts_forever,
    "rekey": rekey,
    "backup": backup_killed,
}


def main() -> None:
    mode, path = sys.argv[1], Path(sys.argv[2])
    vault = Vault.unlock(path, os.environ["CHILD_PASSPHRASE"])
    try:
        MODES[mode](vault)
    finally:
        vault.close()


if __name__ == "__main__":
    main()
