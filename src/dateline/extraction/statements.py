"""PLOVER statements: verbal events (ACCUSE, SUPPORT, THREATEN, DEMAND, REJECT, CONSULT, AGREE, CONCEDE).

ACLED records material events only; condemnations, accusations, calls to act and expressions of support are
verbal events, which PLOVER codes. A statement is found from a cue verb (`data/plover.yaml`), from a reporting
verb whose reported clause is the speaker's own refusal or threat ("said it would never negotiate"), or from a noun
of an act that a named speaker owns ("the union's demands for a pay rise"), and takes:

- actor: the doer a passive names ("was rejected by the rebels"), else the cue's subject, and for a spokesperson
  the body spoken for ("a spokesman for the ministry" → the ministry); for a participle with none of its own ("issued a statement condemning …",
  "active on social media calling on …", "Khamenei insulting …"), the subject of the clause it hangs from;
- target: the object when it names an actor; when the object is a deed ("condemned the crimes committed by
  security forces"), the doer named by "by"; for a deed blamed "on" an actor ("blamed the attack on the rebels"),
  that actor;
- date: the date expression that governs the cue (`dates.date_for_event`), location: a place named in the
  actor's phrase ("tribal sheikhs in Diyala Province");
- names in ACLED's style through the codebook's actor templates ("Iraqi demonstrators" → "Protesters (Iraq)",
  "security forces" → "Police Forces of Iraq").

- mode: PLOVER's mode where the sentence says it (`statement_modes` in `data/plover.yaml`): a cue that says it
  by itself ("telephoned" → phone, "accused" → allege), or a word of what the cue is about ("threatened to arrest"
  → arrest, "called for talks" → meet); else none.

Negated cues ("did not condemn") are skipped. Claims (who relays the statement) are set by `claims.py`.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from dateline.extraction import quotes as quotes_mod
from dateline.model import Article, DateMention, Place, Quote, Span, Statement
from dateline.nlp.components.dates import MONTHS, WEEKDAYS
from dateline.nlp.text import tokens_with_lemma
from dateline.resources import Resources
from dateline.yaml_files import packaged_yaml

# Head lemmas of common actor nouns → the codebook's actor template key.
GROUP_TEMPLATES = {
    "demonstrator": "protesters", "protester": "protesters", "protestor": "protesters", "marcher": "protesters",
    "rioter": "rioters", "mob": "rioters",
    "police": "police", "policeman": "police", "policemen": "police",
    "army": "military", "soldier": "military", "troop": "military", "military": "military",
    "government": "government", "authority": "government", "authorities": "government",
    "civilian": "civilians", "resident": "civilians", "villager": "civilians",
}
# Deeds whose doer (named by "by") is the target of an accusation.
DEED_NOUNS = frozenset(
    ["crime", "crimes", "killing", "killings", "violence", "attack", "attacks", "abuse", "abuses", "repression", "crackdown", "action", "actions", "use", "shooting", "shootings", "arrest", "arrests", "torture", "massacre", "atrocity", "atrocities", "violation", "violations", "beating", "beatings", "raid", "raids", "bombing", "bombings", "detention", "detentions", "assault", "harassment", "intimidation", "disappearance", "disappearances", "execution", "executions", "airstrike", "airstrikes", "shelling", "demolition", "demolitions", "siege", "blockade"]
)
_PLACE_SUFFIXES = (" Province", " province", " Governorate", " governorate", " Region", " District")


@dataclass(frozen=True)
class Cue:
    plover: str
    lemma: str
    particle: str | None  # a child word the cue needs ("call on"), or None

    @property
    def phrase(self) -> str:
        """The cue as plover.yaml's tables name it: "accuse", "call on"."""
        return self.lemma if self.particle is None else f"{self.lemma} {self.particle}"


def load_plover() -> dict[str, Any]:
    """The packaged PLOVER table; a missing file is a clear error."""
    return packaged_yaml("plover.yaml")


@functools.cache
def _cues() -> dict[str, list[Cue]]:
    table: dict[str, list[Cue]] = {}
    for plover, spec in load_plover()["types"].items():
        for cue in spec["cues"]:
            words = str(cue).split()
            table.setdefault(words[0], []).append(Cue(plover, words[0], words[1] if len(words) > 1 else None))
    return table


KEPT = "kept"  # a candidate's verdict when the rules emit it; otherwise the verdict is the rule's reason
# The type of a speech verb's candidate in which the rules find no act: the decision model types it if it keeps it.
REPORTED = "REPORTED"


@dataclass
class StatementCandidate:
    """A cue the rules weighed, with their verdict: `KEPT`, or the reason they turned it down ("habitual",
    "no_actor", "cue_sense" …). The decision model reads the verdict as one of its features."""

    statement: Statement
    cue: Cue
    token: int  # the cue's token in the doc
    verdict: str
    actor_token: int | None
    target_token: int | None


def extract_statements(
    article: Article,
    doc: Doc,
    resources: Resources,
    places: list[Place],
    dates: list[DateMention],
    quotes: list[Quote],
) -> list[Statement]:
    """Every PLOVER verbal event in the article, in text order."""
    # (the statement decision model, `statement_decision.decide_statements`, is trained and shipped but not used
    # here: on the held-out half it did not find more statements than the rules, see docs/models.md)
    kept = [c.statement for c in statement_candidates(article, doc, resources, places, dates, quotes, rejected=False)]
    for number, statement in enumerate(kept, start=1):
        statement.id = f"S{number}"
    return kept


def _veto(tok: Token, cue: Cue) -> str | None:
    """The rules' reason to turn a cue down before its speaker is looked for, or None."""
    if any(c.dep_ == "neg" for c in tok.children):
        return "negated"
    if _denied(tok):
        return "denied"
    if _unrealised(tok):
        return "unrealised"
    if tok.dep_ == "amod":
        return "adjective"  # a participle used as an adjective names a kind, not an act: "a visiting fellow"
    if _habitual(tok):
        return "habitual"  # "has long accused", "whenever she passed through the town": a standing position or habit, no act
    if _ongoing(tok):
        return "ongoing"  # "it is asking people to …", "students are calling for …": a campaign going on, no act of a day
    if _told_as_past(tok):
        return "told_as_past"  # "had previously backed", "had threatened it in the past": background to the news
    if _hypothetical(tok):
        return "hypothetical"  # "if the rebels reject the offer", "unless the minister meets them": a condition, no act
    if _own_story(tok):
        return "own_story"  # "I met him in the camp", "I’ve visited the prison": someone telling what they did, no act of the news
    if tok.dep_ == "acl" and cue.lemma in _word_set("stance_participles"):
        return "stance"  # "rebels opposing the regime": which side they are on, not something they said
    if _passive_without_agent(tok):
        return "passive_no_agent"  # "X was accused of …" / "X accused of …" (headline): who accuses is not said
    return None


