"""Value comparison for scoring: normalised names, list-valued gold, dates, the 25 km rule, and finding gold
evidence strings in an article's text.

Gold values follow `dateline-gold/1`: a list accepts any of its values, `None` (or a missing key) is not scored.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Iterable
from typing import Any

EARTH_RADIUS_KM = 6371.0088
NEAR_KM = 25.0

_QUOTES = str.maketrans({"’": "'", "‘": "'", "‛": "'", "`": "'", "´": "'", "“": '"', "”": '"', "„": '"',
                         "«": '"', "»": '"', "–": "-", "—": "-", "\u00a0": " "})
# ACLED actor names carry a period of office ("Police Forces of Iraq (2018-)"); DESIGN.md allows dropping it.
_PERIOD = re.compile(r"\(\s*\d{4}\s*-\s*(\d{4})?\s*\)")
# Admin units are named with or without their kind ("Diyala Province", "Baghdad Governorate").
_ADMIN_WORDS = re.compile(
    r"\b(governorate|province|provincia|state|region|district|department|prefecture|oblast|county|"
    r"municipality|muhafazat|ostan-e|wilayah|division|territory)\b"
)
_NON_WORD = re.compile(r"[^\w]+")
# Transliteration marks for ayn and hamza are dropped, not read as word breaks: "Ma'rib" is ACLED's "Marib".
_TRANSLIT_MARKS = re.compile(r"['ʿʾʼʻ]")


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def norm_text(text: str) -> str:
    """Typographic quotes and dashes to ASCII, whitespace collapsed (keeps case and words)."""
    return " ".join(text.translate(_QUOTES).split())


def norm_name(value: object) -> str:
    """A name compared loosely: case, accents, punctuation, the actor's period of office and admin kind words."""
    if value is None:
        return ""
    text = strip_accents(norm_text(str(value))).lower()
    text = _PERIOD.sub(" ", text)
    text = _ADMIN_WORDS.sub(" ", text)
    return " ".join(_NON_WORD.sub(" ", _TRANSLIT_MARKS.sub("", text)).split())


def as_options(gold: Any) -> list[Any]:
    """A gold value as the list of values it accepts ([] when it is not scored)."""
    if gold is None:
        return []
    if isinstance(gold, (list, tuple)):
        return [g for g in gold if g is not None]
    return [gold]


def is_scored(gold: Any) -> bool:
    return bool(as_options(gold)) or gold == ""


def names_equal(gold: object, pred: object) -> bool:
    return norm_name(gold) == norm_name(pred)


def names_overlap(gold: object, pred: object) -> bool:
    """Either name contains the other (after normalisation), e.g. "Al Arabiya" ~ "Al Arabiya TV"."""
    g, p = norm_name(gold), norm_name(pred)
    if not g or not p:
        return False
    return f" {g} " in f" {p} " or f" {p} " in f" {g} "


def as_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        pass
    for fmt in ("%d %B %Y", "%d %b %Y", "%m/%d/%Y", "%d/%m/%Y", "%B %d, %Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def as_int(value: object) -> int | None:
    if value is None or value == "":
        return None
    try:
        return int(float(str(value)))
    except ValueError:
        return None


def as_float(value: object) -> float | None:
    if value is None or value == "":
        return None
    try:
        return float(str(value))
    except ValueError:
        return None


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def within_km(glat: object, glon: object, plat: object, plon: object, km: float = NEAR_KM) -> bool | None:
    """True/False when both points are known; None when gold has no point (not scored)."""
    g1, g2 = as_float(glat), as_float(glon)
    if g1 is None or g2 is None:
        return None
    p1, p2 = as_float(plat), as_float(plon)
    if p1 is None or p2 is None:
        return False
    return haversine_km(g1, g2, p1, p2) <= km


def value_matches(field: str, gold: Any, pred: Any) -> bool:
    """Does `pred` satisfy the gold value of `field`? (call only when `is_scored(gold)`)"""
    options = as_options(gold) if gold != "" else [""]
    if field in {"event_date", "published", "date"}:
        pd = as_date(pred)
        return pd is not None and any(as_date(g) == pd for g in options)
    if field in {"time_precision", "geo_precision", "fatalities"}:
        pi = as_int(pred)
        if field == "fatalities" and pi is None:
            pi = 0  # unknown fatalities are 0 in ACLED's CSV, and that is how the gold is written
        return pi is not None and any(as_int(g) == pi for g in options)
    if field == "claimed_by":
        chain = pred if isinstance(pred, (list, tuple)) else as_options(pred)
        return any(names_overlap(g, link) for g in options for link in chain)
    return any(names_equal(g, pred) for g in options)


# --- finding gold evidence in the article text ------------------------------------------------------------


class TextIndex:
    """The article text normalised (quotes, dashes, whitespace, case) with a map back to original offsets,
    so a gold evidence string written with other quote marks or line breaks is still found."""

    def __init__(self, text: str) -> None:
        self.text = text
        chars: list[str] = []
        offsets: list[int] = []
        prev_space = True
        for i, ch in enumerate(text.translate(_QUOTES)):
            if ch.isspace():
                if prev_space:
                    continue
                ch, prev_space = " ", True
            else:
                prev_space = False
            chars.append(ch.lower())
            offsets.append(i)
        self.norm = "".join(chars)
        self.offsets = offsets

    def find_all(self, needle: str) -> list[tuple[int, int]]:
        """Character ranges of the original text where `needle` occurs (normalised)."""
        key = norm_text(needle).lower()
        if not key:
            return []
        found: list[tuple[int, int]] = []
        start = self.norm.find(key)
        while start >= 0:
            end = start + len(key) - 1
            found.append((self.offsets[start], self.offsets[end] + 1))
            start = self.norm.find(key, start + 1)
        return found

    def count(self, needle: str) -> int:
        return len(self.find_all(needle))


def ranges_overlap(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> bool:
    bl = list(b)
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in bl)


def overlap_chars(a: Iterable[tuple[int, int]], b: Iterable[tuple[int, int]]) -> int:
    bl = list(b)
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in bl)


def opening_words(text: str, n: int = 5) -> list[str]:
    """The first n words of a quote, without quote marks or punctuation, lower-cased."""
    words = _NON_WORD.sub(" ", strip_accents(norm_text(text)).lower()).split()
    return words[:n]


def opening_matches(gold_start: str, pred_text: str, n: int = 5) -> bool:
    g = opening_words(gold_start, n)
    return bool(g) and opening_words(pred_text, len(g)) == g
