"""Small hand-coded reports and synthetic report streams, to fill a database for the dashboard's tests, the
screenshots in docs/ and the API load benchmark without running the NLP pipeline.

The hand-written articles are invented (no real outlet's text); each event is coded by hand with evidence
spans found in its article text, so a test can check exactly what the dashboard highlights.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Iterator

from dateline.model import Actor, Article, Claim, ClaimLink, Event, Quote, Report, Span
from dateline.version import PIPELINE_VERSION


def _span(text: str, phrase: str) -> Span:
    start = text.index(phrase)
    return Span.of(text, start, start + len(phrase))


def _article(text: str, *, publisher: str, published: dt.date, title: str, url: str | None = None) -> Article:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return Article(
        id=digest[:16],
        text=text,
        content_hash=digest,
        publisher=publisher,
        published=published,
        title=title,
        url=url,
        source_kind="text",
    )


def _event(text: str, local_id: str, evidence: dict[str, str], passage: str, **fields: object) -> Event:
    spans = {name: _span(text, phrase) for name, phrase in evidence.items()}
    date = fields.get("event_date")
    if isinstance(date, dt.date):
        fields.setdefault("year", date.year)
        fields.setdefault("time_precision", 1)
    return Event(id=local_id, evidence=spans, mentions=[_span(text, passage)], confidence=0.8, **fields)  # type: ignore[arg-type]


PORT_TEXT = (
    "BASRA, Nov 4 (Example Wire) - Hundreds of demonstrators blocked the road to Umm Qasr port on Sunday, "
    "burning tyres and stopping trucks from entering, local officials said.\n\n"
    '"The port has been closed since the morning," said Ali Hassan, a spokesman for the port authority.\n\n'
    "Police later dispersed the crowd. No casualties were reported."
)
KARBALA_TEXT = (
    "KARBALA, Oct 29 (Example Wire) - Security forces fired tear gas at demonstrators near the provincial "
    "council building in Karbala on Monday night, according to witnesses cited by a local television channel.\n\n"
    "Dozens of protesters were treated for breathing problems, a health official said."
)
MOSUL_TEXT = (
    "MOSUL, Nov 2 (Example Wire) - Three people were killed when gunmen clashed with an army patrol west of "
    "Mosul on Friday, a security source told Example Wire.\n\n"
    "The military said the attackers fled after an hour-long exchange of fire."
)
# An article whose text carries markup: the dashboard must show it as text and never run it.
INJECTION_TEXT = (
    "NAJAF, Nov 2 (Example Wire) - Students held a sit-in outside the university in Najaf on Saturday "
    "<script>window.__pwned = 1</script> demanding jobs, organisers said. "
    '<img src=x onerror="window.__pwned = 2"> The gathering ended peacefully.'
)


def sample_reports() -> list[Report]:
    """Four short invented articles, each with one hand-coded event that has coordinates."""
    port = _article(
        PORT_TEXT,
        publisher="Example Wire",
        published=dt.date(2019, 11, 4),
        title="Demonstrators block road to Umm Qasr port",
        url="https://example.org/port",
    )
    port_event = _event(
        PORT_TEXT,
        "E1",
        {
            "sub_event_type": "blocked the road",
            "actor1": "demonstrators",
            "location": "Umm Qasr port",
            "event_date": "on Sunday",
            "source": "local officials said",
        },
        "Hundreds of demonstrators blocked the road to Umm Qasr port on Sunday",
        event_date=dt.date(2019, 11, 3),
        disorder_type="Demonstrations",
        event_type="Riots",
        sub_event_type="Violent demonstration",
        actor1="Rioters (Iraq)",
        inter1=5,
        interaction=50,
        country="Iraq",
        iso=368,
        region="Middle East",
        admin1="Basra",
        location="Umm Qasr",
        latitude=30.0362,
        longitude=47.9195,
        geo_precision=1,
        source="Example Wire",
        source_scale="International",
        claimed_by=["Example Wire", "local officials"],
        actors=[Actor(name="Rioters (Iraq)", inter=5, evidence=_span(PORT_TEXT, "demonstrators"))],
    )
    port_quote = Quote(
        id="Q1",
        span=_span(PORT_TEXT, "The port has been closed since the morning,"),
        speaker="Ali Hassan",
        speaker_span=_span(PORT_TEXT, "Ali Hassan"),
        speaker_role="spokesman for the port authority",
        speaker_named=True,
        cue=_span(PORT_TEXT, "said"),
        claimed_by=["Example Wire"],
    )
    port_claim = Claim(
        subject="event",
        subject_id="E1",
        evidence=_span(PORT_TEXT, "local officials said"),
        chain=[
            ClaimLink(name="Example Wire", role="publisher"),
            ClaimLink(name="local officials", role="source", span=_span(PORT_TEXT, "local officials")),
        ],
        first_hand=False,
    )

    karbala = _article(
        KARBALA_TEXT,
        publisher="Example Wire",
        published=dt.date(2019, 10, 29),
        title="Tear gas fired at Karbala protest",
    )
    karbala_event = _event(
        KARBALA_TEXT,
        "E1",
        {
            "sub_event_type": "fired tear gas at demonstrators",
            "actor1": "Security forces",
            "location": "Karbala",
            "event_date": "on Monday night",
        },
        "Security forces fired tear gas at demonstrators near the provincial council building in Karbala",
        event_date=dt.date(2019, 10, 28),
        disorder_type="Demonstrations",
        event_type="Protests",
        sub_event_type="Excessive force against protesters",
        actor1="Protesters (Iraq)",
        inter1=6,
        actor2="Police Forces of Iraq",
        inter2=1,
        interaction=16,
        country="Iraq",
        iso=368,
        region="Middle East",
        admin1="Karbala",
        location="Karbala",
        latitude=32.6160,
        longitude=44.0249,
        geo_precision=1,
        source="Example Wire",
        claimed_by=["Example Wire", "local television channel", "witnesses"],
    )
    karbala_claim = Claim(
        subject="event",
        subject_id="E1",
        evidence=_span(KARBALA_TEXT, "according to witnesses cited by a local television channel"),
        chain=[
            ClaimLink(name="Example Wire", role="publisher"),
            ClaimLink(name="local television channel", role="outlet"),
            ClaimLink(name="witnesses", role="source"),
        ],
        first_hand=False,
    )

    mosul = _article(
        MOSUL_TEXT,
        publisher="Example Wire",
        published=dt.date(2019, 11, 2),
        title="Three killed in clash west of Mosul",
    )
    mosul_event = _event(
        MOSUL_TEXT,
        "E1",
        {
            "sub_event_type": "clashed",
            "fatalities": "Three people were killed",
            "actor1": "gunmen",
            "actor2": "an army patrol",
            "location": "west of Mosul",
            "event_date": "on Friday",
        },
        "Three people were killed when gunmen clashed with an army patrol west of Mosul on Friday",
        event_date=dt.date(2019, 11, 1),
        disorder_type="Political violence",
        event_type="Battles",
        sub_event_type="Armed clash",
        actor1="Unidentified Armed Group (Iraq)",
        inter1=3,
        actor2="Military Forces of Iraq",
        inter2=1,
        interaction=13,
        country="Iraq",
        iso=368,
        region="Middle East",
        admin1="Nineveh",
        location="Mosul",
        latitude=36.3350,
        longitude=43.1189,
        geo_precision=2,
        fatalities=3,
        source="Example Wire",
        claimed_by=["Example Wire", "a security source"],
    )

    najaf = _article(
        INJECTION_TEXT,
        publisher="Example Wire",
        published=dt.date(2019, 11, 2),
        title="Students' sit-in in Najaf <b>ends</b>",
    )
    najaf_event = _event(
        INJECTION_TEXT,
        "E1",
        {
            "sub_event_type": "held a sit-in",
            "actor1": "Students",
            "location": "Najaf",
            "event_date": "on Saturday",
            "notes": "<script>window.__pwned = 1</script> demanding jobs",
        },
        "Students held a sit-in outside the university in Najaf on Saturday",
        event_date=dt.date(2019, 11, 2),
        disorder_type="Demonstrations",
        event_type="Protests",
        sub_event_type="Peaceful protest",
        actor1="Protesters (Iraq)",
        inter1=6,
        interaction=60,
        country="Iraq",
        iso=368,
        region="Middle East",
        admin1="Najaf",
        location="Najaf",
        latitude=32.0259,
        longitude=44.3462,
        geo_precision=1,
        source="Example Wire",
        notes="<script>window.__pwned = 3</script>Students held a sit-in.",
    )
    return [
        Report(
            pipeline_version=PIPELINE_VERSION,
            article=port,
            events=[port_event],
            quotes=[port_quote],
            claims=[port_claim],
        ),
        Report(
            pipeline_version=PIPELINE_VERSION, article=karbala, events=[karbala_event], claims=[karbala_claim]
        ),
        Report(pipeline_version=PIPELINE_VERSION, article=mosul, events=[mosul_event]),
        Report(pipeline_version=PIPELINE_VERSION, article=najaf, events=[najaf_event]),
    ]


_TYPES = (
    ("Political violence", "Battles", "Armed clash"),
    ("Political violence", "Explosions/Remote violence", "Shelling/artillery/missile attack"),
    ("Political violence", "Violence against civilians", "Attack"),
    ("Demonstrations", "Protests", "Peaceful protest"),
    ("Demonstrations", "Riots", "Violent demonstration"),
    ("Strategic developments", "Strategic developments", "Arrests"),
)
_PLACES = (
    ("Iraq", "Baghdad", "Baghdad", 33.3406, 44.4009),
    ("Iraq", "Basra", "Basra", 30.5085, 47.7804),
    ("Syria", "Aleppo", "Aleppo", 36.2021, 37.1343),
    ("Yemen", "Amanat al Asimah", "Sanaa", 15.3547, 44.2067),
    ("Lebanon", "Beirut", "Beirut", 33.8938, 35.5018),
    ("Iran", "Tehran", "Tehran", 35.6944, 51.4215),
    ("Sudan", "Khartoum", "Khartoum", 15.5518, 32.5324),
    ("Libya", "Tripoli", "Tripoli", 32.8872, 13.1913),
)


def synthetic_reports(n_events: int, *, per_article: int = 5, seed: int = 7) -> Iterator[Report]:
    """Reports holding `n_events` plausible events in total (types, places and dates spread out), for load
    tests; the article text is generated so every evidence span is real."""
    rng = random.Random(seed)
    start = dt.date(2019, 1, 1)
    made = 0
    article_no = 0
    while made < n_events:
        article_no += 1
        count = min(per_article, n_events - made)
        sentences = []
        events = []
        for i in range(count):
            disorder, etype, sub = rng.choice(_TYPES)
            country, admin1, town, lat, lon = rng.choice(_PLACES)
            day = start + dt.timedelta(days=rng.randrange(365))
            sentence = f"Report {article_no}.{i}: a {sub.lower()} took place in {town} on {day.isoformat()}. "
            offset = sum(len(s) for s in sentences)
            sentences.append(sentence)
            text_so_far = "".join(sentences)
            trig = sub.lower()
            t0 = text_so_far.index(trig, offset)
            l0 = text_so_far.index(town, offset)
            events.append(
                Event(
                    id=f"E{i + 1}",
                    event_date=day,
                    year=day.year,
                    time_precision=1,
                    disorder_type=disorder,
                    event_type=etype,
                    sub_event_type=sub,
                    actor1=rng.choice(["Protesters", "Rioters", "Military Forces"]),
                    country=country,
                    admin1=admin1,
                    location=town,
                    latitude=lat + rng.uniform(-0.3, 0.3),
                    longitude=lon + rng.uniform(-0.3, 0.3),
                    geo_precision=1,
                    fatalities=rng.choice([None, 0, 1, 2, 5]),
                    source="Synthetic Wire",
                    confidence=0.5,
                    evidence={
                        "sub_event_type": Span.of(text_so_far, t0, t0 + len(trig)),
                        "location": Span.of(text_so_far, l0, l0 + len(town)),
                    },
                    mentions=[Span.of(text_so_far, offset, offset + len(sentence) - 1)],
                )
            )
        text = "".join(sentences).strip()
        digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
        article = Article(
            id=digest[:16],
            text=text,
            content_hash=digest,
            publisher="Synthetic Wire",
            published=start,
            title=f"Synthetic report {article_no}",
        )
        made += count
        yield Report(pipeline_version=PIPELINE_VERSION, article=article, events=events)
