"""The extract stage skips work a cheap test shows cannot matter and keeps what does not change: each shortcut
must give what the full pass gives."""

from __future__ import annotations

import re

from dateline.extraction.classify import TRIGGER_PHRASES, find_triggers
from dateline.extraction.decide import _tokens_before
from dateline.extraction.packaged import any_of
from dateline.nlp.text import doc_ents, span_ents, tokens_with_lemma


def test_joined_patterns_match_exactly_when_one_does() -> None:
    joined = any_of([r"\btook to the streets?\b", r"\bthrew (?:\w+ )?stones\b"])
    assert joined.search("hundreds took to the streets of the capital")
    assert joined.search("youths threw heavy stones at a patrol")
    assert not joined.search("the minister took the stage and threw a party")


def test_every_trigger_phrase_is_found_through_the_joined_pattern() -> None:
    joined = any_of([pattern for pattern, _ in TRIGGER_PHRASES])
    for sample in ("farmers blocked the main highway", "residents came out onto the streets",
                   "they held a sit-in outside parliament"):
        assert joined.search(sample)
        assert any(re.search(pattern, sample) for pattern, _ in TRIGGER_PHRASES)


def test_a_back_reference_keeps_every_text() -> None:
    # joined, "(a)\1" would refer to another pattern's group: the joined regex then lets every text through
    assert any_of([r"(\w)\1", r"\bstoned\b"]).search("nothing here")
    assert any_of([r"(?P<w>\w)(?P=w)"]).search("plain")


def test_phrase_and_word_triggers_of_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Farmers blocked the main highway near the capital on Monday, and police arrested six of them.")
    families = {(t.text, t.family) for t in find_triggers(next(iter(doc.sents)))}
    assert ("blocked the main highway", "blockade") in families
    assert any(text == "arrested" for text, _ in families)


