"""Shared fixtures: the pipeline (spaCy model, gazetteer, codebook) loads once for the whole suite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dateline.pipeline import Pipeline
from dateline.resources import Resources

# The API answers only to the host names it is told (DNS-rebinding guard); FastAPI's TestClient calls itself
# "testserver".
os.environ.setdefault("DATELINE_API_ALLOWED_HOSTS", "localhost,127.0.0.1,::1,testserver")

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "iraq-2019-11-02-mek.txt"
SHARED = REPO.parent / "shared"
REFERENCE_GOLD = SHARED / "reference" / "expected.json"
EVAL_DIR = SHARED / "eval"


def shared_file(*parts: str) -> Path:
    """A file of the project's shared evaluation data (../shared, beside the repository), or a skip that names
    the missing file: that data is not part of the repository, so a fresh clone or another checkout lacks it."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"{path} is absent (the shared evaluation data beside the repository is not installed)")
    return path


def events_of(pipeline: Pipeline, text: str, published: str = "2024-03-14"):  # type: ignore[no-untyped-def]
    """Every event a text of a test gives, published on a Thursday (so "on Monday" is 11 March 2024)."""
    return pipeline.extract_text(text, published=published).events


def only_event(pipeline: Pipeline, text: str, published: str = "2021-05-10"):  # type: ignore[no-untyped-def]
    """The one event a one-incident text of a test gives (fails when it gives none or several)."""
    (event,) = pipeline.extract_text(text, published=published).events
    return event


def event_place(resources: Resources, text: str, verb: str, with_trigger: bool = True):  # type: ignore[no-untyped-def]
    """The place `place_for_event` gives the event whose trigger is the first `verb` of a one-sentence text (with
    `with_trigger=False`, the choice made without a trigger: the most specific place of the sentence)."""
    from dateline.geo.resolve import place_for_event, places_from_doc
    from dateline.model import Article, Span

    doc = resources.nlp(text)
    article = Article(id="t", text=text)
    places = places_from_doc(article, doc, resources)
    whole = Span.of(text, 0, len(text))
    start = text.index(verb)
    trigger = Span.of(text, start, start + len(verb)) if with_trigger else None
    return place_for_event(places, whole, whole, article, trigger=trigger, doc=doc if with_trigger else None)


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def pipeline(resources: Resources) -> Pipeline:
    return Pipeline(resources=resources)


@pytest.fixture(scope="session")
def nlp(resources: Resources):  # type: ignore[no-untyped-def]
    return resources.nlp


@pytest.fixture(scope="session")
def example_text() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def example_report(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    from dateline.pipeline import extract

    return extract(EXAMPLE, settings=pipeline.settings)
