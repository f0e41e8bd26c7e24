"""A blank line ends a sentence.

The packaged parser segments sentences from syntax alone, so a headline without a full stop, the byline under it
and the lead paragraph can come out as one "sentence" ("Angry residents storm Basra council By Wire Desk BASRA,
Iraq — Hundreds of protesters stormed ..."). Everything dateline reads per sentence (the event's trigger and
clause, its place and date, quotes) then mixes the headline's words with the lead's. The parser keeps sentence
starts set before it runs, so this component marks the first token after each blank line as one, and the lead's
first word after a wire dateline.

Stored article text often has its line breaks collapsed, so a photo caption or a section heading runs into the
sentence after it ("Rising toll The death toll rose to 12", "Aftermath of the blast A car bomb exploded …"): the
parser makes the caption's noun the subject, and its words the event's actors. So the first word of a sentence
that follows such a run (`_words_after_captions`) starts a sentence too.
"""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources

import numpy as np
from spacy.attrs import IS_ALPHA, IS_LOWER, IS_SPACE, IS_TITLE, LOWER, ORTH, TAG
from spacy.language import Language
from spacy.tokens import Doc

from dateline.nlp.text import FINITE_TAGS
from dateline.yaml_files import load_yaml


@Language.component("dateline_paragraphs")
def mark_paragraph_starts(doc: Doc) -> Doc:
    for i in _words_after_blank_lines(doc):
        doc[i].is_sent_start = True
    _mark_story_after_dateline(doc)
    for i, verb in _words_after_captions(doc):
        doc[i].is_sent_start = True
        for j in range(i + 1, verb + 1):
            doc[j].is_sent_start = False  # the sentence's subject and its verb: one sentence ("Rebels attacked")
    return doc


def _words_after_blank_lines(doc: Doc) -> list[int]:
    """Each word (not whitespace) that follows a whitespace token holding two line breaks or more. The pairs are
    picked from the document's IS_SPACE array, so only the whitespace tokens before a word become Token objects:
    building two Tokens per word of the article cost more than the rest of this component."""
    if len(doc) < 2:
        return []
    space = doc.to_array(IS_SPACE).astype(bool)
    after_space = np.flatnonzero(space[:-1] & ~space[1:]) + 1
    return [i for i in after_space.tolist() if doc[i - 1].text.count("\n") >= 2]


# Part-of-speech tags (the tagger runs before this component, the parser after it)
# The last word of a caption or a heading: a noun ("Aftermath of the blast", "Rising toll") or an adverb ("Fighting
# nearby"); never an adjective or a participle, which go on into a capitalised name ("the suspected Isis recruiter")
_HEADING_END = frozenset({"NN", "NNS", "RB"})
_DEGREE = frozenset({"RB", "RBR", "RBS"})  # "the most diehard": a noun phrase going on, no heading's end
# What opens the sentence after it: an article ("The death toll rose"), or a capitalised common noun or plural name
# whose finite verb follows within `_SUBJECT_WORDS` words ("Police fired", "Rebels attacked"); never a place or a
# person's name, which a caption's lowercase words do precede ("protesters in central Kabul")
_ARTICLES = frozenset({"The", "A", "An"})
_NOUN_OPENERS = frozenset({"NN", "NNS", "NNPS"})
_SUBJECT_WORDS = 3
# The looser signal (`_Words.doer_after_caption`): a caption's last word may be one the tagger reads as an adjective
# ("Fighting nearby", "the scene of the ambush" before a capitalised word), and the opener a listed doer tagged as a
# name ("Gunmen") or a capitalised adjective before one ("Ukrainian drones"), when its finite verb follows at once
_LOOSE_END = frozenset({"NN", "NNS", "RB", "JJ"})
_ADJECTIVES = frozenset({"JJ"})  # "Ukrainian", "Israeli": a nationality (never a name: "Kabul police said")
CAPTION_WORDS = 10  # the longest caption run read as one ("Security forces at the scene of the explosion")


def _words_after_captions(doc: Doc) -> list[tuple[int, int]]:
    """The first word of each sentence that a verbless run of words opens: up to `CAPTION_WORDS` words after a
    line break or a full stop, no finite verb or punctuation among them, the last a lowercase noun or adverb, then
    an article or a capitalised noun that a finite verb follows (with that verb's position). Read from
    the document's arrays, as `_words_after_blank_lines` is: a Token per word would cost more than the rest."""
    words = _Words(doc)
    found: list[tuple[int, int]] = []
    start: int | None = 0  # where the current run of words began (None: the run is no caption)
    for i in range(len(doc)):
        if words.stop[i] or words.space[i]:
            start = i + 1 if words.stop[i] or words.newline[i] else start
            continue
        if start is None:
            continue
        verb = words.verb_after_caption(start, i) if i > start else None
        if verb is None and i > start:
            verb = words.doer_after_caption(start, i)
        if verb is not None:
            found.append((i, verb))
            start = None
        elif not words.alpha[i] or words.finite[i] or i - start >= CAPTION_WORDS:
            start = None
    return found


