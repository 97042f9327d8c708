"""The Dashboard's charts (pyqtgraph). Import these modules only when the Dashboard is
first shown: pyqtgraph costs about half a second to import (see ui/dashboard/page.py)."""
