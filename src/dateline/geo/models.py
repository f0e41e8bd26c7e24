"""Small trained decisions of the geocoder, scored with numpy-free arithmetic over named features.

Two logistic regressions ship as JSON in `geo/data/` (see docs/models.md for their model cards):
- the toponym recognizer: is this candidate name (from `nlp/components/places.py`) a place here, or a person,
  a title, an organisation's name or a common word that happens to match a town;
- the event-place ranker: of the places of a sentence, which one is where the event of a given trigger
  happened (softmax over the sentence's candidates of a linear score per (trigger, place) pair).

Features are computed by the functions below from the parse, the word lists in `geo/data/toponym_cues.json`
and the gazetteer; training (`tools/train_geo_models.py`, scikit-learn, dev time only) and run time share
them, so the shipped weights and the code cannot drift apart. Loading a model reads one small JSON file.
"""

from __future__ import annotations

import functools
import itertools
import json
import math
import operator
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from importlib import resources as importlib_resources
from itertools import repeat
from typing import Any, TypeVar

from dateline.geo.gazetteer import final_h_key, fold, geo_data
from dateline.nlp.text import doc_entities, doc_ents, doc_words, span_text, words_text

Features = dict[str, float]


@functools.cache
def cues() -> dict[str, Any]:
    data = geo_data("toponym_cues.json")
    return {k: (frozenset(v) if isinstance(v, list) else v) for k, v in data.items()}


@dataclass(frozen=True)
class LinearModel:
    """A logistic regression over named features: weights, bias, and the threshold chosen on dev."""

    name: str
    weights: dict[str, float]
    bias: float
    threshold: float

    def logit(self, x: Features) -> float:
        # the same products summed in the same order as `sum(v * w.get(k, 0.0) for k, v in x.items())`, without a
        # generator step per feature: the recognizer scores every candidate and the ranker every place pair
        return self.bias + sum(map(operator.mul, x.values(), map(self.weights.get, x, repeat(0.0))))

    def probability(self, x: Features) -> float:
        z = self.logit(x)
        return 1.0 / (1.0 + math.exp(-z)) if z > -60 else 0.0

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> LinearModel:
        return cls(data["name"], dict(data["weights"]), float(data["bias"]), float(data.get("threshold", 0.5)))


@functools.cache
def load_model(filename: str) -> LinearModel | None:
    """A shipped model from geo/data, or None when it is absent (the rules then decide alone)."""
    path = importlib_resources.files("dateline.geo").joinpath(f"data/{filename}")
    if not path.is_file():
        return None
    return LinearModel.from_json(json.loads(path.read_text(encoding="utf-8")))


TOPONYM_MODEL = "toponym_model.json"
EVENT_PLACE_MODEL = "event_place_model.json"


def english_words(nlp: Any) -> frozenset[str]:
    """Lower-case English nouns, adjectives, verbs and adverbs: the lemma index of the pipeline's English
    lemmatizer (WordNet's lists). Empty when the pipeline has no such table (the feature is then off)."""
    lem = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None
    lookups = getattr(lem, "lookups", None)
    if lookups is None or "lemma_index" not in lookups.tables:
        return frozenset()
    index = lookups.get_table("lemma_index")
    words: set[str] = set()
    for key in ("noun", "adj", "verb", "adv"):
        if key in index:
            words.update(index[key])
    return frozenset(words)


def _bucket(prefix: str, value: float, edges: tuple[float, ...]) -> str:
    for e in edges:
        if value < e:
            return f"{prefix}<{e:g}"
    return f"{prefix}>={edges[-1]:g}"


def _title_kinds(lower: str) -> tuple[bool, bool]:
    """(a title word once capitalised, a title in lower case too) of a lower-case word: the title tests of
    `_title_runs`."""
    c = cues()
    word = lower.rstrip(".")
    return word in c["title_words"], word in c["lower_case_titles"]


def person_names(doc: Any, person_ents: list[Any] | None = None) -> frozenset[str]:
    """Words the document uses as a person's name: inside a PERSON entity, or right after a title
    ("Supreme Leader Ali Khamenei", "President Ruto"). A name used so once is a person's elsewhere too.
    `person_ents` are the document's PERSON entities when the caller has them (`doc.ents` builds its Spans anew)."""
    if person_ents is None:
        person_ents = [ent for ent in doc.ents if ent.label_ == "PERSON"]
    # the words of PERSON entities read from the document's word table, not as a Token object each
    words = doc_words(doc)
    out: set[str] = set()
    for ent in person_ents:
        out.update(itertools.compress(words.text[ent.start : ent.end], words.name[ent.start : ent.end]))
    out.update(_title_runs(doc)[0])
    return frozenset(out)


