"""`peerdesk demo`: a throwaway vault for newcomers, never the real one.

The demo lives in a fresh temporary folder with a generated passphrase that is
printed on purpose (it protects nothing real). `seed_demo` fills it with example
data; each feature that stores something adds its own examples there.
"""

from __future__ import annotations

import secrets
import shutil
import tempfile
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from peerdesk.paths import VAULT_FILENAME, default_vault_path
from peerdesk.synthetic import clinicians as synthetic_clinicians
from peerdesk.synthetic import contacts as synthetic_contacts
from peerdesk.synthetic import referrals as synthetic_referrals
from peerdesk.vault import Vault

FOLDER_PREFIX = "peerdesk-demo-"
DEMO_CLINICIANS = 40
DEMO_CONTACTS = 140


@dataclass(frozen=True)
class DemoVault:
    """Where the demo was made and how to open it."""

    folder: Path
    vault_path: Path
    passphrase: str

    def remove(self) -> None:
        """Delete the whole demo folder (vault, WAL, lock file)."""
        shutil.rmtree(self.folder)


def demo_passphrase() -> str:
    """Easy to type from the screen, random enough for a throwaway."""
    return "-".join(secrets.token_hex(2) for _ in range(4))


def seed_demo(vault: Vault) -> None:
    """Fill a demo vault with examples of everything that exists so far.

    A longer idle lock so a newcomer can look around; half a year of synthetic
    contacts (recent ones with short notes and handles) with open follow-ups and a
    colleague's concern; the clinician directory. Later issues add referrals here.
    """
    vault.save_settings(replace(vault.settings(), idle_lock_minutes=30))
    synthetic_contacts.fill(vault, count=DEMO_CONTACTS, months=6, today=date.today())
    # The clinician directory: ~40 fictional entries (555-01xx phones, example.org).
    synthetic_clinicians.fill(vault, count=DEMO_CLINICIANS, today=date.today())
    # Referrals in every status, one due for a check-back today.
    synthetic_referrals.fill(vault, today=date.today())


def create_demo(parent: Path | None = None) -> DemoVault:
    """Make and seed a demo vault in a new temporary folder (under `parent` if given)."""
    folder = Path(tempfile.mkdtemp(prefix=FOLDER_PREFIX, dir=parent))
    vault_path = folder / VAULT_FILENAME
    if vault_path.resolve() == default_vault_path().resolve():
        # Cannot happen with a fresh mkdtemp folder; refuse loudly rather than risk it.
        shutil.rmtree(folder)
        raise RuntimeError("demo vault would be the real vault")
    demo = DemoVault(folder, vault_path, demo_passphrase())
    try:
        with Vault.create(vault_path, demo.passphrase) as vault:
            seed_demo(vault)
    except BaseException:
        demo.remove()
        raise
    return demo