class _Words:
    """The per-word flags the caption rule reads, as lists of booleans."""

    def __init__(self, doc: Doc) -> None:
        # Tags and words compared as the string store's hashes: a string per word would cost more than the rule
        arr = doc.to_array([TAG, ORTH, IS_ALPHA, IS_TITLE, IS_LOWER, IS_SPACE, LOWER])
        strings = doc.vocab.strings
        tags, orths, lowers = arr[:, 0].tolist(), arr[:, 1].tolist(), arr[:, 6].tolist()
        hashes = functools.partial(_hashes, strings)
        finite, heading, degree = hashes(FINITE_TAGS), hashes(_HEADING_END), hashes(_DEGREE)
        loose, adjectives, openers = hashes(_LOOSE_END), hashes(_ADJECTIVES), hashes(_NOUN_OPENERS)
        preposition, stops, articles = strings.add("IN"), hashes({".", "!", "?"}), hashes(_ARTICLES)
        is_lower = arr[:, 4].tolist()
        after_degree = [False, *(t in degree for t in tags[:-1])][: len(tags)]  # an empty text has no first word
        self.finite = [t in finite for t in tags]
        self.heading_end = [t in heading and bool(low) and not d for t, low, d in zip(tags, is_lower, after_degree,
                                                                                      strict=True)]
        # how far the opener's finite verb may be: anywhere in the sentence after an article, right after a noun
        self.reach = [40 if o in articles else _SUBJECT_WORDS + 1 if t in openers and title else 0
                      for t, title, o in zip(tags, arr[:, 3].tolist(), orths, strict=True)]
        self.stop = [o in stops for o in orths]
        self.loose_end = [t in loose and bool(low) and not d for t, low, d in zip(tags, is_lower, after_degree,
                                                                                  strict=True)]
        self.adjective = [t in adjectives for t in tags]
        self.preposition = [t == preposition for t in tags]
        cue = _caption_cues()
        doers, time_words = hashes(cue["doers"]), hashes(cue["time_words"])
        self.doer = [w in doers for w in lowers]
        self.time_word = [w in time_words for w in lowers]
        self.alpha, self.title, self.space = (arr[:, k].astype(bool).tolist() for k in (2, 3, 5))
        self.newline = [bool(sp) and "\n" in doc[i].text for i, sp in enumerate(self.space)]

    def verb_after_caption(self, start: int, i: int) -> int | None:
        """Where the finite verb is of the sentence word i opens after the caption that began at `start`; None
        when word i goes on the run, or no finite verb follows before the sentence's end."""
        if not (self.reach[i] and self.heading_end[i - 1] and self.title[start]):
            return None
        for j in range(i + 1, min(i + self.reach[i], len(self.stop))):
            if self.stop[j] or self.newline[j]:
                return None
            if self.finite[j]:
                return j
        return None

    def doer_after_caption(self, start: int, i: int) -> int | None:
        """Where the finite verb is, right after the sentence's doer, of the sentence word i opens after the caption
        that began at `start`, read by the looser signal: word i is a capitalised listed doer ("…the ambush Gunmen
        ambushed", tagged a name) or a capitalised adjective before one ("Drone strike Ukrainian drones struck"),
        and the caption's last word a lowercase noun, adverb or adjective. None when the run opens with a
        preposition or holds a word of time ("In the north Syrian troops attacked", "Two days after the attack
        Kenyan police arrested": the sentence's own opening, no caption) or no verb follows at once."""
        if not (self.title[start] and self.title[i] and self.loose_end[i - 1]):
            return None
        if self.preposition[start] or any(self.time_word[start:i]):
            return None
        subject_end = i if self.doer[i] else i + 1 if self.adjective[i] and i + 1 < len(self.doer) and \
            self.doer[i + 1] else None
        if subject_end is None or subject_end + 1 >= len(self.finite):
            return None
        return subject_end + 1 if self.finite[subject_end + 1] else None


def _hashes(strings: object, words: frozenset[str] | set[str]) -> frozenset[int]:
    """The string store's hashes of `words` (added when new, so a word no text holds yet still has its hash)."""
    return frozenset(strings.add(w) for w in words)  # type: ignore[attr-defined]


@functools.cache
def _caption_cues() -> dict[str, frozenset[str]]:
    """The word lists of data/caption_cues.yaml. (Read here with yaml, not through extract.packaged: this component
    loads before the extract package.)"""
    raw = importlib_resources.files("dateline").joinpath("data/caption_cues.yaml").read_text(encoding="utf-8")
    table: dict[str, list[str]] = load_yaml(raw)
    return {name: frozenset(words) for name, words in table.items()}


DATELINE_LINES = 4  # the lines a dateline may open: after a headline, a subtitle and a byline at most


def _mark_story_after_dateline(doc: Doc) -> None:
    """The lead's first word after its dateline ("KINSHASA, March 13 (Reuters) - Rebels killed …") starts the
    sentence: parsed with the city, the city became the subject of the lead's verb, a speaker and a source."""
    from dateline.ingest.metadata import (
        dateline_end,  # ingest's layout rules; loaded when a Doc is first made
    )

    text = _leading_lines(doc, DATELINE_LINES)
    start = 0
    for _ in range(DATELINE_LINES):
        end = text.find("\n", start)
        line = text[start : end if end >= 0 else len(text)]
        if line.strip():
            offset = dateline_end(line)
            if offset is not None:
                tok = doc.char_span(start + offset, start + offset + 1, alignment_mode="expand")
                if tok is not None and tok.start > 0:
                    doc[tok.start].is_sent_start = True
                return
        if end < 0:
            return
        start = end + 1


def _leading_lines(doc: Doc, lines: int) -> str:
    """The document's text up to its `lines`-th line break (all of it if it has fewer), whole tokens: the rule
    above reads no further, and `Doc.text` would join every token of the article. The prefix holds the text's
    first `lines` line breaks, so each line the rule reads is whole and at the same offsets as in `Doc.text`."""
    parts: list[str] = []
    breaks = 0
    for tok in doc:
        parts.append(tok.text_with_ws)
        breaks += parts[-1].count("\n")
        if breaks >= lines:
            break
    return "".join(parts)
