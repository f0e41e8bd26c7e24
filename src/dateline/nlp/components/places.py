"""Toponym recognition: gazetteer n-grams merged with spaCy NER into `doc.spans["dl_places"]`.

spaCy's small English model misses or mislabels many places outside Europe and North America (a port
labelled PERSON, a border town labelled NORP, a city labelled ORG), so names found in the GeoNames
gazetteer count as places too, with rules against the collisions a gazetteer of 200,000 towns brings:
English words ("Police", "Of", "March"), weekdays and months, people's first names, and names inside a
longer person or organisation name. Such a candidate is kept only when the text marks it as a place
("in X", "the city of X", "X province", "X, <known place>").

Each span's label says where it came from: GAZ (gazetteer), NER (spaCy only) or BOTH; `span._.dl_place`
holds the details the resolver needs (gazetteer hint, NER label, cue, kind hint).
"""

from __future__ import annotations

import calendar
import functools
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span

from dateline.geo.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    distance_km,
    fold,
    geo_data,
    tables,
)
from dateline.geo.models import cues, names_by_role
from dateline.nlp.text import DocWords, cap_text, doc_ents, doc_text, doc_words, kept_with, words_text

SPAN_KEY = "dl_places"
MAX_TOKENS = 6
if not Span.has_extension("dl_place"):
    Span.set_extension("dl_place", default=None)

# Short words that join the parts of a place name: "Deir ez-Zor", "Santa Maria de Ostula", "Pol-e Dokhtar".
CONNECTORS = frozenset(
    ["al", "el", "ul", "ad", "ar", "as", "at", "az", "ash", "an", "ez", "ed", "es", "e", "de", "del", "della", "di", "da", "do", "dos", "das", "du", "des", "la", "le", "les", "los", "y", "of", "bin", "ibn", "sur", "sous", "am", "im"]
)
_ARABIC_ARTICLES = frozenset({"al", "el", "ul", "ad", "ar", "as", "at", "az", "ash", "an", "ez", "ed", "es"})
_ENGLISH_LOOKALIKES = frozenset({"at", "as", "an", "ad", "ed", "es"})
DATE_WORDS = frozenset(
    [m for m in calendar.month_name if m] + [m for m in calendar.month_abbr if m] + list(calendar.day_name)
)
PLACE_NER = frozenset({"GPE", "LOC", "FAC"})
# The word after a name that makes it an administrative unit ("Diyala Province", "Donga LGA"), by level
ADMIN1_WORDS = frozenset({"province", "governorate", "region", "state", "oblast", "prefecture", "department"})
ADMIN2_WORDS = frozenset({"district", "county", "municipality", "lga", "raion", "rayon", "tehsil", "taluka", "territory"})
BLOCKING_NER = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW", "DATE", "TIME"})


@dataclass
class Candidate:
    start: int
    end: int
    source: str  # "GAZ" | "NER" | "BOTH" | "LANDMARK" | "CUE" (an unknown name a place word introduces)
    ner: str | None = None
    cue: str | None = None
    kind_hint: str | None = None
    info: dict[str, Any] = field(default_factory=dict)


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(tables()[name])


@functools.cache
def _descriptors() -> frozenset[str]:
    return frozenset(cues()["descriptor_adjectives"])


@functools.cache
def _name_particles() -> frozenset[str]:
    return frozenset(cues()["name_particles"])


@functools.cache
def _name_joints() -> frozenset[str]:
    return frozenset(cues()["name_joints"])


def _is_cap(tok: Any) -> bool:
    return cap_text(tok.text)


@functools.cache
def _stop_names() -> frozenset[str]:
    return _words("non_place_words") | _words("first_names")


_ADMIN1_OF = frozenset({"province of", "governorate of", "region of", "state of", "oblast of", "department of"})


def _cue_before(lower: Sequence[str], start: int) -> str | None:
    """A word before the span that marks a place: "in", "near", "city of", "the village of". `lower` is the
    document's words in lower case (`DocWords.lower`): read from the token table, not from a Token per word."""
    cues = _words("place_cue_before")
    i = start - 1
    # Skip determiners and words of a part of the place: "in the northern X", "near the X", "in rural X"
    skip = _words("place_cue_modifiers")
    while i >= 0 and lower[i] in skip:
        i -= 1
    if i >= 0 and lower[i] in cues:
        return lower[i]
    # "the state capital, Jos,", "the regional capital Mekele": the capital's name, whatever NER calls it
    if i >= 1 and lower[i] == ",":
        i -= 1
    if i >= 0 and lower[i] in _words("place_cue_apposition"):
        return lower[i]
    # "the city of X", "north of X", "residents of X"
    if i >= 1 and lower[i] == "of" and lower[i - 1] in _words("place_cue_of"):
        return f"{lower[i - 1]} of"
    return None


def _town_of_division_after(tk: DocWords, i: int, word: str, gazetteer: Any) -> bool:
    """A first name written as a town of the province or country named after it ("in George, Western Cape",
    "Florence, Alabama"): the hierarchy makes it the town, whatever a person of that name. Only a first name
    (`first_names`) or a word that opens longer names standing alone ("(Bani, Peravia)"; `name_opening_particles`),
    never another word of `non_place_words`, and only when that division holds a town of the name."""
    if (word not in _words("first_names") and word not in _words("name_opening_particles") or i + 2 >= tk.n or tk.text[i + 1] != ","
            or not tk.cap[i + 2]):
        return False
    end = i + 2
    # a hyphenated division is one name ("Nord-Kivu" is three tokens)
    while end < tk.n and end - i < 7 and (tk.cap[end] or tk.text[end] == "-" and end + 1 < tk.n and tk.cap[end + 1]
                                          and not tk.ws[end - 1]):
        end += 1
    division = "".join(tk.text[k] + tk.ws[k] for k in range(i + 2, end)).strip()
    divisions = [e for e in gazetteer.lookup(division, loose=False)[:20] if e.kind in {KIND_ADMIN1, KIND_COUNTRY}]
    towns = [e for e in gazetteer.lookup(word, loose=False)[:150] if e.kind == KIND_CITY]
    return any(t.cc == d.cc and (d.kind == KIND_COUNTRY or t.admin1_code == d.admin1_code)
               for d in divisions for t in towns)


_SITE_CUES = frozenset({"in", "near", "outside", "at", "around", "inside"})


def _first_name_at_a_site(tk: DocWords, i: int, word: str, cue_b: str | None) -> bool:
    """A lone first name after a preposition of place ("blocked roads in George", "protested in Florence"), not
    the start of a person's name or a possessive ("in George Weah's", "in Paul's office"); so too a lone word
    that opens longer names ("clashed near Beni", not "near Beni Suef")."""
    if word not in _words("first_names") | _words("name_opening_particles") or cue_b not in _SITE_CUES:
        return False
    return i + 1 >= tk.n or not (tk.cap[i + 1] or tk.lower[i + 1] in {"'s", "’s"})


def _towns_of_named_lands(doc: Doc, found: list[Candidate], cands: list[Candidate], gazetteer: Any,
                          tk: DocWords) -> list[Candidate]:
    """The first names at a site (`_first_name_at_a_site`) that name a town of a province or country the text
    names, or of a country a nationality word of the text points to ("in George ... Western Cape police",
    "in Florence ... Italian media"): the text supports the town; without such support the name stays a name."""
    countries: set[str] = set()
    provinces: set[tuple[str, str]] = set()
    for c in cands:
        for e in gazetteer.lookup(lookup_name(doc, c), loose=False)[:20]:
            if e.kind == KIND_COUNTRY:
                countries.add(e.cc)
            elif e.kind == KIND_ADMIN1:
                provinces.add((e.cc, e.admin1_code))
    countries |= {cc for k in range(tk.n) if tk.cap[k] and (cc := gazetteer.demonym_country(tk.text[k]))}
    return [c for c in found
            if any(e.kind == KIND_CITY and (e.cc in countries or (e.cc, e.admin1_code) in provinces)
                   for e in gazetteer.lookup(tk.text[c.start], loose=False)[:150])]


def _division_named_before(tk: DocWords, start: int) -> bool:
    """Whether the division word of "<division> of X" before `start` follows a name of its own: "the Tillaberi
    region of western Niger" (the region is Tillaberi) as against "the region of Tillaberi"."""
    skip = _words("place_cue_modifiers")
    i = start - 1
    while i >= 0 and tk.lower[i] in skip:
        i -= 1
    return i >= 2 and tk.lower[i] == "of" and tk.cap[i - 2] and tk.lower[i - 2] not in skip


def _division_after(tk: DocWords, start: int) -> bool:
    """Whether the words from `start` name a division, not a town: "the Gwoza area of Borno state", "the Kaura area
    of southern Kaduna" (an area of a state is a district or town of it, not a quarter of a city)."""
    if start < tk.n and tk.lower[start] in _words("place_cue_modifiers") - {"the", "a"}:
        return True
    end = start
    while end < tk.n and tk.cap[end] and end - start < 4:
        end += 1
    return end > start and end < tk.n and tk.lower[end] in ADMIN1_WORDS | ADMIN2_WORDS


def _cue_after(lower: Sequence[str], end: int) -> str | None:
    """A word after the span that names a kind of place: "X province", "X port", "X border area" (`lower` as for
    `_cue_before`)."""
    if end < len(lower) and lower[end] in _words("place_type_after"):
        return lower[end]
    return None


def _ner_at(doc: Doc, ents: list[Span] | None = None) -> list[str | None]:
    labels: list[str | None] = [None] * len(doc)
    for ent in doc.ents if ents is None else ents:
        for i in range(ent.start, ent.end):
            labels[i] = ent.label_
    return labels


_LOWER_ARTICLES = frozenset({"al", "el"})


def _ngrams(doc: Doc, tk: DocWords | None = None) -> list[tuple[int, int]]:
    """Token ranges that may be a place name: start capitalised, continue with capitalised words,
    connectors or hyphen-glued parts ("Pol-edokhtar"), never end on a connector or hyphen."""
    tk = tk or doc_words(doc)
    text, lower, ws, alpha, punct, cap, n = tk.text, tk.lower, tk.ws, tk.alpha, tk.punct, tk.cap, tk.n
    out: list[tuple[int, int]] = []
    # a name starts with a capital, or with a lower-case article ("el Mina"): only those words are tried
    articles = list(itertools.compress(range(n), map(_LOWER_ARTICLES.__contains__, lower)))
    for i in sorted(set(tk.capitalised()).union(articles)) if articles else tk.capitalised():
        lower_article = lower[i] in _LOWER_ARTICLES and i + 1 < n and cap[i + 1] and ws[i]
        if not lower_article and (not cap[i] or lower[i] in CONNECTORS and text[i].istitle() is False):
            continue  # a name starts with a capital, or with a lower-case article: "el Mina"
        for j in range(i + 1, min(n, i + MAX_TOKENS) + 1):
            last = j - 1
            if last > i:
                prev = j - 2
                glued = not ws[prev] and (alpha[last] or text[last] == "-") and (alpha[prev] or text[prev] == "-")
                # "of the" inside a name: "Democratic Republic of the Congo", "Isle of the ..." (a name never ends on it)
                of_the = lower[last] == "the" and lower[last - 1] == "of" and last - 1 > i
                # "and" inside a name: "Sao Tome and Principe", "Bosnia and Herzegovina" (never at its end)
                # a possessive glued inside a name: "Cox's Bazar", "King's Lynn" (never at its end)
                possessive = text[last] in _POSSESSIVE and not ws[prev]
                if not (cap[last] or lower[last] in CONNECTORS or of_the or lower[last] == "and" or text[last] in {"-", "'"}
                        or glued or possessive):
                    break
                if not text[last].strip():
                    break
            if (lower[last] in CONNECTORS or lower[last] in {"the", "and"}) and last > i or punct[last] or \
                    not text[last][-1:].isalnum() or text[last] in _POSSESSIVE:
                continue
            out.append((i, j))
    return out


