"""How a clinician reads on screen: list rows, the detail fields, phones and emails aloud.

Everything is a rich.text.Text built with append(), never from markup, so a name
typed as "[red]Dr. X[/]" shows exactly like that. Text from the vault goes through
safe_text.printable, so a bidi override, zero-width character or line separator that
reached the vault before imports refused them shows as a visible escape (`\\u202e`).
The vetting status is a word in every row (not a colour alone): vetted, re-vet due,
EXPIRED, SUSPENDED, unvetted.

Phones and emails are laid out for reading aloud from a car: digits in short groups
with wide gaps ("206  555  0142  ext 13"), and the email spelled in words beside it.
"""

from __future__ import annotations

import re
from datetime import date

from rich.text import Text

from peerdesk import messages, vocab
from peerdesk.models.clinicians import (
    EXPIRED,
    REVET_DUE,
    SUSPENDED,
    VETTING_STATUSES,
    Clinician,
    ClinicianRow,
)
from peerdesk.safe_text import printable, printable_lines
from peerdesk.vault.clinicians import DirectoryFilter

STATUS_WIDTH = 10
REGION_WIDTH = 14
PHONE_WIDTH = 20
FLAGS_WIDTH = 7
LABEL_WIDTH = 28  # fits "First-responder experience"
GAP = "  "  # between the groups of a phone number read aloud

STATUS_STYLES = {
    EXPIRED: "bold red",
    SUSPENDED: "bold red",
    REVET_DUE: "bold yellow",
}
_EXTENSION = re.compile(r"\s*(?:x|ext\.?)\s*([0-9]+)\s*$", re.IGNORECASE)


def status_word(status: str) -> str:
    return messages.DIRECTORY_STATUS_WORDS.get(status, status)


def status_text(status: str) -> Text:
    return Text(status_word(status), style=STATUS_STYLES.get(status, ""))


def _cell(text: str, width: int) -> str:
    """Cut to `width` (an ellipsis shows it was cut) and pad to it."""
    if len(text) > width:
        text = text[: max(width - 1, 0)] + "\u2026"
    return text.ljust(width)


def name_width(width: int) -> int:
    fixed = STATUS_WIDTH + REGION_WIDTH + PHONE_WIDTH + FLAGS_WIDTH + 4
    return max(width - fixed, 10)


def header_line(width: int) -> Text:
    status, name, region, phone, flags = messages.DIRECTORY_HEADER
    text = Text(style="bold")
    text.append(_cell(status, STATUS_WIDTH) + " ")
    text.append(_cell(name, name_width(width)) + " ")
    text.append(_cell(region, REGION_WIDTH) + " ")
    text.append(_cell(phone, PHONE_WIDTH) + " ")
    text.append(_cell(flags, FLAGS_WIDTH))
    return text


def row_line(row: ClinicianRow, width: int) -> Text:
    """One list row: status word, name (credentials), region, first phone, flags."""
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append(_cell(status_word(row.status), STATUS_WIDTH), STATUS_STYLES.get(row.status, ""))
    text.append(" ")
    name = f"{row.name}, {row.credentials}" if row.credentials else row.name
    text.append(_cell(printable(name), name_width(width)) + " ")
    text.append(_cell(printable(row.region or ""), REGION_WIDTH) + " ")
    text.append(_cell(printable(row.phone or ""), PHONE_WIDTH) + " ")
    flags = (
        ("tel" if row.telehealth else "   ") + " " + ("new" if row.accepting_new_clients else "")
    )
    text.append(_cell(flags, FLAGS_WIDTH))
    return text


def _digit_groups(run: str) -> list[str]:
    """A long unbroken run of digits in 3s, with the last 4 kept together."""
    if len(run) <= 4:
        return [run]
    head, tail = run[:-4], run[-4:]
    return [head[i : i + 3] for i in range(0, len(head), 3)] + [tail]


