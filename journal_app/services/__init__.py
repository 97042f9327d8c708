"""Every query and rule of the app. Qt-free; returns plain dataclasses."""

from journal_app.services.facade import Services

__all__ = ["Services"]