def find_toponyms(doc: Doc, gazetteer: Any, recognizer: Any | None = None, words: frozenset[str] = frozenset(),
                  keep_blocked: bool = True) -> list[Candidate]:
    """Gazetteer matches (longest first, non-overlapping) merged with NER places and named landmarks.

    With a `recognizer` (the trained toponym model, dateline.geo.models), each gazetteer or NER candidate gets
    the probability that it is a place here (`info["p_place"]`), and those below the model's threshold (a
    surname, a title, an organisation's name, a common word that matches a town) are dropped. The recognizer also
    decides the names spaCy labels a person or organisation (`keep_blocked`; False: such names are dropped
    unless a place word is near, the rule before the recognizer learned it)."""
    # `doc.ents` builds a new tuple of Spans on every access: read once for the generator and the person tests
    ents = list(doc_ents(doc))
    tk = doc_words(doc)  # one token table for the generator and the quarter pass
    cands = propose_toponyms(doc, gazetteer, keep_blocked=keep_blocked and recognizer is not None, words=words,
                             ents=ents, tk=tk)
    _mark_quarters_of_towns(doc, cands, gazetteer, tk)
    if recognizer is None:
        return cands
    from dateline.geo.models import person_names

    person_ents = [e for e in ents if e.label_ == "PERSON"]  # what the person tests below read, for every candidate
    persons = person_names(doc, person_ents) if any(c.source not in {"LANDMARK", "CUE", "ABBR"} or c.info.get("bare")
                                                    for c in cands) else frozenset()
    from dateline.geo.models import titled_names

    titled = titled_names(doc) if cands else frozenset()
    kept = []
    for cand in cands:
        if cand.source not in {"LANDMARK", "CUE", "ABBR"} and cand.end - cand.start == 1 \
                and _titled_surname(doc, cand.start, tk.text[cand.start], titled):
            continue  # "said Metsi" after "Superintendent Lerato Metsi": the person, not a town of that spelling
        if cand.source not in {"LANDMARK", "CUE", "ABBR"} and _listed_with_persons(doc, cand, person_ents):
            continue  # "images of Khomeini, Khamenei and Soleimani" after "Qassem Soleimani": the person
        if recognized(cand):
            p = recognizer.probability(candidate_features(doc, scored_as(cand), gazetteer, words, persons))
            cand.info["p_place"] = round(p, 3)
            if p < recognizer.threshold and not _country_not_person(doc, cand, gazetteer, titled, person_ents) \
                    and not _capital_speaking(doc, cand, gazetteer, titled, person_ents) \
                    and not _division_listed_after_place(doc, cand, gazetteer, cands):
                continue
            if _person_named(doc, cand, person_ents):
                cand.info["person_name"] = True
        kept.append(cand)
    return kept


def _mark_quarters_of_towns(doc: Doc, cands: list[Candidate], gazetteer: Any = None, tk: DocWords | None = None) -> None:
    """"The Karachi neighbourhood of Lyari", "the Mogadishu suburb of Hodan": the name after "of" is a quarter of
    the town named before the place word, so it is placed within that town (a landmark), whether the index knows
    a namesake of it elsewhere or not. The other order is as common ("the Amiriyah neighbourhood of Baghdad"): when
    the name after "of" is a large city and the one before is no comparable town, the one before is the quarter.
    `tk` is the document's `DocWords` when the caller has it (a list read from each Token costs more)."""
    towns = {c.end: c for c in cands}
    after_a_name = [c for c in cands if c.start - 2 in towns]
    if not after_a_name:
        return
    tk = tk or doc_words(doc)
    for cand in after_a_name:
        first = towns[cand.start - 2]
        if not _town_of_quarter(tk.lower, tk.cap, first.start, cand.start - 2, tk.n):
            continue
        if gazetteer is not None and _city_of_quarter_after(doc, first, cand, gazetteer):
            first.kind_hint = "landmark"
        else:
            cand.kind_hint = "landmark"


QUARTER_CITY_POP = 100_000  # a city this large after "of" holds the quarter named before it ...
QUARTER_CITY_RATIO = 10  # ... when no town of the first name is within this factor of its size


def _city_of_quarter_after(doc: Doc, first: Candidate, second: Candidate, gazetteer: Any) -> bool:
    """Whether "the FIRST neighbourhood of SECOND" names SECOND as the city: its largest town is a city and the
    largest town named FIRST is far smaller (or there is none)."""
    def largest(c: Candidate) -> int:
        return max((e.population for e in gazetteer.lookup(doc[c.start : c.end].text) if e.kind_name == "city"),
                   default=0)
    city = largest(second)
    return city >= QUARTER_CITY_POP and largest(first) * QUARTER_CITY_RATIO <= city


def _town_of_quarter(lower: Sequence[str], cap: Sequence[bool], i: int, j: int, n: int) -> bool:
    """Whether the name at i:j is the town of "the TOWN neighbourhood of QUARTER" ("a Karachi neighbourhood"
    alone names no quarter)."""
    return (i >= 1 and lower[i - 1] in {"the", "a"} and j + 2 < n and lower[j] in _words("sublocality_suffixes")
            and lower[j + 1] == "of" and cap[j + 2])


# NER labels under which a kept name may still be the person's or group's of the same word elsewhere
_PERSONISH = frozenset({"PERSON", "ORG", "NORP"})


def _country_not_person(doc: Doc, cand: Candidate, gazetteer: Any, titled: frozenset[str],
                        person_ents: list[Span]) -> bool:
    """A country's own name that the small NER calls a person ("Mali's army said …", "Mali said on Sunday"): the
    country, unless the document also writes the word as a person's (inside a longer PERSON name, "Mali Keita", or
    after a title). The recognizer weighs a PERSON label with a possessive or a speech verb after it as a person,
    which is right for a town named like a surname but drops the country that acts, and with it its vote."""
    if cand.ner != "PERSON":
        return False
    name = doc[cand.start:cand.end].text
    if not _named_as(gazetteer, name, {"country"}):
        return False
    words = set(name.split())
    return not (words & titled or any(
        not (e.start == cand.start and e.end == cand.end) and words & {t.text for t in e} for e in person_ents))


CAPITAL_SPEAKER_POP = 1_000_000  # a capital this large is no one's first name or surname ("Kyiv said …")


def _capital_speaking(doc: Doc, cand: Candidate, gazetteer: Any, titled: frozenset[str],
                      person_ents: list[Span]) -> bool:
    """A large capital's own name as the subject of a verb of speech ("Kyiv said Russian drones struck …"): the
    state speaking, which the recognizer weighs like a person's name before "said". Kept, so the resolver can tell
    the state's voice (no place of the act) and still know whose soil the text is about. Not a name the document
    writes as a person's, nor a smaller capital named like a person ("Victoria said")."""
    from dateline.geo.resolve import _capitals, state_speaking

    span = doc[cand.start:cand.end]
    if len(span) != 1 or cand.ner not in {None, "PERSON", "GPE"} or span.text.lower() not in _capitals():
        return False
    if not state_speaking(span.root) or span.text in titled or any(span.text in e.text.split() for e in person_ents
                                                                   if len(e) > 1):
        return False
    return any(e.kind_name == "city" and e.population >= CAPITAL_SPEAKER_POP for e in gazetteer.lookup(span.text, loose=False))


def _division_listed_after_place(doc: Doc, cand: Candidate, gazetteer: Any, cands: list[Candidate]) -> bool:
    """A province's or country's own name joined by "and"/"or" to a place that a place preposition introduces
    ("farmers in Punjab and Haryana"): the preposition holds for both, whatever the small NER calls the second
    (here a person). Only a name the gazetteer holds as a first-level division or a country, spelt so."""
    if cand.start < 2 or doc[cand.start - 1].lower_ not in {"and", "or"}:
        return False
    before = next((c for c in cands if c.end == cand.start - 1), None)
    if before is None or before.cue not in cues()["site_preps"]:
        return False
    return _named_as(gazetteer, doc[cand.start:cand.end].text, {"admin1", "country"})


def _named_as(gazetteer: Any, name: str, kinds: set[str]) -> bool:
    """Whether the gazetteer holds a record of one of these kinds under exactly this name (not another of its names)."""
    return any(e.kind_name in kinds and fold(e.name) == fold(name) for e in gazetteer.lookup(name, loose=False))


def _person_named(doc: Doc, cand: Candidate, person_ents: list[Span]) -> bool:
    """A one-word name that NER reads here as a person, group or nationality, and that the document writes
    inside a PERSON name elsewhere ("Abu Bakr al-Baghdadi" … "Baghdadi and his guards"; "Bashar al-Assad" …
    "confidence in Assad"). The recognizer may keep it (a place preposition, a town of that spelling); the
    resolver then takes it for a place only where the text supports that place (`Mention.person_name`).
    `person_ents` are the document's PERSON entities."""
    if cand.end - cand.start != 1 or not person_ents:
        return False
    if (cand.ner or cand.info.get("ner_label")) not in _PERSONISH:
        return False
    word = doc[cand.start].text
    return any(not (ent.start <= cand.start < ent.end) and any(t.text == word for t in ent) for ent in person_ents)


def _listed_with_persons(doc: Doc, cand: Candidate, person_ents: list[Span]) -> bool:
    """A one-word name written elsewhere as the surname of a PERSON ("Ahmed Karimi") and here coordinated with a
    person's name ("images of Hassan Rouhani, Ali Larijani and Karimi"), with no place preposition before it: the
    person, whatever NER calls this one word (it may read it as a place-like name in such a list).
    `person_ents` are the document's PERSON entities: with none, no word is a person's (and no Token is built)."""
    if cand.end - cand.start != 1 or not person_ents:
        return False
    tok = doc[cand.start]
    if not any(t.ent_type_ == "PERSON" for t in tok.conjuncts):
        return False  # cheap test first: most names are coordinated with no person
    prev = doc[cand.start - 1] if cand.start > 0 else None
    if prev is not None and prev.lower_ in cues()["site_preps"]:
        return False
    return any(len(ent) > 1 and ent[-1].text == tok.text and not (ent.start <= tok.i < ent.end) for ent in person_ents)


def _titled_surname(doc: Doc, i: int, word: str, titled: frozenset[str]) -> bool:
    """A lone word that the document writes elsewhere in a titled person's name ("police spokesman Captain
    Lerato Metsi" … "said Metsi"), whatever NER calls it here, and that no place word or place preposition
    introduces here ("in Metsi", "Metsi village"): a candidate filter of the generator, as the byline rule is.
    The title run itself ("Captain Lerato Metsi") is left to the recognizer's title features."""
    if word not in titled:
        return False
    prev = doc[i - 1] if i > 0 else None
    if prev is not None and (prev.lower_ in cues()["site_preps"] or (prev.text[:1].isupper() and prev.is_alpha)):
        return False  # a place cue, or this is the titled name itself (or another longer name)
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    return not (nxt is not None and nxt.lower_ in ADMIN1_WORDS | ADMIN2_WORDS | frozenset(cues()["unknown_place_of"]))


def recognized(cand: Candidate) -> bool:
    """Whether the toponym recognizer decides this candidate: a gazetteer or NER name, or a bare unknown name
    ("clashes in X", "near X, Zamfara state"); a place word decides the other cue-found names and landmarks."""
    return cand.source not in {"LANDMARK", "CUE", "ABBR"} or bool(cand.info.get("bare"))


def scored_as(cand: Candidate) -> Candidate:
    """The candidate the recognizer scores: a bare unknown name as the gazetteer candidate it would be, with the
    NER label that argued against it (shared by run time and training)."""
    if not cand.info.get("bare"):
        return cand
    return Candidate(cand.start, cand.end, "GAZ", ner=cand.info.get("ner_label"), cue=cand.cue, info=cand.info)


def lookup_name(doc: Doc, cand: Candidate) -> str:
    """The part of a candidate to look up: "Diyala" of "Diyala Province"."""
    end = cand.end
    if cand.kind_hint in {"admin1", "admin2"} and end - cand.start > 1 and \
            doc_words(doc).lower[end - 1] in ADMIN1_WORDS | ADMIN2_WORDS:
        end -= 1
    return words_text(doc, cand.start, end)


def candidate_features(doc: Doc, cand: Candidate, gazetteer: Any, words: frozenset[str],
                       persons: frozenset[str] | None = None) -> dict[str, float]:
    """The toponym recognizer's features of one candidate (shared by training and run time)."""
    from dateline.geo.models import person_names, toponym_features

    name = lookup_name(doc, cand)
    entries = gazetteer.lookup(name, limit=150)
    exact = bool(entries) and gazetteer.has_name(name)
    return toponym_features(doc, cand.start, cand.end, cand.source, cand.ner, cand.cue, cand.kind_hint,
                            entries, exact, words, person_names(doc) if persons is None else persons,
                            blocked=cand.info.get("blocked"))


def _object_of_place_verb(doc: Doc, i: int) -> bool:
    """A capitalised word mid-sentence right after a verb of acting on a place ("shelled Bakhmut overnight",
    "attacked Taganrog"): the tagger may call an unfamiliar name an adverb or a noun, but it is the verb's object."""
    tok = doc[i]
    prev = doc[i - 1] if i > 0 else None
    return (tok.is_title and i > tok.sent.start and prev is not None and prev.pos_ == "VERB"
            and prev.lemma_.lower() in cues()["place_verbs"])


@functools.cache
def _water_pattern() -> re.Pattern[str]:
    """Seas, gulfs, straits and lakes by name (`water_bodies` in toponym_cues.json), longest first."""
    return _whole_names(cues()["water_bodies"])


def _whole_names(names: Iterable[str]) -> re.Pattern[str]:
    r"""Any of the names as a whole word, the longest first (so "Boko Haram faction" wins over "Boko Haram").

    "No word character or hyphen before the name" is tested after the name's first character (`X(?<![\w-]X)`,
    the same test) rather than before it: a pattern that opens with a lookbehind makes the regex engine try
    every name at every position of the text, one that opens with the names' first characters lets it skip to
    the positions where a name can start (a third of the time over news articles; the same matches).

    The names are grouped by their first character, each group keeping the names' order (`X(?<![\w-]X)(?:rest|
    rest…)`): at a position only the one group that can match is tried, not each of the two hundred names in turn
    (a quarter of the time again; a name of another first character never matched there, so the same matches)."""
    by_first: dict[str, list[str]] = {}
    for n in sorted(names, key=lambda n: (-len(n), n)):
        by_first.setdefault(n[0], []).append(re.escape(n[1:]))
    groups = (re.escape(c) + r"(?<![\w-]" + re.escape(c) + ")(?:" + "|".join(rests) + ")" for c, rests in by_first.items())
    return re.compile(r"(?:" + "|".join(groups) + r")(?![\w-])")


