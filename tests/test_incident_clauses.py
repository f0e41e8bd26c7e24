"""Two incidents told in one sentence are two events; one incident told from both sides stays one (codebook: an
event is one incident at its own place and time). Sentences written for these tests."""

from __future__ import annotations


def _events(pipeline, text: str) -> list[tuple[str | None, str | None, int | None]]:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text, published="2021-06-09")
    return [(e.sub_event_type, e.location, e.fatalities) for e in report.events]


def test_two_incidents_in_two_places_told_in_one_sentence_are_two_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = ("Gunmen killed three herders near Gao on Monday and an air strike killed six fighters near Kidal "
            "on Tuesday, officials said.")
    assert sorted(_events(pipeline, text), key=lambda e: str(e[1])) == [
        ("Attack", "Gao", 3), ("Air/drone strike", "Kidal", 6)]


def test_one_incident_told_from_both_sides_stays_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _events(pipeline, "Police fired tear gas and protesters threw stones in Nairobi on Monday.")
    assert len(events) == 1 and events[0][1] == "Nairobi"


def test_two_acts_of_one_subject_in_two_places_are_two_events_that_share_actor_and_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the second verb shared the subject, so the sentence stayed one event (an abduction with the first
    # act's dead, at the first place)
    report = pipeline.extract_text("Boko Haram fighters killed four soldiers in Gwoza and abducted 12 farmers in "
                                   "Bama on Sunday.", published="2021-06-09")
    found = sorted((e.sub_event_type, e.location, e.fatalities, e.actor1, str(e.event_date)) for e in report.events)
    boko = "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"
    assert found == [("Abduction/forced disappearance", "Bama", None, boko, "2021-06-06"),
                     ("Armed clash", "Gwoza", 4, boko, "2021-06-06")]


def test_two_acts_of_one_subject_at_one_place_stay_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    assert len(_events(pipeline, "Gunmen stormed the village, killed five residents and burned houses in "
                                 "Zamfara on Sunday.")) == 1


def _dated(pipeline, text: str) -> list[tuple[str | None, str | None, str]]:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text, published="2021-06-09")
    return sorted((e.sub_event_type, e.location, str(e.event_date)) for e in report.events)


