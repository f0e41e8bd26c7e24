"""Actor phrases of a sentence, read from the parse: which words name an actor, of what kind and state, and
whether it acts or is acted on (agent, patient, other).

`events.py` calls `actor_mentions` for each candidate sentence and fills actor1 and actor2 from the result by the
codebook's roles per sub-type (`events._fill_actors`); `actors.py` turns a mention into ACLED's name and inter
code. The lexicons are data: the codebook's named groups and the state forces of `codebook/actor_aliases.yaml`
(`actors.known_actors`), the head nouns of `actors.KIND_BY_LEMMA`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from dateline.codebook import Codebook, default_codebook
from dateline.extraction import actors as actors_mod
from dateline.geo.resolve import capital_acting, state_acting
from dateline.model import Span
from dateline.nlp.text import span_ents, span_text


def actor_mentions(sent: SpacySpan, book: Codebook, credits: Sequence[Span] = (),
                   speakers: list[actors_mod.ActorMention] | None = None) -> list[tuple[actors_mod.ActorMention, str]]:
    """(mention, role) for each actor phrase in the sentence; role is agent, patient, holder or other. `credits`:
    the text's outlet credits (`Article.credit_spans`), where an acronym is the news agency's ("DURBAN, March 6
    (ANA)" is the African News Agency, not the Afghan National Army). `speakers`, when given, receives the
    actors that only report the event (", Ukrainian forces said"): no side of it by their words alone."""
    found: list[tuple[actors_mod.ActorMention, str]] = []
    used: set[int] = set()
    text = span_text(sent)  # once: spaCy rebuilds a span's text on each access, and this loop runs per known actor
    named = actors_mod.known_actors(book) if actors_mod.any_known_actor(book).search(text) else ()
    for known in named:
        for m in known.pattern.finditer(text):
            start = sent.start_char + m.start()
            if any(c.start <= start < c.end for c in credits):
                continue
            tok = _tok_at(sent, start)
            if tok is not None and tok.i in used:
                continue
            kind, nationality = "group", None
            if "{country}" in str(known.entry.get("name", "")) or "named_in_country" in known.entry:
                # "Israeli settlers"; "Afghan Taliban forces" (no other group the bare name means in the country)
                last = _tok_at(sent, sent.start_char + m.end() - 1)
                nationality = (_nationality(last, book) or _ruled_states_force(last, known.entry)) \
                    if last is not None else None
            if known.entry.get("state"):
                # a state force: plays the state's part; "Brazilian military police" names its state
                kind = str(known.entry["kind"])
                last = _tok_at(sent, sent.start_char + m.end() - 1)
                nationality = _nationality(last, book) if last is not None else None
            role = "other"
            if tok is not None:
                phrase = _group_phrase(sent, tok, sent.start_char + m.end())
                used.update(phrase)
                role = _role(tok)
                if role == "other" and (head := _name_head(sent, tok, sent.start_char + m.end())) is not tok:
                    role = _role(head)  # "Kurdish-led forces attacked": the role of the name's head word
                noun = sent.doc[max(phrase)]
                if role == "other" and noun.idx >= sent.start_char + m.end():
                    role = _role(noun)  # "IS militants attacked": the role of the noun after the name
                if role == SPONSOR and noun.i != tok.i:
                    role = _role(noun)  # "Turkish-backed Syrian fighters": the sponsor word opens the group's name
            found.append((actors_mod.ActorMention(kind, start, sent.start_char + m.end(), m.group(), nationality,
                                                  group=known.entry), role))
            break
    for tok in sent:
        if tok.i not in used and (own := _rebel_army(tok)) is not None:
            # "a faction of the Free Syrian Army": a rebel group's own name, not the Syrian state's army; its
            # fighters or faction are the group ("fighters of the Free Syrian Army captured …")
            name = span_text(sent.doc[own[0].i : tok.i + 1])
            found.append((actors_mod.ActorMention("group", own[0].idx, tok.idx + len(tok.text), name, None,
                                                  group={"name": name, "inter": 2}), _role(tok)))
            used.update(t.i for t in own)
            used.add(tok.i)
            if (part := _whole_of(tok)) is not None:
                used.add(part.i)
            if tok.dep_ == "compound" and actors_mod.KIND_BY_LEMMA.get(_actor_lemma(tok.head)) == "unidentified_armed":
                used.add(tok.head.i)  # "Chinland Defence Force fighters": the group's own fighters
    found.extend(_communities(sent, book, used))
    found.extend(_communities_fighting(sent, used))
    for tok in sent:
        if tok.i in used or (tok.pos_ not in {"NOUN", "PROPN"}
                             and not (tok.tag_ == "VBG" and tok.lower_ in actors_mod.state_act_nouns())):
            continue  # (a gerund the parse made a verb is the act's noun: "Ukrainian shelling killed two")
        if _apposed_to_named(tok, used):
            continue  # "the Kurdish militia, the YPG, withdrew": the group by its name, no second side
        lemma = _actor_lemma(tok)
        if lemma == "fighter" and tok.dep_ == "compound" and tok.head.lemma_.lower() in _FIGHTER_CRAFT:
            continue  # "a fighter jet": an aircraft, not a fighter
        kind = actors_mod.KIND_BY_LEMMA.get(lemma) or actors_mod.KIND_BY_LEMMA.get(tok.lower_)
        if kind is None and lemma in actors_mod.job_nouns():
            kind = "civilians"  # "an interpreter for the army": a civilian by the job
        if lemma == "guard":
            # "security guards at the mine": a firm's armed guards; "Iranian border guards", "the coast guard": a
            # state's forces
            kind = actors_mod.guard_kind({c.lower_ for c in tok.children if c.dep_ in {"compound", "amod"}}) or kind
        if lemma == "member" and any(c.dep_ == "compound" and c.lower_ == "service" for c in tok.children):
            kind = "military"  # "four U.S. service members": a state's troops, not civilians
        if kind is None and lemma in actors_mod.DEFENCE_WORDS and any(
                c.lower_ in actors_mod.DEFENCE_MODIFIERS for c in tok.children):
            kind = "military"  # "air defences", "missile defense": a state's military
        held = lemma in actors_mod.POSITION_WORDS or lemma in actors_mod.struck_targets()
        if kind is None and (held or lemma in actors_mod.holder_sites()) and (holder := _position_holder(tok)) is not None:
            kind = holder  # "fired at government positions", "a gendarmerie post": that state force held them
        if kind is None and held and (state := _nationality(tok, book)):
            # "attacked a Turkish military base", "struck Iranian targets": that state's forces held them
            kind, nationality = "military", state
        nationality = None
        if kind is None and lemma in actors_mod.state_act_nouns() and (
                state := _nationality(tok, book) or _demonym_before(tok, book)):
            kind, nationality = "military", state  # "an Israeli air strike", "Russian missiles": that state's military
        craft = lemma in actors_mod.state_craft_nouns() and not _a_person(tok)
        if kind is None and craft and (state := _nationality(tok, book) or _demonym_before(tok, book)):
            kind, nationality = "military", state  # "Israeli planes fired missiles": that state's aircraft
        if kind is None and (craft or lemma in actors_mod.state_act_nouns()) and _ruling_modifier(tok):
            kind = "military"  # "a junta air strike", "regime barrel bombs": the state of the country it hits
        if kind is None and lemma in actors_mod.attacker_craft_nouns():
            kind = "unidentified_armed"  # "police shot dead a suspected bomber": no state's craft, a man who attacks
        if kind is None and (start := _group_told_before(tok)) is not None:
            # "the group stormed a base": the armed group the report named before, if it named one
            # (`events._described_groups_named`); never an actor by itself
            found.append((actors_mod.ActorMention(DESCRIBED, start, tok.idx + len(tok.text),
                                                  sent.doc.text[start : tok.idx + len(tok.text)]), _role(tok)))
            continue
        if kind is None and (capital := capital_acting(tok)) is not None:
            kind, nationality = "military", capital  # "Ankara launched an offensive": Turkey's forces
        if _coalition_named(tok, kind, lemma):
            kind = "coalition"  # "coalition jets", "the coalition": which coalition, the story's country says
        elif (people := _peoples_word(tok, kind, lemma)) is not None:
            # "Kurdish fighters", "a Kurdish position": the force that people fields in the story's country
            found.append((actors_mod.ActorMention("people_force", tok.idx, tok.idx + len(tok.text), tok.text,
                                                  group={"people": people, "kind": kind}), _role(tok)))
            continue
        if kind is None:
            continue
        if lemma in _WEAPON_LEMMAS and (_owner_named(tok) or _instrument_of_subject(tok)):
            continue  # "artillery shells fired by the RSF", "troops pounded the town with artillery": the weapon's
            # owner is the actor, named apart
        if kind in {"military", "security", "unidentified_armed"} and lemma not in _WEAPON_LEMMAS and (
                group := _speakers_group(tok, found)) is not None:
            # "the Arakan Army said its fighters had killed 30 soldiers": the group's own fighters
            found.append((replace(group, start=tok.idx, end=tok.idx + len(tok.text), text=tok.text), _role(tok)))
            continue
        if lemma == "force":
            # "government forces", "the junta's forces": whose forces they are says which
            mods = [c.lower_ for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "poss"}]
            kinds = [actors_mod.FORCE_MODIFIERS[m] for m in mods if m in actors_mod.FORCE_MODIFIERS]
            if _loyal_to_the_state(tok):
                kinds.append("military")  # "forces loyal to the government": the state's forces
            ruler = next((actors_mod.RULERS[m] for m in mods if m in actors_mod.RULERS), None)
            if ruler is not None:
                kinds.append("military")  # "Assad's forces": the ruler's forces are the state's
            nationality = ruler or _nationality(tok, book) or _speakers_state(tok, book)
            if not kinds and nationality is None:
                continue
            kind = kinds[0] if kinds else "military"
        if lemma in _MEMBER_LEMMAS and (whole := _force_belonged_to(tok)) is not None:
            # "an officer in the rebel force", "members of their unit": of the force they belong to, not police or
            # civilians by their own word
            kind = _force_kind(whole)
            if kind is None:
                continue  # "members of the militia": the force's own word names them
            if (owner := _possessors_group(whole, sent, found, book)) is not None:
                # "militants ambushed a convoy, but three members of their unit were killed": the group's unit
                found.append((replace(owner, start=tok.idx, end=tok.idx + len(tok.text), text=tok.text), _role(tok)))
                continue
        if kind in {"civilians"} and lemma in _ARMED_IF_IN_ARMS and _armed_context(tok):
            continue
        if kind in {"civilians", "supporters"} and any(c.lower_ in actors_mod.ARMED_WORDS for c in tok.children
                                                        if c.dep_ == "amod"):
            kind = "unidentified_armed"  # "armed men", "masked individuals": an armed group, not civilians
        nationality = nationality or _nationality(tok, book) or _ruler_served(tok)
        if kind in actors_mod.STATE_KINDS and nationality is None:
            nationality = _speakers_state(tok, book)  # "the Israeli military said its troops killed …"
        found.append((actors_mod.ActorMention(kind, tok.idx, tok.idx + len(tok.text), tok.text, nationality),
                      _role(tok)))
        if kind in actors_mod.STATE_KINDS:
            # "military forces of Thailand and Cambodia exchanged fire": one phrase, two states' forces
            found.extend((actors_mod.ActorMention(kind, tok.idx, tok.idx + len(tok.text), tok.text, other), _role(tok))
                         for other in _coordinated_states(tok, book) if other != nationality)
    found.extend(_states_acting(sent, book, used, found))
    if speakers is not None:
        speakers.extend(m for m, _ in found if _attribution_source(sent, m) and not _judge(sent, m))
    found = [(m, r) for m, r in found if not _attribution_source(sent, m) and not _finder(sent, m)
             and not _investigator(sent, m) and not _describes_a_person(sent, m)]
    return _repelled_attacks(_named_in_parentheses(_either_or(found, sent), sent), sent)


# Actor nouns a tribe's or clan's word makes that community's militia ("gunmen from the X clan", "members of the
# X tribe", "tribal fighters"); an adjective ("tribal", "ethnic") does so only for armed nouns ("tribal elders" and
# "ethnic Albanians" are no militia).
_COMMUNITY_MEMBER_KINDS = frozenset({"unidentified_armed", "civilians", "communal_militia"})
_COMMUNITY_ARMED_KINDS = frozenset({"unidentified_armed", "communal_militia"})


def _communities(sent: SpacySpan, book: Codebook, used: set[int]) -> list[tuple[actors_mod.ActorMention, str]]:
    """Tribes and clans that act ("gunmen from the Hawiye clan attacked", "Murle tribesmen raided", "tribal
    fighters clashed with troops"): a communal militia (inter 4) named by its community when the text names it
    ("Hawiye Clan Militia (Somalia)"), else "Unidentified Communal Militia"; the phrase's actor noun is its
    part, not a second actor (an unidentified armed group or civilians)."""
    out: list[tuple[actors_mod.ActorMention, str]] = []
    for tok in sent:
        if tok.i in used:
            continue
        community = actors_mod.COMMUNITY_NOUNS.get(_actor_lemma(tok)) or actors_mod.COMMUNITY_NOUNS.get(tok.lower_)
        if community is not None and tok.pos_ in {"NOUN", "PROPN"}:
            actor = _community_member(tok) or tok
        elif (community := actors_mod.COMMUNITY_ADJECTIVES.get(tok.lower_)) is not None and \
                tok.dep_ in {"amod", "compound"} and tok.head.i > tok.i and \
                actors_mod.KIND_BY_LEMMA.get(_actor_lemma(tok.head)) in _COMMUNITY_ARMED_KINDS:
            actor = tok.head
        else:
            continue
        if actor.i in used:
            continue
        words = _community_name(tok, book)
        tokens = [actor, tok, *words]
        start = min(t.idx for t in tokens)
        end = max(t.idx + len(t.text) for t in tokens)
        name = " ".join(t.text for t in words)
        group = {"name": f"{name} {{community}} Militia ({{country}})", "community": community, "inter": 4} \
            if name else None
        out.append((actors_mod.ActorMention("communal_militia", start, end, sent.doc.text[start:end], None,
                                            group=group), _role(actor)))
        used.update(t.i for t in tokens)
    return out


# The unnamed community's militia of violence between communities (`_communities_fighting`): the mark tells it
# from a militia a noun named ("vigilantes"), so the fight is read as one between two organised sides.
COMMUNAL_SIDE = {"name": "Unidentified Communal Militia ({country})", "inter": 4, "communities_fight": True}


_NOT_COMMUNITIES = actors_mod.STATE_KINDS | {"unidentified_armed", "unidentified_gang", "protesters", "rioters"}


def _communities_fighting(sent: SpacySpan, used: set[int]) -> list[tuple[actors_mod.ActorMention, str]]:
    """The two sides of violence between communities ("communal clashes", "intercommunal violence", "clashes between
    herders and farmers"): a community's militia for each community the act is told between (one the lexicons name,
    "Fulani herders", keeps its own name), else two unnamed communal militias; both act, on each other."""
    nouns, words, livelihoods = actors_mod.communal_act_words()
    out: list[tuple[actors_mod.ActorMention, str]] = []
    for tok in sent:
        if _actor_lemma(tok) not in nouns or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        communal = [c for c in tok.children if c.dep_ in {"amod", "compound"} and c.lower_ in words]
        pair = [n for prep in tok.children if prep.dep_ == "prep" and prep.lower_ == "between"
                for o in prep.children if o.dep_ == "pobj" for n in (o, *o.conjuncts)]
        sides = [n for n in pair if n.i not in used and (communal or _actor_lemma(n) in livelihoods)]
        if len(pair) < 2 and not communal or len(pair) >= 2 and not sides or any(
                actors_mod.KIND_BY_LEMMA.get(_actor_lemma(n)) in _NOT_COMMUNITIES for n in pair):
            continue  # ("violence between farmers and the police": a state force is no community)
        spans = [(n.idx, n.idx + len(n.text)) for n in sides] if len(pair) >= 2 else \
            [(communal[0].idx, tok.idx + len(tok.text))] * 2
        out += [(actors_mod.ActorMention("communal_militia", a, b, sent.doc.text[a:b], None, group=COMMUNAL_SIDE),
                 "agent") for a, b in spans]
        used.update(n.i for n in sides)
    return out


def _community_member(tok: Token) -> Token | None:
    """The actor noun a tribe's or clan's word belongs to: "gunmen from the X clan", "members of the X tribe",
    "X clan militiamen"; None when the community's word is the actor itself ("the X tribe attacked")."""
    if tok.dep_ == "pobj" and tok.head.lower_ in {"of", "from"}:
        head = tok.head.head
        lemma = _actor_lemma(head)
        if head.pos_ in {"NOUN", "PROPN"} and (actors_mod.KIND_BY_LEMMA.get(lemma) in _COMMUNITY_MEMBER_KINDS
                                               or lemma in _PART_NOUNS):
            return head
    node = noun_modified(tok)
    if node is not tok and actors_mod.KIND_BY_LEMMA.get(_actor_lemma(node)) in _COMMUNITY_ARMED_KINDS:
        return node
    return None


def _community_name(tok: Token, book: Codebook) -> list[Token]:
    """The capitalised words right before a tribe's or clan's word that name the community ("the Al Bu Nimr
    tribe", "Murle tribesmen"); none for a nationality or a place ("Yemeni tribesmen", "Shabwa tribes"). One
    tribe or clan ("the Murad tribe") is named by its word even where the gazetteer knows a namesake place."""
    places = {"LOC", "FAC", "DATE"} | (set() if tok.tag_ == "NN" else {"GPE"})
    words: list[Token] = []
    i = tok.i - 1
    while i >= tok.sent.start:
        word = tok.doc[i]
        if not word.text[:1].isupper() or word.pos_ in {"DET", "PRON", "ADP", "PUNCT", "NUM", "VERB", "AUX"} or \
                word.ent_type_ in places or book.demonym_iso3(word.lower_) or \
                word.lower_ in actors_mod.COMMUNITY_ADJECTIVES or \
                (word.is_sent_start and word.pos_ != "PROPN"):
            break
        words.insert(0, word)
        i -= 1
    return words


def _position_holder(tok: Token) -> str | None:
    """The state force a word on a position names as its holder ("government positions", "a gendarmerie post"),
    by its kind (`actors.position_holders`); None when no such word is on it."""
    holders = actors_mod.position_holders()
    return next((holders[c.lower_] for c in tok.children if c.lower_ in holders), None)


def _coalition_named(tok: Token, kind: str | None, lemma: str) -> bool:
    """A bare "coalition" at war, or a force, craft, strike or position it owns ("coalition jets", "coalition air
    strikes", "attacked coalition positions"); a ruling or electoral coalition ("the governing coalition") is none.
    `events._coalitions_named` names it by the event's country (`actors.coalition_of`), or drops it."""
    def at_war(word: Token) -> bool:
        return word.lower_ == "coalition" and not any(
            c.lower_ in actors_mod.political_coalition_words() for c in word.children if c.dep_ in {"amod", "compound"})
    if at_war(tok):
        return tok.dep_ not in {"compound", "amod", "nmod", "poss"}  # ("coalition jets": the jets are the actor)
    return _coalition_owns(tok, kind, lemma) and any(
        at_war(c) for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "poss"})


# A "group" told as one the report named before ("the group", "the armed group", "the extremist group"): the kind of
# mention `events._described_groups_named` reads as that group, and drops when the report named none.
DESCRIBED = "described_group"


def _group_told_before(tok: Token) -> int | None:
    """Where "the group" opens ("the" excluded), when it points back to a group and says no more than a description
    of one (`group_descriptions`, `ARMED_WORDS`): "the group of protesters", "a group" or "the rights group" are
    none."""
    if tok.lemma_.lower() != "group" or tok.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "det" and c.lower_ in {"the", "this"} for c in tok.children) or any(
            c.dep_ == "prep" and c.lower_ == "of" for c in tok.children):
        return None
    mods = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}]
    words = set(actors_mod.group_descriptions()) | actors_mod.ARMED_WORDS
    if any(c.lower_ not in words or c.lemma_.lower() in actors_mod.KIND_BY_LEMMA for c in mods):
        return None  # ("the jihadist group": the description's own word is the mention)
    return min([tok.idx, *(c.idx for c in mods)])


