"""The text of a parsed document, read once.

spaCy's `Doc.text` joins every token's text on each access (about a millisecond for a news article), and the
extract stage asks for it thousands of times per corpus: speaker descriptions, claim sentences, date anchors.
The joined string is kept in the document's `user_data`, which the document carries through the pipeline; the
text of a Doc never changes after tokenization (retokenizing merges tokens, not characters).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from spacy.tokens import Doc, Span

_KEY = ("dateline", "text")
_ORTHS_KEY = ("dateline", "orths")


def kept_with(doc: Doc, key: tuple[str, str], compute: Callable[[Doc], Any]) -> Any:
    """`compute(doc)`, worked out on first use and kept in the document's `user_data` under `key`: the extract
    stage asks per-document questions once per sentence or clause, and a Doc's tokens and parse no longer change
    there."""
    found = doc.user_data.get(key)
    if found is None:
        found = doc.user_data[key] = compute(doc)
    return found


def doc_text(doc: Doc, words: Sequence[str] | None = None, spaces: Sequence[str] | None = None) -> str:
    """The document's text. A caller that has already read every token's text and trailing space (`words`,
    `spaces`) passes them: joining them is what `Doc.text` does, without building a Token object per word."""
    text = doc.user_data.get(_KEY)
    if text is None:
        text = "".join(map(str.__add__, words, spaces)) if words is not None and spaces is not None else doc.text
        doc.user_data[_KEY] = text
    return text


def doc_orths(doc: Doc, orths: Sequence[int] | None = None) -> tuple[int, ...]:
    """Every token's orth id, read once per document: the places component, the person-name passes and the
    resolver's demonym pass each scan the document's words by orth id, and `Doc.to_array` copies the token
    array on every call. Kept in `user_data` like the text; a Doc's tokens do not change after the parse. A
    caller that has read them already (`orths`, one per token) passes them, as for `doc_text`. A tuple, which
    the garbage collector stops tracking (see `DocWords`)."""
    kept = doc.user_data.get(_ORTHS_KEY)
    if kept is None or len(kept) != len(doc):
        if orths is None or len(orths) != len(doc):
            from spacy.attrs import ORTH

            orths = doc.to_array(ORTH).tolist() if len(doc) else ()
        kept = doc.user_data[_ORTHS_KEY] = tuple(orths)
    return kept


def fill_word_table(table: dict[int, Any], orths: Sequence[int], compute: Callable[[int], Any], size: int) -> None:
    """Add to `table` (kept across documents, by orth id) the value of each of the document's words not met
    before, emptying it when it would pass `size`: one set difference finds the new words, so a word's value is
    worked out once per process, where a call per distinct word of each document cost more than the scans that
    read the table."""
    new = set(orths).difference(table)
    if len(table) + len(new) > size:
        table.clear()
        new = set(orths)
    for orth in new:
        table[orth] = compute(orth)


def cap_text(text: str) -> bool:
    """A capitalised word as the toponym passes read one: a capital first and a letter somewhere ("ØRSTED", "3rd"
    is not)."""
    return bool(text) and text[0].isupper() and any(ch.isalpha() for ch in text)


def word_attrs(vocab: Any, orth: int) -> tuple[str, str, bool, bool, bool, bool]:
    """(text, lower case, is_alpha, is_punct, capitalised as `cap_text` reads it, a capital first and all letters)
    of a word by orth id: `lexeme_attrs` and the two capitalisation tests the geocoding passes make. Worked out
    once per process per word (a word's spelling never changes): the word table (`_word_table`) keeps them, so
    this function keeps nothing itself (a cache keyed by (vocab, orth) held a tuple per word that every full
    garbage collection read)."""
    text, lower, alpha, punct = lexeme_attrs(vocab, orth)
    return text, lower, alpha, punct, cap_text(text), bool(text[:1].isupper() and alpha)


_WORD_TABLE_SIZE = 1 << 17  # distinct words the word table keeps (emptied when full)
_WORDS_KEY = ("dateline", "words")


@functools.lru_cache(maxsize=4)
def _word_table(vocab: Any) -> dict[int, tuple[str, str, bool, bool, bool, bool]]:
    """`word_attrs` of every word met so far, by orth id, one table per vocabulary: `DocWords` reads it for every
    document."""
    return {}


class DocWords:
    """The document's words as columns (one list per attribute), built once per document and read by every
    geocoding pass: the places component's candidate passes, the recognizer's features, the person-name and
    company passes. Each pass used to build a table of its own from the orth ids (a set difference and a dict
    read per word each time), and reading the columns already in memory costs less than reading another
    cache-cold table; a spaCy `Token` per word (`doc[i]`) costs more still, as it is built anew on every access.
    `name` is a capital first and all letters, the test of a name's word; `cap` is `cap_text`'s looser test.

    The columns are tuples, not lists: a tuple of strings, numbers and flags drops out of Python's garbage
    collector at the first collection it meets, while a list stays tracked and each collection that reaches it
    reads every item. The table lives as long as its document, so with lists a pipeline that keeps its documents
    (a batch, a benchmark) had every older collection read every word of every document kept."""

    __slots__ = ("_capitalised", "_names", "_sentences", "alpha", "cap", "idx", "lower", "n", "name", "orths", "punct", "sent_start",
                 "text", "ws")

    def __init__(self, doc: Doc) -> None:
        from spacy.attrs import IDX, ORTH, SENT_START, SPACY

        # text, lower case, alpha and punct are the lexeme's: read once per distinct word, by orth id; the array is
        # read by column (one list per attribute), not as a list per token taken apart again
        columns = doc.to_array([ORTH, SPACY, IDX, SENT_START]).T.tolist() if len(doc) else [[], [], [], []]
        orth_column, space_column, idx_column, start_column = columns
        vocab = doc.vocab
        self.orths = doc_orths(doc, orth_column)
        table = _word_table(vocab)
        fill_word_table(table, self.orths, lambda orth: word_attrs(vocab, orth), _WORD_TABLE_SIZE)
        rows = list(map(table.__getitem__, self.orths))
        # one transposition instead of a list comprehension per attribute
        text, lower, alpha, punct, cap, name = zip(*rows) if rows else ((),) * 6
        self.text, self.lower, self.alpha, self.punct, self.cap, self.name = text, lower, alpha, punct, cap, name
        self.ws = tuple(" " if space else "" for space in space_column)
        self.idx = tuple(idx_column)
        self.sent_start = tuple(value == 1 for value in start_column)  # = Token.is_sent_start (1 starts a sentence)
        self.n = len(idx_column)
        # the positions worked out on first use are tuples too: they live as long as the document
        self._capitalised: tuple[int, ...] | None = None
        self._names: tuple[int, ...] | None = None
        self._sentences: tuple[tuple[int, int], ...] | None = None

    def capitalised(self) -> tuple[int, ...]:
        """The positions of the capitalised words (`cap`), in text order: most of a text is lower-case words, and
        the passes that look for names start only here. Worked out on first use."""
        if self._capitalised is None:
            self._capitalised = tuple(itertools.compress(range(self.n), self.cap))
        return self._capitalised

    def sentences(self) -> tuple[tuple[int, int], ...]:
        """Each sentence's (start_char, end_char), as `doc.sents` gives them (a sentence opens at the first word and
        at every word the parse marks as a sentence start), without building a Span per sentence."""
        if self._sentences is None:
            firsts = [0, *itertools.compress(range(1, self.n), self.sent_start[1:])] if self.n else []
            ends = [*firsts[1:], self.n]
            self._sentences = tuple((self.idx[i], self.idx[j - 1] + len(self.text[j - 1])) for i, j in zip(firsts, ends))
        return self._sentences

    def names(self) -> tuple[int, ...]:
        """The positions of the words a name is made of (`name`: a capital first, all letters), in text order."""
        if self._names is None:
            self._names = tuple(itertools.compress(range(self.n), self.name))
        return self._names


def doc_words(doc: Doc) -> DocWords:
    """The document's `DocWords`, built on first use and kept in its `user_data` (tuples of strings and flags, no
    reference back to the document); the length guards a reused key."""
    kept = doc.user_data.get(_WORDS_KEY)
    if kept is None or kept.n != len(doc):
        kept = doc.user_data[_WORDS_KEY] = DocWords(doc)
    return kept


def words_text(doc: Doc, i: int, j: int) -> str:
    """`doc[i:j].text` (i < j) cut from the document's text at the words' offsets in its word table, without
    building a Span: the recognizer asks it of every candidate name."""
    words = doc_words(doc)
    return doc_text(doc, words.text, words.ws)[words.idx[i] : words.idx[j - 1] + len(words.text[j - 1])]


# Fine-grained tags of a finite verb: what a sentence has and a caption or a section heading lacks
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})


def verbless(span: Span) -> bool:
    """The span has no verb but for a noun's modifier: a caption or a heading ("Aftermath of the blast", "Rising
    toll"), no telling. A participle that tells the act counts ("Three soldiers killed in Gao", a wire's style),
    and so does a finite tag the parse missed."""
    return not any(t.tag_ in FINITE_TAGS or (t.pos_ in {"VERB", "AUX"} and t.dep_ not in {"amod", "compound"})
                   for t in span)


def span_text(span: Span) -> str:
    """`span.text` cut from the document's text read once: spaCy builds a Span's text from its tokens on every
    access, and the event and actor passes read each sentence's text many times. Equal to `span.text` (a span's
    text runs from its first token's start to its last token's end, whitespace between tokens included)."""
    if not len(span):
        return span.text
    return doc_text(span.doc)[span.start_char : span.end_char]


def lexeme_attrs(vocab: Any, orth: int) -> tuple[str, str, bool, bool]:
    """(text, lower case, is_alpha, is_punct) of a word by its orth id. The toponym passes read these for every
    distinct word of every document; building spaCy's Lexeme object for each was a fair part of their time, and
    a word's attributes never change, so they are kept across documents, in the word table (`word_attrs`)."""
    lex = vocab[orth]
    return lex.orth_, lex.lower_, lex.is_alpha, lex.is_punct


