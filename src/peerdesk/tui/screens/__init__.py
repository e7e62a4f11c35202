"""One module per full screen. Screens get the vault passed in and post messages up.

Modal questions (confirm, pickers, file paths, export options) live in `dialogs/`.
"""