def propose_toponyms(doc: Doc, gazetteer: Any, keep_blocked: bool = False, words: frozenset[str] = frozenset(),
                     ents: list[Span] | None = None, tk: DocWords | None = None) -> list[Candidate]:
    """The candidate generator: gazetteer n-grams, NER places and landmarks, with the rules against the
    commonest collisions (months, stop words, first names, parts of longer names).

    A gazetteer match that spaCy labels PERSON, ORG, NORP … (or that sits inside such a longer entity) with no
    place word before or after it is dropped, unless `keep_blocked`: then it stays a candidate marked
    `info["blocked"]` ("ner" or "inside_longer"), and the toponym recognizer decides, since the small NER model
    mislabels many towns ("marched through Durban" → ORG, "attacked Quetta" → WORK_OF_ART). `ents` is
    `list(doc.ents)` and `tk` the document's `DocWords` when the caller has them already."""
    ents = list(doc.ents) if ents is None else ents  # doc.ents rebuilds its tuple on every access: read it once
    ner = _ner_at(doc, ents)
    # each entity's bounds and label read once: the blocking test below scans the entities for every name, and
    # a Span's attributes are slow to read
    ent_rows = [(e.start, e.end, e.label_) for e in ents]
    stop = _stop_names()
    tk = tk or doc_words(doc)
    grams = _ngrams(doc, tk)
    full = doc_text(doc, tk.text, tk.ws)
    texts = [full[tk.idx[i] : tk.idx[j - 1] + len(tk.text[j - 1])] for i, j in grams]
    opening = _opening_place_line(doc, tk)
    hits: dict[int, int] = {}  # start → longest end
    for (i, j), ok in zip(grams, gazetteer.may_name(texts)):
        if ok and j > hits.get(i, i):
            hits[i] = j

    out: list[Candidate] = []
    first_names_at_sites: list[Candidate] = []  # "in George": kept below if the text names its town's land
    covered = -1
    waters = [m.span() for m in _water_pattern().finditer(full)]
    for i in sorted(hits):
        j = hits[i]
        if i < covered:
            continue
        text = full[tk.idx[i] : tk.idx[j - 1] + len(tk.text[j - 1])]  # = doc[i:j].text
        start = tk.idx[i]
        if any(a <= start and start + len(text) <= b and (a, b) != (start, start + len(text)) for a, b in waters):
            continue  # "the Gulf of Aden", "the Sea of Azov": the water, not the town it is named after
        if j < tk.n and tk.cap[j] and _is_landmark_head(tk.text[j]):
            continue  # "Tahrir Square": the square, not a town called Tahrir (the landmark pass takes it)
        if (q := _town_quarter(doc, i, j, covered, gazetteer, tk)) is not None:
            # "near Donetsk-Kirovskyi": a quarter written after its town, placed at the town by the resolver
            out.append(Candidate(i, q, "CUE", ner=None, cue="town-quarter"))
            covered = q
            continue
        if (whole := _arabic_name(i, j, covered, tk)) is not None:
            # "Maaret al-Numan", "Jisr al-Shughur": the whole name is the mention (the resolver looks it up, or keeps
            # the context's province), never the part before or after the article alone (Numan in Nigeria)
            out.append(Candidate(whole[0], whole[1], "CUE", ner=None, cue=_cue_before(tk.lower, whole[0])))
            covered = whole[1]
            continue
        if _flanked(i, j, covered, tk):
            continue  # "Bank" of "Central Bank of Yemen", "Al" of "Al Thalathini": part of a longer unknown name
        cue_b, cue_a = _cue_before(tk.lower, i), _cue_after(tk.lower, j)
        if gazetteer.demonym_country(text) and cue_a not in ADMIN1_WORDS:
            continue  # "Iraqi", "Iranians": context for the resolver, not a place mention ("Somali region" is one)
        cue = cue_b or cue_a
        single = j - i == 1
        labels = {ner[t] for t in range(i, j)}
        blocked = labels & BLOCKING_NER
        if single:
            word = tk.text[i]
            if word in DATE_WORDS or tk.lower[i] in STOP_WORDS or _is_landmark_head(word):
                continue
            if word in stop and not _town_of_division_after(tk, i, word, gazetteer):
                if _first_name_at_a_site(tk, i, word, cue_b):
                    first_names_at_sites.append(Candidate(i, j, "GAZ", ner=ner[i], cue=cue_b))
                continue  # "Police", "State", "Ali": far more often the word or the name than the town
            if word.isupper() and len(word) <= 4 and not cue_b:
                continue
            if not cue and not (ner[i] in PLACE_NER) and doc[i].pos_ not in {"PROPN", "X"} and \
                    not _object_of_place_verb(doc, i):
                continue  # (a capitalised name right after "shelled", "attacked" is kept whatever its tag)
        # "Famale (Dessa, Tillaberi)": a name right after a comma or bracket that follows another name
        listed = i >= 2 and (
            tk.text[i - 1] == "("
            or tk.text[i - 1] == "," and (tk.cap[i - 2] or tk.lower[i - 2] in _words("place_type_after"))
            # the last of a list: "in Paris, Marseille and Lyon"
            or i >= 4 and tk.lower[i - 1] in {"and", "or"} and tk.cap[i - 2] and tk.text[i - 3] == ","
        ) or j <= opening
        why_blocked = None if cue or listed else _why_blocked(i, j, ent_rows, bool(blocked))
        if why_blocked and not keep_blocked:
            continue
        covered = j
        source = "BOTH" if any(lbl in PLACE_NER for lbl in labels) else "GAZ"
        kind_hint = None
        end = j
        part_of = j + 1 < tk.n and tk.lower[j] in {"area", "part", "outskirts"} and tk.lower[j + 1] == "of" \
            and not _division_after(tk, j + 2)
        # "the Karachi neighbourhood of Lyari": the name before the word is the town, the name after it the quarter
        # (without the article, "in Zumrutevler neighborhood of Maltepe" names the quarter first)
        town_of_quarter = _town_of_quarter(tk.lower, tk.cap, i, j, tk.n)
        sublocality = tk.text[i] in _words("sublocality_prefixes") or part_of or (
            j < tk.n and tk.lower[j] in _words("sublocality_suffixes") and not town_of_quarter)
        if why_blocked and (sublocality or _street_in_town(doc, j)):
            continue  # a landmark bypasses the recognizer: only an unblocked name becomes one
        if sublocality:
            # "Colonia Las Flores", "Guama neighborhood", "Palanpur area of Surat": a part of a town, placed
            # within it like a landmark
            out.append(Candidate(i, j, "LANDMARK", ner=next(iter(labels - {None}), None), cue=cue, kind_hint="landmark"))
            continue
        if _street_in_town(doc, j):
            # "on Jhelum road in Lahore": a street named after a town, in the town named after it
            out.append(Candidate(i, j + 1, "LANDMARK", ner=next(iter(labels - {None}), None), cue=cue, kind_hint="landmark"))
            continue
        if cue_a in ADMIN1_WORDS | ADMIN2_WORDS:
            kind_hint = "admin1" if cue_a in ADMIN1_WORDS else "admin2"
            if tk.text[j][0].isupper():
                end = j + 1  # "Diyala Province" is one mention
        elif cue_b in _ADMIN1_OF and not _division_named_before(tk, i):
            # "the state of Zacatecas", "the department of La Paz": the division, not its city; but in "the Mopti
            # region of central Mali" the division is Mopti, and Mali what holds it
            kind_hint = "admin1"
        info = {"blocked": why_blocked} if why_blocked else {}
        out.append(Candidate(i, end, source, ner=next(iter(labels - {None}), None), cue=cue, kind_hint=kind_hint, info=info))

    if first_names_at_sites:
        out += _towns_of_named_lands(doc, first_names_at_sites, out, gazetteer, tk)
    ner_places = _ner_only(doc, out, tk, ents)
    # a gazetteer word inside a longer NER name joined by another language's joint ("Menjan" of "Keran wa Menjan")
    out = [c for c in out if not any(n.start <= c.start and c.end <= n.end for n in ner_places)] + ner_places
    out = _institutions_named_after(doc, out, tk)
    out += _landmarks(doc, out, tk)
    out += [c for c in _named_by_place_word(doc, out, stop, tk, gazetteer, words)
            if keep_blocked or not c.info.get("blocked")]  # a bare name NER calls an organisation: the model decides
    if keep_blocked:  # the recognizer decides these: without it they are not proposed
        out += _named_by_context(doc, out, stop, tk, gazetteer, words)
    out = _abbreviated_divisions(doc, out, tk)
    # a holiday or an institution is never a place, whichever source proposed it ("during Ramadan", "protests in
    # Congress"): its namesake town abroad would also pull the text's other places there; but where the text's
    # hierarchy writes it as the division holding the place before it ("in Villanueva, Cortes"), it is that division
    out = [c for c in out if not _named_period_or_body(tk, c) or _division_in_hierarchy(tk, c, out, gazetteer)]
    # "workers at Nokia's plant", "Nokia Oyj": a company named like a town is the company, not the town
    out = [c for c in out if not _company_name(doc, c)]
    # "flaws in the Sedona operating system", "Malvern gearboxes": a name with its kind of product after it is the
    # product's or its maker's, and a namesake town would pull the text's places abroad
    out = [c for c in out if not _product_named_with_kind(doc, c)]
    # "Lord Smith of X said", "the Duke of X": a peer's title holds the place, and the sentence speaks of the person
    out = [c for c in out if not _in_peerage_title(doc, c)]
    # "the film Midnight in X", "films such as A and Ghosts of X": a place that ends a work's title is the title's
    out = [c for c in out if not _in_work_title(doc, c)]
    # "Japanese electronics firm Hitachi … engineers from Hitachi's laboratory": the article's later bare mentions of a
    # name it wrote as a company's are the company too
    if out and (companies := names_by_role(doc)[0]):
        out = [c for c in out if not _company_named_elsewhere(doc, c, companies, gazetteer)]
    # "KABUL, April 11 (Xinhua) --": a news agency's credit is never a place, whatever town shares its name
    out = [c for c in out if not _outlet_credit(doc, c)]
    # "…, Kan reported", "according to Kan": the name credited for the report is its source, not a small town
    out = [c for c in out if not _credited_source(doc, c, tk, gazetteer)]
    # "her son Andreas … said Andreas": a name the text gives an age or a kinship is the person wherever no place
    # word stands before it
    if out and (people := _people_by_apposition(tk, doc)):
        out = [c for c in out if not _written_as_person(tk, c, people, gazetteer)]
    out = [c for c in out if not _names_a_currency(doc, tk, c, gazetteer)]
    # "according to X, a small rights group": the name is the group's, and its namesake would pull the text abroad
    out = [c for c in out if not _organisation_by_apposition(doc, tk, c)]
    # "his book Spend, Save, Invest": a title or slogan of capitalised words joined by commas alone holds no place
    if out and words and (titles := _comma_titles(tk, words)):
        out = [c for c in out if not any(a <= c.start and c.end <= b for a, b in titles)]
    # "Rovers: Abbot; Baker, Carter, Dunn, Ellis; ...": a team sheet's surnames are people, whatever towns share them
    out = [c for c in out if not _in_roll_of_names(doc, c.start, c.end)]
    # "By Adan Smith", "Reporting by Sydney Omondi; Editing by ...": a reporter's name is never a place
    if out and (names := _byline_names(full)):
        out = [c for c in out if not any(s <= tk.idx[c.start] and tk.idx[c.end - 1] < e for s, e in names)]
    # "Jabhat Fateh al-Sham", "the Islamic State of Iraq and al-Sham", "Boko Haram": a place's name inside an armed
    # group's or a movement's name is the group's, and its namesake would pull the text's places there
    # ("Save the Children": an NGO's name holds a town's, Save in Benin, as an armed group's does)
    if out and (groups := _group_name_spans(full) + [m.span() for p in _international_body_patterns()
                                                      for m in p.finditer(full)]):
        out = [c for c in out if not _inside_group_name(c, tk, groups, gazetteer)]
    out.sort(key=lambda c: c.start)
    return out


_PARTICLE = r"(?:(?:al|Al|el|El|ad|ash|as|at|ar|an|az|ul|e)[-\s])?"
_NAME_PART = rf"(?:\s+|-){_PARTICLE}(?:(?:and|of|the)\s+)?[A-Z][\w'’]*(?:-[A-Z][\w'’]*)?"


@functools.cache
def _group_head_pattern() -> re.Pattern[str]:
    """A head word of toponym_cues.json `group_name_heads` with the capitalised words and particles that follow
    it: "Jaysh al-Islam", "Liwa Suqur al-Sham", "the Islamic State of Iraq and al-Sham"."""
    heads = sorted(cues()["group_name_heads"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in heads) + rf")(?:{_NAME_PART}){{1,4}}")


