"""Example referrals for the demo vault: one in every status, one due for a check-back.

Made from the demo's own synthetic contacts and clinicians (so nothing real), with
the status changes spread over the days after each referral.
"""

from __future__ import annotations

from datetime import date, timedelta

from peerdesk import vocab
from peerdesk.vault import referrals, values
from peerdesk.vault.store import Vault


def fill(vault: Vault, *, today: date) -> int:
    """Add one referral per status (plus an offered one due today); returns how many."""
    conn = vault.conn
    contact_ids = [
        int(r[0])
        for r in conn.execute(
            "SELECT id FROM contacts WHERE contact_date <= ? ORDER BY contact_date DESC, id DESC "
            "LIMIT 8",
            (today.isoformat(),),
        )
    ]
    clinician_ids = [
        str(r[0])
        for r in conn.execute(
            "SELECT id FROM clinicians WHERE suspended = 0 AND revet_due >= ? ORDER BY sort_name "
            "LIMIT 8",
            (today.isoformat(),),
        )
    ]
    if not contact_ids or not clinician_ids:
        return 0
    statuses = [*vocab.ids(vocab.REFERRAL_STATUSES), "offered"]
    made = 0
    with vault.transaction() as conn:
        for index, status in enumerate(statuses):
            made_on = today - timedelta(days=2 + 3 * index)
            # The last one is checked back on today, so home shows a referral due.
            check_back = today if index == len(statuses) - 1 else made_on + timedelta(days=7)
            referral_id = referrals.add(
                conn,
                contact_ids[index % len(contact_ids)],
                clinician_ids[index % len(clinician_ids)],
                made_on,
                check_back,
                values.utc_now(),
            )
            if status != "offered":
                referrals.set_status(
                    conn, referral_id, status, made_on + timedelta(days=1), values.utc_now()
                )
            made += 1
    return made