def phone_aloud(phone: str) -> str:
    """ "(206) 555-0142 ext. 13" -> "206  555  0142  ext 13": groups with wide gaps."""
    extension = _EXTENSION.search(phone)
    number = phone[: extension.start()] if extension else phone
    groups = [g for run in re.findall(r"[0-9]+", number) for g in _digit_groups(run)]
    if number.strip().startswith("+") and groups:
        groups[0] = "+" + groups[0]
    if extension:
        groups.append(f"{messages.CLINICIAN_PHONE_EXT} {extension.group(1)}")
    return GAP.join(groups)


def email_spoken(email: str) -> str:
    """ "jose.garcia@example.org" -> "jose dot garcia at example dot org"."""
    local, _, domain = email.partition("@")

    def dots(part: str) -> str:
        return f" {messages.CLINICIAN_EMAIL_DOT} ".join(part.split("."))

    return f"{dots(local)} {messages.CLINICIAN_EMAIL_AT} {dots(domain)}"


def _yes_no(value: bool) -> str:
    return messages.CLINICIAN_YES if value else messages.CLINICIAN_NO


def detail_text(clinician: Clinician, today: date) -> Text:
    """Every field of one clinician, one labelled line (or block) each, shown literally."""
    f = clinician.fields
    labels = messages.CLINICIAN_LABELS
    text = Text()

    def line(key: str, value: Text | str | None, *, first: bool = True) -> None:
        if value is None or value == "":
            return
        if text:
            text.append("\n")
        text.append((labels[key] if first else "").ljust(LABEL_WIDTH), style="dim")
        text.append(value if isinstance(value, Text) else Text(printable_lines(value)))

    status = status_text(clinician.vetting_status(today))
    line("status", status)
    line("credentials", f.credentials)
    line("practice", f.practice)
    for index, phone in enumerate(f.phones):
        spoken = Text(phone_aloud(phone), style="bold")
        spoken.append(f"    ({printable(phone)})", style="dim")
        line("phones", spoken, first=index == 0)
    if f.email:
        email = Text(printable(f.email), style="bold")
        email.append("    " + messages.CLINICIAN_SPELLED.format(spoken=email_spoken(f.email)))
        line("email", email)
    line("address", f.address)
    line("region", f.region)
    line("telehealth", _yes_no(f.telehealth))
    line("accepting_new_clients", _yes_no(f.accepting_new_clients))
    line("specialties", ", ".join(vocab.label_of(vocab.TOPICS, s) for s in f.specialties))
    line("languages", ", ".join(f.languages))
    line("modalities", ", ".join(f.modalities))
    line("insurance", ", ".join(f.insurance))
    line("first_responder_experience", f.first_responder_experience)
    line("vetted_by", f.vetted_by)
    line("vetted_on", f.vetted_on.isoformat() if f.vetted_on else None)
    line("revet_due", f.revet_due.isoformat() if f.revet_due else None)
    line("suspended", _yes_no(f.suspended))
    line("notes", f.notes)
    line("updated_at", clinician.updated_at.isoformat(timespec="minutes"))
    line("id", clinician.id)
    return text


def filter_summary(flt: DirectoryFilter) -> Text:
    """One line naming the filters in force (the search box shows the words)."""
    parts: list[str] = []
    parts += [vocab.label_of(vocab.TOPICS, s) for s in flt.specialties]
    if flt.telehealth:
        parts.append(messages.DIRECTORY_FILTER_TELEHEALTH)
    if flt.accepting_new_clients:
        parts.append(messages.DIRECTORY_FILTER_ACCEPTING)
    parts += [printable(v) for v in (flt.insurance, flt.language, flt.region) if v]
    if flt.status:
        parts.append(status_word(flt.status))
    if not parts:
        return Text(messages.DIRECTORY_NO_FILTERS, style="dim")
    text = Text(messages.DIRECTORY_FILTERS, style="dim")
    text.append(" \u00b7 ".join(parts), style="bold")
    return text


STATUS_CYCLE: tuple[str | None, ...] = (None, *(choice.id for choice in VETTING_STATUSES))


def next_status(current: str | None) -> str | None:
    """The vetting-status filter's next value: any, vetted, re-vet due, ..., any."""
    index = STATUS_CYCLE.index(current) if current in STATUS_CYCLE else 0
    return STATUS_CYCLE[(index + 1) % len(STATUS_CYCLE)]
