"""PLOVER statements and their export, on sentences written for these tests."""

from __future__ import annotations

import json

import pytest

from dateline.export.plover import plover_jsonl, write_plover_jsonl


def _statements(pipeline, text: str):  # type: ignore[no-untyped-def]
    return pipeline.extract_text(text, publisher="The Courier", published="2021-03-06").statements


def test_condemnation_targets_the_doer_of_the_condemned_deed(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "The bar association condemned the beatings carried out by police against Kenyan lawyers.")
    assert s.plover == "ACCUSE"
    assert s.actor == "Bar association (Kenya)"  # a group described by a noun, named with its country
    assert s.target == "Police Forces of Kenya"


def test_accuse_with_a_person_and_a_group_target(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "On Thursday, Nicolas Maduro accused Venezuelan protesters of working for foreign powers.")
    assert (s.plover, s.actor, s.target) == ("ACCUSE", "Nicolas Maduro", "Protesters (Venezuela)")
    assert s.date is not None and s.date.isoformat() == "2021-03-04"
    assert s.evidence.text.startswith("On Thursday, Nicolas Maduro accused")


def test_statement_keeps_its_cue_word(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The opposition party called on Chilean police to release the detained students."
    (s,) = _statements(pipeline, text)
    assert s.trigger is not None and (s.trigger.text, s.trigger.start) == ("called", text.index("called"))


def test_call_on_is_a_demand_with_its_addressee(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "The opposition party called on Chilean police to release the detained students.")
    assert s.plover == "DEMAND"
    assert s.target == "Police Forces of Chile"


def test_issued_a_statement_gives_the_issuer_and_the_place_in_its_name(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Village elders in Kandahar Province issued a statement condemning the attacks by unknown gunmen "
            "and expressed their support for the families.")
    statements = _statements(pipeline, text)
    assert {s.plover for s in statements} == {"ACCUSE", "SUPPORT"}
    assert all(s.actor == "Village elders (Kandahar)" for s in statements)
    assert all(s.location == "Kandahar" for s in statements)


def test_negated_cue_is_not_a_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "The government did not condemn the attack on the protesters.") == []


def test_threat_and_rejection(pipeline) -> None:  # type: ignore[no-untyped-def]
    kinds = {s.plover for s in _statements(pipeline, "The rebels rejected the truce and threatened the capital.")}
    assert kinds == {"REJECT", "THREATEN"}


def test_plover_jsonl_has_one_record_per_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("The union condemned the arrests. The minister praised the police.",
                                   publisher="The Courier")
    lines = plover_jsonl(report).splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["event"] for r in records[:2]] == [["ACCUSE"], ["SUPPORT"]]
    assert records[0]["actor"] == "Union"
    assert records[0]["claimed_by"] == ["The Courier"]
    assert records[0]["text"] == report.article.text[records[0]["start"] : records[0]["end"]]


def test_write_plover_jsonl_counts_records(pipeline, tmp_path) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("The union condemned the arrests.", publisher="The Courier")
    path = tmp_path / "out.jsonl"
    with path.open("w", encoding="utf-8") as out:
        count = write_plover_jsonl([report, report], out)
    assert count == len(path.read_text(encoding="utf-8").splitlines()) >= 2


