"""Quotes and their speakers: direct, nested, slogans, block and indirect quotes, each with who said it.

The quote finder component (`dateline.nlp.components.quotes`) marks quoted passages; this module finds for
each one its cue ("said", "adds", "according to") and its speaker, the way a reader does:

1. the clause right after the closing mark (`…,” one Iraqi demonstrator said.` / `…,” said the minister.`);
2. else the clause right before the opening mark (`The minister said: “…”`, `According to X, “…”`);
3. else the speaker of the previous quote in the same or the previous paragraph (a quote resumed after
   "he said");
4. a slogan takes the subject of its chant verb ("Iraqi protesters chanted ‘…’" → Protesters (Iraq)).

Speakers that are pronouns ("he said") or generic nouns ("the report reads", "the group added") are
resolved by simple coreference: the nearest preceding compatible named mention that is the subject of its
sentence (a person for he/she, an organisation for "the report"/"the group"). A surname alone resolves to
the fullest earlier mention of the same person ("Khamenei" → "Ali Khamenei").

Indirect quotes ("X said that …") come from the parse: a reporting verb with a clausal complement and a
subject, outside any direct quote.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.model import Article, Quote, Span
from dateline.nlp.components.quotes import SPAN_KEY, find_quotes
from dateline.nlp.text import doc_ents, doc_text, tokens_with_lemma
from dateline.resources import Resources
from dateline.yaml_files import packaged_words

# Verbs that introduce what someone said (lemmas). "read" and "add" cover documents ("the report reads").
CUE_LEMMAS = packaged_words("quote_cues.yaml", "cue_verbs")
# Verbs that take a reported clause ("X said that …"); narrower than CUE_LEMMAS to keep indirect quotes real.
INDIRECT_LEMMAS = packaged_words("quote_cues.yaml", "indirect_verbs")
CHANT_LEMMAS = packaged_words("quote_cues.yaml", "chant_verbs")
PRONOUNS = {"he": "person", "she": "person", "they": "group", "it": "org", "we": "group", "i": "person"}
# Generic nouns that stand for an organisation or document named shortly before.
ORG_ANAPHORS = packaged_words("quote_cues.yaml", "org_anaphors")
FORCE_NOUNS = packaged_words("quote_cues.yaml", "force_nouns")
# Nouns that, after a proper name ("the Al Arabiya TV report"), mean "what X says".
DOCUMENT_NOUNS = packaged_words("quote_cues.yaml", "document_nouns")
_RALLY_NOUNS = packaged_words("quote_cues.yaml", "rally_nouns")
SHORT_FRAGMENT_WORDS = 4  # quoted fragments shorter than this are terms or scare quotes unless a cue is next to them
_TRIM = " \t\n,;:“”\"‘’'«»„"


@dataclass
class Speaker:
    name: str
    span: Span | None
    role: str | None = None
    named: bool = False
    kind: str = "person"  # person | org | group


def quotes_from_doc(article: Article, doc: Doc, resources: Resources) -> list[Quote]:
    """Every quote of the article with its kind, cue and speaker, in text order."""
    text = article.text
    runs = _quote_spans(doc)
    quotes: list[Quote] = []
    previous: dict[int, tuple[Speaker, Span | None]] = {}  # paragraph start → last speaker and cue in it
    direct_ranges: list[tuple[int, int]] = []
    for start, end, kind in runs:
        c_start, c_end = _trim(text, start, end)
        if c_end <= c_start:
            continue
        enclosing = next((q for q in quotes if q.span.start <= c_start and c_end <= q.span.end + 1), None)
        cue, speaker = _find_speaker(doc, text, start, end, kind, enclosing, article, resources)
        if speaker is None and cue is None and kind in ("direct", "block") and _opens_sentence(text, start):
            resumed = _continued_speaker(text, start, previous)
            if resumed is not None:
                speaker, cue = resumed
        words = len(text[c_start:c_end].split())
        if kind in ("direct", "nested") and words < SHORT_FRAGMENT_WORDS and cue is None:
            continue  # a term or scare quote (“riots”), not a report of speech
        if kind == "direct" and _embedded_in_reported_clause(text, start, cue, words < SHORT_FRAGMENT_WORDS):
            continue  # a phrase quoted inside indirect speech: the indirect quote carries it
        if kind == "direct" and cue is None and speaker is None and text[c_start].islower():
            continue  # a lower-case fragment with nobody saying it is a phrase of the narrative
        if kind == "direct" and cue is not None and _lemma_at(doc, cue) in CHANT_LEMMAS:
            kind = "slogan"
        if kind == "nested" and enclosing is None:
            kind = "direct"
        quote = Quote(
            id=f"Q{len(quotes) + 1}",
            span=Span.of(text, c_start, c_end),
            kind="direct" if kind == "nested" else kind,  # type: ignore[arg-type]
            speaker=speaker.name if speaker else None,
            speaker_span=speaker.span if speaker else None,
            speaker_role=speaker.role if speaker else None,
            speaker_named=speaker.named if speaker else False,
            cue=cue,
        )
        quotes.append(quote)
        if kind != "slogan" and speaker is not None:
            previous[_paragraph_start(text, start)] = (speaker, cue)
        if enclosing is None:
            direct_ranges.append((start, end))
    for quote in _indirect_quotes(doc, text, direct_ranges, article):
        quotes.append(quote.model_copy(update={"id": f"Q{len(quotes) + 1}"}))
    quotes.sort(key=lambda q: q.span.start)
    return [q.model_copy(update={"id": f"Q{i + 1}"}) for i, q in enumerate(quotes)]


# --- quote spans ------------------------------------------------------------------------------------------


def _quote_spans(doc: Doc) -> list[tuple[int, int, str]]:
    """Quote runs as (start, end, kind): the component's spans, or a scan when it is not in the pipeline."""
    if SPAN_KEY in doc.spans:
        runs = [(s.start_char, s.end_char, s.label_) for s in doc.spans[SPAN_KEY]]
    else:
        runs = [(r.start, r.end, r.kind) for r in find_quotes(doc_text(doc))]
    return sorted(runs, key=lambda r: (r[0], -r[1]))


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _paragraph_start(text: str, pos: int) -> int:
    return text.rfind("\n", 0, pos) + 1


