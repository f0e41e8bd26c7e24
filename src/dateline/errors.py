"""Errors a user can act on: each message names the input and the reason, on one line."""

from __future__ import annotations

import json


class DatelineError(Exception):
    """Base of all errors dateline reports to users."""


class InputError(DatelineError):
    """An input could not be read or holds no article text."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class UsageError(DatelineError):
    """An option's value dateline cannot take (an unknown format, a malformed date or filter, a country no
    country has): the command line is wrong, not the data, so the CLI exits 2 as for Typer's own checks."""


class ResourceMissingError(DatelineError):
    """A packaged model or data file is not installed."""


def json_fault(err: json.JSONDecodeError, *, line: bool = False) -> str:
    """What json found wrong and where, for a one-line error: some of json's messages end in "at"
    ("Unterminated string starting at") and read as "at at line 3" with the place added after them."""
    where = f"line {err.lineno}, column {err.colno}" if line else f"column {err.colno}"
    return f"{err.msg.removesuffix(' at')} at {where}"