def _apposed_to_named(tok: Token, used: set[int]) -> bool:
    """The noun and a group's name stand in apposition ("the Kurdish militia, the YPG", "the YPG, a Kurdish
    militia"): a reporter's description of the group named beside it, which the name already codes."""
    return tok.dep_ == "appos" and tok.head.i in used or any(c.dep_ == "appos" and c.i in used for c in tok.children)


def _peoples_word(tok: Token, kind: str | None, lemma: str) -> str | None:
    """The people's word ("Kurdish") on an armed noun, a force or a position it holds; None otherwise."""
    if not (kind in {"unidentified_armed", "military", "security"} or lemma in actors_mod.POSITION_WORDS):
        return None
    return next((c.lower_ for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}
                 and c.lower_ in actors_mod.peoples_words()), None)


def _coalition_owns(tok: Token, kind: str | None = None, lemma: str | None = None) -> bool:
    """A noun a coalition's word may own: its forces or craft, a strike or a position."""
    lemma = lemma or _actor_lemma(tok)
    kind = kind or actors_mod.KIND_BY_LEMMA.get(lemma)
    return kind in {"military", "security"} or lemma in actors_mod.state_act_nouns() or \
        lemma in actors_mod.POSITION_WORDS or lemma == "force"


def _loyal_to_the_state(tok: Token) -> bool:
    """"Forces loyal to the government / the president / the Presidential Council": whom they serve says whose."""
    for adj in tok.children:
        if adj.dep_ != "amod" or adj.lower_ not in _LOYAL_WORDS:
            continue
        for prep in adj.children:
            if prep.dep_ == "prep" and prep.lower_ == "to":
                served = [g for g in prep.children if g.dep_ == "pobj"]
                if any(g.lemma_.lower() in _STATE_SERVED
                       or g.lower_ in actors_mod.RULERS for g in served):
                    return True
    return False


