"""The Vault: one open, keyed, hardened connection to the peer's encrypted file.

Create and unlock are separate on purpose: unlock never creates a file, and create
refuses an existing one. A Vault owns its connection and (unless handed one) its
instance lock; `close()` leaves no open handle on the vault file.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Literal

from peerdesk import messages
from peerdesk.models.contacts import PurgeReport
from peerdesk.progress import Progress, silent
from peerdesk.vault import full_check_log, migrate, retention, values
from peerdesk.vault import settings as settings_repo
from peerdesk.vault.background_check import BackgroundCheck
from peerdesk.vault.errors import (
    InvalidPassphrase,
    VaultDamaged,
    VaultError,
    VaultExists,
    VaultMissing,
    VaultReadOnly,
    WrongPassphrase,
)
from peerdesk.vault.instance_lock import InstanceLock
from peerdesk.vault.loan import Loan
from peerdesk.vault.private_files import (
    SIDE_FILES,
    create_private_file,
    private_folder,
    remove_empty_wal,
)
from peerdesk.vault.settings import Settings
from peerdesk.vault.side_reader import SideReader
from peerdesk.vault.sqlcipher import (
    Connection,
    connect,
    connect_unread,
    integrity_problems,
    normalise_passphrase,
    sql_string,
)
from peerdesk.vault.sqlite_errors import VaultDamaged as PageDamaged
from peerdesk.vault.sqlite_errors import guard, mapped
from peerdesk.vault.transactions import table_counts, transaction

# How Vault.unlock checks the whole file (every page decrypted, ~7 ms per MB):
# "full" before it returns (doctor, restore); "deferred" not at all, but it hands back
# a BackgroundCheck to run after home is drawn (the app); "daily" only when the last
# passed check is a day old (most CLI commands); "none" never (backup, whose export
# reads every table's pages and checks the vault whole only when one is damaged; see
# peerdesk.vault.backup). SQLCipher refuses a damaged page whenever one is read,
# whichever is chosen.
Checks = Literal["full", "deferred", "daily", "none"]


@dataclass(frozen=True)
class Health:
    """What the integrity checks found when the vault was opened."""

    problems: tuple[str, ...] = ()

    @property
    def ok(self) -> bool:
        return not self.problems


class Vault:
    """An unlocked vault. Build one with `Vault.create` or `Vault.unlock`."""

    def __init__(
        self,
        path: Path,
        conn: Connection,
        lock: InstanceLock | None,
        *,
        owns_lock: bool,
        read_only: bool,
        health: Health,
    ) -> None:
        self.path = path
        # Every read and write goes through the guard, so SQLite's storage errors
        # (full, I/O, read-only, busy, damaged) arrive as typed vault errors.
        self._conn: Connection | None = guard(conn)
        self._lock = lock
        self._owns_lock = owns_lock
        self.read_only = read_only
        self.health = health
        # The deferred whole-file check, when unlock was asked for one (see unlock).
        self.background_check: BackgroundCheck | None = None
        # How much expired text the unlock wiped (None: nothing was checked).
        self.purged_on_unlock: PurgeReport | None = None
        # The connection for reads in worker threads, when the opener asked for one.
        self.side_reader: SideReader | None = None
        self._loan: Loan | None = None  # the connection lent to a worker (vault.loan)
        # Hears every step of lent work, in the worker, before its screen (tests pause there).
        self.work_watch: Progress = silent

    # --- opening and closing ------------------------------------------------
    @classmethod
    def create(
        cls,
        path: Path,
        passphrase: str,
        *,
        lock: InstanceLock | None = None,
        side_reader: bool = False,
    ) -> Vault:
        """Make a new encrypted vault: 0700 folder, 0600 file, WAL, schema applied.

        `side_reader` also keys the connection for worker-thread reads (see SideReader).
        """
        key = normalise_passphrase(passphrase)
        path = Path(path)
        if path.exists() or path.is_symlink():
            raise VaultExists(messages.VAULT_EXISTS.format(path=path))
        private_folder(path)
        own_lock = lock is None
        lock = lock or InstanceLock.acquire(path)
        try:
            create_private_file(path)
            lock.cover_file()  # now that the file has an identity, hard links share it
            conn = None
            try:
                conn = connect(path, key, mode="rw")
                conn = guard(conn)
                # Before any table exists: lets a purge hand freed pages back to the OS.
                conn.execute("PRAGMA auto_vacuum = INCREMENTAL")
                conn.execute("PRAGMA journal_mode = WAL")
                conn.execute("PRAGMA synchronous = NORMAL")
                migrate.migrate(conn)
                with transaction(conn):
                    settings_repo.save(conn, Settings())
                    # A new vault is whole by construction: the first day's commands
                    # need not read every page of it again.
                    full_check_log.record(conn, values.utc_now())
                reader = _side_reader(path, key) if side_reader else None
            except BaseException:
                if conn is not None:
                    conn.close()
                for suffix in ("", *SIDE_FILES):
                    Path(str(path) + suffix).unlink(missing_ok=True)
                raise
        except BaseException:
            if own_lock:
                lock.release()
            raise
        vault = cls(path, conn, lock, owns_lock=own_lock, read_only=False, health=Health())
        vault.side_reader = reader
        return vault

    @classmethod
    def unlock(
        cls,
        path: Path,
        passphrase: str,
        *,
        lock: InstanceLock | None = None,
        purge_expired: bool = True,
        checks: Checks = "full",
        side_reader: bool = False,
        now: Callable[[], datetime] = lambda: datetime.now(UTC),
    ) -> Vault:
        """Open an existing vault. Runs the KDF: call it from a worker thread in the TUI.

        A failed integrity check opens the vault read-only instead of refusing: the
        peer can still read (and back up) what is there, and nothing is overwritten.
        Expired note text is wiped here unless `purge_expired` is False (a dry run).
        `checks` says when the whole-file checks run (see Checks); with "deferred" the
        caller runs `vault.background_check` and calls `turn_read_only` on damage.
        A damaged page met by the migration or the purge on the way falls back to the
        full checks at once, as if they had been asked for. `now` is the clock of the
        daily check. `side_reader` also keys the connection for worker-thread reads
        (the app's counts; see SideReader), read-only vaults included.
        """
        path = Path(path)
        if not path.is_file():
            raise VaultMissing(messages.VAULT_MISSING.format(path=path))
        own_lock = lock is None
        lock = lock or InstanceLock.acquire(path)
        conn = None
        purged: PurgeReport | None = None
        try:
            # The passphrase, not a VaultKey: SQLCipher's KDF is the fastest one peerdesk
            # has (its OpenSSL; hashlib's took ~16% longer), and this is the wait the
            # peer sees. The two connections below run theirs in workers, after home.
            conn = guard(connect(path, passphrase, mode="rw"))
            if migrate.current_version(conn) == 0:
                # An empty file (cut to 0 bytes, or a create that never finished) keys with
                # any passphrase; unlock must never turn it into a fresh vault.
                raise WrongPassphrase(messages.WRONG_PASSPHRASE)
            checked = checks == "full" or (checks == "daily" and full_check_log.due(conn, now()))
            problems = integrity_problems(conn) if checked else []
            if not problems:
                try:
                    conn.execute("PRAGMA journal_mode = WAL")
                    conn.execute("PRAGMA synchronous = NORMAL")
                    migrate.migrate(conn)
                    purged = _purge_expired_text(conn) if purge_expired else None
                except (VaultDamaged, PageDamaged):  # the schema's pages, or any other
                    if checked:
                        raise
                    problems = integrity_problems(conn)
                    if not problems:
                        raise
            if problems:
                conn.close()
                conn = guard(connect(path, passphrase, mode="ro"))
                damaged = cls(
                    path,
                    conn,
                    lock,
                    owns_lock=own_lock,
                    read_only=True,
                    health=Health(tuple(problems)),
                )
                damaged.side_reader = _side_reader(path, passphrase) if side_reader else None
                return damaged
            if checked and checks == "daily":  # a write only where the daily check asks
                with transaction(conn):
                    full_check_log.record(conn, now())
            background = (
                BackgroundCheck(guard(connect_unread(path, passphrase)))
                if checks == "deferred"
                else None
            )
            try:
                reader = _side_reader(path, passphrase) if side_reader else None
            except BaseException:
                if background is not None:
                    background.cancel()
                raise
        except BaseException:
            if conn is not None:
                conn.close()
            if own_lock:
                lock.release()
            raise
        vault = cls(path, conn, lock, owns_lock=own_lock, read_only=False, health=Health())
        vault.purged_on_unlock = purged
        vault.background_check = background
        vault.side_reader = reader
        return vault

    def close(self) -> None:
        """Close the connection (and our instance lock, if we took it). Idempotent.

        A close that SQLite refuses (an I/O error writing the last of the WAL back) still
        drops our handle: the file stays consistent, and the next open recovers the WAL.
        """
        self.stop_work()  # never close the connection under a worker's write
        conn, self._conn = self._conn, None
        check, self.background_check = self.background_check, None
        reader, self.side_reader = self.side_reader, None
        try:
            if check is not None:
                check.cancel()  # first: its connection is a handle on the file too
            if reader is not None:
                reader.close()  # likewise; a count running in a worker stops
            if conn is not None:
                with mapped():
                    conn.close()
                if self.read_only:
                    remove_empty_wal(self.path)
        finally:
            if self._owns_lock and self._lock is not None:
                self._lock.release()

    def turn_read_only(self, health: Health) -> str | None:
        """The deferred check found damage: refuse every write from now on, at once.

        Like a damaged unlock, nothing more is written: long work in a worker (an
        import) is stopped and rolled back first, `transaction` refuses with
        VAULT_READ_ONLY, and query_only makes SQLite refuse any write that would not
        go through it. What was written before the check finished (the unlock's purge)
        touched only pages whose HMAC had passed. Returns what was stopped, if anything
        (Vault.stop_work).
        """
        stopped = self.stop_work()
        self.read_only = True
        self.health = health
        self.conn.execute("PRAGMA query_only = ON")
        return stopped

    @property
    def is_open(self) -> bool:
        return self._conn is not None

    def __enter__(self) -> Vault:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    # --- access for repositories --------------------------------------------
    @property
    def conn(self) -> Connection:
        """The live connection; repositories use it for reads. While it is lent
        (`lend`), only the worker holding it gets it."""
        if self._conn is None:
            raise VaultError("The vault is locked.")
        if self._loan is not None and not self._loan.holds():
            raise VaultError(messages.VAULT_WORKING)
        return self._conn

    def lend(self, what: str) -> Loan:
        """Lend the connection to the worker that enters the loan (peerdesk.vault.loan);
        from now until it is returned, nobody else may use it. `what` names the work
        in a sentence (what a lock stopped)."""
        loan = Loan(self.conn, what, self._returned)  # refused when locked or lent
        loan.watch = self.work_watch
        self._loan = loan
        return loan

    @property
    def working(self) -> bool:
        """Whether the connection is lent to a worker right now."""
        return self._loan is not None

    def _returned(self, loan: Loan) -> None:
        if self._loan is loan:
            self._loan = None

    def stop_work(self) -> str | None:
        """Stop a worker's loan, if one is out, and wait for the connection; the loan's
        `what` if its work was stopped before it finished (it wrote nothing)."""
        loan, self._loan = self._loan, None
        return loan.what if loan is not None and loan.stop() else None

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One transaction per user action: BEGIN IMMEDIATE .. COMMIT, or ROLLBACK."""
        if self.read_only:
            raise VaultReadOnly(messages.VAULT_READ_ONLY)
        with transaction(self.conn) as conn:
            yield conn

    # --- settings -----------------------------------------------------------
    def settings(self) -> Settings:
        return settings_repo.load(self.conn)

    def save_settings(self, new: Settings) -> None:
        with self.transaction() as conn:
            settings_repo.save(conn, new)

    # --- passphrase ---------------------------------------------------------
    def change_passphrase(self, new_passphrase: str) -> None:
        """Rekey, then prove it by opening the file afresh with the new passphrase.

        SQLCipher's rekey rewrites every page in one transaction; a crash mid-way
        leaves a file that opens with exactly one of the two passphrases.
        """
        if self.read_only:
            raise VaultReadOnly(messages.VAULT_READ_ONLY)
        new_key = normalise_passphrase(new_passphrase)
        reader, self.side_reader = self.side_reader, None
        if reader is not None:
            reader.close()  # keyed with the old passphrase: it could not read the new pages
        self.conn.execute(f"PRAGMA rekey = {sql_string(new_key)}")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try:
            probe = connect(self.path, new_key, mode="ro")
        except WrongPassphrase:
            raise InvalidPassphrase(messages.PASSPHRASE_CHANGE_UNVERIFIED) from None
        probe.close()

    # --- facts --------------------------------------------------------------
    def schema_version(self) -> int:
        return migrate.current_version(self.conn)

    def table_counts(self) -> dict[str, int]:
        """Rows per ordinary table; backups compare these to verify a copy."""
        return table_counts(self.conn)

    def check_integrity(self) -> Health:
        return Health(tuple(integrity_problems(self.conn)))


def _purge_expired_text(conn: Connection) -> PurgeReport:
    """Retention runs on every unlock, so expired text never outlives a session."""
    days = settings_repo.load(conn).retention_days
    with transaction(conn):
        report = retention.wipe_expired(conn, datetime.now(UTC), days)
    if report.total:
        retention.reclaim(conn)
    return report


def _side_reader(path: Path, passphrase: str) -> SideReader:
    """Key (but do not read) the connection for worker-thread reads: no KDF here."""
    return SideReader(guard(connect_unread(path, passphrase)))