def _table_cue(tok: Token) -> Cue | None:
    """The cue of the PLOVER table a word turned down by the cue rules would have been ("called" of "call on"
    without its particle, "backed the militia"): so a candidate still has a cue and a type. A verb of speech
    (`speech_verbs`) whose words tell no act the rules know gets the type `REPORTED`."""
    table = _noun_cues() if tok.pos_ == "NOUN" else _cues()
    cues = table.get(tok.lemma_.lower(), [])
    child_words = {c.lemma_.lower() for c in tok.children}
    cue = next((c for c in cues if c.particle in child_words), None) or next(iter(cues), None)
    if cue is None and tok.pos_ == "VERB" and tok.lemma_.lower() in _word_set("speech_verbs"):
        return Cue(REPORTED, tok.lemma_.lower(), None)
    return cue


def statement_candidates(
    article: Article,
    doc: Doc,
    resources: Resources,
    places: list[Place],
    dates: list[DateMention],
    quotes: list[Quote],
    rejected: bool = True,
) -> list[StatementCandidate]:
    """Every cue word the rules weigh, in text order, each with their verdict: the statements they emit
    (`KEPT`) and those they turn down, with the reason (only the kept ones with `rejected=False`, which spares
    naming the speaker of every "said")."""
    from dateline.extraction.dates import date_for_event

    text = article.text
    country = context_country(doc, resources)
    out: list[StatementCandidate] = []
    seen: set[tuple[int, str]] = set()
    retold: set[tuple[str, str, str, str | None]] = set()
    # (match_cue wants a verb with a cue lemma: the others are left out before a Token is built for them)
    for i in tokens_with_lemma(doc, _CUE_POS, _CUE_LISTED, _cue_lemma):
        tok = doc[i]
        cue = noun_cue(tok) if tok.pos_ == "NOUN" else reported_act(tok) or announced_force(tok) or match_cue(tok)
        verdict = None if cue is not None else "no_act" if tok.lemma_.lower() in _word_set("speech_verbs") else "cue_sense"
        cue = cue or _table_cue(tok)
        if cue is None:
            continue
        verdict = verdict or _veto(tok, cue)
        if verdict is not None and not rejected:
            continue
        actor_tok = _possessor(tok) if tok.pos_ == "NOUN" else statement_actor(tok)
        actor_tok = _body_spoken_for(actor_tok) if actor_tok is not None else None
        if actor_tok is None or not can_speak(actor_tok):
            verdict = verdict or ("no_actor" if actor_tok is None else "not_a_speaker")
        if verdict is not None and not rejected:
            continue
        sent = tok.sent
        key = (sent.start, cue.plover + (actor_tok.lower_ if actor_tok is not None else ""))
        if verdict is None:
            if key in seen:
                verdict = "same_sentence"
            seen.add(key)
        sent_country = sentence_country(sent, resources) or country
        actor = actor_name(doc, actor_tok, resources, sent_country, tok.idx) if actor_tok is not None else None
        target_tok = statement_target(tok, cue)
        target = actor_name(doc, target_tok, resources, sent_country, tok.idx) if target_tok is not None else None
        evidence = _evidence(text, sent, tok)
        trigger = Span.of(text, tok.idx, tok.idx + len(tok))
        sentence = Span.of(text, sent.start_char, sent.end_char)
        para_start = text.rfind("\n", 0, tok.idx) + 1
        para_end = text.find("\n", tok.idx)
        paragraph = Span.of(text, para_start, para_end if para_end != -1 else len(text))
        date = date_for_event(dates, trigger, sentence, paragraph, article)
        if date is not None and _not_news(date):
            verdict = verdict or "date_not_news"
        if verdict is not None and not rejected:
            continue
        modes = statement_modes(tok, cue, text)
        if not modes and cue.phrase in _word_set("mode_only_cues"):
            verdict = verdict or "mode_only"  # "spoke to reporters" is an interview; "spoke to the president by phone" a call
        # a news report retells its acts ("The mayor denies taking bribes." … "The mayor, 58, denies taking money
        # from a builder"): the same speaker's act of one type, by one cue verb, at the same target is told once. A
        # reporting verb ("said") tells a new act with each clause it reports.
        told = (cue.plover, cue.lemma, actor or "", target)
        if verdict is None and told in retold:
            verdict = "retold"
        if verdict is None and cue.lemma not in _reported_acts()[0]:
            retold.add(told)
        if verdict is not None and not rejected:
            continue
        statement = Statement(
            id=f"S{len(out) + 1}",
            plover=cue.plover,
            actor=actor,
            target=target if target != actor else None,
            date=date.date_start if date is not None else None,
            location=_actor_location(doc, actor_tok, places) if actor_tok is not None else None,
            mode=list(modes),
            mode_evidence=modes,
            evidence=evidence,
            trigger=trigger,
        )
        out.append(StatementCandidate(statement, cue, i, verdict or KEPT, actor_tok.i if actor_tok is not None else None,
                                      target_tok.i if target_tok is not None else None))
    return out


# --- cues -------------------------------------------------------------------------------------------------


_CUE_POS = frozenset({"VERB", "NOUN"})
_CUE_LISTED: dict[int, bool] = {}  # lemma's string hash → a cue of the PLOVER table


def _cue_lemma(lemma: str) -> bool:
    low = lemma.lower()
    return (bool(_cues().get(low)) or low in _reported_acts()[0] or low in _noun_cues()
            or low in _word_set("announced_force", "verbs") or low in _word_set("speech_verbs"))


@functools.cache
def _noun_cues() -> dict[str, list[Cue]]:
    """`act_nouns` in plover.yaml: noun lemma → its cues ("demand" DEMAND, "call for" DEMAND)."""
    table: dict[str, list[Cue]] = {}
    for plover, nouns in load_plover().get("act_nouns", {}).items():
        for noun in nouns:
            words = str(noun).split()
            table.setdefault(words[0], []).append(Cue(str(plover), words[0], words[1] if len(words) > 1 else None))
    return table


