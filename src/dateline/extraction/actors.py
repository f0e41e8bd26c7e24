"""Actors in ACLED's naming style, with inter codes and the interaction code.

ACLED names an actor by its kind and the country where the event happened ("Protesters (Iraq)",
"Civilians (Yemen)", "Unidentified Armed Group (Mexico)"); state forces carry their own country
("Police Forces of Iraq", "Military Forces of Israel"), and are coded 8 (External/Other forces) when they act
outside it. A nationality adjective in the text ("Israeli forces") names the state; otherwise the event's
country does.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, replace
from typing import Any

from dateline.codebook import Codebook
from dateline.yaml_files import packaged_table, packaged_words, packaged_yaml

# State forces and factions by their common names and acronyms (IDF, Tatmadaw, LNA ...), next to the codebook.
ALIASES_FILE = "actor_aliases.yaml"


def lexicon_words(key: str) -> frozenset[str]:
    """A word list of `actor_aliases.yaml` (read once per process); a list missing from it is a clear error."""
    return packaged_words(ALIASES_FILE, key, "dateline.codebook")


# Head nouns (lemmas) → actor kind (`kind_by_lemma` in actor_aliases.yaml).
KIND_BY_LEMMA: dict[str, str] = packaged_table(ALIASES_FILE, "kind_by_lemma", "dateline.codebook")
# Words before "forces" that say which state force it is.
FORCE_MODIFIERS: dict[str, str] = packaged_table(ALIASES_FILE, "force_modifiers", "dateline.codebook")
STATE_KINDS = {"police", "military", "security", "government"}
# "air defences", "missile defense": a state's military when one of these words qualifies it (a "defence
# lawyer" or the "defence ministry" is none).
DEFENCE_WORDS = lexicon_words("defence_words")
DEFENCE_MODIFIERS = lexicon_words("defence_modifiers")
# "armed men", "masked individuals": people described by their arms are an armed group.
ARMED_WORDS = lexicon_words("armed_words")
# "fired at government positions", "a regime checkpoint": the state's military held what was attacked.
POSITION_WORDS = lexicon_words("position_words")


@dataclass(frozen=True)
class ActorMention:
    """A phrase that names an actor: its kind, an explicit nationality (ISO3) and a named group, if any."""

    kind: str
    start: int
    end: int
    text: str
    nationality: str | None = None
    group: dict[str, object] | None = None


@dataclass(frozen=True)
class KnownActor:
    """A named actor of the lexicons: the pattern that finds it in text and its entry (ACLED name, inter code,
    and for a state force its kind, state and unit)."""

    pattern: re.Pattern[str]
    entry: dict[str, object]


def known_actors(book: Codebook) -> list[KnownActor]:
    """The codebook's named groups, then the state forces of `actor_aliases.yaml`, each with its pattern
    (built once per codebook)."""
    cached = _KNOWN.get(id(book))
    if cached is not None and cached[0] is book:
        return cached[1]
    entries: list[dict[str, Any]] = [dict(g) for g in book.named_groups]
    entries += [_state_entry(e) for e in _load_aliases()["state_forces"]]
    known = [KnownActor(alias_pattern(*_aliases(e)), e) for e in entries]
    _KNOWN[id(book)] = (book, known)
    return known


def _aliases(entry: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(names matched in any case, acronyms matched as written) of a known actor's entry."""
    acronyms = entry.get("acronyms", [])
    as_written = {a.lower() for a in acronyms}
    return [n for n in entry.get("pattern", []) + entry.get("names", []) if n not in as_written], acronyms


_KNOWN: dict[int, tuple[Codebook, list[KnownActor]]] = {}


