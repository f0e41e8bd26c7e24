"""The source profile: what kind of publisher this is, how loaded its language is, how much it relays.

- Publisher kind comes from the shipped outlets table (`data/outlets.yaml`), each entry with the public basis
  for its kind (wire agency, broadcaster, state media, advocacy/opposition group, NGO, government …).
- Loaded language comes from a lexicon of propaganda techniques (`data/loaded_language.yaml`, the
  SemEval-2020 Task 11 categories): each flagged span carries its category. The span reaches the word it
  colours ("vicious crimes", "40-year lies"); adjacent flags merge ("mullahs’ regime").
- The summary: share of sentences with loaded language, and how many claims are the publisher's own
  (first-hand) against those it relays from others.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources as importlib_resources
from typing import Any

import numpy as np
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from dateline.errors import ResourceMissingError
from dateline.extraction.packaged import any_of
from dateline.model import SOURCE_SCALES, Article, Claim, LoadedSpan, SourceProfile, Span
from dateline.nlp.text import span_text, string_listed
from dateline.yaml_files import load_yaml

_MERGE_GAP = re.compile(r"^[ ’'`]*(?:s ?)?$")  # only a space or a possessive between two flags


@dataclass(frozen=True)
class Outlet:
    name: str
    aliases: tuple[str, ...]
    credits: tuple[str, ...]  # names valid only as a wire credit or the publisher (outlets.yaml says why)
    kind: str
    country: str | None
    scale: str
    basis: str


@dataclass(frozen=True)
class LexiconEntry:
    category: str
    lemmas: frozenset[str]
    regex: re.Pattern[str] | None
    extend: str


def _read(name: str) -> dict[str, Any]:
    try:
        raw = importlib_resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise ResourceMissingError(f"dateline/data/{name} is missing from the package; reinstall dateline") from exc
    return dict(load_yaml(raw))


@functools.cache
def load_outlets() -> tuple[Outlet, ...]:
    data = _read("outlets.yaml")
    scales = data["default_scales"]
    return tuple(
        Outlet(
            name=str(o["name"]),
            aliases=tuple(str(a) for a in o.get("aliases", [])),
            credits=tuple(str(a) for a in o.get("credits", [])),
            kind=str(o["kind"]),
            country=o.get("country"),
            scale=str(o.get("scale") or scales[o["kind"]]),
            basis=str(o["basis"]),
        )
        for o in data["outlets"]
    )


def _key(name: str) -> str:
    return " ".join(re.sub(r"[^\w/]+", " ", name.lower().replace("’", "'")).split()).removeprefix("the ")


@functools.cache
def _outlet_index(credits: bool) -> dict[str, Outlet]:
    index: dict[str, Outlet] = {}
    for outlet in load_outlets():
        for alias in (outlet.name, *outlet.aliases, *(outlet.credits if credits else ())):
            index.setdefault(_key(alias), outlet)
    return index


def find_outlet(name: str | None, *, credit: bool = False) -> Outlet | None:
    """The outlets-table entry for a name as written ("Al Arabiya TV", "the AP", "Amnesty"), or None.

    `credit`: the name is a wire credit or the publisher, where an outlet's credit-only abbreviations count."""
    if not name:
        return None
    key = _key(name)
    index = _outlet_index(credit)
    if key in index:
        return index[key]
    # "Al Arabiya TV report", "Reuters news agency": the longest known name the words start with.
    words = key.split()
    for n in range(len(words) - 1, 0, -1):
        head = " ".join(words[:n])
        if head in index and len(head) > 2:
            return index[head]
    return None


def source_scale(names: list[str], *, credit: bool = False) -> str | None:
    """ACLED source_scale of the given sources, joined ACLED-style ("National-International"); `credit` as
    in `find_outlet` (the publisher's own name)."""
    scales = {o.scale for n in names if (o := find_outlet(n, credit=credit)) is not None}
    if not scales and names:
        scales = {"Other"}
    return "-".join(s for s in SOURCE_SCALES if s in scales) or None


@functools.cache
def load_lexicon() -> tuple[LexiconEntry, ...]:
    entries = []
    for category, items in _read("loaded_language.yaml")["categories"].items():
        for item in items:
            entries.append(
                LexiconEntry(
                    category=str(category),
                    lemmas=frozenset(str(w).lower() for w in item.get("lemmas", [])),
                    regex=re.compile(item["regex"], re.IGNORECASE) if item.get("regex") else None,
                    extend=str(item.get("extend", "none")),
                )
            )
    return tuple(entries)


