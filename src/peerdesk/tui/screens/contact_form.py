"""The contact form: a note in a few keystrokes, every field a default or a single key.

It opens with the topic list focused (letters toggle topics, 1-4 pick the minutes, R
and O step the risk and the outcome), every other field is a tab away, ctrl+s saves
from anywhere on the form. The vault is
read once when the form opens (settings, and the contact when editing); typing never
queries it. Text the peer types is shown literally. When the lock fires, the app asks
`draft()` for everything typed and keeps it inside the vault (never on disk in clear).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Grid, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from peerdesk import messages, vocab
from peerdesk.models.contacts import ContactFields
from peerdesk.note_check import check_note
from peerdesk.tui import keys, save_problems
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.events import ContactSaved
from peerdesk.tui.screens.contact_values import FormValues, to_draft
from peerdesk.tui.screens.imminent import EscalationScreen
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import NoteArea, PasteRefused, PlainInput, refocus
from peerdesk.tui.widgets.topics import TopicPicker
from peerdesk.validation import HANDLE_MAX_CHARS, NOTE_MAX_CHARS, InvalidInput
from peerdesk.vault import Vault, contacts, logbook

NOTE_CHECK_DELAY = 0.15  # seconds of quiet typing before the note is checked
CRITICAL = (
    vocab.Choice("no", messages.FORM_CRITICAL_NO),
    vocab.Choice("yes", messages.FORM_CRITICAL_YES),
)
# InvalidInput.field -> the widget to focus.
FIELD_IDS = {
    "date": "date",
    "topic": "topics",
    "mode": "mode",
    "initiated-by": "initiated-by",
    "risk": "risk",
    "outcome": "outcome",
    "minutes": "minutes",
    "head count": "head-count",
    "note": "note",
    "handle": "handle",
    messages.FORM_FOLLOW_UP_FIELD: "follow-up",
    "for whom": "for-whom",
    "first or follow-up": "first-or-followup",
    "group kind": "group-kind",
}
DIGITS = r"[0-9]*"
DATE_CHARS = r"[0-9-]*"


def label(text: str, *, right: bool = False) -> Static:
    return Static(Text(text), classes="form-label right" if right else "form-label")


def warning_sentence(text: str) -> str:
    """What the note warning line says for this text ("" when nothing looks identifying)."""
    if len(text) > NOTE_MAX_CHARS:
        return messages.TEXT_TOO_LONG.format(field="note", max=NOTE_MAX_CHARS)
    kinds = [messages.NOTE_WARNINGS.get(w.kind, w.kind) for w in check_note(text)]
    if not kinds:
        return ""
    lead = "looks like "
    if all(kind.startswith(lead) for kind in kinds):  # "looks like a name and a phone number"
        kinds = [kinds[0], *(kind.removeprefix(lead) for kind in kinds[1:])]
    what = kinds[0] if len(kinds) == 1 else ", ".join(kinds[:-1]) + " and " + kinds[-1]
    return messages.NOTE_WARNING_LEAD.format(what=what)


class ContactFormScreen(Screen[ContactSaved | None]):
    """Log a new contact, or edit one (`contact_id`); see the module docstring."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.FORM_KEYS)

    def __init__(
        self,
        vault: Vault,
        *,
        contact_id: int | None = None,
        initial: ContactFields | None = None,
        completes_followup: int | None = None,
        draft: FormValues | None = None,
        focus: str | None = None,
    ) -> None:
        super().__init__()
        self.vault = vault
        self.contact_id = contact_id
        self.completes_followup = completes_followup
        self.missing = False
        settings = vault.settings()
        self.keeps_text = settings.retention_days > 0
        self.checklist = settings.escalation_checklist
        start = FormValues(contact_date=date.today().isoformat())
        if contact_id is not None:
            stored = contacts.get(vault.conn, contact_id)
            self.missing = stored is None
            if stored is not None:
                start = FormValues.from_fields(stored.fields)
        elif initial is not None:
            start = FormValues.from_fields(initial)
        if not self.keeps_text:
            start = replace(start, note="", handle="")
        self._baseline = replace(start, topics=vocab.in_topic_order(start.topics))
        self._start = draft or start
        self._restored = draft is not None
        self._restored_focus = focus if draft is not None else None
        self._note_timer: Timer | None = None
        self._status_field: str | None = None  # the field the status sentence is about

    # --- building -----------------------------------------------------------
    def compose(self) -> ComposeResult:
        v = self._start
        title = Text()
        title.append(
            messages.FORM_TITLE_EDIT if self.contact_id is not None else messages.FORM_TITLE_NEW,
            style="bold",
        )
        title.append("   " + messages.FORM_TOPICS_HINT, style="dim")
        with Vertical(id="form-box"):
            yield Static(title, id="form-title")
            yield TopicPicker(
                v.topics,
                id="topics",
                field_keys={spec.key: spec.action for spec in keys.FORM_STEP_KEYS},
            )
            with Grid(id="form-grid"):
                yield label(messages.FORM_DATE)
                yield PlainInput(
                    v.contact_date, id="date", max_length=10, restrict=DATE_CHARS, field="date"
                )
                yield label(messages.FORM_MINUTES, right=True)
                yield PlainInput(
                    v.minutes, id="minutes", max_length=4, restrict=DIGITS, field="minutes"
                )
                yield label(messages.FORM_MODE)
                yield ChoiceField(vocab.MODES, v.mode, id="mode")
                yield label(messages.FORM_INITIATED_BY, right=True)
                yield ChoiceField(vocab.INITIATED_BY, v.initiated_by, id="initiated-by")
                yield label(messages.FORM_RISK)
                yield ChoiceField(vocab.RISKS, v.risk, id="risk")
                yield label(messages.FORM_OUTCOME, right=True)
                yield ChoiceField(vocab.OUTCOMES, v.outcome, id="outcome")
                yield label(messages.FORM_HEAD_COUNT)
                yield PlainInput(
                    v.head_count,
                    id="head-count",
                    max_length=3,
                    restrict=DIGITS,
                    field="head count",
                    disabled=v.mode != "group",
                )
                yield label(messages.FORM_CRITICAL, right=True)
                yield ChoiceField(CRITICAL, "yes" if v.critical_incident else "no", id="critical")
                yield label(messages.FORM_HANDLE)
                yield PlainInput(
                    v.handle if self.keeps_text else "",
                    id="handle",
                    max_length=HANDLE_MAX_CHARS,
                    field="handle",
                    disabled=not self.keeps_text,
                )
                yield label(messages.FORM_FOLLOW_UP, right=True)
                yield PlainInput(
                    v.follow_up_on,
                    id="follow-up",
                    max_length=10,
                    restrict=DATE_CHARS,
                    placeholder=messages.FORM_DATE_PLACEHOLDER,
                    field=messages.FORM_FOLLOW_UP_FIELD,
                )
                # After every older field, so the keys of a typical note stay the same.
                yield label(messages.FORM_FOR_WHOM)
                yield ChoiceField(vocab.FOR_WHOM, v.for_whom, id="for-whom")
                yield label(messages.FORM_FIRST_OR_FOLLOWUP, right=True)
                yield ChoiceField(
                    vocab.FIRST_OR_FOLLOWUP, v.first_or_followup, id="first-or-followup"
                )
                group = v.mode == "group"
                kind_label = label(messages.FORM_GROUP_KIND)
                kind_label.id = "group-kind-label"
                kind_label.display = group
                yield kind_label
                kind = ChoiceField(vocab.GROUP_KINDS, v.group_kind, id="group-kind")
                kind.display = group
                yield kind
            yield Static(Text(messages.FORM_NOTE), classes="form-label", id="note-label")
            note = NoteArea(
                v.note if self.keeps_text else "", max_chars=NOTE_MAX_CHARS, field="note", id="note"
            )
            note.disabled = not self.keeps_text
            yield note
            yield Static("", id="note-warning")
            reminder = (
                messages.NOTE_SUBPOENA_REMINDER
                if self.keeps_text
                else (messages.FORM_TEXT_NOT_KEPT)
            )
            yield Static(Text(reminder), id="note-reminder")
            yield Static("", id="form-status", classes="status")
            yield Static(Text(messages.FORM_LEGEND), id="form-legend", classes="keys-line")

    def on_mount(self) -> None:
        if self.missing:
            self.notify(messages.FORM_CONTACT_MISSING.format(id=self.contact_id), severity="error")
            self.dismiss(None)
            return
        # A draft comes back with the cursor where it was (typing carries on there).
        if not refocus(self, self._restored_focus):
            self.query_one(TopicPicker).focus()
        if self._start.note and self.keeps_text:
            self._show_note_warning()

    # --- reading the fields -------------------------------------------------
    def values(self) -> FormValues:
        """Everything as typed right now (read from the widgets, no query)."""

        def text(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", Input).value

        def chosen(widget_id: str) -> str:
            return self.query_one(f"#{widget_id}", ChoiceField).value

        return FormValues(
            contact_date=text("date"),
            topics=self.query_one(TopicPicker).chosen,
            mode=chosen("mode"),
            initiated_by=chosen("initiated-by"),
            minutes=text("minutes"),
            head_count=text("head-count"),
            risk=chosen("risk"),
            outcome=chosen("outcome"),
            critical_incident=chosen("critical") == "yes",
            note=self.query_one(NoteArea).text if self.keeps_text else "",
            handle=text("handle") if self.keeps_text else "",
            follow_up_on=text("follow-up"),
            for_whom=chosen("for-whom"),
            first_or_followup=chosen("first-or-followup"),
            group_kind=chosen("group-kind"),
        )

    @property
    def changed(self) -> bool:
        """True when there is something the peer would not want to lose."""
        return self._restored or self.values() != self._baseline

    def draft(self) -> dict[str, object]:
        """What the app keeps in the vault when the lock fires while this form is open."""
        focused = self.focused
        return to_draft(
            self.values(),
            contact_id=self.contact_id,
            completes_followup=self.completes_followup,
            focus=focused.id if focused is not None else None,
        )

    # --- live reactions -----------------------------------------------------
    @on(TopicPicker.MinutesPicked)
    def _minutes_picked(self, message: TopicPicker.MinutesPicked) -> None:
        self.query_one("#minutes", Input).value = str(message.minutes)

    @on(TopicPicker.FieldKeyPressed)
    def _field_key(self, message: TopicPicker.FieldKeyPressed) -> None:
        """R or O on the topic list: the next risk or outcome, focus staying on the list
        (the field posts Changed as if stepped itself, so imminent shows the checklist)."""
        self.query_one(f"#{message.field_id}", ChoiceField).action_step(1)

    @on(ChoiceField.Changed, "#mode")
    def _mode_changed(self, message: ChoiceField.Changed) -> None:
        group = message.value == "group"
        self.query_one("#head-count", Input).disabled = not group
        for widget_id in ("#group-kind-label", "#group-kind"):
            self.query_one(widget_id).display = group

    @on(ChoiceField.Changed, "#risk")
    def _risk_changed(self, message: ChoiceField.Changed) -> None:
        if message.value == "imminent":
            self.app.push_screen(EscalationScreen(self.checklist))

    @on(TextArea.Changed, "#note")
    def _note_changed(self) -> None:
        """Check the note only after a short pause in typing, so typing never waits."""
        self._field_changed("note")
        if self._note_timer is not None:
            self._note_timer.stop()
        self._note_timer = self.set_timer(NOTE_CHECK_DELAY, self._show_note_warning)

    def _show_note_warning(self) -> None:
        self._note_timer = None
        sentence = warning_sentence(self.query_one(NoteArea).text)
        self.query_one("#note-warning", Static).update(Text(sentence))

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if event.input.id is not None:
            self._field_changed(event.input.id)

    def _field_changed(self, widget_id: str) -> None:
        """Take away a sentence about this field ("paste was not added", "too long").

        Once the peer changes the text, the sentence speaks of text that is no longer
        there; left on screen it would be read as a problem with what is there now.
        """
        if self._status_field == widget_id:
            self._show_status("")

    @on(PasteRefused)
    def _paste_refused(self, message: PasteRefused) -> None:
        self._show_status(message.sentence, error=True, field_id=message.field_id)

    # --- saving and leaving -------------------------------------------------
    def action_save(self) -> None:
        """Validate and save in one transaction; on a problem say it and focus the field."""
        values = self.values()
        try:
            contact_id = logbook.save_contact(
                self.vault,
                values.to_fields(),
                today=date.today(),
                contact_id=self.contact_id,
                follow_up_on=values.follow_up_date(),
                completes_followup=self.completes_followup,
            )
        except InvalidInput as exc:
            self._show_status(str(exc), error=True, field_id=FIELD_IDS.get(exc.field))
            self._focus_field(exc.field)
            return
        except Exception as exc:  # noqa: BLE001 - the form and its text stay; see save_problems
            self._show_status(save_problems.sentence(exc), error=True)
            return
        saved = ContactSaved(contact_id, created=self.contact_id is None)
        below = self.app.screen_stack[-2] if len(self.app.screen_stack) > 1 else self.app
        self.dismiss(saved)
        below.post_message(saved)

    def _focus_field(self, field: str) -> None:
        widget = self.query_one(f"#{FIELD_IDS.get(field, 'topics')}", Widget)
        if widget.focusable:
            widget.focus()

    def action_cancel(self) -> None:
        """Leave without saving; ask first when something would be lost."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(messages.FORM_DISCARD_QUESTION), answered)

    def _show_status(
        self, sentence: str, *, error: bool = False, field_id: str | None = None
    ) -> None:
        """The status line; `field_id`: the field the sentence is about, if any."""
        self._status_field = field_id
        status = self.query_one("#form-status", Static)
        status.update(Text(sentence))
        status.set_class(error, "error")