def _opens_sentence(text: str, start: int) -> bool:
    """The quote starts a paragraph or follows a finished sentence (a resumed quote, not a phrase in one)."""
    before = text[text.rfind("\n", 0, max(start - 1, 0)) + 1 : max(start - 1, 0)].rstrip()
    return not before or before[-1] in ".!?”\"’'"


def _lemma_at(doc: Doc, span: Span) -> str:
    found = doc.char_span(span.start, span.end, alignment_mode="expand")
    return found[0].lemma_.lower() if found is not None and len(found) else ""


def _embedded_in_reported_clause(text: str, start: int, cue: Span | None, short: bool = False) -> bool:
    """`said that the country would “never surrender”`: a lower-case fragment after a cue and more words,
    with no colon or comma before the mark, is part of indirect speech, not a quote of its own. A short
    fragment (`said “bad apples” were few`) needs the colon or comma to count as a quote."""
    if cue is None or cue.end >= start:
        return False
    between = text[cue.end : start - 1]
    if "\n" in between or re.search(r"[.!?]", between):
        return False  # the cue belongs to an earlier sentence: this quote resumes a speaker
    if between.rstrip()[-1:] in (":", ","):
        return False
    if short:
        return True
    if not between.strip():
        return False
    first = text[start : start + 1]
    return first.islower()


def _continued_speaker(
    text: str, start: int, previous: dict[int, tuple[Speaker, Span | None]]
) -> tuple[Speaker, Span | None] | None:
    """A quote with no cue of its own resumes the last speaker of its paragraph or the paragraph before."""
    para = _paragraph_start(text, start)
    if para in previous:
        return previous[para]
    earlier = [p for p in previous if p < para]
    if earlier:
        last = max(earlier)
        between = text[last:para]
        if between.count("\n") <= 3:  # adjacent paragraphs (blank lines allowed)
            return previous[last]
    return None


# --- speakers ---------------------------------------------------------------------------------------------


