"""`peerdesk doctor`: each check's label and what its result means."""

# --- core dumps (platform_support.core_dumps) ----------------------------------------------
# doctor's line about this process (platform_support.core_dumps)
DOCTOR_CORE_DUMPS = "Core dumps"
DOCTOR_CORE_DUMPS_OFF = "off: a crash of peerdesk writes no memory image to disk"
DOCTOR_CORE_DUMPS_ON = (
    "ON: a crash could write peerdesk's memory (passphrase, notes shown) to a core file "
    "(core size limit {limit}, dumpable {dumpable}; could not: {missing})"
)
DOCTOR_CORE_DUMPS_NONE = "this system writes none unless an administrator set it up"
DOCTOR_CORE_DUMPS_EMBEDDED = (
    "on in this process, which did not start as the `peerdesk` command (that turns them off)"
)


# --- the doctor command --------------------------------------------------------------------
DOCTOR_TITLE = "peerdesk {version} doctor: {path}"
DOCTOR_OK_MARK = "ok"
DOCTOR_PROBLEM_MARK = "PROBLEM"
DOCTOR_LINE = "{mark:<8}{label}: {detail}"
DOCTOR_FILE_MODE = "Vault file permissions"
DOCTOR_DIR_MODE = "Vault folder permissions"
DOCTOR_MODE_OK = "{mode}"
DOCTOR_MODE_BAD = "{mode}, should be {wanted} (fix: chmod {wanted} {path})"
DOCTOR_MODE_NOT_CHECKED = (
    "not checked: on Windows the folder's access list (ACL) decides who can read it, and "
    "peerdesk cannot read or set ACLs; check it with icacls (see docs/platforms.md)"
)
DOCTOR_PLATFORM = "Platform"
DOCTOR_PLAINTEXT = "Not readable as plain SQLite"
DOCTOR_PLAINTEXT_OK = (
    "the first 16 bytes are not the SQLite header, and Python's plain sqlite3 cannot read it"
)
DOCTOR_PLAINTEXT_HEADER = "the file starts with the plain SQLite header, so it is NOT encrypted"
DOCTOR_PLAINTEXT_READABLE = "Python's plain sqlite3 can read the file, so it is NOT encrypted"
DOCTOR_UNLOCK = "Unlock"
DOCTOR_UNLOCK_OK = "the passphrase opens the vault"
DOCTOR_SQLCIPHER = "SQLCipher"
DOCTOR_SQLCIPHER_DETAIL = "version {version} ({provider}), SQLite {sqlite}"
DOCTOR_KDF = "Key derivation"
DOCTOR_KDF_DETAIL = "{kdf}, kdf_iter {kdf_iter}, {hmac}, page size {page_size}"
DOCTOR_KDF_WEAK = "That is fewer than the {minimum} iterations peerdesk expects."
DOCTOR_INTEGRITY = "Integrity"
DOCTOR_INTEGRITY_OK = "quick_check and cipher_integrity_check passed"
DOCTOR_INTEGRITY_BAD = (
    "the vault is DAMAGED and opens read-only ({problems}); restore your latest backup "
    "with `peerdesk restore FILE`"
)
DOCTOR_SCHEMA = "Schema"
DOCTOR_SCHEMA_DETAIL = "version {found} (this peerdesk knows up to {known})"
DOCTOR_ALL_OK = "All checks passed."
DOCTOR_FOUND_PROBLEMS = "peerdesk doctor found {count} problem(s) with the vault at {path}."
DOCTOR_LEFTOVERS = "Leftovers of interrupted backups or restores"
DOCTOR_LEFTOVERS_NONE = "none"
DOCTOR_LEFTOVERS_FOUND = (
    "{names}: encrypted copies that may hold note text retention would have wiped; remove "
    "them with `peerdesk doctor --remove-leftovers`"
)
DOCTOR_LEFTOVERS_REMOVED = "Removed {count} leftover file(s): {names}."
HELP_REMOVE_LEFTOVERS = (
    "Delete the leftover copies an interrupted backup or restore left next to the vault."
)
