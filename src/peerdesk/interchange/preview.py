"""What an import would do, as lines a person reads before saying yes: both faces show these.

A forged directory does its harm in the details: a vetted clinician's phone swapped for
another, a suspended one made vetted again, a second "Avery Castillo" with someone
else's number. So the preview names every changed field of every changed clinician with
its old and new value in full, puts a change of vetting status first in words, and
starts with every look-alike name. Every value is made printable (safe_text): a value
holding an escape sequence or a line break shows as `\\x1b` or `\\x0a`, so it can neither
act on the terminal nor forge a line of the preview. Lines are wrapped to a width (80
for the command line), continuation lines indented under their first.

Only new clinicians are cut short (after ADDED_SHOWN, with a count): a first import of a
whole directory adds thousands, and each added one is a name and an id. Changes and
look-alikes are never cut.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date

from peerdesk import messages, vocab
from peerdesk.interchange.importing import FieldChange, ImportPlan, PlannedRecord
from peerdesk.interchange.lookalikes import LookAlike
from peerdesk.models.clinicians import VETTING_STATUSES
from peerdesk.safe_text import printable

ADDED_SHOWN = 100
WIDTH = 80

# The kinds of line, so a face can style each (the CLI prints them all plainly).
PROBLEM = "problem"  # a bad field of a row: nothing will be written
WARNING = "warning"  # a look-alike name
RECORD = "record"  # the first line of a clinician to add or change
STATUS = "status"  # a changed clinician's vetting status changes
FIELD = "field"  # one changed field, old -> new
MORE = "more"  # how many new clinicians are not listed


@dataclass(frozen=True)
class PreviewLine:
    kind: str
    text: str  # printable; at most `width` characters unless one word is longer


def preview_lines(
    plan: ImportPlan, *, width: int = WIDTH, added_shown: int = ADDED_SHOWN
) -> list[PreviewLine]:
    """Problems, look-alikes, each changed clinician with every changed field, the added."""
    lines = _Lines(width)
    for problem in plan.problems:
        lines.add(
            PROBLEM,
            messages.DIRECTORY_PREVIEW_PROBLEM.format(
                location=problem.location, field=problem.field, sentence=problem.sentence
            ),
        )
    if plan.lookalikes:
        lines.add(WARNING, messages.DIRECTORY_LOOKALIKES_HEADING.format(count=len(plan.lookalikes)))
        for lookalike in plan.lookalikes:
            lines.add(WARNING, lookalike_sentence(lookalike), indent=2)
    for record in plan.changed:
        lines.add(
            RECORD,
            messages.DIRECTORY_PREVIEW_CHANGE.format(
                name=record.name, location=record.location, id=record.id
            ),
        )
        if record.status_changes:
            lines.add(
                STATUS,
                messages.DIRECTORY_PREVIEW_STATUS.format(
                    old=_status_words(record.old_status), new=_status_words(record.status)
                ),
                indent=2,
            )
        for change in record.changes:
            lines.add(FIELD, field_line(change), indent=2)
    for record in plan.added[:added_shown]:
        lines.add(RECORD, _added_line(record, plan.written))
    if len(plan.added) > added_shown:
        lines.add(MORE, messages.DIRECTORY_PREVIEW_MORE.format(count=len(plan.added) - added_shown))
    return lines.done


def attention(plan: ImportPlan) -> list[str]:
    """The sentences to put where a person decides (beside yes, or at the end of the
    command's output): how many look-alike names and vetting status changes there are."""
    sentences = []
    if plan.lookalikes:
        sentences.append(messages.DIRECTORY_ATTENTION_LOOKALIKES.format(count=len(plan.lookalikes)))
    status_changes = sum(1 for record in plan.changed if record.status_changes)
    if status_changes:
        sentences.append(messages.DIRECTORY_ATTENTION_STATUS.format(count=status_changes))
    return sentences


def lookalike_sentence(lookalike: LookAlike) -> str:
    """One sentence naming the new clinician and the one it looks like (both printable)."""
    if lookalike.other_location is None:
        return messages.DIRECTORY_LOOKALIKE_IN_VAULT.format(
            location=lookalike.location,
            name=lookalike.name,
            other=lookalike.other_name,
            other_id=lookalike.other_id,
        )
    return messages.DIRECTORY_LOOKALIKE_IN_FILE.format(
        location=lookalike.location,
        name=lookalike.name,
        other=lookalike.other_name,
        other_location=lookalike.other_location,
    )


def field_line(change: FieldChange) -> str:
    return messages.DIRECTORY_PREVIEW_FIELD.format(
        label=messages.CLINICIAN_LABELS[change.field],
        old=value_text(change.old),
        new=value_text(change.new),
    )


def value_text(value: object) -> str:
    """A field's value in full, printable: text and lists quoted, so that an empty value,
    yes/no and dates cannot be mistaken for text that reads the same."""
    if value is None or value in ((), ""):
        return messages.DIRECTORY_VALUE_EMPTY
    if isinstance(value, bool):
        return messages.CLINICIAN_YES if value else messages.CLINICIAN_NO
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, tuple):
        value = "; ".join(str(item) for item in value)
    return "'" + printable(str(value)) + "'"


def _status_words(status: str | None) -> str:
    return vocab.label_of(VETTING_STATUSES, status) if status else messages.DIRECTORY_VALUE_EMPTY


def _added_line(record: PlannedRecord, written: bool) -> str:
    """A record the file gave no id gets a new one when written: before that, the id in
    the plan is only a stand-in, so the line does not show it."""
    if not record.id_assigned:
        template = messages.DIRECTORY_PREVIEW_ADD
    elif written:
        template = messages.DIRECTORY_PREVIEW_ADD_NEW_ID
    else:
        template = messages.DIRECTORY_PREVIEW_ADD_ID_TO_COME
    return template.format(
        name=record.name,
        location=record.location,
        status=_status_words(record.status),
        id=record.id,
    )


def wrapped(text: str, width: int = WIDTH, *, indent: int = 0, hang: int = 4) -> list[str]:
    """`text` indented and cut into lines of at most `width` characters, the lines after
    the first indented `hang` more (a word longer than the width is cut too)."""
    line = " " * indent + text
    if len(line) <= width:
        return [line]
    wrapper = _WRAPPERS.get((width, indent, hang))
    if wrapper is None:
        wrapper = textwrap.TextWrapper(
            max(width, 20),
            subsequent_indent=" " * (indent + hang),
            break_on_hyphens=False,  # a phone number or a date stays in one piece
        )
        _WRAPPERS[(width, indent, hang)] = wrapper
    return wrapper.wrap(line)


_WRAPPERS: dict[tuple[int, int, int], textwrap.TextWrapper] = {}


class _Lines:
    """Collects lines of one kind after another, each wrapped to the width."""

    def __init__(self, width: int) -> None:
        self.width = width
        self.done: list[PreviewLine] = []

    def add(self, kind: str, text: str, *, indent: int = 0) -> None:
        self.done += [PreviewLine(kind, part) for part in wrapped(text, self.width, indent=indent)]
