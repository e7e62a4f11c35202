"""The terminal app. `peerdesk.tui.app.PeerdeskApp` is the only entry point.

Nothing outside this package imports it except the CLI command that launches the app,
so `peerdesk --help` and the report commands never load Textual.
"""
