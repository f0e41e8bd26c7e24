"""Crash/resume at scale: `dateline run` on 2,000 articles, killed with SIGKILL at random moments, then resumed.

What it checks is the runner's promise (one transaction per batch, skip what this pipeline version already
stored): however often the process dies, the finished database holds each article exactly once, each event
exactly once, and the same content as a clean, uninterrupted run of the same corpus.

1. Writes a corpus of small synthetic news articles (our own templates: protests, clashes, air strikes,
   riots and some eventless political news, with varied towns, dates, agencies and figures; no evaluation
   data). Every article carries a unique reference line, so no two share a content hash.
2. Clean run: `dateline run corpus.jsonl --db <fresh db>` once, uninterrupted (timed).
3. Crash run into another fresh database: `--kills` random targets (numbers of stored articles, uniform over
   5–90% of the corpus); for each, start `dateline run`, wait until the database holds that many articles (and this
   process committed at least one batch), wait a random 0–`--max-delay` seconds more (so the kill lands
   anywhere inside a batch), SIGKILL it. Then rerun the same command until it exits 0.
4. Compares: articles (by id and content hash) and events (by uid and by (article, local id)) with no
   duplicate; per article, every event's stored fields equal the clean run's; table counts equal.

    python benchmarks/crash_bench.py                                   # 2,000 articles, 5 kills, SQLite
    python benchmarks/crash_bench.py --articles 200 --kills 3          # quick look
    python benchmarks/crash_bench.py --pg postgresql+psycopg://dateline:dateline@127.0.0.1/dateline_test

With `--pg URL` both runs go to fresh databases created on that server (dropped afterwards) instead of SQLite
files. Child processes run with `nice 10` and one extraction process, to stay gentle on a shared machine.
Writes benchmarks/results/crash.json (crash_postgresql.json with --pg). Not a CI test: it takes minutes.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
RESULTS = REPO / "benchmarks" / "results"

# -- corpus ------------------------------------------------------------------------------------------------
TOWNS = [
    ("Mosul", "Iraq"), ("Basra", "Iraq"), ("Aleppo", "Syria"), ("Homs", "Syria"), ("Kandahar", "Afghanistan"),
    ("Herat", "Afghanistan"), ("Maiduguri", "Nigeria"), ("Kano", "Nigeria"), ("Goma", "Democratic Republic of Congo"),
    ("Mogadishu", "Somalia"), ("Kismayo", "Somalia"), ("Khartoum", "Sudan"), ("El Fasher", "Sudan"),
    ("Taiz", "Yemen"), ("Aden", "Yemen"), ("Benghazi", "Libya"), ("Bamako", "Mali"), ("Gao", "Mali"),
    ("Quetta", "Pakistan"), ("Peshawar", "Pakistan"), ("Dhaka", "Bangladesh"), ("Caracas", "Venezuela"),
    ("Santiago", "Chile"), ("Nairobi", "Kenya"), ("Kharkiv", "Ukraine"), ("Beirut", "Lebanon"),
    ("Juba", "South Sudan"), ("Mandalay", "Myanmar"), ("La Paz", "Bolivia"), ("Port-au-Prince", "Haiti"),
    ("Ouagadougou", "Burkina Faso"), ("Bogota", "Colombia"),
]
AGENCIES = ["Northwire", "Daily Ledger", "Coastal Times", "Meridian News", "The Courier"]
GROUPS = ["an armed group", "rebel fighters", "militants", "a local militia", "insurgents"]
DEMANDS = ["higher wages", "the release of detained students", "cheaper fuel", "an end to power cuts",
           "new elections", "clean water"]
NAMES = ["Amina Yusuf", "Carlos Mendez", "Omar Haddad", "Grace Otieno", "Ivan Petrenko", "Lina Sabbagh",
         "Tunde Bello", "Sara Karimi"]
NUMBERS = ["two", "three", "four", "five", "six", "seven", "nine", "12"]

TEMPLATES = [
    # protest
    (
        "{TOWN}, {month} {day} ({agency}) - Hundreds of people marched through {town} on {weekday} to demand "
        "{demand}, witnesses said. Police fired tear gas to disperse the crowd near the governor's office.\n\n"
        '"We will come back every day until they listen," said {name}, one of the organisers.'
    ),
    # armed clash
    (
        "{TOWN}, {month} {day} ({agency}) - Fighting between government troops and {group} killed {n} people "
        "near {town} on {weekday}, a military spokesman said.\n\nThe clashes began at dawn and lasted several "
        "hours, residents told {agency}."
    ),
    # air strike
    (
        "{TOWN}, {month} {day} ({agency}) - An air strike hit a market on the outskirts of {town} on {weekday}, "
        "killing {n} civilians, local officials said.\n\nNo group claimed responsibility for the strike."
    ),
    # riot
    (
        "{TOWN}, {month} {day} ({agency}) - Angry residents set fire to a police station in {town} on {weekday} "
        "after a young man died in custody, police said.\n\n{name}, a shopkeeper, said the street was full of "
        "smoke for hours."
    ),
    # no event: policy news
    (
        "{TOWN}, {month} {day} ({agency}) - The government of {country} announced a new budget on {weekday}, "
        "promising more money for schools and roads.\n\nThe finance minister said the plan would be debated in "
        "parliament next month."
    ),
]


def make_corpus(path: Path, n: int, seed: int) -> None:
    """`n` JSONL records {id, text, publisher, published}, deterministic for a seed."""
    rng = random.Random(seed)
    start = dt.date(2023, 1, 1)
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            town, country = rng.choice(TOWNS)
            published = start + dt.timedelta(days=rng.randrange(365))
            # the event happened on the day before publication; "on <weekday>" must resolve to it
            happened = published - dt.timedelta(days=1)
            agency = rng.choice(AGENCIES)
            text = rng.choice(TEMPLATES).format(
                TOWN=town.upper(), town=town, country=country, month=published.strftime("%B"),
                day=published.day, agency=agency, weekday=happened.strftime("%A"),
                demand=rng.choice(DEMANDS), name=rng.choice(NAMES), group=rng.choice(GROUPS),
                n=rng.choice(NUMBERS),
            )
            text += f"\n\n(Reference CB-{i:05d})"  # unique content hash per article
            record = {"id": f"cb{i:05d}", "text": text, "publisher": agency, "published": published.isoformat()}
            out.write(json.dumps(record) + "\n")


# -- databases and runs ------------------------------------------------------------------------------------
@contextmanager
def fresh_db(pg: str | None, tmp: Path, name: str) -> Iterator[str]:
    if pg is None:
        yield f"sqlite:///{tmp / (name + '.sqlite')}"
        return
    sys.path.insert(0, str(REPO))
    from benchmarks.store_bench import pg_database

    with pg_database(pg) as url:
        yield url


def dateline_cmd(corpus: Path, url: str) -> list[str]:
    exe = Path(sys.executable).with_name("dateline")
    prog = [str(exe)] if exe.exists() else [sys.executable, "-m", "dateline"]
    return [*prog, "run", str(corpus), "--db", url, "--no-progress", "--workers", "1"]


def gentle(cmd: list[str]) -> list[str]:
    """The command at a lower CPU priority (nice 10) where `nice` exists: the machine is shared."""
    nice = shutil.which("nice")
    return [nice, "-n", "10", *cmd] if nice else cmd


def start(cmd: list[str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as sink:
        return subprocess.Popen(gentle(cmd), stdout=sink, stderr=subprocess.STDOUT)


_WATCHERS: dict[str, Any] = {}


def stored(url: str) -> int:
    """Articles committed so far (one open connection pool per database, reused while polling)."""
    from sqlalchemy import func, select

    from dateline.store import Store
    from dateline.store.tables import ArticleRow

    store = _WATCHERS.get(url) or _WATCHERS.setdefault(url, Store(url))
    with store.session() as s:
        return int(s.scalar(select(func.count()).select_from(ArticleRow)) or 0)


def snapshot(url: str) -> dict[str, Any]:
    """Everything compared between the two databases, plus the duplicate counts."""
    from sqlalchemy import select

    from dateline.store import EventFilter, Store
    from dateline.store.tables import ArticleRow

    with Store(url) as store:
        counts = store.counts()
        with store.session() as s:
            arts = s.execute(select(ArticleRow.id, ArticleRow.article_key, ArticleRow.content_hash)).all()
        key_of = {a.id: a.article_key for a in arts}
        events: dict[str, list[dict[str, Any]]] = {}
        uids: list[str] = []
        for row in store.iter_event_rows(EventFilter(all_versions=True)):
            uids.append(row.uid)
            data = {k: v for k, v in _event(row).items() if k not in {"id", "article_id", "report_id", "updated_at"}}
            events.setdefault(key_of[row.article_id], []).append(data)
        failures = sorted((f["item"], f["reason"]) for f in store.failures())
    return {
        "counts": counts,
        "article_keys": sorted(key_of.values()),
        "events": {k: sorted(v, key=lambda e: e["local_id"]) for k, v in events.items()},
        "failures": failures,
        "duplicates": {
            "article_ids": _dup(a.article_key for a in arts),
            "content_hashes": _dup(a.content_hash for a in arts),
            "event_uids": _dup(uids),
            "event_article_local_ids": _dup((key, e["local_id"]) for key, evs in events.items() for e in evs),
        },
    }


def _dup(values: Iterable[Any]) -> int:
    """How many values are repeats of an earlier one."""
    return sum(c - 1 for c in Counter(values).values() if c > 1)


def _event(row: Any) -> dict[str, Any]:
    from dateline.store.repository import event_dict

    return event_dict(row)


def crash_run(cmd: list[str], url: str, n: int, kills: int, max_delay: float, rng: random.Random,
              log: Path) -> dict[str, Any]:
    """Kill `kills` times at random moments spread over the run, then resume until a run exits 0.

    Each kill has a random target (a number of stored articles, uniform over 5–90% of the corpus): once the
    database holds that many and the current process has committed at least one batch, the kill lands a
    further 0–`max_delay` seconds later, i.e. anywhere inside the next batch or two.
    """
    # drawn from 5%–90% of the corpus, so the last kill still lands before the run ends on its own
    targets = sorted(rng.sample(range(max(1, n // 20), max(2, n * 9 // 10)), kills))
    killed_at: list[int] = []
    attempts = 0
    t0 = time.perf_counter()
    for target in targets:
        before = stored(url)
        proc = start(cmd, log)
        attempts += 1
        deadline = time.monotonic() + 1800
        while proc.poll() is None and time.monotonic() < deadline:
            now = stored(url)
            if now > before and now >= target:
                break
            time.sleep(0.3)
        time.sleep(rng.uniform(0.0, max_delay))
        if proc.poll() is not None:
            break  # it finished before the kill could land
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        killed_at.append(stored(url))
        print(f"  kill {len(killed_at)} (target {target}): {killed_at[-1]} articles stored", file=sys.stderr)
    while True:
        proc = start(cmd, log)
        attempts += 1
        if proc.wait() == 0:
            break
        if attempts > kills + 5:
            raise SystemExit(f"dateline run keeps failing after the kills; see {log}")
    return {"seconds": time.perf_counter() - t0, "kills": len(killed_at), "kill_targets": targets,
            "articles_stored_at_kills": killed_at, "runs_started": attempts}


def compare(clean: dict[str, Any], crashed: dict[str, Any]) -> dict[str, Any]:
    differing = sorted(k for k in set(clean["events"]) | set(crashed["events"])
                       if clean["events"].get(k) != crashed["events"].get(k))
    # runs and failures tables legitimately differ (a run row per attempt); the content tables must not
    content = ("articles", "reports", "events", "quotes", "statements", "claims", "places")
    return {
        "same_articles": clean["article_keys"] == crashed["article_keys"],
        "articles_with_different_events": len(differing),
        "example_difference": differing[:3],
        "same_counts": {k: clean["counts"][k] == crashed["counts"][k] for k in content},
        "same_failures": clean["failures"] == crashed["failures"],
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=5)
    parser.add_argument("--max-delay", type=float, default=3.0,
                        help="seconds after reaching the kill target within which the kill lands (uniformly)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pg", metavar="URL", help="use fresh PostgreSQL databases on this server")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    backend = "postgresql" if args.pg else "sqlite"
    output = args.output or RESULTS / ("crash.json" if backend == "sqlite" else f"crash_{backend}.json")
    rng = random.Random(args.seed)

    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        corpus = tmp / "corpus.jsonl"
        make_corpus(corpus, args.articles, args.seed)
        log = tmp / "runs.log"
        with fresh_db(args.pg, tmp, "clean") as clean_url, fresh_db(args.pg, tmp, "crash") as crash_url:
            print(f"clean run of {args.articles} articles ({backend}) ...", file=sys.stderr)
            t0 = time.perf_counter()
            with log.open("ab") as sink:
                done = subprocess.run(gentle(dateline_cmd(corpus, clean_url)), check=False, stdout=sink,
                                      stderr=subprocess.STDOUT)
            clean_seconds = time.perf_counter() - t0
            if done.returncode != 0:
                raise SystemExit(f"the clean run failed: {log.read_text()[-2000:]}")
            print(f"  {clean_seconds:.0f} s; crash run ...", file=sys.stderr)
            crash = crash_run(dateline_cmd(corpus, crash_url), crash_url, args.articles, args.kills, args.max_delay, rng, log)
            for watcher in _WATCHERS.values():
                watcher.close()  # before the PostgreSQL database is dropped
            clean, crashed = snapshot(clean_url), snapshot(crash_url)
    verdict = compare(clean, crashed)
    ok = (
        crashed["counts"]["articles"] == args.articles - len(clean["failures"])
        and not any(crashed["duplicates"].values())
        and verdict["same_articles"]
        and verdict["articles_with_different_events"] == 0
        and all(verdict["same_counts"].values())
    )
    out = {
        "benchmark": "dateline run killed with SIGKILL at random moments, resumed until done",
        "database": backend,
        "articles": args.articles,
        "kills": crash["kills"],
        "kill_targets": crash["kill_targets"],
        "articles_stored_at_kills": crash["articles_stored_at_kills"],
        "runs_started": crash["runs_started"],
        "clean_run_seconds": round(clean_seconds, 1),
        "crash_and_resume_seconds": round(crash["seconds"], 1),
        "stored": {k: crashed["counts"][k] for k in ("articles", "reports", "events", "quotes", "failures")},
        "clean_run_stored": {k: clean["counts"][k] for k in ("articles", "reports", "events", "quotes", "failures")},
        "duplicates": crashed["duplicates"],
        **verdict,
        "ok": ok,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_1m": round(os.getloadavg()[0], 2),
        "note": "one run; children at nice 10 with one extraction process on a shared machine",
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    dups = sum(crashed["duplicates"].values())
    print(
        f"{args.articles} articles, {crash['kills']} kills (stored at kills: {crash['articles_stored_at_kills']}), "
        f"{crash['runs_started']} runs started; clean run {clean_seconds:.0f} s, crash+resume {crash['seconds']:.0f} s; "
        f"stored {crashed['counts']['articles']} articles / {crashed['counts']['events']} events "
        f"(clean: {clean['counts']['articles']} / {clean['counts']['events']}); duplicates {dups}; "
        f"articles whose events differ from the clean run: {verdict['articles_with_different_events']}; "
        f"{'OK' if ok else 'FAILED'}"
    )
    print(f"wrote {output}", file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
