"""A team sheet's surnames are no places: a roll of bare names set apart by semicolons (and its replacements, by
commas) holds people, even where a surname is also a town. Sentences of our own; the rule is
`places._in_roll_of_names` (such a name is no candidate)."""

from __future__ import annotations

from dateline.geo.resolve import geocode_text

TEAM_SHEET = ("Kick-off is at three o'clock.\n\n"
              "Town: Okoro; Selby, Tadcaster, Mbeki, Appleby; Kettering, Nwosu; Ilkley, Garstang (capt), Dunmore. "
              "Replacements: Otley, Ferris, Skipton, Alnwick, Hexham.")


def _mentions(resources, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    return {p.mention for p in geocode_text(text, resources)}


def test_a_team_sheets_surnames_are_no_places(resources) -> None:  # type: ignore[no-untyped-def]
    mentions = _mentions(resources, TEAM_SHEET)
    assert not mentions & {"Selby", "Tadcaster", "Appleby", "Kettering", "Ilkley", "Garstang", "Otley", "Skipton",
                           "Alnwick", "Hexham"}


def test_a_list_of_towns_in_a_sentence_stays_places(resources) -> None:  # type: ignore[no-untyped-def]
    text = "Floods cut roads between Selby, Tadcaster, Appleby, Kettering and Skipton on Monday."
    assert {"Selby", "Tadcaster", "Kettering", "Skipton"} <= _mentions(resources, text)


def test_the_roll_is_read_from_its_separators(resources) -> None:  # type: ignore[no-untyped-def]
    from dateline.nlp.components.places import _in_roll_of_names

    doc = resources.nlp(TEAM_SHEET)
    in_roll = {t.text for t in doc if t.text[:1].isupper() and _in_roll_of_names(doc, t.i, t.i + 1)}
    # the semicolon roll, the captain's bracket and the replacements (commas only, in a document with a roll)
    assert {"Okoro", "Selby", "Garstang", "Dunmore", "Otley", "Hexham"} <= in_roll
    assert not in_roll & {"Kick", "Town", "Replacements"}
    listed = resources.nlp("Floods cut roads between Selby, Tadcaster, Appleby, Kettering and Skipton; Otley, "
                           "Ilkley, Hexham, Alnwick were spared.")
    assert not any(_in_roll_of_names(listed, t.i, t.i + 1) for t in listed if t.text[:1].isupper())
