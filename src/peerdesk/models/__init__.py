"""Frozen records and their pure rules, one module per kind of record (as in `vault/`).

`contacts` (contacts, follow-ups, purge reports), `clinicians` (the directory and its
vetting status), `referrals` (referral status rules) and `ranking` (how the directory is
ordered for one contact). No SQL and no Textual here: the repositories in
`peerdesk.vault` turn rows into these records, and models never save themselves.
"""
