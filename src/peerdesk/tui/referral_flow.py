"""The referral handoff as a sequence of screens, driven from the app.

After a saved contact whose outcome is or could be a referral (referral, follow-up,
escalated) and that has no referral yet: "Refer to a clinician?" -> the directory
ranked for the contact -> (an expired or suspended clinician: a warning to confirm)
-> the referral is recorded (offered, check back in a week) -> the handoff card.
Answering no to the warning goes back to the ranked list, so the peer picks another
clinician instead of losing the referral. From a clinician in the directory: which
contact? -> the same from the warning on (no there ends the flow: the clinician was
the peer's own choice). From a contact (its detail view, or home right after saving
it): straight to the ranked list, whatever the outcome and however many referrals it
has already (the peer asked).

Each step checks the vault is still open (a lock in between closes it and drops every
screen; an unlock opens a new Vault, so an old step never writes to it). The flow takes
any Textual app, not PeerdeskApp, so the app can import it without a cycle.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual.app import App

from peerdesk import messages
from peerdesk.models.ranking import RankedClinician, needs_confirmation
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.tui.screens.referral_pick import ContactPickScreen, ReferralPickScreen
from peerdesk.vault import Vault, VaultError, clinicians, contacts, referrals

MAY_REFER_OUTCOMES = frozenset({"referral", "follow-up", "escalated"})


def offer_after_contact(app: App[Any], vault: Vault, contact_id: int) -> None:
    """Ask "refer to a clinician?" when the saved contact could lead to one."""
    contact = contacts.get(vault.conn, contact_id)
    if contact is None or contact.fields.outcome not in MAY_REFER_OUTCOMES:
        return
    if referrals.has_referral(vault.conn, contact_id):
        return
    topics = contact.fields.topics

    def answered(yes: bool | None) -> None:
        if yes and vault.is_open:
            open_ranked(app, vault, contact_id, topics)

    app.push_screen(ConfirmScreen(messages.REFERRAL_OFFER_QUESTION, id="refer-offer"), answered)


def refer_contact(app: App[Any], vault: Vault, contact_id: int) -> None:
    """Start from a contact the peer chose: the ranked list at once, then as above."""
    contact = contacts.get(vault.conn, contact_id)
    if contact is None:
        app.notify(messages.CONTACT_GONE, severity="error")
        return
    open_ranked(app, vault, contact_id, contact.fields.topics)


def open_ranked(app: App[Any], vault: Vault, contact_id: int, topics: tuple[str, ...]) -> None:
    """The directory ranked for the contact; choosing leads to the card."""

    def chosen(item: RankedClinician | None) -> None:
        if item is not None and vault.is_open:
            confirm_then_refer(
                app,
                vault,
                contact_id,
                item.id,
                item.name,
                item.facts.status,
                declined=lambda: open_ranked(app, vault, contact_id, topics),
            )

    app.push_screen(ReferralPickScreen(vault, topics, date.today()), chosen)


def refer_from_clinician(app: App[Any], vault: Vault, clinician_id: str) -> None:
    """Start from a clinician (the directory): pick the contact, then as above."""
    found = clinicians.get(vault.conn, clinician_id)
    if found is None:
        app.notify(messages.REFERRAL_CLINICIAN_GONE, severity="error")
        return
    status = found.vetting_status(date.today())

    def picked(contact_id: int | None) -> None:
        if contact_id is not None and vault.is_open:
            confirm_then_refer(app, vault, contact_id, found.id, found.name, status)

    app.push_screen(ContactPickScreen(vault, found.name), picked)


def confirm_then_refer(
    app: App[Any],
    vault: Vault,
    contact_id: int,
    clinician_id: str,
    name: str,
    status: str,
    *,
    declined: Callable[[], None] | None = None,
) -> None:
    """Expired or suspended: warn and ask first; then record and show the card.

    `declined` runs when the peer answers no (the ranked list opens again).
    """
    if not needs_confirmation(status):
        record_and_show(app, vault, contact_id, clinician_id)
        return
    label = messages.REFERRAL_RANK_VETTING.get(status, status)

    def answered(yes: bool | None) -> None:
        if not vault.is_open:
            return  # locked meanwhile
        if yes:
            record_and_show(app, vault, contact_id, clinician_id)
        elif declined is not None:
            declined()

    question = messages.REFERRAL_NEEDS_CONFIRM.format(name=name, status=label)
    app.push_screen(ConfirmScreen(question, id="refer-warning"), answered)


def record_and_show(app: App[Any], vault: Vault, contact_id: int, clinician_id: str) -> None:
    """Record the referral (offered, check back in a week) and show the handoff card."""
    today = date.today()
    try:
        referral_id = referrals.make_referral(vault, contact_id, clinician_id, today=today)
    except KeyError:
        app.notify(messages.REFERRAL_GONE, severity="error")
        return
    except VaultError as exc:
        app.notify(str(exc), severity="error")
        return
    made = referrals.get(vault.conn, referral_id)
    found = clinicians.get(vault.conn, clinician_id)
    if made is None or found is None:
        app.notify(messages.REFERRAL_GONE, severity="error")
        return
    check_back = made.check_back_on.isoformat() if made.check_back_on else ""
    app.notify(messages.REFERRAL_RECORDED.format(date=check_back))
    app.push_screen(HandoffCardScreen(found, today))
