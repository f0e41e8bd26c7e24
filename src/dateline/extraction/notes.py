"""One ACLED-style note per event: a single clean sentence with the date, the actors, the place and the outcome,
"On 30 October 2019, rioters attempted to storm the Iranian embassy in Baghdad (Baghdad), according to Al
Arabiya. [size=no report]".

The reporting clause is used only when it reads as a sentence on its own (`clean_clause`: a subject first, a
finite verb, no quote marks, line breaks or ad residue); otherwise the note is built from the event's fields
with the sub-event type's phrase in data/note_phrases.yaml. Tags ("[size=no report]") follow the sentence.
The cited source is added by `with_source` once the claims are known (extraction/claims.py).
"""

from __future__ import annotations

import calendar
import datetime as dt
import difflib
import functools
import importlib.resources as importlib_resources
import re
from typing import Any

from dateline.model import Event
from dateline.yaml_files import load_yaml, packaged_pattern

_LEAD = re.compile(r"^[\s\"“”‘’'(\[]+|[\s\"“”‘’')\]]+$")
_TRAIL = re.compile(packaged_pattern("note_phrases.yaml", "trailing_attribution"), re.IGNORECASE)
# ", Russia's defence ministry said", ", police told reporters on Sunday": the source clause after the event,
# which the note's "according to" replaces (a relative clause, "…, who said …", is no source clause)
_TRAIL_SOURCE = re.compile(packaged_pattern("note_phrases.yaml", "trailing_source_clause"), re.IGNORECASE)
_LEADING_DATE = re.compile(r"^(?:on|around|between|during|in|last|this|early|late)\b[^,]{0,40},\s+", re.IGNORECASE)
# a quote mark: any double quote, an opening single quote, or a closing one that is not an apostrophe ("regime’s")
_QUOTE = re.compile(r"[\"“”‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z])")
# a wire story's dateline that the sentence splitter left inside the clause ("... shot dead the mayor DURBAN,
# March 6 (ANA) - Police ..."): the clause runs across two texts
_WIRE_DATELINE = re.compile(r"\b[A-Z][A-Z'’.-]{2,}(?:\s+[A-Z][A-Z'’.-]{2,})*,\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|"
                            r"Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}\b")
# the report's own time words, which the note's date phrase replaces: "on Saturday", "last night", "overnight"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)(?:\s+(?:night|morning|afternoon|evening))?"
# (two coordinated days go together: "on Monday and Tuesday"; after an article the word is an adjective that stays:
# "an overnight raid")
_RELATIVE_DAY = re.compile(
    rf"(?<!\ban)(?<!\ba)(?<!\bthe),?\s+(?:(?:between|from)\s+{_WEEKDAY}\s+(?:and|to|until)\s+{_WEEKDAY}|"
    rf"(?:(?:late|early)\s+)?(?:(?:on|last|this)\s+(?:{_WEEKDAY}(?:\s+(?:and|or)\s+{_WEEKDAY})?|night|morning|"
    r"week|weekend)|overnight|yesterday|today))\b(?=[\s,.;:]|$)", re.IGNORECASE)
# the report's own calendar date, which the note's date phrase tells already: "on April 7", "on 7 April 2018",
# "in January" ("in May" after a preposition is the month, not the verb); a date in another month ("the town
# they took in January") tells something else and stays
_MONTH = "(?:" + "|".join(calendar.month_name[1:]) + ")"
_CALENDAR_DAY = re.compile(
    rf",?\s+(?:on\s+(?:(?P<m1>{_MONTH})\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH}))|"
    rf"in\s+(?:(?:early|late|mid-?)\s*)?(?P<m3>{_MONTH}))(?:,?\s+\d{{4}})?(?=[\s,.;:]|$)")
_FINITE = {"VBD", "VBZ", "VBP", "MD"}
_PLACE_ENTS = {"GPE", "LOC", "FAC"}
# entity labels of common words, which a note writes in lower case after its date phrase
_COMMON_ENTS = {"", "CARDINAL", "ORDINAL", "DATE", "TIME", "QUANTITY", "PERCENT", "MONEY"}
# the tags and sentences that follow the note's main sentence
_SUFFIX = re.compile(r"(?:\s\[[^\]]*\])+$")
# ACLED's name for a group known by its acronym: "QSD: Syrian Democratic Forces", "CPI (Maoist): Communist Party …"
_ACRONYM = re.compile(r"^(?P<short>[^\s:()]+(?: \([^)]*\))?): (?P<full>.+)$")
_FORCES_OF = re.compile(r"^(Police|Military|Security|Government|Prison|Naval|Air) Forces of (.+)$")


