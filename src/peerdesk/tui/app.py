"""PeerdeskApp: owns the vault, the instance lock, and every way of locking.

Locking means: close the vault (no file descriptor stays on it), drop every screen
that showed data, and show a fresh unlock screen that says nothing about the
contents. It happens on ctrl+l from anywhere, after the configured idle minutes
(suspend included, see `tui.idle`), and on ctrl+q or SIGTERM/SIGHUP/SIGINT (then
the app exits).

A contact form open when any of these fires is first kept inside the vault as a
draft (`tui.drafts`) and offered back after the next unlock. The crisis lines
(ctrl+g) open over any screen, locked or not: they never touch the vault.

Screens get what they need passed in and post messages up; only this class holds
the open `Vault`.
"""

from __future__ import annotations

import contextlib
import signal
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import events, on, work
from textual.binding import BindingType
from textual.screen import Screen

from peerdesk import messages
from peerdesk.platform_support import hang_up_signal
from peerdesk.tui import keys, styles
from peerdesk.tui.crash import QuietCrashApp
from peerdesk.tui.events import (
    ContactReferralRequested,
    ContactSaved,
    ForgetsTyping,
    ReferRequested,
)
from peerdesk.tui.idle import IdleWatch
from peerdesk.tui.lockout import RetryDelay
from peerdesk.tui.long_lived import IDLE_SECONDS, LongLived
from peerdesk.tui.opening import (
    VaultChecked,
    VaultChecking,
    VaultCreated,
    VaultOpened,
    VaultUnlocked,
)
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.tui.signals import LockSignals
from peerdesk.tui.themes import NIGHT, THEMES
from peerdesk.vault import InstanceLock, VaultBusy, VaultError
from peerdesk.vault.defaults import IDLE_LOCK_MINUTES

if TYPE_CHECKING:
    # The settings' module brings their checks; the app needs it only once a vault is open.
    from peerdesk.vault import Settings, Vault

# Only what draws the first (unlock or set-up) screen is imported above. The rest
# loads in a thread right after that first frame, while the peer types: see
# `_warm_up`. Methods import what they use, so nothing depends on the warm-up.
WARM_UP = (
    "peerdesk.tui.screens.home",
    "peerdesk.tui.screens.help",
    "peerdesk.tui.drafts",
    "peerdesk.tui.screens.contact_form",
    "peerdesk.tui.referral_flow",
    "peerdesk.tui.screens.referrals_list",
    "peerdesk.vault.store",
)

IDLE_CHECK_SECONDS = 5.0