_TITLE_RUNS_KEY = ("dateline", "title_runs")


def _title_runs(doc: Any) -> tuple[list[str], list[str]]:
    """The words after a title as `person_names` reads them and as `titled_names` reads them, in text order.
    Both depend on the document's words only, and both passes (and `_person_label_only`, once per word it
    tests) ask for them on the same document: worked out once and kept in `user_data`. Only the words after a
    title can be taken, so the walk starts at the titles, found among the document's distinct words, instead
    of testing every word."""
    words = doc_words(doc)
    cached = doc.user_data.get(_TITLE_RUNS_KEY)
    if cached is not None and cached[0] == words.n:
        return cached[1], cached[2]
    text, lower, name = words.text, words.lower, words.name
    titles = _titles_among(set(lower))
    after_person_title: list[str] = []
    titled: list[str] = []
    for i in itertools.compress(range(words.n), map(titles.__contains__, lower)) if titles else ():
        title, lower_case_title = _title_kinds(lower[i])
        cap = text[i][:1].isupper()
        if cap and title and i + 1 < words.n and name[i + 1]:
            after_person_title.append(text[i + 1])
        if not (cap and title or lower_case_title):
            continue
        # a first name, a second name and a surname, up to the next title (which starts a run of its own)
        j = i + 1
        while j < min(words.n, i + 1 + TITLE_NAME_WORDS) and name[j] and lower[j] not in titles:
            titled.append(text[j])
            j += 1
    doc.user_data[_TITLE_RUNS_KEY] = (words.n, after_person_title, titled)
    return after_person_title, titled


_TESTED_WORDS_SIZE = 1 << 17  # distinct lower-case words `_titles_among` keeps, as many as the word table


@functools.cache
def _title_words_met() -> tuple[set[str], set[str]]:
    """(every lower-case word `_titles_among` has tested, those that are titles), kept across documents."""
    return set(), set()


def _titles_among(words: set[str]) -> set[str]:
    """The title words (`_title_kinds`) among a document's distinct lower-case words. Each word is tested once per
    process: a document's words are mostly words met before, and two set operations sort them."""
    tested, titles = _title_words_met()
    new = words - tested
    if len(tested) + len(new) > _TESTED_WORDS_SIZE:
        tested.clear()
        titles.clear()
        new = words
    titles.update(low for low in new if any(_title_kinds(low)))
    tested |= new
    return words & titles


TITLE_NAME_WORDS = 3  # a first name, a second name and a surname after a title


def titled_names(doc: Any) -> frozenset[str]:
    """Every word of the names the document writes after a title, surname included: "Superintendent Lerato
    Metsi" gives Lerato and Metsi, "Warrant Officer Sipho Khumalo" Sipho and Khumalo. Wire copy names its
    police and municipal spokespeople so once and repeats the surname alone ("Metsi said"), where the small
    NER model often calls it a place."""
    return frozenset(_title_runs(doc)[1])