def noun_cue(tok: Token) -> Cue | None:
    """The act a noun names when its speaker owns it ("the union's demands for a pay rise", "the UN's condemnation of the
    raid"): a noun of `act_nouns` with its particle, if it needs one ("call for"). Without a named owner a noun tells
    no one's act ("calls for a truce grew") and `_possessor` finds none."""
    if tok.dep_ == "pobj":
        return None  # "within days of Trump's demand", "in response to its demands": an act recalled, no news of its own
    children = {c.lemma_.lower() for c in tok.children if c.dep_ == "prep"}
    return next((c for c in _noun_cues().get(tok.lemma_.lower(), []) if c.particle is None or c.particle in children),
                None)


def _possessor(noun: Token) -> Token | None:
    """Who owns the act a noun names: a name or a body in the possessive ("the union's demands"), or named by "by"
    ("demands by the union"); a pronoun ("his demands") or a bare noun names no one here."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        by = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "by"), None)
        owner = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return owner if owner is not None and owner.pos_ != "PRON" else None


@functools.cache
def _reported_acts() -> tuple[frozenset[str], frozenset[str], tuple[tuple[str, bool, frozenset[str]], ...]]:
    """`reported_acts` in plover.yaml: reporting verbs, modals of intent, and (type, negated, verbs) per act."""
    acts = tuple((str(plover), bool(act.get("negated")), frozenset(str(v) for v in act["verbs"]))
                 for plover, act in load_plover().get("reported_acts", {}).get("acts", {}).items())
    return _word_set("reported_acts", "reporting_verbs"), _word_set("reported_acts", "intent_modals"), acts


def reported_act(tok: Token) -> Cue | None:
    """The act a reporting verb tells ("said it would never negotiate": REJECT; "warned it would retaliate":
    THREATEN; "said the closure was a disgrace" or "say the ministry has ignored them": ACCUSE), with the reporting
    verb as its cue; None when the reported clause is neither a condemnation, a wrong of another nor an intent of
    the speaker's."""
    verbs, modals, acts = _reported_acts()
    lemma = tok.lemma_.lower()
    if tok.pos_ != "VERB" or lemma not in verbs:
        return None
    for clause in _reported_clauses(tok):
        negated = any(c.dep_ == "neg" for c in clause.children)
        if not negated and any(t.lemma_.lower() in _word_set("reported_acts", "condemnations") for t in clause.subtree):
            return Cue("ACCUSE", lemma, None)
        if lemma in _word_set("reported_acts", "obligation_verbs") and any(
                c.dep_ == "aux" and c.lower_ in _word_set("reported_acts", "obligation_modals") for c in clause.children):
            return Cue("DEMAND", lemma, None)
        if not negated and lemma in _word_set("reported_acts", "threat_warnings", "verbs") and any(
                c.dep_ == "aux" and c.lower_ in modals for c in clause.children) and any(
                t.lemma_.lower() in _word_set("reported_acts", "threat_warnings", "words") for t in clause.subtree):
            return Cue("THREATEN", lemma, None)  # "warned that any attack would be met with force"
        if not negated and _conditional_threat(clause, modals, acts):
            return Cue("THREATEN", lemma, None)
        subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
        if not negated and subject is not None and _blamed(subject, clause):
            return Cue("ACCUSE", lemma, None)
        if negated and subject is not None and _neglected(tok, subject, clause):
            return Cue("ACCUSE", lemma, None)
        # a passive hides the doer, who is the speaker's side: "said the town would not be returned"
        passive = subject is None and any(c.dep_ == "auxpass" for c in clause.children)
        if not (passive or (subject is not None and subject.pos_ == "PRON")):
            continue
        act = clause if any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children) else _readied(clause)
        if act is None:
            continue
        plover = next((p for p, neg, lemmas in acts if neg == negated and act.lemma_.lower() in lemmas), None)
        if plover is not None:
            return Cue(plover, lemma, None)
    return None


def announced_force(tok: Token) -> Cue | None:
    """A plan of force made known is a threat ("has flagged plans to advance on the town", "unveiled plans to storm
    the port"): a verb of `announced_force` with a plan or an intention as object whose infinitive is an act of
    force; "announced plans to rebuild the market" threatens no one."""
    if tok.pos_ != "VERB" or tok.lemma_.lower() not in _word_set("announced_force", "verbs"):
        return None
    plans = [c for c in tok.children if c.dep_ in ("dobj", "obj") and c.lemma_.lower() in _word_set("announced_force", "nouns")]
    acts = [v for p in plans for v in p.children if v.dep_ in ("acl", "relcl") and v.pos_ == "VERB"
            and any(a.dep_ == "aux" and a.lower_ == "to" for a in v.children)]
    if any(v.lemma_.lower() in _word_set("announced_force", "acts") for v in acts):
        return Cue("THREATEN", tok.lemma_.lower(), None)
    return None


def _reported_clauses(verb: Token) -> list[Token]:
    """The clauses a reporting verb reports: its that-clause, and the one the parser hangs on the noun of "said in a
    statement that …", "said in an interview that …"."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    nouns = [o for p in verb.children if p.dep_ == "prep" and p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    return clauses + [c for n in nouns for c in n.children if c.dep_ in ("acl", "ccomp")
                      and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)]


def _conditional_threat(clause: Token, modals: frozenset[str],
                        acts: tuple[tuple[str, bool, frozenset[str]], ...]) -> bool:
    """The reported clause threatens on a condition a state would act on ("declared that the country would strike
    back if its ships were seized"): a modal of intent, a verb of a threat, an "if" clause and a state for subject,
    which an official speaks for. Without the condition ("said Iran would respond") or with another subject ("said
    the rebels would attack the town if the army left") the clause foretells."""
    threats = next((lemmas for plover, neg, lemmas in acts if plover == "THREATEN" and not neg), frozenset())
    if clause.lemma_.lower() not in threats or not any(c.dep_ == "aux" and c.lower_ in modals for c in clause.children):
        return False
    if not any(c.dep_ == "nsubj" and c.ent_type_ == "GPE" for c in clause.children):
        return False
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "if" for m in c.children)
               for c in clause.children)


def _readied(clause: Token) -> Token | None:
    """The act a clause says its subject is (not) ready for, as a modal would ("they were not ready to accept the
    ceasefire", "it was not possible to talk with the owners"): the infinitive of an adjective of `readiness_words`."""
    ready = next((c for c in clause.children if c.dep_ == "acomp"
                  and c.lemma_.lower() in _word_set("reported_acts", "readiness_words")), None)
    if ready is None:
        return None
    # the parser hangs the infinitive on the adjective ("ready to accept") or on the verb ("was not possible to talk")
    return next((c for c in (*ready.children, *clause.children) if c.dep_ == "xcomp" and c.pos_ == "VERB"), None)


