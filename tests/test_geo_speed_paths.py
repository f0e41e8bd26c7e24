"""The candidate passes read token attributes from one table built per document (nlp.text.DocWords) and words by
orth id (person names, nationality words): the faster paths must give what reading each Token gives."""

from __future__ import annotations

import gc

from dateline.geo.models import (
    _find_names_by_role,
    _in_a_listed_word,
    _role_before,
    _word_at,
    cues,
    person_names,
    toponym_features,
)
from dateline.geo.resolve import _demonym_tokens
from dateline.nlp.components.places import (
    Candidate,
    _entity_rows,
    _mark_quarters_of_towns,
    lookup_name,
    propose_toponyms,
)
from dateline.nlp.text import DocWords, cap_text, doc_entities, doc_words, words_text

TEXT = ("Gunmen from the Al-Shabaab group attacked Pol-e Dokhtar and Umm Qaşr; President Ruto's aide said "
        "Kenyan and Somali troops (AMISOM) held el Mina . Commissioner Otieno , 3rd Street, ØRSTED — ok.")


def test_token_table_matches_each_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(TEXT)
    tk = DocWords(doc)
    assert tk.n == len(doc)
    assert tk.text == tuple(t.text for t in doc)
    assert tk.lower == tuple(t.lower_ for t in doc)
    assert tk.ws == tuple(t.whitespace_ for t in doc)
    assert tk.alpha == tuple(t.is_alpha for t in doc)
    assert tk.punct == tuple(t.is_punct for t in doc)
    assert tk.idx == tuple(t.idx for t in doc)
    assert tk.cap == tuple(cap_text(t.text) for t in doc)


def test_token_table_of_an_empty_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    assert DocWords(nlp.make_doc("")).n == 0


