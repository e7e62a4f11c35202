"""How contacts and follow-ups read on screen: one line per row, fixed columns.

Every piece of text a person typed (handles, notes) goes in as plain `Content`, never
as markup, so "[red]x[/]" shows exactly as typed. Risk is marked by words and "!" as
well as colour, so it reads on a monochrome or colour-blind screen too.
"""

from __future__ import annotations

from datetime import date

from textual.content import Content

from peerdesk import messages, vocab
from peerdesk.models.contacts import ContactRow, FollowUp

# Contacts list columns (80 columns: 77 fit beside the list's scrollbar).
DATE_W, MODE_W, MIN_W, RISK_W, OUTCOME_W, NOTE_W, TOPICS_W, HANDLE_W = 10, 9, 3, 9, 9, 4, 16, 10
# Follow-up lines on home (the home box is 68 columns inside).
STATE_W, KIND_W, FOLLOWUP_HANDLE_W = 11, 17, 22

RISK_STYLES = {"elevated": "bold $warning", "imminent": "bold $error"}


def cell(text: str, width: int, style: str = "", *, right: bool = False) -> Content:
    """`text` cut to `width` (with an ellipsis) and padded, taken literally."""
    content = Content.styled(text, style) if style else Content(text)
    if right:
        return content.truncate(width, ellipsis=True).pad_left(width - content.cell_length)
    return content.truncate(width, ellipsis=True, pad=True)


def risk_cell(risk: str, width: int = RISK_W) -> Content:
    """none '-', low 'low', elevated 'elevated!', imminent 'IMMINENT!' (bold, coloured)."""
    return cell(messages.RISK_MARKS.get(risk, risk), width, RISK_STYLES.get(risk, ""))


def risk_value(risk: str) -> Content:
    """The risk for the detail view: 'Low', or marked like the list ('IMMINENT!')."""
    if risk in RISK_STYLES:
        return Content.styled(messages.RISK_MARKS.get(risk, risk), RISK_STYLES[risk])
    return Content(vocab.label_of(vocab.RISKS, risk))


def contacts_header() -> Content:
    """The column names above the list, dimmed."""
    widths = (DATE_W, MODE_W, MIN_W, RISK_W, OUTCOME_W, NOTE_W, TOPICS_W, HANDLE_W)
    parts = [
        cell(name, width, right=name == "min")
        for name, width in zip(messages.CONTACTS_COLUMNS, widths, strict=True)
    ]
    return Content(" ").join(parts).stylize("$text-muted")


def contact_line(row: ContactRow) -> Content:
    """One contact as one line of the list."""
    parts = [
        cell(row.contact_date.isoformat(), DATE_W),
        cell(row.mode, MODE_W),
        cell(str(row.minutes), MIN_W, right=True),
        risk_cell(row.risk),
        cell(row.outcome, OUTCOME_W),
        cell(messages.CONTACTS_HAS_NOTE if row.has_note else "", NOTE_W),
        cell(",".join(row.topics), TOPICS_W),
        cell(row.handle or "", HANDLE_W),
    ]
    return Content(" ").join(parts)


def followup_state(item: FollowUp, today: date) -> Content:
    """'OVERDUE 3 d' (bold, warning colour) or 'today'."""
    days = (today - item.due_on).days
    if days > 0:
        return cell(messages.FOLLOWUP_OVERDUE.format(days=days), STATE_W, "bold $warning")
    return cell(messages.FOLLOWUP_DUE_TODAY, STATE_W)


def followup_line(item: FollowUp, today: date, *, selected: bool) -> Content:
    """One follow-up on home: marker, state, due date, kind, handle (literal)."""
    kind = messages.FOLLOWUP_KINDS.get(item.kind, item.kind)
    handle = (
        cell(item.handle, FOLLOWUP_HANDLE_W)
        if item.handle
        else cell(messages.FOLLOWUP_NO_HANDLE, FOLLOWUP_HANDLE_W, "$text-muted")
    )
    line = Content.assemble(
        "> " if selected else "  ",
        followup_state(item, today),
        "  ",
        item.due_on.isoformat(),
        "  ",
        cell(kind, KIND_W),
        "  ",
        handle,
    )
    return line.stylize("bold on $accent 40%") if selected else line


def topic_labels(topics: tuple[str, ...]) -> str:
    """Topic labels in vocabulary order, comma separated."""
    return ", ".join(vocab.label_of(vocab.TOPICS, t) for t in topics)