def test_a_sentence_with_no_phrase_keeps_its_word_triggers(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Gunmen killed three villagers in an attack on Sunday.")
    texts = [t.text for t in find_triggers(next(iter(doc.sents)))]
    assert "killed" in texts and "attack" in texts


def test_headline_tokens_are_those_that_start_before_its_end(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Troops clash with rebels in the north\n\nTroops and rebels clashed near the border on Sunday.")
    headline_end = doc.text.index("\n")
    words = [t.text for t in _tokens_before(doc, headline_end)]
    assert words == ["Troops", "clash", "with", "rebels", "in", "the", "north"]
    assert [t.text for t in _tokens_before(doc, 3)] == ["Troops"]  # a token begun before the end is in
    assert list(_tokens_before(doc, 0)) == []
    assert len(list(_tokens_before(doc, len(doc.text) + 5))) == len(doc)


def test_kept_entities_are_the_document_and_span_entities(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("President Joe Biden met Kenyan officials in Nairobi on Monday. "
              "Later, Amnesty International said 12 people died in Mombasa.")
    assert doc_ents(doc) == doc.ents
    for sent in doc.sents:
        assert span_ents(sent) == list(sent.ents)
    # a span cut inside an entity: spaCy stops at the first entity that starts inside and runs past its end
    for start in range(len(doc)):
        for end in range(start, len(doc) + 1):
            assert span_ents(doc[start:end]) == list(doc[start:end].ents)


def test_kept_entities_follow_the_document(nlp) -> None:  # type: ignore[no-untyped-def]
    first = nlp("Gunmen attacked a police post in Kano.")
    second = nlp("Protesters marched in Lagos and Abuja.")
    assert [e.text for e in doc_ents(first)] == [e.text for e in first.ents]
    assert [e.text for e in doc_ents(second)] == ["Lagos", "Abuja"]
    assert doc_ents(first) == first.ents


def test_cue_verbs_found_from_the_arrays_as_by_each_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister said the army had condemned the attack. Police, who say little, will report it; "
              "a Say Media report was cited.")
    said = tokens_with_lemma(doc, frozenset({"VERB", "AUX"}), {}, lambda lemma: lemma.lower() in {"say", "report"})
    assert said == [t.i for t in doc if t.lemma_.lower() in {"say", "report"} and t.pos_ in {"VERB", "AUX"}]
    assert [doc[i].text for i in said][:2] == ["said", "say"]
    assert "report" not in {doc[i].lower_ for i in said if doc[i].pos_ == "NOUN"}  # the noun is left out
    assert tokens_with_lemma(nlp.make_doc(""), frozenset({"VERB"}), {}, lambda lemma: True) == []


def test_statements_and_indirect_quotes_still_found(pipeline) -> None:  # type: ignore[no-untyped-def]
    from dateline.ingest import article_from_text

    report = pipeline.extract_article(article_from_text(
        "The foreign ministry condemned the air strike on Monday. The governor said that the curfew would "
        "remain in force until Friday.", published="2024-03-14"))
    assert any(s.plover == "ACCUSE" for s in report.statements)
    assert any(q.kind == "indirect" and q.span.text.startswith("the curfew would remain") for q in report.quotes)


def test_cues_searched_on_demand_are_those_searched_at_once() -> None:
    from dateline.extraction.classify import CUE, _CuesOf

    for low in ("police fired tear gas at protesters who threw stones", "an air strike hit a market in the town",
                "gunmen abducted two aid workers on the highway", "the council approved the budget"):
        has = _CuesOf(low)
        assert {name: has[name] for name in CUE} == {name: bool(rx.search(low)) for name, rx in CUE.items()}
    has = _CuesOf("an israeli strike on a house")
    has["air"] = True  # the rules may overrule a cue
    assert has["air"] is True
    assert _CuesOf("an air strike hit a market")["air"] is True
    assert _CuesOf("the council approved the budget")["protest"] is False


def test_sub_types_read_from_cues_on_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import only_event

    event = only_event(pipeline, "Police fired tear gas at hundreds of teachers protesting over unpaid salaries in "
                                 "Nairobi on Monday.", published="2024-03-14")
    assert event.sub_event_type == "Protest with intervention"  # tear gas on a crowd, no one hurt (codebook)
    air = only_event(pipeline, "A military air strike killed six fighters in a village near Kidal on Tuesday.",
                     published="2024-03-14")
    assert air.sub_event_type == "Air/drone strike"


def test_joined_patterns_keep_their_flags_and_refuse_inline_ones() -> None:
    joined = any_of([r"\bso-called\b", r"\bpatriots?\b"], re.IGNORECASE)
    assert joined.search("The SO-CALLED referendum") and joined.search("Patriots rallied")
    assert not any_of([r"\bso-called\b"]).search("The SO-CALLED referendum")
    assert any_of([r"(?i)\bpatriots?\b", r"\bloyal\b"]).search("nothing of the kind")  # cannot join: lets it through


def test_loaded_language_found_through_the_joined_patterns(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.source import loaded_language

    text = "The so-called election was a farce, the opposition said. Officials met on Tuesday."
    found = [(s.span.text, s.category) for s in loaded_language(nlp(text), text)]
    assert any("so-called" in t for t, _ in found)
    plain = "Officials met on Tuesday to discuss the budget."
    assert not any("budget" in s.span.text for s in loaded_language(nlp(plain), plain))


def test_loaded_words_found_from_the_arrays_as_by_each_token(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.source import _listed_tokens, load_lexicon

    doc = nlp("The REGIME's thugs attacked; the regimes of mullahs fell. Officials met on Tuesday.")
    lemmas = frozenset().union(*(entry.lemmas for entry in load_lexicon()))
    plain = [t.i for t in doc if t.lower_ in lemmas or t.lemma_.lower() in lemmas]
    assert _listed_tokens(doc) == plain
    assert [doc[i].text for i in plain] == ["REGIME", "thugs", "regimes", "mullahs"]  # by the word or its lemma
    assert _listed_tokens(nlp("Officials met on Tuesday.")) == []
    assert _listed_tokens(nlp.make_doc("")) == []


def test_claim_markers_found_once_per_document_as_by_each_token(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.claims import REPORT_LEMMAS, _markers

    doc = nlp("According to the ministry, rebels attacked a convoy. The agency quoted a commander as saying "
              "troops, who cite old grievances, withdrew. Police reported the attack, the BBC added.")
    sources, reporting = _markers(doc)
    assert sources == [t.i for t in doc if t.lower_ == "according"
                       or (t.lemma_.lower() in ("cite", "quote") and t.pos_ == "VERB")]
    assert reporting == [t.i for t in doc if t.lemma_.lower() in REPORT_LEMMAS and t.pos_ in ("VERB", "AUX")]
    assert {doc[i].lower_ for i in sources} >= {"according", "quoted"}
    assert {doc[i].lower_ for i in reporting} >= {"reported", "added"}
    assert _markers(nlp.make_doc("")) == ([], [])


def test_any_known_actor_matches_exactly_when_one_actor_pattern_does(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.actors import any_known_actor, known_actors

    book = resources.codebook
    joined = any_known_actor(book)
    for text in ("Hamas fighters fired rockets at the town", "Al-Shabaab militants attacked a base",
                 "Boko  Haram gunmen raided the village", "the TALIBAN took the district", "xHamas is no name",
                 "the committee met on Tuesday", "Shabaabs", "",
                 # grouped by first character: an acronym only as written, a name in any case, the Kelvin sign a K
                 "HTS fighters entered the town", "hts fighters", "ISWAP attacked", "iswap",
                 "\u212aataib Hezbollah fired", "a ka taib"):
        assert bool(joined.search(text)) == any(k.pattern.search(text) for k in known_actors(book)), text
    assert joined.search("Hamas fighters fired rockets at the town") and joined.search("HTS fighters entered the town")
    assert not joined.search("the committee met on Tuesday") and not joined.search("hts fighters")


def test_named_group_still_found_as_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    from tests.conftest import only_event

    event = only_event(pipeline, "Al-Shabaab militants attacked a military base in Lower Shabelle on Sunday, "
                                 "killing four soldiers.", published="2024-03-14")
    assert event.actor1 == "Al Shabaab"  # ACLED's name for the group


def _plain_alternation(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) + r")\b",
                      re.IGNORECASE)


def test_cue_words_indexed_by_first_letter_match_as_the_plain_list() -> None:
    from dateline.extraction.packaged import word_alternation

    words = ["killed", "killed in action", "kill", "Kidnap", "shelling", "shell", "so far", "since", "3-day",
             "in total", "in all", "ambush", "al-", "Ägypten"]
    text = ("Gunmen KILLED in action three soldiers; shelling and a shell killed two. So far, since May, a 3-day "
            "ambush killed in all five, IN TOTAL nine; kill, kidnap and Kidnapped. The al-Shabaab raid ended.")
    for chosen in (words, words[:-1]):  # with and without a word whose first letter is not ASCII
        indexed = re.compile(r"\b" + word_alternation(chosen) + r"\b", re.IGNORECASE)
        plain = _plain_alternation(chosen)
        assert [m.span() for m in indexed.finditer(text)] == [m.span() for m in plain.finditer(text)]
        for word in chosen:  # each word alone, in three cases, as the plain list finds it
            for sample in (f"they {word} it", f"They {word.upper()}.", f"{word.title()} then"):
                assert [m.span() for m in indexed.finditer(sample)] == [m.span() for m in plain.finditer(sample)]


def test_case_insensitive_ascii_letters_match_disjoint_characters() -> None:
    # the first-letter index is exact only if no character matches two different ASCII first letters, and if a
    # letter in a class matches what the letter alone does (Kelvin sign, long s and dotted I included)
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    seen: set[str] = set()
    for letter in "abcdefghijklmnopqrstuvwxyz0123456789-'":
        alone = set(re.findall(re.escape(letter), every, re.IGNORECASE))
        assert alone == set(re.findall(f"[{re.escape(letter)}]", every, re.IGNORECASE))
        assert not alone & seen
        seen |= alone


def test_article_cue_counts_through_the_indexed_lists() -> None:
    from importlib import resources

    import yaml

    from dateline.extraction.packaged import cue_lists

    text = ("Clashes erupted after troops opened fire on protesters; the army said militants attacked a checkpoint. "
            "Shares rose as the central bank cut interest rates, and the football season opened.")
    table = yaml.safe_load(resources.files("dateline").joinpath("data/event_cues.yaml").read_text(encoding="utf-8"))
    for name, pattern in cue_lists("event_cues.yaml").items():
        assert pattern.findall(text) == _plain_alternation(table[name]).findall(text), name
    assert cue_lists("event_cues.yaml")["conflict"].findall(text)  # the text holds cue words to count


def test_joined_patterns_with_lookahead_find_what_the_plain_join_does() -> None:
    from dateline.extraction.source import load_lexicon

    loaded = [entry.regex.pattern for entry in load_lexicon() if entry.regex is not None]
    texts = ["farmers blocked the main highway with tractors", "residents came out onto the streets at dawn",
             "they held a sit-in outside parliament", "hundreds took to the streets; youths threw stones",
             "The so-called referendum was a farce, our nation's pride, said the self-styled patriots.",
             "It is what it is: enough is enough, and the whole world knows who is behind it.",
             "Nothing in this sentence is loaded or a protest.", "  12 (x) - SO-CALLED", ""]
    for patterns, flags in (([p for p, _ in TRIGGER_PHRASES], 0), (loaded, re.IGNORECASE)):
        joined = any_of(patterns, flags)
        assert joined.pattern.startswith("(?=")  # the lookahead is in use
        plain = re.compile("|".join(f"(?:{p})" for p in patterns), flags)
        for text in texts:
            for pos in range(len(text) + 1):  # from every position: the same first match, or none
                got, want = joined.search(text, pos), plain.search(text, pos)
                assert (got and got.span()) == (want and want.span()), (text, pos)


def _plain_tree_walk(trees, features: dict[str, float]) -> float:  # type: ignore[no-untyped-def]
    """The walk over the four flat arrays, as first written."""
    x = {trees.column[name]: value for name, value in features.items() if name in trees.column}
    total = trees.baseline
    for node in trees.roots:
        while trees.left[node] != -1:
            go_left = x.get(trees.feature[node], 0.0) <= trees.threshold[node]
            node = trees.left[node] if go_left else trees.right[node]
        total += trees.value[node]
    return total


def test_tree_walk_of_all_trees_at_once_gives_the_plain_walk_to_the_bit() -> None:
    import random

    from dateline.extraction.decide import event_model

    trees = event_model().trees
    assert trees is not None and trees.arrays[0][trees.roots[0]] == trees.feature[trees.roots[0]]
    used = sorted({trees.names[f] for f, left in zip(trees.feature, trees.left, strict=True) if left != -1})
    rng = random.Random(7)
    for _ in range(300):
        features = {name: rng.choice([0.0, 1.0, rng.random(), rng.uniform(-3, 30)])
                    for name in rng.sample(used, rng.randint(0, 40))}
        features["not_a_feature_of_the_trees"] = 1.0
        assert trees.log_odds(features) == _plain_tree_walk(trees, features)


def test_places_told_per_sentence_are_the_places_each_sentence_writes(pipeline, nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.events import _places_told
    from dateline.nlp.text import span_text

    text = ("Police fired tear gas at marchers in Mombasa, Kisumu and Nakuru on Friday.   In Nakuru, one man died. "
            "Shops stayed shut.\n\nIn Kisumu, the march ended peacefully near Kondele.")
    report = pipeline.extract_text(text, published="2024-03-14")
    doc = nlp(report.article.text)
    sentences = [(s.start_char, 0, span_text(s)) for s in doc.sents]
    told = _places_told(sentences, report.places)
    plain = [{p.mention for p in report.places if start <= p.span.start < start + len(said)}
             for start, _, said in sentences]
    assert [set(t) for t in told] == plain
    assert {"Mombasa", "Kisumu", "Nakuru"} <= plain[0] and "Nakuru" in plain[1] and not plain[2]


def test_shipped_yaml_is_read_with_the_c_loader_and_gives_the_pure_python_loaders_data() -> None:
    # the C loader cut a fifth of `dateline extract`'s cold start; it must build exactly what SafeLoader builds
    from importlib import resources

    import yaml

    from dateline import yaml_files

    if yaml.__with_libyaml__:
        assert yaml_files._LOADER is yaml.CSafeLoader
    package = resources.files("dateline")
    texts = [p.read_text(encoding="utf-8") for folder in ("data", "codebook") for p in package.joinpath(folder).iterdir()
             if p.name.endswith(".yaml")]
    assert len(texts) >= 10
    for text in texts:
        assert yaml_files.load_yaml(text) == yaml.load(text, Loader=yaml.SafeLoader)


def test_a_text_counted_again_shares_its_count_which_no_caller_can_change() -> None:
    import dataclasses

    import pytest

    from dateline.extraction.fatalities import count_fatalities

    text = "Gunmen killed five villagers on Monday; two soldiers were killed in a separate attack."
    first = count_fatalities(text)
    assert count_fatalities(text) is first
    assert count_fatalities(text + " ") == first  # a new text is counted: the same figures
    with pytest.raises(dataclasses.FrozenInstanceError):
        first.value = 1  # type: ignore[misc]


def test_needed_words_are_found_wherever_a_pattern_matches() -> None:
    from dateline.extraction.packaged import _needed, any_needed

    patterns = [re.compile(r"\b(?:killing|killed)\s+(?:at least\s+)?\d+\b", re.IGNORECASE),
                re.compile(r"\b\d+\s+(?:people|men)\s+(?:were\s+)?(?:found dead|slain)\b"),
                re.compile(r"\btoll\s+(?:rose\s+)?to\s+\d+")]
    gate = any_needed(patterns)
    for text in ("Gunmen KILLED at least 5 on Monday", "3 men were found dead", "4 people slain", "the toll to 7",
                 "7 people slain ", "Police met 4 men", "no one was hurt", "the toll rose to 9"):
        assert bool(gate.search(text)) or not any(p.search(text) for p in patterns), text
    assert not gate.search("Police met 4 men; no one was hurt")
    assert _needed(re._parser.parse(r"(?:at least )?\d+ dead|died").data) == {"died", " dead"}
    assert any_needed([re.compile(r"\d+\s+\w+")]).search("anything")  # no literal needed: every text passes


def test_a_text_no_figure_pattern_can_match_counts_no_dead_at_once() -> None:
    from dateline.extraction import fatalities

    assert fatalities._ANY_FIGURE.pattern  # every figure pattern has words it needs, so the gate skips texts
    for text in ("Protesters marched through the capital on Friday.", "Rebels attacked a convoy near Gao.",
                 "Two soldiers were wounded and a civilian was killed.", "The men were beaten to death.",
                 "A gunman killed three people before he was shot dead.", "The death toll rose to 14."):
        figure_matches = any(p.search(text) for p in fatalities._FIGURE_PATTERNS)
        assert bool(fatalities._ANY_FIGURE.search(text)) or not figure_matches, text
        if not figure_matches:
            assert fatalities.count_fatalities(text) == fatalities.FatalityCount()
    assert fatalities.count_fatalities("Two soldiers were wounded and a civilian was killed.").value == 1


def test_ids_equal_to_any_of_a_few_values_exactly() -> None:
    import numpy as np

    from dateline.nlp.text import equal_to_any

    big = 2**64 - 5  # string-store hashes fill all 64 bits
    column = np.array([big, 7, 2**63 - 2, big - 1, 7, 0], dtype=np.uint64)
    for values in ([big, 7], [2**63 - 1], [0], [], [big - 1, 2**63 - 2, 3]):
        assert equal_to_any(column, values).tolist() == [x in values for x in column.tolist()], values
    assert equal_to_any(column, [big, 7]).tolist()[3] is False  # a hash one below another is another word
    assert equal_to_any(np.array([], dtype=np.uint64), [1]).tolist() == []