def _ruler_served(tok: Token) -> str | None:
    """"Troops loyal to Bashar al-Assad": the state of the ruler they serve."""
    for adj in tok.children:
        if adj.dep_ == "amod" and adj.lower_ in _RULER_LOYAL_WORDS:
            for prep in adj.children:
                for g in prep.children if prep.dep_ == "prep" and prep.lower_ == "to" else ():
                    if g.dep_ == "pobj" and g.lower_ in actors_mod.RULERS:
                        return actors_mod.RULERS[g.lower_]
    return None


def noun_modified(tok: Token) -> Token:
    """The noun a word's chain of modifiers leads to, after it ("forces" for "Taliban" in "Taliban border
    forces"); the word itself when it modifies nothing after it."""
    while tok.dep_ in {"compound", "amod", "nmod"} and tok.head.i > tok.i:
        tok = tok.head
    return tok


_STATE_FORCE_KINDS = frozenset({"military", "police", "security"})


def _ruled_states_force(tok: Token, entry: dict[str, object]) -> str | None:
    """The state a group in power rules (`in_power`), when its name is written on a state's force noun ("Taliban
    forces", "Taliban border guards", "Taliban and Pakistani border forces"): the phrase names that state's forces,
    not another group its bare name may mean where the event is (`named_in_country`); None otherwise."""
    power = entry.get("in_power")
    head = noun_modified(tok)
    lemma = _actor_lemma(head)
    force = actors_mod.KIND_BY_LEMMA.get(lemma) in _STATE_FORCE_KINDS or lemma == "guard"
    return str(power["iso3"]) if isinstance(power, dict) and head is not tok and force else None