def any_known_actor(book: Codebook) -> re.Pattern[str]:
    """One regex that matches a text exactly when one of the known actors' patterns does: the actor pass tests
    each candidate sentence once instead of once per actor (well over a hundred), and few sentences name one.
    The patterns' shared edges (never inside a word) are tested once per position, before the names; a pattern
    of another form (the alternation could not keep its meaning) makes the regex match every text."""
    cached = _ANY_KNOWN.get(id(book))
    if cached is not None and cached[0] is book:
        return cached[1]
    edge, end = r"(?<!\w)", r"(?!\w)"
    known = known_actors(book)
    if all(k.pattern.pattern.startswith(edge) and k.pattern.pattern.endswith(end) and k.pattern.flags == re.UNICODE
           for k in known):
        # re tries every name of a plain alternation at each word start (an article's sentences cost a tenth of a
        # millisecond each); grouped under their first character, behind a lookahead on it, the names of one group
        # are tried. The lookahead is case-insensitive, so it holds wherever a name (any case) or an acronym (as
        # written) of the group starts; whether some name matches does not depend on the order they are tried in.
        groups: dict[str, list[str]] = {}
        for k in known:
            names, acronyms = _aliases(k.entry)
            for alias, branch in [*((n, f"(?i:{_words(n)})") for n in names), *((a, _words(a)) for a in acronyms)]:
                first = alias.lstrip()[:1]
                groups.setdefault(first.lower() if len(first.lower()) == 1 else first, []).append(branch)
        joined = re.compile(edge + "(?:" + "|".join(f"(?=(?i:{re.escape(first)}))(?:{'|'.join(branches)})"
                                                    for first, branches in groups.items()) + ")" + end)
    else:
        joined = re.compile("")
    _ANY_KNOWN[id(book)] = (book, joined)
    return joined


_ANY_KNOWN: dict[int, tuple[Codebook, re.Pattern[str]]] = {}


def alias_pattern(names: list[str], acronyms: list[str]) -> re.Pattern[str]:
    """One pattern for an actor's names (any case) and acronyms (as written), never inside another word; the
    longest name is tried first so "Islamic State West Africa Province" wins over a shorter name it contains."""
    parts = [f"(?i:{_words(n)})" for n in sorted(names, key=len, reverse=True)]
    parts += [_words(a) for a in sorted(acronyms, key=len, reverse=True)]
    return re.compile(rf"(?<!\w)(?:{'|'.join(parts)})(?!\w)")


def _words(name: str) -> str:
    return r"\s+".join(re.escape(w) for w in name.split())


def _state_entry(raw: dict[str, Any]) -> dict[str, Any]:
    if raw.get("kind") not in {"military", "police", "security"}:
        raise ValueError(f"{ALIASES_FILE}: state force {raw.get('names') or raw.get('acronyms')} needs a kind "
                         "(military, police or security)")
    return {**raw, "state": True, "inter": 1}


@functools.cache
def state_act_nouns() -> frozenset[str]:
    """Lemmas of acts that take a state's means ("strike", "shelling"): with a nationality, that state's forces."""
    return frozenset(_load_aliases().get("state_act_nouns", []))


@functools.cache
def position_holders() -> dict[str, str]:
    """Words on a position or post that say which state force held it ("government positions", "a gendarmerie
    post") → the force's kind (`position_holders`)."""
    return {str(w): str(k) for w, k in _load_aliases().get("position_holders", {}).items()}


@functools.cache
def struck_targets() -> frozenset[str]:
    """What a strike is told as aimed at ("Iranian targets", "government targets"): a state's forces, like a position,
    when a state or a holder word is named on it (`struck_targets`)."""
    return frozenset(_load_aliases().get("struck_targets", []))


@functools.cache
def holder_sites() -> frozenset[str]:
    """Sites that are a state force's only with a holder word on them ("a carabinieri station")."""
    return frozenset(_load_aliases().get("holder_sites", []))


def guard_kind(words: set[str]) -> str | None:
    """The kind of actor guards are by the words on them ("security guards": a firm's; "border guards": a state's
    military; `guard_words`), or None."""
    return next((str(kind) for kind, said in _load_aliases().get("guard_words", {}).items() if words & set(said)), None)


@functools.cache
def communal_act_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """The act nouns of violence between communities, the communal words on them, and the communities named by their
    livelihood ("communal clashes", "clashes between herders and farmers"; `communal_act_nouns`)."""
    aliases = _load_aliases()
    return (frozenset(aliases.get("communal_act_nouns", [])), frozenset(aliases.get("communal_act_words", [])),
            frozenset(aliases.get("livelihood_communities", [])))


@functools.cache
def civilian_sites() -> frozenset[str]:
    """Lemmas of places and gatherings whose people are civilians ("a wedding party", "a bus station")."""
    return frozenset(_load_aliases().get("civilian_sites", []))


@functools.cache
def weapon_nouns() -> frozenset[str]:
    """Lemmas of machines of war ("drone", "artillery") that stand for the forces that field them."""
    return frozenset(_load_aliases().get("weapon_nouns", []))


