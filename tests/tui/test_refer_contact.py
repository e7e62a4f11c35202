"""Refer any saved contact with one key: r on its detail view, R on home right after saving.

Both run the referral flow that follows a saved contact (ranked list, card, referral
recorded); R is listed on home only while it applies.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from textual.widgets import OptionList

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.contact_detail import ContactDetailScreen
from peerdesk.tui.screens.contacts_list import ContactsListScreen
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.referral_pick import ReferralPickScreen
from peerdesk.vault import Vault, referrals
from tests.conftest import PASSPHRASE
from tests.support.referrals import add_clinician, add_contact, clinician
from tests.tui.contacts_list_helpers import open_list
from tests.tui.form_helpers import back_home
from tests.tui.helpers import SIZE, rendered, screen_text, unlock, wait_until

REFER_LINE = re.compile(rf"(^|\s)R +{re.escape(messages.KEY_REFER_SAVED)}")


def seed_directory(vault_path: Path) -> str:
    """A vetted clinician for grief, and a suspended one who matches better."""
    today = date.today()
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        add_clinician(
            vault,
            clinician("Sam Suspended", today, state="suspended", specialties=("grief", "sleep")),
        )
        return add_clinician(vault, clinician("Vic Vetted", today, specialties=("grief",)))


def refer_listed(app: PeerdeskApp) -> bool:
    """Whether home's keys, as drawn, list R and what it does."""
    return REFER_LINE.search(rendered(app.screen.query_one("#home-keys"))) is not None


async def test_r_on_the_detail_view_refers_that_contact(closed_vault: Path) -> None:
    vetted = seed_directory(closed_vault)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        contact_id = add_contact(vault, date.today(), ("grief",), outcome="support")
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_list(pilot, app)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail")
        await pilot.pause()
        assert "r refer" in screen_text(app)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
        await pilot.pause()
        assert "ranked for: Grief" in screen_text(app)
        ranked = app.screen.query_one("#ranked", OptionList)
        assert ranked.has_focus and ranked.get_option_at_index(ranked.highlighted or 0).id == vetted
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
        await pilot.pause()
        assert "Vic Vetted" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactDetailScreen), "detail")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactsListScreen), "the list")
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert (made.contact_id, made.clinician_id, made.status) == (contact_id, vetted, "offered")


async def test_r_on_home_refers_the_note_just_saved_while_it_applies(closed_vault: Path) -> None:
    vetted = seed_directory(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        assert not refer_listed(app)
        await pilot.press("R")  # nothing saved yet: R does nothing
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        await pilot.press("n", "g", "ctrl+s")  # a support note: no referral offered
        await back_home(pilot, app)
        await pilot.pause()
        assert refer_listed(app)
        await pilot.press("R")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
        await pilot.press("escape")  # changed their mind: R stays
        await back_home(pilot, app)
        await pilot.pause()
        assert refer_listed(app)
        await pilot.press("R")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
        await pilot.pause()
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
        await pilot.press("escape")
        await back_home(pilot, app)
        await pilot.pause()
        assert not refer_listed(app)  # referred: nothing left to do
        await pilot.press("R")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert (made.contact_id, made.clinician_id) == (1, vetted)


async def test_r_on_home_after_no_to_the_offer_and_gone_when_deleted(closed_vault: Path) -> None:
    seed_directory(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("n", "g", "O", "ctrl+s")  # outcome referral: the offer comes
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
        await pilot.press("n")  # not now
        await back_home(pilot, app)
        await pilot.pause()
        assert refer_listed(app)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactsListScreen), "the list")
        await pilot.pause()
        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "delete?")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactsListScreen), "the list")
        await pilot.press("escape")
        await back_home(pilot, app)
        await pilot.pause()
        assert not refer_listed(app)  # the contact is gone
