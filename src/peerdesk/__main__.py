"""Allow `python -m peerdesk`."""

from peerdesk.cli import main

if __name__ == "__main__":
    main()
