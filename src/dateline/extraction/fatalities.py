"""Fatalities by the codebook's conservative rules, from numbers in words or digits.

Rules (docs/codebook.md, "Fatalities"):
- a number stated for the deaths of this event counts; injuries never do ("five wounded" → nothing);
- "at least five", "more than five", "some five" → 5: the smallest number the words allow;
- "tens" = 10, "dozens" = 12, "scores" = 40, "hundreds" = 100, "thousands" = 1000;
- a vague plural ("several", "a few", "a number of", "many") takes the smallest value the words allow and is
  flagged `vague_fatalities` (several/a few → 3, a number of/some/many/multiple → 2);
- "five deaths in as many days" = 5 over a 5-day range (`days`);
- a range ("between nine and 50", "10 to 15", "20-30", "from four to seven", "two or three") is its lower
  bound, never the sum of its ends;
- counts of different victims joined by "and" in one clause add up ("two soldiers and three civilians
  were killed" → 5); different figures for the same deaths conflict → the lowest, with the dispute noted;
- more dead told as such add to the figure ("killing three; two more died", "another died of his wounds", "two of
  the wounded died in hospital"), while a share of the dead ("including two children") is no figure of its own;
- no stated number → None (unknown; 0 in the ACLED CSV).

Works on plain text so that it is usable on any sentence; offsets are relative to the text passed in.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from dateline.extraction.packaged import Lexicon, any_needed

_UNITS = {
    "another": 1, "one": 1, "a": 1, "an": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12,
    "a dozen": 12, "a couple of": 2, "a pair of": 2, "both": 2,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
# Plural round words: the codebook's conservative readings.
_ROUND = {"tens": 10, "dozens": 12, "scores": 40, "hundreds": 100, "thousands": 1000}
# Vague quantities: the smallest number the words allow (flagged).
_VAGUE = {"several": 3, "a few": 3, "few": 3, "a number of": 2, "a handful of": 2, "some": 2, "many": 2,
          "multiple": 2, "numerous": 2, "an unspecified number of": 2, "an unknown number of": 2,
          "unspecified number of": 2, "unknown number of": 2}

_NUMWORD = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|"
    r"four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a dozen|dozen|a couple of|a pair of|"
    r"(?:one|two|three|four|five|six|seven|eight|nine|a) hundred|tens|dozens|scores|hundreds|thousands|"
    r"an unspecified number of|an unknown number of|unspecified number of|unknown number of|a number of|"
    r"a handful of|a few|several|many|multiple|numerous|single|an?)"
)
_QUAL = r"(?:(?:at least|at most|more than|over|some|about|around|nearly|almost|up to|as many as|roughly|"
_QUAL += r"approximately|an estimated|no fewer than|no less than|less than|fewer than|all|the)\s+)?"
_NUM = rf"(?P<q>{_QUAL})(?P<n>{_NUMWORD})"
# Up to four words of the victim phrase ("Palestinian civilians", "of them", "people, including a child").
_GAP = r"(?P<gap>(?:(?!toll\b)[\w'’-]+,?\s+){0,4}?)"  # ("a toll of 15 dead" is no one dead)
_AUX = r"(?:(?:were|was|have been|has been|had been|are|is|being|got|reportedly|allegedly|also|later|all|" \
       r"subsequently|reported|confirmed)\s+){0,3}"
# The death verbs of a toll ("killed", "shot dead", "hacked to death") and the fighters an army says it "neutralised"
# (data/rule_cues.yaml). DEATH_VERB holds the killings by hand (BY_HAND) where it says {BY_HAND}.
_BY_HAND = Lexicon("rule_cues.yaml").pattern("BY_HAND")
_DEATH_VERB = Lexicon("rule_cues.yaml").pattern("DEATH_VERB").replace("{BY_HAND}", _BY_HAND)
_NEUTRALISED = Lexicon("rule_cues.yaml").pattern("NEUTRALISED")
_NUM2 = _NUM.replace("?P<q>", "?P<q2>").replace("?P<n>", "?P<n2>")
_NUM_ANY = _NUM.replace("?P<q>", "?:").replace("?P<n>", "?:")
# The groups of a list before its last two: "three soldiers, two civilians and a child" (each a count and its
# victims, then a comma; "two of them officers" is a part of the group before, no group of its own)
_LIST = rf"(?P<list>(?:{_NUM_ANY}\s+(?!of\b)(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+,\s+)*)"
_LIST_ITEM = re.compile(rf"{_NUM}\s+(?P<gap>(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+),\s+", re.IGNORECASE)
# the last group before "and" may close with a comma ("two civilians, and a child")
_GROUP_WORDS = r"(?:[\w'’-]+\s+){0,2}?(?:[\w'’-]+,?\s+)?"
# Coordinated victims in one clause add up: "two soldiers and three civilians were killed",
# "killing two soldiers and three civilians", "three soldiers, two civilians and a child were killed".
_SUM_PATTERNS = [
    re.compile(rf"\b{_LIST}{_NUM}\s+{_GROUP_WORDS}(?:and|as well as)\s+{_NUM2}\s+(?:[\w'’-]+\s+){{0,3}}?"
               rf"{_AUX}{_DEATH_VERB}\b", re.IGNORECASE),
    re.compile(rf"\b(?:killing|killed|kills|kill|shot dead|executing|executed)\s+{_LIST}{_NUM}\s+{_GROUP_WORDS}"
               rf"(?:and|as well as)\s+{_NUM2}\b", re.IGNORECASE),
]
# "At 5 pm, two soldiers and a child", "on two villages, five people and …": a count after a word of time or place
# before the list is no group of victims
_NOT_A_GROUP_BEFORE = Lexicon("rule_cues.yaml").regex("NOT_A_GROUP_BEFORE")
_AGE = r"(?:(?:\d{1,2}|[a-z]+)-year-old\s+)?"  # "a man and his 11-year-old daughter"
# ", two of them children,": who the victims counted before were, not another count
_APPOSITIVE_SHARE = re.compile(r",\s+(?:\d+|[a-z]+)\s+of\s+(?:them|whom)\s+[^,.;]{1,40},", re.IGNORECASE)
# An aside between commas or dashes after a counted victim phrase, just before its death verb: who the victims were
# ("Two people, a woman and a child, were killed", "Three people — two soldiers and a civilian — were killed") or
# how one died ("A second protester, shot in the chest, died in hospital"). The head's count is the figure; the
# aside is blanked, unless it tells deaths of its own ("Two gunmen, who killed five people, were shot dead").
_ASIDE = re.compile(rf"(?P<head>\b{_NUM}\s+(?:[\w'’-]+\s+){{0,2}}?[\w'’-]+)(?P<aside>\s*(?:,|—|–|--)"
                    rf"(?![^,.;—–]*?\b(?:{_DEATH_VERB}|kill\w*)\b)[^,.;—–]{{1,60}}?(?:,|—|–|--)\s*)"
                    rf"(?={_AUX}{_DEATH_VERB}\b)", re.IGNORECASE)
# "a man and his son were killed", "a robbery suspect and his cousin, a known fence, were killed": one victim
# and a second named by a possessive, two deaths.
_PAIR = re.compile(rf"\b(?:an?|one)\s+(?:[\w'’-]+\s+){{0,2}}?and\s+(?:his|her|their)\s+{_AGE}[\w'’-]+(?:,[^,.;]{{1,60}},)?\s+"
                   rf"{_AUX}{_DEATH_VERB}\b", re.IGNORECASE)
# One named victim, or "he"/"she": "Ahmed Ali was shot dead", "Fritz Weber, a doctor, was stabbed to death",
# "he was killed". The name's last word may follow a particle ("Abu Bakr al-Baghdadi").
_ONE_NAMED = re.compile(rf"(?:\b(?:[A-Z][\w'’.-]*\s+){{1,4}}(?:(?:al|el|bin|ibn|van|von|de|da)[\s-])?[A-Z][\w'’-]+"
                        rf"(?:,[^,.;]{{1,60}},|,)?|\b(?:[Hh]e|[Ss]he))\s+was\s+(?:(?:reportedly|allegedly|later)\s+)?"
                        rf"{_DEATH_VERB}\b")
# "killed the district commissioner and his two bodyguards": one victim and the N named by a possessive after it
_ONE_AND_HIS = re.compile(rf"\b(?:killing|killed|shot dead|shooting dead|murdered|assassinated|executed)\s+(?:the|a|an|one)\s+"
                          rf"(?:[\w'’-]+\s+){{0,3}}?and\s+(?:his|her|their)\s+(?:{_NUM}\s+)?{_AGE}[a-z][\w'’-]*", re.IGNORECASE)
# "killing Ali Naim, a Hezbollah commander": one victim named after the act
_NAMED_AFTER = re.compile(r"\b(?:killing|killed|shot dead|shooting dead|assassinated|assassinating)\s+"
                          r"(?!(?:The|A|An|At|On|In|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten)\b)"
                          r"[A-Z][\w'’-]+(?:\s+(?:(?:al|el|bin|ibn|abu|de|da|van|von)[\s-])?[A-Z][\w'’-]+){1,3}\b"
                          r"(?!\s+[a-z][\w-]*s\b)")  # ("killed Al Shabaab fighters" names a group, not a person)
# "the mayor of Chilpancingo was shot dead", "a candidate for mayor in Guerrero state was shot dead": one victim
# named by a description (the named or "he/she" victims are _ONE_NAMED's)
_ONE_DESCRIBED = re.compile(rf"(?:^|(?<=[.;:!?]\s))(?:The|A|An)\s+(?:[\w'’-]+\s+){{0,10}}?was\s+"
                            rf"(?:(?:reportedly|allegedly|later)\s+)?{_DEATH_VERB}\b")
# "the commander was killed along with two other fighters", "an officer was shot dead on Monday alongside a
# colleague", "… along with his driver": one victim and the others named with him, after a few words of time or place
_ALONG_WITH = re.compile(rf"\bwas\s+{_AUX}{_DEATH_VERB}\s+(?:[\w'’-]+\s+){{0,4}}?(?:(?:along|together)\s+with|alongside)\s+"
                         rf"(?:(?:his|her|their|its)\s+)?(?:{_NUM}\b|(?<=(?:his|her|its)\s)(?P<one>[a-z][\w'’-]*[^s\W])\b)",
                         re.IGNORECASE)
# "The officer was killed alongside his driver", "He was shot dead along with two colleagues": the victim is one
# told before (a definite phrase or a pronoun), and the figure counts him and those killed with him
_RETOLD_VICTIM = Lexicon("rule_cues.yaml").regex("RETOLD_VICTIM")
# "… before he was shot dead": a death told as what ended the act, after it
_BEFORE = re.compile(r"\bbefore\s+$", re.IGNORECASE)
_KILLED_AFTER = re.compile(r"\bbefore\s+(?:being|(?:he|she)\s+was)\s+(?:shot dead|killed|shot and killed|gunned down|"
                           r"neutrali[sz]ed)\b", re.IGNORECASE)
# "the men were beaten to death", "the suspects were lynched": victims named by a definite plural and no number
# are at least two (a vague figure, used only when the text states no number: it is mostly a count told before)
_PLURAL_NOUN = r"(?:[a-z]+[^s\W]s|[a-z]*men|people|children)"
_DEFINITE_PLURAL = re.compile(rf"\b(?:the|both)\s+(?:[\w'’-]+\s+){{0,2}}?{_PLURAL_NOUN}(?:,[^,.;]{{1,40}},)?\s+"
                              rf"(?:(?:were|have been|had been|are|got)\s+){_AUX}{_DEATH_VERB}\b"
                              rf"|\b(?:beat|burn(?:ed|t)|hacked|stoned|stabbed|clubbed|bludgeoned)\s+(?:the|both)\s+"
                              rf"(?:[\w'’-]+\s+){{0,2}}?{_PLURAL_NOUN}\s+to death\b", re.IGNORECASE)
_PATTERNS = [
    # "five protesters were killed", "two of them died", "a man was shot dead"
    re.compile(rf"\b{_NUM}\s+{_GAP}{_AUX}{_DEATH_VERB}\b", re.IGNORECASE),
    # "five deaths", "3 fatalities", "two bodies", "dozens dead"
    re.compile(rf"\b{_NUM}\s+(?P<gap>(?:[\w'’-]+\s+){{0,2}}?)(?:deaths|death|fatalities|fatality|bodies|dead)\b",
               re.IGNORECASE),
    # "killing five people", "killed at least three civilians", "shot dead two men"
    re.compile(rf"\b(?:killing|killed|kills|kill|shot dead|shooting dead|executing|executed|murdering|murdered|"
               rf"lynched|lynching|beheading|beheaded|decapitating|decapitated|massacring|massacred|(?:beat(?:en)?|stoned|hacked|clubbed|burn(?:ed|t)|stabbed) to death|"
               rf"claiming the li(?:ves|fe) of|left|leaving)\s+{_NUM}\b(?P<gap>\s+[\w'’-]+)?", re.IGNORECASE),
    # "the death toll rose to 12", "a death toll of five", "the toll later rose to 23", "the number of dead climbed
    # to 16"
    re.compile(rf"\bdeath toll\s+(?:\w+\s+){{0,3}}?(?:to|of|at|reached|is|was|stands at|stood at)\s+{_NUM}\b", re.IGNORECASE),
    re.compile(rf"\b(?:toll|number of (?:the )?(?:dead|deaths|people killed|fatalities))\s+(?:\w+\s+){{0,2}}?"
               rf"(?:rose|risen|rises|climbed|jumped|increased|reached|stands at|stood at|went up)\s+"
               rf"(?:from\s+[\w,]+\s+)?(?:to\s+)?{_NUM}\b",
               re.IGNORECASE),
    # "gave a toll of 15 dead", "bringing the toll to 27", "put the toll at 12", "revised the toll up to 27"
    re.compile(rf"\btoll\s+(?:up\s+|down\s+)?(?:of|to|at)\s+{_NUM}\b", re.IGNORECASE),
    # "the death toll from Monday's missile strike on Odesa has risen to 20": what the toll is of, then its figure
    re.compile(rf"\bdeath toll\s+(?:from|in|of)\b[^.;]{{1,80}}?\s(?:has |had )?(?:risen|rose|climbed|jumped|"
               rf"increased|reached|stands|stood)(?:\s+(?:to|at))?\s+{_NUM}\b", re.IGNORECASE),
    # "the death of a protester", "the killing of two farmers"
    re.compile(rf"\b(?:death|deaths|killing|killings|murder|murders|body|bodies)\s+of\s+{_NUM}\b", re.IGNORECASE),
    # "killing the soldier", "the death of the commander": one named or definite victim
    re.compile(r"\b(?:killing|killed|shot dead|shooting dead|death of|body of|murder of)\s+(?P<q>)"
               r"(?P<n>the|his|her|their|its)\s+"
               r"(?:[\w'’-]+\s+){0,2}?(?!(?:children|men|women|people|family|families|staff|crew|police)\b)"
               r"(?P<gap>[a-z]+[^s\W])\b(?!\s+(?:and|of)\b)", re.IGNORECASE),
    # army communiques: "neutralised 25 terrorists", "nine bandits were neutralised" (fighters, never devices)
    re.compile(rf"\bneutrali[sz](?:ed|ing)\s+{_NUM}\s+(?P<gap>(?:[\w'’-]+\s+){{0,2}}?){_NEUTRALISED}", re.IGNORECASE),
    re.compile(rf"\b{_NUM}\s+(?P<gap>(?:[\w'’-]+\s+){{0,2}}?){_NEUTRALISED}\s+(?:were|have been|had been)\s+"
               rf"neutrali[sz]ed\b", re.IGNORECASE),
    # ACLED notes: "Fatalities coded as 12."
    re.compile(rf"\bfatalit(?:y|ies)\s+(?:\w+\s+){{0,2}}?coded as\s+{_NUM}\b", re.IGNORECASE),
    # "burned two suspected thieves to death", "beat a man to death", "hacked five villagers to death"
    re.compile(rf"\b(?:burn(?:ed|t)|beat|stoned|hacked|stabbed|clubbed|bludgeoned|shot|starved|tortured)\s+{_NUM}\s+"
               rf"(?P<gap>(?:[\w'’-]+\s+){{0,3}}?)to death\b", re.IGNORECASE),
]
# "another policeman died of his wounds": one more victim ("another five" is five: the number's own pattern)
_ANOTHER = re.compile(rf"\b(?P<q>)(?P<n>another)\s+(?!{_NUMWORD}\b)(?P<gap>(?:[\w'’-]+\s+){{0,3}}?){_AUX}{_DEATH_VERB}\b",
                      re.IGNORECASE)
_PATTERNS.append(_ANOTHER)
# "unrest claimed 12 lives", "the violence has claimed more than 500 lives"
_CLAIMED_LIVES = re.compile(rf"\b(?:claimed|claiming|claims|claim)\s+{_NUM}\s+(?P<gap>(?:[\w'’-]+\s+)?)li(?:ves|fe)\b",
                            re.IGNORECASE)
_PATTERNS.append(_CLAIMED_LIVES)
# ... but what weeks or years of fighting claimed ("after seven weeks of clashes, which claimed up to 250 lives") is
# a total over the period, no act's toll
_PERIOD_OF = re.compile(r"\b(?:days|weeks|months|years|decades) of\b", re.IGNORECASE)
# A count told as more dead of the same act ("two more died", "another policeman died", "two of the wounded died
# in hospital"): added to the act's figure, never a conflicting figure for its dead (data/rule_cues.yaml)
_MORE_DEAD = Lexicon("rule_cues.yaml").regex("ADDITIONAL_DEAD")
_TOLL_TOTAL = Lexicon("rule_cues.yaml").regex("TOLL_TOTAL")
# "a third of the dead": a fraction, not one victim ("a third died", after a count, is one more: ADDITIONAL_DEAD)
_FRACTION_OF = Lexicon("rule_cues.yaml").regex("FRACTION_OF")
# "an ambush on a convoy left five soldiers dead": the count is after "left", the number before it names the act's target
_TOLL_VERB_IN_GAP = Lexicon("rule_cues.yaml").regex("TOLL_VERB_IN_GAP")
# "two soldiers, while a third later died": the death word is the other victim's, the number's dead told before
_OTHER_VICTIM_IN_GAP = Lexicon("rule_cues.yaml").regex("OTHER_VICTIM_IN_GAP")
# "ten were killed, including two children who died in hospital": a share of the dead told before, no figure of its own
_SHARE_OF = re.compile(r"\bincluding\s+$", re.IGNORECASE)
# Words that, inside the victim gap, show the number is not a death count (an age, "a 40-year-old man", is no
# duration); among them the weapon or attack that
# did the killing ("an air strike killed five fighters", "two bombs killed ..."): it counts attacks, not the dead.
# ("two of the wounded died": the wounded are who died, not a count of the wounded)
_BLOCK_GAP = re.compile(r"\b(?:(?<!of the )injur\w*|(?<!of the )wound\w*|hurt|arrest\w*|detain\w*|and|or|before|(?:years?|days?|months?|weeks?)(?![- ]old)|"
                        r"hours?|times|percent|km|miles|kilometres|kilometers|metres|meters|houses|homes|"
                        r"vehicles|cars|shops|buildings|strikes?|airstrikes?|raids?|attacks?|bombs?|bombings?|"
                        r"blasts?|explosions?|shells?|mortars?|rockets?|missiles?|drones?|ambush(?:es)?|"
                        r"grenades?|ieds?|mines?)\b", re.IGNORECASE)
_CODED = re.compile(rf"\bfatalit(?:y|ies)\s+(?:\w+\s+){{0,2}}?coded as\s+{_NUM}\b", re.IGNORECASE)
_AS_MANY_DAYS = re.compile(r"\bin as many days\b", re.IGNORECASE)
_OVER_DAYS = re.compile(rf"\b(?:over|in|during|within) (?:the (?:past|last) )?(?P<d>{_NUMWORD}) days\b", re.IGNORECASE)
# Objects of "killing"/"left" that are not people.
_NOT_PEOPLE = re.compile(r"^\s+(?:percent|years?|days?|months?|weeks?|hours?|km|miles|injured|wounded|homeless|"
                         r"houses|homes|buildings|vehicles|cars|shops|displaced|stranded)\b", re.IGNORECASE)

# A range of counts: "between nine and 50", "from four to seven", "10 to 15", "20-30", "two or three". Only plain
# numbers (no "a", "several", "dozens"): a vague word on either side is not a range of two figures.
_PLAIN_NUM = (
    r"(?:\d{1,3}(?:,\d{3})+|\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|"
    r"five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
# "In the raid on two villages, five people were killed": a count after a comma inside the victim gap is the
# victims' own; the number before the comma counts places or things (fatalities._accept)
_COUNT_AFTER_COMMA = re.compile(rf",\s+{_QUAL}(?:{_PLAIN_NUM}|tens|dozens|scores|hundreds|thousands)\b", re.IGNORECASE)
_RANGE = re.compile(
    rf"\b(?:between\s+(?P<a1>{_PLAIN_NUM})\s+and\s+(?P<b1>{_PLAIN_NUM})"
    rf"|(?P<from>from\s+)?(?P<a2>{_PLAIN_NUM})(?:\s+(?:to|or)\s+|\s*[-–—]\s*)(?P<b2>{_PLAIN_NUM}))\b",
    re.IGNORECASE,
)
# "the toll rose from five to 12" is a change, not a range: its figure is the second number.
_CHANGE = re.compile(r"\b(?:rose|risen|rises|rising|climbed|increased|jumped|grew|went up|revised)\s+$", re.IGNORECASE)


def collapse_ranges(text: str) -> str:
    """`text` with each range of counts written as its lower bound, padded with spaces to the same length, so
    offsets still point into the original text: "between nine and 50 civilians" → "nine" + spaces + " civilians"
    (the codebook's conservative reading; without this, "nine and 50" was summed as two victim groups)."""
    def lower(m: re.Match[str]) -> str:
        first, second = (m.group("a1"), m.group("b1")) if m.group("a1") else (m.group("a2"), m.group("b2"))
        low, high = number_value(first)[0], number_value(second)[0]
        if low is None or high is None or low >= high:  # "thirty-five", "2-1": not a range of counts
            return m.group(0)
        if m.group("from") and _CHANGE.search(text, 0, m.start()):
            return m.group(0)
        return first.ljust(len(m.group(0)))

    return _RANGE.sub(lower, text)


@dataclass(frozen=True)  # (`count_fatalities` hands the same one to every caller that counts the same text)
class FatalityCount:
    value: int | None = None
    vague: bool = False
    days: int | None = None
    start: int | None = None
    end: int | None = None
    figures: list[int] = field(default_factory=list)
    # the figure is a toll's running total ("bringing the death toll to 12"): the dead told as more are inside it
    total: bool = False
    # the figure is a victim told before and the others killed with him ("The officer was killed alongside his
    # driver"): told after the incident, its new total, not another estimate of its dead
    with_companions: bool = False

    @property
    def disputed(self) -> bool:
        return len(set(self.figures)) > 1


def number_value(words: str) -> tuple[int | None, bool]:
    """The conservative value of a number phrase and whether it is vague: "at least five" → (5, False),
    "dozens" → (12, False), "several" → (3, True), "twenty-two" → (22, False), "1,200" → (1200, False)."""
    w = re.sub(r"\s+", " ", words.strip().lower())
    w = re.sub(rf"^{_QUAL}", "", w).strip()
    if not w:
        return None, False
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d+", w):
        return int(w.replace(",", "")), False
    if w in _ROUND:
        return _ROUND[w], False
    if w in _VAGUE:
        return _VAGUE[w], True
    if w in {"the", "his", "her", "their", "its"}:  # a definite singular victim ("killing the soldier")
        return 1, False
    if w in _UNITS:
        return _UNITS[w], False
    m = re.fullmatch(r"(one|two|three|four|five|six|seven|eight|nine|a) hundred", w)
    if m:
        return (_UNITS.get(m.group(1), 1)) * 100, False
    m = re.fullmatch(r"(twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](\w+))?", w)
    if m:
        return _TENS[m.group(1)] + (_UNITS.get(m.group(2) or "", 0)), False
    return None, False


# Every pattern whose match can give `count_fatalities` a figure (a hit, an attacker killed after the act, a definite
# plural): a text where none can match counts no dead, and most texts counted (a candidate's sentence) tell of none.
# A pattern that adds a figure must be listed here.
_FIGURE_PATTERNS = [*_SUM_PATTERNS, _PAIR, _ONE_AND_HIS, _NAMED_AFTER, _ONE_DESCRIBED, _ALONG_WITH, _KILLED_AFTER,
                    _ONE_NAMED, *_PATTERNS, _DEFINITE_PLURAL]
_ANY_FIGURE = any_needed(_FIGURE_PATTERNS)


@functools.lru_cache(maxsize=256)
def count_fatalities(text: str) -> FatalityCount:
    """Deaths stated in `text` (one event's sentences). Figures in one clause joined by "and" add up;
    separate figures for the same deaths conflict and the lowest is kept; a range counts as its lower bound.

    Kept for the texts counted last: the events stage counts a candidate's text again as it codes, merges and
    folds it (a fifth of the counts), and each count runs some forty patterns over the text."""
    text = collapse_ranges(text)
    text = _APPOSITIVE_SHARE.sub(lambda m: " " * len(m.group(0)), text)  # (offsets kept)
    text = _ASIDE.sub(lambda m: m.group("head") + " " * len(m.group("aside")), text)
    if not _ANY_FIGURE.search(text):
        return FatalityCount()  # no pattern below can match: no hit, no later death, no definite plural
    hits: list[tuple[int, int, int, bool]] = []  # start, end, value, vague
    for pattern in _SUM_PATTERNS:
        for m in pattern.finditer(text):
            first, vague1 = number_value(m.group("q") + m.group("n"))
            second, vague2 = number_value(m.group("q2") + m.group("n2"))
            listed, vague3 = _listed_groups(m, text)
            start = m.start() if listed or not m.group("list") else m.start("q")
            if _OTHER_VICTIM_IN_GAP.match(text, m.start("n2")):
                continue  # "killed two soldiers, and a third was wounded": one more told apart, no group of the sum
            if first is not None and second is not None and not _BLOCK_GAP.search(text[start:m.end()].split(" and ")[0]):
                hits.append((start, m.end(), listed + first + second, vague1 or vague2 or vague3))
    for m in _PAIR.finditer(text):
        hits.append((m.start(), m.end(), 2, False))
    for m in _ONE_AND_HIS.finditer(text):
        others, vague = number_value(m.group("q") + m.group("n")) if m.group("n") else (1, False)
        if others is not None:
            hits.append((m.start(), m.end(), others + 1, vague))
    for m in _NAMED_AFTER.finditer(text):
        hits.append((m.start(), m.end(), 1, False))
    for m in _ONE_DESCRIBED.finditer(text):
        hits.append((m.start(), m.end(), 1, False))
    companions: set[tuple[int, int]] = set()  # the spans of a victim told before and those killed with him
    for m in _ALONG_WITH.finditer(text):
        others, vague = (1, False) if m.group("one") else number_value(m.group("q") + m.group("n"))
        if others is not None:
            # from the clause's start: the victim's own phrase ("a village chief was killed") is part of the figure
            start = max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start())) + 1
            hits.append((start, m.end(), others + 1, vague))
            if _RETOLD_VICTIM.match(text, start):
                companions.add((start, m.end()))
    # "killed four people before he was shot dead", "… before being shot dead by police": the attacker's own death,
    # after the act, adds to its dead
    later = len(_KILLED_AFTER.findall(text))
    for m in _ONE_NAMED.finditer(text):
        if not _BEFORE.search(text, 0, m.start()):
            hits.append((m.start(), m.end(), 1, False))
    for pattern in _PATTERNS:
        pos = 0
        while (m := pattern.search(text, pos)) is not None:
            pos = m.start() + 1  # a rejected match may hide a good one inside it: "two injured and three killed"
            hit = _accept(pattern, m, text)
            if hit is not None:
                hits.append(hit)
                pos = m.end()
    if not hits:
        return _definite_plural(text, later)
    hits = _dedupe_overlaps(hits)
    coded = _CODED.search(text)
    if coded:
        # a coder's explicit "fatalities coded as N" settles the figure
        value, _vague = number_value(coded.group("q") + coded.group("n"))
        if value is not None:
            return FatalityCount(value=value, vague=False, days=_days(text), start=coded.start(), end=coded.end(),
                                 figures=[value])
    clauses = _sum_coordinated(text, hits)
    clauses = [h for h in clauses if not _SHARE_OF.search(text, max(0, h[0] - 20), h[0])] or clauses
    more = [h for h in clauses if _MORE_DEAD.search(text, h[0], h[1])]
    told = [h for h in clauses if h not in more] or [min(more, key=lambda h: h[2])]
    figures = [v for _, _, v, _ in told]
    best = min(told, key=lambda h: h[2])
    total = _TOLL_TOTAL.search(text, best[0], best[1]) is not None
    added = 0 if total else sum(h[2] for h in more if h not in told)
    days = _days(text)
    return FatalityCount(value=best[2] + added + later, vague=best[3], days=days, start=best[0], end=best[1],
                         figures=figures, total=total, with_companions=(best[0], best[1]) in companions)


