"""Several devices in one test: each has its own data folder and clock; its journal is
open only while it acts (the database layer holds one open journal per process)."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from journal_app.config import check_data_dir
from journal_app.services import Services

START = dt.datetime(2026, 11, 2, 9, 0, tzinfo=dt.UTC)


class DeviceClock:
    """A settable clock, optionally wrong by `skew`."""

    def __init__(self, skew: dt.timedelta = dt.timedelta(0)) -> None:
        self.real = START
        self.skew = skew

    def __call__(self) -> dt.datetime:
        return self.real + self.skew

    def advance(self, **delta: float) -> None:
        self.real += dt.timedelta(**delta)


class Device:
    def __init__(self, root: Path, name: str, skew: dt.timedelta = dt.timedelta(0)) -> None:
        self.name = name
        self.paths = check_data_dir(root / name, create=True)
        self.clock = DeviceClock(skew)

    @contextlib.contextmanager
    def open(self) -> Iterator[Services]:
        services = Services.open(self.paths, clock=self.clock)
        try:
            yield services
        finally:
            services.close()

    def setup(self, folder: Path) -> None:
        with self.open() as s:
            s.sync.setup(folder, self.name)

    def sync(self):  # -> SyncReport
        with self.open() as s:
            return s.sync.now()

    def state(self) -> str:
        with self.open() as s:
            return s.sync.export_state()


def devices(tmp_path: Path, *names: str) -> tuple[Path, list[Device]]:
    folder = tmp_path / "Sync"
    folder.mkdir()
    made = [Device(tmp_path, n) for n in names]
    for d in made:
        d.setup(folder)
    return folder, made


def sync_all(*devs: Device, rounds: int = 2) -> None:
    for _ in range(rounds):
        for d in devs:
            d.sync()
