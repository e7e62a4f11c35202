-- Whether a publication hid its zeros too (the lead's report setting): what its reader
-- may assume of a hidden cell depends on it (a hidden cell may then be 0), so a later
-- report is compared with it as it was published. Reports logged before hid none.
ALTER TABLE publications ADD COLUMN zeros_hidden INTEGER NOT NULL DEFAULT 0
    CHECK (zeros_hidden IN (0, 1));
