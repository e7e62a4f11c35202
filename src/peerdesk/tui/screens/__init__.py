"""One module per screen. Screens get the vault passed in and post messages up."""