# An active verb with its object after it: "a strike on a house killed 12 people" — the phrase before "killed" is
# what killed, not who died (the passive and the reduced relative, "two people killed in the blast", have none).
_ACTIVE_VERB = re.compile(r"(?:killed|murdered|assassinated|executed|lynched|shot dead|shot and killed|"
                          rf"{_BY_HAND})$", re.IGNORECASE)
_OBJECT_AFTER = re.compile(r"\s+(?:(?:at least|more than|over|some|about|around|nearly|up to)\s+)?(?:\d|(?:a|an|the|his|her|"
                           r"their|its|him|them|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
                           r"dozens|scores|hundreds|several|many|all)\b)", re.IGNORECASE)


def _listed_groups(m: re.Match[str], text: str) -> tuple[int, bool]:
    """The victims of the groups a list names before its last two ("three soldiers, two civilians and a child":
    three), and whether any is vague; 0 when the list is no list of victims (its first count follows a word of time
    or place, "At 5 pm, two soldiers and a child", or a group is a part of it, "three soldiers, two of them …")."""
    listed = m.group("list")
    if not listed or _NOT_A_GROUP_BEFORE.search(text, 0, m.start("list")) or \
            re.match(r"\s+of\b", text[m.end("n"):], re.IGNORECASE):
        return 0, False
    total, vague = 0, False
    for item in _LIST_ITEM.finditer(listed):
        value, loose = number_value(item.group("q") + item.group("n"))
        if value is None or _BLOCK_GAP.search(item.group("gap")):
            return 0, False
        total, vague = total + value, vague or loose
    return total, vague