class PeerdeskApp(QuietCrashApp):
    """The peerdesk terminal app for one vault file.

    `instance_lock` is the CLI's already-acquired lock, or None: then the app takes it
    on start and, if another peerdesk holds it, exits with return code 1 and
    messages.VAULT_BUSY. `unlock_hint` is one line shown on the unlock screen.
    `idle_watch`, `retry_delay` and `idle_check_seconds` exist for tests.
    """

    # Absolute, so subclasses in other folders (benchmarks, test harnesses) find it too.
    # Only the locked screens' styles: the rest is read after the first frame (tui.styles).
    CSS_PATH = styles.LOCKED
    TITLE = messages.APP_TITLE
    # The palette offers screenshots (an SVG of whatever is on screen, written to disk)
    # and commands that bypass the key table; peerdesk has neither.
    ENABLE_COMMAND_PALETTE = False
    # No mouse selection, so screen text never reaches the clipboard (or a clipboard
    # manager's history file) by way of Textual's ctrl+c "copy selected text".
    ALLOW_SELECT = False
    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.GLOBAL_KEYS)

    def __init__(
        self,
        vault_path: Path,
        *,
        instance_lock: InstanceLock | None = None,
        unlock_hint: str | None = None,
        idle_watch: IdleWatch | None = None,
        retry_delay: RetryDelay | None = None,
        idle_check_seconds: float = IDLE_CHECK_SECONDS,
    ) -> None:
        super().__init__()
        self.vault_path = Path(vault_path)
        self.instance_lock = instance_lock
        self.unlock_hint = unlock_hint
        self.idle = idle_watch or IdleWatch(IDLE_LOCK_MINUTES)
        self.retry = retry_delay or RetryDelay()
        self.idle_check_seconds = idle_check_seconds
        self.vault: Vault | None = None
        self._owns_lock = False
        self._quit_warned = False  # ctrl+q was refused once: the form could not be kept
        # Said after the next unlock: a lock that could not keep the open form.
        self._lock_problem: str | None = None
        self.signals = LockSignals(self._lock_and_exit)
        self.long_lived = LongLived()
        self.register_theme(NIGHT)
        self.theme = THEMES["dark"]

    # --- start and stop -----------------------------------------------------
    def on_mount(self) -> None:
        if self.instance_lock is None:
            try:
                self.instance_lock = InstanceLock.acquire(self.vault_path)
            except VaultBusy as exc:
                self.exit(return_code=1, message=Text(str(exc)))
                return
            self._owns_lock = True
        self.signals.install(headless=self.is_headless)
        self.set_interval(self.idle_check_seconds, self.check_idle_lock, name="idle-lock")
        self.long_lived.freeze()  # before any screen a secret could be typed into
        self.long_lived.hold_full_passes()
        self.set_interval(IDLE_SECONDS, self._collect_while_idle, name="idle-collect")
        self.push_screen(self._locked_screen())
        self.call_after_refresh(self._after_first_frame)

    def _after_first_frame(self) -> None:
        """The styles and modules of later screens, while the peer types the passphrase."""
        styles.load_later(self)
        self._warm_up()

    # exit_on_error=False: a failed import here is raised again where the module is used.
    @work(thread=True, exit_on_error=False, group="warm-up", description="warm up imports")
    def _warm_up(self) -> None:
        """Import the screens needed after unlock while the peer types the passphrase."""
        for name in WARM_UP:
            import_module(name)

    def _collect_while_idle(self) -> None:
        """The garbage collector's full pass, while nobody waits on a key (tui.long_lived)."""
        self.long_lived.collect_if_idle(self.idle.elapsed())

    def on_unmount(self) -> None:
        """However the app ends, the vault is closed and our own lock released."""
        self.long_lived.release()
        self._close_vault()
        self.signals.remove()
        if self._owns_lock and self.instance_lock is not None:
            self.instance_lock.release()

    def _locked_screen(self) -> Screen[None]:
        """Set-up on first run (no vault file yet), otherwise a fresh unlock screen."""
        if not self.vault_path.exists():
            from peerdesk.tui.screens.setup import SetupScreen

            return SetupScreen(self.vault_path, instance_lock=self.instance_lock)
        return UnlockScreen(
            self.vault_path,
            instance_lock=self.instance_lock,
            retry=self.retry,
            hint=self.unlock_hint,
        )

    # --- opening ------------------------------------------------------------
    @on(VaultUnlocked)
    @on(VaultCreated)
    def _vault_opened(self, message: VaultOpened) -> None:
        from peerdesk.tui.screens.crisis import CrisisScreen

        opened = message.opened
        crisis_open = isinstance(self.screen, CrisisScreen)
        asker = self.screen_stack[-2] if crisis_open else self.screen
        if self.vault is not None or message.origin is not asker:
            # The screen that asked is gone (locked or exiting meanwhile): do not keep it.
            opened.vault.close()
            return
        self.vault = opened.vault
        self.long_lived.opened = True
        self.retry.succeeded()
        self.apply_settings(opened.settings)
        self.idle.touch()
        if crisis_open:  # the crisis lines opened during the KDF stay on top
            self.pop_screen()
        from peerdesk.tui.screens.home import HomeScreen

        styles.load_later(self)  # loaded after the first frame; a no-op by now

        self.switch_screen(HomeScreen(opened))
        if self._lock_problem is not None:
            self.notify(self._lock_problem, severity="error", timeout=30, markup=False)
            self._lock_problem = None
        from peerdesk.tui import drafts

        drafts.offer_back(self, opened.vault)
        if crisis_open:
            self.push_screen(CrisisScreen(self._unlocked))
        if opened.vault.background_check is not None:
            # After home's first frame: the check's KDF and page reads take a core.
            self.call_after_refresh(self._check_in_background, opened.vault)
        if opened.vault.side_reader is not None:
            # Likewise: its KDF runs now, not when the peer first waits on a count.
            self.call_after_refresh(self._warm_side_reader, opened.vault)

    # exit_on_error=False: an unexpected error is logged by Textual; the vault stays
    # as it is, and every page read still checks its own HMAC.
    @work(thread=True, exit_on_error=False, group="vault-check", description="check vault")
    def _check_in_background(self, vault: Vault) -> None:
        """Run the whole-file checks unlock skipped, on their own connection.

        A lock meanwhile closes the vault, which cancels the check (run returns None),
        so nothing is posted about a vault that is no longer open.
        """
        check = vault.background_check
        if check is None:  # locked before the worker started
            return

        def told(doing: str, done: int, total: int) -> None:
            self.post_message(VaultChecking(doing, done, total))  # thread-safe

        problems = check.run(told)
        if problems is not None:
            self.post_message(VaultChecked(vault, problems))

    @work(thread=True, exit_on_error=False, group="side-reader", description="open side reader")
    def _warm_side_reader(self, vault: Vault) -> None:
        """Run the side connection's KDF in a worker (see vault.side_reader)."""
        reader = vault.side_reader
        if reader is None:  # locked before the worker started
            return
        try:
            reader.warm()
        except VaultError:
            return  # the first count on it meets the same error and shows it

    @on(VaultChecking)
    def _vault_checking(self, message: VaultChecking) -> None:
        """How far the whole-file checks got, for home's discreet bar."""
        from peerdesk.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_check(message.doing, message.done, message.total)

    @on(VaultChecked)
    def _vault_checked(self, message: VaultChecked) -> None:
        """Damage found after home was drawn: read-only at once, and said on home."""
        vault = message.vault
        if vault is not self.vault or not message.problems:
            return
        from peerdesk.tui.screens.home import HomeScreen
        from peerdesk.vault import Health

        stopped = vault.turn_read_only(Health(message.problems))
        if stopped is not None:
            sentence = messages.WORK_STOPPED_DAMAGED.format(what=stopped)
            self.notify(sentence, severity="error", timeout=30, markup=False)
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.show_damaged()
        if not isinstance(self.screen, HomeScreen):
            sentence = messages.VAULT_DAMAGED_READ_ONLY
            self.notify(sentence, severity="error", timeout=30, markup=False)

    def apply_settings(self, settings: Settings) -> None:
        """Theme and idle minutes from the vault; call again after settings change."""
        self.theme = THEMES.get(settings.theme, THEMES["dark"])
        self.idle.minutes = settings.idle_lock_minutes

    # --- locking ------------------------------------------------------------
    def lock(self) -> None:
        """Close the vault and drop every screen that shows data. Safe when locked."""
        if self.vault is None:
            if isinstance(self.screen, ForgetsTyping):
                self.screen.forget_typing()
            return
        from peerdesk.tui import drafts

        # Long work in a worker (an import) stops first and rolls back, so the form is
        # kept on a free connection. A form that cannot be kept (a full disk) never
        # stops the lock; the sentences wait for the next unlock, so nothing about them
        # shows on the locked screen.
        stopped = self.vault.stop_work()
        kept = drafts.keep(self.vault, self.screen_stack)
        if stopped is not None:
            kept = " ".join(
                filter(None, (messages.WORK_STOPPED_AT_LOCK.format(what=stopped), kept))
            )
        self._lock_problem = kept
        self._drop_everything()
        self.push_screen(self._locked_screen())

    def _drop_everything(self) -> None:
        """Close the vault first, then every screen above Textual's blank base screen."""
        self._close_vault()
        self.clear_notifications()
        while len(self.screen_stack) > 1:
            self.pop_screen()

    def check_idle_lock(self) -> None:
        """Lock if nothing was pressed for the idle minutes (the timer calls this)."""
        if self.vault is not None and self.idle.expired():
            self.lock()

    def _close_vault(self) -> None:
        vault, self.vault = self.vault, None
        if vault is not None:
            vault.close()

    async def on_event(self, event: events.Event) -> None:
        """Any key, mouse or paste from the terminal counts as activity."""
        if isinstance(event, events.Key | events.Paste):
            self.long_lived.typed = True  # no freeze from now on (tui.long_lived)
        if isinstance(event, events.InputEvent | events.Paste) and not getattr(
            event, "is_forwarded", False
        ):
            self.idle.touch()
        await super().on_event(event)

    # --- signals (tui.signals) ------------------------------------------------
    def _lock_and_exit(self, sig: signal.Signals) -> None:
        """SIGTERM/SIGHUP/SIGINT: keep the open form as a draft, close the vault, leave.

        The return code is 128 + signal. No new unlock screen is pushed: the app is
        going, and leaving the terminal's alternate screen takes whatever was drawn
        with it. After a hang-up there is no terminal to restore, and Textual's
        shutdown may wait forever on it: so the instance lock is let go at once, and
        the hang-up's watchdog (tui.signals) ends the process soon whatever happens.
        """
        from peerdesk.tui import drafts

        if self.vault is not None:
            self.vault.stop_work()  # an import rolls back: the app is going
        problem = drafts.keep(self.vault, self.screen_stack) if self.vault else None
        self._drop_everything()
        if sig == hang_up_signal() and self.instance_lock is not None:
            self.instance_lock.release()  # the vault is closed: nothing left to guard
        self.exit(return_code=128 + int(sig), message=Text(problem) if problem else None)

    # --- actions bound in tui.keys ------------------------------------------
    def action_lock(self) -> None:
        self.lock()

    async def action_quit(self) -> None:
        """ctrl+q: an open form is kept as a draft (offered after the next unlock); an
        import running in a worker is stopped and rolled back first.

        If the draft cannot be kept (a full disk, say), the first ctrl+q only says so:
        quitting would throw away what the peer typed, and they may want to free some
        space and save. A second ctrl+q, after that warning, quits all the same.
        """
        if self.vault is not None:
            self.vault.stop_work()  # an import mid-way rolls back: nothing half-written
        if self.vault is not None and not self._quit_warned:
            from peerdesk.tui import drafts

            problem = drafts.keep(self.vault, self.screen_stack)
            if problem is not None:
                self._quit_warned = True
                self.notify(problem, severity="error")
                self.notify(messages.QUIT_AGAIN_WITHOUT_FORM, severity="warning")
                return
        self._drop_everything()
        self.exit()

    def action_settings(self) -> None:
        """Open the vault's settings; saving applies theme and idle minutes at once."""
        from peerdesk.tui.screens.settings import SettingsScreen

        vault = self.vault
        if vault is None:
            return

        def saved(new: Settings | None) -> None:
            if new is None or self.vault is not vault:
                return  # cancelled, or the app locked meanwhile
            vault.save_settings(new)
            self.apply_settings(new)
            from peerdesk.tui.screens.home import HomeScreen

            for screen in self.screen_stack:
                if isinstance(screen, HomeScreen):
                    screen.show_settings(new)  # home states the auto-lock and theme
            self.notify(messages.SETTINGS_SAVED)

        self.push_screen(SettingsScreen(vault.settings()), saved)

    def action_help(self) -> None:
        """Open help, or close it when it is already open."""
        from peerdesk.tui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.pop_screen()
        elif self.vault is not None:
            self.push_screen(HelpScreen())

    def action_crisis(self) -> None:
        """Open the crisis lines (vault locked or not), or close them when open."""
        from peerdesk.tui.screens.crisis import CrisisScreen

        if isinstance(self.screen, CrisisScreen):
            self.pop_screen()
        else:
            styles.load_later(self)  # pressed before the first frame's follow-up ran
            self.push_screen(CrisisScreen(self._unlocked))

    def _unlocked(self) -> bool:
        """Whether the vault is open right now (the crisis screen edits only then)."""
        return self.vault is not None and self.vault.is_open

    def action_new_contact(self) -> None:
        """Open an empty contact form (home's n key)."""
        if self.vault is None:
            return
        if self.vault.read_only:
            self.notify(messages.VAULT_READ_ONLY, severity="error")
            return
        from peerdesk.tui.screens.contact_form import ContactFormScreen

        self.push_screen(ContactFormScreen(self.vault))

    @on(ContactSaved)
    def _contact_saved(self, message: ContactSaved) -> None:
        self.notify(messages.CONTACT_SAVED)
        if self.vault is not None:  # offer a referral when it could be one
            from peerdesk.tui import referral_flow

            referral_flow.offer_after_contact(self, self.vault, message.contact_id)

    # --- referrals (tui.referral_flow) ----------------------------------------
    def action_referrals(self) -> None:
        """Open the referrals list (home's r key)."""
        from peerdesk.tui.screens.referrals_list import ReferralsScreen

        if self.vault is not None:
            self.push_screen(ReferralsScreen(self.vault))

    @on(ReferRequested)
    def _refer_requested(self, message: ReferRequested) -> None:
        self.refer_from_clinician(message.clinician_id)

    @on(ContactReferralRequested)
    def _contact_referral_requested(self, message: ContactReferralRequested) -> None:
        """Refer this contact: the directory ranked for it, then the card."""
        from peerdesk.tui import referral_flow

        if self.vault is not None:
            referral_flow.refer_contact(self, self.vault, message.contact_id)

    def refer_from_clinician(self, clinician_id: str) -> None:
        """Refer a contact (asked next) to this clinician."""
        from peerdesk.tui import referral_flow

        if self.vault is not None:
            referral_flow.refer_from_clinician(self, self.vault, clinician_id)

    # --- what an unexpected error says (see tui.crash) ------------------------
    def _crash_sentence(self) -> str:
        """Keep the open form, close the vault, and say so with the vault's path only."""
        form = ""
        vault = self.vault
        if vault is not None:
            form = self._keep_form_at_crash(vault)
            self.vault = None
            # Vault.close drops its handle and lock even when SQLite reports a problem
            # closing; the crash sentence is what matters now, not that problem.
            with contextlib.suppress(VaultError):
                vault.close()
        return messages.APP_CRASHED.format(form=form, path=self.vault_path)

    def _keep_form_at_crash(self, vault: Vault) -> str:
        """The form clause of the crash sentence ("" when no form held anything)."""
        from peerdesk.tui import drafts

        form = drafts.open_form(self.screen_stack)
        if form is None or not form.is_mounted or not form.changed:
            return ""
        try:
            problem = drafts.keep(vault, self.screen_stack)
        except Exception:  # noqa: BLE001 - a second failure must not hide the sentence
            problem = messages.APP_CRASHED_FORM_LOST
        return messages.APP_CRASHED_FORM_LOST if problem else messages.APP_CRASHED_FORM_KEPT
