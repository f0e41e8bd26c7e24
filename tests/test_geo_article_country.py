"""An event whose sentence names no place takes the country the sentence before it is about, even when that
country is the subject of its own clause ("Somalia is now the stage ..."), rather than a town of a later
paragraph of a one-paragraph story; a speaker country in another sentence ("Israel says ...") still fills in for
nothing. Sentences of our own, none from an evaluation text (the first case checked to fail before the change)."""

from __future__ import annotations

from dateline.model import Place
from dateline.resources import Resources
from tests.test_geo_neighbour_sentences import place_in

STORY = ("After a decade of war, Somalia is now the stage for a dozen rival armed groups and their foreign backers. "
         "The overnight airstrikes only deepened their rivalry. Here are the main players. The junta has relied on "
         "foreign fighters for two years. Diplomats in Mogadishu say talks could resume in the spring.")


def test_a_placeless_event_takes_the_country_of_the_sentence_before_it_not_a_later_town(resources: Resources) -> None:
    place: Place | None = place_in(resources, STORY, "The overnight airstrikes", "airstrikes")
    assert place is not None and place.kind == "country" and place.country == "Somalia", place
    assert place.geo_precision == 3


def test_a_speaker_country_of_the_sentence_before_does_not_place_the_event(resources: Resources) -> None:
    text = ("Police in Kenya arrested two men on Monday. Uganda says it has closed the border crossing. "
            "Three traders were robbed overnight.")
    place = place_in(resources, text, "Three traders", "robbed")
    assert place is None or place.country != "Uganda", place
