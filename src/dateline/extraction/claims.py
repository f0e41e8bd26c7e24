"""Claims: for every event, quote and statement, the chain of who asserts it.

A chain starts with the publisher and adds each party the text cites, outermost first:

    PMOI/MEK (publisher) → Al Arabiya TV (outlet, "according to") → Iraqi security sources ("are reporting")

Markers, in the sentence of the subject:
- "according to X", "X reported/said/claimed that …" (a reporting verb whose complement holds the subject),
  "citing X" / "quoting X" / "X quoted Y as saying" (an inner source), "X's correspondent" (X, then its
  correspondent);
- a subject inside a quote is claimed by the quote's speaker, after whatever relays the quote itself;
- a sentence that continues the previous one with a pronoun subject ("They also closed …") keeps the
  previous sentence's attribution (a coder reads the paragraph as one report);
- no marker: the publisher's own claim (first-hand).

Statements add their actor last: an accusation's content is the actor's claim, relayed by the chain before
it. `Event.claimed_by` (and the quote/statement `claimed_by`) are the chain's names; `Event.source` is the
cited outlet(s), or the publisher for first-hand claims; `Event.source_scale` comes from the outlets table.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from dateline.extraction import notes as notes_mod
from dateline.extraction import quotes as quotes_mod
from dateline.extraction import source as source_mod
from dateline.model import Article, Claim, ClaimLink, Event, Quote, Span, Statement
from dateline.nlp.text import doc_text, doc_words, kept_with, tokens_with_lemma
from dateline.yaml_files import packaged_words

# Reporting verbs whose subject is a source for what their complement says.
REPORT_LEMMAS = packaged_words("quote_cues.yaml", "report_verbs")
CORRESPONDENT_NOUNS = packaged_words("quote_cues.yaml", "correspondent_nouns")
# "X quoted Y as saying …": X relays, Y is the source.
_CITING_LEMMAS = packaged_words("quote_cues.yaml", "citing_verbs")
PRONOUN_STARTS = frozenset(["they", "he", "she", "it", "these", "those"])


def attribute(
    article: Article, doc: Doc, events: list[Event], quotes: list[Quote], statements: list[Statement]
) -> list[Claim]:
    """Claims for every event, quote and statement; also sets their `claimed_by`, and events' source columns."""
    text = article.text
    # chain[0] is always the publisher; its name is "" when no metadata or URL names the outlet (never a
    # placeholder such as "publisher", which CSV, PLOVER and dashboard users read as an outlet's name)
    publisher = ClaimLink(name=outlet_name(article) or "", role="publisher")
    direct = [q for q in quotes if q.kind != "indirect"]
    claims: list[Claim] = []
    quote_chains: dict[str, list[ClaimLink]] = {}

    # Quotes first (outer before nested), so events and statements inside a quote inherit its chain.
    for quote in sorted(quotes, key=lambda q: (q.span.start, -q.span.end)):
        enclosing = _enclosing_quote(quote.span, direct, exclude=quote.id)
        cited: list[ClaimLink] = []
        if enclosing is not None and enclosing.id in quote_chains:
            chain = list(quote_chains[enclosing.id])
        else:
            anchor = quote.cue.start if quote.cue else quote.span.start
            # The speaker stands between who relays the quote and whom the speaker cites ("…, X said, citing Y").
            relays, cited = _sentence_link_parts(doc, text, anchor, skip=quote.span, exclude_speaker=quote.speaker,
                                                 own_cue=quote.cue)
            chain = [publisher, *relays]
        if quote.speaker:
            chain = _append(chain, ClaimLink(name=quote.speaker, role=_role(quote.speaker, quote.speaker_named),
                                             span=quote.speaker_span))
        for link in cited:
            chain = _append(chain, link)
        quote_chains[quote.id] = chain
        quote.claimed_by = _names(chain)
        claims.append(_claim("quote", quote.id, chain, quote.span))

    for event in events:
        anchor_span = _event_anchor(event)
        if anchor_span is None:
            continue
        chain = _chain_for(doc, text, anchor_span, direct, quote_chains, publisher)
        event.claimed_by = _names(chain)
        event.notes = notes_mod.with_source(event.notes, [_as_written(text, link) for link in chain if link.name],
                                            publisher.name or None)
        cited = [link.name for link in chain[1:] if link.role in ("outlet", "organisation")]
        event.source = "; ".join(cited) if cited else publisher.name or None
        event.source_scale = (source_mod.source_scale(cited) if cited
                              else source_mod.source_scale(_names([publisher]), credit=True))
        claims.append(_claim("event", event.id, chain, event.mentions[0] if event.mentions else anchor_span))

    for statement in statements:
        chain = _chain_for(doc, text, statement.evidence, direct, quote_chains, publisher)
        statement.claimed_by = _names(chain)
        if statement.actor:
            chain = _append(chain, ClaimLink(name=statement.actor, role=_role(statement.actor, True)))
        claims.append(_claim("statement", statement.id, chain, statement.evidence))
    return claims


