"""The word lists the rules read live in the package's data files, and a broken file is one clear error."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dateline.errors import ResourceMissingError
from dateline.yaml_files import packaged_list, packaged_pattern, packaged_table, packaged_words, packaged_yaml


def actor_words(key: str) -> frozenset[str]:
    return packaged_words("actor_aliases.yaml", key, "dateline.codebook")


def test_actor_lexicon_holds_the_actor_word_lists():
    kinds = packaged_table("actor_aliases.yaml", "kind_by_lemma", "dateline.codebook")
    assert kinds["gunman"] == "unidentified_armed" and kinds["protester"] == "protesters"
    assert packaged_table("actor_aliases.yaml", "force_modifiers", "dateline.codebook")["riot"] == "police"
    assert {"masked", "gun-toting"} <= actor_words("armed_words")
    assert {"checkpoint", "convoy"} <= actor_words("position_words")
    assert {"withdraw", "cede"} <= actor_words("leave_verbs")
    assert {"back", "affiliate"} <= actor_words("sponsor_verbs")
    assert {"control", "govern"} <= actor_words("holder_verbs")
    assert {"launch", "deploy"} <= actor_words("launch_verbs")
    assert {"say", "allege"} <= actor_words("report_verbs")
    assert {"die", "drown"} <= actor_words("undergo_verbs")
    assert {"loyal", "aligned"} <= actor_words("loyalty_words")


def test_the_rules_read_the_lists_of_the_data_files():
    from dateline.extraction import actor_phrases, actors

    assert actors.KIND_BY_LEMMA == packaged_table("actor_aliases.yaml", "kind_by_lemma", "dateline.codebook")
    assert actor_phrases._LEAVE_LEMMAS == actor_words("leave_verbs")


def _package_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, text: str) -> str:
    package = tmp_path / "cuepkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / name).write_text(text, encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.delitem(sys.modules, "cuepkg", raising=False)
    return "cuepkg"


def test_a_list_missing_from_its_file_is_one_clear_error(tmp_path, monkeypatch):
    package = _package_with(tmp_path, monkeypatch, "cues.yaml", "launch_verbs: [launch, fire]\n")
    assert packaged_list("cues.yaml", "launch_verbs", package) == ["launch", "fire"]
    with pytest.raises(ResourceMissingError, match=r"cuepkg/cues.yaml has no list 'leave_verbs'"):
        packaged_words("cues.yaml", "leave_verbs", package)
    with pytest.raises(ResourceMissingError, match=r"has no table 'launch_verbs'"):
        packaged_table("cues.yaml", "launch_verbs", package)


def test_a_malformed_file_is_one_clear_error(tmp_path, monkeypatch):
    package = _package_with(tmp_path, monkeypatch, "broken.yaml", "launch_verbs: [launch, fire\n")
    with pytest.raises(ResourceMissingError, match=r"cuepkg/broken.yaml is not valid YAML") as caught:
        packaged_yaml("broken.yaml", package)
    assert "\n" not in str(caught.value)


def test_date_cues_hold_the_words_of_acts_still_to_come():
    from dateline.extraction.packaged import Lexicon

    cues = Lexicon("date_cues.yaml")
    assert {"vow", "due", "going"} <= cues.words("INTENT_HEAD")
    assert {"planned", "upcoming"} <= cues.words("PLANNED_MODIFIER")


def test_a_lexicon_file_that_is_not_valid_yaml_is_one_clear_error(tmp_path, monkeypatch):
    from dateline.extraction import packaged

    package = _package_with(tmp_path, monkeypatch, "bad_cues.yaml", "INTENT_HEAD:\n  words: [plan\n")
    monkeypatch.setattr(packaged, "packaged_yaml", lambda name: packaged_yaml(name, package))
    with pytest.raises(ResourceMissingError, match=r"bad_cues.yaml is not valid YAML"):
        packaged.Lexicon("bad_cues.yaml")


def test_quote_cues_hold_the_words_of_saying():
    assert {"say", "tweet", "testify"} <= packaged_words("quote_cues.yaml", "cue_verbs")
    assert "believe" in packaged_words("quote_cues.yaml", "indirect_verbs")
    assert {"ministry", "authorities"} <= packaged_words("quote_cues.yaml", "org_anaphors")
    assert {"report", "publish"} <= packaged_words("quote_cues.yaml", "report_verbs")
    assert packaged_words("quote_cues.yaml", "citing_verbs") == {"cite", "quote"}


def test_event_rules_read_their_words_from_rule_cues():
    from dateline.extraction.packaged import Lexicon

    rules = Lexicon("rule_cues.yaml")
    assert {"stage", "erupt"} <= rules.words("HELD_VERBS") and "uprising" in rules.words("GENERAL_NOUNS")
    assert rules.regex("WEAK_EVIDENCE").search("Footage shared on SOCIAL MEDIA showed")
    assert "lob" in rules.words("WEAPON_SENDING_VERBS") and "according" in rules.words("ATTRIBUTION_WORDS")
    assert {"regime", "junta"} <= actor_words("ruling_power_names")


def test_sub_type_rules_read_their_single_rule_lists_from_rule_cues():
    from dateline.extraction import classify
    from dateline.extraction.packaged import Lexicon

    rules = Lexicon("rule_cues.yaml")
    assert "gear" in rules.words("RIOT_FORCE_NOUNS") and "anniversary" in rules.words("HISTORY_WORDS")
    assert {"lodge", "convey"} <= rules.words("NOTE_VERBS") and "decry" in rules.words("GRIEVANCE_VERBS")
    assert "enclave" in rules.pattern("HELD_PLACES").split("|")
    assert classify.NOTE_VERBS == rules.words("NOTE_VERBS")


def test_no_data_file_names_a_list_twice():
    """YAML keeps the last of two lists of one name: the first, and every word in it, would be lost unseen."""
    import yaml

    root = Path(__file__).resolve().parents[1] / "src" / "dateline"
    files = [*sorted((root / "data").glob("*.yaml")), *sorted((root / "codebook").glob("*.yaml"))]
    assert files
    for path in files:
        node = yaml.compose(path.read_text(encoding="utf-8"))
        keys = [key.value for key, _ in node.value]
        assert len(keys) == len(set(keys)), f"{path.name} names {sorted({k for k in keys if keys.count(k) > 1})} twice"


def test_fatality_rules_read_their_death_verbs_from_rule_cues():
    from dateline.extraction import fatalities
    from dateline.extraction.packaged import Lexicon

    rules = Lexicon("rule_cues.yaml")
    assert "{BY_HAND}" in rules.pattern("DEATH_VERB") and "{BY_HAND}" not in fatalities._DEATH_VERB
    assert fatalities._BY_HAND in fatalities._DEATH_VERB
    assert "macheted" in rules.pattern("BY_HAND") and "kidnappers?" in rules.pattern("NEUTRALISED")


def test_gathering_words_of_the_context_check_live_in_context_cues():
    from dateline.extraction.packaged import Lexicon

    cues = Lexicon("context_cues.yaml")
    assert "stage" in cues.words("HOLDING_VERBS") and "staged" in cues.words("HOLDING_VERB_FORMS")
    assert "peacefully" in cues.words("PEACEFUL_WORDS")


def test_quote_finder_and_weekday_finder_read_their_words_from_data_files():
    import re

    from dateline.nlp.components import dates, quotes

    assert re.search(packaged_pattern("quote_cues.yaml", "chant_cue"), "they chanted", re.IGNORECASE)
    assert quotes._BLOCK_CUE.pattern == packaged_pattern("quote_cues.yaml", "block_cue")
    assert {"good", "maundy"} <= packaged_words("holidays.yaml", "weekday_names_before")
    assert {"times", "telegraph"} <= dates._WEEKDAY_BLOCK_AFTER
    with pytest.raises(ResourceMissingError, match=r"has no pattern 'weekday_names_before'"):
        packaged_pattern("holidays.yaml", "weekday_names_before")


def test_note_and_claim_patterns_live_in_data_files():
    import re

    trail = re.compile(packaged_pattern("note_phrases.yaml", "trailing_attribution"), re.IGNORECASE)
    assert trail.search("Two men were shot, according to police")
    denial = re.compile(packaged_pattern("quote_cues.yaml", "responsibility_denial"), re.IGNORECASE)
    assert denial.search("The group denied any role") and not denial.search("The group claimed the attack")
    assert re.search(packaged_pattern("quote_cues.yaml", "no_claim"), "No group claimed responsibility", re.IGNORECASE)
