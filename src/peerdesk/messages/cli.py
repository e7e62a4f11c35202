"""The command line's shared wording: root help, prompts, backup and restore, guards."""

# --- command line: root help, passphrase prompts, init -------------------------------------
VERSION_LINE = "peerdesk {version}"
CLI_HELP = (
    "peerdesk: an offline, encrypted notebook for peer supporters. Run it without a "
    "command to open the app (the first run sets up a vault, later runs unlock it)."
)
HELP_VAULT = (
    "The vault file to use (also PEERDESK_VAULT). Default: vault.peerdesk in peerdesk's "
    "folder of your user data directory."
)
HELP_VERSION = "Show peerdesk's version and exit."
HELP_PASSPHRASE_STDIN = (
    "Read the passphrases from standard input, one per line, in the order given above "
    "(new ones are not repeated)."
)
HELP_INIT = (
    "Create a new encrypted vault.\n\n"
    "Passphrases, in order: 1. the new vault's passphrase. "
    "It comes from --passphrase-stdin, else PEERDESK_PASSPHRASE, else a prompt (typed twice)."
)
HELP_PASSPHRASE = (
    "Change the vault's passphrase.\n\n"
    "Passphrases, in order: 1. the current one (PEERDESK_PASSPHRASE), 2. the new one "
    "(PEERDESK_NEW_PASSPHRASE). Each comes from --passphrase-stdin, else the variable, "
    "else a prompt."
)
HELP_BACKUP = (
    "Write a verified, encrypted backup of the vault to FILE. It opens with the vault's "
    "passphrase, or with its own one if you give --own-passphrase.\n\n"
    "Passphrases, in order: 1. the vault's passphrase (PEERDESK_PASSPHRASE), 2. only with "
    "--own-passphrase: the backup's own passphrase (PEERDESK_NEW_PASSPHRASE)."
)
HELP_BACKUP_FILE = "The backup file to write; it must not exist yet."
HELP_OWN_PASSPHRASE = "Give the backup its own passphrase instead of the vault's."
HELP_RESTORE = (
    "Replace the vault with a verified backup, all at once or not at all. Afterwards the "
    "vault opens with the backup's passphrase.\n\n"
    "Passphrases, in order: 1. the backup's passphrase (PEERDESK_PASSPHRASE)."
)
HELP_RESTORE_FILE = "The backup file to restore from."
HELP_YES = "Replace an existing vault without asking first."
HELP_DOCTOR = (
    "Check the vault: its path, the SQLCipher version, the key derivation settings, "
    "integrity, file permissions, and that it is not readable as plain SQLite. Exits 1 if "
    "anything is wrong.\n\n"
    "Passphrases, in order: 1. the vault's passphrase (PEERDESK_PASSPHRASE)."
)
HELP_DEMO = (
    "Open a throwaway demo vault in a new temporary folder, never your real vault. "
    "Its passphrase is printed, and the folder is removed when you quit."
)
HELP_NO_TUI = (
    "Only create the demo vault and print its path and passphrase; the folder stays until "
    "you delete it."
)
HELP_CRISIS = "Show the crisis lines. No vault and no passphrase needed."

PROMPT_PASSPHRASE = "Passphrase"
PROMPT_NEW_PASSPHRASE = "New passphrase"
PROMPT_REPEAT = "Type the same passphrase again"
PROMPT_BACKUP_PASSPHRASE = "Passphrase for the backup"
PROMPT_BACKUP_OPEN_PASSPHRASE = "The backup's passphrase"
WHAT_PASSPHRASE = "the passphrase"
WHAT_NEW = "the new passphrase"
WHAT_BACKUP_OWN = "the backup's own passphrase"
WHAT_BACKUP_OPEN = "the backup's passphrase"
STDIN_ENDED = "Standard input ended before {what} was given."

CLI_INIT_DONE = "Created the vault at {path}."


# --- command line: passphrase, backup, restore, demo ---------------------------------------
CLI_PASSPHRASE_CHANGED = "The passphrase was changed and checked; use the new one from now on."
CLI_BACKUP_DONE = "Backup written to {path} and verified; it opens with the vault's passphrase."
CLI_BACKUP_DONE_OWN = "Backup written to {path} and verified; it opens with its own passphrase."
CLI_BACKUP_NO_FOLDER = "There is no folder {path} to write the backup into."
CLI_RESTORE_CONFIRM = (
    "Replace the vault at {path} with the backup {backup}? Everything in the current "
    "vault will be gone"
)
CLI_RESTORE_NEEDS_YES = (
    "A vault already exists at {path}; with --passphrase-stdin add --yes to replace it."
)
CLI_RESTORE_DONE = (
    "The vault at {path} was restored from {backup}; it now opens with the backup's passphrase."
)
CLI_RESTORE_WEAK_PASSPHRASE = (
    "The restored vault opens with the backup's passphrase, which is too easy to guess: "
    "whoever takes this laptop can try passphrases against the file as fast as their "
    "computer allows. Choose a stronger one now with `peerdesk passphrase`."
)
CLI_OS_ERROR = "peerdesk could not use {path}: {reason}."
CLI_DEMO_CREATED = (
    "Demo vault (a throwaway, not your real vault): {path}\nDemo passphrase: {passphrase}"
)
CLI_DEMO_KEPT = "The demo folder stays until you delete it: {folder}"
CLI_DEMO_REMOVED = "The demo folder was removed."
DEMO_UNLOCK_HINT = "Demo vault, passphrase: {passphrase}"


# --- command line: confidential text never in argv, input encodings, the unexpected --------
# Confidential text is never an argument: argv is readable by every local user (ps,
# /proc/PID/cmdline) while the key is derived, and shells keep it in a history file.
HELP_ASK_NOTE = (
    "Ask for a short note: typed at a prompt without echo, or read as one line of "
    "standard input (before any passphrase line). It expires; record categories, not "
    "identities."
)
HELP_ASK_HANDLE = (
    "Ask for a private handle to recognise a follow-up (e.g. 'S.'): at a prompt without "
    "echo, or one line of standard input (after the note's line, before any passphrase "
    "line). It expires."
)
HELP_ASK_SEARCH = (
    "Ask for words the note must match (prefix search): at a prompt without echo, or one "
    "line of standard input (before any passphrase line)."
)
PROMPT_NOTE = "Note (not shown while you type; Enter for none)"
PROMPT_HANDLE = "Handle (not shown while you type; Enter for none)"
PROMPT_SEARCH = "Search words (not shown while you type)"
WHAT_NOTE = "the note"
WHAT_HANDLE = "the handle"
WHAT_SEARCH = "the search words"
CLI_TEXT_NOT_AS_ARGUMENT = (
    "peerdesk does not take {what} as an argument ({option}), because other users can "
    "read a command line in the process list and your shell writes it to its history "
    "file; give {flag} instead and type it at the prompt or send it on standard input. "
    "Nothing was saved."
)
STDIN_NOT_UTF8 = (
    "What standard input gave as {what} is not UTF-8 text, so it was not used and nothing "
    "was saved."
)
ENV_NOT_UTF8 = "{name} is not UTF-8 text, so it was not used and nothing was saved."
CLI_UNEXPECTED = (
    "peerdesk stopped on an unexpected error ({kind}); whatever this command was saving "
    "was not saved. The vault is at {path}; `peerdesk doctor` checks it."
)
