"""Pilot at 80x24: contact saved -> refer -> ranked list -> card with its code ->
referral listed -> status changed -> check-back on home when due."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from rich.text import Text
from textual.widgets import OptionList

from peerdesk import handoff
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.clinician_detail import ClinicianDetailScreen
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.tui.screens.home import HomeScreen
from peerdesk.tui.screens.referral_pick import ContactPickScreen, ReferralPickScreen
from peerdesk.tui.screens.referrals_list import ReferralsScreen
from peerdesk.vault import Vault, clinicians, referrals
from tests.conftest import PASSPHRASE
from tests.support.referrals import add_clinician, add_contact, clinician, decode
from tests.tui.card_helpers import code_matrix
from tests.tui.form_helpers import jump, open_form
from tests.tui.helpers import SIZE, rendered, screen_text, unlock, wait_until


def seed(vault_path: Path) -> dict[str, str]:
    today = date.today()
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        return {
            "best": add_clinician(
                vault,
                clinician(
                    "Zoë Müller-Øvrebø",
                    today,
                    specialties=("trauma",),
                    accepting_new_clients=True,
                    telehealth=True,
                    phones=("(503) 555-0142",),
                ),
            ),
            "suspended": add_clinician(
                vault,
                clinician("Sam Suspended", today, state="suspended", specialties=("trauma",)),
            ),
            "other": add_clinician(vault, clinician("Al Other", today)),
        }


async def test_contact_saved_refer_pick_card_list_status(closed_vault: Path) -> None:
    ids = seed(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("t")  # topic: trauma
        await jump(pilot, screen, "outcome")
        await pilot.press("r")  # outcome: referral
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
        assert "Refer to a clinician?" in screen_text(app)
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
        ranked = app.screen.query_one("#ranked", OptionList)
        first = ranked.get_option_at_index(0)
        assert first.id == ids["best"]
        prompt = first.prompt
        assert isinstance(prompt, Text)
        assert "1 of 1 topics · accepting · vetted · telehealth" in prompt.plain
        assert ranked.highlighted == 0
        last = ranked.get_option_at_index(2).prompt  # suspended: after every usable one
        assert isinstance(last, Text) and last.plain.startswith("! Sam Suspended")
        assert "SUSPENDED, so listed last" in last.plain
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
        await pilot.pause()
        shown = screen_text(app)
        for detail in ("Zoë Müller-Øvrebø", "(503) 555-0142", "someone@example.org",
                       "12 Elm Street, Springfield", "Telehealth"):  # fmt: skip
            assert detail in shown, detail
        card = app.screen
        assert isinstance(card, HandoffCardScreen)
        # At 80x24 the vCard code is too tall beside the details: the phone code is shown.
        assert card.kind == handoff.TEL
        assert decode(code_matrix(app)) == b"tel:+15035550142"
        await pilot.press("v")  # the vCard code does not fit: the card says what to do
        assert "make the window larger, or press t for the phone-only code" in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralsScreen), "referrals")
        assert "Zoë Müller-Øvrebø" in str(
            app.screen.query_one("#referrals", OptionList).get_option_at_index(0).prompt
        )
        week = (date.today() + timedelta(days=7)).isoformat()
        assert "Open referrals (1)" in screen_text(app)
        await pilot.press("3")  # connected
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert (made.clinician_id, made.status, made.contact_id) == (ids["best"], "connected", 1)
        assert made.check_back_on is not None and made.check_back_on.isoformat() == week
        assert [c.status for c in referrals.changes(vault.conn, made.id)] == [
            "offered",
            "connected",
        ]


async def test_from_a_clinician_pick_the_contact_then_the_vcard_code(closed_vault: Path) -> None:
    ids = seed(closed_vault)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        contact_id = add_contact(vault, date.today(), ("grief",))
        best = clinicians.get(vault.conn, ids["best"])
    assert best is not None
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=(120, 50)) as pilot:
        await unlock(pilot, app)
        assert app.vault is not None
        # From the directory's detail view of the clinician: r refers a contact to them.
        app.push_screen(ClinicianDetailScreen(app.vault, ids["best"]))
        await wait_until(pilot, lambda: isinstance(app.screen, ClinicianDetailScreen), "detail")
        await pilot.pause()
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ContactPickScreen), "contacts")
        await pilot.pause()
        assert "(blue car)" in str(
            app.screen.query_one("#contacts-pick", OptionList).get_option_at_index(0).prompt
        )
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
        await pilot.pause()
        card = app.screen
        assert isinstance(card, HandoffCardScreen) and card.kind == handoff.VCARD
        assert decode(code_matrix(app)) == handoff.vcard(best.fields).encode("utf-8")
        assert "blue car" not in screen_text(app)  # the contact's handle stays off the card
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert (made.contact_id, made.clinician_id) == (contact_id, ids["best"])


async def test_suspended_needs_confirmation_and_due_check_backs_show_on_home(
    closed_vault: Path,
) -> None:
    ids = seed(closed_vault)
    today = date.today()
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        add_contact(vault, today, ("trauma",))
        due_one = referrals.make_referral(vault, 1, ids["other"], today=today, check_back_on=today)
        referrals.make_referral(vault, 1, ids["other"], today=today)  # due in a week
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        shown = screen_text(app)
        assert "Referrals to check back on: 1" in shown
        assert f"check {today.isoformat()}  Al Other  offered" in shown
        app.refer_from_clinician(ids["suspended"])
        await wait_until(pilot, lambda: isinstance(app.screen, ContactPickScreen), "contacts")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the warning")
        assert "Warning: Sam Suspended is SUSPENDED" in screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        app.refer_from_clinician(ids["suspended"])
        await wait_until(pilot, lambda: isinstance(app.screen, ContactPickScreen), "contacts")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the warning")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralsScreen), "referrals")
        await pilot.press("b")  # the due one (first) moves a week on
        await pilot.pause()
        await pilot.press("escape")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen), "home")
        await pilot.pause()
        assert not app.screen.query_one("#referrals-due").display  # nothing due: hidden
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        moved = referrals.get(vault.conn, due_one)
        assert moved is not None and moved.check_back_on == today + timedelta(days=7)
        assert [r.clinician_id for r in referrals.listing(vault.conn)].count(ids["suspended"]) == 1


async def test_the_cursor_starts_on_the_best_usable_clinician(closed_vault: Path) -> None:
    """Suspended and expired, however well they match, come after the only vetted one."""
    today = date.today()
    both = ("alcohol", "relationship")
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        add_clinician(
            vault,
            clinician("Ann Suspended", today, state="suspended", specialties=both,
                      accepting_new_clients=True, telehealth=True),
        )  # fmt: skip
        add_clinician(
            vault,
            clinician("Bo Expired", today, state="expired", specialties=both,
                      accepting_new_clients=True),
        )  # fmt: skip
        vetted = add_clinician(vault, clinician("Cal Vetted", today, specialties=("alcohol",)))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("a", "r")  # topics: alcohol, relationship
        await jump(pilot, screen, "outcome")
        await pilot.press("r")  # outcome: referral
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
        await pilot.pause()
        ranked = app.screen.query_one("#ranked", OptionList)
        assert ranked.has_focus and ranked.highlighted == 0
        lines = [str(ranked.get_option_at_index(i).prompt) for i in range(ranked.option_count)]
        assert lines[0].startswith("  Cal Vetted") and "vetted" in lines[0]
        assert lines[1].startswith("! Ann Suspended") and "SUSPENDED, so listed last" in lines[1]
        assert lines[2].startswith("! Bo Expired") and "VETTING EXPIRED, so listed" in lines[2]
        drawn = rendered(ranked)
        assert drawn.index("Cal Vetted") < drawn.index("Ann Suspended") < drawn.index("Bo Expired")
        await pilot.press("enter")  # straight on: the vetted one, no warning
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert made.clinician_id == vetted


async def test_no_at_the_warning_goes_back_to_the_ranked_list(closed_vault: Path) -> None:
    """Declining a suspended clinician keeps the referral: the list is back, nothing lost."""
    ids = seed(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await pilot.press("t")  # topic: trauma
        await jump(pilot, screen, "outcome")
        await pilot.press("r")  # outcome: referral
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
        await pilot.press("y")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "ranked")
        await pilot.pause()
        await pilot.press("down", "down")  # past Al Other to Sam Suspended
        ranked = app.screen.query_one("#ranked", OptionList)
        assert ranked.highlighted == 2
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the warning")
        assert "Sam Suspended is SUSPENDED" in screen_text(app)
        await pilot.press("n")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralPickScreen), "the list")
        await pilot.pause()
        again = app.screen.query_one("#ranked", OptionList)
        assert again.has_focus and again.highlighted == 0
        assert "Zoë Müller-Øvrebø" in rendered(again)
        assert app.vault is not None and referrals.listing(app.vault.conn) == []
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, HandoffCardScreen), "the card")
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        (made,) = referrals.listing(vault.conn)
        assert made.clinician_id == ids["best"]


async def test_two_referrals_to_one_clinician_say_which_contact_each_is_for(
    closed_vault: Path,
) -> None:
    """At check-back time two rows for one clinician differ by the contact's date and
    topics; a contact deleted since says so instead."""
    from peerdesk.models.contacts import ContactFields
    from peerdesk.vault import logbook

    today = date.today()
    ids = seed(closed_vault)
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        first = logbook.save_contact(
            vault,
            ContactFields(contact_date=today - timedelta(days=3), topics=("sleep",)),
            today=today,
        )
        second = add_contact(vault, today, ("trauma", "alcohol"))
        gone = add_contact(vault, today, ("family",))
        for contact in (first, second, gone):
            referrals.make_referral(vault, contact, ids["best"], today=today)
        logbook.delete_contact(vault, gone)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock(pilot, app)
        await pilot.press("r")
        await wait_until(pilot, lambda: isinstance(app.screen, ReferralsScreen), "referrals")
        shown = rendered(app.screen.query_one(OptionList))
        assert f"for the contact of {(today - timedelta(days=3)).isoformat()}: Sleep" in shown
        assert f"for the contact of {today.isoformat()}: Alcohol" in shown
        assert "for a contact since deleted" in shown
        assert shown.count("Zoë Müller-Øvrebø") == 3