def toponym_features(doc: Any, start: int, end: int, source: str, ner: str | None, cue: str | None,
                     kind_hint: str | None, entries: list[Any], exact: bool, words: frozenset[str],
                     persons: frozenset[str] = frozenset(), blocked: str | None = None) -> Features:
    """What says a candidate name is a place here, or a person, a title, an organisation or a common word.

    `entries` are its gazetteer records (exact or spelling-tolerant match), `exact` whether the exact key
    matched, `words` the English word list, `persons` the words the document uses as people's names,
    `blocked` why the candidate generator's old rule would have dropped it ("ner": spaCy calls it a person,
    organisation … and no place word is near; "inside_longer": part of a longer such entity), or None."""
    c = cues()
    # the words' spellings and entity labels are read from the document's tables; a Token (built anew on each
    # `doc[i]`) only where the parse is asked: part of speech, dependencies
    tw, ents = doc_words(doc), doc_entities(doc)
    first = doc[start]
    last = doc[end - 1] if end - start > 1 else first
    # the name's text and its syntactic root, read once: spaCy rebuilds both on every access, and the features
    # below ask for them up to six times each (a one-word name is its own root, as `Span.root` finds it)
    text = words_text(doc, start, end)
    root = first if end - start == 1 else doc[start:end].root
    prev, nxt = start > 0, end < tw.n  # a word before the name, a word after it
    prev2 = tw.lower[start - 2] if start > 1 else None
    nxt2 = tw.lower[end + 1] if end + 1 < tw.n else None
    x: Features = {"bias_source=" + source: 1.0, "ner=" + (ner or "none"): 1.0}
    x["len=" + str(min(end - start, 3))] = 1.0
    if prev and ents.label[start - 1]:
        x["prev_ner=" + ents.label[start - 1]] = 1.0
    if nxt and ents.label[end]:
        x["next_ner=" + ents.label[end]] = 1.0
    # the whole NER entity around the span: a longer PERSON/ORG that contains it
    if any(ents.label[start:end]) and (ents.inside[start] or (nxt and ents.inside[end])):
        x["inside_longer_ent=" + (ents.label[start] or (ents.label[end] if nxt else ""))] = 1.0
    if tw.sent_start[start]:
        x["sent_start"] = 1.0
    if prev and tw.lower[start - 1] in {"a", "an"}:
        x["indefinite_article_before"] = 1.0  # "at a Cafe": a common noun, not a name
    elif prev and tw.lower[start - 1] == "the":
        x["the_before"] = 1.0
    if text.isupper() and len(text) > 1:
        x["all_caps"] = 1.0
    if first.pos_ != "PROPN":
        x["pos=" + first.pos_] = 1.0
    if cue:
        x["cue=" + cue.split()[-1] if cue in c["site_preps"] or cue == "from" else "cue=other"] = 1.0
        if cue.endswith(" of"):
            x["cue_place_of"] = 1.0
    if kind_hint:
        x["kind_hint=" + kind_hint] = 1.0
    # titles: "President X", "Commissioner X", "the MP for X", "Minister of X"
    if prev and tw.lower[start - 1].rstrip(".") in c["title_words"] and tw.text[start - 1][:1].isupper():
        x["title_before"] = 1.0
    if prev and tw.lower[start - 1] in {"for", "of"} and prev2 in c["title_for"]:
        x["title_for_before"] = 1.0
    if tw.lower[start] in c["title_words"]:
        x["is_title_word"] = 1.0
    # organisation heads: "the Bureau of X", "Centre for X", "X University", "X Party", "Houses of Parliament"
    k = start - 1
    while k >= max(0, start - 5):
        if tw.lower[k] in c["org_links"] and k > 0 and tw.lower[k - 1] in c["org_heads"] and tw.text[k - 1][:1].isupper():
            x["org_head_before"] = 1.0
            break
        if not (tw.text[k][:1].isupper() or tw.lower[k] in {"and", "&", "the"} or tw.lower[k] in c["org_links"]):
            break
        k -= 1
    if nxt and tw.lower[end] in c["org_heads"] and tw.text[end][:1].isupper():
        x["org_head_after"] = 1.0
    if not c["org_heads"].isdisjoint(tw.lower[start:end]):
        x["has_org_head"] = 1.0
    # people: a first name or a capitalised word before, a possessive or a speech verb after
    if prev and tw.text[start - 1][:1].isupper() and tw.alpha[start - 1] and not tw.sent_start[start - 1] \
            and ents.label[start - 1] == "PERSON":
        x["person_before"] = 1.0
    if nxt and tw.text[end] in {"'s", "’s"}:
        x["possessive_after"] = 1.0
    if nxt and tw.lower[end] in c["person_after"]:
        x["speech_verb_after"] = 1.0
    elif nxt and tw.text[end] == "," and nxt2 in {"who", "whose", "a", "an", "the"}:
        x["appositive_after"] = 1.0
    dep = last.dep_ if last.head.i >= end or last.head.i < start else root.dep_
    if dep in {"nsubj", "nsubjpass", "poss", "compound", "pobj", "dobj", "appos", "conj"}:
        x["dep=" + dep] = 1.0
    if dep == "pobj":
        head = root.head.lower_
        x["pobj_of=" + ("site" if head in c["site_preps"] else "origin" if head in c["origin_preps"] else "other")] = 1.0
    # the same name as a person's elsewhere in the document: "Khamenei's representative" … "images of Khamenei"
    if end - start == 1 and tw.text[start] in persons and not any(e.kind == 0 for e in entries):
        x["person_elsewhere"] = 1.0
        if not entries:
            x["person_elsewhere_unknown_place"] = 1.0  # and no place of the name is known
    # listed with people: "images of Khomeini, Khamenei and Soleimani"
    conjoined = [root.head] if root.dep_ == "conj" else []
    conjoined += [t for t in root.children if t.dep_ == "conj"]
    if any(ents.label[t.i] == "PERSON" or (t.text in persons and t.i not in range(start, end)) for t in conjoined):
        x["listed_with_person"] = 1.0
    # what the old candidate rule trusted NER for, now weighed against everything else: the small NER model
    # labels many towns PERSON/ORG/WORK_OF_ART ("marched through Durban", "attacked Quetta")
    if blocked:
        x["blocked=" + blocked] = 1.0
        x["blocked_ner=" + (ner or "none")] = 1.0
        if dep == "pobj":
            x["blocked_pobj_of=" + ("site" if root.head.lower_ in c["site_preps"] else
                                    "origin" if root.head.lower_ in c["origin_preps"] else "other")] = 1.0
        if entries:
            x[_bucket("blocked_gaz_pop", math.log10(max(e.population for e in entries) + 1), (4, 5, 6))] = 1.0
    # the object of a verb that acts on places: "attacked Quetta", "militants stormed X", "fled X"
    if dep in {"dobj", "pobj"}:
        verb = root.head if dep == "dobj" else root.head.head
        # (the tagger may call an unfamiliar past form a noun, "The army retook X": the parse that gives it a
        # subject and an object still reads it as the verb)
        acts = verb.pos_ in {"VERB", "AUX"} or dep == "dobj" and any(t.dep_ == "nsubj" for t in verb.children)
        if acts and verb.lemma_.lower() in c["place_verbs"]:
            x["object_of_place_verb"] = 1.0
    elif end - start == 1 and root.head.i == start - 1 and root.head.pos_ == "VERB" \
            and root.head.lemma_.lower() in c["place_verbs"] and not tw.text[start].isupper():
        # a one-word name right after the verb that the small parser reads as an adverb or a modifier of it
        # ("Russian forces shelled Bakhmut overnight": Bakhmut an adverb) is the verb's object all the same
        x["object_of_place_verb"] = 1.0
    # a given name right before it ("Qasem Soleimani") or a capitalised PERSON word right after ("Ali Khamenei")
    if prev and tw.text[start - 1] in _first_names():
        x["first_name_before"] = 1.0
    if nxt and tw.text[end][:1].isupper() and tw.alpha[end] and ents.label[end] == "PERSON":
        x["person_word_after"] = 1.0
    x.update(_name_shape_features(doc, start, end, bool(entries)))
    # a country or a city of a million people after "loyal to" is its government ("militias loyal to Damascus")
    big = any(e.kind == 0 or e.population >= 1_000_000 for e in entries)
    x.update(_person_context_features(doc, start, end, root, c, big))
    # a holiday or month of a calendar ("at the start of Ramadan"), and a group's name glued to "-affiliated",
    # "-led", "-backed" ("Islah-affiliated forces"; "X-based" is a seat, a place)
    if text.lower() in c["holidays"]:
        x["holiday"] = 1.0
    if nxt and tw.text[end] == "-" and not tw.ws[end - 1] and nxt2 is not None:
        x["hyphen_after=" + ("group" if nxt2 in c["group_hyphen_suffixes"] else
                             "based" if nxt2 == "based" else "other")] = 1.0
    x.update(_ordinary_news_features(doc, start, end, text, root, dep))
    # the words themselves
    low = text.lower()
    if low in words or words.issuperset(tw.lower[start:end]):
        x["english_word"] = 1.0
    if low in c["common_nouns_capitalised"]:
        x["common_noun"] = 1.0
    if text in c["macro_regions"]:
        x["macro_region"] = 1.0
    # gazetteer facts
    if not entries:
        x["gaz_none"] = 1.0
    else:
        pop = max(e.population for e in entries)
        x[_bucket("gaz_pop", math.log10(pop + 1), (3, 4, 5, 6))] = 1.0
        x[_bucket("gaz_n", len(entries), (2, 5, 20))] = 1.0
        kinds = {e.kind for e in entries}
        for kind in kinds:
            x[f"gaz_kind={kind}"] = 1.0
        x[_bucket("gaz_countries", len({e.cc for e in entries}), (2, 4))] = 1.0
        if not exact:
            x["gaz_loose_only"] = 1.0
        if all(e.cc == "US" for e in entries):
            x["gaz_us_only"] = 1.0
        folded = fold(text)  # once, not once per record
        # a record's own name but for a final -h ("Misrata" of "Misratah") is its own name, as the resolver reads it
        spelling = final_h_key(folded)
        if not any(fold(e.name) == folded or final_h_key(fold(e.name)) == spelling for e in entries):
            x["gaz_alt_name_only"] = 1.0
    if doc_domain(doc):
        # every feature again under the article's domain: ordinary news learns weights of its own (a surname
        # or a club named like a town is common there), while the shared weights stay those of conflict reports
        x.update({"in_domain:" + k: v for k, v in list(x.items())})
    return x


