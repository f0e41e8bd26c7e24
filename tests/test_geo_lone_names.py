"""Places: names that only look like places, and a country told by one name many times. Sentences of our own,
none from an evaluation text; each test fails before the change it names."""

from __future__ import annotations

from dateline.geo.resolve import geocode_text

# A wire story filed in Washington about strikes in Iraq: the US has several names in it (Washington, the US,
# the United States), Iraq only one, told again and again.
FILED_ABROAD = ("WASHINGTON, March 3 (Reuters) - The US military said on Tuesday its aircraft struck Islamic State "
                "targets in Iraq. Officials in Washington said the strikes in Iraq were made at the request of Iraq. "
                "The strikes near Hit destroyed a depot, the United States Central Command said. Iraq has asked "
                "the United States for more aircraft.")


def test_a_country_named_again_and_again_is_no_lone_namesake(resources) -> None:  # type: ignore[no-untyped-def]
    # before: the paragraph's countries with one distinct name each (Iraq) were set aside as namesakes abroad,
    # so the US stood alone and the Iraqi town Hit was rejected for it
    hit = next(p for p in geocode_text(FILED_ABROAD, resources) if p.mention == "Hit")
    assert (hit.name, hit.country) == ("Hit", "Iraq"), hit.reason


def test_a_pronoun_in_a_headline_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: NER read "None" as a place, and "None in Syria" as a place inside Syria
    places = geocode_text("Four Airstrikes in Iraq, None in Syria\n\nThe coalition carried out four airstrikes in "
                          "Iraq on Monday.", resources)
    assert "None" not in {p.mention for p in places}


def test_an_armed_group_named_like_a_place_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: NER's one-word GPE "Daesh" became a place at the context's province
    places = geocode_text("Coalition jets destroyed several Daesh assembly areas on Monday, the command said. "
                          "The strikes were in Iraq.", resources)
    assert "Daesh" not in {p.mention for p in places}


def test_a_capitalised_us_is_still_the_united_states(resources) -> None:  # type: ignore[no-untyped-def]
    places = geocode_text("Troops from the US arrived in Kabul on Monday.", resources)
    assert any(p.mention.endswith("US") and p.country == "United States" for p in places)


def test_a_text_without_paragraph_breaks_does_not_place_an_event_pages_away(pipeline) -> None:  # type: ignore[no-untyped-def]
    # before: the whole text was one paragraph, and its most specific place, told 1,500 characters later of
    # other attacks years before, became the place of an unplaced killing
    lost = "Analysts said the group had lost most of its territory and much of its leadership over the past year."
    filler = " ".join([lost] * 14)
    text = ("Published 23 March 2019. Syria. Intelligence officials said fighters close to the leader nearly "
            "succeeded in killing him in January. " + filler + " Attacks inspired by the group struck a concert hall "
            "in Lyon and the Old Port in Marseille years ago.")
    killing = next(e for e in pipeline.extract_text(text).events if e.evidence["sub_event_type"].text == "killing")
    assert killing.country == "Syria"


def _country_of(text: str, mention: str, resources) -> str | None:  # type: ignore[no-untyped-def]
    return next(p.country for p in geocode_text(text, resources) if p.mention == mention)


def test_a_town_of_unknown_size_that_names_its_district_beats_a_namesake_known_by_another_name(resources) -> None:  # type: ignore[no-untyped-def]
    # before: Ras al-Ayn (no population in GeoNames, seat of Ras al-Ayn district) lost to Rosh Ha'Ayin, Israel,
    # which has the name only as one of its other names
    assert _country_of("Fighting broke out in Ras al-Ayn on Sunday, killing three fighters.", "Ras al-Ayn",
                       resources) == "Syria"


def test_a_lone_town_in_a_report_of_war_goes_to_the_namesake_where_the_fighting_is(resources) -> None:  # type: ignore[no-untyped-def]
    # before: Palmyra, Pennsylvania (its own name) beat Tadmur, Syria (Palmyra only as another of its names)
    assert _country_of("The army retook Palmyra on Tuesday after heavy clashes with militants.", "Palmyra",
                       resources) == "Syria"


def test_a_lone_town_in_ordinary_news_keeps_its_namesake_at_peace(resources) -> None:  # type: ignore[no-untyped-def]
    text = "A man was arrested in Palmyra on Tuesday after a fight outside a bar, police said."
    assert _country_of(text, "Palmyra", resources) == "United States"
