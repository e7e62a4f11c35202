"""The vault's settings: their checks, `peerdesk settings` and the settings screen."""

# --- the vault's settings and their checks -------------------------------------------------
SETTING_OUT_OF_RANGE = "{name} must be a whole number from {low} to {high}."
SETTING_UNKNOWN_THEME = "Theme must be one of: {choices}."
SETTING_UNKNOWN_ZEROS = "Report zeros must be one of: {choices}."
SETTING_TOO_LONG = "The escalation checklist can be at most {max} characters."
DEFAULT_ESCALATION_CHECKLIST = (
    "Stay with the officer; do not leave them alone.\n"
    "Call 988 (call or text) or the on-call team clinician now.\n"
    "Tell the team lead, as team policy requires.\n"
    "If there is immediate danger, call 911."
)


# --- command line: settings ----------------------------------------------------------------
HELP_SETTINGS = "Show or change the vault's settings (kept inside the encrypted vault)."
HELP_SETTINGS_SHOW = "Show every setting."
HELP_SETTINGS_SET = (
    "Change one setting: idle-lock-minutes (1-240), retention-days (0-3650; 0 keeps no "
    "note text), min-cell (3-100), theme (dark, light or night), escalation-checklist (one step "
    "per line; use --from-file for several lines)."
)
HELP_SETTING_NAME = "The setting to change."
HELP_SETTING_VALUE = "The new value."
HELP_SETTING_FROM_FILE = "Read the value from a UTF-8 text file (for the escalation checklist)."
SETTING_VALUE_OR_FILE = "Give either a VALUE or --from-file FILE, not both and not neither."
SETTING_FILE_UNREADABLE = "Cannot read {path}: {reason}."
SETTING_NOT_A_NUMBER = "{name} must be a whole number, not {value!r}."
SETTING_SAVED = "Saved {name}."
SETTING_RETENTION_LOWERED = (
    "Note text and handles older than {days} days will be wiped at the next unlock, "
    "or now with `peerdesk purge`."
)


# --- terminal app: settings ----------------------------------------------------------------
SETTINGS_TITLE = "Settings (kept inside the vault)"
SETTINGS_IDLE_LABEL = "Lock after idle minutes (1-240)"
SETTINGS_RETENTION_LABEL = "Keep note text for days (0-3650; 0 keeps none)"
SETTINGS_MIN_CELL_LABEL = "Team reports hide counts below (3-100)"
SETTINGS_THEME_LABEL = "Theme"
SETTINGS_ZEROS_LABEL = "Team zeros"
SETTINGS_ZEROS_CHOICES = {"shown": "Shown", "hidden": "Hidden (x)"}
SETTINGS_CHECKLIST_LABEL = "Escalation checklist for imminent risk (one step per line)"
SETTINGS_KEYS = "ctrl+s  save      escape  cancel      tab  next field      \u2190 \u2192  theme"
SETTINGS_SAVED = "Settings saved."
KEY_SETTINGS = "settings: idle lock, retention, theme, checklist"
KEY_SETTINGS_SAVE = "save the settings"
KEYS_ON_SETTINGS = "On the settings screen"