def format_date(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B')} {day.year}"


def date_phrase(event: Event) -> str:
    """"On 30 October 2019" (precision 1), "Between 26 and 30 October 2019" or "Around 30 October 2019" (2),
    "In October 2019" (3)."""
    day = event.event_date
    if day is None:
        return "On an unknown date"
    precision = event.time_precision or 1
    if precision >= 3:
        return f"In {day.strftime('%B')} {day.year}"
    if precision == 2:
        start, end = event.date_start, event.date_end
        if start and end and start < end:
            if (start.year, start.month) == (end.year, end.month):
                return f"Between {start.day} and {format_date(end)}"
            if start.year == end.year:
                return f"Between {start.day} {start.strftime('%B')} and {format_date(end)}"
            return f"Between {format_date(start)} and {format_date(end)}"
        return f"Around {format_date(day)}"
    return f"On {format_date(day)}"


def actor_phrase(name: str | None) -> str | None:
    """An ACLED actor name in natural lower-case form: "Protesters (Iraq)" → "protesters", "Police Forces of
    Iraq (2018-)" → "Iraqi police forces", "Military Forces of Iran (1989-) Islamic Revolutionary Guard Corps" →
    "Iranian military forces (Islamic Revolutionary Guard Corps)", "Unidentified Armed Group (Iraq)" → "an
    unidentified armed group", "Opposition Rebels (Syria)" → "opposition rebels"; named groups keep their
    capitals ("Islamic State (Iraq)" → "Islamic State", "Islamic State (Greater Sahara)" stays whole, "QSD: Syrian
    Democratic Forces" → "the Syrian Democratic Forces (QSD)")."""
    if not name:
        return None
    if " and/or " in name:  # ACLED's one actor for "JNIM or ISGS militants": each named, as the report does
        return " or ".join(filter(None, map(actor_phrase, name.split(" and/or "))))
    base = re.sub(r"\s*\(\d{4}-\d{0,4}\)", "", name.strip())  # the government's years: no part of a sentence
    short = _ACRONYM.match(base)
    if short:
        return _acronym_phrase(short["short"], short["full"])
    where = re.search(r"\(([^)]*)\)\s*$", base)
    base = re.sub(r"\s*\([^)]*\)\s*$", "", base).strip() or name.strip()
    # "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad": the name a report uses, then the group's own
    base = base.split(" - ", 1)[0]
    m = _FORCES_OF.match(base)
    if m:
        return _forces_phrase(m.group(1).lower(), m.group(2))
    if base.startswith("Government of "):  # the country's name keeps its capitals: "the Iraqi government"
        owner = base.removeprefix("Government of ")
        demonym = _demonym(owner.removeprefix("the "))
        return f"the {demonym} government" if demonym else f"the government of {owner}"
    if base.lower().startswith("unidentified ") and not base.lower().endswith("s"):
        return f"an {base.lower()}"  # "an unidentified gang": one group, whom the sentence cannot name
    if base.split(" ", 1)[0].lower() in _words("generic_words"):
        return base.lower()
    if where and _codebook().iso3(where.group(1)) and _head(base).lower() in phrases()["kind_words"]:
        return _kind_phrase(base)
    # the country in ACLED's parentheses is told by the note's place; anything else there tells which group it is:
    # "Islamic State (Greater Sahara)" is not Islamic State (West Africa)
    qualifier = where.group(1).strip() if where else ""
    if qualifier and not _codebook().iso3(qualifier) and qualifier not in phrases()["actor_scopes"]:
        return f"{_with_article(base)} ({qualifier})"
    return _with_article(base)


def _kind_phrase(name: str) -> str:
    """ACLED's name for a kind of group in a country, in the words a coder writes: "Opposition Rebels" →
    "opposition rebels", "Arab Tribal Militia" → "an Arab tribal militia" (one of several); a community's name
    keeps its capital."""
    kinds = set(phrases()["kind_words"])
    phrase = " ".join(w.lower() if w.lower() in kinds else w for w in name.split())
    if _plural(phrase):
        return phrase
    return f"{'an' if phrase[:1].lower() in 'aeiou' else 'a'} {phrase}"


def _acronym_phrase(short: str, full: str) -> str:
    """ACLED's "YPG: People's Protection Units" as a coder writes it: the full name, then the acronym in
    parentheses, "the People's Protection Units (YPG)". An acronym with its own parentheses ("CPI (Maoist):
    Communist Party of India (Maoist)") would nest them: the full name, whose parentheses then are the
    faction's, stands alone."""
    if "(" in short:
        return _with_article(full)
    full = re.sub(r"\s*\([^)]*\)\s*$", "", full).strip() or full  # the country or faction: the acronym tells it
    return f"{_with_article(full)} ({short})"


def _with_article(name: str) -> str:
    """"the" before a name headed by a common noun ("the Syrian Democratic Forces"), none before a proper name
    ("Hezbollah", "Hayat Tahrir al Sham"); the head nouns are `article_heads` in data/note_phrases.yaml."""
    heads = set(phrases()["article_heads"])
    return f"the {name}" if any(part.lower() in heads for part in re.split(r"[-/]", _head(name))) else name


def _head(phrase: str) -> str:
    """The word that heads a name or an actor phrase: the one before its first preposition ("Front" in "Popular
    Front for the Liberation of Palestine", "forces" in "military forces of Atlantis"), else its last; a
    parenthesis after it is left out."""
    words = re.sub(r"\s*\([^)]*\)$", "", phrase).split()
    cut = next((i for i, w in enumerate(words) if i and w.lower() in _words("name_prepositions")), len(words))
    return words[cut - 1] if words else ""


def _forces_phrase(kind: str, owner: str) -> str:
    """"Iraqi police forces" for the police forces of Iraq, as a coder writes them (the country's name would
    come twice in "police forces of Iraq in Iraq"); a unit after the country follows in parentheses. A country
    with no demonym in the codebook keeps "police forces of …"."""
    if owner == "Unknown":
        return f"unidentified {kind} forces"
    words = owner.split()
    for cut in range(len(words), 0, -1):
        demonym = _demonym(" ".join(words[:cut]).removeprefix("the "))
        if demonym:
            unit = " ".join(words[cut:])
            return f"{demonym} {kind} forces" + (f" ({unit})" if unit else "")
    return f"{kind} forces of {owner}"


@functools.lru_cache(maxsize=256)
def _demonym(country: str) -> str | None:
    """A country's demonym as an adjective ("Iraq" → "Iraqi"), the first the codebook lists for it."""
    book = _codebook()
    iso3 = book.iso3(country)
    word = next((w for w, code in book.demonyms.items() if code == iso3), None) if iso3 else None
    return " ".join(w.capitalize() for w in word.split()) if word else None


@functools.lru_cache(maxsize=1)
def _codebook() -> Any:
    from dateline.codebook import default_codebook

    return default_codebook()


@functools.lru_cache(maxsize=1)
def phrases() -> dict[str, Any]:
    raw = importlib_resources.files("dateline").joinpath("data/note_phrases.yaml").read_text(encoding="utf-8")
    return dict(load_yaml(raw))


@functools.cache
def _words(key: str) -> frozenset[str]:
    """One of data/note_phrases.yaml's word lists, as a set."""
    return frozenset(phrases()[key])


@functools.lru_cache(maxsize=1)
def _ad_residue() -> re.Pattern[str]:
    """A page's own words left in a sentence ("advertisement", "read more"): no part of the report's telling."""
    words = "|".join(re.escape(w) for w in sorted(phrases()["ad_residue"], key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\b", re.IGNORECASE)


def _without_trail(clause: str) -> str:
    """The clause without its attribution tail ("… according to police"), unless the reporting word belongs to
    a relative clause ("protesters, who said they had not been paid, blocked …")."""
    for m in _TRAIL.finditer(clause):
        if not re.search(r"\b(?:who|which|that)$", clause[: m.start()].rstrip(", ")):
            return clause[: m.start()]
    return clause


def clause_for_note(text: str, day: dt.date | None = None) -> str:
    """The reporting clause cleaned for a note: quotes and attribution tails removed, lower-cased start; a
    calendar date in the month of `day`, the event's, is left to the note's date phrase."""
    clause = _LEAD.sub("", text.strip())
    clause = _TRAIL_SOURCE.sub("", clause)
    clause = _without_trail(clause)
    clause = _LEADING_DATE.sub("", clause)
    clause = _RELATIVE_DAY.sub("", clause)
    if day is not None:
        month = calendar.month_name[day.month]
        clause = _CALENDAR_DAY.sub(lambda m: "" if month in {m["m1"], m["m2"], m["m3"]} else m[0], clause)
    clause = re.sub(r"\s+", " ", clause).rstrip(" .,;:")
    first = clause.split(" ", 1)[0].lower() if clause else ""
    if first in _words("common_starts"):
        clause = clause[0].lower() + clause[1:]
    return clause


def reports(verb: Any) -> bool:
    """Whether a verb reports what its complement tells ("police said gunmen attacked …"): the complement is the
    act, and the reporter is the note's source, not its subject."""
    return verb.lemma_.lower() in _words("reporting_verbs")


def clean_clause(tokens: list[Any], head: Any) -> str | None:
    """The clause's text when it reads as a sentence on its own, else None.

    `tokens` are the clause's spaCy tokens in order, `head` its verb. Clean means: a nominal subject that is
    neither a pronoun nor a place and opens the clause, a finite verb (or a finite auxiliary) that is not a
    reporting verb ("found", "said"), and no quote marks, line breaks or ad residue."""
    if not tokens or head is None or head.pos_ not in {"VERB", "AUX"}:
        return None
    subjects = [c for c in head.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if not subjects:
        return None
    subj = subjects[0]
    if subj.pos_ == "PRON" or subj.ent_type_ in _PLACE_ENTS or head.lemma_.lower() in _words("reporting_verbs"):
        return None
    if head.lemma_ == "be" and any(c.dep_ in {"attr", "acomp"} for c in head.children):
        return None  # "the attack was a shocking act": a judgement of the event, not a telling of it
    if tokens[0].i != min(t.i for t in subj.subtree):
        return None
    finite = head.tag_ in _FINITE or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _FINITE for c in head.children)
    if not finite:
        return None
    perfect, been = _simple_past(head, subj)
    past = head.tag_ == "VBD" or bool(perfect) or any(c.dep_ in {"aux", "auxpass"} and c.tag_ == "VBD"
                                                      for c in head.children)
    if not past:
        return None  # "the surrender … strengthens the expectation", "rebels will attack": no telling of the act
    for conj in _joined_verbs(head):
        dropped, replaced = _simple_past(conj, subj)
        perfect, been = perfect | dropped, been | replaced  # "… and have charged them" → "… and charged them"
        if not dropped and (conj.tag_ in _PRESENT or any(c.dep_ in {"aux", "auxpass"} and c.tag_ in _PRESENT
                                                         for c in conj.children)):
            # "… was arrested and remains in custody", "the truce began … and is scheduled to last": a verb in the
            # present tells how things stand since, not the act; the note ends before it
            tokens = [t for t in tokens if t.i < conj.left_edge.i - 1]
    doc = tokens[0].doc
    while len(tokens) > 1 and (tokens[-1].is_punct or tokens[-1].dep_ == "advcl" and tokens[-1].tag_ == "VBG"
                               and not list(tokens[-1].children)):
        tokens = tokens[:-1]  # "…, killing" whose victims the parser gave to the reporting verb: a dangling word
    if tokens[0].tag_ == "PRP$" and len(tokens) > 1:
        tokens = tokens[1:]  # "its troops killed 11 militants": the owner is in a sentence the note does not carry
    text = "".join(been[t.i] + t.whitespace_ if t.i in been else t.text_with_ws
                   for t in doc[tokens[0].i:tokens[-1].i + 1] if t.i not in perfect).strip()
    if "\n" in text or _QUOTE.search(text) or _ad_residue().search(text) or _WIRE_DATELINE.search(text):
        return None
    first = tokens[0]
    # a count or a time opening the clause ("Forty-four miners", "One soldier", "Another year") is no name either
    if (first.pos_ != "PROPN" and first.ent_type_ in _COMMON_ENTS and first.text[:1].isupper()
            and first.text[1:].replace("-", "").islower()):
        text = text[0].lower() + text[1:]  # "Buses carrying 7,000 people left": the note's date phrase comes first
    return text


def _simple_past(verb: Any, subj: Any) -> tuple[set[int], dict[int, str]]:
    """How `verb` is told in the simple past, as ACLED notes tell events: the perfect's "have" to leave out, and the
    words to put for "been" or an irregular participle ("have attempted to storm" → "attempted to storm", "had
    killed" (a reported act) → "killed", "have been killed" → "were killed", "has retaken" → "retook")."""
    have = [c for c in verb.children if c.dep_ == "aux" and c.lemma_ == "have" and c.tag_ in {"VBP", "VBZ", "VBD"}
            and verb.tag_ == "VBN"]
    been = {c.i: _simple_past_be(c, have[0], subj) for c in verb.children if have and c.dep_ == "auxpass"
            and c.lower_ == "been"}
    if have and not been and verb.lower_ in phrases()["past_of_participle"]:
        been[verb.i] = phrases()["past_of_participle"][verb.lower_]
    return {c.i for c in have}, been


_PRESENT = {"VBZ", "VBP"}


def _joined_verbs(head: Any) -> list[Any]:
    """The verbs joined to `head` by "and" or "but" that open what follows it, with only their auxiliaries and
    adverbs before them: "and remains", "and are still holding", "and have charged"; a noun the parser took for
    a verb in a list ("fired mortars, grenade launchers and rifles at …") has other words before it."""
    return [c for c in head.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}
            and all(w.dep_ in {"aux", "auxpass", "neg", "advmod"} for w in c.lefts)
            and c.left_edge.i > 0 and c.doc[c.left_edge.i - 1].dep_ == "cc"]


def _simple_past_be(been: Any, have: Any, subj: Any) -> str:
    """ "were" or "was" for "have/has/had been": by the auxiliary's number, or for "had" by the subject's."""
    if have.tag_ == "VBP" or have.tag_ == "VBD" and (subj.tag_ in {"NNS", "NNPS"} or
                                                     any(c.dep_ == "conj" for c in subj.children)):
        return "were"
    return "was"


def make_note(event: Event, clause: str | None) -> str:
    """ACLED's note: one sentence with the date, the actors, the place and the outcome, then the tags.

    `clause` is a clean reporting clause (see `clean_clause`) or None; None, or a clause too short or too
    long for a note, gives the template built from the event's fields."""
    what = clause_for_note(clause, event.event_date) if clause else ""
    from_text = True
    # a parenthesis left open or closed alone is a clause cut from a longer one ("relatives abducted) and near …")
    if (not what or len(what) > 240 or len(what) < 20 or _QUOTE.search(what) or "\n" in what
            or what.count("(") != what.count(")")):
        what, from_text = template(event), False
    sentence = f"{date_phrase(event)}, {_where(event, what, from_text)}{_killed(event, what)}."
    sentence = re.sub(r"\s{2,}", " ", sentence)
    tags = f" [size={crowd_size(what) if from_text else 'no report'}]" if event.event_type in {"Protests", "Riots"} \
        else ""
    return sentence + tags


def crowd_size(clause: str) -> str:
    """ACLED's size tag from the crowd the clause opens with: "hundreds of teachers marched" → "hundreds", "about
    2,000 people marched" → "around 2000"; "no report" when it opens with no count, or with one of people
    something was done to ("two protesters were shot"), who are no measure of the crowd."""
    size = phrases()["crowd_size"]
    count_pattern, done_to = _crowd_patterns()
    m = count_pattern.match(clause)
    if not m or done_to.match(clause):
        return "no report"
    count = m.group("n").lower().replace(",", "")
    qualifier = size["qualifiers"].get((m.group("q") or "").lower())
    return f"{qualifier} {count}" if qualifier else count


@functools.lru_cache(maxsize=1)
def _crowd_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The count a clause opens with, and the verbs that make it the people something was done to."""
    size = phrases()["crowd_size"]
    quals = "|".join(re.escape(q) for q in sorted(size["qualifiers"], key=len, reverse=True))
    words = "|".join(re.escape(w) for w in sorted(size["words"], key=len, reverse=True))
    done_to = "|".join(re.escape(v) for v in size["not_the_crowd"])
    return (re.compile(rf"(?:(?P<q>{quals})\s+)?(?P<n>{words}|\d{{1,3}}(?:,\d{{3}})+|(?!(?:19|20)\d\d\b)\d+)(?=\s+[a-z])",
                       re.IGNORECASE),
            re.compile(rf"[^,]{{0,80}}?\b(?:{done_to})\b", re.IGNORECASE))


def template(event: Event) -> str:
    """"{actor1} {predicate by sub-event type}": "Iraqi police forces arrested protesters"."""
    table = phrases()
    entry = table["predicates"].get(event.sub_event_type or "", table["predicates"]["Other"])
    a1 = actor_phrase(event.actor1) or table["default_actor1"].get(event.event_type or "", "unidentified actors")
    a2 = actor_phrase(event.actor2)
    form = entry["with_actor2"] if a2 and "with_actor2" in entry else entry["predicate"]
    many = _plural(a1)
    predicate = form.format(actor2=a2, its="their" if many else "its", were="were" if many else "was")
    # two sides ACLED names alike are two groups, not one group twice: "an unidentified armed group clashed with
    # another unidentified armed group", "rioters attacked other rioters"
    article, _, noun = a1.partition(" ")
    other = (f"another {noun}" if article in {"a", "an"} else f"other {a1}" if many and a1[:1].islower() else None)
    if other:
        predicate = re.sub(rf"(?<![\w-]){re.escape(a1)}(?![\w-])", other, predicate, count=1)
    return f"{a1} {predicate}"


def _plural(actor: str) -> bool:
    """Whether an actor phrase is plural: its head noun ends in "s" ("military forces", "protesters", "the United
    Armed Forces of Novorossiya") or is plural by itself ("unidentified armed men"); "Islamic State", "an
    unidentified group", "the Group for Support of Islam and Muslims" are one."""
    head = _head(actor)
    return (head.endswith("s") and not head.endswith(("ss", "us"))) or head in phrases()["plural_nouns"]


def _where(event: Event, what: str, from_text: bool = False) -> str:
    """The sentence with its place: "… in Baghdad (Baghdad)", "… near Fallujah (Al Anbar)" (geo precision 2),
    "… in Iraq"; a place the clause already names gets its admin1 right after it, and a clause of the report
    that names the country anywhere ("… to areas of northern Syria") gets no country after it (a template's
    actor, "Ugandan police forces", names no place)."""
    place = event.location
    if place and place != event.country:
        # a province the event is placed at (not a town named like it, geo precision 1) is written with its
        # country: "in Gauteng (South Africa)", not "near Gauteng (Gauteng)"
        province = place == event.admin1 and (event.geo_precision or 1) > 1
        region = event.country if province else event.admin1 or event.country
        tag = f" ({region})" if region else ""
        # the clause may name the place as the report spells it ("Basra"), not as the gazetteer does ("Basrah")
        written = event.evidence.get("location")
        names = [place] + ([written.text] if written is not None and written.text != place else [])
        m = next(filter(None, (re.search(rf"\b{re.escape(n)}\b", what, re.IGNORECASE) for n in names)), None)
        if m:
            return _tagged(what, m.start(), m.end(), tag, [r for r in (event.admin1, event.country) if r])
        prep = "near" if event.geo_precision == 2 and not province else "in"
        return f"{what} {prep} {place}{tag}"
    if not event.country:
        return what
    country = country_phrase(event.country)
    named = (re.search(rf"\b{re.escape(event.country)}\b", what, re.IGNORECASE) if from_text
             else f" in {country.lower()}" in what.lower())
    return what if named else f"{what} in {country}"


def country_phrase(country: str) -> str:
    """The country as a sentence names it: "the United States", "the Philippines", "Iraq"."""
    return f"the {country}" if country in phrases()["countries_with_the"] else country


def _tagged(what: str, start: int, end: int, tag: str, regions: list[str]) -> str:
    """The clause with the place's tag after the place's whole name: after the kind of place the report writes
    with it ("Kandahar city (Kandahar)", "the Durban suburb of Phoenix (KwaZulu-Natal)"), and instead of the
    report's own words for its province or country ("Zahedan in Sistan and Baluchestan province" → "Zahedan
    (Sistan and Baluchestan)", "Owerri, Imo state," → "Owerri (Imo),", "Balochistan's Kech district" → "Kech
    district (Balochistan)"), which the tag already tells. A place the report already follows with its own
    parentheses ("Alaverdi (Lori)", "Nashik city (Nashik, Maharashtra)"), or names inside them, gets no second pair;
    nor does one whose province the report gives in parentheses a word or two later ("Kelapur check post
    (Yavatmal, Maharashtra)")."""
    if re.match(r"\s*\(", what[end:]) or what[:start].count("(") > what[:start].count(")"):
        return what
    pat = _place_patterns()
    before = pat["before"].search(what[:start])
    if before and _names_region(before.group("name"), regions):
        what, shift = what[:before.start()] + what[start:], start - before.start()
        start, end = start - shift, end - shift
    k = pat["kind"].match(what, end)
    end = k.end() if k else end
    own = re.match(r"(?P<gap>(?:\s+[a-z]+){0,2})\s*\((?P<inside>[^()]*)\)", what[end:])
    if own and (not own["gap"] or _names_region(own["inside"], regions)):
        return what
    m = pat["own"].match(what, end)
    if m and (_names_region(m.group("name") or m.group("name2"), regions)
              or m.group("kind") and _names_region(m.group("owner"), regions)):
        tail = "tail" if m.group("tail") else "tail2"
        cut = m.start(tail) if m.group(tail) and not _names_region(m.group(tail), regions) else m.end()
        return f"{what[:end]}{tag}{what[cut:]}"
    p = pat["part"].match(what, end) if k else None  # "the Tripoli district of Ain Zara": a part of the place
    end = p.end() if p else end
    return f"{what[:end]}{tag}{what[end:]}"


@functools.lru_cache(maxsize=1)
def _place_patterns() -> dict[str, re.Pattern[str]]:
    """The report's words around a place: the kind of place after its name (" district", " refugee camp"); its own
    phrase for the province or country after it (" in the occupied West Bank", ", Imo state", " in Cameroon's
    Southwest region") or before it ("Borno state's "); a part of the place (" of Ain Zara")."""
    from dateline.geo.gazetteer import tables

    kinds = "|".join(re.escape(w) for w in sorted(tables()["place_type_after"], key=len, reverse=True))
    modifiers = "|".join(re.escape(w) for w in phrases()["region_modifiers"])
    # a name's later words may be lower-case particles, joined to a capital ("Deir ez-Zor", "Deir el-Zour") or
    # standing before one ("Dar es Salaam", "Rio de Janeiro"): cut at them, "in Deir" would leave "ez-Zor"
    # behind the tag
    particles = "|".join(re.escape(w) for w in phrases()["name_particles"])
    word = rf"(?:(?:{particles})\s+)?(?:[A-Z]|[a-z]{{1,3}}-[A-Z])[\w.-]*"
    words = rf"[A-Z][\w.-]*(?:\s+(?:and\s+)?{word}){{0,4}}"
    name = rf"{words}(?![\w'’])"
    # "Sistan and Baluchestan" is one province, "North Kivu and Bunia" a province and another place: the words
    # after "and" are kept apart (`_tagged` drops them only when they too name the province)
    one = rf"[A-Z][\w.-]*(?:\s+{word}){{0,3}}"
    two = rf"{one}(?P<TAIL>\s+and\s+{one})?(?![\w'’])"
    return {
        "kind": re.compile(rf"(?:\s+(?:{kinds})\b){{1,2}}", re.IGNORECASE),
        "own": re.compile(rf"(?:\s+(?:in|of)\s+(?:the\s+)?(?:(?P<owner>{words})['’]s\s+)?(?:(?:{modifiers})\s+){{0,2}}"
                          rf"(?P<name>{two.replace('TAIL', 'tail')})(?P<kind>\s+(?:{kinds})\b)?"
                          rf"|,\s+(?P<name2>{two.replace('TAIL', 'tail2')})(?:\s+(?:{kinds})\b)?(?=\s*[,.;:]|$))"),
        "before": re.compile(rf"\b(?P<name>{words})(?:\s+(?:{kinds}))?['’]s\s+$"),
        "part": re.compile(rf"\s+of\s+(?:the\s+)?{name}"),
    }


def _names_region(words: str | None, regions: list[str]) -> bool:
    """Whether the report's words name one of the regions, spelled its own way ("Idlib" for Idleb, "North Kivu"
    for Nord-Kivu): a word of three letters or more that is the region's, or nearly so."""
    if not words:
        return False
    said = [w.lower() for w in re.split(r"[\s-]+", words) if len(w) >= 3 and w.lower() not in {"and", "the"}]
    names = [w.lower() for r in regions for w in re.split(r"[\s-]+", r) if len(w) >= 3 and w.lower() not in {"and", "the"}]
    return any(a == b or (min(len(a), len(b)) >= 4 and difflib.SequenceMatcher(None, a, b).ratio() >= 0.75)
               for a in said for b in names)


def _killed(event: Event, what: str) -> str:
    """", killing 5" when the sentence does not already tell the deaths."""
    n = event.fatalities
    if not n:
        return ""
    if re.search(r"\b(?:kill|dead|death|die|fatalit)", what, re.IGNORECASE):
        return ""
    if event.event_type in _words("killing_event_types"):
        return f", killing {n}"
    return f", with {n} reported {'fatality' if n == 1 else 'fatalities'}"


def cited_source(claimed_by: list[str], publisher: str | None) -> str | None:
    """The last link of the claim chain other than the publisher, whom the report cites, as a phrase for
    "according to …": "interior ministry" → "the interior ministry", "their lawyer" → "the lawyer"."""
    # the chain opens with the publisher when there is one; a text without one opens with whom it cites
    chain = claimed_by[1:] if publisher and claimed_by and claimed_by[0] == publisher else claimed_by
    # a pronoun ("who said", "he told") names no one the note can cite
    cited = [name for name in chain if name and name != publisher
             and name.strip().lower() not in phrases()["source_pronouns"]]
    if not cited:
        return None
    source = cited[-1].strip()
    first, _, rest = source.partition(" ")
    common = first.lower() in _words("generic_words") or (first.lower() in phrases()["common_source_openers"]
                                           and (not rest or rest[:1].islower()))
    if common and first[:1].isupper():
        # "Police in Karachi said …", "The group's leadership said …", "Rebels said …": capitalised by the
        # sentence's start, not a name ("The Standard" is: its next word is a capital)
        source, first = first.lower() + source[len(first):], first.lower()
    if first.lower() in _words("possessives") and rest:
        return f"the {rest}"
    # a plural or mass noun takes no article: "according to residents", "according to state media"
    plural = source.endswith("s") or source.rsplit(" ", 1)[-1].lower() in phrases()["plural_sources"]
    if first.lower() == "local" and not plural:
        return f"a {source}"  # "a local official said": one of several
    if source[:1].islower() and first.lower() not in _words("source_determiners") and not plural:
        return f"the {source}"
    return source


def _main_and_tags(note: str) -> tuple[str, str]:
    """The note's main sentence and the tags after it (" [size=…]"), apart, so words go in before the tags."""
    m = _SUFFIX.search(note)
    return (note[:m.start()], note[m.start():]) if m else (note, "")


def with_source(note: str | None, claimed_by: list[str], publisher: str | None) -> str | None:
    """The note with ", according to {cited source}" before its main sentence's final period."""
    source = cited_source(claimed_by, publisher)
    if not note or not source or f"according to {source}" in note:
        return note
    main, rest = _main_and_tags(note)
    if not main.endswith("."):
        return note
    return f"{main[:-1]}, according to {source}.{rest}"


def after_merge(note: str | None, before: Event, after: Event) -> str | None:
    """The note of an event that took a retelling's finer place, its date or its toll (extraction/incidents.py): the
    place and date phrases the note was written with become the new ones, and a toll it lacked is added before its
    main sentence's final period. A note that named the place in its own words is left as it was."""
    if not note:
        return note
    old_place, new_place = _where(before, "").strip(), _where(after, "").strip()
    if old_place != new_place and old_place and old_place in note:
        note = note.replace(old_place, new_place, 1)
    old_date, new_date = date_phrase(before), date_phrase(after)
    if old_date != new_date and note.startswith(old_date):
        note = new_date + note[len(old_date):]
    if not before.fatalities:
        return with_toll(note, after)
    if after.fatalities and after.fatalities != before.fatalities:
        note = restate_toll(note, before.fatalities, after.fatalities)
    return note


def with_toll(note: str | None, event: Event) -> str | None:
    """The note of an event whose toll a later sentence told ("The attack killed two soldiers"): the toll is added
    before its main sentence's final period, unless the sentence already tells deaths."""
    if not note:
        return note
    main, rest = _main_and_tags(note)
    killed = _killed(event, main)
    return f"{main[:-1]}{killed}.{rest}" if killed and main.endswith(".") else note


def restate_toll(note: str | None, old: int, new: int) -> str | None:
    """The note of an event whose toll went from `old`, the one its sentence told, to `new` through a later
    telling ("Two more officers died of their wounds"): the note states the toll the event carries, said after
    the sentence ("…, killing three officers. In all, 5 were killed."; the sentence's own figure stays, since the
    later dead may be others than the victims it names)."""
    if not note or new == old:
        return note
    main, rest = _main_and_tags(note)
    if not main.endswith("."):
        return note
    return f"{main} In all, {new} were killed.{rest}"
