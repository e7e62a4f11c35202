"""The interrupted form: kept inside the vault when the lock fires, offered back.

jrnl's old bug was losing an entry typed before a password prompt; peerdesk's version
of that would be a lock (ctrl+l, idle, SIGTERM) throwing away a half-written contact
or clinician record. So before the vault closes, the topmost open form's fields go
into the vault's one draft row (encrypted like everything else, never a temp file),
and after the next unlock the peer is asked whether to open it again. Each step is
one transaction.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from textual.app import App
from textual.screen import Screen

from peerdesk import messages
from peerdesk.tui.dialogs.confirm import ConfirmScreen
from peerdesk.tui.screens import clinician_draft
from peerdesk.tui.screens.clinician_draft import ClinicianDraft
from peerdesk.tui.screens.clinician_form import FORM_FIELDS, ClinicianFormScreen
from peerdesk.tui.screens.contact_form import ContactFormScreen
from peerdesk.tui.screens.contact_values import Draft, from_draft
from peerdesk.vault import Vault, VaultError, values
from peerdesk.vault import drafts as drafts_repo


def open_form(
    screens: Iterable[Screen[object]],
) -> ContactFormScreen | ClinicianFormScreen | None:
    """The topmost contact or clinician form on the screen stack, if any."""
    forms = [s for s in screens if isinstance(s, ContactFormScreen | ClinicianFormScreen)]
    return forms[-1] if forms else None


def keep(vault: Vault, screens: Iterable[Screen[object]]) -> str | None:
    """Save the open form (if it holds anything) into the vault; a sentence if that failed."""
    form = open_form(screens)
    if form is None or not form.is_mounted or not form.changed:
        return None
    try:
        with vault.transaction() as conn:
            drafts_repo.save(conn, form.draft(), values.utc_now())
    except VaultError as exc:
        return messages.DRAFT_NOT_KEPT_AT_LOCK.format(reason=exc)
    return None


def waiting(vault: Vault) -> Draft | ClinicianDraft | str | None:
    """The kept draft, None when there is none, or a sentence when it was unusable.

    An unusable draft (damaged, or from another peerdesk version) is removed, so the
    question is never asked about something that cannot be opened.
    """
    if vault.read_only:
        return None  # nothing could be saved from it anyway
    try:
        body = drafts_repo.load(vault.conn)
    except json.JSONDecodeError:
        body = {}
    except VaultError as exc:
        return messages.DRAFT_NOT_KEPT.format(reason=exc)
    if body is None:
        return None
    draft: Draft | ClinicianDraft | None
    if clinician_draft.is_clinician_body(body):
        draft = clinician_draft.from_body(body, FORM_FIELDS)
    else:
        draft = from_draft(body)
    if draft is None:
        problem = discard(vault)
        return problem or messages.DRAFT_UNREADABLE
    return draft


def discard(vault: Vault) -> str | None:
    """Remove the kept draft; a sentence if that failed."""
    try:
        with vault.transaction() as conn:
            drafts_repo.clear(conn)
    except VaultError as exc:
        return str(exc)
    return None


def offer_back(app: App[Any], vault: Vault) -> None:
    """After unlock: ask whether to reopen the form the lock interrupted, if one waits."""
    found = waiting(vault)
    if isinstance(found, str):
        app.notify(found, severity="error")
        return
    if found is None:
        return
    draft: Draft | ClinicianDraft = found
    question = (
        messages.CLINICIAN_DRAFT_RESUME_QUESTION
        if isinstance(draft, ClinicianDraft)
        else messages.DRAFT_RESUME_QUESTION
    )

    def answered(reopen: bool | None) -> None:
        _answered(app, vault, draft, reopen=bool(reopen))

    app.push_screen(ConfirmScreen(question), answered)


def _answered(app: App[Any], vault: Vault, draft: Draft | ClinicianDraft, *, reopen: bool) -> None:
    if not vault.is_open:
        return  # locked again meanwhile: the draft stays for the next unlock
    problem = discard(vault)
    if problem is not None:
        app.notify(problem, severity="error")
    if not reopen:
        return
    if isinstance(draft, ClinicianDraft):
        app.push_screen(
            ClinicianFormScreen(
                vault, clinician_id=draft.clinician_id, draft=draft.values, focus=draft.focus
            )
        )
    else:
        app.push_screen(
            ContactFormScreen(
                vault,
                contact_id=draft.contact_id,
                completes_followup=draft.completes_followup,
                draft=draft.values,
                focus=draft.focus,
            )
        )
