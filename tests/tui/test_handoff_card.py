"""The handoff card at 80x24 and 120x40 through Pilot: the code drawn decodes to what
the card promises, the code alone grows with the terminal (or says it cannot fit and
what to do), and the name and phone number are drawn large."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from rich.segment import Segment
from rich.style import Style
from textual.renderables.digits import Digits as DigitsRenderable
from textual.widget import Widget
from textual.widgets import Digits, Static

from peerdesk import handoff, messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.handoff_card import HandoffCardScreen
from peerdesk.tui.widgets.big_name import BigName, drawn
from peerdesk.vault import Vault
from tests.conftest import PASSPHRASE
from tests.support.referrals import add_clinician, add_contact, clinician, decode, vcard_values
from tests.tui.card_helpers import code_lines, code_matrix, module_columns, open_card
from tests.tui.helpers import rendered, screen_text

TODAY = date.today()
SMALL, LARGE = (80, 24), (120, 40)
PHONE = "(503) 555-0142"


def seed(vault_path: Path, **changes: object) -> str:
    details: dict[str, Any] = {
        "credentials": "PhD, LCSW",
        "practice": "Harbor Counselling, LLC",
        "phones": (PHONE,),
        "email": "zoe.muller@example.org",
        "address": "Suite 1200, 4500 NW Blvd\nSpringfield, OR 97477",
        "telehealth": True,
        "notes": "Prefers referrals on weekdays",
    }
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        add_contact(vault, TODAY, ("trauma",))  # its handle is "blue car"
        fields = clinician("Dr. Zoë Müller-Øvrebø, PhD", TODAY, **details | changes)
        return add_clinician(vault, fields)


def digits_lines(value: str) -> list[str]:
    """The three lines Textual's large digits draw for `value`."""
    segments = DigitsRenderable(value).render(Style())
    text = "".join(segment.text for segment in segments if isinstance(segment, Segment))
    return [line.rstrip() for line in text.splitlines()]


def drawing(widget: Widget) -> list[str]:
    """What `widget` draws, line by line, without the padding to its width."""
    return [line.rstrip() for line in rendered(widget).splitlines()]


@pytest.mark.parametrize(
    ("size", "first_kind", "tel_scale_beside", "tel_scale_alone"),
    [(SMALL, handoff.TEL, 1, 2), (LARGE, handoff.VCARD, 2, 3)],
)
async def test_the_card_draws_large_details_and_codes_that_decode(
    closed_vault: Path,
    size: tuple[int, int],
    first_kind: str,
    tel_scale_beside: int,
    tel_scale_alone: int,
) -> None:
    clinician_id = seed(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=size) as pilot:
        card = await open_card(pilot, app, clinician_id, TODAY)
        fields = card.clinician.fields
        # The card opens on the code that fits beside the details; it decodes.
        assert card.kind == first_kind
        assert decode(code_matrix(app)) == handoff.payload(fields, first_kind).encode("utf-8")
        # The name in large letters, exactly under them, then the phone in large digits.
        big = card.query_one(BigName)
        assert drawing(big) == [*drawn("ZOE MULLER-"), *drawn("OVREBO")]
        phone = card.query_one("#card-phone", Digits)
        assert phone.display and phone.value == "503 555-0142"
        assert drawing(phone) == digits_lines("503 555-0142")
        shown = screen_text(app)
        assert "Dr. Zoë Müller-Øvrebø, PhD" in shown and "Harbor Counselling, LLC" in shown
        # Everything in view without scrolling, beside the code, at both sizes.
        details = card.query_one("#card-details")
        assert details.virtual_size.height <= details.region.height
        assert details.region.right <= card.query_one("#card-qr").region.x
        # Only the clinician's public details: not the contact, not the vetting notes.
        assert "blue car" not in shown and "weekdays" not in shown
        await pilot.press("t")
        assert decode(code_matrix(app)) == b"tel:+15035550142"
        assert module_columns(code_matrix(app)) == tel_scale_beside
        await pilot.press("f")  # the code alone, as large as the terminal allows
        assert not card.query_one("#card-box").display
        alone = code_matrix(app, "card-qr-alone")
        assert module_columns(alone) == tel_scale_alone
        assert card.fit is not None and card.fit.scale == tel_scale_alone
        expected = handoff.qr_matrix("tel:+15035550142", border=card.fit.border)
        assert alone[: len(expected) * tel_scale_alone] == handoff.scale_matrix(
            expected, tel_scale_alone
        )
        assert decode(alone, scale=2) == b"tel:+15035550142"
        lines = code_lines(app, "card-qr-alone")
        assert max(map(len, lines)) <= size[0] and len(lines) <= size[1] - 1  # all in view
        assert card.query_one("#card-field").has_class("-code")  # on its white field
        assert f"drawn {tel_scale_alone}x" in screen_text(app)
        await pilot.press("f")
        assert card.query_one("#card-box").display and phone.display


