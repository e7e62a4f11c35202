"""The unlock screen's first frame holds only what it draws (docs/performance.md).

Every start draws this screen first, and Textual's cost for that frame grows with each
widget and with each widget class's default styles. So the screen is three widgets (the
text above the field, the field, the status with the keys line), and the spinner is
mounted only once Enter started the KDF. The busy state must still show it.
"""

from __future__ import annotations

from pathlib import Path

from textual.message import Message
from textual.widgets import LoadingIndicator, Static

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.opening import UnlockFailed
from peerdesk.tui.screens.unlock import UnlockScreen
from peerdesk.tui.widgets.passphrase import PassphraseInput
from tests.tui.helpers import SIZE, paste, screen_text, wait_until


def own_widgets(screen: UnlockScreen) -> list[type]:
    """The classes of every widget on the screen, Textual's own (toasts) left out."""
    return [type(w) for w in screen.walk_children() if not w.has_class("-textual-system")]


async def test_the_first_frame_has_three_widgets_and_no_spinner(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault, unlock_hint="Demo vault, passphrase: [b]x[/b]")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        assert own_widgets(screen) == [Static, PassphraseInput, Static]
        assert not screen.query(LoadingIndicator)
        # Nor were its default styles parsed for the first frame.
        parsed = {name for _path, name in app.stylesheet.source}
        assert "LoadingIndicator.DEFAULT_CSS" not in parsed
        # What the separate widgets showed is all there, hint included, in order.
        text = screen_text(app)
        shown = [messages.APP_TITLE, messages.UNLOCK_TITLE, "Demo vault, passphrase: [b]x[/b]"]
        shown += [messages.UNLOCK_PROMPT, messages.UNLOCK_KEYS]
        assert sorted(shown, key=text.index) == shown
        assert app.focused is screen.query_one(PassphraseInput)


async def test_the_spinner_shows_while_the_kdf_runs_and_a_wrong_try_hides_it(
    closed_vault: Path,
) -> None:
    """What the screen showed when the KDF's answer arrived, before it was handled."""
    during: list[tuple[bool, list[type], bool, str]] = []

    def seen(message: Message) -> None:
        if isinstance(message, UnlockFailed):
            screen = app.screen
            assert isinstance(screen, UnlockScreen)
            spinners = screen.query(LoadingIndicator)
            shown = len(spinners) == 1 and spinners.first().display
            during.append((shown, own_widgets(screen), screen.busy, screen_text(app)))

    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE, message_hook=seen) as pilot:
        screen = app.screen
        assert isinstance(screen, UnlockScreen)
        for attempt in (1, 2):
            await paste(pilot, "not the passphrase")
            await pilot.press("enter")
            await wait_until(pilot, lambda: not screen.busy, "the unlock attempt")
            assert len(during) == attempt
            shown, widgets, busy, text = during[-1]
            assert shown and busy
            # Between the field and the status, as the composed spinner was.
            assert widgets == [Static, PassphraseInput, LoadingIndicator, Static]
            assert messages.UNLOCK_WORKING in text
            # The wrong try hides it again and says why; the field is back in use.
            spinner = screen.query_one(LoadingIndicator)
            assert not spinner.display
            assert messages.WRONG_PASSPHRASE in screen_text(app)
            assert messages.UNLOCK_WORKING not in screen_text(app)
            assert app.focused is screen.query_one(PassphraseInput)
        assert len(screen.query(LoadingIndicator)) == 1  # shown again, never mounted twice
