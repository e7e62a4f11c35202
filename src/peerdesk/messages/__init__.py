"""Every sentence peerdesk says to a person, in one place so it can be reviewed at once.

Clinical and legal wording especially must be read by the team's clinical advisor
before it changes. Keep these modules free of imports: the core, the CLI and the TUI
all read them, and `peerdesk --version` loads them on its fast path. This package
imports only `peerdesk.safe_text` (itself standard library only).

Every sentence with a placeholder becomes a `safe_text.Sentence` below: its
`.format()` makes each value printable (newlines and escape sequences shown as
`\\x0a`, `\\x1b`), so a path or value cannot forge a line or act on a terminal
wherever the sentence is shown, while the sentence's own line breaks stay. So read
sentences as `messages.X`, never from an area module directly.

One module per area, named for what it speaks of; this package re-exports every name,
so `messages.X` reads the same everywhere and the whole wording is still one folder to
review. A name is defined once across the areas (a test checks).
"""

from peerdesk.messages.checks import *
from peerdesk.messages.cli import *
from peerdesk.messages.contacts import *
from peerdesk.messages.crisis import *
from peerdesk.messages.directory import *
from peerdesk.messages.doctor import *
from peerdesk.messages.referrals import *
from peerdesk.messages.reports import *
from peerdesk.messages.settings import *
from peerdesk.messages.team import *
from peerdesk.messages.tui import *
from peerdesk.messages.vault import *
from peerdesk.safe_text import sentences as _sentences

# Last: every sentence above with a placeholder escapes the values it is filled with.
_sentences(globals())
