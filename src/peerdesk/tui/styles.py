"""The app's styles, in two files so that the first frame parses only what it draws.

`locked.tcss` holds what the locked screens (unlock, set-up) draw and the basics every
screen builds on; Textual parses it before the first frame (the app's `CSS_PATH`).
`app.tcss` holds every other screen. Parsing it was the largest single cost between
process start and the unlock screen (~12-15 ms of a ~190 ms bare Textual start, see
docs/performance.md), and nothing on the locked screens needs it, so the app reads it
right after the first frame, while the peer types (`load_later`), and again asks for it
before it shows any other screen, which is a no-op once it is loaded.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.app import App

FOLDER = Path(__file__).parent
LOCKED = FOLDER / "locked.tcss"
LATER = FOLDER / "app.tcss"


def load_later(app: App[Any]) -> None:
    """Add app.tcss to the app's stylesheet (once) and restyle what is mounted.

    `Stylesheet.parse` keeps the rules of sources it parsed before, so only the new
    file is parsed here; `App.refresh_css` would parse every source again (Textual's
    own widgets' included), twice the work. The rules land after locked.tcss's, the
    order they had as one file, so a tie between equally specific rules ends as before.
    """
    stylesheet = app.stylesheet
    if stylesheet.has_source(str(LATER)):
        return
    stylesheet.read(LATER)
    stylesheet.parse()
    stylesheet.update(app)
