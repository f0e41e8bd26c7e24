"""Which language an article is in. dateline codes English only, so an article in another language is
recorded with its language and not coded (coding Spanish or Arabic as English gives confident nonsense).

Detection is py3langid (the langid.py naive Bayes model, shipped inside its wheel: offline, deterministic,
about 1 s to load once per process). Short texts mislead any detector: "Gunmen kill five in Kaduna" scores
as Nigerian Pidgin. So a text is called non-English only when it is mostly in a script English does not use
(Arabic, Cyrillic, Chinese …), or when it has enough letters and the detector is sure; otherwise it stays
English, the language dateline assumes. Plain English prose, where a fifth of the words or more are "the",
"of", "and" and their kind, is known without loading the model, which keeps `dateline extract`'s cold start
within its budget.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

ENGLISH = "en"
SAMPLE_CHARS = 4000  # the detector's verdict does not change past the first few paragraphs
MIN_LETTERS = 80  # below this, a Latin-script text is too short to call anything but English
MIN_PROBABILITY = 0.9
FOREIGN_SCRIPT_SHARE = 0.5
# English function words: about a quarter of the words of English news prose, next to none of other languages'.
_ENGLISH_WORDS = frozenset({
    "the", "of", "and", "to", "in", "is", "was", "were", "are", "said", "that", "for", "on", "with", "by", "from",
    "has", "have", "had", "it", "its", "at", "this", "which", "after", "who",
})
_PLAIN_ENGLISH_SHARE = 0.2
_PLAIN_ENGLISH_MIN_WORDS = 30
_WORDS = re.compile(r"[a-z]+")


@functools.cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _is_latin(ch: str) -> bool:
    return ch.isascii() or unicodedata.name(ch, "").startswith("LATIN")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language ("en", "es", "ar" …); "en" when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    letters = [ch for ch in sample if ch.isalpha()]
    if not letters:
        return ENGLISH
    foreign_script = sum(not _is_latin(ch) for ch in letters) / len(letters)
    if foreign_script < FOREIGN_SCRIPT_SHARE and (len(letters) < MIN_LETTERS or _plain_english(sample)):
        return ENGLISH
    language, probability = _identifier().classify(sample)
    if language == ENGLISH:
        return ENGLISH
    if foreign_script >= FOREIGN_SCRIPT_SHARE or probability >= MIN_PROBABILITY:
        return str(language)
    return ENGLISH


def _plain_english(sample: str) -> bool:
    words = _WORDS.findall(sample.lower())
    return len(words) >= _PLAIN_ENGLISH_MIN_WORDS and (
        sum(w in _ENGLISH_WORDS for w in words) >= _PLAIN_ENGLISH_SHARE * len(words))


# What separates the names of a list: commas (Latin, Arabic), semicolons, ideographic commas, line breaks.
_LIST_SEPARATORS = re.compile(r"[,;\n\u060c\u3001]")
_NAME_WORDS = 3  # "Umm Qasr", "Bobo-Dioulasso", "Rio de Janeiro": a name rarely runs longer
_LIST_SHARE = 0.8


def other_language_prose(text: str) -> str | None:
    """The language of `text` when it is prose in a language other than English, else None. A text too short to
    tell (under `MIN_LETTERS` letters, in any script) or a list of names (most pieces between commas,
    semicolons or line breaks a few words long: "بغداد، البصرة، الموصل") is never called foreign: a
    detector reads place names as whatever language they sound like."""
    if sum(ch.isalpha() for ch in text) < MIN_LETTERS:
        return None
    pieces = [piece.split() for piece in _LIST_SEPARATORS.split(text) if piece.strip()]
    if sum(len(words) <= _NAME_WORDS for words in pieces) >= _LIST_SHARE * len(pieces):
        return None
    language = detect_language(text)
    return None if is_supported(language) else language


def is_supported(language: str | None) -> bool:
    """Whether dateline codes text in `language` (English only; unknown counts as English)."""
    return not language or language.lower().startswith(ENGLISH)
