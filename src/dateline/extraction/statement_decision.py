"""The statement decision: a trained model says how likely a coder is to keep each statement the rules propose.

The rules in `statements.py` find every cue word they weigh and give a verdict (`StatementCandidate`); on news
they were not written from, their hand-set vetoes keep too little and too much. This module turns each candidate
into named features — the rules' verdict and cue among them — and a shipped logistic regression
(`data/models/statement_decision.json`, trained by `tools/train_statement_model.py` on the first half of
dateline's statement gold, see docs/models.md "Statement decision") turns them into a calibrated probability.

Weights are read with numpy from JSON, so scoring needs no machine-learning library and is deterministic.
"""

from __future__ import annotations

import functools
from typing import Any

from spacy.tokens import Doc, Token

from dateline.extraction.decide import LogisticModel
from dateline.extraction.packaged import load_model
from dateline.model import Quote, Statement

MODEL_FILE = "statement_decision.json"
WORD_PREFIX = "w="  # a content word of the cue's clause: weighed under a stronger prior in training
LEAD_SENTENCES = 3
_CONTENT_POS = frozenset({"NOUN", "VERB", "ADJ", "PROPN"})
_MODALS = frozenset({"will", "would", "could", "may", "might", "should", "must", "can", "shall", "'ll", "wo", "ca"})
_CONDITIONS = frozenset({"if", "unless", "whether", "until"})
_REPORTING = frozenset({"say", "tell", "add", "state", "announce", "claim", "report", "insist", "write", "declare"})


class StatementModel(LogisticModel):
    """The statement decision: a logistic regression over named features and a calibration map, as trained."""


@functools.cache
def statement_model() -> StatementModel:
    """The shipped model, read once per process. A missing or broken file is an installation fault."""
    return load_model(MODEL_FILE, "statement-decision model", StatementModel.from_json)


def statement_features(candidate: Any, doc: Doc, quotes: list[Quote]) -> dict[str, float]:
    """Named features of one candidate (a `statements.StatementCandidate`): the rules' verdict and cue, the cue's
    grammar (tense, modality, negation, condition, the reporting verb above it), who speaks and at whom, where
    the sentence stands in the text, whether it is quoted, and the content words of the cue's clause."""
    tok = doc[candidate.token]
    cue = candidate.cue
    st = candidate.statement
    f: dict[str, float] = {f"verdict={candidate.verdict}": 1.0, f"cue={cue.phrase}": 1.0,
                           f"plover={cue.plover}": 1.0, f"pos={tok.pos_}": 1.0, f"tag={tok.tag_}": 1.0,
                           f"dep={tok.dep_}": 1.0}
    aux = [c for c in tok.children if c.dep_ in ("aux", "auxpass")]
    if any(c.lemma_.lower() == "have" for c in aux):
        f["perfect"] = 1.0
    if any(c.lower_ in _MODALS for c in aux):
        f["modal"] = 1.0
    if any(c.dep_ == "auxpass" for c in aux):
        f["passive"] = 1.0
    if any(c.dep_ == "neg" for c in tok.children):
        f["negated"] = 1.0
    if any(c.dep_ == "mark" and c.lower_ in _CONDITIONS for t in (tok, *tok.ancestors) for c in t.children):
        f["conditional"] = 1.0
    if tok.head.i != tok.i and tok.head.lemma_.lower() in _REPORTING:
        f["under_reporting_verb"] = 1.0  # "said the union had accused …"
    if any(c.dep_ == "ccomp" for c in tok.children):
        f["reports_clause"] = 1.0
    if any(c.dep_ == "xcomp" for c in tok.children):
        f["infinitive_complement"] = 1.0
    f.update(_reported_clause_features(tok))
    f.update(_speaker_features(doc, candidate.actor_token, "actor"))
    f.update(_speaker_features(doc, candidate.target_token, "target"))
    if st.date is not None:
        f["dated"] = 1.0
    if st.mode:
        f["mode"] = 1.0
    if any(q.span.start <= tok.idx < q.span.end for q in quotes):
        f["in_quote"] = 1.0
    sentence = next(i for i, s in enumerate(doc.sents) if s.start <= tok.i < s.end)
    f["headline" if sentence == 0 else "lead" if sentence < LEAD_SENTENCES else "body"] = 1.0
    f["position"] = min(sentence, 40) / 40.0
    for word in _clause_words(tok):
        f[f"{WORD_PREFIX}{word}"] = 1.0
    return f


