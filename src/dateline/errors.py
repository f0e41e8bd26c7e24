"""Errors a user can act on: each message names the input and the reason, on one line."""

from __future__ import annotations


class DatelineError(Exception):
    """Base of all errors dateline reports to users."""


class InputError(DatelineError):
    """An input could not be read or holds no article text."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: {reason}")


class ResourceMissingError(DatelineError):
    """A packaged model or data file is not installed."""
