"""What every command module shares: the one-line-error parser, the option parsers
(days, numbers), the data folder and the journal of a command, and output.

Imported on every start, the window's too: argparse, config and errors only; the
services load inside the functions that need them.
"""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import math
import os
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn, TypeVar, overload

from journal_app.config import (
    DATA_DIR_ENV,
    DataPaths,
    check_data_dir,
    is_writable_dir,
    resolve_data_dir,
)
from journal_app.errors import InvalidInput

if TYPE_CHECKING:
    from journal_app.services import Services

# What `add_subparsers` returns; argparse does not name it publicly.
SubParsers = argparse._SubParsersAction


class Parser(argparse.ArgumentParser):
    """argparse that reports a bad command line in one line, not usage + error."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


@functools.cache
def data_dir_options() -> Parser:
    """`--data-dir`, a parent of the top-level parser and of every command's, so that it
    may come before or after the command."""
    data_dir = Parser(add_help=False)
    data_dir.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help=f"folder holding the journal (default: ${DATA_DIR_ENV}, else the platform's "
        "user data folder)",
    )
    return data_dir


def positive_int(low: int, high: int) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is outside {low}..{high}")
        return value

    return parse


def number(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not math.isfinite(value):
        raise argparse.ArgumentTypeError(f"{text!r} is not a number")
    return value


def day(text: str) -> dt.date:
    try:
        if len(text) != 10:
            raise ValueError
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-03-01") from None


_T = TypeVar("_T")
_A = TypeVar("_A")


def checked(option: str, parse: Callable[[_A], _T], text: _A) -> _T:
    """``parse(text)``, its InvalidInput message prefixed with the option it came from."""
    try:
        return parse(text)
    except InvalidInput as exc:
        raise InvalidInput(f"{option}: {exc}" if option else str(exc)) from None


@overload
def parse_day(option: str, text: str) -> dt.date: ...
@overload
def parse_day(option: str, text: str | None) -> dt.date | None: ...
def parse_day(option: str, text: str | None) -> dt.date | None:
    """A day as the app reads it (the service's rules and messages); None for None."""
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.timeutil import parse_day as parse

    return None if text is None else checked(option, parse, text)


def parse_time(option: str, text: str) -> dt.time:
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services.tracking.timeutil import parse_clock_time

    return checked(option, parse_clock_time, text)


def paths(args: argparse.Namespace, *, create: bool = True, writable: bool = True) -> DataPaths:
    """The data folder of a command: --data-dir, else $JOURNAL_APP_DATA_DIR, else the
    platform's user data folder (only that one is created with its parents)."""
    explicit = getattr(args, "data_dir", None)
    if explicit is not None and not explicit.strip():
        raise InvalidInput("--data-dir needs a folder name")
    root = resolve_data_dir(explicit)
    chosen = explicit is not None or bool(os.environ.get(DATA_DIR_ENV, "").strip())
    return check_data_dir(root, create=create, create_parents=not chosen, writable=writable)


def open_existing(args: argparse.Namespace, data: DataPaths | None = None) -> Services:
    """The journal for a read-only command: a missing folder or journal is an error,
    never created; in a folder that cannot be written it is opened read-only."""
    # lazy: building the parser loads no service; a command imports what it runs
    from journal_app.services import Services

    data = data or paths(args, create=False, writable=False)
    return Services.open(data, create=False, read_only=not is_writable_dir(data.root))


def write(text: str) -> None:
    """`text` on stdout whatever the console's encoding: UTF-8 bytes when it cannot
    encode it (a Windows code page), rather than an error."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
    sys.stdout.flush()


def one_line(text: str, width: int) -> str:
    """`text` on one line, cut to `width` with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def columns(table: Sequence[Sequence[str]]) -> str:
    """Rows of cells as aligned columns, the first row a heading."""
    widths = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    lines = [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in table
    ]
    return "\n".join(lines) + "\n"
