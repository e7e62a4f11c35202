"""What the handoff card says and what its code holds, the same for both faces."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from peerdesk import messages, vocab
from peerdesk.handoff.phones import DEFAULT_REGION, Phone, first_valid, read_phone
from peerdesk.handoff.vcard import vcard
from peerdesk.models.clinicians import VETTING_STATUSES, Clinician, ClinicianFields

VCARD = "vcard"
TEL = "tel"
QR_KINDS = (VCARD, TEL)


class NoPhone(ValueError):
    """A tel: code was asked for a clinician without a phone a phone can dial."""


def tel_uri(phone: Phone) -> str:
    """tel: and the number a phone dials (E.164, then a pause and the extension)."""
    return f"tel:{phone.dial()}"


def payload(fields: ClinicianFields, kind: str, region: str = DEFAULT_REGION) -> str:
    """What the code holds: the vCard, or the tel: URI of the first valid phone (NoPhone)."""
    if kind == TEL:
        if not fields.phones:
            raise NoPhone(messages.CARD_NO_PHONE)
        phone = first_valid(fields.phones, region)
        if phone is None:
            raise NoPhone(messages.CARD_NO_VALID_PHONE.format(phones="; ".join(fields.phones)))
        return tel_uri(phone)
    return vcard(fields, region)


def phone_text(phone: Phone) -> str:
    """One phone as the card lists it: the number, its extension, and the entry as
    typed when the number alone does not say all of it (or says none of it)."""
    if not phone.valid:
        return messages.CARD_PHONE_INVALID.format(entered=phone.entered)
    text = phone.display
    if phone.extension:
        text = messages.CARD_PHONE_EXTENSION.format(number=text, extension=phone.extension)
    if not phone.complete:
        text = messages.CARD_PHONE_AS_TYPED.format(number=text, entered=phone.entered)
    return text


@dataclass(frozen=True)
class CardLine:
    label: str
    value: str


def card_lines(clinician: Clinician, today: date, region: str = DEFAULT_REGION) -> list[CardLine]:
    """The card's details in reading order; empty fields left out, each phone its line."""
    f = clinician.fields
    labels = messages.CARD_LABELS
    lines = [CardLine(labels["credentials"], f.credentials or "")]
    lines.append(CardLine(labels["practice"], f.practice or ""))
    lines += [CardLine(labels["phones"], phone_text(read_phone(p, region))) for p in f.phones]
    lines.append(CardLine(labels["email"], f.email or ""))
    lines.append(CardLine(labels["address"], f.address or ""))
    lines.append(
        CardLine(
            labels["telehealth"],
            messages.CARD_TELEHEALTH_YES if f.telehealth else messages.CARD_TELEHEALTH_NO,
        )
    )
    status = vocab.label_of(VETTING_STATUSES, clinician.vetting_status(today))
    lines.append(CardLine(labels["status"], status))
    return [line for line in lines if line.value]


def card_text(clinician: Clinician, today: date, kind: str) -> str:
    """The whole card as plain text (the CLI prints it): details, then the code's caption."""
    width = max(len(label) for label in messages.CARD_LABELS.values()) + 2
    out = [clinician.name, ""]
    for line in card_lines(clinician, today):
        value = line.value.replace("\n", "\n" + " " * width)
        out.append(f"{(line.label + ':').ljust(width)}{value}")
    out.append("")
    out.append(messages.CARD_QR_CAPTION.format(kind=messages.CARD_QR_KINDS[kind]))
    return "\n".join(out)