def _name_shape_features(doc: Any, start: int, end: int, known: bool) -> Features:
    """Whether a name of two or more words is shaped like a person's or a village's (lists under
    `_person_or_village` in toponym_cues.json): a given name first ("Musa Ibrahim", "Ahmed Bello") or last, against
    a settlement word first ("Gidan Musa", "Kafr Nabl", "Ban Na Lao"). The small NER calls both kinds a person,
    and a slot such as "in X, Zamfara state" holds both; a given name opening a town the gazetteer knows ("Musa
    Qala", "Ali Sabieh") is weighed apart from one opening an unknown name."""
    tw = doc_words(doc)
    names = [k for k in range(start, end) if tw.alpha[k]]
    if len(names) < 2:
        return {}
    if tw.lower[names[0]] in cues()["settlement_words_first"]:
        return {"settlement_word_first": 1.0}
    given = _given_names()
    x: Features = {}
    if tw.text[names[0]] in given:
        x["given_name_first=" + ("known" if known else "unknown")] = 1.0
    if tw.text[names[-1]] in given:
        x["given_name_last"] = 1.0
    return x


def _person_context_features(doc: Any, start: int, end: int, root: Any, c: dict[str, Any], big: bool) -> Features:
    """Where the sentence says the name is a person's, not a town's (lists under
    `_person_context` in toponym_cues.json): an apposition that gives the name a title, however many place words
    the title carries ("Ada Obi, Enugu state governor,", "X, Kano state's police commissioner."); the object,
    or an item listed with the object, of a phrase that takes a person ("troops loyal to X", "posters of X",
    "portraits of A, X and others"), weighed apart for a country or a city of a million people (`big`), which
    stands for its government there."""
    tw = doc_words(doc)
    x: Features = {}
    if end < tw.n and tw.text[end] == "," and _title_in_apposition(doc, end + 1, c):
        x["title_apposition_after"] = 1.0
    head = root
    while head.dep_ == "conj" and head.head.i < head.i:
        head = head.head
    if head.dep_ == "pobj" and head.head.head.i != head.head.i:
        prep = head.head
        if f"{prep.head.lemma_.lower()} {prep.lower_}" in c["person_object_phrases"]:
            x["person_phrase_object" + ("_big_place" if big else "")] = 1.0
    return x