def _blamed(subject: Token, clause: Token) -> bool:
    """The reported clause tells a wrong done by another actor ("say the council has ignored their letters",
    "said the minister had chosen to mislead parliament"): its verb, or the verb it governs, is one of `blame_verbs`, and its
    subject is an actor other than the speaker's own "I" or "we"."""
    if subject.lower_ in ("i", "we") or not can_speak(subject):
        return False
    verbs = [clause, *(c for c in clause.children if c.dep_ == "xcomp")]
    return any(v.lemma_.lower() in _word_set("reported_acts", "blame_verbs") or _endangers(v) for v in verbs)


_SINGULAR_PRONOUNS = frozenset({"he", "she", "it"})


def _neglected(reporting: Token, subject: Token, clause: Token) -> bool:
    """The reported clause tells what another actor has not done for the speaker's side ("say the ministry has not
    responded to their requests", "said the army did not help them"): a negated verb of `omission_verbs` whose
    subject is not the speaker. A pronoun is another actor only when its number is not the speaker's ("the
    authorities say it has not responded"); "the ministry said it had not responded" tells of itself."""
    if clause.lemma_.lower() not in _word_set("reported_acts", "omission_verbs"):
        return False
    if subject.pos_ != "PRON":
        return can_speak(subject)
    speaker = statement_actor(reporting)
    if speaker is None or subject.lower_ in ("i", "we", "you"):
        return False
    plural_speaker = speaker.tag_ in ("NNS", "NNPS") or speaker.lower_ in ("they", "we")
    return plural_speaker == (subject.lower_ in _SINGULAR_PRONOUNS)


@functools.cache
def _danger_phrases() -> frozenset[tuple[str, str, str]]:
    """`reported_acts.danger_phrases` in plover.yaml as (verb, preposition, noun): ("put", "at", "risk")."""
    return frozenset((w[0], w[1], w[2]) for p in _word_set("reported_acts", "danger_phrases") if len(w := p.split()) == 3)


def _endangers(verb: Token) -> bool:
    """The verb puts something in danger ("was placing the country's security at risk", "had put lives in danger")."""
    lemma = verb.lemma_.lower()
    return any((lemma, prep.lower_, obj.lemma_.lower()) in _danger_phrases()
               for prep in verb.children if prep.dep_ == "prep" for obj in prep.children if obj.dep_ == "pobj")


def match_cue(tok: Token) -> Cue | None:
    """The PLOVER cue this token heads, if any ("condemned", "calling on", "expressed … support")."""
    if tok.pos_ not in ("VERB",):
        return None
    candidates = _cues().get(tok.lemma_.lower(), [])
    if not candidates:
        return None
    # an adverb is no particle: "turned the city upside down" does not turn anything down
    # plover.yaml writes a phrase's word as it is read ("hold talks"), whose lemma is another ("talk")
    child_words = {w for c in tok.children if c.dep_ != "advmod" and not _dates_the_act(c)
                   for w in (c.lemma_.lower(), c.lower_)}
    # "called for the detainee to be given …", "countered that …": the parser makes "for" or "that" the mark of the clause
    # it opens, not the cue's child, and in a long clause hangs it on a clause within ("countered that …, it had made
    # no demands, and its offer … was only a proposal"); a mark right after the cue is the cue's still
    after = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if after is not None and after.dep_ == "mark" and tok in after.ancestors:
        child_words.add(after.lemma_.lower())
    cue = next((c for c in candidates if c.particle is not None and c.particle in child_words), None)
    if cue is None:
        cue = next((c for c in candidates if c.particle is None), None)
    if cue is None or not _takes_verbal_object(tok, cue) or _receives_people(tok, cue) or _material_sense(tok, cue):
        return None
    asked = [c for c in tok.children if c.dep_ in ("dobj", "xcomp")]
    if cue.plover == "DEMAND" and any(c.lemma_.lower() in _word_set("anonymity_words") for c in asked):
        return None  # "who requested anonymity": how the report cites its source
    if cue.phrase in _word_set("infinitive_cues") and not any(c.dep_ == "xcomp" for c in asked):
        return None  # "asked about the strike", "asked whether …": a question, not a call to act
    if cue.phrase in _word_set("fact_senses") and any(c.dep_ == "ccomp" for c in tok.children):
        return None  # "conceded that the drought had cut the harvest": owning a fact, not yielding
    if cue.plover == "CONCEDE" and any(c.dep_ == "prep" and c.lower_ == "in" and any(
            o.dep_ == "pobj" and o.lemma_.lower() in _word_set("protest_nouns") for o in c.children) for c in tok.children):
        return None  # "resigned in protest": a protest, not yielding
    return cue


def _dates_the_act(prep: Token) -> bool:
    """A preposition that only says when ("called the strikes a crime on Monday"): no particle of a cue."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.dep_ == "prep" and bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


@functools.cache
def _cue_objects() -> dict[str, frozenset[str]]:
    return {str(k): frozenset(str(w) for w in v) for k, v in load_plover().get("cue_objects", {}).items()}


def _takes_verbal_object(tok: Token, cue: Cue) -> bool:
    """A cue with another sense is a verbal act only with one of its listed words as object or complement
    (`cue_objects` in plover.yaml): "backed the plan", not "backed the militia" nor "rebels backed by Turkey"; "warned of
    retaliation", not "warned of a catastrophe"."""
    wanted = _cue_objects().get(cue.phrase)
    if wanted is None:
        return True
    if cue.particle is None:
        objects = [c for c in tok.children if c.dep_ in ("dobj", "obj", "nsubjpass")]
        # "vowed to retaliate", "vowed to wage war": the complement's verb and its object say what is vowed
        clauses = [c for c in tok.children if c.dep_ == "xcomp"]
        objects += clauses + [o for c in clauses for o in c.children if o.dep_ in ("dobj", "obj")]
    else:
        objects = [o for p in tok.children if p.lemma_.lower() == cue.particle for o in p.children if o.dep_ == "pobj"]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    return any(o.lemma_.lower() in wanted for o in objects)


