"""Opening a vault from a screen: the worker-thread half and the messages it posts.

Set-up and unlock both run the KDF (about 150 ms) in a thread worker so the spinner
and typing never freeze, then post a past-tense message: `VaultUnlocked` or
`VaultCreated` up to the app (which owns the vault from then on), or `UnlockFailed`
back to the screen.

Every exception is turned into a sentence here on purpose: Textual's crash report
prints the local variables of every frame, and the frames below this one hold the
passphrase. A crash report must never show it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from textual.message import Message
from textual.screen import Screen

from peerdesk import messages
from peerdesk.vault.errors import VaultError, WrongPassphrase

if TYPE_CHECKING:
    # Types only: the vault and its repositories load in the worker thread that opens
    # it (or in the app's warm-up), not before the unlock screen is drawn.
    from peerdesk.models.contacts import FollowUp
    from peerdesk.models.referrals import Referral
    from peerdesk.vault import Settings, Vault


@dataclass(frozen=True)
class Opened:
    """An open vault plus the facts the home screen shows, all read in the worker."""

    vault: Vault
    settings: Settings
    schema_version: int
    # Follow-ups due today or overdue, read here so home draws without a query.
    due: tuple[FollowUp, ...] = ()
    # Referrals whose check-back date has come, read here like `due`.
    referrals_due: tuple[Referral, ...] = ()


@dataclass(frozen=True)
class Refused:
    """Why the vault did not open, as one sentence for the peer."""

    sentence: str
    wrong_passphrase: bool = False


def open_safely(opener: Callable[[], Vault]) -> Opened | Refused:
    """Call `opener` (Vault.create or Vault.unlock) and read what home needs. Thread-safe."""
    try:
        vault = opener()
    except VaultError as exc:
        return Refused(str(exc), wrong_passphrase=isinstance(exc, WrongPassphrase))
    except Exception as exc:  # noqa: BLE001 - a crash report would print the passphrase
        return Refused(messages.OPEN_UNEXPECTED.format(kind=type(exc).__name__))
    try:
        from peerdesk.vault import followups, referrals

        due = tuple(followups.due(vault.conn, date.today()))
        referrals_due = tuple(referrals.due(vault.conn, date.today()))
        return Opened(vault, vault.settings(), vault.schema_version(), due, referrals_due)
    except VaultError as exc:
        vault.close()
        return Refused(str(exc))
    except Exception as exc:  # noqa: BLE001 - same reason as above
        vault.close()
        return Refused(messages.OPEN_UNEXPECTED.format(kind=type(exc).__name__))


class VaultOpened(Message):
    """Base of the two success messages; `origin` is the screen that asked."""

    def __init__(self, opened: Opened, origin: Screen[None]) -> None:
        super().__init__()
        self.opened = opened
        self.origin = origin


class VaultUnlocked(VaultOpened):
    """The unlock screen opened an existing vault."""


class VaultCreated(VaultOpened):
    """The set-up screen created a new vault (it is open)."""


class VaultChecked(Message):
    """The whole-file checks run after unlock are done; `problems` empty means healthy."""

    def __init__(self, vault: Vault, problems: tuple[str, ...]) -> None:
        super().__init__()
        self.vault = vault
        self.problems = problems


class VaultChecking(Message):
    """The whole-file checks told how far they got (two checks, never anything else)."""

    def __init__(self, doing: str, done: int, total: int) -> None:
        super().__init__()
        self.doing = doing
        self.done = done
        self.total = total


class UnlockFailed(Message):
    """Opening or creating did not work; the screen shows the sentence."""

    def __init__(self, refused: Refused) -> None:
        super().__init__()
        self.refused = refused


def deliver(screen: Screen[None], result: Opened | Refused, *, created: bool) -> None:
    """Post the worker's result to the screen from the worker thread.

    post_message is thread-safe; the success messages bubble on to the app. If the
    screen is already closing (the app is exiting), nobody will take the vault, so it
    is closed here rather than left open.
    """
    if isinstance(result, Refused):
        screen.post_message(UnlockFailed(result))
        return
    message = VaultCreated(result, screen) if created else VaultUnlocked(result, screen)
    if not screen.post_message(message):
        result.vault.close()