def _title_in_apposition(doc: Any, k: int, c: dict[str, Any]) -> bool:
    """Whether the words from token k up to the next stop are an apposition that ends in a title ("Enugu state
    governor", "Kano state's new commissioner for works"): a title word with no verb before it in the phrase and
    nothing but a stop, "for" or "of" after it. "Kafanchan, the governor said" is a clause, not an apposition."""
    tw = doc_words(doc)
    for i in range(k, min(k + 7, tw.n)):
        if tw.punct[i] and tw.text[i] not in {"'s", "’s", "-"}:
            return False
        if tw.lower[i] in c["apposition_titles"]:
            after = tw.lower[i + 1] if i + 1 < tw.n else "."
            return after in {"for", "of"} or (tw.punct[i + 1] if i + 1 < tw.n else True)
        # a lower-case verb: the small tagger reads some capitalised place names ("Gombe") and the clitic of
        # "state's" as verbs
        if tw.lower[i] == tw.text[i] and tw.text[i] not in {"'s", "’s"} and doc[i].pos_ in {"VERB", "AUX"}:
            return False
    return False


def _word_at(doc: Any, i: int) -> str:
    """The lower-case word at token i with the parts a hyphen glues to it ("fly-half" is three tokens)."""
    tw = doc_words(doc)
    j, out = i, tw.lower[i]
    while j + 1 < tw.n and not tw.ws[j] and "-" in (tw.text[j], tw.text[j + 1]):
        j += 1
        out += tw.lower[j]
    return out


