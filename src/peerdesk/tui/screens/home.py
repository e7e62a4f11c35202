"""Home: follow-ups due, the keys for everything that exists, and the vault's state.

Built once per unlock from facts the unlock worker already read (follow-ups due
included), so the first drawing costs no query on the main thread. After that, every
action and every return to home (a saved contact, a closed dialog) re-reads the
follow-ups due: one short query.

Nothing on home takes focus: its keys (tui.keys.HOME_KEYS) act on the follow-up
marked in the panel, so home and help list every key there is. Right after a contact
is saved from home, one more key (tui.keys.HOME_SAVED_KEYS) refers that contact, listed
among the others only while it applies (the contact is there and has no referral yet),
so a peer who said no to "refer?" or saved a plain support note can still refer it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages
from peerdesk.models.contacts import ContactFields, FollowUp
from peerdesk.tui import keys
from peerdesk.tui.dialogs.concern import Concern, ConcernScreen
from peerdesk.tui.events import ContactReferralRequested, ContactSaved
from peerdesk.tui.opening import Opened
from peerdesk.tui.screens.contacts_list import ContactsListScreen
from peerdesk.tui.widgets.followup_panel import FollowUpPanel
from peerdesk.tui.widgets.referrals_due import ReferralsDue
from peerdesk.tui.widgets.work_bar import WorkBar
from peerdesk.vault import Settings, VaultError, contacts, followups, logbook, referrals

LABEL_WIDTH = 11
# The whole-file checks' bar shows only once they ran this long (1M contacts: ~1.6 s).
CHECK_SHOWN_AFTER = 1.0
KEY_COLUMN_WIDTH = 34  # two columns of keys fit the 68 columns inside the home box


class HomeScreen(Screen[None]):
    """What the peer sees after unlocking. Holds data, so every lock drops it.

    `today` is a clock for tests; the app passes nothing and gets the real date.
    """

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.HOME_KEYS + keys.HOME_SAVED_KEYS)

    def __init__(self, opened: Opened, *, today: Callable[[], date] = date.today) -> None:
        super().__init__()
        self.opened = opened
        self.vault = opened.vault
        self.settings = opened.settings  # what the facts show; see show_settings
        self.today = today
        self._drawn_from_unlock = True
        self.last_done: int | None = None  # what u on home opens again
        self.just_saved: int | None = None  # the contact R refers, while it applies

    def compose(self) -> ComposeResult:
        with Vertical(id="home-box", classes="box"):
            yield Static(Text(messages.HOME_TITLE), classes="app-title")
            if not self.vault.health.ok:
                yield Static(
                    Text(messages.VAULT_DAMAGED_READ_ONLY), id="damaged", classes="warning"
                )
            yield Static(
                self._title(self.opened.due), id="followups-title", classes="section-title"
            )
            yield FollowUpPanel(self.opened.due, self.today(), id="followups")
            yield ReferralsDue(self.opened.referrals_due, self.today(), id="referrals-due")
            yield Static(Text(messages.HOME_KEYS), classes="section-title")
            yield Static(key_columns(self._keys()), id="home-keys")
            yield Static(self._facts(), id="facts")

    # --- the follow-ups panel -----------------------------------------------
    @property
    def panel(self) -> FollowUpPanel:
        return self.query_one("#followups", FollowUpPanel)

    def on_screen_resume(self) -> None:
        """Back on home (a contact saved, a dialog closed): read the follow-ups again."""
        if self._drawn_from_unlock:
            self._drawn_from_unlock = False  # the unlock worker's list is fresh
            return
        self.refresh_followups()
        self._check_just_saved()

    def refresh_followups(self) -> None:
        """Re-read what is due (never after a lock: the vault is closed then)."""
        if not self.vault.is_open:
            return
        today = self.today()
        due = tuple(followups.due(self.vault.conn, today))
        self.query_one("#followups-title", Static).update(self._title(due))
        self.panel.show(due, today)
        self.query_one(ReferralsDue).show(tuple(referrals.due(self.vault.conn, today)), today)

    @staticmethod
    def _title(due: tuple[FollowUp, ...]) -> Content:
        if not due:
            return Content(messages.FOLLOWUPS_TITLE)
        return Content(messages.FOLLOWUPS_TITLE_COUNT.format(count=len(due)))

    def action_followup_move(self, delta: int) -> None:
        """Mark the previous or next follow-up."""
        self.panel.move(delta)

    def action_followup_done(self) -> None:
        """Close the marked follow-up without logging a contact."""
        item = self.panel.selected
        if item is None:
            return
        try:
            closed = logbook.close_followup(self.vault, item.id, today=self.today())
        except VaultError as exc:
            self.notify(str(exc), severity="error")
            return
        if closed:
            self.last_done = item.id
        self.notify(messages.FOLLOWUP_DONE_UNDO if closed else messages.FOLLOWUP_GONE)
        self.refresh_followups()

    def action_followup_undo(self) -> None:
        """Open the follow-up last marked done on home again (x pressed by mistake)."""
        if self.last_done is None:
            self.notify(messages.FOLLOWUP_NOTHING_TO_UNDO)
            return
        try:
            reopened = logbook.reopen_followup(self.vault, self.last_done)
        except VaultError as exc:
            self.notify(str(exc), severity="error")
            return
        self.last_done = None
        self.notify(messages.FOLLOWUP_REOPENED if reopened else messages.FOLLOWUP_NOT_CHANGED)
        self.refresh_followups()

    def action_followups(self) -> None:
        """Every follow-up: due, upcoming and done lately, with undo."""
        from peerdesk.tui.screens.followups import FollowUpsScreen

        if self.vault.is_open:
            self.app.push_screen(FollowUpsScreen(self.vault, today=self.today))

    def action_followup_snooze(self, days: int) -> None:
        """Move the marked follow-up to `days` after today (1: tomorrow, 7: a week)."""
        item = self.panel.selected
        if item is None:
            return
        new_due = self.today() + timedelta(days=days)
        try:
            moved = logbook.snooze_followup(self.vault, item.id, new_due)
        except VaultError as exc:
            self.notify(str(exc), severity="error")
            return
        if moved:
            self.notify(messages.FOLLOWUP_SNOOZED.format(date=new_due.isoformat()))
        else:
            self.notify(messages.FOLLOWUP_GONE)
        self.refresh_followups()

    def action_followup_contact(self) -> None:
        """Open the contact form for the marked follow-up; saving it closes the follow-up."""
        item = self.panel.selected
        if item is None:
            return
        from peerdesk.tui.screens.contact_form import ContactFormScreen

        self.app.push_screen(
            ContactFormScreen(
                self.vault,
                initial=followup_contact_fields(item, self.today()),
                completes_followup=item.id,
            )
        )

    # --- the contact just saved ---------------------------------------------
    @on(ContactSaved)
    def _contact_saved(self, message: ContactSaved) -> None:
        """A contact saved from home: R refers it (the message goes on to the app)."""
        self.just_saved = message.contact_id
        self._check_just_saved()

    def _check_just_saved(self) -> None:
        """Keep R only while the contact is there and has no referral (two short reads)."""
        saved = self.just_saved
        if saved is not None and self.vault.is_open:
            conn = self.vault.conn
            if contacts.get(conn, saved) is None or referrals.has_referral(conn, saved):
                self.just_saved = None
        self.query_one("#home-keys", Static).update(key_columns(self._keys()))
        self.refresh_bindings()

    def _keys(self) -> tuple[keys.KeySpec, ...]:
        listed = keys.GLOBAL_KEYS + keys.HOME_KEYS
        return listed + keys.HOME_SAVED_KEYS if self.just_saved is not None else listed

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """R acts only while there is a contact just saved to refer."""
        if action == "refer_saved":
            return self.just_saved is not None
        return True

    def action_refer_saved(self) -> None:
        """Refer the contact just saved: the app opens the directory ranked for it."""
        if self.just_saved is not None:
            self.post_message(ContactReferralRequested(self.just_saved))

    # --- other screens ------------------------------------------------------
    def action_contacts(self) -> None:
        """Open the contacts list."""
        self.app.push_screen(ContactsListScreen(self.vault))

    def action_stats(self) -> None:
        """Open the monthly counts at this month."""
        from peerdesk.tui.screens.stats import StatsScreen

        self.app.push_screen(StatsScreen(self.vault, today=self.today))

    def action_directory(self) -> None:
        """Open the clinician directory."""
        from peerdesk.tui.screens.directory import DirectoryScreen

        self.app.push_screen(DirectoryScreen(self.vault))

    def action_team(self) -> None:
        """Open the team screen: the team card, joining, merging peers' months."""
        from peerdesk.tui.screens.team import TeamScreen

        self.app.push_screen(TeamScreen(self.vault))

    def action_add_concern(self) -> None:
        """Ask for a handle and a due date; the dialog adds the follow-up before it closes."""
        self.app.push_screen(ConcernScreen(self.vault, self.today()), self._concern_added)

    def _concern_added(self, concern: Concern | None) -> None:
        if concern is None or not self.vault.is_open:
            return
        self.notify(messages.CONCERN_ADDED.format(date=concern.due_on.isoformat()))
        self.refresh_followups()

    # --- the vault's state --------------------------------------------------
    def show_damaged(self) -> None:
        """The check after unlock found damage: the same banner a damaged unlock shows."""
        if not self.is_mounted or self.query("#damaged"):
            return
        self.query_one("#home-box", Vertical).mount(
            Static(Text(messages.VAULT_DAMAGED_READ_ONLY), id="damaged", classes="warning"),
            after=self.query_one(".app-title", Static),
        )

    def show_check(self, doing: str, done: int, total: int) -> None:
        """The whole-file checks' progress: a bar under the facts, but only once they
        have run CHECK_SHOWN_AFTER seconds (at most vaults they end long before)."""
        if not self.is_mounted:
            return
        bars = self.query("#home-check").results(WorkBar)
        bar = next(bars, None)
        if bar is None and done < total:
            bar = WorkBar(id="home-check")
            bar.display = False
            self.query_one("#home-box", Vertical).mount(bar)
            self.set_timer(CHECK_SHOWN_AFTER, lambda: self._reveal_check(bar))
        if bar is None:
            return
        if done >= total:
            bar.remove()
            return
        bar.show(doing, done, total)

    @staticmethod
    def _reveal_check(bar: WorkBar) -> None:
        if bar.is_mounted:
            bar.display = True

    def show_settings(self, settings: Settings) -> None:
        """Show the settings just saved, so home never states an auto-lock that is not set."""
        self.settings = settings
        if self.is_mounted:
            self.query_one("#facts", Static).update(self._facts())

    def _facts(self) -> Text:
        """Path, schema, auto-lock and theme, every value shown literally."""
        settings = self.settings
        rows = (
            (messages.HOME_VAULT, str(self.vault.path)),
            (
                messages.HOME_SCHEMA,
                messages.HOME_SCHEMA_VALUE.format(version=self.opened.schema_version),
            ),
            (
                messages.HOME_AUTO_LOCK,
                messages.HOME_AUTO_LOCK_VALUE.format(minutes=settings.idle_lock_minutes),
            ),
            (messages.HOME_THEME, settings.theme),
        )
        text = Text()
        for index, (label, value) in enumerate(rows):
            if index:
                text.append("\n")
            text.append(label.ljust(LABEL_WIDTH), style="dim")
            text.append(value)
        return text