def _definite_plural(text: str, later: int) -> FatalityCount:
    """The figure of a text with no number: victims told by a definite plural ("the men were beaten to death") are
    at least two, and "both" are two; else only an attacker killed after the act, or nothing."""
    m = _DEFINITE_PLURAL.search(text)
    if m is None:
        return FatalityCount(value=later) if later else FatalityCount()
    vague = not re.search(r"\bboth\b", m.group(0), re.IGNORECASE)
    return FatalityCount(value=2 + later, vague=vague, start=m.start(), end=m.end(), figures=[2])


def _accept(pattern: re.Pattern[str], m: re.Match[str], text: str) -> tuple[int, int, int, bool] | None:
    gap = m.groupdict().get("gap") or ""
    if (pattern is _PATTERNS[0] or pattern is _ANOTHER) and (_BLOCK_GAP.search(gap) or _TOLL_VERB_IN_GAP.search(gap)
                                                               or _OTHER_VICTIM_IN_GAP.search(gap)
                                                               or _COUNT_AFTER_COMMA.search(gap)):
        return None
    if pattern is _PATTERNS[0] and _ACTIVE_VERB.fullmatch(text[m.end("gap"):m.end()].strip()) and \
            _OBJECT_AFTER.match(text, m.end()):
        return None
    if pattern is _CLAIMED_LIVES and _PERIOD_OF.search(text, max(0, m.start() - 120), m.start()):
        return None
    if pattern is _PATTERNS[2]:
        if gap and _NOT_PEOPLE.match(gap):
            return None
        if m.group(0).lower().startswith(("left", "leaving")):
            # "leaving three dead" is caught by the "dead" pattern; a bare "left five" is not a death count
            return None
    if m.group("n").lower() in {"a", "an"} and _FRACTION_OF.match(gap):
        return None
    value, vague = number_value(m.group("q") + m.group("n"))
    if value is None or _is_ordinal_or_date(text, m.start("n"), m.end("n")):
        return None
    return m.start(), m.end(), value, vague