def _capitalised_word(doc: Any, k: int, c: dict[str, Any]) -> bool:
    """A capitalised content word that is no title at token k: part of a run of title-case words around the name
    ("Dirty War", "Jailhouse Rock"), as headlines and works' titles write them."""
    tw = doc_words(doc)
    return (tw.text[k][:1].isupper() and tw.alpha[k] and tw.lower[k] not in c["title_words"]
            and not doc.vocab[tw.orths[k]].is_stop)


def _ordinary_news_features(doc: Any, start: int, end: int, text: str, root: Any, dep: str) -> Features:
    """What marks a town's or country's name as a team, a one-name person, a company or a work in sport,
    culture and business news (lists under `_ordinary_news_names` in toponym_cues.json): a club suffix or a
    team member's role after it ("Manchester United", "Wales fly-half", "Chelsea's striker"), a person's role
    before it ("singer Usher"), a result verb or noun it hangs on ("Norwich have signed", "a win over
    Hungary"), the name written so elsewhere in the article, and the article's own domain."""
    c = cues()
    x: Features = {}
    tw = doc_words(doc)
    lower = tw.lower
    prev, nxt = start > 0, end < tw.n  # a word before the name, a word after it
    if nxt and tw.text[end][:1].isupper() and lower[end] in c["club_suffixes"]:
        x["club_suffix_after"] = 1.0
    after = end + 1 if nxt and tw.text[end] in {"'s", "’s", "'", "’"} else end
    # the role right after the name or its possessive, or one word later ("Liverpool's new striker")
    if any(k < len(lower) and _in_a_listed_word(lower[k], "team_role_words") and _word_at(doc, k) in c["team_role_words"]
           for k in (after, after + 1)):
        x["team_role_after"] = 1.0
    if prev and _in_a_listed_word(lower[start - 1], "person_role_words") and \
            _role_before(doc, start) in c["person_role_words"]:
        x["person_role_before"] = 1.0
    head = root.head
    if dep in {"nsubj", "nsubjpass", "dobj"} and head.lemma_.lower() in c["sports_verbs"]:
        x["sports_verb_" + ("object" if dep == "dobj" else "subject")] = 1.0
    elif dep == "pobj" and head.lower_ in {"to", "against", "over", "with"} and \
            (head.head.lemma_.lower() in c["sports_verbs"] or head.head.lower_ in c["sports_result_nouns"]):
        x["sports_result_of"] = 1.0
    if prev and _capitalised_word(doc, start - 1, c):
        x["capitalised_word_before"] = 1.0
    if nxt and _capitalised_word(doc, end, c):
        x["capitalised_word_after"] = 1.0
    named = names_by_role(doc)
    if end - start == 1 and text in named[0]:
        x["company_named_elsewhere"] = 1.0
    if end - start == 1 and text in named[1]:
        x["role_named_elsewhere"] = 1.0
    if text in named[2]:
        x["org_entity_elsewhere"] = 1.0
    domain = doc_domain(doc)
    if domain:
        x["doc_domain=" + domain] = 1.0
    return x


def _role_before(doc: Any, start: int) -> str:
    """The word before the name, with a hyphen's first part ("Car-maker Honda", "fly-half Jones")."""
    tw = doc_words(doc)
    k = start - 1
    while k > 0 and not tw.ws[k - 1] and "-" in (tw.text[k], tw.text[k - 1]):
        k -= 1
    return _word_at(doc, k) if k >= 0 else ""


T = TypeVar("T")


def _once_per_document(doc: Any, key: tuple[str, str], work: Callable[[Any], T]) -> T:
    """`work(doc)` kept in the document's `user_data` under `key`: the recognizer asks for it once per candidate
    name, and a document's words do not change after the parse (the length guards a reused key)."""
    kept = doc.user_data.get(key)
    if kept is not None and kept[0] == len(doc):
        return kept[1]
    out = work(doc)
    doc.user_data[key] = (len(doc), out)
    return out