def test_extract_cli_writes_plover_jsonl(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from typer.testing import CliRunner

    from dateline.cli import app

    source = tmp_path / "article.txt"
    source.write_text("The union condemned the arrests of striking dockers.\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(source), "--format", "plover"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["event"] for r in records] == [["ACCUSE"]]


def test_passive_accusation_without_its_accuser_is_not_coded(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "The defence minister was accused of lying to parliament.") == []


def test_quantifiers_and_things_do_not_make_statements(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "Some of the new rules were welcomed, and the category demands more checks.") == []


def test_a_denied_act_is_no_verbal_act_and_the_denial_is_a_rejection(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: "denies backing the M23" was a SUPPORT of the M23 by the speaker who denied it
    statements = pipeline.extract_text("Rwanda denies backing the M23 rebels, the foreign ministry said.").statements
    assert [(s.plover, s.actor) for s in statements] == [("REJECT", "Rwanda")]


# One sentence per PLOVER mode dateline codes (manual draft 0.8, each verbal type's "Supplementary fields: modes"),
# with the words the mode is read from.
MODE_SENTENCES = [
    ("The Kenyan foreign minister visited Kampala on Monday.", "CONSULT", "visit", "visited"),
    ("The Kenyan president spoke with his Ugandan counterpart by telephone.", "CONSULT", "phone", "by telephone"),
    ("The two presidents discussed the border dispute in a phone call.", "CONSULT", "phone", "phone call"),
    ("The Kenyan president phoned his Ugandan counterpart on Monday.", "CONSULT", "phone", "phoned"),
    ("The lawyers' union condemned the arrests of journalists in Nairobi.", "ACCUSE", "disapprove", "condemned"),
    ("The interior minister accused opposition leaders of inciting the riots.", "ACCUSE", "allege", "accused"),
    ("The transport union threatened a blockade of the port.", "THREATEN", "restrict", "blockade"),
    ("The interior minister threatened to ban the opposition party.", "THREATEN", "ban", "ban"),
    ("The governor threatened to arrest anyone who joined the march.", "THREATEN", "arrest", "arrest"),
    ("The foreign minister threatened to cut ties with Qatar.", "THREATEN", "relations", "cut ties"),
    ("The president threatened to expel the French ambassador.", "THREATEN", "expel", "expel"),
    ("The prime minister threatened to annex the disputed islands.", "THREATEN", "territory", "annex"),
    ("The militia leader threatened the villagers with violence.", "THREATEN", "violence", "violence"),
    ("The governor appealed for aid for the flood victims.", "DEMAND", "assist", "aid"),
    ("Protesters demanded the resignation of the prime minister.", "DEMAND", "change", "resignation"),
    ("Lawyers urged the police to release the detained students.", "DEMAND", "yield", "release"),
    ("The opposition called for talks with the government.", "DEMAND", "meet", "talks"),
    ("The rebels rejected negotiations with the government.", "REJECT", "meet", "negotiations"),
    ("The rebels rejected the truce.", "REJECT", "yield", "truce"),
]


@pytest.mark.parametrize(("text", "plover", "mode", "words"), MODE_SENTENCES)
def test_mode_is_coded_where_the_sentence_says_it(pipeline, text: str, plover: str, mode: str, words: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, text)
    assert (s.plover, s.mode) == (plover, [mode])
    span = s.mode_evidence[mode]
    assert span.text == words == text[span.start:span.end]


@pytest.mark.parametrize("text", [
    "The two foreign ministers met in Nairobi on Monday.",  # how they met is not said
    "The Kenyan president hosted his Ugandan counterpart.",  # visit is the visitor's mode, not the host's
    "Washington threatened sanctions against Moscow.",  # THREATEN's modes in the draft name no sanction
    "The union urged the government not to release the report.",  # a demand not to yield
    "The rebels rejected the plan during talks in Geneva.",  # the talks say when, not what was rejected
    "The two ministers discussed phone tariffs in Nairobi.",  # what they spoke about, not how
    "The ministry denied that the governor had resigned.",  # a denial rejects a claim, not a demand's content
])
def test_mode_is_null_where_the_sentence_does_not_say_it(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, text)
    assert s.mode == [] and s.mode_evidence == {}
    (record,) = [json.loads(line) for line in plover_jsonl(
        pipeline.extract_text(text, publisher="The Courier")).splitlines()]
    assert record["mode"] is None


def test_mode_travels_to_the_plover_record_as_a_list(pipeline) -> None:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text("The governor threatened to arrest anyone who joined the march.",
                                   publisher="The Courier")
    (record,) = [json.loads(line) for line in plover_jsonl(report).splitlines()]
    assert (record["event"], record["mode"]) == (["THREATEN"], ["arrest"])


@pytest.mark.parametrize("text", [
    "Rebel groups backed by Turkey attacked the town.",
    "The US-backed militia seized the village on Monday.",
    "Iran has backed the militia with weapons and money.",
])
def test_material_backing_is_no_statement_of_support(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == []


@pytest.mark.parametrize("text", ["The senators backed the peace plan on Tuesday.",
                                  "The union backed calls for a general strike."])
def test_backing_a_plan_or_a_call_is_support(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == ["SUPPORT"]


@pytest.mark.parametrize("text, kinds", [
    ("The ministers could discuss the border dispute.", []),
    ("The governor said he would meet the protesters on Friday.", []),
    ("The government refused to negotiate with the strikers.", ["REJECT"]),
    ("The party has agreed to meet the unions.", ["AGREE"]),
    ("The army felt no need to negotiate with the rebels.", []),
    ("The opposition is not willing to meet the government.", []),
    ("He used to visit the minister every week.", []),
])
def test_an_act_wanted_refused_or_possible_is_not_coded_as_done(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize("text", ["The minister continued to criticise the police.",
                                  "The president was quick to condemn the attack."])
def test_an_act_done_through_another_verb_is_still_coded(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == ["ACCUSE"]


@pytest.mark.parametrize("text, kinds", [
    ("The UN has warned of a humanitarian catastrophe if the attack goes ahead.", []),
    ("The director of the agency warned last week of a dramatic rise in attacks.", []),
    ("The army warned of retaliation if the rebels attacked again.", ["THREATEN"]),
])
def test_a_warning_is_a_threat_only_of_the_speakers_own_force(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("In 2015 the governor accused the rebels of burning the market.", []),
    ("The president visits Kampala next month.", []),
    ("On Tuesday the governor accused the rebels of burning the market.", ["ACCUSE"]),
])
def test_an_act_dated_years_back_or_ahead_is_no_news(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


def test_a_call_joined_to_a_report_is_made_by_the_reporting_speaker(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The ministry said the shelling was unacceptable and urged both sides to stop."
    # two acts, as the annotation guide codes them: the judgement (ACCUSE) and the call (DEMAND)
    assert [(s.plover, s.actor) for s in _statements(pipeline, text)] == [("ACCUSE", "Ministry"), ("DEMAND", "Ministry")]


def test_a_call_for_a_clause_is_a_demand(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The opposition leader called for the prisoners to be released."
    assert [s.plover for s in _statements(pipeline, text)] == ["DEMAND"]


def test_a_cue_used_as_an_adjective_is_no_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "Leila Haddad is a visiting fellow at Chatham House.") == []


def test_a_passive_act_is_made_by_the_doer_named_by_by(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "Kenyan opposition leaders were accused by the government of plotting a coup.")
    assert (s.plover, s.actor, s.target) == ("ACCUSE", "Government of Kenya", "Opposition leaders (Kenya)")
    (s,) = _statements(pipeline, "The new ceasefire proposal was welcomed by the opposition party on Tuesday.")
    assert (s.plover, s.actor) == ("SUPPORT", "Opposition party")


@pytest.mark.parametrize("text, kinds", [
    ("Police alleged that the protesters had burned a car.", ["ACCUSE"]),
    ("The rebels spurned the offer of talks.", ["REJECT"]),
    ("Kenyan lawmakers opposed the new tax bill.", ["REJECT"]),
    ("Rebel forces opposing the regime seized the town.", []),
    ("The party chairman defended the decision to close the border.", ["SUPPORT"]),
    ("Soldiers defended the town against the rebels.", []),
    ("The rebels vowed to wage war against the army.", ["THREATEN"]),
    ("The rebels vowed to retaliate against the army.", ["THREATEN"]),
    ("The mayor vowed to rebuild the market.", []),
    ("The mediator pleaded with the rebels to release the hostages.", ["DEMAND"]),
])
def test_cues_of_alleging_spurning_opposing_defending_vowing_and_pleading(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize("text, kind", [
    ("The UN envoy criticised the regime on Monday.", "ACCUSE"),
    ("The government delegation refused the proposal.", "REJECT"),
    ("The regional administration welcomed the ceasefire.", "SUPPORT"),
])
def test_an_office_or_body_named_by_a_common_noun_can_speak(pipeline, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == [kind]


@pytest.mark.parametrize("text, kinds", [
    ("The governor said he would never negotiate with the strikers.", ["REJECT"]),
    ("“We will not allow a rebel base on our border,” the president said.", ["REJECT"]),
    ("The minister warned that they would retaliate against any attack.", ["THREATEN"]),
    ("The minister said the rebels would attack the city.", []),
    ("The minister said he would meet the strikers.", []),
])
def test_an_act_told_through_a_reporting_verb_is_coded_by_what_is_reported(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


def test_a_subject_that_cannot_speak_is_named_by_its_apposition(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "Another ally, Maria Santos, condemned the decision.")
    assert (s.plover, s.actor) == ("ACCUSE", "Maria Santos")


@pytest.mark.parametrize("text, kinds", [
    ("The mayor said the closure of the hospital was a disgrace.", ["ACCUSE"]),
    ("“It is unacceptable to close the clinic,” said the director of the charity.", ["ACCUSE"]),
    ("The mayor said the closure was not unacceptable.", []),
    ("The mayor said the closure of the hospital was temporary.", []),
])
def test_a_condemnation_told_through_a_reporting_verb_is_an_accusation(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("The union insisted on the release of the detained workers.", ["DEMAND"]),
    ("The union insisted that the army must withdraw from the town.", ["DEMAND"]),
    ("The minister insisted he would keep the schools open.", []),
    ("The army insisted that its soldiers had not fired on the crowd.", []),
])
def test_insisting_is_a_demand_only_on_something_or_that_someone_must_act(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("The mayor asked the governor to reopen the market.", ["DEMAND"]),
    ("When asked about the strike, the mayor said nothing.", []),
    ("The mayor asked whether the strike would end.", []),
    ("The strike will go on, said one official, who requested anonymity.", []),
])
def test_asking_is_a_demand_only_of_an_act_and_a_sources_anonymity_is_none(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("The rebels engaged in talks with the army on Monday.", ["CONSULT"]),
    ("The rebels engaged in heavy fighting with the army.", []),
    ("The Kenyan government backed out of the ceasefire agreement.", ["REJECT"]),
])
def test_engaging_in_talks_consults_and_backing_out_of_a_deal_rejects_it(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize("text, kinds", [
    ("The ministry has conceded that the drought cut the harvest.", []),
    ("The president conceded defeat on Tuesday.", ["CONCEDE"]),
])
def test_conceding_a_fact_is_no_concession(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


def test_passive_infinitive_without_a_doer_is_not_coded(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "to be denounced" has no subject of its own: the clause above's subject is the one denounced, not a speaker
    text = "Opponents of the mayor are too often painted as cranks to be denounced or fools to be mocked."
    assert _statements(pipeline, text) == []


def test_an_adverb_of_the_verb_is_no_particle_of_a_cue(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "upside down" modifies "turned": no "turn down", while "turned down the offer" still rejects
    assert _statements(pipeline, "The mayor turned the old square upside down to build a mall.") == []
    (s,) = _statements(pipeline, "The union turned down the offer on Monday.")
    assert s.plover == "REJECT"


def test_held_talks_is_a_consultation(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "Rebel leaders held talks with the envoy on Monday.")
    assert (s.plover, s.trigger.text if s.trigger else None) == ("CONSULT", "held")


@pytest.mark.parametrize("text", [
    "The president was not averse to negotiating with the rebels, his aide said on Monday.",
    "The rebels set preconditions on holding talks with the government.",
])
def test_a_gerund_completing_a_noun_or_adjective_is_no_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, text) == []


def test_a_gerund_hanging_from_a_verb_is_an_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    kinds = [s.plover for s in _statements(pipeline, "The minister flew home after meeting the rebel leaders in Geneva.")]
    assert kinds == ["CONSULT"]


def test_an_act_wanted_of_another_is_not_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    consults = [s for s in _statements(pipeline, "The governor wants the council to meet in the capital.")
                if s.plover == "CONSULT"]
    assert consults == []


def test_charging_a_price_is_no_accusation(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "Smugglers were charging migrants 500 dollars for the crossing last week.") == []


@pytest.mark.parametrize("text", ["Kenyan prosecutors charged the former minister with fraud on Monday.",
                                  "Kenyan prosecutors charged that the former minister had taken bribes."])
def test_charging_someone_with_a_crime_or_charging_that_is_an_accusation(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, text)
    assert (s.plover, s.mode) == ("ACCUSE", ["allege"])


def test_the_accused_is_the_target_of_a_charge(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "Kenyan prosecutors charged the former minister with fraud on Monday.")
    assert s.target is not None and "minister" in s.target


@pytest.mark.parametrize(("text", "plover"), [
    ("The interior minister said on Monday that the occupied airport would not be returned to the rebels.", "REJECT"),
    ("The police chief said on Monday that looters would be arrested.", "THREATEN"),
])
def test_a_reported_passive_intent_is_the_speakers(pipeline, text: str, plover: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, text)
    assert (s.plover, s.trigger.text if s.trigger else None) == (plover, "said")


@pytest.mark.parametrize(("text", "kinds"), [
    ("The rebels said on Monday they were not ready to accept the ceasefire.", ["REJECT"]),
    ("The union leader said on Monday that it was not possible to talk with the mine owners.", ["REJECT"]),
    # the refusal is the statement; the talks it refuses are none
    ("The minister said on Monday it was not prepared to negotiate with the strikers.", ["REJECT"]),
    ("The army chief said on Monday we are ready to retaliate.", ["THREATEN"]),
    ("The army chief said on Monday they were ready to open the bridge.", []),
])
def test_readiness_told_of_the_speakers_side_is_their_intent(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


def test_a_reported_passive_fact_is_no_intent(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "The minister said on Monday that the airport was returned to the army.") == []


@pytest.mark.parametrize("text", [
    "Defence lawyers argued against the request by broadcasters to film the trial.",
    "The envoy countered that the opposition had set no preconditions.",
    "The government rebutted the claims of the striking miners.",
])
def test_a_rebuttal_is_a_rejection(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == ["REJECT"]


def test_a_that_clause_the_parser_hangs_deeper_still_makes_the_rebuttal(nlp) -> None:  # type: ignore[no-untyped-def]
    # a long clause after "countered that": the parser hangs "that" on a clause inside it, not on the cue's own clause
    from spacy.tokens import Doc

    from dateline.extraction.statements import match_cue

    words = ["The", "envoy", "countered", "that", "apart", "from", "one", "remark", "it", "had", "set", "no",
             "conditions", "and", "its", "call", "was", "an", "opinion", "."]
    heads = [1, 2, 2, 10, 10, 4, 7, 5, 10, 10, 16, 12, 10, 10, 15, 10, 2, 18, 16, 2]
    deps = ["det", "nsubj", "ROOT", "mark", "advmod", "prep", "nummod", "pobj", "nsubj", "aux", "csubj", "det", "dobj",
            "cc", "poss", "conj", "ccomp", "det", "attr", "punct"]
    pos = ["DET", "NOUN", "VERB", "SCONJ", "ADV", "ADP", "NUM", "NOUN", "PRON", "AUX", "VERB", "DET", "NOUN", "CCONJ",
           "PRON", "NOUN", "AUX", "DET", "NOUN", "PUNCT"]
    lemmas = ["the", "envoy", "counter", "that", "apart", "from", "one", "remark", "it", "have", "set", "no",
              "condition", "and", "its", "call", "be", "an", "opinion", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas)
    cue = match_cue(doc[2])
    assert cue is not None and (cue.plover, cue.phrase) == ("REJECT", "counter that")


def test_countering_a_deed_is_no_rejection(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "The army countered the rebel offensive with artillery fire.") == []


@pytest.mark.parametrize("text", [
    "The government has long accused the rebel group of smuggling arms.",
    "Party members have always urged the mayor to stay out of national politics.",
])
def test_a_standing_position_is_no_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, text) == []


@pytest.mark.parametrize("text", [
    "Jordan hosts more than 600,000 Syrian refugees and IDPs.",
    "Villagers hosting displaced families have run out of food.",
    "The chancellor welcomed the newcomers and asylum seekers at the border.",
])
def test_taking_in_displaced_people_is_no_verbal_act(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, text) == []


def test_hosting_a_leader_is_still_a_consultation(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, "Turkey hosted the Iranian president on Monday.")] == ["CONSULT"]


@pytest.mark.parametrize("text", [
    "Farmers' unions say the ministry has ignored their letters for months.",
    "The opposition leader said on Monday that the government had failed to protect the villagers.",
])
def test_a_wrong_told_of_another_actor_is_an_accusation(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == ["ACCUSE"]


@pytest.mark.parametrize("text", [
    "Police said on Monday that gunmen had killed five villagers.",
    "The minister said on Monday that we had failed the villagers.",
    "The opposition leader said on Monday that the government had not failed the villagers.",
])
def test_a_report_or_own_failure_is_no_accusation(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text) if s.plover == "ACCUSE"] == []


def test_speaking_to_a_leader_by_phone_is_a_call(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "The Kenyan president spoke to the Ugandan leader by telephone on Monday.")
    assert (s.plover, s.mode) == ("CONSULT", ["phone"])


def test_speaking_to_reporters_is_no_consultation(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "The Kenyan president spoke to reporters in Nairobi on Monday.") == []


@pytest.mark.parametrize(("text", "actor"), [
    ("A spokesman for the Kenyan interior ministry condemned the attack on Monday.", "Interior ministry (Kenya)"),
    ("Amnesty International's spokeswoman condemned the arrests on Monday.", "Amnesty International"),
])
def test_a_spokespersons_statement_is_the_bodys(pipeline, text: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, text)
    assert s.actor == actor


@pytest.mark.parametrize(("text", "plover", "target"), [
    ("Kenya's demands for a ceasefire were rebuffed by Uganda on Monday.", "REJECT", "Kenya"),
    ("The Kenyan minister rejected the union's demands on Monday.", "REJECT", "Union (Kenya)"),
    ("The UN condemned Russia's invasion on Monday.", "ACCUSE", "Russia"),
])
def test_an_act_aimed_at_what_an_actor_said_or_did_targets_the_actor(pipeline, text: str, plover: str, target: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.target for s in _statements(pipeline, text) if s.plover == plover] == [target]


@pytest.mark.parametrize(("text", "actor"), [
    ("A statement issued by the Kenyan opposition party on Monday demanded a recount.", "Opposition party (Kenya)"),
    ("A letter from the teachers' union on Monday urged the governor to resign.", "Union"),
    ("The Kenyan interior ministry's statement on Monday condemned the attack.", "Interior ministry (Kenya)"),
])
def test_a_documents_statement_is_its_issuers(pipeline, text: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, text)
    assert s.actor == actor


@pytest.mark.parametrize("text", [
    "The opposition has previously condemned the ministry over the arrests.",
    "Although the governor had threatened the strikers in the past, he stayed silent on Monday.",
])
def test_an_act_told_as_past_is_background(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, text) == []


@pytest.mark.parametrize(("text", "kinds"), [
    ("The rebel group is asking villagers to hide its fighters.", []),
    ("Students are calling on the governor to resign.", []),
    ("Students called on the governor on Monday to resign.", ["DEMAND"]),
])
def test_a_campaign_going_on_is_no_act_of_the_day(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


def test_an_act_retold_later_in_the_report_is_one_statement(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("The singer denies assault. The trial opened on Monday in Nairobi. "
            "The singer, 46, denies punching a fan and stealing his phone.")
    assert [(s.plover, s.trigger.text if s.trigger else None) for s in _statements(pipeline, text)] == [("REJECT", "denies")]


def test_each_clause_a_reporting_verb_tells_is_its_own_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("The opposition leader said on Monday that the closure was a disgrace. "
            "The opposition leader said the council had failed the villagers.")
    assert [s.plover for s in _statements(pipeline, text)] == ["ACCUSE", "ACCUSE"]


def test_an_act_only_called_for_with_for_and_to_is_not_done(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the parser hangs "for the rector to resign" on "called" as an adverbial clause, so the resignation
    # asked for was coded as the rector's CONCEDE
    kinds = [(s.plover, s.actor) for s in _statements(pipeline, "Students called for the rector to resign.")]
    assert kinds == [("DEMAND", "Students")]


@pytest.mark.parametrize("text", [
    "The rebels now have a chance to rearm and regain the initiative to threaten two valley towns.",
    "The governor now has the opportunity to go back and start to negotiate with the strikers.",
])
def test_an_act_completing_an_act_only_possible_is_not_done(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, text) == []


@pytest.mark.parametrize(("text", "kinds"), [
    ("The health minister resigned in protest at the cuts on Monday.", []),
    ("The health minister resigned on Monday.", ["CONCEDE"]),
])
def test_resigning_in_protest_yields_nothing(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "found"), [
    ("Kenya's demands for a ceasefire were rebuffed by Uganda on Monday.", [("DEMAND", "Kenya"), ("REJECT", "Uganda")]),
    ("The UN's condemnation of the raid came on Monday.", [("ACCUSE", "UN")]),
    ("Calls for a truce grew on Monday.", []),  # no one's act
    ("The minister took a phone call from the governor.", []),  # "call" asks only "for" or "on"
    ("Within days of Kenya's demand for a truce, the fighting resumed.", []),  # an act recalled to say when
])
def test_a_noun_of_an_act_its_speaker_owns_is_a_statement(pipeline, text: str, found: list[tuple[str, str]]) -> None:  # type: ignore[no-untyped-def]
    assert [(s.plover, s.actor) for s in _statements(pipeline, text)] == found


def test_an_act_in_the_past_week_is_news(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The opposition has condemned the ministry three times in the past week."
    assert [s.plover for s in _statements(pipeline, text)] == ["ACCUSE"]


def test_a_date_after_call_is_no_call_on(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "on Monday" dates the call: the president telephoned, he asked nothing of anyone
    kinds = [s.plover for s in _statements(pipeline, "The Kenyan president called the Ugandan leader on Monday.")]
    assert "DEMAND" not in kinds


def test_call_on_an_actor_is_still_a_demand_when_dated(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "The opposition called on Kenyan police on Monday to free the students.")
    assert (s.plover, s.target) == ("DEMAND", "Police Forces of Kenya")


def test_a_gerund_spoken_of_is_no_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "The prime minister spoke of visiting several towns in the north.") == []


def test_an_act_in_a_clause_of_habit_is_no_act(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "The guards searched the house whenever the governor came to visit the rebel commander."
    assert _statements(pipeline, text) == []


@pytest.mark.parametrize("text", ["The rebels announced a ceasefire on Monday.", "The army declared a truce on Monday."])
def test_announcing_a_ceasefire_is_an_agreement(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == ["AGREE"]


@pytest.mark.parametrize("text", ["The governor announced a new budget on Monday.", "The army declared a curfew on Monday."])
def test_announcing_other_things_is_no_agreement(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, text) == []


@pytest.mark.parametrize("text", ["The opposition leader hit out at the government over the arrests.",
                                  "The minister lashed out at critics of the plan."])
def test_hitting_out_at_someone_is_an_accusation(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [(s.plover, s.mode) for s in _statements(pipeline, text)] == [("ACCUSE", ["disapprove"])]


@pytest.mark.parametrize("text", [
    "The defence minister warned on Monday that any attack on the port would be met with force.",
    "The army chief warned on Monday that the rebels would face swift retribution.",
])
def test_a_warning_of_force_is_a_threat(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == ["THREATEN"]


def test_a_warning_of_a_danger_is_no_threat(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert _statements(pipeline, "The minister warned on Monday that the drought would have severe consequences.") == []


def test_congratulating_a_leader_is_support(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "The Kenyan president congratulated the Ugandan leader on his election victory.")
    assert s.plover == "SUPPORT"


@pytest.mark.parametrize(("text", "kinds"), [
    ("The mayor has visited the refugee council before.", []),
    ("The ministry has praised the charity before and has hosted its director.", []),
    ("The mayor visited the refugee council before the vote.", ["CONSULT"]),
])
def test_an_act_told_with_before_is_background(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "actor"), [
    ("On Sunday Okafor angered the unions by condemning the police for the raid.", "Okafor"),
    ("In March Okafor accused the police of torture.", "Okafor"),
    ("April Ryan condemned the police.", "April Ryan"),
])
def test_a_speaker_after_an_opening_day_or_month_is_named_without_it(pipeline, text: str, actor: str) -> None:  # type: ignore[no-untyped-def]
    assert [s.actor for s in _statements(pipeline, text)] == [actor]


@pytest.mark.parametrize(("text", "kinds"), [
    ("The minister said Ghana would retaliate if its fishing boats were seized again.", ["THREATEN"]),
    ("The minister said Ghana would retaliate.", []),
    ("The police said the rebels would attack the town if the army left.", []),
])
def test_a_state_acting_on_a_condition_is_a_threat_of_its_official(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("“I have met the militia commander twice in the prison,” the lawyer said.", []),
    ("“Most of the detainees I visited in the camp were teenagers,” the nurse said.", []),
    ("“I condemn this attack on our nurses,” the governor said.", ["ACCUSE"]),
])
def test_a_witness_telling_what_they_did_makes_no_statement(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("The union warned that the governor was putting nurses at risk by closing the clinics.", ["ACCUSE"]),
    ("The opposition leader said the ministry had placed patients in danger.", ["ACCUSE"]),
    ("The union said the governor was putting the clinics up for sale.", []),
])
def test_putting_others_at_risk_told_by_a_speaker_is_an_accusation(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("The teachers say the ministry has not responded to their letters.", ["ACCUSE"]),
    ("Local officials say it has not answered their pleas for help.", ["ACCUSE"]),
    ("The ministry said it had not responded to the letters yet.", []),
    ("The police said the rebels did not attack the town.", []),
])
def test_what_another_actor_has_not_done_for_the_speaker_is_an_accusation(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("The army has flagged plans to advance on the port town.", ["THREATEN"]),
    ("The rebels unveiled plans to storm the capital.", ["THREATEN"]),
    ("The council announced plans to rebuild the market.", []),
])
def test_a_plan_of_force_made_known_is_a_threat(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("If the rebels reject the offer, the army will attack the town.", []),
    ("The talks collapse unless the minister meets the union leaders.", []),
    ("It is unclear whether the president condemned the attack.", []),
    ("The minister said Ghana would retaliate if its fishing boats were seized again.", ["THREATEN"]),
])
def test_an_act_in_a_clause_of_condition_or_doubt_is_not_coded(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("The police visited the scene of the attack.", []),
    ("The president dismissed the army chief.", []),
    ("The company dismissed 200 workers.", []),
    ("Border guards denied the aid convoy access to the town.", []),
    ("The border police refused the refugees entry.", []),
    ("The envoy visited the rebel commander.", ["CONSULT"]),
    ("The minister dismissed the opposition leader as a traitor.", ["REJECT"]),
    ("The minister dismissed the claims as lies.", ["REJECT"]),
])
def test_a_cue_verb_of_a_deed_is_told_by_its_object(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("The president met reporters at the airport.", []),
    ("The president met with journalists on Monday.", []),
    ("The president met the rebel leaders at the airport.", ["CONSULT"]),
])
def test_meeting_the_press_is_no_consultation(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("Police blamed the crash on icy roads.", []),
    ("The governor blamed the delays on the ministry's incompetence.", ["ACCUSE"]),
    ("The minister blamed the attack on the rebels.", ["ACCUSE"]),
])
def test_a_mishap_blamed_on_a_thing_accuses_no_one(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


def test_a_deed_blamed_on_an_actor_targets_the_actor(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "The minister blamed the attack on the rebels.")
    assert (s.plover, s.target) == ("ACCUSE", "Rebels")


def test_a_named_group_with_no_country_in_the_text_is_named_as_events_name_it(pipeline) -> None:  # type: ignore[no-untyped-def]
    (s,) = _statements(pipeline, "The governor blamed the bombing on Islamic State.")
    assert s.target == "Islamic State (International)"


@pytest.mark.parametrize(("text", "kinds"), [
    ("The minister agreed with the reporter that the situation was bad.", []),
    ("The rebels agreed to a ceasefire on Monday.", ["AGREE"]),
])
def test_agreeing_that_something_is_so_shares_a_view(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


@pytest.mark.parametrize(("text", "kinds"), [
    ("The ministry said in a statement that the ambush was a cowardly act.", ["ACCUSE"]),
    ("The rebel leader said in an interview that they would never negotiate with the junta.", ["REJECT"]),
    ("The ministry said in a statement that the roads were closed.", []),
])
def test_a_clause_reported_in_a_statement_is_read_as_the_reported_clause(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds


def test_thanking_an_actor_is_support(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, "The governor thanked the Red Cross for its work in the camps.")] == ["SUPPORT"]


@pytest.mark.parametrize(("text", "kinds"), [
    ("The opposition accepted the invitation to talks.", ["AGREE"]),
    ("The union accepted the offer from the employers.", ["AGREE"]),
    ("The group accepted responsibility for the attack.", []),
])
def test_accepting_an_offer_or_invitation_is_an_agreement(pipeline, text: str, kinds: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert [s.plover for s in _statements(pipeline, text)] == kinds