def test_token_table_of_a_one_word_doc(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Mogadishu ")
    tk = DocWords(doc)
    assert (tk.n, tk.text, tk.idx, tk.ws, tk.sent_start) == (1, ("Mogadishu",), (0,), (" ",), (True,))


def test_person_names_by_orth_as_by_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Commissioner Otieno met President Ruto in Kisumu; Otieno later left for Nakuru.")
    assert {"Otieno", "Ruto"} <= person_names(doc)
    assert "Kisumu" not in person_names(doc)


def test_nationality_words_found_in_text_order(resources, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Kenyan police met Somali elders while Kenyan troops and Ugandan soldiers waited.")
    found = [(t.i, t.text) for t in _demonym_tokens(doc, resources.gazetteer)]
    assert found == [(t.i, t.text) for t in doc if t.text[:1].isupper() and resources.gazetteer.demonym_country(t.text)]
    assert [w for _, w in found] == ["Kenyan", "Somali", "Kenyan", "Ugandan"]


def test_entity_rows_as_the_spans_give_them(nlp) -> None:  # type: ignore[no-untyped-def]
    # the entity's text is cut from the document's text: the same as Span.text, spaces inside a name included
    doc = nlp("Miners blocked the Las Bambas mine near Chumbivilcas, Cusco Region, on Monday, and police in "
              "Lima  and the Ministry of Interior said the road to Puno was shut.")
    rows = _entity_rows(doc, DocWords(doc))
    assert rows == [(e.start, e.end, e.label_, e.text) for e in doc.ents]
    assert any(text == "Lima" for *_, text in rows)


def test_name_words_of_the_table_as_by_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(TEXT)
    assert DocWords(doc).name == tuple(t.text[:1].isupper() and t.is_alpha for t in doc)


def test_one_word_table_per_document(nlp) -> None:  # type: ignore[no-untyped-def]
    # every pass reads the table built first; a document of another length (a reused key) gets its own
    doc = nlp.make_doc(TEXT)
    assert doc_words(doc) is doc_words(doc)
    assert doc_words(doc).orths == tuple(t.orth for t in doc)
    other = nlp.make_doc("Kisumu")
    other.user_data.update(doc.user_data)
    assert doc_words(other).text == ("Kisumu",)


def test_word_tables_kept_in_a_document_leave_the_garbage_collectors_reach(nlp) -> None:  # type: ignore[no-untyped-def]
    # a document keeps its tables as long as it lives: a list there is read by every full collection, a tuple of
    # strings, numbers and flags is dropped from the collector's lists at the first collection it meets
    doc = nlp(TEXT)
    words, ents = doc_words(doc), doc_entities(doc)
    columns = [words.orths, words.text, words.lower, words.alpha, words.punct, words.cap, words.name, words.ws,
               words.idx, words.sent_start, ents.label, ents.inside, words.capitalised(), words.names(),
               words.sentences()]
    gc.collect()
    gc.collect()  # a tuple of tuples drops out once its items have (the sentences' bounds)
    assert not [column for column in columns if gc.is_tracked(column)]


def test_words_kept_across_documents_add_nothing_the_garbage_collector_tracks(nlp) -> None:  # type: ignore[no-untyped-def]
    # the word table outlives every document: a key per word that the collector tracks (a cache keyed by the
    # vocabulary and the orth id) made every full collection read each word met so far
    doc = nlp.make_doc(" ".join(f"Qzv{k}x" for k in range(300)))
    gc.collect()
    before = len(gc.get_objects())
    doc_words(doc)
    gc.collect()
    assert len(gc.get_objects()) - before < 50


def test_nationality_words_kept_across_documents_add_nothing_the_garbage_collector_tracks(resources, nlp) -> None:  # type: ignore[no-untyped-def]
    # as the word table: the words tested are kept by orth id, with no key per word that the collector tracks
    doc = nlp.make_doc(" ".join(f"Qzw{k}x" for k in range(300)) + " Iraqi")
    gc.collect()
    before = len(gc.get_objects())
    assert [t.text for t in _demonym_tokens(doc, resources.gazetteer)] == ["Iraqi"]
    gc.collect()
    assert len(gc.get_objects()) - before < 50


def test_names_by_role_from_the_word_table(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Shares of gas giant Gazprom fell as singer Usher and fly-half Jones arrived in Moscow. "
              "Gazprom said the deal stood.")
    company, person, _ = _find_names_by_role(doc)
    assert company == {"Gazprom"}
    assert person == {"Usher", "Jones"}


def test_a_role_word_between_spaces_needs_no_hyphen_walk(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # "singer Usher": the word before the name stands between spaces, so it is the whole role word; only a word a
    # hyphen may glue to another ("fly-half Jones", "ex-goalkeeper Brown") is built by the hyphen walk
    from dateline.geo import models

    doc = nlp("Fans cheered as singer Usher, fly-half Jones and ex-goalkeeper Brown met the actor Okafor in Nairobi.")
    walked: list[int] = []

    def role_before(doc, start):  # type: ignore[no-untyped-def]
        walked.append(start)
        return _role_before(doc, start)

    monkeypatch.setattr(models, "_role_before", role_before)
    _, person, _ = _find_names_by_role(doc)
    assert person == {"Usher", "Jones", "Okafor"}  # ("ex-goalkeeper" is no listed role)
    assert sorted(doc[i].text for i in walked) == ["Brown", "Jones"]


def test_role_word_test_keeps_every_role_the_hyphen_walk_finds(nlp) -> None:  # type: ignore[no-untyped-def]
    # the word before a name can be a role only if a role word contains it: the quick test never drops one
    doc = nlp("Fans cheered as fly-half Jones, full-back Smith, singer Usher and ex-goalkeeper Brown met "
              "President Ruto and the film-maker Okafor in Nairobi.")
    roles = cues()["person_role_words"]
    after_roles = [i for i in range(1, len(doc)) if _role_before(doc, i) in roles]
    assert [doc[i].text for i in after_roles if doc[i].text[:1].isupper()] == ["Jones", "Smith", "Usher", "Okafor"]
    assert all(_in_a_listed_word(doc[i - 1].lower_, "person_role_words") for i in after_roles)
    assert not _in_a_listed_word("president", "person_role_words") and not _in_a_listed_word("nairobi", "person_role_words")


def test_quarters_marked_alike_with_the_callers_token_table(resources, nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen shot dead a trader in the Karachi neighbourhood of Orangi and two more in the Lahore suburb of Ichhra."
    marks = []
    for shared in (True, False):
        doc = nlp(text)
        tk = DocWords(doc)
        cands = propose_toponyms(doc, resources.gazetteer, keep_blocked=True, tk=tk)
        _mark_quarters_of_towns(doc, cands, resources.gazetteer, tk if shared else None)
        marks.append([(doc[c.start : c.end].text, c.kind_hint) for c in cands])
    assert marks[0] == marks[1]
    assert ("Orangi", "landmark") in marks[0] and ("Ichhra", "landmark") in marks[0]


def test_team_role_test_keeps_every_role_the_hyphen_walk_finds(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Wales fly-half Biggar and Chelsea's striker Jackson joined the Liverpool full-back in Cardiff.")
    roles = cues()["team_role_words"]
    at_roles = [k for k in range(len(doc)) if _word_at(doc, k) in roles]
    assert {_word_at(doc, k) for k in at_roles} >= {"fly-half", "striker", "full-back"}
    assert all(_in_a_listed_word(doc[k].lower_, "team_role_words") for k in at_roles)
    assert not _in_a_listed_word("cardiff", "team_role_words")


def test_pass_tables_give_each_mention_the_votes_the_per_mention_scan_gives(resources, nlp) -> None:  # type: ignore[no-untyped-def]
    # The resolver's pass reads each mention's children and its paragraph's town readings from tables built once;
    # they must hold what scanning every mention per mention finds: repeated names, a written hierarchy, and
    # towns of two paragraphs.
    from dateline.geo.resolve import _context, _mention_votes, _mentions, _paragraph_starts, _PassTables
    from dateline.model import Article

    text = ("Protesters marched in Kut, Amarah and Basra on Sunday, and again in Basra and Kut on Monday. Police "
            "fired on a crowd in Hamza (Diwaniyah, Qadisiyah) and in Kut.\n\n"
            "In Mosul and Tal Afar, Nineveh, residents rallied; Mosul stayed calm after dusk.")
    article = Article(id="t", text=text)
    doc = nlp(text)
    gaz = resources.gazetteer
    sent_starts, para_starts = [s.start_char for s in doc.sents], _paragraph_starts(text)
    mentions = _mentions(article, doc, gaz, sent_starts, para_starts)
    ctx = _context(article, doc, mentions, gaz, sent_starts, para_starts)
    tables = _PassTables.of(mentions, ctx)
    assert any(child for m in mentions for child in tables.children_of.get(id(m), []))  # a hierarchy was read
    assert len(tables.para_towns[0]) < len(ctx.towns[0])  # the first paragraph's repeated names kept once
    for m in mentions:
        assert _mention_votes(m, mentions, ctx, tables) == _mention_votes(m, mentions, ctx), m.text


def _scanned_group_patterns(monkeypatch, text: str) -> list[str]:  # type: ignore[no-untyped-def]
    """The listed groups' patterns `_group_name_spans` runs over `text` (by their first word)."""
    from dateline.nlp.components import places

    patterns = places._listed_group_patterns()
    scanned: list[str] = []

    class Recording:
        def __init__(self, first: str) -> None:
            self.first = first

        def finditer(self, t: str):  # type: ignore[no-untyped-def]
            scanned.append(self.first)
            return patterns[self.first].finditer(t)

    monkeypatch.setattr(places, "_listed_group_patterns", lambda: {k: Recording(k) for k in patterns})
    places._group_name_spans(text)
    return scanned


def test_a_group_pattern_runs_only_where_the_text_holds_a_whole_name(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # "the" and "people" open listed names ("The Guardian", "People's Defence Force"), but a text without the
    # rest of such a name is not scanned for it
    assert _scanned_group_patterns(monkeypatch, "The people of the town said the new road was shut.") == []
    assert "people" in _scanned_group_patterns(monkeypatch, "Fighters of the People's Defence Force attacked.")


def test_group_spans_with_the_word_check_as_scanning_every_pattern() -> None:
    import re

    from dateline.nlp.components.places import (
        _group_head_pattern,
        _group_name_spans,
        _listed_group_patterns,
        _organisation_words,
    )

    def every_pattern(text: str) -> list[tuple[int, int]]:
        spans = [m.span() for m in _group_head_pattern().finditer(text)]
        for pattern in _listed_group_patterns().values():
            spans += [m.span() for m in pattern.finditer(text)]
        return sorted(spans)

    # every listed name as written, in capitals and hyphenated, and the group heads in running text
    texts = [f"Reports said {name} was there." for name in sorted(_organisation_words())]
    texts += [f"REPORTS SAID {name.upper()} WAS THERE." for name in sorted(_organisation_words())]
    texts += [re.sub(r"\s+", "-", name.title()) for name in sorted(_organisation_words())]
    texts.append("The Islamic State of Iraq and al-Sham and Jaysh al-Islam clashed; Kata'ib Hezbollah and Hay’at "
                 "Tahrir al-Sham fighters were seen near Liwa Suqur al-Sham positions.")
    assert sum(bool(every_pattern(t)) for t in texts) > len(texts) // 2
    for text in texts:
        assert sorted(_group_name_spans(text)) == every_pattern(text), text


def test_whole_names_grouped_by_first_character_find_what_one_name_per_alternative_finds() -> None:
    import re

    from dateline.geo.gazetteer import tables
    from dateline.geo.resolve import _actor_names
    from dateline.nlp.components.places import _whole_names

    names = [n for n in tables()["actor_countries"] if not n.startswith("_")]
    ordered = sorted(names, key=lambda n: (-len(n), n))
    plain = re.compile(r"(?:" + "|".join(re.escape(n[0]) + r"(?<![\w-]" + re.escape(n[0]) + ")" + re.escape(n[1:])
                                         for n in ordered) + r")(?![\w-])")
    grouped = _whole_names(names)
    assert grouped.pattern == _actor_names().pattern
    assert grouped.pattern.count("(?<!") == len({n[0] for n in names}) < len(names)  # one group per first character
    # every name alone, inside a longer word, hyphenated, and next to a longer name that opens alike
    text = " ".join(f"{n}, x{n} {n}-led ({n}s) {n}" for n in ordered) + " " + " ".join(ordered)
    assert [m.span() for m in grouped.finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert {m.group() for m in grouped.finditer(text)} == set(names)
    small = _whole_names(["Boko Haram", "Boko Haram faction", "Bo", "B"])
    assert [m.group() for m in small.finditer("Boko Haram faction met Boko Haram, Bo and B; Bob")] == [
        "Boko Haram faction", "Boko Haram", "Bo", "B"]


def test_water_bodies_found_as_with_one_alternative_per_name() -> None:
    import re

    from dateline.geo.models import cues
    from dateline.nlp.components.places import _water_pattern

    names = sorted(cues()["water_bodies"], key=len, reverse=True)
    plain = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(n) for n in names) + r")(?![\w-])")
    text = " ".join(f"a ship in the {n}, off the x{n} and the {n}-bound convoy near {n}s; the {n} coast" for n in names)
    assert [m.span() for m in _water_pattern().finditer(text)] == [m.span() for m in plain.finditer(text)]
    assert {m.group() for m in _water_pattern().finditer(text)} == set(names)
    assert _water_pattern().pattern.count("(?<!") == len({n[0] for n in names})  # tried by first character


def test_international_bodies_found_as_by_the_plain_patterns_and_only_where_a_name_can_start() -> None:
    import re

    from dateline.nlp.components.places import _international_body_patterns
    from dateline.yaml_files import packaged_yaml

    rules = packaged_yaml("plover.yaml")["actor_codes"]
    plain = [re.compile(rule["pattern"]) for rule in rules]
    names = [name for p in plain for name in re.findall(r"[A-Z][\w ]+", p.pattern)]
    text = " ".join(f"the {n} said; {n}'s staff, x{n} and {n.lower()} at {n}-run camps" for n in names)
    found = [[m.span() for m in p.finditer(text)] for p in _international_body_patterns()]
    assert found == [[m.span() for m in p.finditer(text)] for p in plain] and all(found)
    # each pattern opens with a lookahead on its names' first letters: a scan skips every other position at once,
    # where the plain pattern tried its word boundary and every name there
    assert all(p.pattern.startswith("(?=") for p in _international_body_patterns())


def test_the_caseless_ascii_table_holds_every_letter_a_case_blind_pattern_takes_for_ascii() -> None:
    import re
    import sys

    from dateline.geo.resolve import _CASELESS_ASCII

    others = "".join(map(chr, range(128, sys.maxunicode + 1)))
    taken = set(re.findall(r"(?i:[a-z])", others))
    assert taken == {chr(c) for c in _CASELESS_ASCII}
    assert {ch.translate(_CASELESS_ASCII) for ch in taken} == {"i", "s", "k"}


def test_outlet_heads_are_scanned_for_only_in_a_text_that_may_hold_one(resources, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo import resolve

    gaz = resources.gazetteer
    found = {key: [resolve._outlet_name_votes(t, gaz, key) for t in (
        "The Seychelles News Agency reported two arrests.", "KENYA BROADCASTING CORPORATION said so.",
        "Kenya Broadcasting  Corporation said so.", "Syria State Media said missiles fell.",
        "Syria st\u0430te media", "Egypt STATE TELEV\u0130S\u0130ON reported it.", "The Iraqi New\u017f Agency said.",
        "Police said two men were held.")] for key in ("outlet_name_heads", "state_media_heads")}
    assert found["outlet_name_heads"][:3] == [["SC"], ["KE"], ["KE"]] and found["state_media_heads"][3] == ["SY"]
    assert found["state_media_heads"][5] == ["EG"] and found["outlet_name_heads"][6] == ["IQ"]

    def never(key: str = "outlet_name_heads"):  # type: ignore[no-untyped-def]
        raise AssertionError(f"scanned for {key}")

    monkeypatch.setattr(resolve, "_outlet_name_pattern", never)
    assert resolve._outlet_name_votes("Police said two men were held in the statehouse grounds.", gaz) == []
    assert resolve._outlet_name_votes("Police said two men were held.", gaz, "state_media_heads") == []


def _title_runs_by_token(doc):  # type: ignore[no-untyped-def]
    # the per-token reading the table's walk from the titles replaces
    c = cues()
    after_person, titled, after_title, run = [], [], False, 0
    for t in doc:
        cap, word = t.text[:1].isupper(), t.lower_.rstrip(".")
        name = cap and t.is_alpha
        if after_title and name:
            after_person.append(t.text)
        after_title = cap and word in c["title_words"]
        if word in c["title_words"] and cap or word in c["lower_case_titles"]:
            run = 3
        elif run and name:
            titled.append(t.text)
            run -= 1
        else:
            run = 0
    return after_person, titled


def test_title_runs_from_the_titles_as_by_token(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.models import _title_runs

    doc = nlp.make_doc("President Governor Ali Bello Musa Kano said police spokesman Sipho Dube and Gen. Amadou "
                       "Toure met Commissioner Otieno Mwangi , minister of Lagos, president Ruto and Mayor Commissioner X.")
    got = _title_runs(doc)
    assert got == _title_runs_by_token(doc)
    # a title right after a title starts the run again; a lower-case title ("spokesman", "president") starts one
    assert got == (["Governor", "Ali", "Otieno", "Commissioner"],
                   ["Ali", "Bello", "Musa", "Sipho", "Dube", "Otieno", "Mwangi", "Ruto"])


def test_domain_counts_from_the_table_as_by_word(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.models import _domain_words, doc_domain

    text = ("The striker scored twice as the club won the cup final; fans cheered the team, and the film's star, "
            "whose album topped the charts, watched the match. Shares and profits rose. ") * 3
    doc = nlp.make_doc(text)
    counts: dict[str, int] = {}
    for t in doc:
        for name, words in _domain_words().items():
            if t.lower_ in words:
                counts[name] = counts.get(name, 0) + 1
    assert doc_domain(doc) == "sport" == max(counts, key=counts.__getitem__)
    assert doc_domain(nlp.make_doc("Gunmen attacked a market in Kano on Sunday.")) is None


def test_name_positions_of_the_table_as_by_token(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp.make_doc(TEXT)
    words = doc_words(doc)
    assert words.capitalised() == tuple(t.i for t in doc if cap_text(t.text))
    assert words.names() == tuple(t.i for t in doc if t.text[:1].isupper() and t.is_alpha)


def test_ngrams_open_on_capitals_and_lower_case_articles(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.nlp.components.places import _ngrams

    doc = nlp.make_doc("Troops held el Mina and the villages of al Bab , Umm Qasr and Pol-e Dokhtar .")
    grams = {doc[i:j].text for i, j in _ngrams(doc)}
    assert {"el Mina", "Mina", "al Bab", "Bab", "Umm Qasr", "Troops"} <= grams
    assert all(doc[i].text[:1].isupper() or doc[i].lower_ in {"al", "el"} for i, _ in _ngrams(doc))


def test_a_name_the_generator_asked_before_is_answered_without_keying_it_again(resources, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import dateline.geo.gazetteer as gazetteer_module
    from dateline.geo.gazetteer import fold, loose_key

    gaz = resources.gazetteer
    names = ["Kisumu", "Umm Qasr", "Um Qasr", "Al-Hasakah", "Troops", "Qzv Unheard", "Kisumu", "Bab"]
    by_keys = [gaz.known([fold(n)])[0] or (len(loose_key(n)) >= 4 and gaz.known([loose_key(n)])[0]) for n in names]
    assert gaz.may_name(names) == by_keys
    assert by_keys[:4] == [True] * 4 and not by_keys[5]

    def refuse(name: str) -> str:
        raise AssertionError(f"keyed again: {name}")

    # each n-gram of every document is asked: a name met before costs a dict read, not two keyings and two reads
    monkeypatch.setattr(gazetteer_module, "fold", refuse)
    assert gaz.may_name(names[::-1]) == by_keys[::-1]


def test_sentences_of_the_table_as_doc_sents(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Gunmen attacked Kano on Sunday. Police said two died.\n\nIn Abuja, troops held the road. Calm returned ")
    assert doc_words(doc).sentences() == tuple((s.start_char, s.end_char) for s in doc.sents)
    assert len(doc_words(doc).sentences()) >= 3
    assert doc_words(nlp("")).sentences() == ()


def test_word_helpers_read_from_the_table_as_from_tokens(nlp) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo.models import _name_shape_features

    doc = nlp.make_doc("Car-maker Honda and fly-half Jones met Musa Ibrahim in Gidan Musa near Wales fly-half Biggar .")
    for i in range(len(doc)):
        j, by_token = i, doc[i].lower_
        while j + 1 < len(doc) and not doc[j].whitespace_ and "-" in (doc[j].text, doc[j + 1].text):
            j += 1
            by_token += doc[j].lower_
        assert _word_at(doc, i) == by_token
    assert _role_before(doc, 3) == "car-maker" and _role_before(doc, 8) == "fly-half"
    assert doc[10:12].text == "Musa Ibrahim" and doc[13:15].text == "Gidan Musa"
    assert "given_name_first=unknown" in _name_shape_features(doc, 10, 12, False)
    assert _name_shape_features(doc, 13, 15, True) == {"settlement_word_first": 1.0}


def test_records_of_a_look_up_read_in_one_query(resources) -> None:  # type: ignore[no-untyped-def]
    import sqlite3

    from dateline.geo.gazetteer import Gazetteer

    gaz = Gazetteer(resources.gazetteer.path)  # a fresh instance: nothing read yet
    queries: list[str] = []
    gaz._db.set_trace_callback(queries.append)
    found = gaz.lookup("Springfield", limit=150)
    record_queries = [q for q in queries if "FROM entries" in q]
    assert len(found) > 20 and len(record_queries) == 1
    # the same records, in the same order, as reading them one by one
    by_one = sqlite3.connect(f"file:{gaz.path}?mode=ro&immutable=1", uri=True)
    rows = [by_one.execute("SELECT id, name, cc FROM entries WHERE id = ?", (e.idx,)).fetchone() for e in found]
    assert rows == [(e.idx, e.name, e.cc) for e in found]
    assert gaz.entry(found[3].idx) is found[3]
    queries.clear()
    gaz.lookup("Springfield", limit=150)
    assert not [q for q in queries if "FROM entries" in q]


def test_title_words_kept_across_documents_and_bounded(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from dateline.geo import models

    words = {"president", "gen.", "spokesman", "kano", "said", "mayor..", "the"}
    expected = {w for w in words if any(models._title_kinds(w))}
    assert expected >= {"president", "spokesman", "mayor.."} and "kano" not in expected
    assert models._titles_among(set(words)) == expected
    assert models._titles_among(set(words)) == expected  # the second time from the kept sets
    monkeypatch.setattr(models, "_TESTED_WORDS_SIZE", 4)
    assert models._titles_among({"governor", "market", "town", "road", "colonel"}) == {"governor", "colonel"}
    assert len(models._title_words_met()[0]) == 5  # emptied when full, then this document's words


def test_a_one_word_name_is_its_own_root(nlp) -> None:  # type: ignore[no-untyped-def]
    # the recognizer's features take a one-word name's root without building a Span: what `Span.root` gives,
    # punctuation, spaces and sentence roots included
    doc = nlp("Gunmen attacked Kano on Sunday ,  police said.\n\nIn Abuja - troops (AMISOM) held the road .")
    assert all(doc[i : i + 1].root.i == i for i in range(len(doc)))
    assert tuple(bool(t.is_sent_start) for t in doc) == doc_words(doc).sent_start


def test_recognizer_features_read_spellings_around_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials said President Ruto's aide visited a Cafe near Mombasa-based firms, who fled.")
    words = [t.text for t in doc]

    def features(word: str) -> dict[str, float]:
        i = words.index(word)
        return toponym_features(doc, i, i + 1, "GAZ", None, None, None, [], False, frozenset())

    assert features("Ruto")["title_before"] == 1.0
    assert features("Ruto")["possessive_after"] == 1.0
    assert features("Cafe")["indefinite_article_before"] == 1.0
    assert features("Mombasa")["hyphen_after=based"] == 1.0
    assert "sent_start" in features("Officials") and "sent_start" not in features("Ruto")


def test_entity_columns_as_each_token_gives_them(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("President William Ruto of Kenya met the African Union in Addis Ababa on Monday, police said.")
    ents = doc_entities(doc)
    assert ents.label == tuple(t.ent_type_ for t in doc)
    assert ents.inside == tuple(t.ent_iob_ == "I" for t in doc)
    assert any(ents.inside)  # a name of several words goes on past its first
    assert doc_entities(nlp("")).label == ()


def test_recognizer_features_read_entity_labels_around_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Officials said President William Ruto visited Mombasa on Monday.")
    words = [t.text for t in doc]
    i = words.index("Ruto")
    x = toponym_features(doc, i, i + 1, "GAZ", None, None, None, [], False, frozenset())
    assert doc[i].ent_type_ == "PERSON" and doc[i].ent_iob_ == "I"  # the parse this test relies on
    assert x["prev_ner=PERSON"] == 1.0 and x["inside_longer_ent=PERSON"] == 1.0


def test_words_text_as_the_span_gives_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Clashes in  Diyala Province (Iraq) and Umm Qaşr;\nthree died.")
    assert all(words_text(doc, i, j) == doc[i:j].text for i in range(len(doc)) for j in range(i + 1, len(doc) + 1))


def test_a_province_is_looked_up_without_its_province_word(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Clashes in  Diyala Province and Basra killed two.")
    words = [t.text for t in doc]
    i = words.index("Diyala")
    assert lookup_name(doc, Candidate(i, i + 2, "GAZ", kind_hint="admin1")) == "Diyala"
    assert lookup_name(doc, Candidate(i, i + 2, "GAZ")) == "Diyala Province"
    assert lookup_name(doc, Candidate(i, i + 1, "GAZ", kind_hint="admin1")) == "Diyala"
