"""The YAML data files that ship with dateline (cue lists, lexicons, the codebook), parsed with libyaml's C loader.

PyYAML's pure-Python loader took a fifth of `dateline extract`'s cold start on the bundled example (about 0.45 s for
the fifteen files); the C loader builds the same objects (checked file by file) ten times faster. PyYAML's wheels
bundle libyaml; a build without it falls back to the pure-Python loader, slower but the same."""

from __future__ import annotations

import functools
from importlib import resources as importlib_resources
from typing import Any

import yaml

from dateline.errors import ResourceMissingError

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The plain data (mappings, lists, strings, numbers) of one YAML document; no tags that build objects."""
    return yaml.load(text, Loader=_LOADER)


@functools.cache
def packaged_yaml(name: str, package: str = "dateline.data") -> dict[str, Any]:
    """One of the package's data files (`dateline/data/NAME`, or NAME in another `package` such as
    `dateline.codebook`) as a mapping, read once per process; a file missing from the install, or one that is
    not a YAML mapping, is a clear error. Shared by extraction and the exports, so it imports neither."""
    where = package.replace(".", "/") + "/" + name
    try:
        raw = importlib_resources.files(package).joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise ResourceMissingError(f"{where} is missing from the package; reinstall dateline") from exc
    try:
        data = load_yaml(raw)
    except yaml.YAMLError as exc:
        raise ResourceMissingError(f"{where} is not valid YAML ({' '.join(str(exc).split())}); "
                                   "fix the file or reinstall dateline") from exc
    if not isinstance(data, dict):
        raise ResourceMissingError(f"{where} is not a YAML mapping of names to lists; fix the file or reinstall dateline")
    return dict(data)


def _packaged_entry(name: str, key: str, package: str, kind: type, what: str) -> Any:
    """Entry `key` of a packaged data file, which must be a `kind`; one missing or of another shape is a clear
    error, so a renamed or deleted cue list fails at start-up, not as a silently empty set."""
    entry = packaged_yaml(name, package).get(key)
    if not isinstance(entry, kind):
        raise ResourceMissingError(f"{package.replace('.', '/')}/{name} has no {what} {key!r}; "
                                   "fix the file or reinstall dateline")
    return entry


def packaged_list(name: str, key: str, package: str = "dateline.data") -> list[Any]:
    """The list `key` of a packaged data file, in the file's order."""
    return list(_packaged_entry(name, key, package, list, "list"))


def packaged_words(name: str, key: str, package: str = "dateline.data") -> frozenset[str]:
    """The word list `key` of a packaged data file as a set (`packaged_list`)."""
    return frozenset(str(word) for word in packaged_list(name, key, package))


def packaged_pattern(name: str, key: str, package: str = "dateline.data") -> str:
    """The regular expression `key` of a packaged data file (a string entry)."""
    return str(_packaged_entry(name, key, package, str, "pattern"))


def packaged_table(name: str, key: str, package: str = "dateline.data") -> dict[str, Any]:
    """The mapping `key` of a packaged data file (word → what the word says), in the file's order."""
    return dict(_packaged_entry(name, key, package, dict, "table"))