@functools.cache
def _listed_group_patterns() -> dict[str, re.Pattern[str]]:
    """The listed organisations' names of two words or more (`_organisation_words`: "Boko Haram"), in any case
    and with a space or a hyphen between their words, one pattern per first word: one alternation of all the
    names cost more than the rest of the candidate generator, and most texts hold none of the first words."""
    by_first: dict[str, list[list[str]]] = {}
    for name in _organisation_words():
        words = re.split(r"[\s-]+", name)
        if len(words) > 1:
            # keyed by the first word's first run of letters and digits, as `_group_name_spans` splits the text
            first = re.match(r"[^\W_]*", words[0]).group()  # type: ignore[union-attr]
            by_first.setdefault(first, []).append(words)
    return {first: re.compile(r"\b(?:" + "|".join(r"[\s-]+".join(map(re.escape, w))
                                                 for w in sorted(names, key=len, reverse=True)) + r")\b", re.IGNORECASE)
            for first, names in by_first.items()}


_WORD_RUN = re.compile(r"[^\W_]+")


def _word_runs(name: str) -> frozenset[str]:
    """The runs of letters and digits of a name in lower case, as `_group_name_spans` splits the text."""
    return frozenset(_WORD_RUN.findall(name.lower()))


@functools.cache
def _group_name_words() -> tuple[tuple[frozenset[str], ...], dict[str, tuple[frozenset[str], ...]]]:
    """The word runs of each head of `_group_head_pattern` and of each name of `_listed_group_patterns` (by the
    name's first word): a pattern can match only in a text that holds every run of one of its names."""
    heads = tuple(_word_runs(h) for h in cues()["group_name_heads"])
    listed: dict[str, list[frozenset[str]]] = {}
    for name in _organisation_words():
        words = re.split(r"[\s-]+", name)
        if len(words) > 1:
            first = re.match(r"[^\W_]*", words[0]).group()  # type: ignore[union-attr]
            listed.setdefault(first, []).append(_word_runs(name))
    return heads, {first: tuple(runs) for first, runs in listed.items()}


@functools.cache
def _international_body_patterns() -> tuple[re.Pattern[str], ...]:
    """The names of international bodies and NGOs that the PLOVER export codes IGO or NGO (`actor_codes` in
    data/plover.yaml: "Save the Children", "Doctors Without Borders", "African Union"), one pattern a code.
    Each opens with a lookahead on its names' first characters (`nlp.first_chars`): the patterns open with a word
    boundary, so the scan of every text tried every name at every position, two thirds of their time."""
    from dateline.nlp.first_chars import with_first_char_lookahead
    from dateline.yaml_files import packaged_yaml

    return tuple(with_first_char_lookahead(rule["pattern"]) for rule in packaged_yaml("plover.yaml")["actor_codes"])


def _group_name_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the armed groups' and movements' names in the text (`_group_head_pattern`,
    `_listed_group_patterns`).

    A pattern is run only over a text that holds every word of one of its names (`_group_name_words`), as the
    listed names were already picked by their first word: scanning every text with the case-blind patterns of
    common first words ("the", "people", "new") cost more than the rest of the candidate generator's regexes,
    and a pattern whose names' words are not all in the text finds nothing there."""
    words = set(_WORD_RUN.findall(text.lower()))
    head_runs, listed_runs = _group_name_words()
    spans = [m.span() for m in _group_head_pattern().finditer(text)] if any(r <= words for r in head_runs) else []
    listed = _listed_group_patterns()
    for first in (words | {""}) & listed.keys():
        if any(r <= words for r in listed_runs[first]):
            spans += [m.span() for m in listed[first].finditer(text)]
    return spans


def _inside_group_name(cand: Candidate, tk: DocWords, groups: list[tuple[int, int]], gazetteer: Any = None) -> bool:
    start, end = tk.idx[cand.start], tk.idx[cand.end - 1] + len(tk.text[cand.end - 1])
    # (the group's whole name too: "Jabhet Fateh al-Sham"), unless a place has that whole name as its own and the
    # text writes it after a word of place: "in Lashkar Gah" is the town, whose name opens like a group's
    whole_town = (cand.cue is not None and gazetteer is not None and cand.end - cand.start > 1
                  and gazetteer.has_name(" ".join(tk.text[cand.start : cand.end])))
    return any(s <= start and end <= e and not (whole_town and (s, e) == (start, end)) for s, e in groups)


def _why_blocked(i: int, j: int, ent_rows: list[tuple[int, int, str]], blocked: bool) -> str | None:
    """Why the name at tokens i..j is no place unless a place word is near (None: nothing says so): it is part of
    a longer person's or organisation's name ("Ali" in "Ali Khamenei", "Arabiya" in "Al Arabiya TV"), or NER
    calls it a person or organisation (`blocked`) and not a place exactly. `ent_rows` are the document's
    entities as (start, end, label)."""
    if any(s <= i and j <= e and e - s > j - i and label in BLOCKING_NER for s, e, label in ent_rows):
        return "inside_longer"
    if blocked and next((label for s, e, label in ent_rows if s == i and e == j), None) not in PLACE_NER:
        return "ner"
    return None


# One word of a person's name in a byline: ordinary case or an initial ("Pol O Gradaigh", "J. Smith"), never a
# word in capitals (the dateline city that may follow on the same line: "By Jane Doe CAPE TOWN -").
_NAME_WORD = r"[A-Z](?:\.|[a-z][^\W\d_]*(?:['’\-][^\W\d_]+)*)?(?![^\W\d_])"
_RANKS = ("staff", "senior", "chief", "special", "political", "foreign", "our")
BYLINE_MAX_WORDS = 20


@functools.cache
def _byline_patterns() -> tuple[re.Pattern[str], ...]:
    cue = cues()
    credit = "|".join(sorted((re.escape(w) for w in cue["byline_credit_words"]), key=len, reverse=True))
    role = "|".join(sorted((re.escape(w) for w in cue["byline_roles"]), key=len, reverse=True))
    rank = rf"(?:(?i:{'|'.join(_RANKS)})\s+)?"
    # not a rank or role ("Sydney Omondi, Staff Reporter"), nor a day or month ("By Friday, Baghdad was calm")
    dates = "|".join(n for n in (*calendar.day_name, *calendar.month_name) if n)
    word = rf"(?!(?i:{'|'.join(_RANKS)}|{role})s?\b)(?!(?:{dates})\b){_NAME_WORD}"
    person = rf"{word}(?:\s+(?:(?:al|el|bin|van|von|de|da|du|le)\s+)?{word}){{0,3}}"
    people = rf"{person}(?:(?:\s*,\s*|\s+and\s+|\s*&\s*){person})*"
    return (
        # "By Adan Smith", "Reporting by X; Editing by Y", "Additional reporting by X and Y"
        re.compile(rf"(?:^|[;|]\s*)(?:(?i:{credit})\s+)?(?i:by):?\s+(?P<name>{people})"),
        # "Adan Smith, Staff Reporter"
        re.compile(rf"^(?P<name>{people}),?\s+{rank}(?i:{role})s?\b"),
        # "Staff Reporter Adan Smith"
        re.compile(rf"^{rank}(?i:{role})\s+(?P<name>{people})"),
    )


def _byline_names(text: str) -> list[tuple[int, int]]:
    """Character ranges of the names a byline line gives (word lists `byline_credit_words`, `byline_roles` in
    toponym_cues.json): a short line that opens with the credit ("By", "Reporting by") or the role, or that is
    a name and a role. The place a reporter files from, after "in" or in capitals, stays outside the range."""
    out = []
    start = 0
    for line in text.split("\n"):
        stripped = line.lstrip()
        offset = start + len(line) - len(stripped)
        if stripped and len(stripped.split()) <= BYLINE_MAX_WORDS:
            for pattern in _byline_patterns():
                for m in pattern.finditer(stripped):
                    out.append((offset + m.start("name"), offset + m.end("name")))
        start += len(line) + 1
    return out


@functools.cache
def outlet_names() -> frozenset[str]:
    """Lower-cased names and aliases of the outlets and news agencies of data/outlets.yaml."""
    from dateline.extraction.source import load_outlets

    return frozenset(n.lower() for outlet in load_outlets() for n in (outlet.name, *outlet.aliases, *outlet.credits))


def _outlet_credit(doc: Doc, cand: Candidate) -> bool:
    """An outlet's or news agency's name (data/outlets.yaml) standing alone in brackets, as wire copy credits
    its source ("KABUL, April 11 (Xinhua) --", "SKOPJE (Sputnik) –", "Pretoria (ANA)")."""
    if cand.start < 1 or cand.end >= len(doc) or doc[cand.start - 1].text != "(" or doc[cand.end].text != ")":
        return False
    return doc[cand.start : cand.end].text.lower() in outlet_names()


STATE_CITY = 100_000  # a city this large, credited for a report, speaks for its state ("Kyiv said"): still a mention


def _credited_source(doc: Doc, cand: Candidate, tk: DocWords, gazetteer: Any) -> bool:
    """A one-word name the sentence credits for its report, as the subject of a verb of reporting
    (`source_verbs` in toponym_cues.json: "Kan reported", "Kan said in a broadcast") or after "according to",
    with no place word after it: the outlet or broadcaster, even when a small town has the name. A country,
    province or large city of that very name is the state speaking and stays a mention."""
    if cand.end - cand.start != 1 or _cue_after(tk.lower, cand.end) or cand.source in {"LANDMARK", "CUE"}:
        return False
    tok = doc[cand.start]
    according = cand.start >= 2 and tk.lower[cand.start - 1] == "to" and tk.lower[cand.start - 2] == "according"
    if not according and (cand.cue or tok.dep_ != "nsubj" or tok.head.lemma_.lower() not in cues()["source_verbs"]):
        return False
    name = fold(tk.text[cand.start])
    # (a division counts by its people as a town does: the Isle of Man's parishes, GeoNames' first-level records
    # of no known population, are named like people, "said Andreas", and no parish speaks for a state)
    return not any(fold(e.name) == name and (e.kind == KIND_COUNTRY or e.population >= STATE_CITY)
                   for e in gazetteer.lookup(tk.text[cand.start], loose=False)[:50])


MAX_AGE = 120  # "Andreas, 30,": a number no larger between commas right after a name is the person's age


def _people_by_apposition(tk: DocWords, doc: Doc) -> frozenset[str]:
    """One-word names the document writes as a person's: with an age between commas after it ("X, 30, told
    reporters") or before it ("the four-year-old X"; `age_units` in toponym_cues.json) where no noun follows
    the name ("a 16-year-old Ohio boy" is the boy's, and Ohio a place), or after a noun of kin, with or
    without a comma between ("her son X", "the couple's baby, X,"; `kinship_before`)."""
    kin, units = cues()["kinship_before"], cues()["age_units"]
    out = set()
    for i in tk.capitalised():
        if not tk.name[i] or i + 1 < tk.n and tk.name[i + 1]:
            continue  # a longer name ("her son Ahmed Musa") is already NER's person, and its words no town's
        aged = i + 3 < tk.n and tk.text[i + 1] == "," and tk.text[i + 3] == "," and tk.text[i + 2].isdigit() \
            and int(tk.text[i + 2]) <= MAX_AGE or i >= 4 and tk.lower[i - 1] == "old" and tk.text[i - 2] == "-" \
            and tk.lower[i - 3] in units and tk.text[i - 4] == "-" and not (i + 1 < tk.n and doc[i + 1].pos_ == "NOUN")
        k = i - 2 if i >= 2 and tk.text[i - 1] == "," else i - 1
        if aged or k >= 0 and tk.lower[k] in kin:
            out.add(tk.text[i])
    return frozenset(out)


def _written_as_person(tk: DocWords, cand: Candidate, people: frozenset[str], gazetteer: Any) -> bool:
    """A one-word name the document writes as a person's (`_people_by_apposition`) where no place word stands
    before it: "said Andreas", "Andreas said" after "her son Andreas" are the son, not a parish of that name. A
    country keeps its name ("in Jordan" needs no such test, "Jordan closed its border" does)."""
    if cand.end - cand.start != 1 or cand.source in {"LANDMARK", "CUE", "ABBR"} or tk.text[cand.start] not in people:
        return False
    return not _cue_before(tk.lower, cand.start) and not _a_country(gazetteer, tk.text[cand.start])


def _a_country(gazetteer: Any, name: str) -> bool:
    """Whether a country answers to the name, under any of its names ("US", "Britain")."""
    return any(e.kind == KIND_COUNTRY for e in gazetteer.lookup(name, loose=False))


def _names_a_currency(doc: Doc, tk: DocWords, cand: Candidate, gazetteer: Any) -> bool:
    """A country's name before a currency ("the US dollar exchange rate", "paid in US dollars";
    `currency_nouns` in toponym_cues.json): the money, used well beyond the country, says nothing of where the
    text is, so it is no place and casts no vote ("protests against the high US dollar rate in Tripoli" is not
    a vote for a Tripoli in America)."""
    if cand.end >= tk.n or tk.lower[cand.end] not in cues()["currency_nouns"] or doc[cand.end].pos_ != "NOUN":
        return False  # (a noun: "in U.S. real income" is no Brazilian money)
    return _a_country(gazetteer, " ".join(tk.text[cand.start : cand.end]))


