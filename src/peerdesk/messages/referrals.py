"""Referrals: the ranking, the handoff card, the CLI and the referral screens."""

# --- referrals: ranking, handoff card, command line, terminal app --------------------------
REFERRAL_OFFER_QUESTION = "Refer to a clinician? (the directory opens ranked for this contact)"
REFERRAL_PICK_TITLE = "Refer to a clinician, ranked for: {topics}"
REFERRAL_PICK_KEYS = "up/down move  enter choose  escape cancel"
REFERRAL_PICK_EMPTY = "The directory is empty: add or import clinicians first."
REFERRAL_RANK_TOPICS = "{matched} of {wanted} topics"
REFERRAL_RANK_NO_TOPICS = "no topics to match"
REFERRAL_RANK_ACCEPTING = "accepting"
REFERRAL_RANK_FULL = "not accepting"
REFERRAL_RANK_TELEHEALTH = "telehealth"
REFERRAL_RANK_IN_PERSON = "in person"
REFERRAL_RANK_LISTED_LAST = "{status}, so listed last"  # after every usable clinician
REFERRAL_RANK_VETTING = {
    "vetted": "vetted",
    "revet-due": "re-vet due",
    "expired": "VETTING EXPIRED",
    "suspended": "SUSPENDED",
    "unvetted": "not vetted",
}
REFERRAL_NEEDS_CONFIRM = (
    "Warning: {name} is {status}. The team lead has not vouched for them now. "
    "Refer to this clinician anyway?"
)
REFERRAL_CONTACT_PICK_TITLE = "Refer to {name}: for which contact?"
REFERRAL_CONTACT_PICK_EMPTY = "No contacts yet: log the contact first."
REFERRAL_CONTACT_LINE = "#{id}  {date}  {topics}{handle}"
REFERRAL_RECORDED = "Referral recorded (offered): check back on {date}."
REFERRAL_STATUS_CHANGED = "Referral marked {status}."
REFERRAL_CHECK_BACK_MOVED = "Check back on {date}."
REFERRAL_GONE = "That referral is no longer in the vault."
REFERRAL_CLINICIAN_GONE = "That clinician is no longer in the directory."
REFERRAL_BAD_STATUS = "Unknown referral status {value!r}; choose one of: {choices}."
REFERRAL_CHECK_BACK_BEFORE = "The check-back date must not be before the referral ({date})."
CARD_TITLE = "Handoff card: show it, nothing is sent from this device"
CARD_LABELS = {
    "credentials": "Credentials",
    "practice": "Practice",
    "phones": "Phone",
    "email": "Email",
    "address": "Address",
    "telehealth": "Telehealth",
    "status": "Vetting",
}
CARD_TELEHEALTH_YES = "yes"
CARD_TELEHEALTH_NO = "no, in person"
CARD_QR_CAPTION = "Scan: {kind}"
CARD_QR_KINDS = {"vcard": "contact card (vCard)", "tel": "phone number (tel:)"}
CARD_NO_PHONE = "This clinician has no phone number, so there is no tel: code."
CARD_NO_VALID_PHONE = (
    "No phone of this clinician is a number a phone can dial ({phones}), so there is no "
    "tel: code: correct it in the directory."
)
CARD_PHONE_INVALID = "{entered} (not a number a phone can dial: left out of the codes)"
CARD_PHONE_EXTENSION = "{number} ext. {extension}"
CARD_PHONE_AS_TYPED = "{number} (listed as {entered})"
# Beside the details the code does not fit, but alone (f) it does; or it fits nowhere.
CARD_QR_TOO_BIG = "The {kind} code needs {width}x{height} cells: press f to show it alone."
CARD_QR_TOO_SMALL = (
    "This terminal ({columns}x{lines}) is too small for the {kind} code: shown alone it "
    "needs at least {width}x{height}; make the window larger, or press t for the "
    "phone-only code."
)
CARD_QR_TOO_SMALL_TEL = (
    "This terminal ({columns}x{lines}) is too small for the {kind} code: shown alone it "
    "needs at least {width}x{height}; make the window larger."
)
CARD_QR_ALONE_CAPTION = "Scan: {kind}, drawn {scale}x  f the card  escape done"
CARD_KEYS = "v vCard code  t phone code  f code alone  escape done"
REFERRALS_TITLE_OPEN = "Open referrals ({count})"
REFERRALS_TITLE_ALL = "All referrals ({count})"
REFERRALS_NONE = "No referrals here."
REFERRALS_LINE = "check {check_back}  {clinician}  {status} since {status_on}{handle}"
REFERRALS_NO_CHECK_BACK = "--"
REFERRALS_CONTACT_LINE = "for the contact of {date}: {topics}"
REFERRALS_CONTACT_GONE = "for a contact since deleted"
REFERRALS_HEADING = "1 offered 2 accepted 3 connected 4 declined 5 closed  b +7 days"
HOME_REFERRALS_TITLE = "Referrals to check back on: {count} (r)"
KEY_REFERRALS = "referrals: open ones, status"
KEYS_ON_REFERRALS = "On the referrals list"
KEYS_ON_REFERRAL_PICK = "Choosing a clinician to refer to"
KEYS_ON_CARD = "On the handoff card"
KEY_REFERRAL_STATUS = "set the status (offered .. closed)"
KEY_REFERRAL_CHECK_BACK = "check back a week later"
KEY_REFERRAL_SHOW_ALL = "open only / all referrals"
KEY_REFERRAL_CARD = "show the clinician's card"
KEY_CHOOSE = "choose"
KEY_ROW_UP = "previous row"
KEY_ROW_DOWN = "next row"
KEY_CARD_VCARD = "QR: contact card (vCard)"
KEY_CARD_TEL = "QR: phone number (tel:)"
KEY_CARD_FULL = "QR alone, as large as fits / with the details"
KEY_DONE = "done"
HELP_REFERRALS = "Referrals: hand a contact a clinician's details and check back."
HELP_REFERRALS_ADD = "Record a referral (status offered) of a contact to a clinician."
HELP_REFERRALS_LIST = (
    "List referrals with their check-back dates. The contact's handle only with --show-text."
)
HELP_REFERRALS_STATUS = "Change a referral's status (the date of the change is kept)."
HELP_REFERRAL_CONTACT = "The contact's number (from `peerdesk contacts list`)."
HELP_REFERRAL_CLINICIAN = "The clinician's id (its first characters are enough)."
HELP_REFERRAL_CHECK_BACK = "When to check back, YYYY-MM-DD (default: a week from today)."
HELP_REFERRAL_DESPITE = "Refer even though the clinician's vetting expired or was suspended."
HELP_REFERRAL_OPEN = "Only referrals not yet declined or closed."
HELP_REFERRAL_ID = "The referral's number."
HELP_REFERRAL_STATUS_ARG = "The new status: {ids}."
HELP_CLINICIANS_CARD = "Print a clinician's handoff card with a QR code to scan from the screen."
HELP_CARD_QR = (
    "What the QR code holds: vcard (name, practice, credentials, phones, email, address) "
    "or tel (the first phone)."
)
CLI_REFERRAL_ADDED = (
    "Referral {id} recorded: contact {contact} to {name}, offered; check back on {date}."
)
CLI_REFERRAL_NEEDS_DESPITE = (
    "{name} is {status}: check with the team lead, or add --despite-vetting to refer anyway."
)
CLI_REFERRAL_DESPITE_NOTE = "Note: {name} is {status}; referred anyway (--despite-vetting)."
CLI_NO_REFERRAL = "There is no referral with id {id}."
CLI_NO_REFERRALS = "No referrals."
CLI_REFERRAL_STATUS_DONE = "Referral {id} is now {status} (since {date})."
CLI_REFERRAL_NO_CONTACT = "There is no contact with id {id}."
CLI_CARD_QR_NOTE = "The code: dark squares are the printed characters, light ones spaces."