def _a_person(tok: Token) -> bool:
    """A craft noun that a word makes a person ("an Afghan suicide bomber", "a suspected bomber";
    `person_craft_words`): whoever blew themselves up is no state's aircraft."""
    return any(c.dep_ in {"compound", "amod", "nmod"} and c.lower_ in actors_mod.person_craft_words()
               for c in tok.children)


_RULING_WORDS = actors_mod.lexicon_words("ruling_words")
_FIGHTER_CRAFT = actors_mod.lexicon_words("fighter_craft_nouns")  # "a fighter jet": an aircraft, not a fighter
_ARMED_IF_IN_ARMS = actors_mod.lexicon_words("armed_body_members")
_ARMED_BODY_WORDS = actors_mod.lexicon_words("armed_body_words")
_LOYAL_WORDS = actors_mod.lexicon_words("loyalty_words")
_RULER_LOYAL_WORDS = actors_mod.lexicon_words("ruler_loyalty_words")
_STATE_SERVED = actors_mod.lexicon_words("state_served_nouns")
_OWN_ARMY_WORDS = actors_mod.lexicon_words("own_army_words")
# Weapons and craft that stand for a state's military when the text names no one who fired them.
_WEAPON_LEMMAS = actors_mod.weapon_nouns() | actors_mod.state_craft_nouns()


def _owner_named(tok: Token) -> bool:
    """The weapon's noun phrase names who fired, launched or owns it: "artillery shells fired by the RSF", "a drone
    launched by M23", "tanks belonging to the RSF"."""
    node = tok
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head  # "artillery shells": the shells carry the by-phrase
    links = (c for clause in node.children if clause.dep_ == "acl" for c in clause.children
             if c.dep_ == "agent" or c.dep_ == "prep" and c.lower_ in {"by", "to"})
    return any(g.dep_ == "pobj" and g.pos_ in {"PROPN", "NOUN"} for c in links for g in c.children)


_LAUNCH_LEMMAS = actors_mod.lexicon_words("launch_verbs")


def _instrument_of_subject(tok: Token) -> bool:
    """The weapon is what the verb's subject acted with ("troops pounded Kherson with artillery", "forces shelled
    the town using tanks"): the subject's, not a side of its own."""
    node = tok
    while node.dep_ == "compound" and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "with":
        verb = node.head.head
    elif node.dep_ == "dobj" and node.head.lower_ == "using":
        verb = node.head.head if node.head.dep_ in {"advcl", "xcomp"} else node.head
    elif node.dep_ == "dobj" and node.head.lemma_.lower() in _LAUNCH_LEMMAS:
        verb = node.head  # "the group said it had launched a drone at a base": the subject's drone
    else:
        return False
    return verb.pos_ in {"VERB", "AUX"} and any(c.dep_ == "nsubj" for c in verb.children)


def _ruling_modifier(tok: Token) -> bool:
    """A word naming the ruling power modifies the act's noun ("a junta air strike", "regime shelling")."""
    return any(t.lower_ in _RULING_WORDS and t.dep_ in {"compound", "amod", "nmod"} for t in tok.subtree if t.i < tok.i)


def _states_acting(sent: SpacySpan, book: Codebook, used: set[int],
                   found: list[tuple[actors_mod.ActorMention, str]]) -> list[tuple[actors_mod.ActorMention, str]]:
    """A country's name that stands for the state acting ("Israel's air strikes on Gaza", "Syria used chemical
    weapons", "shelled by Turkey"): that state's military is an agent. Without this the act had no named actor
    and fell back to an unidentified armed group of the place's country, the very side the state fought."""
    out: list[tuple[actors_mod.ActorMention, str]] = []
    for ent in span_ents(sent):
        if ent.label_ != "GPE" or any(t.i in used for t in ent) or any(
                m.start < ent.end_char and ent.start_char < m.end for m, _ in found):
            continue
        name = ent.text.removeprefix("the ").removeprefix("The ").replace(".", "")
        iso3 = book.iso3(name)
        root = ent.root
        if iso3 is None or not state_acting(root):
            continue
        if any(c.dep_ in {"compound", "amod"} and not ent.start <= c.i < ent.end for c in root.children):
            continue  # "Syria Civil Defence", "Greater Syria": an organisation or a place, not the state
        out.append((actors_mod.ActorMention("military", ent.start_char, ent.end_char, ent.text, iso3), "agent"))
    return out


# Verbs whose subject gives ground up: in a transfer of territory that side loses it (events._fill_actors).
# ("Islamic State lost its capital": the side that lost the ground, not the one that took it)
_LEAVE_LEMMAS = actors_mod.lexicon_words("leave_verbs")
LEAVER = "leaver"
_UNDERGO_LEMMAS = actors_mod.lexicon_words("undergo_verbs")  # intransitive verbs whose subject is a victim
# Participles that say who holds, runs or backs what they describe ("airstrikes on a town controlled by X",
# "rebels backed by Y attacked"): their by-agent is the holder or backer, not the act's agent.
# who backs or is tied to a side ("Iran-backed", "al Qaeda-linked", "rebels backed by Rwanda"): no side of the act
_SPONSOR_LEMMAS = actors_mod.lexicon_words("sponsor_verbs")
_HOLDER_LEMMAS = actors_mod.lexicon_words("holder_verbs") | _SPONSOR_LEMMAS
SPONSOR = "sponsor"
_REPORT_LEMMAS = actors_mod.lexicon_words("report_verbs")


_JUDGING_LEMMAS = actors_mod.lexicon_words("judging_verbs")
_FIND_LEMMAS = actors_mod.lexicon_words("finding_verbs")