@functools.cache
def _any_loaded_regex() -> re.Pattern[str]:
    """The lexicon's patterns joined (all case-insensitive): most articles match none, and one scan of the text
    tells so where a scan per pattern cost several."""
    return any_of([entry.regex.pattern for entry in load_lexicon() if entry.regex is not None], re.IGNORECASE)


@functools.cache
def _lexicon_lemmas() -> frozenset[str]:
    return frozenset().union(*(entry.lemmas for entry in load_lexicon()))


_LISTED: dict[int, bool] = {}  # string hash → a lexicon entry lists the word as written
_LISTED_LOWER: dict[int, bool] = {}  # string hash → a lexicon entry lists it lower-cased


def _listed(strings: Any, h: int, lower: bool) -> bool:
    if lower:
        return string_listed(_LISTED_LOWER, strings, h, lambda word: word.lower() in _lexicon_lemmas())
    return string_listed(_LISTED, strings, h, lambda word: word in _lexicon_lemmas())


def _listed_tokens(doc: Doc) -> list[int]:
    """Indices, in text order, of the tokens whose word or lemma a lexicon entry lists. Most words are in no
    entry: they are found from the document's arrays, each distinct string tested once, and only the listed ones
    leave the arrays (turning every token's two hashes into Python integers cost more than all the tests)."""
    if not len(doc):
        return []
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, LEMMA])
    lowers, lower_of = np.unique(rows[:, 0], return_inverse=True)
    lemmas, lemma_of = np.unique(rows[:, 1], return_inverse=True)
    lower_listed = np.array([_listed(strings, h, False) for h in lowers.tolist()], dtype=bool)
    lemma_listed = np.array([_listed(strings, h, True) for h in lemmas.tolist()], dtype=bool)
    return np.flatnonzero(lower_listed[lower_of] | lemma_listed[lemma_of]).tolist()


def loaded_language(doc: Doc, text: str) -> list[LoadedSpan]:
    """Every loaded-language span with its technique, merged where flags touch, in text order."""
    found: list[tuple[int, int, str]] = []
    entries = load_lexicon()
    for i in _listed_tokens(doc):
        tok = doc[i]
        words = {tok.lower_, tok.lemma_.lower()}
        for entry in entries:
            if entry.lemmas and words & entry.lemmas:
                start, end = _extend(tok, entry.extend)
                found.append((start, end, entry.category))
                break
    for entry in entries if _any_loaded_regex().search(text) else ():
        if entry.regex is None:
            continue
        for m in entry.regex.finditer(text):
            start, end = m.start(), m.end()
            if entry.extend == "head":
                span = doc.char_span(start, end, alignment_mode="expand")
                if span is not None:
                    start, end = _extend(span[-1], "head")
                    start = min(start, m.start())
            found.append((start, end, entry.category))
    return [LoadedSpan(span=Span.of(text, s, e), category=c) for s, e, c in _merge(text, found)]


def _extend(tok: Token, how: str) -> tuple[int, int]:
    start, end = tok.idx, tok.idx + len(tok)
    if how == "head" and tok.dep_ in ("amod", "advmod", "compound") and tok.head.i > tok.i and tok.head.i - tok.i <= 3:
        head = tok.head
        end = head.idx + len(head)
    elif how == "modifiers":
        mods = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nummod", "npadvmod")]
        if mods:
            first = min((t for m in mods for t in m.subtree), key=lambda t: t.i)
            if tok.i - first.i <= 4:
                start = first.idx
    return start, end


def _merge(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    out: list[tuple[int, int, str]] = []
    for start, end, category in sorted(spans):
        if out and (start <= out[-1][1] or _MERGE_GAP.match(text[out[-1][1] : start])):
            prev = out[-1]
            out[-1] = (prev[0], max(prev[1], end), prev[2])
        else:
            out.append((start, end, category))
    return out


def profile_source(article: Article, doc: Doc, claims: list[Claim]) -> SourceProfile:
    """Publisher kind with its basis, loaded-language spans and the per-article summary."""
    outlet = find_outlet(article.publisher, credit=True) or find_outlet(article.site_name, credit=True)
    loaded = loaded_language(doc, article.text)
    sentences = [s for s in doc.sents if span_text(s).strip()]
    loaded_sents = sum(1 for s in sentences if any(s.start_char <= ls.span.start < s.end_char for ls in loaded))
    return SourceProfile(
        publisher=article.publisher or (outlet.name if outlet else None),
        publisher_kind=outlet.kind if outlet else None,
        basis=outlet.basis if outlet else None,
        loaded_language=loaded,
        loaded_sentence_share=round(loaded_sents / len(sentences), 3) if sentences else 0.0,
        first_hand_claims=sum(1 for c in claims if c.first_hand),
        relayed_claims=sum(1 for c in claims if not c.first_hand),
    )
