"""The file an export dialog is about to write: typed, checked, or one sentence why not.

Shared by the stats screen's month export and the team screen's report export, so
both refuse an empty name, a folder and a missing folder in the same words.
"""

from __future__ import annotations

from pathlib import Path

from peerdesk import messages


def export_target(typed: str) -> tuple[Path | None, str | None]:
    """(the absolute path, None), or (None, the sentence to show)."""
    typed = typed.strip()
    if not typed:
        return None, messages.STATS_EXPORT_NO_PATH
    path = Path(typed).expanduser().absolute()
    if path.is_dir():
        return None, messages.STATS_EXPORT_IS_FOLDER.format(path=path)
    if not path.parent.is_dir():
        return None, messages.STATS_EXPORT_NO_FOLDER.format(folder=path.parent)
    return path, None