def names_by_role(doc: Any) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Words the article writes as a company's name (after `company_heads_before`: "gas giant Gazprom") or as
    a person's known by one name (after `person_role_words`: "singer Usher"), and names NER reads as an
    organisation and never as a place. A later bare mention ("Gazprom said", "Usher's album") is the same.
    Worked out once per document."""
    return _once_per_document(doc, ("dateline", "role_names"), _find_names_by_role)


def _find_names_by_role(doc: Any) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    c = cues()
    company: set[str] = set()
    person: set[str] = set()
    # only a capitalised word can be such a name: found from the document's word table, so the other tokens
    # never become Token objects (this pass reads every document the recognizer sees)
    words = doc_words(doc)
    text, lower, name, ws = words.text, words.lower, words.name, words.ws
    company_heads, roles = c["company_heads_before"], c["person_role_words"]
    for i in itertools.compress(range(1, words.n), name[1:]):
        before = lower[i - 1]
        if before in company_heads:
            company.add(text[i])
        elif (before in roles if ws[i - 1] and (i == 1 or ws[i - 2]) else
              _in_a_listed_word(before, "person_role_words") and _role_before(doc, i) in roles) and not (
                i + 1 < words.n and text[i + 1][:1].isupper()):
            # (a word with spaces on both sides is the whole role word `_role_before` builds: no hyphen glues
            # another word to it, so a set look-up decides, without the hyphen walk)
            person.add(text[i])  # a one-word name ("singer Usher"), not a full name's first word
    labels: dict[str, set[str]] = {}
    for ent in doc_ents(doc):
        # (`span_text` = `ent.text`, cut from the document's text read once rather than joined from the tokens)
        labels.setdefault(span_text(ent), set()).add(ent.label_)
    orgs = frozenset(t for t, ls in labels.items() if "ORG" in ls and not ls & {"GPE", "LOC", "FAC"})
    return frozenset(company), frozenset(person), orgs


@functools.lru_cache(maxsize=1 << 14)
def _in_a_listed_word(word: str, key: str) -> bool:
    """Whether some word of the cue list `key` (`person_role_words`, `team_role_words`) contains `word`.
    `_word_at` and `_role_before` build a word from the word at a position and the words a hyphen glues to it
    ("fly-half"), so where no listed word contains the word there, none can be built there either, and the
    hyphen walk (a Token per step) is skipped."""
    return any(word in listed for listed in cues()[key])


@functools.cache
def _domain_words() -> dict[str, frozenset[str]]:
    return {name: frozenset(words) for name, words in cues()["doc_domain_words"].items()}


@functools.cache
def _domains_of(low: str) -> tuple[str, ...]:
    """The domains whose word lists hold the lower-case word, in the lists' order."""
    return tuple(name for name, words in _domain_words().items() if low in words)


@functools.cache
def _any_domain_word() -> frozenset[str]:
    return frozenset().union(*_domain_words().values())


def doc_domain(doc: Any) -> str | None:
    """The article's domain when it is ordinary news: sport, culture or business, by the share of its words in
    `doc_domain_words` (at least `domain_min_count` of them and `domain_min_share` of its tokens); None for
    anything else, conflict and protest reports included. Once per document."""
    return _once_per_document(doc, ("dateline", "doc_domain"), _find_domain)


def _find_domain(doc: Any) -> str | None:
    c = cues()
    words = doc_words(doc)
    counts: dict[str, int] = {}
    # the domain words are picked from the word table's lower-case column in one C-level filter, and counted
    # there: only they can count; each distinct one once, in the order the text first uses it, so ties go to
    # the domain met first
    for low, n in Counter(filter(_any_domain_word().__contains__, words.lower)).items():
        for name in _domains_of(low):
            counts[name] = counts.get(name, 0) + n
    best = max(counts, key=counts.__getitem__) if counts else None
    if best is not None and (counts[best] < c["domain_min_count"] or counts[best] < c["domain_min_share"] * words.n):
        best = None
    return best

@functools.cache
def _first_names() -> frozenset[str]:
    from dateline.geo.gazetteer import tables

    return frozenset(tables()["first_names"])


@functools.cache
def _given_names() -> frozenset[str]:
    """Given names of people, for telling "Musa Ibrahim" from a village: the first-name list the candidate
    generator reads (tables.json) and the recognizer's own longer list (toponym_cues.json `given_names`)."""
    return _first_names() | cues()["given_names"]