def followup_contact_fields(item: FollowUp, today: date) -> ContactFields:
    """The contact form's start for a follow-up: today, its handle, who started it.

    A colleague's concern becomes "colleague-concern" (a first contact); checking back
    after an earlier contact is the peer reaching out ("peer-outreach") and a follow-up
    with the same person. Topics stay empty on purpose: the peer picks what the talk
    was about. Everything else keeps the form's defaults.
    """
    concern = item.kind == "concern"
    return ContactFields(
        contact_date=today,
        topics=(),
        initiated_by="colleague-concern" if concern else "peer-outreach",
        handle=item.handle,
        first_or_followup="first" if concern else "follow-up",
    )


def key_columns(specs: tuple[keys.KeySpec, ...]) -> Text:
    """The key table in two columns (down the first, then the second) to save height.

    A key whose label is too long for half the width gets a whole line, after the rest.
    """
    width = max((len(spec.shown) for spec in specs), default=0) + 2
    short = [s for s in specs if width + len(s.label) < KEY_COLUMN_WIDTH]
    long = [s for s in specs if width + len(s.label) >= KEY_COLUMN_WIDTH]
    rows = (len(short) + 1) // 2
    lines = [[short[row], *short[row + rows : row + rows + 1]] for row in range(rows)]
    lines += [[spec] for spec in long]
    text = Text()
    for index, line in enumerate(lines):
        if index:
            text.append("\n")
        for column, spec in enumerate(line):
            if column:
                text.append(" " * (KEY_COLUMN_WIDTH - width - len(line[0].label)))
            text.append(spec.shown.ljust(width), style="bold")
            text.append(spec.label)
    return text
