"""Source profile: the outlets table, source scale and the loaded-language lexicon."""

from __future__ import annotations

import pytest

from dateline.extraction import source as source_mod

KINDS = {"wire", "broadcaster", "newspaper", "state", "advocacy", "ngo", "igo", "government", "social"}
SCALES = {"Local partner", "Subnational", "National", "Regional", "International", "New media", "Other"}


def test_every_outlet_has_a_kind_scale_and_basis() -> None:
    outlets = source_mod.load_outlets()
    assert len(outlets) >= 30
    for outlet in outlets:
        assert outlet.kind in KINDS, outlet
        assert outlet.scale in SCALES, outlet
        assert len(outlet.basis) > 10, outlet


@pytest.mark.parametrize(
    ("written", "name", "kind"),
    [("Reuters", "Reuters", "wire"), ("the AP", "Associated Press", "wire"), ("Al Arabiya TV", "Al Arabiya", "broadcaster"),
     ("Sky News Arabic", "Sky News Arabia", "broadcaster"), ("PMOI", "PMOI/MEK", "advocacy"),
     ("Amnesty", "Amnesty International", "ngo"), ("HRW", "Human Rights Watch", "ngo"), ("IRNA", "IRNA", "state"),
     ("Press TV", "Press TV", "state"), ("WAFA", "WAFA", "state"), ("Reuters news agency", "Reuters", "wire")],
)
def test_outlet_lookup_by_alias(written: str, name: str, kind: str) -> None:
    outlet = source_mod.find_outlet(written)
    assert outlet is not None and (outlet.name, outlet.kind) == (name, kind)


def test_unknown_names_are_not_outlets() -> None:
    assert source_mod.find_outlet("Iraqi security sources") is None
    assert source_mod.find_outlet("") is None


def test_a_credit_only_abbreviation_is_the_outlet_only_as_a_credit() -> None:
    # "ANA" signs the African News Agency's copy, but in a sentence it is as likely the Afghan National Army
    assert source_mod.find_outlet("ANA") is None
    assert source_mod.source_scale(["ANA"]) == "Other"
    outlet = source_mod.find_outlet("ANA", credit=True)
    assert outlet is not None and outlet.name == "African News Agency"


def test_a_credited_publisher_gets_its_outlet_kind(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("Protesters blocked roads in Durban on Monday.", publisher="ANA")
    assert report.source_profile.publisher_kind == "wire"


def test_source_scale_joins_scales_acled_style() -> None:
    assert source_mod.source_scale(["IRNA", "Reuters"]) == "National-International"
    assert source_mod.source_scale(["a local blogger"]) == "Other"


def _loaded(pipeline, text: str) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    profile = pipeline.extract_text(text, publisher="Reuters").source_profile
    return [(ls.span.text, ls.category) for ls in profile.loaded_language]


def test_loaded_adjective_reaches_its_noun(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert ("brutal crackdown", "Loaded_Language") in _loaded(pipeline, "Witnesses described a brutal crackdown.")


def test_label_with_possessor_merges_into_one_span(pipeline) -> None:  # type: ignore[no-untyped-def]
    spans = _loaded(pipeline, "Critics blamed the junta’s thugs for the raid.")
    assert ("junta’s thugs", "Name_Calling,Labeling") in spans


def test_noun_takes_its_modifiers(pipeline) -> None:  # type: ignore[no-untyped-def]
    spans = _loaded(pipeline, "The statement repeated the government’s decade-long propaganda about the war.")
    assert any(text.endswith("propaganda") and "decade" in text for text, _ in spans)


def test_exaggeration_and_doubt_patterns(pipeline) -> None:  # type: ignore[no-untyped-def]
    spans = dict(_loaded(pipeline, "The so-called elections drew sheer contempt, a result simply impossible to hide."))
    assert spans.get("so-called elections") == "Doubt"
    assert spans.get("sheer contempt") == "Exaggeration,Minimisation"
    assert spans.get("simply impossible") == "Exaggeration,Minimisation"


def test_neutral_wire_copy_has_no_loaded_language(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _loaded(pipeline, "Police said two people were injured when a bus overturned on the highway.") == []


def test_profile_summary(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("The regime arrested ten students on Monday, according to Al Jazeera. "
            "The students were released on Tuesday.")
    profile = pipeline.extract_text(text, publisher="Amnesty International").source_profile
    assert (profile.publisher_kind, profile.loaded_sentence_share) == ("ngo", 0.5)
    assert "NGO" in (profile.basis or "")