def _material_sense(tok: Token, cue: Cue) -> bool:
    """The cue's object makes it a deed (`material_senses` in plover.yaml): a visit to a place that is no actor
    ("visited the scene of the attack", "a camp he has visited"), a person dismissed from a post ("dismissed the army
    chief"; "dismissed him as a traitor" rejects), entry or access denied ("refused the convoy access"), the press
    met ("met reporters at the airport": how the news was told, as "spoke to reporters" is), a mishap blamed on a
    thing ("blamed the crash on icy roads": a cause named, no one accused)."""
    senses = load_plover().get("material_senses", {})
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    if not objects and tok.dep_ == "relcl":
        objects = [tok.head]  # "a place he has visited": what is visited is the noun the clause describes
    if cue.phrase in senses.get("actor_objects", []):
        return bool(objects) and not any(can_speak(o) for o in objects)
    if cue.phrase in senses.get("post_cues", []):
        as_what = any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
        return not as_what and any(can_speak(o) or o.like_num or o.pos_ == "NUM" for o in objects)
    if cue.phrase in senses.get("cause_cues", []):
        causes = [o for h in (tok, *objects) for p in h.children if p.dep_ == "prep" and p.lower_ == "on"
                  for o in p.children if o.dep_ == "pobj"]
        owned = [c for o in causes for c in o.children if c.dep_ == "poss"]
        return bool(causes) and not any(can_speak(o) for o in (*objects, *causes, *owned))
    if cue.phrase in senses.get("press_cues", []):
        press = frozenset(senses.get("press_words", []))
        objects += [o for p in tok.children if p.dep_ == "prep" and p.lower_ == "with" for o in p.children
                    if o.dep_ == "pobj"]
        return any(o.lemma_.lower() in press for o in objects)
    if cue.phrase in senses.get("access_cues", []):
        access = frozenset(senses.get("access_words", []))
        return any(o.lemma_.lower() in access for o in objects)
    return False


def _receives_people(tok: Token, cue: Cue) -> bool:
    """The cue's object is displaced people it takes in ("hosts 600,000 refugees", "welcomed the newcomers"): shelter,
    a deed, not a verbal act (`received_people` in plover.yaml)."""
    if cue.phrase not in _word_set("received_people", "cues"):
        return False
    people = _word_set("received_people", "words")
    objects = [c for c in tok.children if c.dep_ in ("dobj", "obj")]
    objects += [c for o in objects for c in o.children if c.dep_ == "conj"]
    # the object's own word or its modifier: "refugees", "displaced families", "asylum seekers"
    return any(w.lemma_.lower() in people or w.lower_ in people
               for o in objects for w in (o, *(c for c in o.children if c.dep_ in ("amod", "compound"))))


@dataclass(frozen=True)
class ModeRule:
    mode: str
    cues: frozenset[str]  # cues that say the mode by themselves: "accuse", "hold responsible"
    words: tuple[tuple[str, str | None], ...]  # (lemma, a child's lemma it needs or None): ("use", "force")


@functools.cache
def _mode_rules() -> dict[str, tuple[frozenset[str], tuple[ModeRule, ...]]]:
    """PLOVER type → (prepositions that lead to what the act is about, its mode rules), from plover.yaml."""
    table: dict[str, tuple[frozenset[str], tuple[ModeRule, ...]]] = {}
    for plover, spec in load_plover().get("statement_modes", {}).items():
        rules = []
        for mode, rule in spec["modes"].items():
            words = [str(word).split() for word in rule.get("words", [])]
            rules.append(ModeRule(str(mode), frozenset(str(cue) for cue in rule.get("cues", [])),
                                  tuple((w[0], w[1] if len(w) > 1 else None) for w in words)))
        table[plover] = (frozenset(spec.get("prepositions", [])), tuple(rules))
    return table


# Links from a word to what it governs that carry what an act is about: a verb's objects and complement clauses,
# a preposition's object, and words joined to one of them ("to arrest and expel"). A subject, modifier or
# adverbial clause says who, which or when; a noun's own clause says something else of it ("rejected reports
# that talks had failed"); and a verb joined to the cue is an act of its own.
_VERB_DEPS = frozenset({"dobj", "obj", "xcomp", "ccomp", "dative", "oprd", "attr", "conj", "nsubj", "nsubjpass"})
_PREP_DEPS = frozenset({"pobj", "pcomp"})
_CUE_DEPS = _VERB_DEPS - {"conj", "nsubj", "nsubjpass"}


def statement_modes(tok: Token, cue: Cue, text: str) -> dict[str, Span]:
    """PLOVER's modes of the statement `cue` heads, each with the words it was coded from, in text order."""
    spec = _mode_rules().get(cue.plover)
    if spec is None or cue.lemma in _word_set("denial_lemmas"):
        return {}  # a denial rejects a claim, not what a demand asks for
    prepositions, rules = spec
    about = _about(tok, prepositions | {cue.particle} if cue.particle else prepositions)
    found: dict[str, Span] = {}
    for rule in rules:
        words = [tok] if cue.phrase in rule.cues else next((w for t in about if (w := _says(t, rule.words))), None)
        if words:
            found[rule.mode] = Span.of(text, min(w.idx for w in words), max(w.idx + len(w) for w in words))
    return dict(sorted(found.items(), key=lambda item: item[1].start))


def _about(cue: Token, prepositions: frozenset[str]) -> list[Token]:
    """The words of what the act is about: the cue's objects and complement clause, theirs, and the phrases of the
    type's prepositions ("threatened them with arrest", "spoke by telephone")."""
    out: list[Token] = []
    stack = [cue]
    while stack:
        head = stack.pop()
        if head.dep_ == "prep":
            deps = _PREP_DEPS
        elif head.pos_ in ("VERB", "AUX"):
            deps = _CUE_DEPS if head is cue else _VERB_DEPS
        else:
            deps = frozenset({"conj"})
        for child in head.children:
            if child.dep_ in deps or (child.dep_ == "prep" and child.lemma_.lower() in prepositions):
                out.append(child)
                stack.append(child)
    return out


def _says(tok: Token, words: tuple[tuple[str, str | None], ...]) -> list[Token]:
    """The token and the child a mode word needs ("cut" "ties"), when `tok` is one of `words`; else none."""
    if any(c.dep_ == "neg" for c in tok.children):
        return []  # "urged them not to release …": the opposite of the mode
    lemma = tok.lemma_.lower()
    for word, child in words:
        if lemma != word:
            continue
        if child is None:
            return [tok]
        needed = next((c for c in tok.children if c.lemma_.lower() == child), None)
        if needed is not None:
            return [tok, needed]
    return []


