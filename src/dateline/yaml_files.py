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
def packaged_yaml(name: str) -> dict[str, Any]:
    """One of the package's data files (`dateline/data/NAME`) as a mapping, read once per process; a file missing
    from the install is a clear error. Shared by extraction and the exports, so it imports neither."""
    try:
        raw = importlib_resources.files("dateline.data").joinpath(name).read_text(encoding="utf-8")
    except FileNotFoundError as exc:  # pragma: no cover - packaging error
        raise ResourceMissingError(f"dateline/data/{name} is missing from the package; reinstall dateline") from exc
    return dict(load_yaml(raw))
