"""Add or edit a clinician: every field, checked on ctrl+s, nothing lost on a mistake.

`ClinicianFields.check()` reports every problem at once; each sentence is shown right
under its field and the cursor goes to the first one. The typed values stay as they
are, so fixing one field and pressing ctrl+s again is all it takes. Lists (phones,
languages, modalities, insurance) are typed with ";" between entries, as in the CSV
file; specialties are toggled by their topic letters, as in the contact form.
Suspension is not a form field: u on the list or the detail asks for it.
If the vault locks while the form is open, what was typed is kept inside the vault
and offered back after unlock (tui.drafts, tui.screens.clinician_draft).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Static

from peerdesk import messages, vocab
from peerdesk.models.clinicians import (
    ADDRESS_MAX_CHARS,
    EMAIL_MAX_CHARS,
    LIST_SEPARATOR,
    NAME_MAX_CHARS,
    NOTES_MAX_CHARS,
    SHORT_MAX_CHARS,
    ClinicianFields,
)
from peerdesk.tui import keys, save_problems
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.clinician_draft import RawValue, to_body
from peerdesk.tui.widgets.choice import ChoiceField
from peerdesk.tui.widgets.text_fields import NoteArea, PasteRefused, PlainInput, refocus
from peerdesk.tui.widgets.topics import TopicPicker
from peerdesk.validation import InvalidInput, parse_date
from peerdesk.vault import Vault, clinicians
from peerdesk.vault.directory import save_clinician

YES_NO = (vocab.Choice("no", messages.CLINICIAN_NO), vocab.Choice("yes", messages.CLINICIAN_YES))
LIST_CHARS = 3000  # a list typed in one line (30 entries of up to 100 characters)
# field -> (kind, max characters); kinds: line, list, date, area, bool, topics
FORM_FIELDS: tuple[tuple[str, str, int], ...] = (
    ("name", "line", NAME_MAX_CHARS),
    ("credentials", "line", SHORT_MAX_CHARS),
    ("practice", "line", SHORT_MAX_CHARS),
    ("phones", "list", LIST_CHARS),
    ("email", "line", EMAIL_MAX_CHARS),
    ("address", "area", ADDRESS_MAX_CHARS),
    ("region", "line", SHORT_MAX_CHARS),
    ("telehealth", "bool", 0),
    ("accepting_new_clients", "bool", 0),
    ("specialties", "topics", 0),
    ("languages", "list", LIST_CHARS),
    ("modalities", "list", LIST_CHARS),
    ("insurance", "list", LIST_CHARS),
    ("first_responder_experience", "area", NOTES_MAX_CHARS),
    ("vetted_by", "line", SHORT_MAX_CHARS),
    ("vetted_on", "date", 10),
    ("revet_due", "date", 10),
    ("notes", "area", NOTES_MAX_CHARS),
)


def shown_value(fields: ClinicianFields, name: str) -> str:
    """A field's value as the form's text box shows it."""
    value = getattr(fields, name)
    if isinstance(value, tuple):
        return f"{LIST_SEPARATOR} ".join(value)
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


class ClinicianFormScreen(Screen[str | None]):
    """Dismisses with the clinician's id once saved, or None when left unsaved."""

    BINDINGS: ClassVar[list[BindingType]] = keys.bindings(keys.CLINICIAN_FORM_KEYS)

    def __init__(
        self,
        vault: Vault,
        *,
        clinician_id: str | None = None,
        draft: dict[str, RawValue] | None = None,
        focus: str | None = None,
    ) -> None:
        """`draft`: the raw values of a form the lock interrupted, shown as they were.

        `focus`: the field of that draft that had the cursor, which gets it back.
        """
        super().__init__()
        self.vault = vault
        self.clinician_id = clinician_id
        self.initial = ClinicianFields(name="")
        self._draft = draft or {}
        self._restored = draft is not None
        self._restored_focus = focus if draft is not None else None
        self._start_raw: dict[str, RawValue] = {}
        if clinician_id is not None and vault.is_open:
            found = clinicians.get(vault.conn, clinician_id)
            if found is not None:
                self.initial = found.fields

    def compose(self) -> ComposeResult:
        title = messages.CLINICIAN_FORM_EDIT if self.clinician_id else messages.CLINICIAN_FORM_NEW
        labels = messages.CLINICIAN_LABELS
        with Vertical(id="clinician-form-box"):
            yield Static(Text(title), classes="screen-title", id="clinician-form-title")
            yield Static(Text(messages.CLINICIAN_FORM_HINT), classes="field-label")
            with VerticalScroll(id="clinician-form-scroll"):
                for name, kind, limit in FORM_FIELDS:
                    with Horizontal(classes="clinician-form-row"):
                        yield Static(Text(labels[name]), classes="form-label")
                        yield self._field(name, kind, limit)
                    problem = Static("", id=f"problem-{name}", classes="clinician-problem")
                    problem.display = False
                    yield problem
            yield Static("", id="clinician-form-status", classes="status error")
            yield Static(Text(messages.CLINICIAN_FORM_KEYS), classes="keys-line")

    def _field(self, name: str, kind: str, limit: int) -> Widget:
        kept = self._draft.get(name)
        value = kept if isinstance(kept, str) else shown_value(self.initial, name)
        if kind == "bool":
            flag = "yes" if getattr(self.initial, name) else "no"
            return ChoiceField(YES_NO, kept if isinstance(kept, str) else flag, id=name)
        if kind == "topics":
            topics = tuple(kept) if isinstance(kept, list) else self.initial.specialties
            return TopicPicker(topics, id=name)
        if kind == "area":
            return NoteArea(value, max_chars=limit, field=name, id=name)
        return PlainInput(value, id=name, max_length=limit, field=name)

    def on_mount(self) -> None:
        if not refocus(self, self._restored_focus):
            self.query_one("#name").focus()
        self._start_raw = self.raw()  # what "nothing changed" looks like on leaving

    @property
    def changed(self) -> bool:
        """True when there is something the team lead would not want to lose."""
        return self._restored or self.raw() != self._start_raw

    def draft(self) -> dict[str, object]:
        """What the app keeps in the vault when the lock fires while this form is open."""
        focused = self.focused
        return to_body(self.raw(), self.clinician_id, focused.id if focused is not None else None)

    def raw(self) -> dict[str, RawValue]:
        """Every field exactly as typed (half-typed dates included)."""
        values: dict[str, RawValue] = {}
        for name, kind, _limit in FORM_FIELDS:
            if kind == "bool":
                values[name] = self.query_one(f"#{name}", ChoiceField).value
            elif kind == "topics":
                values[name] = list(self.query_one(f"#{name}", TopicPicker).chosen)
            else:
                values[name] = self._text(name)
        return values

    # --- reading the fields -------------------------------------------------
    def _text(self, name: str) -> str:
        widget = self.query_one(f"#{name}")
        if isinstance(widget, NoteArea):
            return widget.text
        assert isinstance(widget, PlainInput)
        return widget.value

    def _list(self, name: str) -> tuple[str, ...]:
        return tuple(item.strip() for item in self._text(name).split(LIST_SEPARATOR))

    def _flag(self, name: str) -> bool:
        return self.query_one(f"#{name}", ChoiceField).value == "yes"

    def typed(self) -> tuple[ClinicianFields | None, list[InvalidInput]]:
        """The fields as typed (uncleaned) plus the date problems, if any."""
        problems: list[InvalidInput] = []
        days = {}
        for name in ("vetted_on", "revet_due"):
            text = self._text(name).strip()
            try:
                days[name] = parse_date(text, name) if text else None
            except InvalidInput as exc:
                problems.append(exc)
                days[name] = None
        fields = ClinicianFields(
            name=self._text("name"),
            credentials=self._text("credentials"),
            practice=self._text("practice"),
            phones=self._list("phones"),
            email=self._text("email"),
            address=self._text("address"),
            region=self._text("region"),
            telehealth=self._flag("telehealth"),
            languages=self._list("languages"),
            specialties=self.query_one("#specialties", TopicPicker).chosen,
            modalities=self._list("modalities"),
            insurance=self._list("insurance"),
            accepting_new_clients=self._flag("accepting_new_clients"),
            first_responder_experience=self._text("first_responder_experience"),
            vetted_by=self._text("vetted_by"),
            vetted_on=days["vetted_on"],
            revet_due=days["revet_due"],
            suspended=self.initial.suspended,
            notes=self._text("notes"),
        )
        return fields, problems

    # --- saving -------------------------------------------------------------
    def action_save(self) -> None:
        """Check every field; show all problems, or save and go back."""
        if not self.vault.is_open:
            return
        fields, problems = self.typed()
        assert fields is not None
        clean, found = fields.check()
        problems += [p for p in found if p.field not in {q.field for q in problems}]
        if problems or clean is None:
            self._show_problems(problems)
            return
        try:
            saved = save_clinician(self.vault, clean, clinician_id=self.clinician_id)
        except InvalidInput as exc:
            self._show_problems([exc])
            return
        except KeyError:
            self.notify(messages.CLINICIAN_GONE, severity="error")
            return
        except Exception as exc:  # noqa: BLE001 - the form and its text stay; see save_problems
            self._status(save_problems.sentence(exc))
            return
        self.notify(messages.CLINICIAN_SAVED)
        self.dismiss(saved)

    def _show_problems(self, problems: list[InvalidInput]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(str(problem))
        for name, _kind, _limit in FORM_FIELDS:
            shown = self.query_one(f"#problem-{name}", Static)
            sentences = by_field.get(name, [])
            shown.update(Text("\n".join(sentences)))
            shown.display = bool(sentences)
        self._status(messages.CLINICIAN_FORM_PROBLEMS.format(count=len(by_field)))
        first = next((name for name, _k, _l in FORM_FIELDS if name in by_field), None)
        if first is not None:
            widget = self.query_one(f"#{first}")
            widget.focus()
            self.query_one("#clinician-form-scroll", VerticalScroll).scroll_to_widget(
                widget, animate=False
            )

    def _status(self, sentence: str) -> None:
        self.query_one("#clinician-form-status", Static).update(Text(sentence))

    def on_paste_refused(self, message: PasteRefused) -> None:
        message.stop()
        self._status(message.sentence)

    # --- leaving ------------------------------------------------------------
    def action_cancel(self) -> None:
        """Leave; if anything was typed (or this is a form kept at lock time), ask first."""
        if not self.changed:
            self.dismiss(None)
            return

        def answered(leave: bool | None) -> None:
            if leave:
                self.dismiss(None)

        self.app.push_screen(ConfirmScreen(messages.CLINICIAN_FORM_DISCARD), answered)
