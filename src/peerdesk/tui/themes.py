"""The app's colour themes, by the vault's theme setting (peerdesk.vault.settings)."""

from __future__ import annotations

from textual.theme import Theme

# For a dark car at night: amber and warm greys on near black, nothing bright and
# little blue (blue light is what dazzles and what a dark-adapted eye sees worst), yet
# text stays well above 7:1 against the background so it reads at arm's length.
NIGHT = Theme(
    name="peerdesk-night",
    primary="#c27a2c",
    secondary="#8a5a2b",
    accent="#d08c3a",
    warning="#d9a03f",
    error="#d9573f",
    success="#8fa35a",
    foreground="#d6b98c",
    background="#0b0806",
    surface="#15100b",
    panel="#1c150e",
    dark=True,
)
# The vault's theme setting -> a Textual theme (built in, or NIGHT).
THEMES = {"dark": "textual-dark", "light": "textual-light", "night": NIGHT.name}