def tokens_with_lemma(doc: Doc, pos: frozenset[str], cache: dict[int, bool], test: Callable[[str], bool]
                      ) -> list[int]:
    """Indices, in text order, of the tokens whose part of speech is in `pos` and whose lemma passes `test` (asked
    once per process per distinct lemma, kept in `cache`). The passes that look for a few cue verbs read every
    token's lemma and tag; found here from the document's arrays, only the matching words become Token objects."""
    if not len(doc):
        return []
    from spacy.attrs import LEMMA, POS
    from spacy.symbols import IDS

    rows = doc.to_array([POS, LEMMA])
    picked = np.flatnonzero(equal_to_any(rows[:, 0], [IDS[name] for name in pos]))
    strings = doc.vocab.strings
    return [i for i, lemma in zip(picked.tolist(), rows[picked, 1].tolist(), strict=True)
            if string_listed(cache, strings, lemma, test)]


def equal_to_any(column: np.ndarray, values: list[int]) -> np.ndarray:
    """Which entries of `column` (a document's array of ids) equal one of a few `values`: `np.isin`'s answer.
    `np.isin` sorts or builds a table on every call, tens of microseconds for a document's few hundred words, and
    the extract passes ask it for two or three values, several times per document; a comparison per value costs
    a few microseconds. It is exact for 64-bit hashes too, where `np.isin` may compare as floats and take two ids
    that differ in their last bits for one."""
    mask = np.zeros(len(column), dtype=bool)
    for value in values:
        mask |= column == value
    return mask


