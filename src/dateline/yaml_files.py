"""The YAML data files that ship with dateline (cue lists, lexicons, the codebook), parsed with libyaml's C loader.

PyYAML's pure-Python loader took a fifth of `dateline extract`'s cold start on the bundled example (about 0.45 s for
the fifteen files); the C loader builds the same objects (checked file by file) ten times faster. PyYAML's wheels
bundle libyaml; a build without it falls back to the pure-Python loader, slower but the same."""

from __future__ import annotations

from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(text: str) -> Any:
    """The plain data (mappings, lists, strings, numbers) of one YAML document; no tags that build objects."""
    return yaml.load(text, Loader=_LOADER)
