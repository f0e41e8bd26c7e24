"""Actors in ACLED's naming style, with inter codes and the interaction code.

ACLED names an actor by its kind and the country where the event happened ("Protesters (Iraq)",
"Civilians (Yemen)", "Unidentified Armed Group (Mexico)"); state forces carry their own country
("Police Forces of Iraq", "Military Forces of Israel"), and are coded 8 (External/Other forces) when they act
outside it. A nationality adjective in the text ("Israeli forces") names the state; otherwise the event's
country does.
"""

from __future__ import annotations

from dataclasses import dataclass

from dateline.codebook import Codebook

# Head nouns (lemmas) → actor kind, in the order ACLED would prefer a more specific reading.
KIND_BY_LEMMA: dict[str, str] = {
    # demonstrators
    "protester": "protesters", "protestor": "protesters", "demonstrator": "protesters", "marcher": "protesters",
    "activist": "protesters", "striker": "protesters", "picketer": "protesters",
    "rioter": "rioters", "mob": "mob", "vigilante": "mob", "crowd": "crowd",
    # state forces
    "police": "police", "policeman": "police", "policemen": "police", "officer": "police", "cop": "police",
    "gendarme": "police", "gendarmerie": "police",
    "soldier": "military", "troop": "military", "army": "military", "military": "military",
    "force": "security", "serviceman": "military", "navy": "military", "marine": "military",
    "warplane": "military", "jet": "military", "aircraft": "military", "drone": "military", "helicopter": "military",
    "artillery": "military", "tank": "military", "uav": "military", "air force": "military",
    "warship": "military", "gunboat": "military", "airplane": "military",
    "government": "government", "authority": "government", "regime": "government",
    # armed groups
    "gunman": "unidentified_armed", "gunmen": "unidentified_armed", "militant": "unidentified_armed",
    "attacker": "unidentified_armed", "assailant": "unidentified_armed", "insurgent": "unidentified_armed",
    "rebel": "unidentified_armed", "militia": "unidentified_armed", "militiaman": "unidentified_armed",
    "fighter": "unidentified_armed", "jihadist": "unidentified_armed", "terrorist": "unidentified_armed",
    "bandit": "unidentified_armed", "kidnapper": "unidentified_armed", "abductor": "unidentified_armed",
    "gang": "unidentified_gang", "gangster": "unidentified_gang", "criminal": "unidentified_gang",
    # civilians
    "civilian": "civilians", "resident": "civilians", "villager": "civilians", "man": "civilians",
    "woman": "civilians", "child": "civilians", "boy": "civilians", "girl": "civilians", "person": "civilians",
    "people": "civilians", "farmer": "civilians", "student": "civilians", "journalist": "civilians",
    "teacher": "civilians", "worker": "civilians", "shepherd": "civilians", "family": "civilians",
    "worshipper": "civilians", "driver": "civilians", "passenger": "civilians", "trader": "civilians",
    "merchant": "civilians", "doctor": "civilians", "nurse": "civilians", "teenager": "civilians",
    "youth": "civilians", "infant": "civilians", "baby": "civilians", "pilgrim": "civilians", "fisherman": "civilians",
    "refugee": "civilians", "migrant": "civilians", "politician": "civilians", "candidate": "civilians",
    "official": "civilians", "businessman": "civilians", "owner": "civilians", "member": "civilians",
}
# Words before "forces" that say which state force it is.
FORCE_MODIFIERS = {"police": "police", "security": "security", "military": "military", "armed": "military",
                   "government": "military", "regime": "military", "state": "security", "occupation": "military",
                   "army": "military", "naval": "military", "air": "military", "special": "military",
                   "riot": "police", "anti-riot": "police"}
STATE_KINDS = {"police", "military", "security", "government"}
# "air defences", "missile defense": a state's military when one of these words qualifies it (a "defence
# lawyer" or the "defence ministry" is none).
DEFENCE_WORDS = {"defence", "defense", "defences", "defenses"}
DEFENCE_MODIFIERS = {"air", "missile", "anti-aircraft", "aerial"}


@dataclass(frozen=True)
class ActorMention:
    """A phrase that names an actor: its kind, an explicit nationality (ISO3) and a named group, if any."""

    kind: str
    start: int
    end: int
    text: str
    nationality: str | None = None
    group: dict[str, object] | None = None


def actor_name(mention: ActorMention, event_iso3: str | None, book: Codebook) -> tuple[str, int]:
    """ACLED name and inter code of an actor mention for an event in `event_iso3`'s country."""
    event_country = book.country_name(event_iso3) if event_iso3 else None
    if mention.group is not None:
        template = str(mention.group["name"])
        inter = int(mention.group["inter"])  # type: ignore[call-overload]
        if "{country}" in template:
            template = template.replace("{country}", event_country or "International")
        return template, inter
    kind = "protesters" if mention.kind == "crowd" else mention.kind
    if kind == "mob":
        kind = "rioters"
    if kind in STATE_KINDS:
        iso3 = mention.nationality or event_iso3
        country = book.country_name(iso3) if iso3 else None
        template = book.actor_templates[kind]
        name = template["name"].format(country=country or "Unknown")
        # State forces acting outside their own country are External/Other forces (8)
        inter = 8 if (iso3 and event_iso3 and iso3 != event_iso3) else int(template["inter"])
        return name, inter
    template = book.actor_templates.get(kind) or book.actor_templates["civilians"]
    return template["name"].format(country=event_country or "International"), int(template["inter"])


def interaction_fields(book: Codebook, inter1: int | None, inter2: int | None) -> dict[str, object]:
    return {
        "interaction": book.interaction(inter1, inter2),
        "interaction_label": book.interaction_label(inter1, inter2),
    }