APPOSITION_WORDS = 5  # "X, a small local rights group": the apposition's head within so many words of its article
_PHRASE_NOUNS = frozenset({"NOUN", "PROPN"})


def _organisation_by_apposition(doc: Doc, tk: DocWords, cand: Candidate) -> bool:
    """A name followed by a comma and an apposition with an indefinite article whose head noun is an
    organisation's ("according to X, a small rights group based abroad", "X, an aid agency";
    `organisation_apposition_heads` in toponym_cues.json): the group's name, not a place. The head is the last
    noun of the phrase ("X, a rebel group stronghold" is a place), and one with "of" after it counts its
    members, it names no group ("in X, a group of farmers marched")."""
    k = cand.end
    if k + 2 >= tk.n or tk.text[k] != "," or tk.lower[k + 1] not in {"a", "an"}:
        return False
    heads = cues()["organisation_apposition_heads"]
    for j in range(k + 2, min(k + 2 + APPOSITION_WORDS, tk.n)):
        if doc[j].pos_ in _PHRASE_NOUNS and not (j + 1 < tk.n and doc[j + 1].pos_ in _PHRASE_NOUNS):
            return tk.lower[j] in heads and not (j + 1 < tk.n and tk.lower[j + 1] == "of")
        if not tk.alpha[j] and tk.text[j] not in {"-", "'s", "’s"}:
            return False
    return False


TITLE_ITEMS = 3  # "Spend, Save, Invest": so many capitalised words joined by commas alone make a title or slogan
_LIST_JOINTS = frozenset({"and", "or", "nor", "&"})


ROLL_ITEMS = 5  # a team sheet's line is a goalkeeper or full-back and four more; a list of places that long says "and"
ROLL_ITEM_WORDS = 3  # "Van der Merwe": longer runs of capitals are titles or organisations, no roll's items


