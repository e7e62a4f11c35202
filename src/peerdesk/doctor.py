"""`peerdesk doctor`: a self-check a peer (or the team's IT person) can read.

`examine()` is a pure core function: it returns a DoctorReport and prints nothing,
so the CLI and the TUI can show the same findings. It never changes the vault: the
plain-SQLite probe opens the file read-only, and a damaged vault is opened read-only
by Vault.unlock itself.
"""

from __future__ import annotations

import sqlite3
import stat
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from peerdesk import messages
from peerdesk.platform_support import MODES_MEAN_PRIVACY, core_dumps, platform_facts
from peerdesk.vault import InstanceLock, Vault, VaultBusy, VaultError, VaultMissing, leftovers
from peerdesk.vault.migrate import latest_version
from peerdesk.vault.private_files import DIR_MODE, FILE_MODE
from peerdesk.vault.sqlcipher import cipher_facts

SQLITE_HEADER = b"SQLite format 3\x00"
KDF_ITER_MIN = 256_000  # SQLCipher 4's default; anything lower is weaker than shipped


@dataclass(frozen=True)
class Check:
    """One finding: a label, whether it passed, and what was seen."""

    label: str
    ok: bool
    detail: str


@dataclass(frozen=True)
class DoctorReport:
    """Everything doctor found, in the order it looked."""

    vault_path: Path
    checks: tuple[Check, ...]

    @property
    def ok(self) -> bool:
        return all(check.ok for check in self.checks)

    @property
    def problems(self) -> tuple[Check, ...]:
        return tuple(check for check in self.checks if not check.ok)


def examine(vault_path: Path, passphrase: str, *, lock: InstanceLock | None = None) -> DoctorReport:
    """Check the vault at `vault_path`. Raises VaultMissing / VaultBusy; reports the rest.

    A wrong passphrase is reported as a failed check, not raised: the file-level checks
    (permissions, not plain SQLite) still tell the peer something useful.
    """
    vault_path = Path(vault_path)
    if not vault_path.is_file():
        raise VaultMissing(messages.VAULT_MISSING.format(path=vault_path))
    checks = [
        _mode_check(messages.DOCTOR_FILE_MODE, vault_path, FILE_MODE),
        _mode_check(messages.DOCTOR_DIR_MODE, vault_path.parent, DIR_MODE),
        _plaintext_check(vault_path),
        _leftovers_check(vault_path),
        _core_dump_check(),
        Check(messages.DOCTOR_PLATFORM, True, platform_facts()),
    ]
    try:
        vault = Vault.unlock(vault_path, passphrase, lock=lock)
    except VaultBusy:
        raise
    except VaultError as exc:
        checks.append(Check(messages.DOCTOR_UNLOCK, False, str(exc)))
        return DoctorReport(vault_path, tuple(checks))
    try:
        checks.append(Check(messages.DOCTOR_UNLOCK, True, messages.DOCTOR_UNLOCK_OK))
        checks += _cipher_checks(vault)
        checks.append(_integrity_check(vault))
        checks.append(
            Check(
                messages.DOCTOR_SCHEMA,
                True,
                messages.DOCTOR_SCHEMA_DETAIL.format(
                    found=vault.schema_version(), known=latest_version()
                ),
            )
        )
    finally:
        vault.close()
    return DoctorReport(vault_path, tuple(checks))


def _mode_check(label: str, path: Path, wanted: int) -> Check:
    if not MODES_MEAN_PRIVACY:  # Windows: the ACL decides, and stat only makes modes up
        return Check(label, True, messages.DOCTOR_MODE_NOT_CHECKED)
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode == wanted:
        return Check(label, True, messages.DOCTOR_MODE_OK.format(path=path, mode=f"{mode:04o}"))
    return Check(
        label,
        False,
        messages.DOCTOR_MODE_BAD.format(path=path, mode=f"{mode:04o}", wanted=f"{wanted:04o}"),
    )