def outlet_name(article: Article) -> str | None:
    """The outlet that published the article: its metadata (publisher, site name), else the host of its URL
    ("https://www.bbc.co.uk/news/x" → "bbc.co.uk"), else None."""
    if article.publisher or article.site_name:
        return article.publisher or article.site_name
    if not article.url:
        return None
    from urllib.parse import urlsplit

    host = (urlsplit(article.url).hostname or "").removeprefix("www.")
    return host or None


def _as_written(text: str, link: ClaimLink) -> str:
    """The link's name with the article the report gives it, for the note's "according to …": "the Red Cross",
    "a security source" (the chain's names drop it). A name the report writes bare ("state media") stays bare."""
    if link.role == "publisher" or link.span is None or not link.name:
        return link.name
    # an inverted report ("said a resident of X") gives a span that ends where its reporting verb does, before
    # the name starts
    first, last = sorted((link.span.start, link.span.end))
    lo, hi = max(0, first - len(link.name)), last + len(link.name)
    for m in re.finditer(re.escape(link.name), text[lo:hi]):
        start, end = lo + m.start(), lo + m.end()
        if start <= last and end >= first:  # the name the link's span is about
            article = re.search(r"\b(the|a|an)\s+$", text[max(0, start - 5):start], re.IGNORECASE)
            if not article or _heads_a_noun(text, end):
                return link.name
            # "The Standard" inside a sentence: the article is part of the title; at a sentence's start it is not
            before = text[:start - len(article.group(0))].rstrip()
            titled = article.group(1)[0].isupper() and before != "" and before[-1] not in ".!?\"”\n"
            return f"{article.group(1) if titled else article.group(1).lower()} {link.name}"
    return link.name


def _heads_a_noun(text: str, name_end: int) -> bool:
    """Does the name modify a noun that follows it ("the Al Arabiya TV report adds")? Then the article before
    the name is that noun's."""
    following = re.match(r"\s+([a-z]+)", text[name_end:name_end + 30])
    return following is not None and following.group(1) in notes_mod.phrases()["source_heads"]


def _names(chain: list[ClaimLink]) -> list[str]:
    """The chain's names for `claimed_by`, without an unknown publisher's empty name."""
    return [link.name for link in chain if link.name]


def _claim(subject: str, subject_id: str, chain: list[ClaimLink], evidence: Span) -> Claim:
    return Claim(subject=subject, subject_id=subject_id, chain=chain, evidence=evidence,  # type: ignore[arg-type]
                 first_hand=len(chain) == 1)


def _append(chain: list[ClaimLink], link: ClaimLink) -> list[ClaimLink]:
    """Add a link unless the chain already ends in (or names) the same party."""
    if any(quotes_mod_names_match(link.name, existing.name) for existing in chain[1:]):
        return chain
    return [*chain, link]


def quotes_mod_names_match(a: str, b: str) -> bool:
    ka, kb = a.lower().strip(), b.lower().strip()
    return ka == kb or ka in kb or kb in ka


def _role(name: str, named: bool) -> str:
    outlet = source_mod.find_outlet(name)
    if outlet is not None:
        return "outlet" if outlet.kind in ("wire", "broadcaster", "newspaper", "state", "social") else "organisation"
    return "person" if named and len(name.split()) <= 4 and "(" not in name else "source"


def _event_anchor(event: Event) -> Span | None:
    """Where the event is told: its trigger evidence when known, else its first mention."""
    for key in ("sub_event_type", "event_type", "trigger"):
        if key in event.evidence:
            return event.evidence[key]
    return event.mentions[0] if event.mentions else None


def _enclosing_quote(span: Span, quotes: list[Quote], exclude: str | None = None) -> Quote | None:
    inside = [q for q in quotes if q.id != exclude and q.span.start <= span.start and span.end <= q.span.end + 1
              and q.kind != "slogan"]
    return min(inside, key=lambda q: q.span.end - q.span.start) if inside else None


