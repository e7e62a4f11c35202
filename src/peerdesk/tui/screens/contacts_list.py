"""The contacts list: newest first, one page at a time, narrowed by month, topic and words.

Never more than a page of rows is built at once: the list starts with PAGE_SIZE rows
and fetches the next page (keyset paging) when the cursor comes near the end. Typing
in the search box re-queries after a short pause (SEARCH_DELAY), so fast typing runs
one query for the last keystroke instead of one per letter. A page runs on the main
thread: it stops after PAGE_SIZE rows, whatever the vault holds.

Counts do not stop early: counting every contact reads the whole table (100-150 ms at
a million), a search's count grows with the notes that match (a topic's reads only
its index: ~2 ms at a million). So the rows are drawn first and the counts come from
a worker thread reading on the vault's side connection (vault.side_reader), with
"counting..." meanwhile. A newer filter interrupts the count that runs and bumps the
request number, so a stale answer is dropped. A page that is not full needs no
count: it holds every match.

The vault may be locked at any moment; the lock drops this screen, and every query
first checks the vault is still open, because a timer or a resume can fire on the way.
A lock interrupts a running count (SideReader.close), which then posts nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from peerdesk import messages, vocab
from peerdesk.models.contacts import ContactRow
from peerdesk.tui import keys
from peerdesk.tui.dialogs.topic_pick import TopicPickScreen
from peerdesk.tui.events import ContactDeleted
from peerdesk.tui.screens.contact_detail import ContactDetailScreen, ask_to_delete, edit_contact
from peerdesk.tui.screens.search_list import SearchListScreen
from peerdesk.tui.text.contacts import contact_line, contacts_header
from peerdesk.vault import Vault, contacts
from peerdesk.vault.contacts import ContactFilter
from peerdesk.vault.errors import VaultError
from peerdesk.vault.side_reader import SideReader
from peerdesk.vault.sqlcipher import Connection

PAGE_SIZE = 30  # more than a screenful; the next page loads near the end
NEAR_END = 5  # rows before the end at which the next page is fetched


def step_month(month: str | None, step: int, this_month: str) -> str | None:
    """One month back or forward; None is "all months".

    Back from all months starts at this month; forward past this month returns to all.
    """
    if month is None:
        return this_month if step < 0 else None
    index = int(month[:4]) * 12 + int(month[5:7]) - 1 + step
    stepped = f"{index // 12:04d}-{index % 12 + 1:02d}"
    return None if stepped > this_month else stepped


def counts_for(conn: Connection, flt: ContactFilter, *, total: bool) -> tuple[int | None, int]:
    """(every contact, or None when not asked; those matching `flt`). Worker thread."""
    matching = contacts.count(conn, flt)
    if not total:
        return None, matching
    narrowed = bool(flt.month or flt.topic or flt.search)
    return (contacts.count(conn) if narrowed else matching), matching


class ContactsListScreen(SearchListScreen):
    """Contacts, newest first; the count, the filters and a search box above them.

    `today` is a clock for tests; the app passes nothing and gets the real date.
    """

    class Counted(Message):
        """The count worker's answer to request `number` (None total: not asked)."""

        def __init__(
            self, number: int, total: int | None, matching: int | None, *, failed: bool = False
        ) -> None:
            super().__init__()
            self.number = number
            self.total = total
            self.matching = matching
            # The read failed (a damaged page, say: the vault's check says so on home).
            self.failed = failed

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONTACTS_LIST_KEYS)
    SEARCH_ID = "contacts-search"

    def __init__(self, vault: Vault, *, today: Callable[[], date] = date.today) -> None:
        super().__init__(vault, today=today)
        self.filter = ContactFilter()
        self.rows: list[ContactRow] = []
        self.more = False  # the last page was full, so there may be more rows
        # Both None until counted: "counting..." is shown meanwhile.
        self.matching: int | None = None
        self.total: int | None = None
        self.count_failed = False
        self.count_requests = 0  # the number of the newest count asked for
        self._total_due = True  # the total must be (re)counted with the next request
        self._seen_changes: int | None = None  # the vault's writes when last counted

    def compose(self) -> ComposeResult:
        with Vertical(id="contacts-box"):
            with Horizontal(id="contacts-top"):
                yield Static(Content(messages.CONTACTS_TITLE), id="contacts-title")
                yield Static("", id="contacts-count")
            yield self.search_input(messages.CONTACTS_SEARCH_IDLE)
            yield Static("", id="contacts-filters")
            yield Static(contacts_header(), id="contacts-header")
            yield Static("", id="contacts-empty")
            yield OptionList(id="contacts-rows")
            yield Static(Content(messages.CONTACTS_KEYS), id="contacts-keys", classes="keys-line")

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#contacts-rows", OptionList)

    def on_mount(self) -> None:
        self.option_list.focus()

    @on(events.DescendantFocus)
    def _focus_moved(self) -> None:
        """Say where typed keys go, so words meant for the search never run list keys.

        The list has the cursor on opening and after coming back from a contact; letters
        then open, delete or filter. The box's prompt and the keys line change with the
        cursor, so a peer never reads "type words" while letters run commands.
        """
        in_box = self.search_box.has_focus
        self.search_box.placeholder = (
            messages.CONTACTS_SEARCH_PLACEHOLDER if in_box else messages.CONTACTS_SEARCH_IDLE
        )
        self.query_one("#contacts-keys", Static).update(
            Content(messages.CONTACTS_SEARCH_KEYS if in_box else messages.CONTACTS_KEYS)
        )

    # --- querying -----------------------------------------------------------
    def reload(self, *, keep_place: bool = False, recount: bool = True) -> None:
        """Query the first page (or as many rows as were loaded); ask for the counts.

        With `keep_place` the cursor stays on the same contact, or at the same place.
        A filter or search change passes `recount=False`: the total cannot have changed,
        only the matches are counted again. The rows are drawn at once; the counts
        arrive from the worker (`_count`) and replace "counting...".
        """
        if not self.vault.is_open:
            return
        option_list = self.option_list
        before = option_list.highlighted
        keep_id = self.rows[before].id if keep_place and before is not None else None
        limit = max(PAGE_SIZE, len(self.rows)) if keep_place else PAGE_SIZE
        self.rows = contacts.page(self.vault.conn, self.filter, limit=limit)
        self.more = len(self.rows) == limit
        stale = recount and self._written_since_counted()
        self._total_due = self._total_due or stale
        self._ask_for_counts(changed=not recount, stale=stale)
        option_list.clear_options()
        option_list.add_options(self._options(self.rows))
        if self.rows:
            ids = [row.id for row in self.rows]
            if keep_id in ids:
                option_list.highlighted = ids.index(keep_id)
            elif keep_place and before is not None:
                option_list.highlighted = min(before, len(ids) - 1)
            else:
                option_list.highlighted = 0
        self._show_state()

    def _written_since_counted(self) -> bool:
        """Whether the vault was written since the counts were last asked for.

        Every write of the app goes through the vault's connection, whose total_changes
        counts the rows written. Coming back from the topic picker or a contact that was
        only read changes nothing, so the total (a whole-table count) is not run again.
        """
        changes = int(self.vault.conn.total_changes)
        written, self._seen_changes = changes != self._seen_changes, changes
        return written

    def _ask_for_counts(self, *, changed: bool, stale: bool) -> None:
        """Start counting for the filter shown; any older answer becomes stale.

        A page that is not full holds every match, so that count is known at once (and
        without a filter it is the total). A `changed` filter shows "counting..." for
        the matches until the worker answers; a recount of the same filter (`stale`:
        the vault was written) keeps the figures shown until the new ones arrive, and
        nothing is counted again when the filter is the same and nothing was written.
        """
        if not (changed or stale or self._total_due or self.matching is None):
            return  # the counts shown still hold
        self.count_requests += 1
        self.count_failed = False
        reader = self.vault.side_reader
        if reader is not None:
            reader.interrupt(self)  # the count running now answers an older question
        narrowed = self._narrowed()
        if not self.more:
            self.matching = len(self.rows)
            if not narrowed:
                self.total, self._total_due = self.matching, False
            if not self._total_due:
                return  # nothing left to count
        elif not narrowed and not self._total_due:
            self.matching = self.total  # every contact matches: counted already
            return
        elif changed or self.matching is None:
            self.matching = None
        if reader is None:
            # A vault opened without a side connection (not the app's own way):
            # count here, as before, rather than not at all.
            self._counted_now(self.count_requests)
            return
        self._count(reader, self.count_requests, self.filter, self._total_due)

    # exit_on_error=False: a failure is posted as a sentence; nothing may end the app.
    @work(
        thread=True,
        exclusive=True,
        exit_on_error=False,
        group="contacts-count",
        description="count contacts",
    )
    def _count(self, reader: SideReader, number: int, flt: ContactFilter, total: bool) -> None:
        """Count on the side connection, off the main thread; post the answer."""
        try:
            counted = reader.read(
                lambda conn: counts_for(conn, flt, total=total),
                self,
                wanted=lambda: number == self.count_requests,
            )
        except VaultError:
            self.post_message(self.Counted(number, None, None, failed=True))
            return
        if counted is not None:  # None: locked, or interrupted by a newer question
            self.post_message(self.Counted(number, *counted))

    def _counted_now(self, number: int) -> None:
        counted = counts_for(self.vault.conn, self.filter, total=self._total_due)
        self._counts_arrived(self.Counted(number, *counted))

    @on(Counted)
    def _counts_arrived(self, message: Counted) -> None:
        """Show the answer to the newest request; an older one is stale, dropped."""
        message.stop()
        if message.number != self.count_requests or not self.vault.is_open:
            return
        if message.failed:
            self.count_failed = True
        else:
            if message.total is not None:
                self.total, self._total_due = message.total, False
            self.matching = message.matching
        self._show_state()

    def load_more(self) -> None:
        """Fetch the page after the last row shown and add it below."""
        if not self.more or not self.rows or not self.vault.is_open:
            return
        last = self.rows[-1]
        page = contacts.page(
            self.vault.conn, self.filter, limit=PAGE_SIZE, after=(last.contact_date, last.id)
        )
        self.more = len(page) == PAGE_SIZE
        self.rows.extend(page)
        self.option_list.add_options(self._options(page))

    @staticmethod
    def _options(rows: list[ContactRow]) -> list[Option]:
        return [Option(contact_line(row), id=str(row.id)) for row in rows]

    def _narrowed(self) -> bool:
        return bool(self.filter.month or self.filter.topic or self.filter.search)

    def _show_state(self) -> None:
        """The count line, the filter line, and the empty-list sentence."""
        if self.count_failed:
            count = messages.CONTACTS_COUNT_FAILED
        elif self.total is None or self.matching is None:
            count = messages.CONTACTS_COUNTING  # until the worker answers
        elif self._narrowed():
            count = messages.CONTACTS_COUNT_MATCH.format(count=self.matching, total=self.total)
        elif self.total == 1:
            count = messages.CONTACTS_COUNT_ONE
        else:
            count = messages.CONTACTS_COUNT_ALL.format(count=self.total)
        self.query_one("#contacts-count", Static).update(Content(count))
        month = self.filter.month or messages.CONTACTS_ALL_MONTHS
        topic = (
            vocab.label_of(vocab.TOPICS, self.filter.topic)
            if self.filter.topic
            else messages.CONTACTS_ALL_TOPICS
        )
        self.query_one("#contacts-filters", Static).update(
            Content.assemble(
                (f"{messages.CONTACTS_MONTH} ", "$text-muted"),
                (month, "bold"),
                (f"    {messages.CONTACTS_TOPIC} ", "$text-muted"),
                (topic, "bold"),
            )
        )
        empty = self.query_one("#contacts-empty", Static)
        empty.update(
            Content(messages.CONTACTS_NONE_YET if self.total == 0 else messages.CONTACTS_NONE_MATCH)
        )
        # The empty list stays on screen (and keeps the focus, so [ ] t still work).
        empty.display = not self.rows

    def _set_filter(self, flt: ContactFilter) -> None:
        if flt != self.filter:
            self.filter = flt
            self.reload(recount=False)

    # --- the list -----------------------------------------------------------
    @on(OptionList.OptionHighlighted, "#contacts-rows")
    def _highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_index >= len(self.rows) - NEAR_END:
            self.load_more()

    @on(OptionList.OptionSelected, "#contacts-rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.action_open()

    def selected_row(self) -> ContactRow | None:
        index = self.option_list.highlighted
        if index is None or not self.rows or self.search_box.has_focus:
            return None
        return self.rows[index]

    def action_open(self) -> None:
        """Show every field of the highlighted contact."""
        row = self.selected_row()
        if row is not None:
            self.app.push_screen(ContactDetailScreen(self.vault, row.id))

    def action_edit(self) -> None:
        """Open the contact form on the highlighted contact."""
        row = self.selected_row()
        if row is not None:
            edit_contact(self, self.vault, row.id)

    def action_delete(self) -> None:
        """Ask, then delete the highlighted contact."""
        row = self.selected_row()
        if row is not None:
            ask_to_delete(self, self.vault, row.id, row.contact_date.isoformat())

    @on(ContactDeleted)
    def contact_deleted(self) -> None:
        """After a deletion from this screen: draw the list without it."""
        self.reload(keep_place=True)

    # --- filters ------------------------------------------------------------
    def action_month(self, step: int) -> None:
        """Step the month filter back or forward (see `step_month`)."""
        this_month = self.today().strftime("%Y-%m")
        month = step_month(self.filter.month, step, this_month)
        self._set_filter(replace(self.filter, month=month))

    def action_pick_topic(self) -> None:
        """Ask for a topic letter (0: all topics)."""
        chosen = (self.filter.topic,) if self.filter.topic else ()
        self.app.push_screen(TopicPickScreen(chosen), self._topic_picked)

    def _topic_picked(self, topic: str | None) -> None:
        if topic is not None:
            self._set_filter(replace(self.filter, topic=topic or None))

    # --- search (the box itself: SearchListScreen) -----------------------------
    def search_for(self, words: str | None) -> None:
        self._set_filter(replace(self.filter, search=words))

    def action_to_list(self) -> None:
        """From the search box to the list."""
        self.option_list.focus()
