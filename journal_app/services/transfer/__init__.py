"""Getting data out of the journal and into it (issue #7): exports, imports, publishing.

Qt-free. Each format lives in its own module; `service.TransferService` is the one entry
point the CLI and the UI use. Long work reports through a `Progress` callback.
"""

from journal_app.services.transfer.common import (
    ExportResult,
    ImportResult,
    Progress,
    no_progress,
)

__all__ = ["ExportResult", "ImportResult", "Progress", "no_progress"]