@functools.cache
def group_descriptions() -> dict[str, dict[str, Any]]:
    """Words that describe an armed group the report named before ("the rebels"), each with the kind of group it
    may name (`group_descriptions`)."""
    return {str(w): dict(spec or {}) for w, spec in _load_aliases().get("group_descriptions", {}).items()}


def describes(word: str, entry: dict[str, object]) -> bool:
    """Whether a description ("jihadist", "rebel") may name the named group of the lexicon `entry`: a group of the
    kind the word is said of ("the jihadists" never the YPG; "the rebels" never a peacekeeping mission)."""
    spec = group_descriptions().get(word, {})
    if "groups" in spec and entry.get("name") not in spec["groups"]:
        return False
    kinds = _load_aliases().get("group_kinds", {})
    if any(entry.get("name") in kinds[kind] for kind in spec.get("not_kinds", [])):
        return False  # "the insurgents" after "YPG fighters": a Kurdish militia is no insurgent
    return "inter" not in spec or entry.get("inter") in spec["inter"]


@functools.cache
def device_nouns() -> frozenset[str]:
    """Lemmas of devices that go off without their owner ("bomb", "mine"): a group on one laid it."""
    return frozenset(_load_aliases().get("device_nouns", []))


@functools.cache
def person_craft_words() -> frozenset[str]:
    """Words that make a craft noun a person ("suicide bomber"): no state's craft."""
    return frozenset(_load_aliases().get("person_craft_words", []))


@functools.cache
def attacker_craft_nouns() -> frozenset[str]:
    """Craft nouns that name a person who attacks when no state is named on them ("a suspected bomber")."""
    return frozenset(_load_aliases().get("attacker_craft_nouns", []))


@functools.cache
def state_craft_nouns() -> frozenset[str]:
    """Lemmas of craft any owner flies or sails ("plane", "chopper"): a state's forces only when it is named on them."""
    return frozenset(_load_aliases().get("state_craft_nouns", []))


def striker_words(sub_event_type: str) -> tuple[frozenset[str], frozenset[str]] | None:
    """The words of a phrase ("warplane", "air force") and the verbs ("bomb", "shell") that say a side carries out
    strikes of `sub_event_type` (`strikers` in `actor_aliases.yaml`), or None for a sub-type no one strikes from
    afar in."""
    entry = _load_aliases().get("strikers", {}).get(sub_event_type)
    return (frozenset(entry.get("words", [])), frozenset(entry.get("verbs", []))) if entry else None


@functools.cache
def armed_unit_nouns() -> frozenset[str]:
    """Lemmas of a force's units ("battalion", "platoon"): their members are armed men, not civilians."""
    return frozenset(_load_aliases().get("armed_unit_nouns", []))


@functools.cache
def job_nouns() -> frozenset[str]:
    """Lemmas of people named by a job they do for someone ("interpreter"): civilians; whom they serve is no side."""
    return frozenset(_load_aliases().get("job_nouns", []))


@functools.cache
def describing_verbs() -> frozenset[str]:
    """Verbs of a relative clause that tell whom a person worked with or served ("who worked with US forces"): the
    forces they name are no side of the act."""
    return frozenset(_load_aliases().get("describing_verbs", []))


@functools.cache
def advance_verbs() -> frozenset[str]:
    """Verbs of an armed side moving on a place ("advanced on Manbij", "entered the town")."""
    return frozenset(_load_aliases().get("advance_verbs", []))


@functools.cache
def strike_nouns() -> frozenset[str]:
    """Lemmas of a strike's nouns ("the strikes", "the raid") that a later sentence retells it with."""
    return frozenset(_load_aliases().get("strike_nouns", []))


def _weapon_from_abroad(mention: ActorMention, event_iso3: str | None) -> bool:
    """A weapon no word gives a side, in a country struck from abroad (`struck_from_abroad`): not its own forces'."""
    word = mention.text.lower()
    return not mention.nationality and mention.group is None and event_iso3 in _load_aliases().get(
        "struck_from_abroad", []) and (word in weapon_nouns() or word.rstrip("s") in weapon_nouns())


@functools.cache
def inquiry_words() -> tuple[frozenset[str], frozenset[str]]:
    """Verbs and nouns of looking into an act ("investigate", "an investigation"): their subject took no part."""
    aliases = _load_aliases()
    return frozenset(aliases.get("inquiry_verbs", [])), frozenset(aliases.get("inquiry_nouns", []))


