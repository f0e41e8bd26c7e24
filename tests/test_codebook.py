"""The ACLED codebook as data: taxonomy, inter/interaction codes, regions, country names."""

from __future__ import annotations

from dateline.codebook import load_codebook

book = load_codebook()


def test_codebook_has_six_event_types_and_twenty_five_sub_types() -> None:
    assert len(book.event_types) == 6
    assert len(book.sub_event_types) == 25


def test_sub_types_belong_to_their_event_types() -> None:
    assert book.event_type_of("Excessive force against protesters") == "Protests"
    assert book.event_type_of("Violent demonstration") == "Riots"
    assert book.event_type_of("Air/drone strike") == "Explosions/Remote violence"
    assert book.event_type_of("Arrests") == "Strategic developments"


def test_disorder_types_follow_the_codebook_exceptions() -> None:
    assert book.disorder_type_of("Peaceful protest") == "Demonstrations"
    assert book.disorder_type_of("Mob violence") == "Political violence"
    assert book.disorder_type_of("Excessive force against protesters") == "Political violence; Demonstrations"
    assert book.disorder_type_of("Armed clash") == "Political violence"


def test_interaction_code_puts_the_lower_inter_code_first() -> None:
    # State forces (1) against Protesters (6) is 16 whichever actor is actor1
    assert book.interaction(6, 1) == 16
    assert book.interaction(1, 6) == 16
    assert book.interaction(6, None) == 60
    assert book.interaction_label(6, 1) == "State forces-Protesters"
    assert book.interaction_label(6, None) == "Protesters only"


def test_inter_labels_are_the_eight_acled_actor_types() -> None:
    assert [book.inter_label(i) for i in range(1, 9)] == [
        "State forces", "Rebel groups", "Political militias", "Identity militias", "Rioters", "Protesters",
        "Civilians", "External/Other forces"]


def test_regions_and_country_names_follow_acled() -> None:
    assert book.region("IRQ") == "Middle East"
    assert book.region("MEX") == "Central America"
    assert book.region("UKR") == "Europe"
    assert book.region("NGA") == "Western Africa"
    assert book.country_name("PSE") == "Palestine"
    assert book.country_name("COD") == "Democratic Republic of Congo"
    assert book.iso3("Iraq") == "IRQ"
    assert book.iso_numeric("IRQ") == 368


def test_every_iso3_has_one_region() -> None:
    from importlib import resources

    import yaml

    data = yaml.safe_load(resources.files("dateline.codebook").joinpath("acled.yaml").read_text(encoding="utf-8"))
    codes = [c for region in data["regions"].values() for c in region]
    assert len(codes) == len(set(codes))


def test_demonyms_name_countries() -> None:
    assert book.demonym_iso3("Iraqi") == "IRQ"
    assert book.demonym_iso3("israeli") == "ISR"


def test_a_lower_case_word_is_no_country_code() -> None:
    # "al", "as", "at" are Arabic articles inside place names ("Ain al-Asad"), not Albania, American Samoa, Austria
    assert [book.iso3(w) for w in ("al", "as", "at", "and")] == [None, None, None, None]
    assert (book.iso3("US"), book.iso3("AF"), book.iso3("Iraq")) == ("USA", "AFG", "IRQ")
