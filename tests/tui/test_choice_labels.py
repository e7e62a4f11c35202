"""What the contact form shows in a choice field is the whole label it will save.

A choice field is as wide as its label. A repaint without a new layout once kept the
old width, so picking a longer label (Elevated, Peer outreach, Group...) showed a cut
label or only the opening quote, while the right value was saved underneath.
"""

from __future__ import annotations

from pathlib import Path

from rich.text import Text

from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.screens.settings import SettingsScreen
from peerdesk.tui.widgets.choice import ChoiceField
from tests.tui.form_helpers import focus, open_form
from tests.tui.helpers import SIZE, open_from_home


def shown(field: ChoiceField) -> str:
    """The characters the field really occupies on screen (its laid-out width)."""
    return Text(str(field.render())).plain[: field.size.width]


async def test_every_choice_shows_its_whole_label_after_each_step(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await focus(pilot, screen, "mode")
        await pilot.press("g")  # a group contact shows the group kind too
        fields = list(screen.query(ChoiceField))
        # mode, initiated by, risk, outcome, critical incident, for whom, first or
        # follow-up, group kind
        assert len(fields) >= 8
        for field in fields:
            assert field.id is not None
            await focus(pilot, screen, field.id)
            for _ in field.choices:
                await pilot.press("right")
                await pilot.pause()
                if app.screen is not screen:  # imminent risk opens the checklist over it
                    await pilot.press("escape")
                    await pilot.pause()
                assert shown(field) == f"\u2039 {label_of(field)} \u203a", field.value


async def test_a_letter_jump_to_a_longer_label_shows_it_whole(closed_vault: Path) -> None:
    """The reported case: on Risk, `i` jumps from None to Imminent."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_form(pilot, app)
        await focus(pilot, screen, "risk")
        await pilot.press("e")
        await pilot.pause()
        risk = screen.query_one("#risk", ChoiceField)
        assert risk.value == "elevated"
        assert shown(risk) == "\u2039 Elevated \u203a"


def label_of(field: ChoiceField) -> str:
    return next(c.label for c in field.choices if c.id == field.value)


async def test_the_theme_choice_shows_light_whole(closed_vault: Path) -> None:
    """The same widget on the settings screen: dark to light once showed a cut label."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await open_from_home(pilot, app, "p", SettingsScreen, "settings")
        theme = app.screen.query_one("#setting-theme", ChoiceField)
        theme.focus()
        await pilot.press("right")
        await pilot.pause()
        assert theme.value == "light"
        assert shown(theme) == f"\u2039 {label_of(theme)} \u203a"