def _find_speaker(
    doc: Doc, text: str, start: int, end: int, kind: str, enclosing: Quote | None, article: Article,
    resources: Resources,
) -> tuple[Span | None, Speaker | None]:
    if kind == "slogan":
        return _slogan_speaker(doc, text, start, article, resources)
    if kind == "nested" and enclosing is not None:
        return None, None
    after = _cue_after(doc, text, end)
    if after is not None:
        cue, head = after
        return Span.of(text, cue.idx, cue.idx + len(cue)), _describe(doc, head, start, article)
    before = _cue_before(doc, text, start if kind != "block" else text.rfind(":", 0, start) + 1)
    if before is not None:
        cue_span, head = before
        return cue_span, _describe(doc, head, start, article)
    return None, None


def _tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="contract")
    return list(span) if span is not None else []


def _clause_end(text: str, pos: int) -> int:
    """End of the attribution clause after a closing mark: the next sentence end, quote or line break."""
    m = re.compile(r"[.!?\n“\"‘]").search(text, pos)
    return m.start() if m else len(text)


def _cue_after(doc: Doc, text: str, end: int) -> tuple[Token, Token] | None:
    close = end
    while close < len(text) and text[close] in _TRIM.replace("\n", ""):
        close += 1
    if close >= len(text) or text[close] == "\n":
        return None
    tokens = _tokens_between(doc, close, _clause_end(text, close))
    if not tokens or len(tokens) > 30:
        return None
    cue = next((t for t in tokens if t.lemma_.lower() in CUE_LEMMAS and t.pos_ in ("VERB", "AUX")), None)
    if cue is None:
        return None
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.idx >= close), None)
    if subject is None:
        # Inverted order ("…,” said the minister.") may parse the speaker as an object or attribute.
        subject = next((t for t in tokens if t.i > cue.i and t.pos_ in ("NOUN", "PROPN", "PRON")), None)
        if subject is not None:
            subject = _np_head(subject)
    if subject is None:
        return None
    return cue, subject


def _cue_before(doc: Doc, text: str, start: int) -> tuple[Span, Token] | None:
    """`X said: “…”`, `X told reporters, “…”`, `According to X, “…”` in the words before the opening mark."""
    open_mark = start - 1
    sent_start = max(text.rfind("\n", 0, max(open_mark, 0)) + 1, _last_sentence_end(text, open_mark))
    tokens = _tokens_between(doc, sent_start, open_mark)
    if not tokens:
        return None
    for tok in reversed(tokens):
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                return Span.of(text, tok.idx, to.idx + len(to)), obj
        if tok.lemma_.lower() in CUE_LEMMAS and tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subject is not None and subject.idx < open_mark:
                return Span.of(text, tok.idx, tok.idx + len(tok)), subject
    return None


def _last_sentence_end(text: str, pos: int) -> int:
    best = 0
    for m in re.finditer(r"[.!?][”’\"']?\s", text[max(0, pos - 400) : pos]):
        best = max(0, pos - 400) + m.end()
    return best


def _np_head(tok: Token) -> Token:
    """Climb compounds and possessives to the head noun of a noun phrase."""
    while tok.dep_ in ("compound", "poss", "amod", "nummod", "det", "case") and tok.head.i != tok.i:
        tok = tok.head
    return tok


def _slogan_speaker(
    doc: Doc, text: str, start: int, article: Article, resources: Resources
) -> tuple[Span | None, Speaker | None]:
    sent_start = max(text.rfind("\n", 0, start) + 1, _last_sentence_end(text, start - 1))
    tokens = _tokens_between(doc, sent_start, start - 1)
    for tok in reversed(tokens):
        if tok.lemma_.lower() in CHANT_LEMMAS or tok.lower_.startswith("chant"):
            verb = tok if tok.pos_ in ("VERB", "AUX") else tok.head
            subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            cue = Span.of(text, tok.idx, tok.idx + len(tok))
            if subject is None:
                return cue, None
            if subject.lower_ in PRONOUNS:
                place = _rally_country(verb, doc)
                if place:
                    return cue, Speaker(name=f"Protesters ({place})", span=None, kind="group")
            speaker = _describe(doc, subject, start, article)
            if speaker is not None and not speaker.named:
                speaker = _acled_group(doc, subject, speaker, start, resources)
            return cue, speaker
    return None, None


