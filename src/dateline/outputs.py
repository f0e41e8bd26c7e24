"""Files a command writes (`-o`, `--report`): checked before the work starts, errors on one line.

A user who names an output in a folder that does not exist yet gets the folder made, as the store makes the
folder of its SQLite file; an output that cannot be written (a directory, a read-only place) stops the
command with one line naming the path before any extraction or evaluation time is spent.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

from dateline.errors import DatelineError


class OutputError(DatelineError):
    """An output file cannot be written."""

    def __init__(self, path: Path, err: OSError) -> None:
        reason = (err.strerror or str(err)).lower()
        super().__init__(f"{path}: cannot write the output there ({reason})")


def check_writable(path: Path) -> None:
    """Make the file's folder and check the file can be opened for writing, without emptying it."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8"):
            pass
    except OSError as err:
        raise OutputError(path, err) from None


def open_output(path: Path, newline: str | None = None) -> IO[str]:
    """The file opened for writing text (its folder made); OutputError instead of a traceback."""
    check_writable(path)
    try:
        return path.open("w", encoding="utf-8", newline=newline)
    except OSError as err:
        raise OutputError(path, err) from None
