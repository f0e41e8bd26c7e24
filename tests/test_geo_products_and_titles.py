"""Places: a name written as a product with its kind ("the X operating system", "X gearboxes"), the place of a
peer's title ("Lord X of Y", "the Duke of Y") and the place that ends a work's title ("the film Midnight in Y")
are no places.

Sentences and names are our own; each rule's test was checked to fail without it."""

from __future__ import annotations

from dateline.geo.resolve import geocode_text


def _mentions(resources, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.mention for p in geocode_text(text, resources=resources)}


def test_a_product_named_with_its_kind_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: each product was kept as its namesake town and pulled the text's country vote there
    for text, town in (("Hackers used flaws in the Sedona operating system to take over computers in Leeds.", "Leeds"),
                       ("The Aurora browser has won users since its launch in Dublin last month.", "Dublin"),
                       ("The team fitted Malvern gearboxes to both cars before the race in Bologna.", "Bologna"),
                       ("Sales of the Durango console rose in Canada over Christmas.", "Canada")):
        assert _mentions(resources, text) == {town}, text


def test_a_place_before_a_product_word_and_a_noun_stays(resources) -> None:  # type: ignore[no-untyped-def]
    # the kind then a noun: "software firm", "chip plant" are things in the town
    assert "Cardiff" in _mentions(resources, "A Cardiff software firm opened an office in Dublin on Monday.")
    assert "Dresden" in _mentions(resources, "Workers at the Dresden chip plant went on strike, the union said.")


def test_the_place_in_a_peers_title_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: the place of the peer's title was kept as the town, though the sentence speaks of the person
    assert not _mentions(resources, "The inquiry, chaired by Lord Pemberton of Norwich, reported on Tuesday.")
    assert not _mentions(resources, "Baroness Hale of Leicester, who chaired the committee, said on Monday the "
                                    "rules were too weak.")


def test_a_place_a_peer_speaks_in_stays(resources) -> None:  # type: ignore[no-untyped-def]
    assert _mentions(resources, "Baroness Hale, who chaired the committee, said in Leicester on Monday the rules "
                                "were too weak.") == {"Leicester"}
    assert "Leicester" in _mentions(resources, "Lord Pemberton of Norwich opened a school in Leicester on Monday.")


def test_a_place_that_ends_a_works_title_is_no_place(resources) -> None:  # type: ignore[no-untyped-def]
    # before: the town in the title was kept beside the places where things happen
    for text, town in (("She won praise for the film Midnight in Lisbon, a thriller released last year in Paris.",
                        "Paris"),
                       ("The band's new album, Summer in Havana, went on sale in Madrid on Monday.", "Madrid"),
                       ("Critics in Rome praised films such as Dark Water, Night Train and Ghosts of Tripoli.", "Rome")):
        assert _mentions(resources, text) == {town}, text


def test_places_where_a_work_is_made_or_shown_stay(resources) -> None:  # type: ignore[no-untyped-def]
    assert "Morocco" in _mentions(resources, "The film, shot in the Atlas Mountains of Morocco, won a prize.")
    assert "Syria" in _mentions(resources, "The documentary, filmed by Al Jazeera in Syria, was shown on Monday.")
    assert "Venice" in _mentions(resources, "The film festival in Venice opened on Wednesday.")
