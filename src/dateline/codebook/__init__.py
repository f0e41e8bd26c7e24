"""The ACLED codebook as data (`acled.yaml`), loaded once through importlib.resources.

Code refers to event types, sub-types, inter codes and regions by the names in the YAML file, so the rule and
its source sit side by side. `Resources.codebook` holds the one instance a process uses.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from importlib import resources as importlib_resources
from typing import Any

from dateline.errors import ResourceMissingError
from dateline.yaml_files import load_yaml

CODEBOOK_FILE = "acled.yaml"


@dataclass(frozen=True)
class SubEventType:
    name: str
    event_type: str
    disorder_type: str
    definition: str


@dataclass
class Codebook:
    """ACLED taxonomy, actor naming templates, inter/interaction codes and regions."""

    version: str
    sub_event_types: dict[str, SubEventType]
    event_types: dict[str, str]  # event type → definition
    inter_codes: dict[int, str]
    actor_templates: dict[str, dict[str, Any]]
    named_groups: list[dict[str, Any]]
    region_of_iso3: dict[str, str]
    country_names: dict[str, str]
    demonyms: dict[str, str]
    incident_precedence: dict[frozenset[str], str] = field(default_factory=dict)
    _iso3_by_name: dict[str, str] = field(default_factory=dict, repr=False)
    _codes_written: dict[str, str] = field(default_factory=dict, repr=False)
    _aliases: dict[str, str] = field(default_factory=dict, repr=False)

    # --- taxonomy -------------------------------------------------------------------------------------
    def event_type_of(self, sub_event_type: str) -> str:
        return self._sub(sub_event_type).event_type

    def disorder_type_of(self, sub_event_type: str) -> str:
        return self._sub(sub_event_type).disorder_type

    def definition(self, sub_event_type: str) -> str:
        return self._sub(sub_event_type).definition

    def incident_sub_type(self, first: str | None, second: str | None) -> str | None:
        """The sub-type of one incident told under two sub-types, where the codebook settles it; else None."""
        if not first or not second or first == second:
            return None
        return self.incident_precedence.get(frozenset((first, second)))

    def _sub(self, name: str) -> SubEventType:
        try:
            return self.sub_event_types[name]
        except KeyError:
            raise KeyError(f"{name!r} is not an ACLED sub-event type; see dateline/codebook/acled.yaml") from None

    # --- actors and interactions ----------------------------------------------------------------------
    def inter_label(self, code: int | None) -> str:
        return self.inter_codes.get(code or 0, "")

    @staticmethod
    def interaction(inter1: int | None, inter2: int | None) -> int | None:
        """ACLED's classic interaction code: the two inter codes, lower first (16 = State forces vs
        Protesters); a lone actor gives its code times ten (60 = Protesters only)."""
        codes = sorted(c for c in (inter1, inter2) if c)
        if not codes:
            return None
        if len(codes) == 1:
            return codes[0] * 10
        return codes[0] * 10 + codes[1]

    def interaction_label(self, inter1: int | None, inter2: int | None) -> str:
        """The newer text form: "State forces-Protesters", "Protesters only"."""
        codes = sorted(c for c in (inter1, inter2) if c)
        if not codes:
            return ""
        if len(codes) == 1:
            return f"{self.inter_codes[codes[0]]} only"
        return f"{self.inter_codes[codes[0]]}-{self.inter_codes[codes[1]]}"

    # --- countries ------------------------------------------------------------------------------------
    def region(self, iso3: str | None) -> str | None:
        return self.region_of_iso3.get(iso3.upper()) if iso3 else None

    def country_name(self, iso3: str) -> str:
        """ACLED's spelling of a country's name ("Palestine", "Democratic Republic of Congo")."""
        iso3 = iso3.upper()
        if iso3 in self.country_names:
            return self.country_names[iso3]
        country = _pycountry_by_alpha3(iso3)
        return getattr(country, "common_name", None) or (country.name if country else iso3)

    def iso3(self, country: str | None) -> str | None:
        """ISO3 code of a country name (ACLED, ISO or common spelling), or None."""
        if not country:
            return None
        key = country.strip().lower()
        if key in self._iso3_by_name:
            return self._iso3_by_name[key]
        if country.strip() in self._codes_written:
            return self._codes_written[country.strip()]
        if len(key) <= 3 and not country.strip().isupper():
            return None  # a code is written in capitals: "al", "as", "at" are Arabic articles, "and" a word
        if len(key) == 3 and key.upper() in self.region_of_iso3:
            return key.upper()
        try:
            import pycountry

            found = pycountry.countries.lookup(country)
        except LookupError:
            return None
        return str(found.alpha_3)

    def alias_iso3(self, name: str) -> str | None:
        """ISO3 of a state's other name that news write ("U.S.", "UK", "Britain"; acled.yaml country_aliases and
        country_codes_written), whatever a tagger calls the word."""
        return self._codes_written.get(name.strip()) or self._aliases.get(name.strip().lower())

    @staticmethod
    def iso_numeric(iso3: str | None) -> int | None:
        """ISO 3166-1 numeric code, as ACLED's `iso` column."""
        if not iso3:
            return None
        if iso3.upper() == "XKX":  # Kosovo has no ISO code; ACLED uses 0
            return 0
        country = _pycountry_by_alpha3(iso3)
        return int(country.numeric) if country else None

    def demonym_iso3(self, word: str) -> str | None:
        return self.demonyms.get(word.lower())