def _acled_group(doc: Doc, head: Token, speaker: Speaker, before: int, resources: Resources) -> Speaker:
    """Chanting crowds are named as ACLED names actors ("Iraqi protesters" → "Protesters (Iraq)")."""
    from dateline.extraction import statements as statements_mod

    lemma = head.lemma_.lower()
    if lemma not in statements_mod.GROUP_TEMPLATES and head.lower_ not in statements_mod.GROUP_TEMPLATES:
        return speaker
    country = statements_mod.sentence_country(head.sent, resources) or statements_mod.context_country(doc, resources)
    name = statements_mod.actor_name(doc, head, resources, country, before)
    return Speaker(name=name, span=speaker.span, role=None, named=False, kind="group")


def _rally_country(verb: Token, doc: Doc) -> str | None:
    """"in the rallies of Lebanon they are chanting": chanters at a country's rallies are its protesters."""
    for tok in verb.subtree:
        if tok.lemma_.lower() in _RALLY_NOUNS:
            for child in tok.subtree:
                if child.ent_type_ == "GPE":
                    return child.text
    return None


def phrase_tokens(head: Token, keep_det: bool = False) -> list[Token]:
    """The noun phrase of `head`, cut at its first comma and after its first prepositional phrase that ends
    in a proper name ("the representative in the city of X" — later phrases describe the place)."""
    left = [t for t in head.lefts if t.dep_ not in ("punct", "cc", "prep", "advmod", "appos")]
    tokens = [t for side in left for t in side.subtree] + [head]
    for child in head.rights:
        if child.dep_ in ("punct", "appos", "relcl", "acl", "cc", "conj"):
            break
        sub = list(child.subtree)
        if any(t.text == "," for t in sub):
            sub = sub[: next(i for i, t in enumerate(sub) if t.text == ",")]
        tokens.extend(sub)
        if child.dep_ == "prep" and any(t.pos_ == "PROPN" for t in sub):
            break
    tokens = sorted(set(tokens), key=lambda t: t.i)
    # keep a contiguous run around the head
    run = [head]
    by_i = {t.i: t for t in tokens}
    i = head.i - 1
    while i in by_i:
        run.insert(0, by_i[i])
        i -= 1
    i = head.i + 1
    while i in by_i:
        run.append(by_i[i])
        i += 1
    if not keep_det and len(run) > 1 and run[0].dep_ == "det" and run[0].lower_ in ("the", "a", "an"):
        run = run[1:]
    return run


def expand_name(doc: Doc, start: int, end: int) -> str:
    """The name over tokens [start, end), widened over names glued by "/" or "-" ("PMOI/MEK"), unbracketed."""
    glue = ("/", "-")
    while start > 1 and doc[start - 1].text in glue and not doc[start - 2].whitespace_ and not doc[start - 1].whitespace_:
        start -= 2
    while end + 1 < len(doc) and doc[end].text in glue and not doc[end - 1].whitespace_ and not doc[end].whitespace_:
        end += 2
    name = doc[start:end].text.strip("[]() ")
    name = re.sub(r"^(?:the|The) ", "", name)
    return re.sub(r"[’']s$", "", name)


def _span_of(text: str, tokens: list[Token]) -> Span:
    start = tokens[0].idx
    end = tokens[-1].idx + len(tokens[-1])
    return Span.of(text, start, end)