def _leftovers_check(vault_path: Path) -> Check:
    """Copies an interrupted backup or restore left beside the vault: retention never
    reaches them, so they may still hold note text the vault has wiped."""
    found = leftovers.find(vault_path)
    if not found:
        return Check(messages.DOCTOR_LEFTOVERS, True, messages.DOCTOR_LEFTOVERS_NONE)
    names = ", ".join(path.name for path in found)
    return Check(
        messages.DOCTOR_LEFTOVERS, False, messages.DOCTOR_LEFTOVERS_FOUND.format(names=names)
    )


def _core_dump_check() -> Check:
    """Whether a crash of this very process could write its memory to disk."""
    found = core_dumps()
    if found.off is None:
        return Check(messages.DOCTOR_CORE_DUMPS, True, messages.DOCTOR_CORE_DUMPS_NONE)
    if found.off:
        return Check(messages.DOCTOR_CORE_DUMPS, True, messages.DOCTOR_CORE_DUMPS_OFF)
    if not found.hardened:  # embedded (tests, a script importing peerdesk): not ours to judge
        return Check(messages.DOCTOR_CORE_DUMPS, True, messages.DOCTOR_CORE_DUMPS_EMBEDDED)
    detail = messages.DOCTOR_CORE_DUMPS_ON.format(
        limit=found.limit, dumpable=found.dumpable, missing=found.missing or "-"
    )
    return Check(messages.DOCTOR_CORE_DUMPS, False, detail)


def _plaintext_check(path: Path) -> Check:
    """Prove the file is not plain SQLite: no SQLite header, and stdlib sqlite3 cannot read it."""
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header == SQLITE_HEADER:
        return Check(messages.DOCTOR_PLAINTEXT, False, messages.DOCTOR_PLAINTEXT_HEADER)
    if _stdlib_sqlite_can_read(path):
        return Check(messages.DOCTOR_PLAINTEXT, False, messages.DOCTOR_PLAINTEXT_READABLE)
    return Check(messages.DOCTOR_PLAINTEXT, True, messages.DOCTOR_PLAINTEXT_OK)


def _stdlib_sqlite_can_read(path: Path) -> bool:
    """True if the standard library's (unencrypted) sqlite3 can read the schema."""
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
    except sqlite3.Error:
        return False
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
    return True


def _cipher_checks(vault: Vault) -> list[Check]:
    facts = cipher_facts(vault.conn)
    version = Check(
        messages.DOCTOR_SQLCIPHER,
        bool(facts.get("cipher_version")),
        messages.DOCTOR_SQLCIPHER_DETAIL.format(
            version=facts.get("cipher_version", "?"),
            provider=facts.get("cipher_provider", "?"),
            sqlite=facts.get("sqlite_version", "?"),
        ),
    )
    kdf_iter = facts.get("kdf_iter", "")
    kdf_ok = kdf_iter.isdigit() and int(kdf_iter) >= KDF_ITER_MIN
    kdf_detail = messages.DOCTOR_KDF_DETAIL.format(
        kdf=facts.get("cipher_kdf_algorithm", "?"),
        kdf_iter=kdf_iter or "?",
        hmac=facts.get("cipher_hmac_algorithm", "?"),
        page_size=facts.get("cipher_page_size", "?"),
    )
    if not kdf_ok:
        kdf_detail += " " + messages.DOCTOR_KDF_WEAK.format(minimum=KDF_ITER_MIN)
    return [version, Check(messages.DOCTOR_KDF, kdf_ok, kdf_detail)]


def _integrity_check(vault: Vault) -> Check:
    if vault.health.ok:
        return Check(messages.DOCTOR_INTEGRITY, True, messages.DOCTOR_INTEGRITY_OK)
    shown = "; ".join(vault.health.problems[:3])
    return Check(
        messages.DOCTOR_INTEGRITY, False, messages.DOCTOR_INTEGRITY_BAD.format(problems=shown)
    )
