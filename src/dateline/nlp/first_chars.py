"""A regex's possible first characters, read from its parse, as a lookahead that makes a scan skip the rest.

Python's re finds a pattern's first character quickly only when the pattern opens with a literal or a character
class. A pattern that opens with an optional group or with an alternation of such patterns (the date finder's
explicit dates) is instead tried whole at every position of the text. Put in front of it, a lookahead on the
characters a match can start with fails at once everywhere else. It never rejects a match: the set is worked
out from the parsed pattern, and any construct this module does not know gives no lookahead at all.
"""

from __future__ import annotations

import re
import re._constants as C  # the parser's opcodes (Python >= 3.11)
import re._parser as parser
from typing import Any

_WIDEST_RANGE = 512  # a character range wider than this in a class gives up: the lookahead would not pay


class _Unknown(Exception):
    """A construct whose first characters are not worked out here."""


def with_first_char_lookahead(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """`pattern` compiled with a lookahead on its possible first characters; the plain pattern when they cannot
    be known (a construct not handled, a pattern that can match the empty string, a global inline flag)."""
    lookahead = first_char_lookahead(pattern, flags)
    if lookahead is None:
        return re.compile(pattern, flags)
    try:
        return re.compile(f"{lookahead}(?:{pattern})", flags)
    except re.error:  # "(?i)" and other global flags must open the pattern
        return re.compile(pattern, flags)


def first_char_lookahead(pattern: str, flags: int = 0) -> str | None:
    """`(?=…)` on the characters a match of `pattern` can start with, each under the case rule that applies
    where it stands in the pattern; None when that is not known."""
    try:
        parsed = parser.parse(pattern, flags)
        sensitive, insensitive, nullable = _first(parsed.data, bool(parsed.state.flags & re.IGNORECASE))
    except (_Unknown, re.error, AttributeError, TypeError, ValueError):
        return None
    if nullable or not (sensitive or insensitive):
        return None
    classes = [f"(?-i:[{_escape(sensitive)}])"] if sensitive else []
    classes += [f"(?i:[{_escape(insensitive)}])"] if insensitive else []
    return "(?=" + "|".join(classes) + ")"


def _escape(chars: set[str]) -> str:
    return "".join(re.escape(c) for c in sorted(chars))


def _first(items: Any, ignore_case: bool) -> tuple[set[str], set[str], bool]:
    """(case-sensitive first characters, case-insensitive ones, can the sequence match nothing) of a parsed
    sequence: the first items' sets up to the first item that must consume a character."""
    sensitive: set[str] = set()
    insensitive: set[str] = set()
    for op, av in items:
        s, i, nullable = _first_of(op, av, ignore_case)
        sensitive |= s
        insensitive |= i
        if not nullable:
            return sensitive, insensitive, False
    return sensitive, insensitive, True


def _first_of(op: Any, av: Any, ignore_case: bool) -> tuple[set[str], set[str], bool]:
    if op is C.LITERAL:
        return _placed({chr(av)}, ignore_case) + (False,)
    if op is C.IN:
        return _placed(_class_chars(av), ignore_case) + (False,)
    if op is C.BRANCH:
        return _union([_first(branch.data, ignore_case) for branch in av[1]])
    if op is C.SUBPATTERN:
        _group, add_flags, del_flags, inner = av
        local = (ignore_case or bool(add_flags & re.IGNORECASE)) and not del_flags & re.IGNORECASE
        return _first(inner.data, local)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, _high, inner = av
        s, i, nullable = _first(inner.data, ignore_case)
        return s, i, nullable or low == 0
    if op is C.ATOMIC_GROUP:
        return _first(av.data, ignore_case)
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return set(), set(), True  # zero-width: they consume nothing, the next item gives the first character
    raise _Unknown(op)


def _placed(chars: set[str], ignore_case: bool) -> tuple[set[str], set[str]]:
    return (set(), chars) if ignore_case else (chars, set())


def _union(parts: list[tuple[set[str], set[str], bool]]) -> tuple[set[str], set[str], bool]:
    return (set().union(*(p[0] for p in parts)), set().union(*(p[1] for p in parts)), any(p[2] for p in parts))


def _class_chars(items: Any) -> set[str]:
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(chr(av))
        elif op is C.RANGE and av[1] - av[0] <= _WIDEST_RANGE:
            chars.update(chr(c) for c in range(av[0], av[1] + 1))
        else:  # a negated class, \d, \w, \s: any of many characters
            raise _Unknown(op)
    return chars