def _chain_for(
    doc: Doc, text: str, span: Span, direct: list[Quote], quote_chains: dict[str, list[ClaimLink]],
    publisher: ClaimLink,
) -> list[ClaimLink]:
    quote = _enclosing_quote(span, direct)
    if quote is not None and quote.id in quote_chains:
        chain = list(quote_chains[quote.id])
        for link in _sentence_links(doc, text, span.start, skip=None, exclude_speaker=quote.speaker):
            chain = _append(chain, link)
        return chain
    links = _sentence_links(doc, text, span.start, skip=None, exclude_speaker=None)
    if not links:
        links = _carried_links(doc, text, span.start)
    return [publisher, *links]


# --- markers in a sentence --------------------------------------------------------------------------------


def _sentence(doc: Doc, pos: int) -> SpacySpan | None:
    span = doc.char_span(pos, min(pos + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _sentence_links(
    doc: Doc, text: str, pos: int, skip: Span | None, exclude_speaker: str | None, own_cue: Span | None = None
) -> list[ClaimLink]:
    """Attribution links of the sentence holding `pos`, outermost first."""
    outer, inner = _sentence_link_parts(doc, text, pos, skip, exclude_speaker, own_cue)
    return _dedupe([*outer, *inner])


def _sentence_link_parts(
    doc: Doc, text: str, pos: int, skip: Span | None, exclude_speaker: str | None, own_cue: Span | None = None
) -> tuple[list[ClaimLink], list[ClaimLink]]:
    """(relays, cited sources) of the sentence holding `pos`: "according to X", reporting subjects, outermost
    first; then the sources they cite ("citing Y", "quoted Y")."""
    sent = _sentence(doc, pos)
    if sent is None:
        return [], []
    anchor = next((t for t in sent if t.idx <= pos < t.idx + len(t) + 1), sent.root)
    outer: list[ClaimLink] = []
    inner: list[ClaimLink] = []
    reporters: list[tuple[int, list[ClaimLink]]] = []  # (depth in the parse, links): shallower is outer
    sources, reporting = _markers(doc)
    for i in sources[bisect.bisect_left(sources, sent.start) : bisect.bisect_left(sources, sent.end)]:
        tok = doc[i]
        if skip is not None and skip.start <= tok.idx < skip.end:
            continue
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            obj = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
            if obj is not None:
                outer.extend(_links_for(doc, text, obj, Span.of(text, tok.idx, obj.idx + len(obj))))
        elif tok.lemma_.lower() in _CITING_LEMMAS and tok.pos_ == "VERB":
            # "X quoted Y as saying …": X relays, Y is the source.
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.lower_ not in ("it", "this", "that"):
                reporters.append((_depth(tok), _links_for(doc, text, subject, Span.of(text, subject.idx, tok.idx + len(tok)))))
            obj = next((c for c in tok.children if c.dep_ in ("dobj", "obj")), None)
            if obj is not None:
                inner.extend(_links_for(doc, text, obj, Span.of(text, tok.idx, obj.idx + len(obj))))
    for i in reporting[bisect.bisect_left(reporting, sent.start) : bisect.bisect_left(reporting, sent.end)]:
        tok = doc[i]
        if tok.lemma_ in _CITING_LEMMAS:
            continue
        if skip is not None and skip.start <= tok.idx < skip.end:
            continue
        if own_cue is not None and own_cue.start <= tok.idx < own_cue.end:
            continue  # the quote's own cue: its subject is the speaker, already in the chain
        if not _governs(tok, anchor):
            continue
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.lower_ in ("it", "this", "that", "i", "we", "you"):
            continue
        links = _links_for(doc, text, subject, Span.of(text, subject.idx, tok.idx + len(tok)))
        if exclude_speaker and any(quotes_mod_names_match(l.name, exclude_speaker) for l in links):
            continue
        reporters.append((_depth(tok), links))
    for _, links in sorted(reporters, key=lambda r: r[0]):
        outer.extend(links)
    return _dedupe(outer), _dedupe(inner)


_MARKERS_KEY = ("dateline", "claim_markers")
_REPORTING_POS = frozenset({"VERB", "AUX"})
_REPORTING_LISTED: dict[int, bool] = {}  # lemma hash → a reporting verb's lemma


def _markers(doc: Doc) -> tuple[list[int], list[int]]:
    """(the words that may name a source: "according" and the verbs cite and quote; the reporting verbs), token
    positions in text order, found once per document: the claim of every quote, event and statement reads the
    markers of its sentence, and most words of a sentence are none."""

    def find(doc: Doc) -> tuple[list[int], list[int]]:
        reporting = tokens_with_lemma(doc, _REPORTING_POS, _REPORTING_LISTED, lambda lemma: lemma.lower() in REPORT_LEMMAS)
        citing = [i for i in reporting if doc[i].pos_ == "VERB" and doc[i].lemma_.lower() in _CITING_LEMMAS]
        according = [i for i, lower in enumerate(doc_words(doc).lower) if lower == "according"]
        return sorted([*according, *citing]), reporting

    return kept_with(doc, _MARKERS_KEY, find)


def _dedupe(links: list[ClaimLink]) -> list[ClaimLink]:
    chain: list[ClaimLink] = []
    for link in links:
        if not any(link.name.lower() == c.name.lower() for c in chain):
            chain.append(link)
    return chain


def _depth(tok: Token) -> int:
    return sum(1 for _ in tok.ancestors)


def _governs(verb: Token, anchor: Token) -> bool:
    """The reporting verb's complement holds the anchor (or the anchor is the verb's own clause root)."""
    if anchor.i == verb.i:
        return True
    for child in verb.children:
        if child.dep_ in ("ccomp", "xcomp", "dobj", "advcl", "parataxis", "conj") and any(t.i == anchor.i for t in child.subtree):
            return True
    return verb.dep_ == "ROOT" and any(c.dep_ == "ccomp" for c in verb.children) and any(t.i == anchor.i for t in verb.subtree)


def _links_for(doc: Doc, text: str, head: Token, evidence: Span) -> list[ClaimLink]:
    """One or two links for a cited party: "Al Jazeera's correspondent" → Al Jazeera, its correspondent."""
    if head.lemma_.lower() in CORRESPONDENT_NOUNS or head.lower_ in CORRESPONDENT_NOUNS:
        owner = next((c for c in head.children if c.dep_ == "poss"), None)
        if owner is None:
            prep = next((c for c in head.children if c.lower_ in ("for", "of")), None)
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if owner is not None:
            outlet = _name_of(doc, owner)
            return [ClaimLink(name=outlet, role=_role(outlet, True), span=evidence),
                    ClaimLink(name=f"{outlet} {head.text}", role="source", span=evidence)]
    name = _name_of(doc, head)
    return [ClaimLink(name=name, role=_role(name, head.pos_ == "PROPN"), span=evidence)]


def _name_of(doc: Doc, head: Token) -> str:
    if head.lower_ in quotes_mod.PRONOUNS:
        found = quotes_mod.resolve_antecedent(doc, head.idx, quotes_mod.PRONOUNS[head.lower_], None)  # type: ignore[arg-type]
        if found is not None:
            return found.name
    appos = next((c for c in head.rights if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if head.pos_ == "NOUN" and appos is not None:
        return _name_of(doc, appos)  # "the newspaper Al-Ahram" → Al-Ahram
    ent = quotes_mod._entity_of(doc, head)
    if ent is not None and ent.label_ in ("ORG", "PERSON", "GPE", "NORP", "WORK_OF_ART"):
        if ent.label_ == "PERSON":
            return quotes_mod.full_name(doc, ent, ent.start_char)
        return quotes_mod.expand_name(doc, ent.start, ent.end)
    tokens = quotes_mod.phrase_tokens(head)
    return text_of(doc, tokens).strip(" ,.")


def text_of(doc: Doc, tokens: list[Token]) -> str:
    return doc_text(doc)[tokens[0].idx : tokens[-1].idx + len(tokens[-1])]


def _carried_links(doc: Doc, text: str, pos: int) -> list[ClaimLink]:
    """A sentence that starts with a pronoun subject continues the previous sentence's report."""
    sent = _sentence(doc, pos)
    if sent is None or sent.start == 0:
        return []
    first = next((t for t in sent if not t.is_space and not t.is_punct), None)
    if first is None or first.lower_ not in PRONOUN_STARTS or first.dep_ not in ("nsubj", "nsubjpass"):
        return []
    prev = doc[sent.start - 1].sent
    last = next((t for t in reversed(prev) if not t.is_space), None)
    if last is None or "\n" in text[last.idx + len(last) : first.idx]:
        return []  # a new paragraph starts a new report
    return _sentence_links(doc, text, prev.root.idx, skip=None, exclude_speaker=None)