def _roll_run(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """(items, semicolons) of the run of bare names around tokens start..end: capitalised words separated only by
    commas and semicolons, with a bracket of lower-case words after an item ("Palmer (capt)"), from the start of a
    line or a label's colon to a full stop. (0, 0) when an item is longer than a name or the run does not fill
    its line."""
    tw = doc_words(doc)

    def part(k: int) -> bool:
        return tw.text[k][:1].isupper() or (tw.text[k] in {"-", "'", "’"} and not tw.ws[k - 1] if k > 0 else False)

    def bracket_left(k: int) -> int:  # k at ")": the index before its "(" when only lower-case words are inside
        j = k - 1
        while j > k - 5 and j >= 0 and tw.text[j] != "(":
            if not tw.text[j].islower():
                return -1
            j -= 1
        return j - 1 if j >= 0 and tw.text[j] == "(" and j < k - 1 else -1

    items, semis, words = 1, 0, end - start
    k = start - 1
    while k >= 0:
        if tw.text[k] == ")":
            if bracket_left(k) < 0:
                break
            k = bracket_left(k)
            continue
        if tw.text[k] in {",", ";"} and k > 0 and (part(k - 1) or tw.text[k - 1] == ")"):
            items, semis, words = items + 1, semis + (tw.text[k] == ";"), 0
        elif part(k):
            words += 1
        else:
            break
        if words > ROLL_ITEM_WORDS:
            return 0, 0
        k -= 1
    left, words = k, end - start
    k = end
    while k < tw.n:
        if tw.text[k] == "(":
            j = k + 1
            while j < min(k + 5, tw.n) and tw.text[j].islower():
                j += 1
            if j == k + 1 or j >= tw.n or tw.text[j] != ")":
                break
            k = j + 1
            continue
        if tw.text[k] in {",", ";"} and k + 1 < tw.n and part(k + 1):
            items, semis, words = items + 1, semis + (tw.text[k] == ";"), 0
        elif part(k):
            words += 1
        else:
            break
        if words > ROLL_ITEM_WORDS:
            return 0, 0
        k += 1
    # a roll fills its line or what follows a label ("Replacements:") up to the stop: names after "and" or before
    # a verb are a list inside a sentence
    if not (left < 0 or tw.text[left][-1:] in {":", "."} or tw.text[left].isspace()) or \
            not (k >= tw.n or tw.text[k] == "." or tw.text[k].isspace()):
        return 0, 0
    return items, semis


def _in_roll_of_names(doc: Doc, start: int, end: int) -> bool:
    """Whether the name is an item of a roll of names, as team sheets write them ("Rovers: Abbot; Baker, Carter,
    Dunn, Ellis; Ford, Grant (capt)."): five or more bare names with no verb or "and" among them, set apart by
    semicolons, or by commas in a document that holds such a semicolon roll (its replacements: "Replacements:
    Hale, Irwin, ..."). Surnames there that are also towns are no places; a list of places in running text has
    words around its names. Such a name is never a candidate: the team sheets the recognizer had to learn this from
    are our own written ones, and the weight they moved lowered towns elsewhere (docs/models.md, toponym12)."""
    items, semis = _roll_run(doc, start, end)
    if items < ROLL_ITEMS:
        return False
    return semis > 0 or kept_with(doc, ("dateline", "semicolon_roll"), _has_semicolon_roll)


def _has_semicolon_roll(doc: Doc) -> bool:
    tw = doc_words(doc)
    for k in range(1, tw.n - 1):
        if tw.text[k] == ";" and tw.text[k - 1][:1].isupper() and tw.text[k + 1][:1].isupper():
            items, semis = _roll_run(doc, k + 1, k + 2)
            if items >= ROLL_ITEMS and semis:
                return True
    return False


def _comma_titles(tk: DocWords, words: frozenset[str]) -> list[tuple[int, int]]:
    """Word spans of the titles and slogans written as single capitalised words joined by commas alone, each an
    English word ("the book Spend, Save, Invest", "leaflets reading Vote, Save, Protect"; `words` is the
    recognizer's English word list): a list of places closes with a conjunction ("Aleppo, Idlib and Hama"),
    and its names are seldom all English words."""
    def item(i: int) -> bool:
        low = tk.lower[i]
        return (tk.name[i] and (low in words or low.endswith("s") and low[:-1] in words)
                and not (i + 1 < tk.n and tk.name[i + 1]) and not (i > 0 and tk.name[i - 1]))

    out: list[tuple[int, int]] = []
    for i in tk.capitalised():
        if out and i < out[-1][1] or not item(i):
            continue
        last = i
        while last + 2 < tk.n and tk.text[last + 1] == "," and item(last + 2):
            last += 2
        after = last + 2 if last + 2 < tk.n and tk.text[last + 1] == "," else last + 1
        if (last - i) // 2 + 1 >= TITLE_ITEMS and not (after < tk.n and tk.lower[after] in _LIST_JOINTS):
            out.append((i, last + 1))
    return out


_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
COMPANY_WINDOW = 2  # "Nokia's plant", "Nokia's Finnish plant": the company word within two words of the "'s"


def _company_name(doc: Doc, cand: Candidate) -> bool:
    """A name that the sentence writes as a company's, while the small NER does not read the name as a place
    ("Moscow's decision" is a government's and still says Russia): a possessive followed by a company word
    ("workers at Nokia's plant", "protest Nokia's decision"; `company_words` of toponym_cues.json), or a noun
    that says what kind of company it is right before it ("mining giant Vale"; `company_heads_before`)."""
    if cand.start > 0 and doc[cand.start - 1].lower_ in cues()["company_heads_before"] and \
            not any(t.ent_type_ == "GPE" for t in doc[cand.start : cand.end]):
        # "mining giant Vale", "the carmaker Toyota": a company named by what it is (a country or city the NER
        # knows stays one: "oil giant Saudi Arabia")
        return True
    j = cand.end
    if j >= len(doc) or doc[j].text not in _POSSESSIVE:
        return False
    if any(t.ent_type_ in ("GPE", "LOC") for t in doc[cand.start : cand.end]):
        return False
    after = doc[j + 1 : j + 1 + COMPANY_WINDOW]
    return any(t.lower_ in cues()["company_words"] for t in after)


@functools.cache
def _product_kinds() -> tuple[tuple[str, ...], ...]:
    return tuple(sorted((tuple(k.split()) for k in cues()["product_kinds_after"]), key=len, reverse=True))


def _product_named_with_kind(doc: Doc, cand: Candidate) -> bool:
    """A name followed by a word for a kind of product that heads its phrase ("the Sedona operating system were",
    "Marlow software, which"; `product_kinds_after`), and no place word before it ("the city of X"). A noun
    after the kind makes the name that thing's place ("a Bangalore software firm", "Taipei chip exports")."""
    if cand.cue and " " in cand.cue:
        return False
    j = cand.end
    for kind in _product_kinds():
        k = j + len(kind)
        if k <= len(doc) and tuple(t.lower_ for t in doc[j:k]) == kind:
            return not (k < len(doc) and doc[k].pos_ in ("NOUN", "PROPN") and doc[k].is_alpha)
    return False


PEER_NAME_WORDS = 2  # "Lord Smith of X", "Baroness Anne Jones of X": the peer's name between the title and "of"


def _in_peerage_title(doc: Doc, cand: Candidate) -> bool:
    """A name right after "of" that ends a peer's or a royal's title: a capitalised word of `peerage_titles`, then
    at most two capitalised words, then "of" ("Lord Smith of X", "the Duke of X", "Prince of X"). "Lord Smith
    visited X" keeps X."""
    k = cand.start - 1
    if k < 1 or doc[k].lower_ != "of":
        return False
    for back in range(PEER_NAME_WORDS + 1):
        t = k - 1 - back
        if t < 0 or not doc[t].is_title:
            return False
        if doc[t].lower_ in cues()["peerage_titles"]:
            return True
    return False


_TITLE_JOINTS = frozenset({"and", "a", "an", "the", "of", "in", "upon", "on", "with", ","})
WORK_BRIDGE_WINDOW = 3  # "films such as", "films including": the works word within three words of the bridge


def _in_work_title(doc: Doc, cand: Candidate) -> bool:
    """A name after "in" or "of" (and "the") that ends a title of capitalised words, with a word for a work before
    the title (`work_title_cues`: "the film Midnight in X", "an adaptation of Fear in X"), or before a list of
    titles and a bridge (`work_title_bridges`: "films such as A, B and Ghosts of X"). The word before "in"/"of"
    must be capitalised: "a film shot in X" and "the festival in X" keep their place."""
    k = cand.start - 1
    if k >= 0 and doc[k].lower_ == "the":
        k -= 1
    if k < 1 or doc[k].lower_ not in ("in", "of") or not doc[k - 1].is_title or doc[k - 1].is_sent_start:
        return False
    t = k - 1
    while t >= 0 and (doc[t].is_title or doc[t].lower_ in _TITLE_JOINTS) and not doc[t].is_sent_start:
        t -= 1
    if t < 0:
        return False
    word = doc[t].lower_
    if word in cues()["work_title_cues"]:
        return True
    return word in cues()["work_title_bridges"] and any(
        w.lower_ in cues()["work_title_cues"] for w in doc[max(0, t - WORK_BRIDGE_WINDOW) : t])


def _company_named_elsewhere(doc: Doc, cand: Candidate, companies: frozenset[str], gazetteer: Any) -> bool:
    """A one-word name the article writes after a company head elsewhere ("carmaker Toyota … the Toyota stand";
    `company_heads_before`), where no place word stands by this mention and the small NER does not read it as a
    place. A preposition alone is no such word ("engineers at Hitachi's laboratory"). A country's name is never
    one ("energy giant Russia" leaves Russia's other mentions places)."""
    if cand.end - cand.start != 1 or doc[cand.start].text not in companies:
        return False
    if cand.cue and (" " in cand.cue or cand.cue in _words("place_cue_apposition")):
        return False  # "the city of Toyota", "the regional capital, X": the text says place
    if doc[cand.start].ent_type_ in ("GPE", "LOC"):
        return False
    return not _a_country(gazetteer, doc[cand.start].text)


def _named_period_or_body(tk: DocWords, cand: Candidate) -> bool:
    """A holiday or religious period ("Ramadan", "Eid al-Fitr") or a state institution ("Congress", "the National
    Assembly"): word lists `holidays_and_periods` and `institutions` of tables.json, matched on the whole name
    (its words read from the token table `tk`)."""
    words = tk.lower[cand.start : cand.end]
    if words and words[0] == "the":
        words = words[1:]
    name = " ".join(words).replace(" - ", "-").replace(" -", "-").replace("- ", "-")
    parts = [p.strip() for p in re.split(r"\band\b|,", name) if p.strip()]  # "Easter and Eid al-Fitr": each
    return any(p in _words("holidays_and_periods") or p in _words("institutions") for p in [name, *parts])


def _division_in_hierarchy(tk: DocWords, cand: Candidate, cands: list[Candidate], gazetteer: Any) -> bool:
    """A name that is also a state body's ("Cortes", Spain's parliament) written where only a division can stand:
    right after "(" or a comma that follow another place, and closing the hierarchy (")", ",", ".", ";" or the
    text's end): "in Villanueva, Cortes," and "(Choloma, Cortes)" name Honduras' department, as "(Poonch, J&K)"
    names a state. Only a name the index holds as a first- or second-level division."""
    i, j = cand.start, cand.end
    if i < 2 or tk.text[i - 1] not in {"(", ","} or not any(c.end == i - 1 for c in cands):
        return False
    if j < tk.n and tk.text[j] not in {")", ",", ".", ";"}:
        return False
    name = " ".join(tk.text[i:j])
    return any(e.kind in {KIND_ADMIN1, KIND_ADMIN2} for e in gazetteer.lookup(name, loose=False)[:20])


@functools.cache
def _abbreviations() -> dict[str, list[tuple[str, str]]]:
    """Short forms of first-level divisions → [(ISO2, name)] (geo/data/admin1_abbreviations.json)."""
    return {k: [(cc, name) for cc, name in v] for k, v in geo_data("admin1_abbreviations.json")["abbreviations"].items()}


_DASHES = frozenset({"—", "–", "-", "--"})


def _abbreviated_divisions(doc: Doc, cands: list[Candidate], tk: DocWords | None = None) -> list[Candidate]:
    """A state's or province's short form where the text's hierarchy makes it a place: "(Poonch district, J&K)",
    "Gaya (UP)", "Pune, MH." — right after "(" that follows a place, or after a comma that follows a place or a
    place word, and closing the hierarchy (")", ",", or the sentence's end). Never in running text ("the MP for
    X", "UP police"), nor a news agency's credit in a dateline ("CAIRO (AP) —")."""
    table = _abbreviations()
    ends = {c.end for c in cands if c.source != "ABBR"}
    place_words = _words("place_type_after")
    found: list[Candidate] = []
    texts = tk.text if tk is not None else [t.text for t in doc]
    for t in range(2, len(doc)):
        pairs = table.get(texts[t])
        if not pairs:
            continue
        tok = doc[t]
        prev, before = doc[t - 1], doc[t - 2]
        after_place = (t - 1) in ends or before.lower_ in place_words
        # "in X town (UP)": the bracket follows the place's type word, as "(X, UP)" follows the place
        typed = before.lower_ in place_words and (t - 2) in ends
        if not (prev.text == "(" and ((t - 1) in ends or typed) or prev.text == "," and after_place):
            continue
        nxt = doc[t + 1] if t + 1 < len(doc) else None
        if nxt is not None and not (nxt.text in {")", ",", ".", ";"} or nxt.is_sent_start):
            continue
        if prev.text == "(" and nxt is not None and nxt.text == ")" and t + 2 < len(doc) and doc[t + 2].text in _DASHES:
            continue  # "CAIRO (AP) —": the agency's credit
        found.append(Candidate(t, t + 1, "ABBR", ner=tok.ent_type_ or None, kind_hint="admin1",
                               info={"expands": pairs}))
    if not found:
        return cands
    return [c for c in cands if not any(c.start < f.end and f.start < c.end for f in found)] + found


def _street_in_town(doc: Doc, j: int) -> bool:
    """The name ending before token j is a street's ("X road", "X street") that the text puts in a town: "in"
    and a capitalised name follow. "The Basra road", "the road to X" stay the town X (where the road leads)."""
    return (j + 2 < len(doc) and doc[j].lower_ in _words("street_suffixes") and doc[j + 1].lower_ in {"in", "of"}
            and _is_cap(doc[j + 2]))


# Prepositions and conjunctions that a typo or a headline capitalises: "the western countryside Of X"
STRAY_CAPITALS = frozenset({"of", "in", "at", "near", "from", "to", "on", "and", "by", "for"})


def _stray_capital(tk: DocWords, k: int) -> bool:
    """Token k is a preposition or conjunction capitalised by mistake in running text: the word before it is
    lower-case, so it starts no name ("Bay Of Bengal", "Voices From Gaza" have a capital before it)."""
    return (tk.lower[k] in STRAY_CAPITALS and k > 0 and tk.alpha[k - 1] and tk.text[k - 1].islower()
            and not tk.sent_start[k])


def _opening_place_line(doc: Doc, tk: DocWords | None = None) -> int:
    """The end of a dateline-style line of places that opens a text ("Town, District, Province. Troops
    seized …"): a first sentence of two or more capitalised names joined by commas and nothing else, with
    text after it. Its names are written as a hierarchy, so what NER calls them does not block them (as after
    "(" or a comma inside a sentence); 0 when the text opens otherwise. The words are read from the token table
    `tk` (built here when the caller has none)."""
    tk = tk or doc_words(doc)
    commas = 0
    for i in range(min(25, tk.n)):
        text = tk.text[i]
        if text == ",":
            commas += 1
        elif text in {".", "—", "–", "-", ":"} and i > 0:
            return i if commas and i + 1 < tk.n else 0
        elif not (tk.cap[i] or tk.lower[i] in CONNECTORS or text in {"'", "’", "-"}):
            return 0
    return 0


QUARTER_TOWN_MIN_POP = 100_000  # a quarter is a big town's: "Donetsk-Kirovskyi", not a village's "X-Y"
QUARTER_KM = 30  # how far from its town a quarter the index holds may lie


def quarter_town(name: str, gazetteer: Any) -> list[Any]:
    """The town readings of X in a name "X-Y" the gazetteer lacks, written as ACLED writes a town's quarter
    ("Donetsk-Kirovskyi", "Aleppo-Salah ad Din"): towns of at least QUARTER_TOWN_MIN_POP people; none when Y is
    itself such a town (a route, "Aleppo-Damascus") or a nationality ("Latakia-Turkish")."""
    town, _, quarter = name.partition("-")
    if not (town and quarter and town[:1].isupper() and quarter[:1].isupper() and not town.endswith(" ")
            and not quarter.startswith(" ") and fold(town) not in {"al", "el", "ad", "ar", "as", "ash", "at", "az"}):
        return []
    def towns(n: str) -> list[Any]:
        return [e for e in gazetteer.lookup(n, loose=False) if e.kind == KIND_CITY and e.population >= QUARTER_TOWN_MIN_POP]
    if gazetteer.demonym_country(quarter.split()[0]):
        return []
    here, parts = towns(town), towns(quarter)
    # a quarter the index holds under that name lies in or by its town ("Kirovskyi", a district of Donetsk): the
    # quarter itself; a town of that name farther away makes "X-Y" a route between two towns
    inside = [q for q in parts if any(distance_km(q.latitude, q.longitude, t.latitude, t.longitude) <= QUARTER_KM
                                      for t in here)]
    return inside or ([] if parts else here)


def _town_quarter(doc: Doc, i: int, j: int, covered: int, gazetteer: Any, tk: DocWords) -> int | None:
    """The end of "X-Y" when the gazetteer match X (tokens i..j) is a big town written with its quarter Y
    after a hyphen and the whole name is unknown; None otherwise (a route: "the X-Y road"). The words are read
    from the token table `tk`."""
    text, ws, cap, alpha, n = tk.text, tk.ws, tk.cap, tk.alpha, tk.n
    if not (j + 1 < n and text[j] == "-" and not ws[j - 1] and not ws[j] and cap[j + 1] and alpha[j + 1]):
        return None
    if i > 0 and i - 1 >= covered and not tk.sent_start[i] and (
            text[i - 1] == "-" or cap[i - 1] and alpha[i - 1] and not _stray_capital(tk, i - 1)):
        return None
    end = j + 2
    if end < n and (text[end] == "-" and not ws[end - 1] or cap[end] and alpha[end]
                    or tk.lower[end] in cues()["quarter_routes"]):
        return None
    return end if quarter_town(doc[i:end].text, gazetteer) else None


def _arabic_name(i: int, j: int, covered: int, tk: DocWords) -> tuple[int, int] | None:
    """The token span of a name the match is one part of, joined by an Arabic article to a capitalised word on
    either side ("Maaret al-Numan", "Jisr al-Shughur", "Deir ez-Zor"; with its hyphen also at, as, an, which are
    English words without it) or opening with its hyphenated article ("ad-Dawr"), or None when the match is
    joined to nothing."""
    text, lower, cap, alpha, ws = tk.text, tk.lower, tk.cap, tk.alpha, tk.ws

    def joint(k: int) -> int:
        """Tokens of an article joint starting at k and ending before a capitalised word (0: none)."""
        if k + 2 < tk.n and lower[k] in _ARABIC_ARTICLES and text[k].islower() and text[k + 1] == "-" \
                and not ws[k] and cap[k + 2] and alpha[k + 2]:
            return 2
        if k + 1 < tk.n and lower[k] in _ARABIC_ARTICLES - _ENGLISH_LOOKALIKES and text[k].islower() and ws[k] \
                and cap[k + 1] and alpha[k + 1]:
            return 1
        return 0

    start, end = i, j
    while not tk.sent_start[start]:
        # "Maaret al-" before "Numan": the article (with its hyphen or not), then the capitalised word before it
        if start >= 2 and start - 2 > covered and joint(start - 2) == 2:
            article = start - 2
        elif start >= 1 and start - 1 > covered and joint(start - 1) == 1:
            article = start - 1
        else:
            break
        if article < 1 or article - 1 <= covered or tk.sent_start[article] or not (cap[article - 1] and alpha[article - 1]):
            if article == start - 2:
                start = article  # "near ad-Dawr", "at al-Tanf": the name opens with its article
            break
        start = article - 1
    while end < tk.n and (n := joint(end)):
        end += n + 1  # "Jisr" + " al-Shughur"
    return (start, end) if (start, end) != (i, j) else None


def _flanked(i: int, j: int, covered: int, tk: DocWords) -> bool:
    """The match sits inside a longer capitalised name that the gazetteer does not know. The words are read from
    the token table `tk`, sentence starts included, so no Token is built."""
    text, lower, cap, alpha, ws = tk.text, tk.lower, tk.cap, tk.alpha, tk.ws
    if i > 0 and i - 1 >= covered and not tk.sent_start[i]:
        left = i - 1
        if (cap[left] and text[left] not in DATE_WORDS and alpha[left] and not tk.sent_start[left]
                and not _stray_capital(tk, left) and lower[left] not in _descriptors()):
            # ("Cameroon's Anglophone North-West region": a people's, faith's or language's adjective describes the
            # place; it starts no longer name)
            return True
        if text[left] == "-" and i >= 2 and cap[i - 2] and not ws[left] and not ws[i - 2]:
            return True
        # "Maaret al-Numan", "Jisr al Shughur": the word after an Arabic article is the end of one longer name;
        # alone it is a namesake on another continent (Numan in Nigeria)
        hyphen = text[left] == "-" and not ws[left] and left >= 1 and not ws[left - 1]
        article = left - 1 if hyphen else left
        if (lower[article] in _ARABIC_ARTICLES and (hyphen or lower[article] not in _ENGLISH_LOOKALIKES)
                and text[article].islower() and article >= 1 and cap[article - 1] and alpha[article - 1]):
            return True  # (an English word, "the LoC at Shahpur", joins nothing without the hyphen)
    if j < tk.n:
        if cap[j] and alpha[j] and lower[j] not in _words("place_type_after"):
            return True
        if text[j] == "-" and not ws[j] and j + 1 < tk.n and cap[j + 1] and not ws[j - 1]:
            return True
        # "Bab al Kabir", "Tell es Sultan": a lower-case article joining a capitalised word makes one longer name
        # the gazetteer lacks; its first word alone would resolve to a namesake ("of" is not such a joint:
        # "Diyala of Iraq" is rare, "the Bureau of X" the landmark/organisation rules handle)
        if (lower[j] in CONNECTORS and lower[j] != "of" and text[j].islower() and j + 1 < tk.n
                and cap[j + 1] and alpha[j + 1]):
            return True
        if (lower[j] in _ARABIC_ARTICLES and text[j].islower() and j + 2 < tk.n and text[j + 1] == "-"
                and not ws[j] and cap[j + 2] and alpha[j + 2]):
            return True  # "Jisr al-Shughur": likewise with the article's hyphen
        # "Keran wa Menjan", "Shakhta imeni Gagarina": a joint of another language's names (a data list) likewise
        if text[j] in _name_joints() and ws[j] and j + 1 < tk.n and cap[j + 1] and alpha[j + 1]:
            return True
    return False


def _overlaps(a_start: int, a_end: int, cands: list[Candidate]) -> bool:
    return any(a_start < c.end and c.start < a_end for c in cands)


def _entity_rows(doc: Doc, tk: DocWords, ents: list[Span] | None = None) -> list[tuple[int, int, str, str]]:
    """(start, end, label, text) of each entity, read once. The text is cut from the document's text at the
    entity's first and last tokens, which is what `Span.text` gives, without spaCy joining the entity's tokens
    anew on every access (`_ner_only` reads every entity of every document)."""
    full = doc_text(doc, tk.text, tk.ws)
    idx, words = tk.idx, tk.text
    return [(s, e, label, full[idx[s] : idx[e - 1] + len(words[e - 1])])
            for s, e, label in ((ent.start, ent.end, ent.label_) for ent in (doc.ents if ents is None else ents))]


def _ner_only(doc: Doc, found: list[Candidate], tk: DocWords, ents: list[Span] | None = None) -> list[Candidate]:
    """NER places the gazetteer did not find (misspelt towns, seas, landmarks): kept, resolved later."""
    out: list[Candidate] = []
    for ent_start, ent_end, label, text in _entity_rows(doc, tk, ents):
        single = ent_end - ent_start == 1
        word = text.lower()
        if single and (word in STOP_WORDS and not text.isupper() or word in _organisation_words()):
            # NER's one-word "place" that is a pronoun or an armed group or organisation ("None in Syria" in a
            # headline, "Daesh assembly areas"): no place the gazetteer lacks, and nothing to resolve ("US" in
            # capitals is no stop word)
            continue
        if label in PLACE_NER and text[:1].isupper() and not _overlaps(ent_start, ent_end, found + out):
            end = ent_end
            if single and text in _name_particles():
                # NER's "Las" of "the Las Bambas mine": a name's first word, read with the words of the name
                while end < tk.n and tk.cap[end] and tk.alpha[end] and tk.ws[end - 1]:
                    end += 1
            while (end + 1 < tk.n and (tk.text[end] in _name_joints() or tk.text[end] in CONNECTORS
                                       and tk.text[end] != "of") and tk.ws[end - 1]
                   and tk.cap[end + 1] and tk.alpha[end + 1]):
                end += 2  # "Shakhta imeni Gagarina": one name, not the town Shakhta and another name
            for start, stop in _comma_parts(doc, ent_start, end):
                # "Bardera, Gedo Region": NER's one entity is a written hierarchy, a place and the province that
                # holds it, each looked up on its own
                last = tk.lower[stop - 1]
                kind = ("landmark" if label == "FAC" or _is_landmark_head(tk.text[stop - 1]) else
                        "admin1" if stop - start > 1 and last in ADMIN1_WORDS else
                        "admin2" if stop - start > 1 and last in ADMIN2_WORDS else None)
                out.append(Candidate(start, stop, "NER", ner=label, cue=_cue_before(tk.lower, start), kind_hint=kind))
    return out


def _comma_parts(doc: Doc, start: int, end: int) -> list[tuple[int, int]]:
    """The parts of a name between its commas, when each part is capitalised ("X, Y Region"); else the name."""
    cuts = [k for k in range(start + 1, end - 1) if doc[k].text == ","]
    if not cuts:
        return [(start, end)]
    bounds = [start, *cuts, end]
    parts = [(a if a == start else a + 1, b) for a, b in itertools.pairwise(bounds)]
    if all(b > a and _is_cap(doc[a]) for a, b in parts):
        return parts
    return [(start, end)]


def _named_by_place_word(doc: Doc, found: list[Candidate], stop: frozenset[str], tk: DocWords | None = None,
                         gazetteer: Any | None = None, words: frozenset[str] = frozenset()) -> list[Candidate]:
    """Names the gazetteer lacks that the text itself calls a place: "in the village of Kumbaru", "a man from
    Sevare" (a person's origin), "clashes in Kumbaru" (the site of an event word of the trigger lexicon, where
    nothing marks the name as a person's, an organisation's or a common word). Proposed as "CUE" candidates, which the resolver keeps at the province or town
    the text puts them in, rather than letting the event fall back to a wider place. The place words are
    lists in `geo/data/toponym_cues.json` (`unknown_place_of`, `origin_people`)."""
    place_of, people, org_heads = cues()["unknown_place_of"], cues()["origin_people"], cues()["org_heads"]
    plural_of, place_after = frozenset(cues()["unknown_place_list"]), frozenset(cues()["unknown_place_after"])
    bare_preps = frozenset(cues()["bare_unknown_preps"])
    near_preps = frozenset(cues()["near_unknown_preps"])
    tk = tk or doc_words(doc)
    lower, cap, alpha, text = tk.lower, tk.cap, tk.alpha, tk.text
    out: list[Candidate] = []
    n = tk.n
    starts = {c.start: c.end for c in found}
    list_next = -1  # where the next item of a list that a plural place word opened may start
    has_after = not place_after.isdisjoint(lower)  # most texts have no "X District": skip that look

    def glued_hyphen(j: int) -> bool:  # "Al-Qastal", "Hawsh Al-Dabbagh": one word of the name
        return text[j] == "-" and not tk.ws[j - 1] and not tk.ws[j] and j + 1 < n and cap[j + 1]

    def in_list(i: int) -> bool:  # "A, B and C", "A, B, and C": only commas and "and"/"or" since the last item
        gap = lower[list_next:i]
        return list_next > 0 and bool(gap) and all(w in {",", "and", "or"} for w in gap)

    # only a name's word or a listed name the gazetteer knows moves the walk: the other words are passed over
    for i in sorted(set(tk.names()).union(starts)):
        if i < 1:
            continue
        k = i - 1
        if lower[k] in {"the", "a"}:
            k -= 1
        if i in starts and (in_list(i) or k >= 1 and lower[k] in {"of", ":"} and lower[k - 1] in plural_of):
            list_next = starts[i]  # a listed name the gazetteer knows: the list goes on after it
        if not (cap[i] and alpha[i]):
            continue
        cue = None
        # "near X in Zamfara state", "near X, Zamfara state": X stands where a place stands, whether or not an
        # event word comes before the preposition ("exploded near X, Zamfara state")
        slot = lower[i - 1] in near_preps and _placed_in_known_place(tk, _name_run_end(tk, i), starts)
        if k >= 1 and lower[k] == "of" and lower[k - 1] in place_of | plural_of:
            cue = f"{lower[k - 1]} of"
        elif k >= 1 and lower[k] == ":" and lower[k - 1] in plural_of:
            cue = f"{lower[k - 1]}:"  # "four villages: A, B and C"
        elif k >= 1 and lower[k] == "from" and lower[k - 1] in people:
            cue = "from"
        elif i >= 2 and lower[i - 1] in bare_preps and _event_word(doc[i - 2]):
            cue = lower[i - 1]  # "clashes in X", "fighting near X": the site of an event the sentence names
        elif slot:
            cue = lower[i - 1]  # "killed seven villagers near X in Zamfara state": no event word before "near"
        elif in_list(i):
            cue = "list"  # the second and later items of "the villages of A, B and C"
        after = None
        if cue is None and has_after and not cap[i - 1]:
            # "the Harabish District": an unknown name that a capitalised place word after it calls a locality
            j = i + 1
            while j < n and j - i < MAX_TOKENS and not (lower[j] in place_after and cap[j]) and (
                    cap[j] and alpha[j] or glued_hyphen(j) or lower[j] in CONNECTORS and lower[j] != "of"
                    and j + 1 < n and cap[j + 1]):
                j += 1
            if (j < n and lower[j] in place_after and cap[j] and j > i
                    and not (j + 1 < n and (cap[j + 1] or text[j + 1] == "-"))):
                after = j + 1
                cue = f"{lower[j]} after"
        if cue is None:
            continue
        if (tk.sent_start[i] and after is None) or _overlaps(i, i + 1, found) or _overlaps(i, i + 1, out):
            continue
        j = i + 1  # "Bab al Kabir": capitalised words and the connectors between them
        while j < n and j - i < MAX_TOKENS and (cap[j] and alpha[j] or glued_hyphen(j) or lower[j] in CONNECTORS
                                                 and lower[j] != "of" and j + 1 < n and cap[j + 1]):
            j += 1
        if after is not None:
            j = after
        elif j < n and lower[j] in place_after and cap[j] and not (j + 1 < n and cap[j + 1]):
            j += 1  # "the village of Umm Tina Village": the place word is part of the name
        if cue.endswith(" of") and cue.split()[0] in plural_of or cue.endswith(":") or cue == "list":
            list_next = j
        name = doc[i:j]
        # after a place word a stop name is only a part of a longer name ("the village of Abu Dardiya", "Hawsh
        # Al-Dabbagh"); alone, or after "from" or a bare preposition, it is the word or the person ("Police", "Ali")
        worded = (cue not in {"from"} | bare_preps or slot) and j - i > 1
        if any(t.text in DATE_WORDS or t.text in stop and not worded or _is_landmark_head(t.text) for t in name):
            continue
        if _overlaps(i, j, found):
            continue
        if cue in {"from"} | bare_preps and _organisation_name(doc, i, j, org_heads):
            # "a man from UNICEF", "a woman from the Red Cross Society", "a man from Oxfam", "fighting in Hamas'
            # ranks": an organisation or group, not a place
            continue
        info: dict[str, Any] = {}
        if cue in bare_preps:
            verdict = _bare_name_is_place(doc, i, j, tk, gazetteer, words, ner_decides=slot)
            if verdict is None:
                continue
            out.append(_bare_candidate(i, j, cue, verdict))
            continue
        out.append(Candidate(i, j, "CUE", ner=None, cue=cue, info=info))
    return out


def _name_run_end(tk: DocWords, i: int) -> int:
    """The end of the capitalised words starting at i, with the connectors between them ("Dan Kurmi", "Bab al
    Kabir"), as `_named_by_place_word` reads a name."""
    j = i + 1
    while j < tk.n and j - i < MAX_TOKENS and (tk.cap[j] and tk.alpha[j] or tk.lower[j] in CONNECTORS
                                                and tk.lower[j] != "of" and j + 1 < tk.n and tk.cap[j + 1]):
        j += 1
    return j


def _placed_in_known_place(tk: DocWords, j: int, starts: dict[int, int]) -> bool:
    """Whether the name ending at j is followed by "in" or a comma and a place the gazetteer knows ("near X in
    Zamfara state", "outside X, Borno"): the text gives where X lies, so X is a place-shaped slot even with no
    event word before the preposition (toponym_cues.json `near_unknown_joints`)."""
    if j >= tk.n or tk.lower[j] not in cues()["near_unknown_joints"]:
        return False
    k = j + 1 + (j + 1 < tk.n and tk.lower[j + 1] == "the")
    return k in starts


def _bare_candidate(i: int, j: int, cue: str, ner_label: str) -> Candidate:
    """A cue-found name the toponym recognizer decides ("bare": its place word is further away than in "the
    village of X"), with the NER label that argued against it, if any."""
    return Candidate(i, j, "CUE", ner=None, cue=cue,
                     info={"bare": True, **({"blocked": "ner", "ner_label": ner_label} if ner_label else {})})


def _named_by_context(doc: Doc, found: list[Candidate], stop: frozenset[str], tk: DocWords,
                      gazetteer: Any | None, words: frozenset[str]) -> list[Candidate]:
    """Names the gazetteer lacks that stand where places stand, with no place word before them (geo23): a
    lower-case place word after the name ("the Ramousah district", "Akida village"; the first name of "Shuqayf
    and Bustan Al-Basha districts" too), a capitalised natural feature after it ("the Jazal Mountains"), an
    apposition that calls it a place ("Maryin Gubay, a small town in ..."), or the object of a verb that acts on
    places ("stormed Najarah", "attacks on Buwa"). Each is a bare CUE candidate that the toponym recognizer
    scores as the gazetteer candidate it would be, after the checks of the bare path (NER person or group, a
    title, a holiday, a nationality, an English word, a person's name elsewhere, an organisation). Word lists:
    `context_*` and `place_verbs` in `geo/data/toponym_cues.json`."""
    c = cues()
    after_lower, features = frozenset(c["context_place_after"]), frozenset(c["context_feature_after"])
    heads, verb_preps = frozenset(c["context_apposition_heads"]), frozenset(c["context_verb_preps"])
    place_verbs, org_heads = frozenset(c["place_verbs"]), c["org_heads"]
    lower, cap, alpha, text, n = tk.lower, tk.cap, tk.alpha, tk.text, tk.n
    out: list[Candidate] = []

    def name_end(i: int) -> int:  # "Bab al Kabir", "Al-Madiyounah": capitalised words and what joins them
        j = i + 1
        while j < n and j - i < MAX_TOKENS and (cap[j] and alpha[j] and lower[j] not in features
                                                 or text[j] == "-" and not tk.ws[j - 1] and not tk.ws[j] and j + 1 < n and cap[j + 1]
                                                 or lower[j] in CONNECTORS and lower[j] != "of" and j + 1 < n and cap[j + 1]):
            j += 1
        return j

    def apposition(j: int) -> bool:  # ", a small town in", ", a suburb of"
        if not (j + 2 < n and text[j] == "," and lower[j + 1] in {"a", "an", "the"}):
            return False
        k = j + 2
        while k < n and k - j < 6 and not cap[k] and lower[k] not in heads and alpha[k]:
            k += 1
        return k < n and lower[k] in heads and k + 1 < n and lower[k + 1] in {"in", "of", "near", "outside", "north", "south", "east", "west"}

    for i in tk.names():
        if i < 1 or cap[i - 1] and alpha[i - 1] or text[i - 1] == "-":
            continue
        if tk.sent_start[i] or _overlaps(i, i + 1, found) or _overlaps(i, i + 1, out):
            continue
        j = name_end(i)
        named = j  # where the name itself ends (before "forest" of "the Sambisa forest")
        cue = None
        if j < n and lower[j] in after_lower and not (j + 1 < n and cap[j + 1] and lower[j] != "of"):
            cue = f"{lower[j]} after"
        elif j + 2 < n and lower[j] in {"and", ","} and cap[j + 1] and (e := name_end(j + 1)) < n \
                and lower[e] in after_lower and lower[e].endswith("s"):
            cue = f"{lower[e]} after"  # "Shuqayf and Bustan Al-Basha districts"
        elif j < n and lower[j] in features and (cap[j] or lower[i - 1] == "the") and not (j + 1 < n and cap[j + 1]):
            # "the Jazal Mountains", and in lower case after "the": "the Sambisa forest" names one forest
            cue, j = f"{lower[j]} after", j + 1
        elif apposition(j):
            cue = "apposition"
        else:
            v = i - 1 if lower[i - 1] not in {"the"} else i - 2
            if v >= 1 and lower[v] in verb_preps:
                v -= 1
            if v >= 0 and (doc[v].lemma_.lower() in place_verbs or lower[v] in place_verbs) and doc[v].pos_ in {"VERB", "NOUN"}:
                cue = "verb"
                if j < n and not cap[j] and doc[j].pos_ in {"NOUN", "PROPN"}:
                    continue  # "attacked the Barclays branch": the name modifies a thing, not a place
        if cue is None or cue.endswith(" after") and lower[i - 1] in {"a", "an"}:
            continue  # "an Eggon community", "a Kurdish village": a kind of place, not its name
        name = doc[i:j]
        if any(t.text in DATE_WORDS or t.text in stop or _is_landmark_head(t.text) for t in name):
            continue
        if _overlaps(i, j, found) or _organisation_name(doc, i, j, org_heads):
            continue
        verdict = _bare_name_is_place(doc, i, j, tk, gazetteer, words)
        if verdict is None and named < j:
            # NER's label on the name alone ("Sambisa" an organisation): the recognizer weighs it, as for a name
            # with no feature word
            verdict = _bare_name_is_place(doc, i, named, tk, gazetteer, words)
        if verdict is None and (cue.endswith(" after") or cue == "apposition"):
            # a place word written after the name: the small NER calls most such villages a person, and the
            # recognizer weighs that label against the place word
            verdict = _person_label_only(doc, i, j, tk, gazetteer, words)
        if verdict is None:
            continue
        out.append(_bare_candidate(i, j, cue, verdict))
    return out


def _person_label_only(doc: Doc, i: int, j: int, tk: DocWords, gazetteer: Any | None,
                       words: frozenset[str]) -> str | None:
    """"PERSON" where NER's only objection to doc[i:j] is one PERSON entity of exactly that name and nothing else
    marks it a person's (the checks of `_bare_name_is_place` but NER's); else None."""
    from dateline.geo.models import titled_names

    ents = [e for e in doc.ents if e.start < j and i < e.end and e.label_ in BLOCKING_NER]
    if not (len(ents) == 1 and ents[0].label_ == "PERSON" and ents[0].start == i and ents[0].end == j):
        return None
    c = cues()
    lowers = [t.lower_ for t in doc[i:j]]
    if any(w in c["title_words"] or w in c["holidays"] for w in lowers) or i >= 1 and tk.lower[i - 1] in c["title_words"]:
        return None
    if j - i == 1 and (lowers[0] in words or lowers[0] in c["common_nouns_capitalised"]):
        return None
    if gazetteer is not None and any(gazetteer.demonym_country(t.text) for t in doc[i:j]):
        return None
    # the same word a person's elsewhere: in another PERSON entity or after a title
    others = {t.text for e in doc.ents if e.label_ == "PERSON" and e.start != i for t in e}
    if any(t.text in others or t.text in titled_names(doc) for t in doc[i:j]):
        return None
    return "PERSON"


@functools.cache
def _event_lemmas() -> frozenset[str]:
    """The single-word event triggers of the events module's lexicon (data/triggers.yaml), read-only here."""
    from dateline.extraction.classify import TRIGGER_LEMMAS

    skip = set(cues()["bare_unknown_skip_families"])
    return frozenset(word.lower() for word, family in TRIGGER_LEMMAS.items() if family not in skip)


def _event_word(tok: Any) -> bool:
    lemmas = _event_lemmas()
    return tok.lower_ in lemmas or tok.lemma_.lower() in lemmas


@functools.cache
def _organisation_words() -> frozenset[str]:
    """Lower-cased names of organisations and armed groups: the codebook's named groups, the actors with a
    home country (tables.json), the outlets and NGOs (data/outlets.yaml) and `organisation_names` of
    toponym_cues.json. "a man from Oxfam", "a spokesman from Hamas": a group, not a person's origin."""
    from dateline.codebook import default_codebook
    from dateline.extraction.source import load_outlets

    names = {n.lower() for n in cues()["organisation_names"]}
    names |= {n.lower() for n in tables()["actor_countries"] if not n.startswith("_")}
    names |= {p.lower() for g in default_codebook().named_groups for p in g["pattern"]}
    for outlet in load_outlets():
        names |= {n.lower() for n in (outlet.name, *outlet.aliases)}
    return frozenset(names)


def _organisation_name(doc: Doc, i: int, j: int, org_heads: Any) -> bool:
    """The name doc[i:j] is an organisation's: an acronym, an organisation head word ("Council"), a listed
    organisation or armed group, or NER calls it NORP, a one-name ORG with an organisation suffix after it,
    or part of a longer ORG name."""
    words = doc[i:j]
    if any(t.text.isupper() or t.lower_ in org_heads for t in words):
        return True
    if words.text.lower() in _organisation_words():
        return True
    if j < len(doc) and doc[j].lower_ in org_heads:
        return True  # "from Kano University"
    return any(e.label_ == "NORP" or e.label_ == "ORG" and (e.start < i or e.end > j)
               for e in doc.ents if e.start < j and i < e.end)


def _bare_name_is_place(doc: Doc, i: int, j: int, tk: DocWords, gazetteer: Any | None,
                        words: frozenset[str], ner_decides: bool = False) -> str | None:
    """Whether a name after "in"/"near" an event word may be a place: None where something says it is not: NER
    calls part of it a person, group, work, date … or puts it inside a longer organisation name; it is a person's
    name elsewhere in the document, a title, a nationality word, a holiday or (one word) an English word; a
    possessive or a speech verb follows. "ORG" where NER calls exactly this name an organisation (the small
    model labels most unknown villages so: the toponym recognizer decides those), else "". With `ner_decides`
    (a name the text places in a known place, "near X in Zamfara state") any one label of exactly the name is
    returned for the recognizer to weigh: the small model calls many such villages PERSON."""
    from dateline.geo.models import person_names

    c = cues()
    labels = [e for e in doc.ents if e.start < j and i < e.end and e.label_ in BLOCKING_NER]
    exact = len(labels) == 1 and labels[0].start == i and labels[0].end == j
    org = exact and (labels[0].label_ == "ORG" or ner_decides)
    if labels and not org:
        return None
    names = doc[i:j]
    lowers = [t.lower_ for t in names]
    if any(w in c["title_words"] or w in c["holidays"] for w in lowers):
        return None
    if j - i == 1 and (lowers[0] in words or lowers[0] in c["common_nouns_capitalised"]):
        return None
    if gazetteer is not None and any(gazetteer.demonym_country(t.text) for t in names):
        return None
    if j < tk.n and (tk.lower[j] in {"'s", "'"} or tk.lower[j] in c["person_after"]):
        return None
    # (a name NER calls a person only here is weighed by the recognizer: its own entity is no other use)
    others = None if not ner_decides else [e for e in doc.ents if e.label_ == "PERSON" and (e.start, e.end) != (i, j)]
    if any(t.text in person_names(doc, others) for t in names):
        return None
    return labels[0].label_ if org else ""


def _is_landmark_head(word: str) -> bool:
    return word in _words("landmark_heads") or word in _institution_words()


@functools.cache
def _institution_words() -> frozenset[str]:
    """One-word heads of institutions that stand in the town they are named after ("Kaduna Polytechnic"),
    capitalised as a name writes them (toponym_cues.json `institution_heads`)."""
    return frozenset(w.title() for w in cues()["institution_heads"] if " " not in w)


def _institutions_named_after(doc: Doc, found: list[Candidate], tk: DocWords) -> list[Candidate]:
    """A place candidate that is the town or province part of an institution's name becomes that institution,
    a landmark the resolver places in the town: "the University of Lagos" (heads `institution_of_heads`),
    "Lagos State House", "Kano State University" (a province word and a head of `institution_heads` after the
    name). The recognizer rightly calls such a town no place of its own here; as a landmark it still says where
    an event at the institution happened."""
    heads = cues()["institution_heads"]
    of_heads = cues()["institution_of_heads"]
    out = []
    for c in found:
        i, j = c.start, c.end
        if c.source in {"LANDMARK", "CUE", "ABBR"}:
            out.append(c)
            continue
        # "the University of (the) X"
        k = i - 2 if i >= 2 and doc[i - 1].lower_ == "of" else i - 3 if i >= 3 and doc[i - 1].lower_ == "the" and doc[i - 2].lower_ == "of" else None
        if k is not None and doc[k].text[:1].isupper() and doc[k].lower_ in of_heads:
            out.append(Candidate(k, j, "LANDMARK", ner=c.ner, cue=_cue_before(tk.lower, k), kind_hint="landmark"))
            continue
        # "X State House", "X State University": the province word belongs to the institution's name
        if j < len(doc) and doc[j - 1].lower_ in ADMIN1_WORDS and doc[j].text[:1].isupper():
            end = None
            if f"{doc[j - 1].lower_} {doc[j].lower_}" in heads:
                end = j + 1  # "X State House"
            elif j + 1 < len(doc) and doc[j + 1].text[:1].isupper() and f"{doc[j].lower_} {doc[j + 1].lower_}" in heads:
                end = j + 2  # "X State Teaching Hospital"
            elif doc[j].lower_ in heads:
                end = j + 1  # "X State University"
            if end is not None:
                out.append(Candidate(i, end, "LANDMARK", ner=c.ner, cue=c.cue, kind_hint="landmark"))
                continue
        out.append(c)
    return out


# connectors that are also English words: written in lower case, they end a landmark's name rather than join it
_ENGLISH_CONNECTORS = frozenset({"at", "as", "an"})


def _landmarks(doc: Doc, found: list[Candidate], tk: DocWords | None = None) -> list[Candidate]:
    """Named sites: a capitalised name ending in Square, Bridge, Mosque, Embassy … ("Al-Sinak Bridge")."""
    tk = tk or doc_words(doc)
    text, lower, cap = tk.text, tk.lower, tk.cap
    heads = _words("landmark_heads") | _institution_words()
    out = []
    for k in range(1, tk.n):
        if text[k] not in heads:
            continue
        i = k
        while i > 0 and (cap[i - 1] or text[i - 1] == "-" or lower[i - 1] in CONNECTORS and i - 1 > 0):
            if lower[i - 1] in {"the", "a"} or text[i - 1] in _ENGLISH_CONNECTORS:
                break  # "Doctors at Kano Teaching Hospital": the English word ends the name ("At Tadawin" does not)
            i -= 1
        while i < k and (text[i] in CONNECTORS or text[i] == "-"):  # keep a capitalised "Al-"
            i += 1
        if i == k:
            continue
        if _overlaps(i, k + 1, found) or _overlaps(i, k + 1, out):
            # a gazetteer town followed by "port"/"camp" stays the town; a longer NER landmark is replaced
            continue
        out.append(Candidate(i, k + 1, "LANDMARK", kind_hint="landmark", cue=_cue_before(tk.lower, i)))
    return out


@Language.factory("dateline_places", default_config={"use_model": True})
def make_places(nlp: Language, name: str, use_model: bool) -> PlacesComponent:
    return PlacesComponent(nlp=nlp, use_model=use_model)


class PlacesComponent:
    """Writes toponym spans to doc.spans["dl_places"]; the gazetteer loads on the first document.

    `use_model`: filter the candidates with the shipped toponym recognizer (docs/models.md)."""

    def __init__(self, gazetteer: Any | None = None, nlp: Language | None = None, use_model: bool = True) -> None:
        self._gazetteer = gazetteer
        self._recognizer: Any | None = None
        self._words: frozenset[str] | None = None
        self._nlp = nlp
        self.use_model = use_model

    def _model(self) -> tuple[Any | None, frozenset[str]]:
        if not self.use_model:
            return None, frozenset()
        if self._words is None:
            from dateline.geo.models import TOPONYM_MODEL, english_words, load_model

            self._recognizer = load_model(TOPONYM_MODEL)
            self._words = english_words(self._nlp) if self._nlp is not None else frozenset()
        return self._recognizer, self._words

    @property
    def gazetteer(self) -> Any:
        if self._gazetteer is None:
            from dateline.resources import default_resources

            self._gazetteer = default_resources().gazetteer
        return self._gazetteer

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        recognizer, words = self._model()
        for cand in find_toponyms(doc, self.gazetteer, recognizer, words):
            span = Span(doc, cand.start, cand.end, label=cand.source)
            span._.dl_place = {"ner": cand.ner, "cue": cand.cue, "kind_hint": cand.kind_hint,
                               "p_place": cand.info.get("p_place"), "expands": cand.info.get("expands"),
                               "person_name": bool(cand.info.get("person_name"))}
            spans.append(span)
        doc.spans[SPAN_KEY] = spans
        return doc