def string_listed(cache: dict[int, bool], strings: Any, h: int, test: Callable[[str], bool]) -> bool:
    """`test` of the string behind hash `h`, asked once per process per distinct string: the passes that find
    lexicon words from a document's arrays meet the same few thousand words in every article."""
    hit = cache.get(h)
    if hit is None:
        hit = cache[h] = test(strings[h])
    return hit


# The last document's entities: (doc, its ents). One slot, not `user_data`: the Spans hold their document, and
# kept in it they would make a reference cycle that frees each document only at a full garbage collection.
_LAST_ENTS: tuple[Doc | None, tuple[Span, ...]] = (None, ())


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, read once per document: spaCy walks every token and builds a Span per entity on each access
    (`Span.ents` too), and the quote, speaker and actor passes ask per quote and per sentence. The extract stage
    handles one document at a time, and its entities no longer change there."""
    global _LAST_ENTS
    last_doc, ents = _LAST_ENTS
    if last_doc is not doc:
        ents = tuple(doc.ents)
        _LAST_ENTS = (doc, ents)
    return ents


class DocEntities:
    """Each word's named-entity label ("" outside an entity) and whether it goes on an entity begun before it
    (spaCy's IOB "I"), as two columns filled from the document's entities (`doc_ents`). The recognizer's
    features ask for the labels of the words in and around every candidate name; a Token per word (`doc[i]`,
    built anew on each access) cost more than filling the columns once, as a document's entities are few."""

    __slots__ = ("inside", "label", "n")

    def __init__(self, doc: Doc) -> None:
        self.n = len(doc)
        label = [""] * self.n
        inside = [False] * self.n
        for ent in doc_ents(doc):
            start, end = ent.start, ent.end
            label[start:end] = [ent.label_] * (end - start)
            inside[start + 1 : end] = [True] * (end - start - 1)
        # kept as tuples, which the garbage collector stops tracking (see `DocWords`)
        self.label, self.inside = tuple(label), tuple(inside)


_ENTITIES_KEY = ("dateline", "entities")


def doc_entities(doc: Doc) -> DocEntities:
    """The document's `DocEntities`, built on first use and kept in its `user_data` like `doc_words` (plain lists,
    no reference back to the document); the length guards a reused key."""
    kept = doc.user_data.get(_ENTITIES_KEY)
    if kept is None or kept.n != len(doc):
        kept = doc.user_data[_ENTITIES_KEY] = DocEntities(doc)
    return kept


def span_ents(span: Span) -> list[Span]:
    """`span.ents` from the document's kept entities: those wholly inside the span, found as spaCy finds them
    (in order, stopping at the first that starts inside and runs past the span's end)."""
    out = []
    for ent in doc_ents(span.doc):
        if ent.start >= span.start:
            if ent.end > span.end:
                break
            out.append(ent)
    return out