def _pycountry_by_alpha3(iso3: str) -> Any:
    import pycountry

    return pycountry.countries.get(alpha_3=iso3.upper())


def load_codebook() -> Codebook:
    """Parse the packaged `acled.yaml`; a missing or broken file is a clear error."""
    try:
        raw = importlib_resources.files(__package__).joinpath(CODEBOOK_FILE).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise ResourceMissingError(f"codebook file {CODEBOOK_FILE} is missing from the dateline package") from exc
    data = load_yaml(raw)
    return _build(data)


def _build(data: dict[str, Any]) -> Codebook:
    overrides: dict[str, str] = data.get("disorder_overrides", {})
    subs: dict[str, SubEventType] = {}
    event_types: dict[str, str] = {}
    for event_type, spec in data["event_types"].items():
        event_types[event_type] = spec["definition"]
        for sub_name, sub_spec in spec["sub_event_types"].items():
            disorder = overrides.get(sub_name) or sub_spec.get("disorder_type") or spec["disorder_type"]
            subs[sub_name] = SubEventType(sub_name, event_type, disorder, sub_spec["definition"])
    region_of_iso3 = {iso3: region for region, codes in data["regions"].items() for iso3 in codes}
    country_names = {k.upper(): v for k, v in data.get("country_names", {}).items()}
    book = Codebook(
        version=str(data.get("version", "")),
        sub_event_types=subs,
        event_types=event_types,
        inter_codes={int(k): str(v) for k, v in data["inter_codes"].items()},
        actor_templates=data["actor_templates"],
        named_groups=data.get("named_groups", []),
        region_of_iso3=region_of_iso3,
        country_names=country_names,
        demonyms={k.lower(): v.upper() for k, v in data.get("demonyms", {}).items()},
        incident_precedence={frozenset(rule["tellings"]): rule["incident"]
                             for rule in data.get("incident_precedence", [])},
    )
    for rule in data.get("incident_precedence", []):
        for name in (*rule["tellings"], rule["incident"]):
            book._sub(name)  # a misspelt sub-type in the table is a broken codebook, caught at load
    book._iso3_by_name.update({name.lower(): iso3 for iso3, name in country_names.items()})
    book._iso3_by_name.update({"palestinian territories": "PSE", "gaza": "PSE", "west bank": "PSE"})
    book._aliases.update({name.lower(): str(iso3).upper() for name, iso3 in data.get("country_aliases", {}).items()})
    book._iso3_by_name.update(book._aliases)
    book._codes_written.update({code: str(iso3).upper() for code, iso3 in data.get("country_codes_written", {}).items()})
    return book


@functools.cache
def default_codebook() -> Codebook:
    return load_codebook()


__all__ = ["Codebook", "SubEventType", "default_codebook", "load_codebook"]
