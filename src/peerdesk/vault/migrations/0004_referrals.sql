-- Referral handoff: a contact was handed a clinician's details.
-- No officer identity is stored here: the only link to a person is contact_id, whose
-- handle expires with retention. Deleting a contact keeps its referrals (contact_id
-- becomes NULL) so the month's referral counts do not change behind the report's back;
-- a clinician cannot be deleted (only suspended), so the clinician link stays valid.
CREATE TABLE referrals (
    id            INTEGER PRIMARY KEY,
    contact_id    INTEGER REFERENCES contacts (id) ON DELETE SET NULL,
    clinician_id  TEXT NOT NULL REFERENCES clinicians (id),
    made_on       TEXT NOT NULL,                 -- YYYY-MM-DD; the monthly report counts by it
    status        TEXT NOT NULL,                 -- a vocab.REFERRAL_STATUSES id
    status_on     TEXT NOT NULL,                 -- YYYY-MM-DD of the latest status change
    check_back_on TEXT,                          -- YYYY-MM-DD; NULL: no check-back wanted
    created_at    TEXT NOT NULL,                 -- ISO UTC
    updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX referrals_by_made_on ON referrals (made_on, status);
CREATE INDEX referrals_open_by_check_back ON referrals (check_back_on, id)
    WHERE status NOT IN ('declined', 'closed');
CREATE INDEX referrals_by_contact ON referrals (contact_id);

-- Every status a referral went through, with its date (the first row is "offered").
CREATE TABLE referral_status_changes (
    id          INTEGER PRIMARY KEY,
    referral_id INTEGER NOT NULL REFERENCES referrals (id) ON DELETE CASCADE,
    status      TEXT NOT NULL,
    changed_on  TEXT NOT NULL                    -- YYYY-MM-DD
) STRICT;
CREATE INDEX referral_status_changes_by_referral ON referral_status_changes (referral_id, id);