async def test_the_vcard_alone_at_80x24_says_it_is_too_small_and_what_to_do(
    closed_vault: Path,
) -> None:
    clinician_id = seed(closed_vault)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SMALL) as pilot:
        card = await open_card(pilot, app, clinician_id, TODAY)
        await pilot.press("v")
        assert code_lines(app) == []
        beside = card.query_one("#card-note", Static).content
        assert "too small for the contact card (vCard) code" in str(beside)
        await pilot.press("f")
        assert code_lines(app, "card-qr-alone") == [] and card.fit is None
        sentence = str(card.query_one("#card-alone-line", Static).content)
        assert sentence.startswith("This terminal (80x24) is too small for the contact card")
        assert sentence.endswith("make the window larger, or press t for the phone-only code.")
        assert not card.query_one("#card-field").has_class("-code")  # no white page
        await pilot.press("t")  # the way out the sentence gave
        assert module_columns(code_matrix(app, "card-qr-alone")) == 2
        # A larger window: the vCard code fits alone, the phone code grows.
        await pilot.resize_terminal(*LARGE)
        await pilot.pause()
        assert module_columns(code_matrix(app, "card-qr-alone")) == 3
        await pilot.press("v")
        vcard = handoff.vcard(card.clinician.fields)
        assert decode(code_matrix(app, "card-qr-alone")) == vcard.encode("utf-8")
        assert vcard_values(vcard, "N") == [
            (("Müller-Øvrebø",), ("Zoë",), ("",), ("Dr.",), ("PhD",))
        ]
        assert vcard_values(vcard, "ORG") == [(("Harbor Counselling, LLC",),)]
        assert "Prefers" not in vcard and "blue car" not in vcard


@pytest.mark.parametrize("size", [SMALL, LARGE])
async def test_an_extension_is_dialled_after_a_pause_and_shown_in_words(
    closed_vault: Path, size: tuple[int, int]
) -> None:
    clinician_id = seed(closed_vault, phones=("503.555.0142 x12", "(503) 555-0199"))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=size) as pilot:
        card = await open_card(pilot, app, clinician_id, TODAY)
        await pilot.press("t")
        assert decode(code_matrix(app)) == b"tel:+15035550142,12"
        assert card.query_one("#card-phone", Digits).value == "503 555-0142"
        assert "(503) 555-0142 ext. 12" in screen_text(app)


@pytest.mark.parametrize("size", [SMALL, LARGE])
async def test_an_invalid_number_gets_a_sentence_and_no_code(
    closed_vault: Path, size: tuple[int, int]
) -> None:
    """A number the directory's check lets through ("+1 555 0100") that no phone can dial."""
    clinician_id = seed(closed_vault, phones=("+1 555 0100",))
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=size) as pilot:
        card = await open_card(pilot, app, clinician_id, TODAY)
        assert card.kind == handoff.VCARD  # no phone code to fall back on
        assert not card.query_one("#card-phone", Digits).display
        assert "+1 555 0100 (not a number a phone can dial" in screen_text(app)
        await pilot.press("t")
        assert code_lines(app) == []
        expected = messages.CARD_NO_VALID_PHONE.format(phones="+1 555 0100")
        assert str(card.query_one("#card-note", Static).content) == expected
        await pilot.press("f")
        assert code_lines(app, "card-qr-alone") == []
        assert str(card.query_one("#card-alone-line", Static).content) == expected
        await pilot.press("v")
        if size == LARGE:  # the vCard fits alone there: without the number
            vcard = handoff.vcard(card.clinician.fields)
            assert "TEL" not in vcard
            assert decode(code_matrix(app, "card-qr-alone")) == vcard.encode("utf-8")


async def test_a_name_the_large_letters_cannot_draw_stays_plain(closed_vault: Path) -> None:
    """Letters without a large form, or Rich markup, are shown as written, once."""
    with Vault.unlock(closed_vault, PASSPHRASE) as vault:
        clinician_id = add_clinician(
            vault, clinician("李小龍 [bold red]Lee[/]", TODAY, phones=(PHONE,))
        )
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SMALL) as pilot:
        card = await open_card(pilot, app, clinician_id, TODAY)
        assert card.query_one(BigName).region.height == 0
        assert "李小龍 [bold red]Lee[/]" in screen_text(app)
        assert isinstance(app.screen, HandoffCardScreen)
