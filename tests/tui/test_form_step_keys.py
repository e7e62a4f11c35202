"""R and O on the contact form's topic list: the risk and the outcome one key away.

Both step their field to the next choice while the topic list keeps focus, so topic
letters go on working; the field shows the new label at once, imminent opens the
escalation checklist as stepping the field itself does, and a text field takes R and O
as letters.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens.help import HelpScreen
from peerdesk.tui.screens.imminent import EscalationScreen
from peerdesk.tui.widgets.topics import TopicPicker
from tests.tui.form_helpers import (
    back_home,
    choice,
    field_input,
    form,
    jump,
    open_form,
    stored,
    topics,
)
from tests.tui.helpers import SIZE, rendered, screen_text, wait_until


async def test_o_steps_the_outcome_and_topics_stay_one_letter_away(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        outcome = choice(screen, "outcome")
        assert "Support given" in rendered(outcome)
        for label in ("Referral", "Follow-up planned", "Escalated", "Support given"):
            await pilot.press("O")
            await pilot.pause()
            assert rendered(outcome).strip() == f"\u2039 {label} \u203a"
            assert isinstance(app.focused, TopicPicker)
        await pilot.press("O", "a")  # referral again, then a topic letter: alcohol
        await pilot.pause()
        assert topics(screen).chosen == ("alcohol",)
        assert "\u2713a Alcohol" in rendered(topics(screen))
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "refer?")
        assert messages.REFERRAL_OFFER_QUESTION in screen_text(app)  # the referral flow
        await pilot.press("n")
        await back_home(pilot, app)
    fields = stored(closed_vault, 1).fields
    assert (fields.outcome, fields.risk, fields.topics) == ("referral", "none", ("alcohol",))


async def test_r_steps_the_risk_and_imminent_shows_the_checklist(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        risk = choice(screen, "risk")
        await pilot.press("t")  # trauma
        for label in ("Low", "Elevated"):
            await pilot.press("R")
            await pilot.pause()
            assert rendered(risk).strip() == f"\u2039 {label} \u203a"
        await pilot.press("R")
        await wait_until(pilot, lambda: isinstance(app.screen, EscalationScreen), "checklist")
        assert messages.ESCALATION_TITLE in screen_text(app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is screen, "the form again")
        await pilot.pause()
        assert rendered(risk).strip() == "\u2039 Imminent \u203a"
        assert isinstance(app.focused, TopicPicker)  # back where the peer was
        await pilot.press("ctrl+s")
        await back_home(pilot, app)
    fields = stored(closed_vault, 1).fields
    assert (fields.risk, fields.topics) == ("imminent", ("trauma",))


async def test_the_keys_line_and_help_list_r_and_o(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        legend = rendered(screen.query_one("#form-legend"))
        assert "R  risk" in legend and "O  outcome" in legend
        assert "ctrl+s  save" in legend  # the line still fits 80 columns whole
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), "help")
        shown = screen_text(app)
        assert messages.KEY_FORM_RISK in shown and messages.KEY_FORM_OUTCOME in shown


async def test_in_a_text_field_r_and_o_are_letters(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await jump(pilot, screen, "handle")
        await pilot.press("R", "O")
        assert field_input(form(app), "handle").value == "RO"
        assert (choice(screen, "risk").value, choice(screen, "outcome").value) == (
            "none",
            "support",
        )
