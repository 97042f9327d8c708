import sys

from journal_app.cli import main

sys.exit(main())
