"""Setting defaults the app needs before any vault is open.

Separate from `vault.settings` because the app arms its idle watch when it starts,
before the unlock screen is drawn, and `vault.settings` brings the settings' checks
(validation, the vocabulary, json) that only an open vault needs: a few ms of the
measured start-up (docs/performance.md).
"""

from __future__ import annotations

IDLE_LOCK_MINUTES = 5