def test_two_incidents_joined_by_while_are_two_events_each_with_its_place_and_day(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the "while" clause was read as the main act's circumstance, one strike coded with the rebels as doer
    text = ("A drone strike killed four fighters near Maarat al-Numan on Saturday, while rebels shelled "
            "a village near Hama on Sunday.")
    found = _dated(pipeline, text)
    assert [(sub, day) for sub, _, day in found] == [
        ("Air/drone strike", "2021-06-05"), ("Shelling/artillery/missile attack", "2021-06-06")]
    strike = next(e for e in pipeline.extract_text(text, published="2021-06-09").events
                  if e.sub_event_type == "Air/drone strike")
    assert strike.actor1 != "Opposition Rebels (Syria)"


def test_two_incidents_parted_by_a_semicolon_are_two_events(pipeline) -> None:  # type: ignore[no-untyped-def]
    text = "A landmine killed three soldiers near Menaka on Monday; gunmen shot dead a trader in Gao on Tuesday."
    assert _dated(pipeline, text) == [("Attack", "Gao", "2021-06-08"),
                                      ("Remote explosive/landmine/IED", "Menaka", "2021-06-07")]


def test_a_while_clause_at_the_same_place_and_time_stays_one_event(pipeline) -> None:  # type: ignore[no-untyped-def]
    events = _dated(pipeline, "Police fired tear gas in Mombasa on Monday while protesters threw stones at them.")
    assert len(events) == 1


def _dated_with_tolls(pipeline, text: str) -> list[tuple[str | None, str, int | None]]:  # type: ignore[no-untyped-def]
    report = pipeline.extract_text(text, published="2024-03-14")
    return sorted((e.sub_event_type, str(e.event_date), e.fatalities) for e in report.events)


def test_an_armed_act_counted_back_by_days_is_an_incident_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: only the retaking came out; the storming three days before gave no candidate at all
    found = _dated_with_tolls(pipeline, "Troops recaptured the town of Menaka on Friday, three days after rebels stormed "
                             "the army base there.")
    assert ("Armed clash", "2024-03-05", None) in found
    assert ("Government regains territory", "2024-03-08", None) in found


def test_a_killing_counted_back_before_a_march_is_proposed_with_its_own_dead(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _dated_with_tolls(pipeline, "Hundreds of students marched in Rajshahi on Sunday, two days after police shot dead "
                             "a protester.")
    assert ("Peaceful protest", "2024-03-10", None) in found
    assert ("Excessive force against protesters", "2024-03-08", 1) in found


def test_a_killing_with_a_day_of_its_own_after_a_protest_is_proposed(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _dated_with_tolls(pipeline, "Protests broke out in Lubumbashi on Tuesday after soldiers killed two demonstrators "
                             "on Sunday.")
    assert ("Excessive force against protesters", "2024-03-10", 2) in found


def test_an_act_years_before_or_with_no_day_of_its_own_is_no_new_incident(pipeline) -> None:  # type: ignore[no-untyped-def]
    # background ("a year after"), and the cause of the main act told with no day of its own
    assert [e[0] for e in _dated_with_tolls(pipeline, "Students marched in Rajshahi on Sunday, a year after police shot dead "
                                           "a protester.")] == ["Peaceful protest"]
    assert len(_dated_with_tolls(pipeline, "Two soldiers were killed near Ansongo on Monday after their vehicle hit a roadside "
                                "bomb.")) == 1


def test_a_lone_day_inside_the_after_clause_dates_the_main_act_and_adds_no_incident(pipeline) -> None:  # type: ignore[no-untyped-def]
    found = _dated_with_tolls(pipeline, "Gendarmes arrested 30 people after farmers blocked the ring road in Rennes on Tuesday.")
    assert len(found) == 1


def test_a_duration_inside_the_after_clause_names_no_day_of_its_own(pipeline) -> None:  # type: ignore[no-untyped-def]
    # "in as many days" measures the killings, it does not date them: no incident apart, only the march
    assert [e[0] for e in _dated_with_tolls(pipeline, "Thousands marched in Lagos on Friday after police killed three "
                                                      "protesters in as many days.")] == ["Peaceful protest"]
    # a day of the clause's own still tells an incident apart
    assert len(_dated_with_tolls(pipeline, "Thousands marched in Lagos on Friday after police shot dead three "
                                           "protesters on Tuesday.")) == 2


def test_the_documents_index_of_after_words_finds_the_sentences_a_walk_over_their_words_finds(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.events import _EARLIER_MARKS, _earlier_marks, _holds_word

    doc = nlp("Soldiers killed four militants on Wednesday, two days after an attack. Police said nothing. "
              "FOLLOWING the raid, troops left. After the storm, calm returned; afterwards, markets opened. "
              "Crowds gathered after")
    by_walk = [any(t.lower_ in _EARLIER_MARKS for t in sent) for sent in doc.sents]
    assert by_walk.count(True) >= 3 and by_walk.count(False) >= 1  # (the text holds both kinds of sentence)
    assert [_holds_word(_earlier_marks(doc), sent.start, sent.end) for sent in doc.sents] == by_walk


def test_a_clause_with_no_trigger_spares_the_other_clauses_candidates(resources, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the split stands only when every clause yields a candidate: with one that names no act, only the whole
    # sentence's candidate is worked out, and it is the one proposed
    from dateline.extraction import events as events_mod
    from dateline.ingest import article_from_text

    text = "Police fired tear gas at protesters in Nairobi on Monday and the crowd went home."
    article = article_from_text(text, published="2021-06-09")
    doc = resources.nlp(text)
    sent = next(iter(doc.sents))
    assert len(events_mod._coordinated_clauses(sent)) == 2
    worked_out = []
    whole = events_mod._sentence_candidate

    def counted(span, *args, **kwargs):  # type: ignore[no-untyped-def]
        worked_out.append(span.text)
        return whole(span, *args, **kwargs)

    monkeypatch.setattr(events_mod, "_sentence_candidate", counted)
    found = events_mod._incidents_of_sentence(sent, article, events_mod._paragraphs(text), [], [], resources.codebook,
                                              False)
    assert worked_out == [text]
    assert len(found) == 1 and found[0][0] is not None and found[0][0].sentence.text == text


def test_the_documents_index_of_clause_openers_cuts_sentences_as_a_walk_over_their_words_does(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.extraction.events import _CLAUSE_OPENERS_KEY, _clause_openers, _coordinated_clauses

    text = ("Gunmen killed three herders near Gao on Monday and an air strike killed six fighters near Kidal. "
            "A bomb killed two soldiers in Kidal on Monday; gunmen shot dead a teacher in Gao on Tuesday. "
            "Police fired tear gas in Nairobi, while rebels shelled a village in Hama. "
            "Militants killed four soldiers in Borno and abducted 12 farmers in Zamfara, officials said. "
            "The market was quiet on Friday. Residents stayed at home.")
    indexed = nlp(text)
    cuts = [[c.text for c in _coordinated_clauses(s)] for s in indexed.sents]
    walked = nlp(text)
    walked.user_data[_CLAUSE_OPENERS_KEY] = list(range(len(walked)))  # every word may open a clause: walk them all
    assert [[c.text for c in _coordinated_clauses(s)] for s in walked.sents] == cuts
    assert sum(len(c) > 1 for c in cuts) >= 3 and sum(len(c) == 1 for c in cuts) >= 2
    assert len(_clause_openers(indexed)) < len(indexed) / 4  # (the plain sentences are answered by the index)