def _finder(sent: SpacySpan, mention: actors_mod.ActorMention) -> bool:
    """The mention found what it tells of ("Police found the bodies of five men"): who discovered the dead is no
    side of their killing."""
    tok = _tok_at(sent, mention.start)
    while tok is not None and tok.dep_ in {"compound", "amod", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _FIND_LEMMAS


def _describes_a_person(sent: SpacySpan, mention: actors_mod.ActorMention) -> bool:
    """The mention sits in a relative clause that tells whom a person worked with or served ("a translator who
    worked with American forces was shot dead", "a man who had served in the army"): it says who the person is,
    and is no side of what befell them. The clause's subject ("gunmen who worked for the cartel") is the person.
    So is a force after "for" or "with" on a job noun ("an interpreter for American forces"; `job_nouns`)."""
    tok = _tok_at(sent, mention.start)
    if tok is None:
        return False
    node = tok
    while node.dep_ in {"compound", "amod", "conj"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ in {"for", "with"} and \
            node.head.head.lemma_.lower() in actors_mod.job_nouns():
        return True  # "an interpreter for American forces was shot dead": whom the victim worked for
    for anc in tok.ancestors:
        if anc.dep_ in {"relcl", "acl"} and anc.lemma_.lower() in actors_mod.describing_verbs():
            return True
        if anc.dep_ in {"ROOT", "ccomp", "advcl", "conj"} or anc.pos_ in {"NOUN", "PROPN"} and anc.dep_ in {
                "nsubj", "nsubjpass", "dobj"}:
            return False
    return False


def _investigator(sent: SpacySpan, mention: actors_mod.ActorMention) -> bool:
    """The mention looks into what the sentence tells ("Police launched an investigation into the killing of a
    teacher by gunmen", "troops are investigating the blast"): who investigates an act is no side of it."""
    tok = _tok_at(sent, mention.start)
    while tok is not None and tok.dep_ in {"compound", "amod", "conj"} and tok.head.i != tok.i:
        tok = tok.head
    if tok is None or tok.dep_ != "nsubj":
        return False
    verbs, nouns = actors_mod.inquiry_words()
    verb = tok.head
    return verb.lemma_.lower() in verbs or any(c.dep_ == "dobj" and c.lemma_.lower() in nouns for c in verb.children)


def _judge(sent: SpacySpan, mention: actors_mod.ActorMention) -> bool:
    """The mention blames or describes the act ("police blamed the New IRA"), rather than telling it."""
    tok = _tok_at(sent, mention.start)
    while tok is not None and tok.dep_ in {"compound", "amod", "appos", "nmod"} and tok.head.i != tok.i:
        tok = tok.head
    return tok is not None and tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _JUDGING_LEMMAS


# The credit that closes a sentence: ", police and residents said on Sunday."
_CLOSING_CREDIT_BEFORE = re.compile(r",\s*(?:the\s+|local\s+|state\s+|regional\s+)*$")
# (after the mention: "… police said", "… the army's media wing said", "… police and residents said")
_CLOSING_CREDIT_AFTER = re.compile(r"(?:['’]s\b)?(?:\s+(?:and|or)\s+(?:[\w-]+\s+){0,3}?)?\s*(?:[\w-]+\s+){0,2}?"
                                   r"(?:said|say|says|reported|told|confirmed|added)\b[^,;]*$")


def _attribution_source(sent: SpacySpan, mention: actors_mod.ActorMention) -> bool:
    """The mention is who reports the event, not who took part: the subject of a reporting verb that follows
    what it reports ("A woman was raped in her home, police said") or that reports a clause with an actor of its
    own ("Police said gunmen had killed five farmers"), or the object of "according to". A speaker who reports
    its own act ("Police said they arrested five") is its actor too, and stays."""
    tok = _tok_at(sent, mention.start)
    if tok is None:
        return False
    text, offset = span_text(sent), sent.start_char
    if _CLOSING_CREDIT_BEFORE.search(text[:mention.start - offset]) and \
            _CLOSING_CREDIT_AFTER.match(text[mention.end - offset:]):
        return True  # "…, police and residents said on Sunday.": the parse may hang the credit anywhere
    node = tok
    while node.dep_ in {"compound", "amod", "appos", "nmod"} and node.head.i != node.i:
        node = node.head
    if node.dep_ == "pobj" and node.head.lower_ == "to" and node.head.head.lower_ == "according":
        return True
    verb = node.head
    if node.dep_ == "nsubj" and verb.lemma_.lower() in _JUDGING_LEMMAS:
        # "police blamed the New IRA for an attack", "in what police described as an attack": who judges an act
        # did not take part in it
        return True
    if node.dep_ != "nsubj" or verb.lemma_.lower() not in _REPORT_LEMMAS:
        return False
    reported = [c for c in verb.children if c.dep_ in {"ccomp", "parataxis"}]
    # "said in a statement that a bomb had hit a patrol": the clause hangs on the statement noun
    reported += [clause for prep in verb.children if prep.dep_ == "prep" and prep.lower_ in {"in", "through", "via"}
                 for noun in prep.children if noun.dep_ == "pobj"
                 for clause in noun.children if clause.dep_ in {"acl", "ccomp", "relcl"}]
    # what it reports comes first ("…, police said"), or has its own actor ("Police said gunmen had killed five"):
    # a pronoun subject ("Police said they arrested five") is the speaker acting, and stays
    return any(c.i < verb.i or any(g.dep_ in {"nsubj", "nsubjpass"} and g.pos_ in {"NOUN", "PROPN"}
                                   for g in c.children) for c in reported)


# "militants (likely Hamas)", "gunmen (suspected al-Shabaab)": the group named in the parentheses is the actor.
_NAMED_AFTER = re.compile(r"\(\s*(?:(?:most\s+)?likely|probably|possibly|suspected|presumably|presumed|"
                          r"reportedly|allegedly|believed\s+to\s+be|thought\s+to\s+be)?\s*$", re.IGNORECASE)
_UNNAMED_KINDS = {"unidentified_armed", "unidentified_gang"}


def _named_in_parentheses(found: list[tuple[actors_mod.ActorMention, str]], sent: SpacySpan
                          ) -> list[tuple[actors_mod.ActorMention, str]]:
    """A named group in parentheses right after an unnamed armed actor ("Palestinian militants (likely Hamas)")
    names that actor: the group takes its place and its role."""
    out = list(found)
    for g in (m for m, _ in found if m.kind == "group"):
        before = sent.text[:g.start - sent.start_char]
        paren = _NAMED_AFTER.search(before)
        if paren is None:
            continue
        cut = sent.start_char + paren.start()
        unnamed = [(m, r) for m, r in out if m.kind in _UNNAMED_KINDS and 0 <= cut - m.end <= 1]
        if unnamed:
            m, role = unnamed[0]
            out = [(x, role) if x is g else (x, r) for x, r in out if x is not m]
    return out


# "repelled an attack by the gunmen", "thwarted a Houthi attack": the attacker is the first actor
_ATTACK_NOUNS = actors_mod.lexicon_words("repelled_attack_nouns")
_REPEL_VERBS = actors_mod.lexicon_words("repel_verbs")


def _repelled_attacks(found: list[tuple[actors_mod.ActorMention, str]], sent: SpacySpan
                      ) -> list[tuple[actors_mod.ActorMention, str]]:
    """The side whose attack was repelled made the attack (agent, ACLED's first actor); the side that repelled
    it was attacked (patient)."""
    out = list(found)
    for m, _ in found:
        tok = _tok_at(sent, m.start)
        attack = _attack_of(tok) if tok is not None else None
        if attack is None or attack.dep_ != "dobj" or attack.head.lemma_.lower() not in _REPEL_VERBS:
            continue
        subjects = {t.i for t in attack.head.children if t.dep_ == "nsubj"}
        out = [(x, "agent") if x is m else ((x, "patient") if _subject_of(x, sent, subjects) else (x, r))
               for x, r in out]
    return out


def _subject_of(mention: actors_mod.ActorMention, sent: SpacySpan, subjects: set[int]) -> bool:
    """Is the mention (or the phrase it is part of, or the first of coordinated nouns) one of `subjects`?"""
    node = _tok_at(sent, mention.start)
    while node is not None and node.dep_ in {"compound", "amod", "conj", "appos"} and node.head.i != node.i:
        node = node.head
    return node is not None and node.i in subjects


def _attack_of(tok: Token) -> Token | None:
    """The attack noun a group's phrase belongs to: "[Houthi] attack", "attack by [Taliban] militants"."""
    node = tok
    while node.dep_ in {"compound", "amod", "nmod", "poss"} and node.head.i != node.i:
        node = node.head
        if node.lemma_.lower() in _ATTACK_NOUNS:
            return node
    if node.dep_ == "pobj" and node.head.lower_ == "by" and node.head.head.lemma_.lower() in _ATTACK_NOUNS:
        return node.head.head
    return None


def _either_or(found: list[tuple[actors_mod.ActorMention, str]], sent: SpacySpan
               ) -> list[tuple[actors_mod.ActorMention, str]]:
    """Two named groups joined by "or" ("JNIM or ISGS militants") are one actor for ACLED, "A and/or B": the
    report does not know which of them acted."""
    groups = sorted((x for x in found if x[0].kind == "group" and x[0].group is not None), key=lambda x: x[0].start)
    for i in range(len(groups) - 1):
        (a, role), (b, _) = groups[i], groups[i + 1]
        between = sent.text[a.end - sent.start_char:b.start - sent.start_char]
        if not re.fullmatch(r"\s+(?:and/)?or\s+", between) or a.group is None or b.group is None:
            continue
        either = {"name": f"{a.group['name']} and/or {b.group['name']}", "inter": a.group["inter"]}
        merged = actors_mod.ActorMention("group", a.start, b.end, sent.text[a.start - sent.start_char:
                                                                           b.end - sent.start_char], group=either)
        return [(merged, role) if m is a else (m, r) for m, r in found if m is not b]
    return found


def _actor_lemma(tok: Token) -> str:
    """The token's lemma, with a capitalised plural the tagger read as a name ("the Ukrainian Forces") made
    singular."""
    lemma = tok.lemma_.lower()
    if tok.pos_ == "PROPN" and lemma.endswith("s") and lemma[:-1] in actors_mod.KIND_BY_LEMMA:
        return lemma[:-1]
    return lemma


def _name_head(sent: SpacySpan, tok: Token, end_char: int) -> Token:
    """The head word of a group's name that opens on another word ("forces" of "Kurdish-led forces", where
    "Kurdish" hangs on "led"): the name's word whose head lies outside the name; the first word when none does, or
    when that word only modifies another noun."""
    words = [t for t in sent if tok.idx <= t.idx < end_char]
    head = next((t for t in words if t.head.i == t.i or not tok.idx <= t.head.idx < end_char), tok)
    # ("a Saudi-led coalition air raid": a name on an act's noun has no role of the act's own)
    return tok if head.dep_ in {"compound", "amod", "nmod", "poss"} else head


def _group_phrase(sent: SpacySpan, tok: Token, end_char: int) -> set[int]:
    """Token indices of a named group's phrase: the words of its name and the actor noun they modify ("Taliban
    fighters", "Hamas militants"), which names the same actor and must not count as a second one."""
    words = [t for t in sent if tok.idx <= t.idx < end_char] or [tok]
    last = words[-1]
    out = {t.i for t in words}
    shared = any(c.dep_ == "conj" for c in last.children)  # "Taliban and Pakistani forces": two sides' forces
    if last.dep_ in {"compound", "amod", "nmod"} and last.head.i not in out and not shared and (
            _actor_lemma(last.head) in actors_mod.KIND_BY_LEMMA):
        out.add(last.head.i)
        # "NAF rebel forces": the other actor words on the same noun name the group too
        out.update(c.i for c in last.head.children if c.dep_ in {"compound", "amod"} and c.i > last.i
                   and _actor_lemma(c) in actors_mod.KIND_BY_LEMMA)
    elif last.i + 1 < sent.end and actors_mod.KIND_BY_LEMMA.get(_actor_lemma(sent.doc[last.i + 1])) in {
            "unidentified_armed", "unidentified_gang"}:
        out.add(last.i + 1)  # "IS militants" parsed apart: the armed noun right after the name is the group's
    if (part := _whole_of(last)) is not None:
        out.add(part.i)  # "fighters of the Kachin Independence Army": the group's own fighters
    return out


_PART_NOUNS = actors_mod.lexicon_words("part_nouns")


def _whole_of(tok: Token) -> Token | None:
    """The noun a name is the whole of: "fighters of X", "a faction of X", "militants from X" (X the object of
    "of" or, for armed nouns, "from"); None otherwise."""
    node = tok
    while node.dep_ in {"compound", "amod", "nmod", "flat"} and node.head.i != node.i and node.head.i > node.i:
        node = node.head
    if node.dep_ != "pobj" or node.head.lower_ not in {"of", "from"}:
        return None
    noun = node.head.head
    lemma = _actor_lemma(noun)
    armed = actors_mod.KIND_BY_LEMMA.get(lemma) in {"unidentified_armed", "military", "security"}
    if node.head.lower_ == "from":
        return noun if noun.pos_ in {"NOUN", "PROPN"} and armed else None  # "militants from al Shabaab"
    return noun if noun.pos_ in {"NOUN", "PROPN"} and (armed or lemma in _PART_NOUNS) else None


def _tok_at(sent: SpacySpan, char: int) -> Token | None:
    return next((t for t in sent if t.idx <= char < t.idx + len(t.text)), None)


def _rebel_army(tok: Token) -> list[Token] | None:
    """The capitalised words of a rebel group's "… Army" / "… Forces" name ("Free Syrian Army"), when one of
    them is a word no state army is named with (`nonstate_army_words`); None otherwise."""
    if tok.text not in {"Army", "Forces", "Force"}:
        return None
    words = [c for c in tok.children if c.dep_ in {"compound", "amod", "nmod", "poss"} and c.i < tok.i
             and c.text[:1].isupper()]
    words = [t for c in words for t in c.subtree if t.i < tok.i and t.text[:1].isupper()]
    # (the parse may hang the name's first words elsewhere: "People's Defence Force fighters")
    ent = next((e for e in span_ents(tok.sent) if e.start <= tok.i < e.end and e.label_ == "ORG"), None)
    words += [t for t in (ent or ()) if t.i < tok.i and t.text[:1].isupper() and t not in words and t.pos_ != "DET"]
    words = [t for t in words if t.pos_ != "DET"]
    if not words:
        return None
    words = sorted(words, key=lambda t: t.i)
    book = default_codebook()
    # "Kuki National Army", "Chinland Defence Force": a people's or a region's own name before "National" or
    # "Defence" names a group; a state's name or nationality before it ("Afghan National Army") names the state
    own_name = not (book.demonym_iso3(words[0].lower_) or book.iso3(words[0].text)) and any(
        t.lower_ in _OWN_ARMY_WORDS for t in words[1:])
    if not own_name and not any(t.lower_ in actors_mod.nonstate_army_words() for t in words):
        return None
    return words


def _armed_context(tok: Token) -> bool:
    return any(c.lower_ in _ARMED_BODY_WORDS or c.lemma_.lower() in actors_mod.armed_unit_nouns()
               for c in tok.subtree)


# Words for a person that say only their place in a body ("an officer", "a member"): whose force they belong to
# says what they are.
_MEMBER_LEMMAS = actors_mod.lexicon_words("member_nouns")
_FORCE_KINDS = frozenset({"military", "security", "unidentified_armed", "unidentified_gang", "communal_militia"})


def _force_belonged_to(tok: Token) -> Token | None:
    """The armed force or unit a person belongs to: "an officer in the rebel force", "a commander with the militia",
    "members of their unit" (the object of "of", "from", "in" or "with" on the person, or right after the person
    when the parse hung the phrase on the verb: "killed an officer in the rebel force"); None otherwise."""
    preps = [c for c in tok.children if c.dep_ == "prep"]
    after = tok.doc[tok.right_edge.i + 1] if tok.right_edge.i + 1 < len(tok.doc) else None
    if after is not None and after.dep_ == "prep" and after.head.pos_ in {"VERB", "AUX"}:
        preps.append(after)
    for prep in (p for p in preps if p.lower_ in {"of", "from", "in", "with"}):
        for whole in (o for o in prep.children if o.dep_ == "pobj"):
            lemma = _actor_lemma(whole)
            if lemma in actors_mod.armed_unit_nouns() or actors_mod.KIND_BY_LEMMA.get(lemma) in _FORCE_KINDS:
                return whole
    return None


def _force_kind(whole: Token) -> str | None:
    """The kind of actor a force's members are, when no other phrase names it: the armed word on it ("the rebel
    force": an armed group), or the state's military for a unit no word names ("their unit", "the brigade");
    None when the force's own words are an actor phrase of their own ("the militia", "an army unit", "Wagner")."""
    words = [t for t in whole.subtree if t.i < whole.i]
    if _actor_lemma(whole) in actors_mod.KIND_BY_LEMMA and _actor_lemma(whole) != "force":
        return None  # "members of a criminal gang": the gang is named by its own word
    if any(t.pos_ == "PROPN" or (t.pos_ == "NOUN" and _actor_lemma(t) in actors_mod.KIND_BY_LEMMA) for t in words):
        return None
    kinds = [k for t in words if (k := actors_mod.KIND_BY_LEMMA.get(_actor_lemma(t))) in _FORCE_KINDS]
    if kinds:
        return kinds[0]  # "rebel" on the force: the parse made it an adjective, so no phrase of its own names it
    if _actor_lemma(whole) in actors_mod.armed_unit_nouns():
        return "military"
    return None


_POSSESSIVE_PRONOUNS = frozenset({"their", "his", "her", "its"})
_SIDE_KINDS = actors_mod.STATE_KINDS | {"group", "unidentified_armed", "communal_militia", "people_force"}


def _possessors_group(whole: Token, sent: SpacySpan, found: list[tuple[actors_mod.ActorMention, str]],
                      book: Codebook) -> actors_mod.ActorMention | None:
    """The non-state side a unit's possessive pronoun goes back to ("members of their unit"): the nearest armed
    side named before it in the sentence, else the side that acts in the sentence before ("Al-Shabaab fighters
    held the village. On Tuesday two members of their unit were killed"). None when that side is a state's
    forces, or there is none: the unit is then the state's, as any unit no word names."""
    if not any(c.dep_ == "poss" and c.lower_ in _POSSESSIVE_PRONOUNS for c in whole.children):
        return None
    before = [m for m, _ in found if m.start < whole.idx and m.kind in _SIDE_KINDS]
    if not before and sent.start > 0:
        told = actor_mentions(sent.doc[sent.start - 1].sent, book)
        before = [m for m, r in told if r == "agent" and m.kind in _SIDE_KINDS][:1]
    nearest = max(before, key=lambda m: m.start, default=None)
    return nearest if nearest is not None and nearest.kind not in actors_mod.STATE_KINDS else None


def _nationality(tok: Token, book: Codebook) -> str | None:
    """ISO3 of the state an actor phrase names: a nationality adjective or country on the actor ("Israeli
    forces", "the Iraqi army", "Iraq's army"), on the noun it is part of ("an Israeli drone strike": the drone's),
    on the first of coordinated nouns ("Israeli artillery and tanks") or after "of" ("military forces of
    Armenia")."""
    modifiers = [c for c in tok.children if c.dep_ in {"amod", "compound", "nmod", "poss"}]
    if tok.dep_ == "conj" and tok.head.i < tok.i:
        modifiers += [c for c in tok.head.children if c.i < tok.head.i and c.dep_ in {"amod", "compound", "nmod"}]
    if tok.dep_ == "compound" and tok.head.i > tok.i:
        modifiers += [c for c in tok.head.children if c.i < tok.i and c.dep_ in {"amod", "compound", "nmod"}]
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ in {"of", "from"}):
        modifiers += [o for o in prep.children if o.dep_ == "pobj"]  # "forces of Armenia", "soldiers from Burundi
    # "Taliban and Pakistani forces": the forces are those of the modifier coordinated with another side's name
    modifiers += [c for m in modifiers if m.i < tok.i for c in m.children if c.dep_ == "conj" and c.i < tok.i]
    return next((iso3 for child in modifiers if (iso3 := _state_of_word(child, book))), None)


def _state_of_word(word: Token, book: Codebook) -> str | None:
    """ISO3 of the state one word names: a nationality ("Israeli") or a country ("Iraq", "Iraq's"), read with the
    capitalised word before it when the two are one nationality ("South Sudanese", "South African", "Sri Lankan")."""
    prev = word.doc[word.i - 1] if word.i > 0 else None
    if prev is not None and prev.text[:1].isupper() and (two := book.demonym_iso3(f"{prev.lower_} {word.lower_}")):
        return two
    iso3 = book.demonym_iso3(word.lower_) or book.demonym_iso3(word.text.rstrip("'s").lower()) or \
        book.alias_iso3(word.text)  # "U.S. Central Command": tagged an organisation's word, still the state
    if not iso3 and word.ent_type_ == "GPE":
        iso3 = book.iso3(word.text.replace("’s", "").replace("'s", ""))
    return iso3 or None


def _speakers_state(tok: Token, book: Codebook) -> str | None:
    """ISO3 of the state a reporting subject names, for forces it calls its own: "the Israeli military said its
    troops killed 18 gunmen", "Russia's defence ministry said its forces had captured …"."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in tok.children):
        return None
    node = tok
    while node.head.i != node.i and node.lemma_.lower() not in _REPORT_LEMMAS:
        node = node.head
    subjects = [c for c in node.children if c.dep_ == "nsubj"]
    return next((iso3 for subject in subjects for t in subject.subtree if (iso3 := _state_of_word(t, book))), None)


def _speakers_group(tok: Token, found: list[tuple[actors_mod.ActorMention, str]]) -> actors_mod.ActorMention | None:
    """The named group that reports what fighters it calls its own did ("the KIA said its troops shot down a
    helicopter"): the group mention found in the reporting verb's subject, or None."""
    if not any(c.dep_ == "poss" and c.lower_ in {"its", "their", "our"} for c in tok.children):
        return None
    node = tok
    while node.head.i != node.i and node.lemma_.lower() not in _REPORT_LEMMAS:
        node = node.head
    if node.lemma_.lower() not in _REPORT_LEMMAS:
        return None
    spans = [(t.left_edge.idx, t.right_edge.idx + len(t.right_edge.text)) for t in node.children if t.dep_ == "nsubj"]
    return next((m for m, _ in found if m.kind == "group" and m.group is not None and not m.group.get("state")
                 and any(a <= m.start < b for a, b in spans)), None)


def _demonym_before(tok: Token, book: Codebook) -> str | None:
    """ISO3 of a nationality written right before the word, however the parse hangs it ("Ukrainian shelling
    killed two", where "Ukrainian" was read as the subject)."""
    if tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    return book.demonym_iso3(before.lower_) if before.text[:1].isupper() else None


def _coordinated_states(tok: Token, book: Codebook) -> list[str]:
    """ISO3 codes of the countries coordinated in a state-force phrase, after "of" ("forces of India and Pakistan"
    → IND, PAK) or as its adjectives ("Indian and Chinese troops")."""
    out: list[str] = []
    # "Indian and Chinese troops clashed": nationalities coordinated on the noun
    for adjective in (c for c in tok.children if c.dep_ in {"amod", "compound", "nmod"}):
        for other in adjective.conjuncts:
            iso3 = book.demonym_iso3(other.lower_)
            if iso3 and iso3 not in out:
                out.append(iso3)
    for prep in (c for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"):
        for obj in (o for o in prep.children if o.dep_ == "pobj"):
            for country in (obj, *obj.conjuncts):
                iso3 = book.demonym_iso3(country.lower_) or (book.iso3(country.text)
                                                              if country.ent_type_ == "GPE" else None)
                if iso3 and iso3 not in out:
                    out.append(iso3)
    return out


def _told_as_later(verb: Token) -> bool:
    """The verb is told as what came after the sentence's act: "before being shot dead", "before he was
    overpowered" (a clause opened by "before")."""
    if verb.dep_ == "pcomp" and verb.head.lower_ == "before":
        return True
    return verb.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "before" for c in verb.children)


# Verbs that label a group ("the YPG, which Ankara considers an offshoot of the PKK") or lay blame ("an attack
# officials blamed on the YPG"): the group they name is no side of the act.
_LABEL_LEMMAS = actors_mod.lexicon_words("labelling_verbs")
_BLAME_LEMMAS = actors_mod.lexicon_words("blame_verbs")


def _labels_another(node: Token) -> bool:
    """The name sits in a relative clause or apposition that describes another actor by labelling it ("which
    Ankara sees as an extension of the PKK", "whose backbone is the YPG")."""
    for anc in node.ancestors:
        if anc.dep_ in {"relcl", "acl"} and anc.lemma_.lower() in _LABEL_LEMMAS:
            return True
        if anc.dep_ in {"ROOT", "ccomp"}:
            return False
    return False


def _accused(node: Token) -> bool:
    """"blaming the YPG", "an attack officials blamed on the YPG", "accused the RSF of": who is blamed is no target
    (nor, on that word alone, the doer)."""
    head = node.head
    if node.dep_ == "dobj" and head.lemma_.lower() in _BLAME_LEMMAS:
        return True
    return node.dep_ == "pobj" and head.lower_ == "on" and head.head.lemma_.lower() in _BLAME_LEMMAS


_STATE_LEMMAS = frozenset({"be", "remain"})


def _state_after_leaving(verb: Token) -> bool:
    """"Islamic State is in retreat after losing Mosul": the subject of a state told as following its own giving up of
    ground (a clause with no subject of its own after "after", "since") is the side that gave it up."""
    if verb.lemma_.lower() not in _STATE_LEMMAS:
        return False
    acts = [g for c in verb.children if c.dep_ == "prep" and c.lower_ in {"after", "since"} for g in c.children
            if g.dep_ == "pcomp"] + [c for c in verb.children if c.dep_ == "advcl"]
    return any(a.lemma_.lower() in _LEAVE_LEMMAS and not any(x.dep_ in {"nsubj", "nsubjpass"} for x in a.children)
               for a in acts)


def _role(tok: Token) -> str:
    """agent (does the act), patient (undergoes it), holder (holds or backs what the sentence names: "a town
    controlled by X"), leaver (gives ground up: "troops withdrew") or other, from the dependency label."""
    name_end = tok
    while name_end.dep_ == "compound" and name_end.head.pos_ == "PROPN" and name_end.head.i > name_end.i:
        name_end = name_end.head  # "al" of "al Qaeda-linked": the name's last word carries the link
    if name_end.dep_ in {"npadvmod", "compound", "nmod"} and name_end.head.tag_ == "VBN" and \
            name_end.head.lemma_.lower() in _HOLDER_LEMMAS and name_end.head.i > name_end.i:
        # "rebel-held suburbs", "a regime-controlled town": who holds the place, not who acts; "Iran-backed"
        # rebels: who backs them
        return SPONSOR if name_end.head.lemma_.lower() in _SPONSOR_LEMMAS else "holder"
    node = tok
    while node.dep_ in {"compound", "amod", "conj", "appos"} and node.head.i != node.i:
        node = node.head
    if _labels_another(node) or _accused(node):
        return "other"
    if node is not tok and node.lemma_.lower() in actors_mod.device_nouns():
        return "agent"  # "their car hit a Boko Haram mine": the group laid the device it is named on
    if node.dep_ in {"nsubj"}:
        if node.head.lemma_.lower() == "come" and any(c.dep_ == "prep" and c.lower_ == "under" for c in node.head.children):
            return "patient"  # "police officers came under fire": they were fired at
        if node.head.lemma_.lower() in _LEAVE_LEMMAS or _state_after_leaving(node.head):
            return LEAVER  # "after government troops withdrew": the side that gave up the ground
        # "a soldier died in an explosion": who dies undergoes the act, whatever the grammar says
        return "patient" if node.head.lemma_.lower() in _UNDERGO_LEMMAS else "agent"
    if node.dep_ == "pobj" and node.head.lower_ == "by":
        by_what = node.head.head
        if by_what.dep_ == "acl" and by_what.lemma_.lower() in _HOLDER_LEMMAS:
            # "a town controlled by X", "rebels backed by Y": who holds or backs, not who acts
            return SPONSOR if by_what.lemma_.lower() in _SPONSOR_LEMMAS else "holder"
        if _told_as_later(by_what):
            return "other"  # "killed three people before being shot dead by police": police ended it, a later act
        return "agent"
    if node.dep_ in {"dobj", "nsubjpass", "attr"}:
        return "patient"
    if node.dep_ == "pobj" and node.head.lower_ in {"in", "with"} and node.head.head.pos_ == "NOUN" and \
            _actor_lemma(node.head.head) in _MEMBER_LEMMAS and node.head.head.dep_ != "attr":
        # "an officer in the army was killed": the force is hit in its officer ("X is an officer in the rebel
        # force that took the town" says who X is: the force acts in its own clause)
        return _role(node.head.head)
    if node.dep_ == "pobj" and node.head.lower_ == "of" and (part := _whole_of(node)) is not None:
        return _role(part)  # "a faction of the Free Syrian Army clashed": the whole acts with its part
    if node.dep_ == "pobj" and node.head.lower_ in {"on", "at", "against", "upon", "of", "targeting"}:
        return "patient"
    return "other"