def statement_actor(cue: Token) -> Token | None:
    """Who makes the statement: the doer a passive names ("was condemned by the UN"), the subject, else the subject
    of the clause the cue hangs from."""
    agent = _agent(cue)
    if agent is not None:
        return agent
    tok = cue
    joined = False  # reached through a verb joined to another ("… said the situation was critical and called on …")
    for _ in range(8):
        subject = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass") and c.dep_ != "expl"), None)
        if subject is not None:
            subject = _apposed(subject)
            if subject.lower_ in ("who", "that", "which") and tok.dep_ == "relcl":
                return tok.head
            if not joined or can_speak(subject):
                return subject
            # the joined verb was attached to the reported clause, whose subject (a thing) is not the speaker:
            # the speaker is the subject of the clause above
        if tok.dep_ == "acl" and tok.i > 0 and doc_token(tok, -1).pos_ == "PROPN":
            return doc_token(tok, -1)  # "Khamenei insulting …": a gerund's subject stands before it
        if tok.dep_ == "ROOT" or tok.head.i == tok.i:
            break
        joined = joined or tok.dep_ == "conj"
        tok = tok.head
    # "On Sunday Trump said …", "In March the union called …" with no comma: the parser reads the name as the object
    # of the opening preposition and leaves the verb with no subject; a name right before that verb is its subject.
    before = doc_token(tok, -1) if tok.i > tok.sent.start else None
    if before is not None and before.dep_ == "pobj" and before.head.i < before.i and can_speak(before) \
            and before.head.head.i == tok.i and tok.pos_ == "VERB":
        return before
    # Misparsed sentence-initial participle ("Leading tribal sheikhs …, issued"): first plural or proper noun.
    sent = cue.sent
    for t in sent:
        if t.i >= cue.i:
            break
        plural_or_name = t.tag_ in ("NNS", "NNPS") or t.ent_type_ in ("PERSON", "ORG")
        if t.pos_ in ("NOUN", "PROPN") and plural_or_name and t.dep_ not in ("pobj", "compound", "poss"):
            return t
    return None


def _body_spoken_for(speaker: Token) -> Token:
    """The body a spokesperson speaks for, which makes the statement: "a spokesman for the interior ministry",
    "the Foreign Office spokesman", "Amnesty's spokeswoman"; the body that issued a document ("a statement issued by
    the opposition delegation", "the ministry's statement"); else the speaker. (`speakers.spokesperson_nouns`,
    `statement_nouns`)"""
    if speaker.lemma_.lower() in _word_set("statement_nouns"):
        return _issuer(speaker) or speaker
    if speaker.lemma_.lower() not in _word_set("speakers", "spokesperson_nouns") and \
            speaker.lower_ not in _word_set("speakers", "spokesperson_nouns"):
        return speaker
    for child in speaker.children:
        if child.dep_ == "prep" and child.lemma_.lower() in ("for", "of"):
            body = next((c for c in child.children if c.dep_ == "pobj"), None)
            if body is not None and can_speak(body):
                return body
    return next((c for c in speaker.children if c.dep_ in ("poss", "compound") and can_speak(c)), speaker)


def _issuer(document: Token) -> Token | None:
    """Who a document speaks for: its owner ("the ministry's statement"), the doer of the participle that issued it
    ("a statement issued by the delegation"), or "from" ("a letter from the union")."""
    for child in document.children:
        if child.dep_ == "poss" and can_speak(child):
            return child
        if child.dep_ == "acl":
            doer = _agent(child)
            if doer is not None and can_speak(doer):
                return doer
        if child.dep_ == "prep" and child.lower_ == "from":
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None and can_speak(source):
                return source
    return None


def _apposed(subject: Token) -> Token:
    """A subject that cannot speak by itself, named by its apposition ("Another ally, Maria Santos, said";
    "one of the mediators, Norway, insisted"): the name speaks."""
    if can_speak(subject):
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and can_speak(c)), subject)


def _agent(cue: Token) -> Token | None:
    """The doer named by a passive cue's "by" ("was rejected by the rebels"), whose subject is the act's target."""
    by = next((c for c in cue.children if c.dep_ == "agent"), None)
    return next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None


def _denied(cue: Token) -> bool:
    """The cue is what its speaker denies ("Rwanda denies backing the M23"): the verbal act is the denial (REJECT),
    not the act denied. Words of denial: `denial_lemmas` in plover.yaml."""
    head = cue.head
    return cue.dep_ in {"xcomp", "ccomp", "pcomp", "dobj"} and head.i != cue.i and head.lemma_.lower() in _word_set("denial_lemmas")


def _not_news(date: DateMention) -> bool:
    """The act's date says it is no news: history (ending more than a year before the article date, as the dates
    stage decides: an accusation "in 2015" recalled as background) or future ("next month")."""
    return date.relation in ("history", "future")


