"""One contact, every field, read-only; r refers it, e edits it, d deletes it after asking.

Reads the contact afresh each time the screen shows (first time, and back from the
contact form), so an edit is visible at once. The note and handle are shown as plain
text: whatever the peer typed, markup included, appears exactly as typed.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from peerdesk import messages, vocab
from peerdesk.models.contacts import Contact
from peerdesk.tui import keys
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.events import ContactDeleted, ContactReferralRequested
from peerdesk.tui.text.contacts import risk_value, topic_labels
from peerdesk.vault import Vault, VaultError, contacts, logbook

LABEL_WIDTH = 19  # fits "Critical incident"


def ask_to_delete(screen: Screen[None], vault: Vault, contact_id: int, day: str) -> None:
    """Push the yes/no question; on yes delete and tell the peer (list and detail share it).

    After a deletion the screen that asked gets ContactDeleted.
    """

    def answered(yes: bool | None) -> None:
        if not yes or not vault.is_open:
            return
        try:
            deleted = logbook.delete_contact(vault, contact_id)
        except VaultError as exc:
            screen.notify(str(exc), severity="error")
            return
        screen.notify(messages.CONTACT_DELETED if deleted else messages.CONTACT_GONE)
        screen.post_message(ContactDeleted(contact_id))

    question = messages.CONTACT_DELETE_QUESTION.format(date=day)
    screen.app.push_screen(ConfirmScreen(question), answered)


def edit_contact(screen: Screen[None], vault: Vault, contact_id: int) -> None:
    """Open the contact form on this contact (it posts ContactSaved when saved)."""
    from peerdesk.tui.screens.contact_form import ContactFormScreen

    screen.app.push_screen(ContactFormScreen(vault, contact_id=contact_id))


class ContactDetailScreen(Screen[None]):
    """Every field of one contact; escape goes back to the list."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CONTACT_DETAIL_KEYS)

    def __init__(self, vault: Vault, contact_id: int) -> None:
        super().__init__()
        self.vault = vault
        self.contact_id = contact_id
        self.contact: Contact | None = None
        self._gone = False  # deleted (here or elsewhere): leave when back on top
        self._leaving = False

    def compose(self) -> ComposeResult:
        with Vertical(id="contact-box", classes="box"):
            yield Static("", id="contact-title", classes="screen-title")
            yield Static("", id="contact-fields")
            yield Static(Content(messages.CONTACT_NOTE), classes="section-title")
            with VerticalScroll(id="contact-note-scroll"):
                yield Static("", id="contact-note")
            yield Static(Content(messages.CONTACT_KEYS), classes="keys-line")

    def on_mount(self) -> None:
        self.query_one("#contact-note-scroll").focus()

    def on_screen_resume(self) -> None:
        """First shown, or back from the form or a question: read the contact again."""
        if self._gone:
            self._leave()
        elif self.vault.is_open:
            self.load()

    def load(self) -> None:
        contact = contacts.get(self.vault.conn, self.contact_id)
        if contact is None:
            self._gone = True
            self.notify(messages.CONTACT_GONE)
            self._leave()
            return
        self.contact = contact
        day = contact.contact_date.isoformat()
        self.query_one("#contact-title", Static).update(
            Content(messages.CONTACT_TITLE.format(date=day))
        )
        self.query_one("#contact-fields", Static).update(fields_text(contact))
        note = contact.fields.note
        self.query_one("#contact-note", Static).update(
            Content(note) if note else Content.styled(messages.CONTACT_NO_NOTE, "$text-muted")
        )

    def action_refer(self) -> None:
        """Refer this contact: the app opens the directory ranked for it."""
        if self.contact is not None:
            self.post_message(ContactReferralRequested(self.contact_id))

    def action_edit(self) -> None:
        """Open the contact form on this contact."""
        edit_contact(self, self.vault, self.contact_id)

    def action_delete(self) -> None:
        """Ask, then delete this contact and go back to the list."""
        if self.contact is not None:
            day = self.contact.contact_date.isoformat()
            ask_to_delete(self, self.vault, self.contact_id, day)

    @on(ContactDeleted)
    def contact_deleted(self) -> None:
        """After a deletion from this screen: nothing left to show.

        The question may still be on top; then the resume that follows leaves.
        """
        self._gone = True
        if self.is_active:
            self._leave()

    def _leave(self) -> None:
        """Back to the list, once, however many reasons there are to go."""
        if not self._leaving:
            self._leaving = True
            self.dismiss()

    def action_back(self) -> None:
        """Back to the list."""
        self._leave()


def fields_text(contact: Contact) -> Content:
    """Label and value per line; the handle literally, risk marked in words."""
    f = contact.fields
    rows: list[tuple[str, Content]] = [
        (messages.CONTACT_DATE, Content(f.contact_date.isoformat())),
        (messages.CONTACT_MODE, Content(vocab.label_of(vocab.MODES, f.mode))),
        (
            messages.CONTACT_INITIATED_BY,
            Content(vocab.label_of(vocab.INITIATED_BY, f.initiated_by)),
        ),
        (messages.CONTACT_MINUTES, Content(str(f.minutes))),
    ]
    if f.mode == "group":
        rows.append((messages.CONTACT_HEAD_COUNT, Content(str(f.head_count))))
        kind = vocab.label_of(vocab.GROUP_KINDS, f.group_kind)
        rows.append((messages.CONTACT_GROUP_KIND, Content(kind)))
    rows += [
        (messages.CONTACT_FOR_WHOM, Content(vocab.label_of(vocab.FOR_WHOM, f.for_whom))),
        (
            messages.CONTACT_FIRST_OR_FOLLOWUP,
            Content(vocab.label_of(vocab.FIRST_OR_FOLLOWUP, f.first_or_followup)),
        ),
        (messages.CONTACT_TOPICS, Content(topic_labels(f.topics))),
        (
            messages.CONTACT_RISK,
            risk_value(f.risk),
        ),
        (messages.CONTACT_OUTCOME, Content(vocab.label_of(vocab.OUTCOMES, f.outcome))),
        (
            messages.CONTACT_CRITICAL_INCIDENT,
            Content(messages.CONTACT_YES if f.critical_incident else messages.CONTACT_NO),
        ),
        (
            messages.CONTACT_HANDLE,
            Content(f.handle)
            if f.handle
            else Content.styled(messages.CONTACT_NO_HANDLE, "$text-muted"),
        ),
        (messages.CONTACT_LOGGED, Content(_stamp(contact.created_at.isoformat()))),
    ]
    if contact.updated_at != contact.created_at:
        rows.append((messages.CONTACT_EDITED, Content(_stamp(contact.updated_at.isoformat()))))
    lines = [
        Content.assemble((label.ljust(LABEL_WIDTH), "$text-muted"), value) for label, value in rows
    ]
    return Content("\n").join(lines)


def _stamp(iso: str) -> str:
    """'2026-03-14T12:00:00+00:00' -> '2026-03-14 12:00' (UTC, as stored)."""
    return iso[:16].replace("T", " ")
