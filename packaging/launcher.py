"""PyInstaller's entry script: the same start as the `journal-app` console script."""

import sys

from journal_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