def _describe(doc: Doc, head: Token, before: int, article: Article) -> Speaker | None:
    """Turn the speaker's head token into a Speaker: named person/org, resolved pronoun, or description."""
    text = doc_text(doc)
    if head.tag_ in ("WP", "WDT") and head.head.dep_ == "relcl" and head.head.head.i != head.head.i:
        # "… Jane Hollis, who says …": a relative clause's speaker is the noun the clause hangs on
        return _describe(doc, head.head.head, before, article)
    lower = head.lower_
    if lower in PRONOUNS:
        return resolve_antecedent(doc, before, PRONOUNS[lower], article)
    tokens = phrase_tokens(head)
    propn = [t for t in tokens if t.pos_ == "PROPN" and t.dep_ != "poss" and not _is_possessor(t)]
    if lower in DOCUMENT_NOUNS and propn:
        # "the Al Arabiya TV report adds" → Al Arabiya TV
        name_tokens = [t for t in tokens if t.i < head.i and t.dep_ == "compound"]
        if name_tokens:
            return Speaker(name=_span_of(text, name_tokens).text, span=_span_of(text, name_tokens), named=True,
                           kind="org")
    if lower in ORG_ANAPHORS and not propn and _is_definite(head):
        found = resolve_antecedent(doc, before, "org", article)
        # "the army", "the police" name a force: they take an earlier name only where it is that force's ("the
        # Nigerian Army ... the army said"), not a capital or group named before ("Kinshasa says ... The army said")
        if found is not None and (lower not in FORCE_NOUNS or lower in found.name.lower()):
            return found
    appos = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if head.pos_ == "NOUN" and appos is not None:
        # "the opposition leader, Maria Santos, told …": the name is the appositive, the noun its role.
        named = _describe(doc, appos, before, article)
        if named is not None and named.named:
            role_tokens = [t for t in phrase_tokens(head) if t.i < appos.i and t.text != ","]
            named.role = named.role or (_span_of(text, role_tokens).text.strip(_TRIM) if role_tokens else None)
            return named
    ent = _entity_of(doc, head)
    if ent is not None and ent.label_ in ("PERSON", "ORG", "NORP", "GPE", "FAC"):
        name = full_name(doc, ent, before) if ent.label_ == "PERSON" else expand_name(doc, ent.start, ent.end)
        return Speaker(name=name, span=Span.of(text, ent.start_char, ent.end_char), role=appositive_role(doc, head),
                       named=True, kind="person" if ent.label_ == "PERSON" else "org")
    if head.pos_ == "PROPN":
        name_tokens = [t for t in tokens if t.pos_ == "PROPN" or t.dep_ == "compound"] or [head]
        span = _span_of(text, name_tokens)
        name = expand_name(doc, name_tokens[0].i, name_tokens[-1].i + 1)
        return Speaker(name=name, span=span, role=appositive_role(doc, head), named=True, kind="org")
    span = _span_of(text, tokens)
    return Speaker(name=span.text.strip(_TRIM), span=span, named=False,
                   kind="group" if head.tag_ in ("NNS", "NNPS") else "person")


def _is_possessor(tok: Token) -> bool:
    return any(t.dep_ == "poss" for t in [tok, *tok.ancestors][:3] if t.pos_ == "PROPN") and any(
        c.dep_ == "case" for c in (tok.head.children if tok.dep_ == "compound" else tok.children)
    )


def _is_definite(tok: Token) -> bool:
    return any(c.lower_ in ("the", "its", "this", "that") for c in tok.children)


def _entity_of(doc: Doc, tok: Token) -> SpacySpan | None:
    """The named entity holding `tok`, read from the token's IOB tags (doc.ents rebuilds on every access)."""
    if not tok.ent_type_:
        return None
    start = tok.i
    while start > 0 and doc[start].ent_iob_ == "I":
        start -= 1
    end = tok.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return SpacySpan(doc, start, end, label=tok.ent_type_)


def _compound_start(tok: Token) -> int:
    start = tok.i
    while start > 0 and tok.doc[start - 1].dep_ == "compound" and tok.doc[start - 1].head.i in range(start, tok.i + 1):
        start -= 1
    return start


def appositive_role(doc: Doc, head: Token) -> str | None:
    """"Ruhollah Bagheri, Khamenei’s representative in the city of Pishva, said" → the appositive."""
    for child in head.rights:
        if child.dep_ == "appos":
            tokens = phrase_tokens(child, keep_det=True)
            return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])].strip(_TRIM)
    return None


def full_name(doc: Doc, ent: SpacySpan, before: int) -> str:
    """A surname alone becomes the fullest earlier name of that person ("Khamenei" → "Ali Khamenei")."""
    last = ent.text.split()[-1]
    best = ent.text
    for other in doc_ents(doc):
        if other.label_ != "PERSON" or other.start_char >= max(before, ent.start_char):
            continue
        words = other.text.split()
        if words[-1] == last and len(words) > len(best.split()):
            best = other.text
    return best


