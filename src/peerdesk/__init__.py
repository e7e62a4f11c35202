"""peerdesk: an offline, encrypted terminal app for police peer-support teams.

This module must stay import-light: `peerdesk --version` reads it before anything else.
"""

__version__ = "0.1.0"
