"""How many keys the peer presses, from home, for the notes that matter most in a car.

Counts, not timings: each test presses keys only through `CountedKeys` and asserts
the count and the sequence. The typical note (four keys) is counted in
test_contact_form.py. The directory here is mixed: suspended and expired clinicians
match the contact's topics better than the usable one, so the counts hold only while
usable clinicians rank first and the cursor starts on the best of them.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.pilot import Pilot

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.referral_pick import ReferralPickScreen
from peerdesk.vault import Vault, referrals
from tests.conftest import PASSPHRASE
from tests.support.referrals import add_clinician, clinician
from tests.tui.form_helpers import stored
from tests.tui.helpers import SIZE, CountedKeys, rendered, screen_text, unlock, wait_until

REFERRAL_NOTE_MOST = 6  # from home to a saved note whose outcome is referral
CARD_MOST = 3  # from a saved note to the handoff card


def mixed_directory(vault_path: Path) -> str:
    """Suspended and expired clinicians matching both topics, and one usable for one."""
    today = date.today()
    both = ("trauma", "sleep")
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        add_clinician(
            vault,
            clinician("Ada Suspended", today, state="suspended", specialties=both,
                      accepting_new_clients=True, telehealth=True),
        )  # fmt: skip
        add_clinician(
            vault,
            clinician("Ben Expired", today, state="expired", specialties=both,
                      accepting_new_clients=True),
        )  # fmt: skip
        add_clinician(vault, clinician("Cy Unmatched", today))
        return add_clinician(vault, clinician("Dee Vetted", today, specialties=("trauma",)))


async def saved_to_card(pilot: Pilot[None], app: PeerdeskApp, keys: CountedKeys) -> None:
    """From the ranked list on: enter, and the card is there."""
    await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
    await pilot.pause()
    drawn = rendered(app.screen.query_one("#ranked"))
    assert drawn.index("Dee Vetted") < drawn.index("Ada Suspended") < drawn.index("Ben Expired")
    await keys.press("enter")
    await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
    await pilot.pause()
    assert "Dee Vetted" in screen_text(app)


async def test_a_referral_note_then_its_card_from_home(closed_vault: Path) -> None:
    """n t O ctrl+s: saved with outcome referral (4 keys); y enter: the card (2 keys)."""
    vetted = mixed_directory(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        note = CountedKeys(pilot)
        await note.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactFormScreen), "the form")
        await pilot.pause()
        await note.press("t", "O", "ctrl+s")  # trauma; outcome: referral; save
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
        assert messages.REFERRAL_OFFER_QUESTION in screen_text(app)
        assert note.pressed == ["n", "t", "O", "ctrl+s"]
        assert note.count <= REFERRAL_NOTE_MOST
        card = CountedKeys(pilot)
        await card.press("y")
        await saved_to_card(pilot, app, card)
        assert card.pressed == ["y", "enter"]
        assert card.count <= CARD_MOST
    fields = stored(closed_vault, 1).fields
    assert (fields.outcome, fields.topics) == ("referral", ("trauma",))
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert (made.contact_id, made.clinician_id) == (1, vetted)


async def test_any_note_just_saved_to_its_card_from_home(closed_vault: Path) -> None:
    """A support note (n t ctrl+s), no question asked; then R enter: the card (2 keys)."""
    vetted = mixed_directory(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        note = CountedKeys(pilot)
        await note.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactFormScreen), "the form")
        await pilot.pause()
        await note.press("t", "ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.pause()
        assert note.pressed == ["n", "t", "ctrl+s"]
        card = CountedKeys(pilot)
        await card.press("R")
        await saved_to_card(pilot, app, card)
        assert card.pressed == ["R", "enter"]
        assert card.count <= CARD_MOST
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert (made.contact_id, made.clinician_id) == (1, vetted)
