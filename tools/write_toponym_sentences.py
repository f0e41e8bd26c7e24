"""Write gold/toponyms_written.jsonl: sentences dateline's developers wrote for the toponym recognizer.

    python tools/write_toponym_sentences.py

Each template is our own sentence about a made-up event; [[P:Name]] marks a name that is a place there,
[[N:Name]] one that is not (a person, a title, an organisation, a common word that matches a town). The
fillers are names that collide with GeoNames towns (surnames, titles, organisation heads, common nouns) and
real places. Output rows: {"id", "text", "spans": [{"start", "end", "label": "PLACE" | "NOT_PLACE"}]}.
Deterministic: templates × fillers in a fixed order. Every third template's sentences are the blind half
("half": "test"): the recognizer never trains on them, so its precision is measured on unseen wording.
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "gold" / "toponyms_written.jsonl"

SURNAMES = ["Soleimani", "Jackson", "Lincoln", "Hamilton", "Clinton", "Madison", "Austin", "Wilson", "Kennedy",
            "Malema", "Obama", "Ruto", "Johnson", "Warsaw", "Reading", "Union", "Sadr", "Abbas"]
LATER_SURNAMES = ["Khamenei", "Khomeini", "Kenyatta", "Buhari"]  # for the later templates only
FIRST = ["Qasem", "Andrew", "Mary", "David", "Julius", "Peter", "Amina", "John", "Grace", "Samuel"]
TITLES = ["Commissioner", "Governor", "Senator", "Mayor", "Chairman", "Spokesman", "Director", "Councillor"]
TOWNS = ["Nairobi", "Kabul", "Baghdad", "Mosul", "Kano", "Maiduguri", "Goma", "Aleppo", "Idlib", "Mogadishu",
         "Lagos", "Quetta", "Sanaa", "Tripoli", "Gao", "Bamako", "Juba", "Kharkiv", "Basra", "Herat", "Harare",
         "Durban", "Lahore", "Peshawar", "Khartoum", "Beni", "Bunia", "Kaduna", "Jos", "Mopti"]
ORGS = ["the [[N:Bureau]] of Investigative Journalism", "the [[N:Centre]] for Democracy and Development",
        "the [[N:Institute]] for the Study of War", "the [[N:Union]] of Journalists",
        "the Peoples [[N:Democratic]] Party", "the [[N:Labour]] Party", "the National [[N:Congress]]",
        "the Houses of [[N:Parliament]]", "the [[N:Council]] of Elders", "the [[N:University]] of Science",
        "the [[N:Commission]] on Human Rights", "the Progressive [[N:Union]]", "the [[N:Bureau]] of Statistics",
        "the [[N:Centre]] for Strategic Studies", "the Human Rights [[N:Commission]]"]
COMMON = ["Cafe", "Market", "Church", "Bar", "Hotel", "Hope", "Victory", "Unity", "Liberty", "Paradise"]
REGIONS = ["Middle East", "North East", "West Africa", "Sahel", "Horn of Africa", "Gulf", "Balkans", "South Asia"]

TEMPLATES = [
    # a person's name
    ("person", "{first} [[N:{sur}]] said gunmen attacked a market in [[P:{town}]] on Monday."),
    ("person", "[[N:{sur}]]'s supporters marched through [[P:{town}]] on Friday."),
    ("person", "Police arrested two aides of [[N:{sur}]] in [[P:{town}]], officials said."),
    ("person", "The killing of [[N:{sur}]] sparked protests in [[P:{town}]]."),
    ("person", "[[N:{sur}]] told reporters that troops had retaken [[P:{town}]]."),
    ("person", "Supporters of opposition leader [[N:{sur}]] clashed with police in [[P:{town}]]."),
    # a title
    ("title", "[[N:{title}]] {sur} said protesters blocked roads in [[P:{town}]]."),
    ("title", "Regional [[N:{title}]] {sur} confirmed that militants attacked a village near [[P:{town}]]."),
    ("title", "The [[N:{title}]] condemned the attack on a police post in [[P:{town}]]."),
    ("title", "According to the [[N:{title}]], rioters set fire to shops in [[P:{town}]]."),
    ("title", "The MP for [[P:{town2}]] was attacked in [[P:{town}]] on Sunday."),
    ("title", "Supporters of the Senator for [[P:{town2}]] rallied in [[P:{town}]]."),
    # organisations
    ("org", "{org} reported an air strike in [[P:{town}]] on Tuesday."),
    ("org", "A researcher at {org} said fighting continued around [[P:{town}]]."),
    ("org", "Members of {org} staged a sit-in in [[P:{town}]]."),
    ("org", "{org} accused soldiers of killing civilians in [[P:{town}]]."),
    # common words
    ("common", "A bomb exploded at a [[N:{common}]] in [[P:{town}]], killing four people."),
    ("common", "[[N:{common}]] owners in [[P:{town}]] closed their doors in protest."),
    ("common", "Gunmen stormed the [[N:{common}]] in central [[P:{town}]] on Saturday night."),
    ("common", "Residents of [[P:{town}]] gathered outside the [[N:{common}]] to demand water."),
    # regions (places, but not towns)
    ("region", "Tensions rose across the [[P:{region}]] after the strike on [[P:{town}]]."),
    ("region", "Militants active in the [[P:{region}]] claimed the attack in [[P:{town}]]."),
    # the text's hierarchy
    ("hierarchy", "Gunmen killed three farmers in Tudun village ([[P:{town}]] district) on Friday."),
    ("hierarchy", "Soldiers clashed with rebels near [[P:{town}]], the capital, on Thursday."),
    # plain places
    ("place", "Protesters gathered in [[P:{town}]] on Wednesday to denounce the killings."),
    ("place", "Troops shelled the outskirts of [[P:{town}]], killing two civilians."),
    ("place", "[[P:{town}]] residents said the army had withdrawn overnight."),
    ("place", "A convoy travelling from [[P:{town2}]] to [[P:{town}]] was ambushed."),
    # added later (appended so that the earlier templates keep their dev/test half): a name used as a
    # person's elsewhere in the text
    ("person", "President {sur} spoke on Monday; protesters in [[P:{town}]] burned images of [[N:{sur}]]."),
    ("person", "{first} {sur} was not in [[P:{town}]]. Crowds there trampled portraits of [[N:{sur}]] on Friday."),
    ("person", "Demonstrators in [[P:{town}]] stamped on posters of [[N:{sur}]] and chanted against his allies."),
    ("person", "Leader {sur} denied the report, and crowds in [[P:{town}]] chanted against [[N:{sur}]] again."),
    ("person", "Leader {sur} stayed silent as crowds in [[P:{town}]] tore down pictures of [[N:{later2}]] and [[N:{sur}]]."),
    ("person", "In [[P:{town}]], marchers waved portraits of {first} {later2}, [[N:{sur}]] and other leaders."),
]


def render(template: str, fill: dict[str, str]) -> dict[str, object]:
    text = template
    for key, value in fill.items():
        text = text.replace("{" + key + "}", value)
    spans = []
    out = ""
    pos = 0
    for m in re.finditer(r"\[\[([PN]):([^\]]+)\]\]", text):
        out += text[pos : m.start()]
        spans.append({"start": len(out), "end": len(out) + len(m.group(2)), "label": "PLACE" if m.group(1) == "P" else "NOT_PLACE",
                      "text": m.group(2)})
        out += m.group(2)
        pos = m.end()
    out += text[pos:]
    return {"text": out, "spans": spans}


def main() -> None:
    rows = []
    counter = itertools.count()
    for number, (pattern, template) in enumerate(TEMPLATES):
        for k in range(12):  # twelve fillings per template, rotating through each list
            fill = {"first": FIRST[k % len(FIRST)], "sur": SURNAMES[(k * 5 + len(rows)) % len(SURNAMES)] if number < 28 else LATER_SURNAMES[k % 4],
                    "later2": LATER_SURNAMES[(k + 1) % 4],
                    "title": TITLES[k % len(TITLES)], "town": TOWNS[(k * 7 + len(rows)) % len(TOWNS)],
                    "town2": TOWNS[(k * 11 + 3 + len(rows)) % len(TOWNS)], "org": ORGS[(k + len(rows)) % len(ORGS)],
                    "common": COMMON[k % len(COMMON)], "region": REGIONS[k % len(REGIONS)]}
            row = render(template, fill)
            if fill["town"] == fill["town2"] and "{town2}" in template:
                continue
            rows.append({"id": f"written-{next(counter)}", "pattern": pattern, "template": number,
                         "half": "test" if number % 3 == 2 else "dev", **row})
    seen = set()
    with OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            if row["text"] in seen:
                continue
            seen.add(row["text"])
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
