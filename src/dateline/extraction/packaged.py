"""Data files that ship inside the package: the trained models' JSON and the cue lists they weigh."""

from __future__ import annotations

import json
import re
import re._constants as _C  # the parser and its opcodes (Python >= 3.11), as nlp.first_chars reads them
from collections.abc import Callable
from importlib import resources as importlib_resources
from re import _parser
from typing import Any, TypeVar

from dateline.errors import DatelineError
from dateline.nlp.first_chars import with_first_char_lookahead
from dateline.yaml_files import load_yaml, packaged_yaml

T = TypeVar("T")


def any_of(patterns: list[str], flags: int = 0) -> re.Pattern[str]:
    """One regex that matches a text exactly when one of `patterns` (compiled with `flags`) does: a text most
    patterns miss is tested in one scan instead of one per pattern. A back-reference would point at another
    group once the patterns are joined, and a global inline flag ("(?i)") cannot stand inside the alternation, so
    with either the regex matches every text (nothing is skipped wrongly). The joined regex opens with a
    lookahead on the characters a match can start with (`with_first_char_lookahead`): re otherwise enters every
    pattern at every position of the text, and the lookahead, which every match passes, turns most away."""
    if any(re.search(r"\\[1-9]|\(\?P=", p) for p in patterns):
        return re.compile("")
    try:
        return with_first_char_lookahead("|".join(f"(?:{p})" for p in patterns), flags)
    except re.error:
        return re.compile("")


def any_needed(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    """A regex that finds, in every text where one of `patterns` matches, a literal string that match must hold
    ("killed" or "died" for a pattern of death verbs). It lets a text most patterns miss skip all their scans: a
    case-insensitive search for a few dozen words costs a fraction of one scan by a pattern that opens with an
    alternation of number words, which re enters at every word start. The strings are read from each parsed
    pattern: a run of literal characters that every match passes through, or a set of them, one per branch of
    an alternation. Matched in any case, they match wherever the case-sensitive ones do. A pattern with no such
    string (it can match with nothing literal in it) makes the regex match every text, so nothing is skipped
    wrongly."""
    needed: set[str] = set()
    for pattern in patterns:
        words = _needed(_parser.parse(pattern.pattern, pattern.flags).data)
        if not words:
            return re.compile("")
        needed |= words
    return re.compile(word_alternation(sorted(needed)), re.IGNORECASE)


def _needed(items: Any) -> set[str] | None:
    """Literal strings of a parsed sequence one of which every match of it holds, the set whose shortest string is
    longest (each one would do); None when none is known."""
    best: set[str] | None = None
    run: list[str] = []

    def consider(words: set[str] | None) -> None:
        nonlocal best
        if words and (best is None or min(map(len, words)) > min(map(len, best))):
            best = words

    for op, av in items:
        if op is _C.LITERAL:
            run.append(chr(av))
            continue
        consider({"".join(run)} if run else None)
        run = []
        if op is _C.SUBPATTERN:
            consider(_needed(av[3].data))
        elif op is _C.ATOMIC_GROUP:
            consider(_needed(av.data))
        elif op is _C.BRANCH:
            branches = [_needed(branch.data) for branch in av[1]]
            consider(set().union(*branches) if all(branches) else None)  # type: ignore[arg-type]
        elif op in (_C.MAX_REPEAT, _C.MIN_REPEAT, _C.POSSESSIVE_REPEAT) and av[0] >= 1:
            consider(_needed(av[2].data))
        # anything else (a class, a lookaround, an optional part) needs no literal string of its own
    consider({"".join(run)} if run else None)
    return best


def load_model(file_name: str, what: str, build: Callable[[dict[str, Any]], T]) -> T:
    """A shipped model (`data/models/FILE`) built by `build`. A missing or broken file is an installation fault."""
    try:
        raw = importlib_resources.files("dateline").joinpath(f"data/models/{file_name}").read_text(encoding="utf-8")
        return build(json.loads(raw))
    except (FileNotFoundError, ModuleNotFoundError, KeyError, ValueError) as exc:
        raise DatelineError(f"the {what} {file_name} is missing or broken ({exc}); reinstall dateline") from exc


def cue_lists(file_name: str) -> dict[str, re.Pattern[str]]:
    """The cue lists of `data/FILE` (a YAML mapping of list name to words), one case-insensitive alternation on
    word boundaries per list, longest words first."""
    raw = importlib_resources.files("dateline").joinpath(f"data/{file_name}").read_text(encoding="utf-8")
    table: dict[str, list[str]] = load_yaml(raw)
    return {name: re.compile(r"\b" + word_alternation(words) + r"\b", re.IGNORECASE) for name, words in table.items()}


def word_alternation(words: list[str]) -> str:
    """`(?:w1|w2|…)` for a case-insensitive regex, longest words first, as a first-letter index: the words are
    grouped under their first letter, behind a lookahead on those letters. Python's re tries every word of a
    plain alternation at every word start of a text (counting an article's cue words cost a millisecond a
    list); here a word start whose letter begins no word fails at once, and else only one group is tried.
    The matches are the same: the lookahead holds wherever a word matches, and under IGNORECASE two ASCII
    characters that differ in lower case never match the same character, so at most one group can match at
    a position and, within it, the words keep their longest-first order. Other words get the plain list."""
    ordered = sorted(words, key=len, reverse=True)
    if not all(w and w[0].isascii() for w in ordered):
        return "(?:" + "|".join(map(re.escape, ordered)) + ")"
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0].lower(), []).append(word[1:])
    letters = re.escape("".join(groups))
    indexed = "|".join(re.escape(first) + "(?:" + "|".join(map(re.escape, rests)) + ")" for first, rests in groups.items())
    return f"(?=[{letters}])(?:{indexed})"


class Lexicon:
    """Named cue lists and patterns of one data file (`data/FILE`): `words` entries are word lists, `regex`
    entries patterns (case-insensitive when the entry says `ignore_case: true`), `pattern` entries pattern
    fragments the rules splice into larger ones."""

    def __init__(self, file_name: str) -> None:
        self.file_name = file_name
        self.table: dict[str, dict[str, object]] = packaged_yaml(file_name)  # a broken file: one clear error
        self._compiled: dict[str, re.Pattern[str]] = {}

    def entry(self, name: str) -> dict[str, object]:
        if name not in self.table:
            raise DatelineError(f"data/{self.file_name} has no entry {name!r}: reinstall dateline")
        return self.table[name]

    def regex(self, name: str) -> re.Pattern[str]:
        # compiled once per lexicon: rules read some patterns per date mention or per sentence, not at import
        compiled = self._compiled.get(name)
        if compiled is None:
            entry = self.entry(name)
            compiled = self._compiled[name] = re.compile(str(entry["regex"]),
                                                         re.IGNORECASE if entry.get("ignore_case") else 0)
        return compiled

    def pattern(self, name: str) -> str:
        return str(self.entry(name)["pattern"])

    def words(self, name: str) -> frozenset[str]:
        return frozenset(str(w) for w in self.entry(name)["words"])  # type: ignore[attr-defined]
