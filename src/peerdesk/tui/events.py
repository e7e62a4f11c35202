"""App-wide messages that several screens post or handle, and the one hook the app calls.

Kept apart from the screens that post them so the app can handle them without
importing those screens at start-up (start to the unlock screen is a measured target),
and so a screen asks the app for something by posting a message, never by importing
the app class or looking a method up by name. Messages are named in the past tense.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from textual.message import Message


class ContactSaved(Message):
    """A contact was saved: posted to the screen below the form (it bubbles to the app),
    and also the form's dismiss result."""

    def __init__(self, contact_id: int, created: bool) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.created = created


class ContactDeleted(Message):
    """A contact was deleted after the peer said yes: posted to the screen that asked."""

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id


class ClinicianChanged(Message):
    """Clinicians were suspended, reactivated or imported: posted to the screen that
    asked, so it draws them again."""


class ReferRequested(Message):
    """The peer asked to refer a contact (picked next) to this clinician.

    Posted by a screen; it bubbles to the app, which owns the referral flow.
    """

    def __init__(self, clinician_id: str) -> None:
        super().__init__()
        self.clinician_id = clinician_id


class ContactReferralRequested(Message):
    """The peer asked to refer this contact to a clinician (picked next, ranked for it).

    Posted by a screen (the contact's detail view, home after a save); it bubbles to the
    app, which runs the same referral flow as after saving a contact.
    """

    def __init__(self, contact_id: int) -> None:
        super().__init__()
        self.contact_id = contact_id


@runtime_checkable
class ForgetsTyping(Protocol):
    """A screen shown while locked (unlock, set-up) that clears what was typed on ctrl+l.

    Called directly, not posted: a lock must take effect before the next key is read.
    """

    def forget_typing(self) -> None:
        """Clear every field that may hold part of a passphrase."""
