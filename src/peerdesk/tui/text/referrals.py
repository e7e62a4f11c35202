"""How a referral reads on screen: one row, shared by the referrals list and home.

The clinician's name and the handle are what people typed, so the row is built with
Text.append (never markup); a due referral is marked by ">" and bold, not colour alone.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from peerdesk import messages, vocab
from peerdesk.models.referrals import Referral


def referral_line(item: Referral, today: date, *, with_contact: bool = False) -> Text:
    """One row: check-back date (marked when due), clinician, status and since when;
    `with_contact` adds a second line saying which contact it is for (its date and
    topics), so two referrals to one clinician can be told apart at check-back time."""
    check_back = (
        item.check_back_on.isoformat()
        if item.check_back_on and item.is_open
        else messages.REFERRALS_NO_CHECK_BACK
    )
    line = messages.REFERRALS_LINE.format(
        check_back=check_back,
        clinician=item.clinician_name,
        status=vocab.label_of(vocab.REFERRAL_STATUSES, item.status).lower(),
        status_on=item.status_on.isoformat(),
        handle=f"  ({item.handle})" if item.handle else "",
    )
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("> " if item.due(today) else "  ", style="bold")
    text.append(line, style="bold" if item.due(today) else "")
    if with_contact:
        text.append("\n    ")
        text.append(contact_words(item), style="dim")
    return text


def contact_words(item: Referral) -> str:
    if item.contact_date is None:
        return messages.REFERRALS_CONTACT_GONE
    topics = ", ".join(vocab.label_of(vocab.TOPICS, t) for t in item.topics)
    return messages.REFERRALS_CONTACT_LINE.format(
        date=item.contact_date.isoformat(), topics=topics or "-"
    )
