"""ctrl+q and SIGINT keep an open contact form as a draft, like ctrl+l and SIGTERM."""

from __future__ import annotations

import asyncio
import os
import secrets
import signal
from pathlib import Path

from peerdesk import messages
from peerdesk.tui.app import PeerdeskApp
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.vault import InstanceLock, Vault, drafts
from tests.conftest import PASSPHRASE
from tests.tui.draft_helpers import fill_in, unlock_again
from tests.tui.helpers import SIZE, screen_text, wait_until
from tests.tui.save_helpers import CANARIES, fill_disk, typed_form


def kept_note(vault_path: Path) -> str | None:
    with Vault.unlock(vault_path, PASSPHRASE) as vault:
        body = drafts.load(vault.conn)
    return None if body is None else str(body["fields"]["note"])


async def offered_after_unlock(vault_path: Path) -> None:
    """A new app on the same vault asks whether to reopen the form."""
    app = PeerdeskApp(vault_path)
    async with app.run_test(size=SIZE) as pilot:
        await unlock_again(pilot, app)
        await wait_until(pilot, lambda: isinstance(app.screen, ConfirmScreen), "the question")
        assert messages.DRAFT_RESUME_QUESTION in screen_text(app)


async def test_ctrl_q_keeps_the_draft_and_it_is_offered_after_unlock(closed_vault: Path) -> None:
    canary = secrets.token_hex(8)
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot, app, canary)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app._exit, "the exit")
        assert app.vault is None
    assert app.return_code in (None, 0)
    assert kept_note(closed_vault) == f"note {canary}"
    InstanceLock.acquire(closed_vault).release()
    await offered_after_unlock(closed_vault)


async def test_sigint_keeps_the_draft(closed_vault: Path) -> None:
    """A real SIGINT to this process, caught by the app's own handler."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await fill_in(pilot, app, "interrupted")
        os.kill(os.getpid(), signal.SIGINT)
        await wait_until(pilot, lambda: app._exit, "the exit")
        await asyncio.sleep(0)
        assert app.vault is None
    assert app.return_code == 128 + int(signal.SIGINT)
    assert kept_note(closed_vault) == "note interrupted"
    await offered_after_unlock(closed_vault)


async def test_ctrl_q_with_nothing_typed_leaves_no_draft(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await unlock_again(pilot, app)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app._exit, "the exit")
    assert kept_note(closed_vault) is None


async def test_ctrl_q_on_the_unlock_screen_just_quits(closed_vault: Path) -> None:
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app._exit, "the exit")
    InstanceLock.acquire(closed_vault).release()


async def test_ctrl_q_on_a_full_disk_warns_once_then_quits(closed_vault: Path) -> None:
    """The form cannot be kept: the first ctrl+q says so and stays, the second quits."""
    app = PeerdeskApp(closed_vault)
    async with app.run_test(size=SIZE) as pilot:
        form = await typed_form(pilot, app)
        fill_disk(app)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app._exit
        assert app.screen is form and app.vault is not None
        shown = "\n".join(str(n.message) for n in app._notifications)
        assert messages.QUIT_AGAIN_WITHOUT_FORM in shown
        assert not any(canary in shown for canary in CANARIES)
        await pilot.press("ctrl+q")
        await wait_until(pilot, lambda: app._exit, "the exit")
        assert app.vault is None
    assert kept_note(closed_vault) is None
