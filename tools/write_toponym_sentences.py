"""Write the sentences dateline's developers wrote for the geocoder's two models.

    python tools/write_toponym_sentences.py

gold/toponyms_written.jsonl (the toponym recognizer) and gold/event_places_written.jsonl (the event-place
ranker; see EVENT_TEMPLATES below for its format).

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
# surnames that a town outside the United States answers to (exactly or by the loose key)
TOWN_SURNAMES = ["Keita", "Hassan", "Banda", "Abacha", "Toure", "Sankara", "Kibaki", "Moi", "Maliki", "Obi", "Johnson", "Austin"]
CAPITALS = ["Damascus", "Kabul", "Baghdad", "Tripoli", "Khartoum", "Kinshasa", "Moscow", "Tehran", "Sanaa", "Mogadishu"]
COMMON = ["Cafe", "Market", "Church", "Bar", "Hotel", "Hope", "Victory", "Unity", "Liberty", "Paradise"]
# names spaCy's small model labels DATE, ORG, NORP or PRODUCT that match towns (for the later templates)
HOLIDAYS = ["Ramadan", "Eid", "Christmas", "Easter", "Ashura", "Diwali", "Lent", "Passover"]
GROUPS = ["Islah", "Hamas", "Fatah", "Amal", "Likud", "Wagner", "Ansar", "Tahrir", "Kataib", "Shabab"]
ETHNIC = ["Kikuyu", "Turkana", "Fulani", "Hausa", "Igbo", "Pashtun", "Hazara", "Amhara", "Oromo", "Tuareg", "Luo", "Kalenjin"]
VEHICLES = ["Chinook", "Apache", "Black Hawk", "Humvee", "Stryker", "Cessna", "Mercedes", "Toyota"]
ORG_PLACES = ["the Kurdistan Democratic Party of [[N:Iran]]", "the Islamic State in Iraq and [[N:Al-Sham]]",
              "Ahrar al-[[N:Sham]]", "the Liberation Front of [[N:Tigray]]", "the Patriotic Union of [[N:Kurdistan]]",
              "the National Liberation Army of [[N:Colombia]]", "the United Liberation Front of [[N:Assam]]",
              "the Movement for the Emancipation of the [[N:Niger Delta]]"]
# added later: villages the gazetteer lacks, written with the state or province that holds them, with and without
# a settlement word first ("Gidan", "Kafr", "Ban"), against people's given names and surnames in the same slots
# (made-up names, each with a division the gazetteer knows)
VILLAGES = [("Gidan Dawa", "Zamfara state"), ("Unguwan Lalle", "Kaduna state"), ("Tudun Bakura", "Katsina state"),
            ("Kurmin Jatau", "Kaduna state"), ("Rugan Ardo", "Niger state"), ("Dogon Karfe", "Zamfara state"),
            ("Kwanar Maje", "Katsina state"), ("Rafi Gora", "Sokoto state"), ("Kafr Haldun", "Idlib province"),
            ("Deir Sharqi", "Hama province"), ("Tal Safra", "Aleppo province"), ("Ain Marwan", "Idlib province"),
            ("Bir Hasan", "Hama province"), ("Hamidiyah Gharbi", "Homs province"), ("Ban Na Pradu", "Narathiwat province"),
            ("Chak Jamal", "Punjab province"), ("Killi Shahbaz", "Balochistan province"), ("Buulo Fuley", "Lower Shabelle region"),
            ("Ouro Guire", "Mopti region"), ("Gidan Bello", "Sokoto state"), ("Tashar Bawa", "Katsina state"),
            ("Mairuwa Sabuwa", "Zamfara state")]
PEOPLE = [("Aliyu Sani", "Kano state"), ("Musa Danladi", "Zamfara state"), ("Abubakar Lawal", "Katsina state"),
          ("Usman Garba", "Kaduna state"), ("Hauwa Yakubu", "Niger state"), ("Mohammed Haruna", "Sokoto state"),
          ("Ibrahim Shehu", "Kano state"), ("Yusuf Adamu", "Kaduna state"), ("Khaled Hamdan", "Idlib province"),
          ("Omar Darwish", "Hama province"), ("Fatima Saleh", "Aleppo province"), ("Imran Qureshi", "Punjab province"),
          ("Nasser Baloch", "Balochistan province"), ("Amadou Diallo", "Mopti region"), ("Moussa Traore", "Mopti region"),
          ("John Okafor", "Enugu state"), ("Grace Adeyemi", "Oyo state"), ("Abdi Farah", "Lower Shabelle region"),
          ("Zainab Bala", "Bauchi state"), ("Suleiman Idris", "Zamfara state")]
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
    # added later: a town named with no place word before it, which the small NER model often labels a person
    # or an organisation ("marched through Durban", "attacked Quetta"), against names that NER labels so
    # rightly (holidays, parties, ethnic groups, vehicles, a place inside an organisation's name)
    ("blocked", "Hundreds of nurses marched through [[P:{town}]] on Monday."),
    ("blocked", "At the start of [[N:{holiday}]], gunmen abducted a trader in [[P:{town}]]."),
    ("blocked", "Militants attacked [[P:{town}]] on Sunday, killing five soldiers."),
    ("blocked", "Troops loyal to [[N:{sur2}]] shelled [[P:{town}]] overnight."),
    ("blocked", "Rebels captured [[P:{town}]] after two days of fighting."),
    ("blocked", "[[N:{group}]]-affiliated forces detained a journalist in [[P:{town}]]."),
    ("blocked", "The MP for [[P:{town}]] condemned the killings."),
    ("blocked", "[[N:{sur2}]]'s forces fired on a crowd in [[P:{town}]]."),
    ("blocked", "Troops stormed [[P:{town}]] and arrested dozens of people."),
    ("blocked", "Members of the [[N:{ethnic}]] community protested in [[P:{town}]]."),
    ("blocked", "Police arrested a man from [[P:{town}]] on Friday."),
    ("blocked", "A spokesman for {orgplace} claimed an attack in [[P:{town}]]."),
    ("blocked", "Aid convoys reached [[P:{town}]] late on Tuesday."),
    ("blocked", "An army [[N:{vehicle}]] was hit by a roadside bomb near [[P:{town}]]."),
    ("blocked", "Thousands fled [[P:{town}]] as the fighting spread."),
    ("blocked", "Mr. [[N:{sur2}]] told supporters in [[P:{town}]] that he would not resign."),
    ("blocked", "Gunmen raided [[P:{town}]] before dawn, residents said."),
    ("blocked", "[[N:{ethnic}]] raiders stole cattle near [[P:{town}]] during [[N:{holiday}]]."),
    # added later: a village's name or a person's after "in", "near", "at" with the division that holds the
    # village (or the person's office) after it; the small NER calls most of both a person
    ("village", "Bandits killed four people in [[P:{village}]], [[P:{vstate}]] {vkind}, on Sunday."),
    ("village", "Gunmen abducted twelve worshippers in [[P:{village}]] in [[P:{vstate}]] {vkind} on Friday night."),
    ("village", "Two children died when a bomb went off near [[P:{village}]], [[P:{vstate}]] {vkind}."),
    ("village", "Three farmers were shot dead at [[P:{village}]], [[P:{vstate}]] {vkind}, late on Tuesday."),
    ("village", "Residents said troops repelled an attack on traders near [[P:{village}]] ([[P:{vstate}]] {vkind})."),
    ("village", "Hundreds of people fled their homes in [[P:{village}]], [[P:{vstate}]] {vkind}, after the raid."),
    ("person_slot", "The governor swore in [[N:{person}]], [[P:{pstate}]] {pkind}'s new commissioner for works, on Monday."),
    ("person_slot", "Delegates voted in [[N:{person}]], [[P:{pstate}]] {pkind} chairman of the party, at the congress."),
    ("person_slot", "Traders said they had lost confidence in [[N:{person}]], [[P:{pstate}]] {pkind}'s police commissioner."),
    ("person_slot", "Reporters stood near [[N:{person}]], [[P:{pstate}]] {pkind} governor, as he spoke to the crowd."),
    ("person_slot", "Police said the gunmen had shot at [[N:{person}]], a [[P:{pstate}]] {pkind} lawmaker, in his car."),
    ("person_slot", "Party members held a rally in support of [[N:{person}]] in [[P:{town}]] on Saturday."),
    ("person_slot", "The minister met with [[N:{person}]] in [[P:{town}]] to discuss the attacks."),
    ("person_slot", "Youths protested in [[P:{town}]] over the arrest of [[N:{person}]], [[P:{pstate}]] {pkind}'s party chairman."),
    ("village", "Soldiers killed five bandits in [[P:{village}]], [[P:{vstate}]] {vkind}, the army said on Monday."),
    ("village", "Villagers buried seven people killed in [[P:{village}]], [[P:{vstate}]] {vkind}, a day earlier."),
    ("village", "Gunmen stormed a mosque in [[P:{village}]] ([[P:{vstate}]] {vkind}) during evening prayers."),
    # a person as the object of a phrase that takes one ("loyal to X", "posters of X"), against a capital standing
    # for its government there ("militias loyal to Damascus": a place, as "Moscow said" is)
    ("person", "Troops loyal to [[N:{townsur}]] shelled [[P:{town}]] overnight."),
    ("person", "Militias loyal to [[P:{capital}]] clashed with rebels near [[P:{town}]]."),
    ("person", "Crowds waved posters of [[N:{townsur}]] in [[P:{town}]] on Friday."),
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


# The event-place ranker's own sentences: two or more places, of which the syntax decides the event's —
# a person's constituency or origin, an organisation's seat, a speaker's location, the origin or destination
# of a movement, a distance reference ("20 km south of Y"), a frame ("X in the suburbs of Y") or a parent
# ("X, the capital of Y province") is not where the event happened. Invented events, written for this data;
# [[V:...]] marks the event's trigger, [[E:...]] the event's place, [[O:...]] another place of the sentence.
# Slots: {t} the event's town, {t2} another town of its country, {p} the town's province, {c} the country,
# {cap} the country's capital, {f} a town abroad. Output rows have the spans of event_location_tune.jsonl
# ("VERB", "LOCATION" for the event's place) plus "OTHER_PLACE".
EVENT_OUT = OUT.with_name("event_places_written.jsonl")
# (town, another town of the same country, the town's province, country, capital)
LOCALES = [
    ("Jalalabad", "Asadabad", "Nangarhar", "Afghanistan", "Kabul"),
    ("Lashkar Gah", "Kandahar", "Helmand", "Afghanistan", "Kabul"),
    ("Maiduguri", "Damaturu", "Borno", "Nigeria", "Abuja"),
    ("Jos", "Bauchi", "Plateau", "Nigeria", "Abuja"),
    ("Port Harcourt", "Warri", "Rivers", "Nigeria", "Abuja"),
    ("Goma", "Bukavu", "North Kivu", "Democratic Republic of the Congo", "Kinshasa"),
    ("Bunia", "Beni", "Ituri", "Democratic Republic of the Congo", "Kinshasa"),
    ("Mosul", "Erbil", "Nineveh", "Iraq", "Baghdad"),
    ("Nasiriyah", "Amarah", "Dhi Qar", "Iraq", "Baghdad"),
    ("Qamishli", "Raqqa", "Hasakah", "Syria", "Damascus"),
    ("Mariupol", "Kramatorsk", "Donetsk Oblast", "Ukraine", "Kyiv"),
    ("Peshawar", "Mardan", "Khyber Pakhtunkhwa", "Pakistan", "Islamabad"),
    ("Quetta", "Gwadar", "Balochistan", "Pakistan", "Islamabad"),
    ("Baidoa", "Kismayo", "Bay", "Somalia", "Mogadishu"),
    ("Yei", "Torit", "Central Equatoria", "South Sudan", "Juba"),
    ("Nyala", "El Fasher", "South Darfur", "Sudan", "Khartoum"),
    ("Culiacan", "Mazatlan", "Sinaloa", "Mexico", "Mexico City"),
    ("Medellin", "Cali", "Antioquia", "Colombia", "Bogota"),
    ("Bamenda", "Buea", "Northwest Region", "Cameroon", "Yaounde"),
    ("Kaya", "Djibo", "Centre-Nord", "Burkina Faso", "Ouagadougou"),
    ("Marawi", "Cotabato", "Lanao del Sur", "Philippines", "Manila"),
    ("Pemba", "Montepuez", "Cabo Delgado", "Mozambique", "Maputo"),
    ("Mopti", "Sevare", "Mopti Region", "Mali", "Bamako"),
    ("Taiz", "Mukalla", "Taiz Governorate", "Yemen", "Sanaa"),
    ("Eldoret", "Kisumu", "Uasin Gishu", "Kenya", "Nairobi"),
    ("Bulawayo", "Gweru", "Matabeleland", "Zimbabwe", "Harare"),
]
ABROAD = ["London", "Paris", "Brussels", "Geneva", "Istanbul", "Doha", "Berlin", "Manchester", "Toronto",
          "Stockholm", "Johannesburg", "Dubai", "Amsterdam", "Rome", "Madrid", "Oslo"]
EVENT_TEMPLATES = [
    # a person's constituency, origin or home
    ("person", "The MP for [[O:{f}]] was [[V:attacked]] in [[E:{t}]] on Tuesday, his office said."),
    ("person", "A senator from [[O:{t2}]] was [[V:shot]] dead outside a hotel in [[E:{t}]]."),
    ("person", "The former mayor of [[O:{t2}]] was [[V:kidnapped]] in [[E:{t}]] on Sunday evening."),
    ("person", "A journalist based in [[O:{f}]] was [[V:detained]] at the airport in [[E:{t}]]."),
    ("person", "Police in [[E:{t}]] [[V:arrested]] a businessman from [[O:{t2}]] on Wednesday."),
    ("person", "An aid worker from [[O:{f}]] was [[V:abducted]] by gunmen in [[E:{t}]]."),
    ("person", "Born in [[O:{t2}]], the activist was [[V:arrested]] at her home in [[E:{t}]] on Friday."),
    ("person", "Originally from [[O:{f}]], the priest was [[V:kidnapped]] near [[E:{t}]] last week."),
    ("person", "The bomber, a native of [[O:{t2}]], [[V:struck]] a crowded mosque in [[E:{t}]]."),
    ("person", "A lorry driver from [[O:{f}]] was [[V:robbed]] at gunpoint near [[E:{t}]]."),
    ("person", "The head of the [[O:{t2}]] branch of the teachers' union was [[V:arrested]] in [[E:{t}]]."),
    ("person", "Relatives in [[O:{t2}]] said the nurse was [[V:abducted]] in [[E:{t}]] three days ago."),
    ("person", "Two students from [[O:{t2}]] were [[V:killed]] when gunmen opened fire on a bus in [[E:{t}]]."),
    ("person", "Migrants from [[O:{c}]] were [[V:beaten]] by a mob in [[E:{f}]] on Saturday night."),
    # fighters or weapons coming from elsewhere
    ("origin", "Fighters from [[O:{t2}]] [[V:attacked]] an army post in [[E:{t}]] overnight."),
    ("origin", "Gunmen believed to have come from [[O:{t2}]] [[V:stormed]] a police station in [[E:{t}]]."),
    ("origin", "Drones launched from [[O:{t2}]] [[V:struck]] a fuel depot in [[E:{t}]] before dawn."),
    ("origin", "Rockets fired from [[O:{t2}]] [[V:hit]] several homes in [[E:{t}]], residents said."),
    ("origin", "A man from [[O:{t2}]] [[V:blew]] himself up at a checkpoint in [[E:{t}]]."),
    ("origin", "Settlers from [[O:{t2}]] [[V:attacked]] farmers working their fields in [[E:{t}]]."),
    ("origin", "Herders from [[O:{p}]] [[V:clashed]] with farmers in [[E:{f}]] over grazing land."),
    ("origin", "Forces based in [[O:{t2}]] [[V:shelled]] [[E:{t}]] for the third night running."),
    ("origin", "[[E:{t}]] was [[V:shelled]] overnight by artillery positioned around [[O:{t2}]]."),
    ("origin", "Pilgrims returning from [[O:{f}]] were [[V:attacked]] at a bus station in [[E:{t}]]."),
    ("origin", "A bus travelling from [[O:{t2}]] was [[V:ambushed]] near [[E:{t}]] on Monday."),
    ("origin", "Families displaced from [[O:{t2}]] [[V:staged]] a sit-in in [[E:{t}]] to demand food."),
    # organisations and their seats
    ("seat", "A [[O:{f}]]-based rights group said troops [[V:killed]] four civilians in [[E:{t}]]."),
    ("seat", "The [[O:{f}]]-based monitor said air strikes [[V:hit]] a market in [[E:{t}]] on Thursday."),
    ("seat", "A [[O:{t2}]]-based militia [[V:clashed]] with soldiers in [[E:{t}]] on Friday."),
    ("seat", "The NGO, headquartered in [[O:{f}]], said its staff were [[V:assaulted]] in [[E:{t}]]."),
    ("seat", "The UN office in [[O:{f}]] said aid trucks were [[V:looted]] outside [[E:{t}]]."),
    ("seat", "A court in [[O:{f}]] heard that the group had [[V:bombed]] a church in [[E:{t}]]."),
    ("seat", "The government in [[O:{cap}]] confirmed that soldiers [[V:fought]] militants in [[E:{t}]]."),
    ("seat", "Officials at the defence ministry in [[O:{cap}]] said rebels had [[V:seized]] [[E:{t}]]."),
    ("seat", "Unknown assailants [[V:torched]] the offices of a [[O:{t2}]] radio station in [[E:{t}]]."),
    # speakers' locations
    ("speaker", "Speaking in [[O:{cap}]], the minister said troops had [[V:retaken]] [[E:{t}]]."),
    ("speaker", "Speaking by phone from [[O:{f}]], the opposition leader said police [[V:shot]] protesters in [[E:{t}]]."),
    ("speaker", "Reached by telephone in [[O:{t2}]], a witness said militants [[V:burned]] houses in [[E:{t}]]."),
    ("speaker", "At a news conference in [[O:{cap}]], the army said it had [[V:killed]] 12 insurgents near [[E:{t}]]."),
    ("speaker", "A spokesman in [[O:{f}]] said the group's fighters had [[V:ambushed]] a patrol near [[E:{t}]]."),
    ("speaker", "The correspondent in [[O:{cap}]] reported that police [[V:beat]] journalists in [[E:{t}]]."),
    ("speaker", "Lawyers in [[O:{cap}]] said their client was [[V:tortured]] in a prison in [[E:{t}]]."),
    ("speaker", "[[O:{cap}]] - Gunmen [[V:killed]] five villagers in [[E:{t}]] on Monday, police said."),
    # destinations and routes
    ("destination", "Police [[V:stopped]] a march in [[E:{t}]] that was heading to [[O:{t2}]]."),
    ("destination", "Activists [[V:rallied]] in [[E:{t}]] before setting off for [[O:{cap}]]."),
    ("destination", "Troops [[V:intercepted]] a truck near [[E:{t}]] bound for [[O:{t2}]]."),
    ("destination", "A convoy heading to [[O:{t2}]] [[V:hit]] a roadside bomb outside [[E:{t}]]."),
    ("destination", "Residents of [[E:{t}]] [[V:blocked]] the road to [[O:{t2}]] on Monday."),
    ("destination", "Farmers [[V:marched]] from [[O:{t2}]] to [[E:{cap}]] to demand compensation."),
    ("destination", "Thousands [[V:fled]] the fighting in [[E:{t}]] towards [[O:{t2}]], aid agencies said."),
    ("destination", "Rebels who [[V:attacked]] [[E:{t}]] on Sunday later withdrew towards [[O:{t2}]]."),
    # stretches: a raid, a shelling or clashes over "from X to Y" are coded at the first town; a march reaches the second
    ("route", "Warplanes [[V:struck]] militia positions along the road from [[E:{t}]] to [[O:{t2}]] on Friday."),
    ("route", "Clashes [[V:spread]] through the farms from [[E:{t}]] to [[O:{t2}]], residents said."),
    ("route", "Artillery [[V:shelled]] the villages from [[E:{t}]] as far as [[O:{t2}]] overnight."),
    ("route", "Engineers [[V:cleared]] mines from the highway from [[E:{t}]] towards [[O:{t2}]]."),
    ("route", "Hundreds of teachers [[V:walked]] from [[O:{t2}]] to [[E:{t}]] to protest unpaid wages."),
    # distance references
    ("distance", "Gunmen [[V:killed]] three farmers near [[E:{t}]], about 20 km south of [[O:{t2}]]."),
    ("distance", "An explosion [[V:struck]] a checkpoint in [[E:{t}]], 40 kilometres north of [[O:{t2}]]."),
    ("distance", "Soldiers [[V:repelled]] an attack on [[E:{t}]], a town east of [[O:{t2}]]."),
    ("distance", "Armed men on motorbikes [[V:raided]] [[E:{t}]], some 15 km from [[O:{t2}]]."),
    ("distance", "A mine [[V:exploded]] under a minibus near [[E:{t}]], halfway to [[O:{t2}]]."),
    # frames and parents
    ("frame", "Protesters [[V:blocked]] the main road in [[E:{t}]], the capital of [[O:{p}]] province."),
    ("frame", "A car bomb [[V:exploded]] in [[E:{t}]], the largest city of [[O:{p}]], on Sunday."),
    ("frame", "Clashes [[V:erupted]] in [[E:{t}]] in [[O:{p}]] on Saturday afternoon."),
    ("frame", "Police [[V:dispersed]] a rally in [[E:{t}]], in the north of [[O:{c}]]."),
    ("frame", "Fighting [[V:broke]] out in [[E:{t}]] in the suburbs of [[O:{t2}]]."),
    ("frame", "Shells [[V:landed]] in [[E:{t}]] on the outskirts of [[O:{t2}]] early on Friday."),
    ("frame", "Rebels [[V:captured]] [[E:{t}]] in the countryside of [[O:{p}]] after a week of fighting."),
    ("frame", "Security forces [[V:raided]] homes in [[E:{t}]], a district of [[O:{t2}]], at dawn."),
    ("frame", "In [[O:{p}]], gunmen [[V:ambushed]] a police patrol outside [[E:{t}]]."),
    ("frame", "Across [[O:{c}]], strikes continued, and in [[E:{t}]] workers [[V:occupied]] the town hall."),
    # other events, reasons and solidarity elsewhere
    ("other", "Police [[V:arrested]] a suspect in [[E:{t}]] over last month's bombing in [[O:{t2}]]."),
    ("other", "A suspect in the [[O:{t2}]] bombing was [[V:shot]] dead in [[E:{t}]]."),
    ("other", "Demonstrators [[V:burned]] tyres in [[E:{t}]] to protest the killings in [[O:{t2}]]."),
    ("other", "In solidarity with the victims in [[O:{t}]], hundreds [[V:marched]] in [[E:{f}]]."),
    ("other", "Hundreds [[V:rallied]] in [[E:{f}]] against the war in [[O:{c}]]."),
    ("other", "Exiles [[V:protested]] outside the embassy of [[O:{c}]] in [[E:{f}]]."),
    ("other", "After talks in [[O:{f}]] collapsed, rebels [[V:attacked]] [[E:{t}]]."),
    ("other", "Weeks after a truce was signed in [[O:{f}]], militias [[V:clashed]] in [[E:{t}]]."),
    ("other", "Rebels attacked [[O:{t2}]] on Sunday and [[V:burned]] the market in [[E:{t}]] on Monday."),
    ("other", "Police [[V:fired]] tear gas at protesters in [[E:{t}]] who demanded the release of a leader jailed in [[O:{t2}]]."),
    ("other", "The attack in [[E:{t}]] that [[V:killed]] nine people was claimed by a group active in [[O:{t2}]]."),
    ("other", "While the president visited [[O:{t2}]], students [[V:protested]] in [[E:{t}]]."),
    ("other", "Soldiers transferred from [[O:{t2}]] [[V:mutinied]] in [[E:{t}]] over unpaid wages."),
    ("other", "Prisoners [[V:rioted]] in [[E:{t}]] after a planned transfer to [[O:{t2}]] was cancelled."),
    ("other", "Traders who had travelled from [[O:{t2}]] [[V:protested]] in [[E:{t}]] against new taxes."),
    ("other", "Guards of the [[O:{p}]] governor [[V:opened]] fire on a crowd in [[E:{t}]]."),
    ("other", "In [[E:{t}]], security forces [[V:detained]] twenty people who had travelled from [[O:{t2}]]."),
    ("other", "Gunmen [[V:seized]] a ship off [[E:{t}]] that had sailed from [[O:{f}]]."),
]


def write_event_places() -> int:
    rows = []
    seen: set[str] = set()
    for number, (pattern, template) in enumerate(EVENT_TEMPLATES):
        for k in range(5):  # five fillings per template, each from another locale and town abroad
            t, t2, p, c, cap = LOCALES[(number * 7 + k * 5) % len(LOCALES)]
            fill = {"t": t, "t2": t2, "p": p, "c": c, "cap": cap, "f": ABROAD[(number * 3 + k * 7) % len(ABROAD)]}
            text = template
            for key, value in fill.items():
                text = text.replace("{" + key + "}", value)
            out, spans, pos = "", [], 0
            for m in re.finditer(r"\[\[([VEO]):([^\]]+)\]\]", text):
                out += text[pos : m.start()]
                label = {"V": "VERB", "E": "LOCATION", "O": "OTHER_PLACE"}[m.group(1)]
                spans.append({"start": len(out), "end": len(out) + len(m.group(2)), "label": label, "text": m.group(2)})
                out += m.group(2)
                pos = m.end()
            out += text[pos:]
            out = out[0].upper() + out[1:]
            if out in seen:
                continue
            seen.add(out)
            rows.append({"id": f"evplace-{len(rows)}", "pattern": pattern, "template": number, "text": out, "spans": spans})
    with EVENT_OUT.open("w", encoding="utf-8") as fh:
        for row in rows:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(rows)


def main() -> None:
    print("event places:", write_event_places(), "sentences")
    rows = []
    counter = itertools.count()
    for number, (pattern, template) in enumerate(TEMPLATES):
        for k in range(12):  # twelve fillings per template, rotating through each list
            fill = {"first": FIRST[k % len(FIRST)], "sur": SURNAMES[(k * 5 + len(rows)) % len(SURNAMES)] if number < 28 else LATER_SURNAMES[k % 4],
                    "later2": LATER_SURNAMES[(k + 1) % 4],
                    "title": TITLES[k % len(TITLES)], "town": TOWNS[(k * 7 + len(rows)) % len(TOWNS)],
                    "town2": TOWNS[(k * 11 + 3 + len(rows)) % len(TOWNS)], "org": ORGS[(k + len(rows)) % len(ORGS)],
                    "common": COMMON[k % len(COMMON)], "region": REGIONS[k % len(REGIONS)],
                    "capital": CAPITALS[k % len(CAPITALS)], "townsur": TOWN_SURNAMES[k % len(TOWN_SURNAMES)],
                    "sur2": SURNAMES[(k * 5 + len(rows)) % len(SURNAMES)], "holiday": HOLIDAYS[(k + number) % len(HOLIDAYS)],
                    "group": GROUPS[(k + number) % len(GROUPS)], "ethnic": ETHNIC[(k + number) % len(ETHNIC)],
                    "vehicle": VEHICLES[k % len(VEHICLES)], "orgplace": ORG_PLACES[k % len(ORG_PLACES)]}
            village, vstate = VILLAGES[(k * 5 + number) % len(VILLAGES)]
            person, pstate = PEOPLE[(k * 3 + number) % len(PEOPLE)]
            (vstate, vkind), (pstate, pkind) = vstate.rsplit(" ", 1), pstate.rsplit(" ", 1)
            fill.update(village=village, vstate=vstate, vkind=vkind, person=person, pstate=pstate, pkind=pkind)
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