def resolve_antecedent(doc: Doc, before: int, kind: str, article: Article, window: int = 2000) -> Speaker | None:
    """Nearest preceding named mention compatible with `kind` that is the subject of its clause.

    Possessors ("Khamenei’s representative") are not antecedents; mentions inside quotes are skipped
    because they are the quoted speaker's words, not the narrative.
    """
    quoted = [(s.start_char, s.end_char) for s in doc.spans[SPAN_KEY]] if SPAN_KEY in doc.spans else []
    labels = {"person": ("PERSON",), "org": ("ORG", "NORP", "GPE"), "group": ("ORG", "NORP", "PERSON")}[kind]
    candidates = []
    for ent in doc_ents(doc):
        if ent.end_char > before or ent.start_char < before - window or ent.label_ not in labels:
            continue
        if any(a <= ent.start_char < b for a, b in quoted):
            continue
        root = ent.root
        if root.dep_ not in ("nsubj", "nsubjpass"):
            continue
        candidates.append(ent)
    if kind != "person":
        # Names the tagger missed ("Human Rights Watch published …"): proper-noun subjects outside entities.
        for tok in doc:
            if tok.idx >= before:
                break  # tokens run in text order: none after this one comes before `before`
            if tok.idx < before - window or tok.pos_ != "PROPN" or tok.dep_ != "nsubj":
                continue
            if tok.ent_type_ or any(a <= tok.idx < b for a, b in quoted):
                continue
            candidates.append(doc[_compound_start(tok) : tok.i + 1])
        candidates.sort(key=lambda e: e.start_char)
    if not candidates:
        return None
    ent = candidates[-1]
    name = full_name(doc, ent, before) if ent.label_ == "PERSON" else expand_name(doc, ent.start, ent.end)
    return Speaker(
        name=name,
        span=Span.of(doc_text(doc), ent.start_char, ent.end_char),
        role=appositive_role(doc, ent.root),
        named=True,
        kind="person" if ent.label_ == "PERSON" else "org",
    )


# --- indirect quotes --------------------------------------------------------------------------------------
_REPORTING_POS = frozenset({"VERB", "AUX"})
_INDIRECT_LISTED: dict[int, bool] = {}  # lemma's string hash → a verb of reporting (INDIRECT_LEMMAS)


def _indirect_lemma(lemma: str) -> bool:
    return lemma.lower() in INDIRECT_LEMMAS



def _indirect_quotes(
    doc: Doc, text: str, direct: list[tuple[int, int]], article: Article
) -> list[Quote]:
    out: list[Quote] = []
    for i in tokens_with_lemma(doc, _REPORTING_POS, _INDIRECT_LISTED, _indirect_lemma):
        tok = doc[i]
        if any(a <= tok.idx < b for a, b in direct):
            continue
        comp = next((c for c in tok.children if c.dep_ == "ccomp"), None)
        if comp is None or any(a <= comp.idx < b for a, b in direct):
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj",)), None)
        if subject is None and tok.dep_ == "pcomp" and tok.head.lower_ == "as":
            # "X quoted an official as saying …": the one quoted is the speaker.
            subject = next((c for c in tok.head.head.children if c.dep_ in ("dobj", "obj")), None)
        if subject is None and tok.dep_ in ("advcl", "xcomp", "conj", "acl", "pcomp"):
            subject = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
        if subject is None or subject.lower_ in ("it", "this", "that", "i", "you"):
            continue
        sub = [t for t in comp.subtree if not (t.dep_ == "mark" and t.lower_ == "that" and t.head.i == comp.i)]
        # Content follows the verb ("said that …") or, in a parenthetical report, precedes it ("…, X said").
        sub = [t for t in sub if t.i > tok.i] if comp.i > tok.i else [t for t in sub if t.i < subject.i]
        if len(sub) < 3:
            continue
        c_start, c_end = _trim(text, sub[0].idx, sub[-1].idx + len(sub[-1]))
        speaker = _describe(doc, subject, tok.idx, article)
        out.append(
            Quote(
                id="Q0",
                span=Span.of(text, c_start, c_end),
                kind="indirect",
                speaker=speaker.name if speaker else None,
                speaker_span=speaker.span if speaker else None,
                speaker_role=speaker.role if speaker else None,
                speaker_named=speaker.named if speaker else False,
                cue=Span.of(text, tok.idx, tok.idx + len(tok)),
            )
        )
    return out