@functools.cache
def political_coalition_words() -> frozenset[str]:
    """Words that make a "coalition" a political one ("the ruling coalition"), no side of a war."""
    return frozenset(_load_aliases().get("political_coalition_words", []))


def coalition_of(event_iso3: str | None, book: Codebook) -> dict[str, object] | None:
    """The named group a bare "coalition" stands for in a war in `event_iso3`'s country (the Saudi-led coalition
    in Yemen, the coalition against Islamic State in Syria and Iraq), or None where the codebook knows none."""
    name = _load_aliases().get("coalition_of_country", {}).get(event_iso3 or "")
    return next((dict(g) for g in book.named_groups if g["name"] == name), None) if name else None


def peoples_force(people: str, event_iso3: str | None, book: Codebook) -> dict[str, object] | None:
    """The lexicon entry of the force a people fields in `event_iso3`'s country ("Kurdish fighters" in Syria: the
    SDF), found by the words `peoples_forces` gives for it; None where none is listed."""
    words = _load_aliases().get("peoples_forces", {}).get(people, {}).get(event_iso3 or "")
    return next((dict(k.entry) for k in known_actors(book) if words and k.pattern.fullmatch(words)), None)


@functools.cache
def peoples_words() -> frozenset[str]:
    """Peoples whose word on an armed noun names a force (`peoples_forces`)."""
    return frozenset(_load_aliases().get("peoples_forces", {}))


@functools.cache
def nonstate_army_words() -> frozenset[str]:
    """Words that make a capitalised "… Army" a rebel group's name ("Free Syrian Army")."""
    return frozenset(_load_aliases().get("nonstate_army_words", []))


@functools.cache
def _load_aliases() -> dict[str, Any]:
    return packaged_yaml(ALIASES_FILE, "dateline.codebook")


RULERS: dict[str, str] = _load_aliases().get("rulers", {})


def in_power(mention: ActorMention, on: dt.date | None, after: str = "") -> ActorMention:
    """A group that took power acts as its state's forces from the day it did (the codebook entry's `in_power`):
    "Taliban fighters" after 15 August 2021 are Afghanistan's military, "Taliban police" its police. `on`: the
    event's day (else the report's); `after`: the words that follow the mention, where a police word may stand."""
    power = (mention.group or {}).get("in_power")
    if not isinstance(power, dict) or on is None or on < _as_date(power["since"]):
        return mention
    kind = "police" if _POLICE_AFTER.match(after) else "military"
    # (the group it was is kept: where the state's forces are also its target, the group acts as itself)
    entry = {"state": True, "kind": kind, "iso3": str(power["iso3"]), "inter": 1, "took_power": mention.group}
    return replace(mention, kind=kind, group=entry)


def out_of_power(mention: ActorMention) -> ActorMention:
    """The group that `in_power` made its state's forces, named as the group again ("Taliban")."""
    was = (mention.group or {}).get("took_power")
    return replace(mention, kind="group", group=was) if isinstance(was, dict) else mention


_POLICE_AFTER = re.compile(r"\s*(?:[\w-]+\s+)?(?:police|policem[ae]n|policewom[ae]n)\b", re.IGNORECASE)


def _as_date(value: object) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def read_in_country(mention: ActorMention, event_iso3: str | None, book: Codebook) -> ActorMention:
    """A group whose bare name means another group of the codebook in the event's country (the entry's
    `named_in_country`: a bare "Taliban" in Pakistan are the Pakistani Taliban), read as that group, whether or not
    `in_power` made it its state's forces; a nationality on the phrase ("Afghan Taliban forces") keeps its reading."""
    said = mention.group or {}
    was = said.get("took_power")
    entry = was if isinstance(was, dict) else said
    meant = entry.get("named_in_country")
    name = meant.get(event_iso3 or "") if isinstance(meant, dict) else None
    if not name or mention.nationality:
        return mention
    group = next((dict(g) for g in book.named_groups if g["name"] == name), None)
    return replace(mention, kind="group", group=group) if group is not None else mention