def _unrealised(cue: Token) -> bool:
    """The act is wanted, planned, refused, asked for or possible, not done: the cue (or the verb it is joined to,
    "to meet and discuss") has a modal ("will meet", "said he would meet"), or is the complement of a word of
    `unrealised_heads` in plover.yaml ("refused to negotiate", "no need to negotiate", "could start to meet"), or
    is a gerund completing a noun, an adjective or a verb of speaking ("preconditions on holding talks", "averse to
    negotiating", "spoke of visiting several towns")."""
    tok = cue
    while tok.dep_ == "conj" and tok.head.i != tok.i:
        tok = tok.head
    if _has_modal(tok):
        return True
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and (
            tok.head.head.pos_ in ("NOUN", "ADJ") or tok.head.head.lemma_.lower() in _word_set("topic_verbs")):
        return True  # an act a thing, a disposition or a speaker is about; "after meeting the envoy" is done
    # "wants the committee to meet", "called for the rector to resign": an infinitive with a subject of its own is
    # parsed as a clause (an adverbial one after "for")
    infinitive = tok.dep_ in ("ccomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children)
    if (tok.dep_ not in ("xcomp", "acl") and not infinitive) or tok.head.i == tok.i:
        return False
    if tok.head.lemma_.lower() in _word_set("unrealised_heads") or _has_modal(tok.head):
        return True
    # the act completes an act itself only wanted or possible: "a chance to rearm and regain the initiative to
    # threaten two valley towns", "wants to try to meet the envoy"
    return tok.dep_ == "xcomp" and tok.head.pos_ == "VERB" and _unrealised(tok.head)


def _habitual(cue: Token) -> bool:
    """The cue tells a standing position or a habit: an adverb of `habitual_adverbs` ("has long accused"), or a
    clause opened by one of `habitual_marks` ("whenever she passed through the town") around the cue or a clause above it."""
    if any(c.dep_ == "advmod" and c.lower_ in _word_set("habitual_adverbs") for c in cue.children):
        return True
    marks = _word_set("habitual_marks")
    return any(c.dep_ in ("mark", "advmod") and c.lower_ in marks for t in (cue, *cue.ancestors) for c in t.children)


def _ongoing(cue: Token) -> bool:
    """The cue is in the present progressive ("is asking", "are calling for", "’s urging"): it tells a campaign or
    a stance going on, not an act of the news's day (`ongoing_auxiliaries` in plover.yaml)."""
    return cue.tag_ == "VBG" and any(c.dep_ == "aux" and c.lower_ in _word_set("ongoing_auxiliaries")
                                     for c in cue.children)


def _told_as_past(cue: Token) -> bool:
    """The cue is told as an act of the past (`background_adverbs` in plover.yaml, or "in the past" with nothing
    to bound it: "in the past week" is news), or is joined to a verb told so ("has met them before and has hosted
    their leader"): the adverb the parser hangs on the first verb dates the acts joined to it."""
    if cue.dep_ == "conj" and cue.head.i != cue.i and cue.head.pos_ == "VERB" and _told_as_past(cue.head):
        return True
    for child in cue.children:
        if child.dep_ == "advmod" and child.lower_ in _word_set("background_adverbs"):
            return True
        if child.dep_ == "prep" and child.lower_ == "in":
            past = next((c for c in child.children if c.dep_ == "pobj" and c.lower_ == "past"), None)
            if past is not None and not any(c.dep_ in ("amod", "nummod", "compound") for c in past.children):
                return True
    return False


def _hypothetical(cue: Token) -> bool:
    """The cue is in a clause of condition or doubt (`hypothetical_marks`: "if the rebels reject the offer, …",
    "unless the minister meets them", "it is unclear whether he condemned …"), or in a clause within one. A relative
    clause tells a fact of its noun even there ("even if he reaches the town, a place he has visited"), so the
    climb stops at one."""
    marks = _word_set("hypothetical_marks")
    tok = cue
    while True:
        if any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children):
            return True
        if tok.dep_ in ("relcl", "acl", "ROOT") or tok.head.i == tok.i:
            return False
        tok = tok.head


def _own_story(cue: Token) -> bool:
    """The cue tells what "I" did in the past ("I met him in 2015", "the detainees I’ve met"): a witness, an expert
    or the writer telling their own experience, not a verbal act between the actors of the news. "I condemn …" in
    the present is an act and stays."""
    return cue.tag_ in ("VBD", "VBN") and any(c.dep_ == "nsubj" and c.lower_ == "i" for c in cue.children)


def _has_modal(tok: Token) -> bool:
    modals = _word_set("modal_auxiliaries")
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)


@functools.cache
def _word_set(*keys: str) -> frozenset[str]:
    """One of plover.yaml's word lists as a set: at the top (`modal_auxiliaries`, `unrealised_heads`,
    `denial_lemmas`, `stance_participles`, `infinitive_cues`, `anonymity_words`, `fact_senses`) or within a
    section (`_word_set("reported_acts", "condemnations")`)."""
    node: Any = load_plover()
    for key in keys:
        node = node.get(key, {})
    return frozenset(str(word) for word in node or [])


def _passive_without_agent(cue: Token) -> bool:
    """A passive cue whose doer is not named: the subject is the target, not the actor."""
    children = list(cue.children)
    if any(c.dep_ == "agent" for c in children):
        return False  # "condemned by the UN": the doer "by" names is the actor
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in children):
        return True  # "cranks to be denounced" has no subject of its own, and still no doer
    reduced = cue.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass", "nsubj") for c in children)
    return reduced and cue.dep_ in ("ROOT", "acl")


def doc_token(tok: Token, offset: int) -> Token:
    return tok.doc[tok.i + offset]


def statement_target(cue: Token, spec: Cue) -> Token | None:
    """At whom the statement is aimed: an actor-like object, or the doer of the condemned deed."""
    obj = None
    if spec.particle is not None:
        prep = next((c for c in cue.children if c.lemma_.lower() == spec.particle), None)
        if prep is not None:
            obj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if obj is not None and not is_actor_like(obj):
        obj = None  # "charged the minister with fraud": the particle's object is the charge, the verb's the target
    if obj is None:
        # a passive's subject is what the act is aimed at ("leaders were accused by the government")
        deps = ("dobj", "obj", "nsubjpass") if _agent(cue) is not None else ("dobj", "obj")
        obj = next((c for c in cue.children if c.dep_ in deps), None)
    if obj is None and spec.plover == "DEMAND":
        # "X must stop …, Amnesty urged": the demand's clause names who is to act.
        clause = next((c for c in cue.children if c.dep_ == "ccomp"), None)
        obj = next((c for c in clause.children if c.dep_ == "nsubj"), None) if clause is not None else None
    if obj is None:
        return None
    if is_actor_like(obj):
        return obj
    if spec.phrase in load_plover().get("material_senses", {}).get("cause_cues", []):
        # "blamed the attack on the rebels": the deed's cause named by "on", which the parser hangs on either word
        cause = next((o for h in (cue, obj) for p in h.children if p.dep_ == "prep" and p.lower_ == "on"
                      for o in p.children if o.dep_ == "pobj" and can_speak(o)), None)
        if cause is not None:
            return cause
    # an act aimed at what an actor said or did is aimed at the actor: "rejected the union's demands", "the union's
    # demands were rebuffed by the board", "condemned Russia's invasion"
    owner = next((c for c in obj.children if c.dep_ == "poss" and can_speak(c)), None)
    if owner is not None:
        return owner
    if obj.lemma_.lower() in DEED_NOUNS or obj.lower_ in DEED_NOUNS:
        for t in obj.subtree:
            if t.dep_ == "agent":
                doer = next((c for c in t.children if c.dep_ == "pobj"), None)
                if doer is not None:
                    return doer
    return None


@functools.cache
def _speaker_words() -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """`speakers` in plover.yaml: noun endings of people, nouns with those endings that are things, and group or
    office nouns that can make a statement."""
    table = load_plover().get("speakers", {})
    return (tuple(table.get("human_suffixes", [])), frozenset(table.get("not_human", [])),
            frozenset(table.get("group_nouns", [])))


