"""How records read on screen, one module per feature (as in `models/` and `vault/`).

Pure functions from records to Rich `Text` / Textual `Content`: no widgets, no vault.
Whatever a person typed goes in as plain text, never markup, so it shows as typed.
"""
