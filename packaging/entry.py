"""The script PyInstaller freezes: the same entry point as the `peerdesk` command."""

from peerdesk.cli import main

if __name__ == "__main__":
    main()