def _reported_clause_features(tok: Token) -> dict[str, float]:
    """What the clause a verb reports says of whom ("said the ministry had ignored them": another actor's deed;
    "said he would never negotiate": the speaker's own intent): its subject's kind, modality, negation, and
    the rules' words of condemnation in it."""
    from dateline.extraction.statements import _word_set, can_speak

    clause = next((c for c in tok.children if c.dep_ == "ccomp"), None)
    if clause is None:
        return {}
    f = {"clause": 1.0}
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None:
        f["clause_subject=none"] = 1.0
    elif subject.lower_ in ("i", "we"):
        f["clause_subject=self"] = 1.0
    elif subject.pos_ == "PRON":
        f["clause_subject=pronoun"] = 1.0
    else:
        f["clause_subject=" + ("actor" if can_speak(subject) else "thing")] = 1.0
    if any(c.dep_ == "aux" and c.lower_ in _MODALS for c in clause.children):
        f["clause_modal"] = 1.0
    if any(c.dep_ == "neg" for c in clause.children):
        f["clause_negated"] = 1.0
    if any(c.dep_ == "acomp" for c in clause.children):
        f["clause_judgement"] = 1.0  # "said the decision was wrong"
    if any(t.lemma_.lower() in _word_set("reported_acts", "condemnations") for t in clause.subtree):
        f["clause_condemnation"] = 1.0
    return f


def _speaker_features(doc: Doc, index: int | None, role: str) -> dict[str, float]:
    """Who a token names: a person, an organisation, a state, a group noun, a pronoun, or none; named or not."""
    if index is None:
        return {f"{role}=none": 1.0}
    tok = doc[index]
    kind = {"PERSON": "person", "ORG": "organisation", "GPE": "state", "NORP": "group"}.get(tok.ent_type_)
    if kind is None:
        kind = "pronoun" if tok.pos_ == "PRON" else "name" if tok.pos_ == "PROPN" else "noun"
    out = {f"{role}={kind}": 1.0}
    if tok.pos_ == "PROPN" or tok.ent_type_:
        out[f"{role}_named"] = 1.0
    return out


def _clause_words(tok: Token) -> set[str]:
    """The content lemmas of the cue's subtree (with the clause it reports: "said the closure was a disgrace")
    and of the verb it hangs from."""
    words = {t.lemma_.lower() for t in tok.subtree if t.pos_ in _CONTENT_POS and t.is_alpha and len(t) > 2}
    if tok.head.i != tok.i and tok.head.pos_ == "VERB":
        words.add(tok.head.lemma_.lower())
    return words


# A speech verb's candidate has no type of the rules'; in the first half's gold the statements told by a bare
# speech verb are mostly criticism ("said the ruling was a gift to smugglers").
REPORTED_TYPE = "ACCUSE"


def decide_statements(candidates: list[Any], doc: Doc, quotes: list[Quote],
                      model: StatementModel | None = None) -> list[tuple[Statement, float]]:
    """The statements the model keeps (probability at or above its cut), each with its probability; a speech
    verb's candidate kept gets `REPORTED_TYPE`."""
    from dateline.extraction.statements import REPORTED

    model = model or statement_model()
    kept = []
    for cand in candidates:
        p = model.probability(statement_features(cand, doc, quotes))
        if p < model.threshold:
            continue
        statement = cand.statement
        if statement.plover == REPORTED:
            statement = statement.model_copy(update={"plover": REPORTED_TYPE})
        kept.append((statement, p))
    return kept