def _days(text: str) -> int | None:
    if _AS_MANY_DAYS.search(text):
        # "five deaths in as many days": the number of days is the death count itself
        m = re.search(rf"{_NUM}\s+(?:[\w'’-]+\s+){{0,2}}?(?:deaths|killed|dead)\s+in as many days", text, re.IGNORECASE)
        if m:
            return number_value(m.group("q") + m.group("n"))[0]
    m = _OVER_DAYS.search(text)
    if m:
        return number_value(m.group("d"))[0]
    return None


# a month's name or abbreviation, and no other word that starts like one ("seven separatists", "a market trader")
_MONTH_AFTER = re.compile(r"\s+(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
                          r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b")


def _is_ordinal_or_date(text: str, start: int, end: int) -> bool:
    """'1 May' or '2020' are not counts, nor is an age ("the murder of 4-year-old Thandi", "a 12 year old")."""
    after = text[end:end + 12].lower()
    token = text[start:end]
    if _MONTH_AFTER.match(after):
        return True
    if re.match(r"[- ](?:years?|months?|weeks?|days?)[- ]old\b", after):
        return True
    return token.isdigit() and len(token) == 4 and token.startswith(("19", "20"))


def _dedupe_overlaps(hits: list[tuple[int, int, int, bool]]) -> list[tuple[int, int, int, bool]]:
    """Keep the longest of overlapping matches (two patterns often see the same phrase)."""
    hits = sorted(hits, key=lambda h: (h[0], -(h[1] - h[0])))
    kept: list[tuple[int, int, int, bool]] = []
    for h in hits:
        if kept and h[0] < kept[-1][1]:
            if h[1] - h[0] > kept[-1][1] - kept[-1][0]:
                kept[-1] = h
            continue
        kept.append(h)
    return kept


def _sum_coordinated(text: str, hits: list[tuple[int, int, int, bool]]) -> list[tuple[int, int, int, bool]]:
    """Merge "two soldiers and three civilians were killed" (one clause, joined by "and") into one figure;
    an "N fatalities" summary equal to the merged figure is the same figure."""
    merged: list[tuple[int, int, int, bool]] = []
    for h in hits:
        if merged:
            prev = merged[-1]
            between = text[prev[1]:h[0]]
            if re.fullmatch(r"\s*(?:,\s*)?(?:and|as well as|plus)\s+", between, re.IGNORECASE):
                merged[-1] = (prev[0], h[1], prev[2] + h[2], prev[3] or h[3])
                continue
        merged.append(h)
    # "killing a man and his son": a second victim right after the count
    return merged