def can_speak(tok: Token) -> bool:
    """Whether a statement's subject can make one: a name, a resolvable pronoun, a group or office noun —
    not a quantifier ("some"), a thing ("the category") or a deed."""
    if tok.pos_ == "PROPN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in quotes_mod.PRONOUNS
    if tok.pos_ != "NOUN":
        return False
    lemma = tok.lemma_.lower()
    if is_actor_like(tok) or lemma in quotes_mod.ORG_ANAPHORS:
        return True
    human_suffixes, not_human, group_nouns = _speaker_words()
    if lemma in not_human:
        return False
    return lemma.endswith(human_suffixes) or lemma in group_nouns


def is_actor_like(tok: Token) -> bool:
    if tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    lemma = tok.lemma_.lower()
    if lemma in GROUP_TEMPLATES or tok.lower_ in GROUP_TEMPLATES or lemma == "force":
        return True
    return lemma in ("people", "youth", "activist", "official", "leader", "minister", "group", "sheikh")


# --- names --------------------------------------------------------------------------------------------------


def context_country(doc: Doc, resources: Resources) -> str | None:
    """The country the article is mostly about: the most frequent demonym or country name."""
    counts: dict[str, int] = {}
    book = resources.codebook
    for ent in doc.ents:
        iso3 = None
        if ent.label_ == "NORP":
            iso3 = book.demonym_iso3(ent.text)
        elif ent.label_ == "GPE":
            iso3 = book.iso3(ent.text)
        if iso3:
            counts[iso3] = counts.get(iso3, 0) + 1
    if not counts:
        return None
    return str(book.country_name(max(counts, key=lambda k: counts[k])))


def sentence_country(sent: Any, resources: Resources) -> str | None:
    """The first demonym of a sentence ("… against Iraqi demonstrators") names the country of its actors."""
    book = resources.codebook
    for tok in sent:
        iso3 = book.demonym_iso3(tok.text) if tok.pos_ in ("ADJ", "PROPN", "NOUN") else None
        if iso3:
            return str(book.country_name(iso3))
    return None


def actor_name(doc: Doc, head: Token, resources: Resources, country: str | None, before: int) -> str:
    """An ACLED-style name for the actor headed by `head`."""
    book = resources.codebook
    tokens = quotes_mod.phrase_tokens(head)
    phrase = " ".join(t.text for t in tokens)
    low = phrase.lower()
    low_words = low.split()  # once, not once per pattern of every named group
    for group in book.named_groups:
        if any(p in low_words or (" " in p and p in low) for p in group["pattern"]):
            return str(group["name"]).replace("{country}", country or "International")  # as the events' actors name it
    ent = quotes_mod._entity_of(doc, head)
    if head.lower_ in quotes_mod.PRONOUNS:
        found = quotes_mod.resolve_antecedent(doc, before, quotes_mod.PRONOUNS[head.lower_], None)  # type: ignore[arg-type]
        if found is not None:
            return found.name
    if ent is not None and ent.label_ == "PERSON":
        return _undated(doc, ent.start, quotes_mod.full_name(doc, ent, before))
    if ent is not None and ent.label_ == "ORG":
        return _undated(doc, ent.start, quotes_mod.expand_name(doc, ent.start, ent.end))
    own_country = next(
        (book.country_name(iso) for t in tokens if (iso := book.demonym_iso3(t.text)) and t.i != head.i), None
    )
    country = own_country or country
    lemma = head.lemma_.lower()
    key = GROUP_TEMPLATES.get(lemma) or GROUP_TEMPLATES.get(head.lower_)
    if lemma == "force":
        key = "police"  # "security forces" in protest reporting: ACLED codes riot/security police
        if any(t.lemma_.lower() in ("army", "military", "armed") for t in tokens):
            key = "military"
    if key is not None and country:
        return str(book.actor_templates[key]["name"]).replace("{country}", country)
    if head.pos_ == "PROPN":
        start, end = _propn_run(head)
        return _undated(doc, start, quotes_mod.expand_name(doc, start, end))
    # A group described by a noun: "tribal sheikhs in Diyala Province" → "Tribal sheikhs (Diyala)".
    place = next((t for t in tokens if t.ent_type_ == "GPE" and t.i > head.i), None)
    mods = [t.text for t in tokens if t.i < head.i and t.dep_ in ("amod", "compound") and not book.demonym_iso3(t.text)
            and t.pos_ in ("ADJ", "NOUN")]
    words = " ".join([*mods, head.text])
    where = _place_name(doc, place) if place is not None else country
    name = words[:1].upper() + words[1:]
    return f"{name} ({where})" if where else name


def _undated(doc: Doc, start: int, name: str) -> str:
    """A name without the day or month that opens the sentence's time phrase, which the parser glued to it ("On
    Sunday Trump said" → "Trump", "In March Okafor accused"); a name not after a preposition keeps its first word
    ("April Ryan")."""
    first = doc[start]
    if start > 0 and doc[start - 1].pos_ == "ADP" and first.lower_ in _DATE_WORDS and name.startswith(first.text + " "):
        return name[len(first.text) + 1:]
    return name


# "May" is a surname as often as a month; "Jan", "Sept" and the like are first names or abbreviations
_DATE_WORDS = frozenset({*WEEKDAYS, *(m for m in MONTHS if len(m) > 4), "june", "july"})


def _propn_run(head: Token) -> tuple[int, int]:
    start = head.i
    while start > 0 and head.doc[start - 1].pos_ == "PROPN" and head.doc[start - 1].dep_ == "compound":
        start -= 1
    return start, head.i + 1


def _place_name(doc: Doc, tok: Token) -> str:
    ent = quotes_mod._entity_of(doc, tok)
    name = ent.text if ent is not None else tok.text
    for suffix in _PLACE_SUFFIXES:
        name = name.removesuffix(suffix)
    return name


def _actor_location(doc: Doc, actor: Token, places: list[Place]) -> str | None:
    tokens = quotes_mod.phrase_tokens(actor)
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1])
    for place in places:
        if start <= place.span.start < end:
            name = place.name or place.mention
            for suffix in _PLACE_SUFFIXES:
                name = name.removesuffix(suffix)
            return name
    return None


def _evidence(text: str, sent: Any, cue: Token) -> Span:
    """The sentence up to the end of the cue's clause, trimmed of an opening quote mark."""
    start = sent.start_char
    end = sent.end_char
    while start < end and text[start] in " “\"‘'\n":
        start += 1
    while end > start and text[end - 1] in " \n”\"’',":
        end -= 1
    return Span.of(text, start, end)
