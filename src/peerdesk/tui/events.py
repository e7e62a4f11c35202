"""App-wide messages that several screens post or handle.

Kept apart from the screens that post them so the app can handle them without
importing those screens at start-up (start to the unlock screen is a measured target).
"""

from __future__ import annotations

from textual.message import Message


class ContactSaved(Message):
    """A contact was saved: posted to the screen below the form (it bubbles to the app),
    and also the form's dismiss result."""

    def __init__(self, contact_id: int, created: bool) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.created = created