def actor_name(mention: ActorMention, event_iso3: str | None, book: Codebook) -> tuple[str, int]:
    """ACLED name and inter code of an actor mention for an event in `event_iso3`'s country."""
    mention = read_in_country(mention, event_iso3, book)
    event_country = book.country_name(event_iso3) if event_iso3 else None
    if mention.group is not None and mention.group.get("state"):
        return _state_force_name(mention, mention.group, event_iso3, book)
    if mention.group is not None:
        template = str(mention.group["name"])
        inter = int(mention.group["inter"])  # type: ignore[call-overload]
        if "{community}" in template:
            # "the Murle tribe": a tribe is "Tribal" where ACLED codes tribes so, else a people ("Ethnic")
            template = template.replace("{community}", community_word(str(mention.group["community"]), event_iso3))
        if "{country}" in template:
            # "Israeli settlers": the phrase's nationality, else the kind's home, else the event's country
            own = mention.nationality or mention.group.get("home")
            country = book.country_name(str(own)) if own else event_country
            template = template.replace("{country}", country or "International")
        return template, inter
    kind = "protesters" if mention.kind in {"crowd", "supporters"} else mention.kind
    if kind == "mob":
        kind = "rioters"
    if kind == "military" and _weapon_from_abroad(mention, event_iso3):
        kind = "unidentified_armed"  # "a drone attack hit an apartment block in Sumy": no strike by Ukraine's forces
    if kind in STATE_KINDS:
        iso3 = mention.nationality or (_load_aliases().get("military_of_occupier", {}).get(event_iso3, event_iso3)
                                       if kind == "military" else event_iso3)
        country = state_country(iso3, book)
        template = book.actor_templates[kind]
        name = template["name"].format(country=country or "Unknown")
        # State forces acting outside their own country are External/Other forces (8)
        inter = 8 if (iso3 and event_iso3 and iso3 != event_iso3) else int(template["inter"])
        return name, inter
    if kind == "unidentified_armed" and event_iso3 in OPPOSITION_REBELS and _REBEL_WORDS.search(mention.text):
        return OPPOSITION_REBELS[event_iso3], 2
    template = book.actor_templates.get(kind) or book.actor_templates["civilians"]
    return template["name"].format(country=event_country or "International"), int(template["inter"])


OPPOSITION_REBELS: dict[str, str] = _load_aliases().get("opposition_rebels", {})
# "gunmen from the Hawiye clan", "tribal fighters": the words that make an actor a community's militia, and the
# kind of community each names (tribe, clan, ethnic)
COMMUNITY_NOUNS: dict[str, str] = _load_aliases().get("community_nouns", {})
COMMUNITY_ADJECTIVES: dict[str, str] = _load_aliases().get("community_adjectives", {})


def community_word(community: str, event_iso3: str | None) -> str:
    """The word of a named communal militia's ACLED name: "Clan", "Tribal" (a tribe where ACLED codes tribes so)
    or "Ethnic"."""
    aliases = _load_aliases()
    if community == "tribe" and event_iso3 in aliases.get("tribal_countries", []):
        return "Tribal"
    return str(aliases.get("community_words", {}).get(community, "Ethnic"))


_REBEL_WORDS = re.compile(r"(?i)\b(?:rebels?|opposition)\b")


def _state_force_name(mention: ActorMention, entry: dict[str, object], event_iso3: str | None,
                      book: Codebook) -> tuple[str, int]:
    """A state force of the alias table: its fixed ACLED name, or ACLED's pattern for its kind with its state
    (the entry's, else the phrase's nationality, else the event's country) and unit; External/Other forces (8)
    outside its own state."""
    iso3 = str(entry["iso3"]) if entry.get("iso3") else (mention.nationality or event_iso3)
    if entry.get("name"):
        return str(entry["name"]), 1
    country = state_country(iso3, book)
    name = book.actor_templates[str(entry["kind"])]["name"].format(country=country or "Unknown")
    if entry.get("unit"):
        name = f"{name} {entry['unit']}"
    return name, 8 if (iso3 and event_iso3 and iso3 != event_iso3) else 1


def state_country(iso3: str | None, book: Codebook) -> str | None:
    """The country as a state force's name writes it: "Police Forces of the Philippines", "Military Forces of the
    Democratic Republic of Congo" (the country alone elsewhere: "Civilians (Philippines)")."""
    if not iso3:
        return None
    name = book.country_name(iso3)
    return f"the {name}" if iso3 in _load_aliases().get("states_named_with_the", []) else name


def interaction_fields(book: Codebook, inter1: int | None, inter2: int | None) -> dict[str, object]:
    return {
        "interaction": book.interaction(inter1, inter2),
        "interaction_label": book.interaction_label(inter1, inter2),
    }
