"""Sentences about a value a person typed, the same from the CLI and the TUI."""

# --- input checks, shared by the CLI and the TUI -------------------------------------------
DATE_FORMAT = "The {field} {value!r} is not a date; write it as YYYY-MM-DD, e.g. 2026-03-14."
DATE_IMPOSSIBLE = "The {field} {value} does not exist in the calendar."
DATE_IN_FUTURE = "The {field} {value} is in the future; a contact can only be logged after it."
UNKNOWN_CHOICE = "Unknown {field} {value!r}; choose one of: {choices}."
NUMBER_RANGE = "The {field} must be a whole number from {low} to {high}."
TEXT_TOO_LONG = "The {field} is too long: at most {max} characters."
TEXT_CONTROL_CHARACTERS = (
    "The {field} contains control characters (such as terminal escape codes); remove them."
)
TEXT_CONTROL_CHARACTER = (
    "The {field} contains the control character {code} (a line break, tab or part of a "
    "terminal escape code), which it cannot hold; remove it."
)
TEXT_HIDDEN_CHARACTER = (
    "The {field} contains the invisible or direction-changing character {code} ({name}), "
    "which can make it read differently from what it is; remove it."
)
TEXT_UNNAMED_CHARACTER = "no name"
TOPICS_REQUIRED = "Choose at least one topic."
MONTH_FORMAT = "The {field} {value!r} is not a month; write it as YYYY-MM, e.g. 2026-03."
