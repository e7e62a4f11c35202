"""Every sentence peerdesk says to a person, in one place so it can be reviewed at once.

Clinical and legal wording especially must be read by the team's clinical advisor
before it changes. Keep these modules free of imports: the core, the CLI and the TUI
all read them, and `peerdesk --version` loads them on its fast path.

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
from peerdesk.messages.tui import *
from peerdesk.messages.vault import *
