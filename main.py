"""Cadenza's editor launcher: `python main.py [FILE] [--screenshot OUT.png]` (see app.main)."""
import sys

from app.main import main

if __name__ == "__main__":
    sys.exit(main())
