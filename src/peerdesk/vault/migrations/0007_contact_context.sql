-- What team leads' own logs ask for (SAMHSA's encounter log, ICISF's CISM practice,
-- IACP's guidelines): who the contact was for, the kind of group intervention, and
-- first contact or follow-up. Ids of peerdesk.vocab, unchecked here like mode and risk
-- (an id from a newer peerdesk stays readable). The defaults are the vocabulary's, so
-- every contact logged before reads as them: a sworn officer, a first contact, and for
-- a group contact a defusing. group_kind is kept at its default unless mode = 'group',
-- as head_count is kept at 1.
ALTER TABLE contacts ADD COLUMN for_whom TEXT NOT NULL DEFAULT 'sworn';
ALTER TABLE contacts ADD COLUMN group_kind TEXT NOT NULL DEFAULT 'defusing';
ALTER TABLE contacts ADD COLUMN first_or_followup TEXT NOT NULL DEFAULT 'first';
