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

`--concurrent` runs the harder case instead: a directory of `--articles` files of which 5 % are junk of every
kind (empty, binary, a 2 MB one-line file, non-UTF-8 bytes, non-English text, an HTML page with no article,
an image), read by TWO `dateline run` processes started together on ONE new database, one of them killed
`--kills` times (default 2) and restarted while the other goes on. It checks every good article is stored
exactly once, every junk file is in `failures` (counted by reason, whatever the wording), killed runs end
"interrupted" in the runs table, and records every process's exit code. Writes crash_concurrent.json.

    python benchmarks/crash_bench.py --concurrent                      # 2,000 files, 2 kills, SQLite

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


def run_recorded(url: str, pid: int) -> bool:
    """Whether the process `pid` has recorded its run (it is past start-up, so a kill leaves a run row)."""
    from sqlalchemy import select

    from dateline.store import Store
    from dateline.store.tables import RunRow

    store = _WATCHERS.get(url) or _WATCHERS.setdefault(url, Store(url))
    with store.session() as s:
        return s.scalar(select(RunRow.id).where(RunRow.pid == pid).limit(1)) is not None


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


# -- concurrent runs over a corpus with junk ---------------------------------------------------------------
JUNK_KINDS = ("empty", "binary", "one_line_2mb", "non_utf8", "non_english", "html_no_article", "image")
_FRENCH = ("PARIS, 3 mars (Agence) - Des centaines de manifestants ont défilé samedi dans le centre de la ville "
           "pour réclamer de meilleurs salaires, selon la police. La manifestation s'est déroulée dans le calme.")
_PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478"
                     "9c6360000002000154a24f5d0000000049454e44ae426082")


def junk_bytes(kind: str, i: int, rng: random.Random) -> tuple[str, bytes]:
    """(file name, content) of one junk input of `kind`; each distinct, so no two share a content hash."""
    if kind == "empty":
        return f"junk-{i:04d}-empty.txt", b""
    if kind == "binary":
        return f"junk-{i:04d}-binary.dat", bytes(rng.randrange(256) for _ in range(4096)) + b"\0" * 64
    if kind == "one_line_2mb":
        words = " ".join(rng.choice(["protesters", "marched", "in", "the", "city", "police", "said"])
                         for _ in range(300_000))
        return f"junk-{i:04d}-oneline.txt", (words[: 2 * 1024 * 1024] + f" {i}").encode()
    if kind == "non_utf8":
        text = f"BASRA, May {i % 28 + 1} (Wire) - \u201cWe want jobs,\u201d said protesters near the port. Ref {i}."
        return f"junk-{i:04d}-cp1252.txt", text.encode("cp1252") + b"\xff\xfe\x81\x8d"
    if kind == "non_english":
        return f"junk-{i:04d}-french.txt", f"{_FRENCH} Référence {i}.".encode()
    if kind == "html_no_article":
        page = (f"<html><head><title>Menu {i}</title><script>var x = {i};</script></head><body><nav><a href='/'>"
                "Home</a> | <a href='/world'>World</a></nav><footer>Copyright</footer></body></html>")
        return f"junk-{i:04d}-nav.html", page.encode()
    if kind == "image":
        return f"junk-{i:04d}-photo.png", _PNG + i.to_bytes(4, "big")
    raise ValueError(kind)


def make_junk_corpus(root: Path, n: int, seed: int) -> tuple[set[str], dict[str, str]]:
    """A directory of `n` files: 95 % good articles (.txt), 5 % junk spread over every kind. Returns the good
    file names and {junk file name: kind}."""
    rng = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    n_junk = max(len(JUNK_KINDS), n // 20)
    jsonl = root.parent / "good.jsonl"
    make_corpus(jsonl, n - n_junk, seed)
    good: set[str] = set()
    for line in jsonl.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        name = f"{record['id']}.txt"
        (root / name).write_text(record["text"], encoding="utf-8")
        good.add(name)
    jsonl.unlink()
    junk: dict[str, str] = {}
    for i in range(n_junk):
        kind = JUNK_KINDS[i % len(JUNK_KINDS)]
        name, data = junk_bytes(kind, i, rng)
        (root / name).write_bytes(data)
        junk[name] = kind
    return good, junk


def reason_kind(reason: str) -> str:
    """A failure reason without its particulars ("too large (over 10 bytes)" → "too large"), to count by."""
    head = reason.split(":", 1)[0].split("(", 1)[0].strip().lower()
    return head[:60] or "(empty reason)"


def concurrent_runs(cmd: list[str], url: str, n: int, kills: int, max_delay: float, rng: random.Random,
                    log: Path) -> dict[str, Any]:
    """Start runs A and B together; kill A `kills` times at random moments (restarting it each time) while
    B goes on; wait for both. Returns every process's exit code and the timing."""
    t0 = time.perf_counter()
    a, b = start(cmd, log), start(cmd, log)
    exits: dict[str, int] = {}
    targets = sorted(rng.sample(range(max(1, n // 10), max(2, n * 7 // 10)), kills))
    killed_at: list[int] = []
    for k, target in enumerate(targets, 1):
        # the kill lands once A has recorded its run (it is past start-up) and the target is reached
        deadline = time.monotonic() + 1800
        while a.poll() is None and time.monotonic() < deadline and (
                not run_recorded(url, a.pid) or stored(url) < target):
            time.sleep(0.3)
        time.sleep(rng.uniform(0.0, max_delay))
        if a.poll() is not None:
            break
        a.send_signal(signal.SIGKILL)
        exits[f"A{k}"] = a.wait()
        killed_at.append(stored(url))
        print(f"  killed run A (#{k}) with {killed_at[-1]} articles stored; restarting it", file=sys.stderr)
        a = start(cmd, log)
    exits[f"A{len(killed_at) + 1}"] = a.wait()
    exits["B"] = b.wait()
    return {"seconds": time.perf_counter() - t0, "kill_targets": targets, "articles_stored_at_kills": killed_at,
            "exit_codes": exits}


def junk_snapshot(url: str, good: set[str], junk: dict[str, str]) -> dict[str, Any]:
    """What the database holds: good articles stored once, junk files in failures (by reason), runs."""
    from sqlalchemy import select

    from dateline.store import Store
    from dateline.store.tables import ArticleRow, FailureRow, RunRow

    with Store(url) as store:
        counts = store.counts()
        with store.session() as s:
            arts = s.execute(select(ArticleRow.path, ArticleRow.content_hash)).all()
            fails = s.execute(select(FailureRow.item, FailureRow.reason)).all()
            statuses = Counter(s.scalars(select(RunRow.status)).all())
    names = [Path(p or "").name for p, _ in arts]
    stored_names = Counter(names)
    failed: dict[str, list[str]] = {}
    for item, reason in fails:
        failed.setdefault(Path(item.split("#")[0]).name, []).append(reason)
    junk_outcome: dict[str, Counter[str]] = {kind: Counter() for kind in JUNK_KINDS}
    for name, kind in junk.items():
        if name in failed:
            junk_outcome[kind][reason_kind(failed[name][0])] += 1
        elif name in stored_names:
            junk_outcome[kind]["stored as an article"] += 1
        else:
            junk_outcome[kind]["neither stored nor in failures"] += 1
    return {
        "counts": counts,
        "good_stored_once": sum(1 for g in good if stored_names[g] == 1),
        "good_missing": sorted(g for g in good if g not in stored_names and g not in failed)[:10],
        "good_in_failures": {g: failed[g][0] for g in sorted(good) if g in failed and g not in stored_names},
        "duplicates": {"content_hashes": _dup(h for _, h in arts), "paths": _dup(names)},
        "junk_in_failures": sum(1 for name in junk if name in failed),
        "junk_outcomes": {kind: dict(c) for kind, c in junk_outcome.items()},
        "failures_by_reason": dict(Counter(reason_kind(r) for _, r in fails).most_common()),
        "runs_by_status": dict(statuses),
    }


def main_concurrent(args: argparse.Namespace, backend: str) -> int:
    output = args.output or RESULTS / ("crash_concurrent.json" if backend == "sqlite"
                                       else f"crash_concurrent_{backend}.json")
    rng = random.Random(args.seed)
    kills = args.kills if args.kills_given else 2
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        good, junk = make_junk_corpus(tmp / "corpus", args.articles, args.seed)
        log = tmp / "runs.log"
        with fresh_db(args.pg, tmp, "shared") as url:
            print(f"two runs over {len(good)} articles + {len(junk)} junk files ({backend}) ...", file=sys.stderr)
            cmd = dateline_cmd(tmp / "corpus", url)
            result = concurrent_runs(cmd, url, len(good), kills, args.max_delay, rng, log)
            for watcher in _WATCHERS.values():
                watcher.close()
            snap = junk_snapshot(url, good, junk)
            log_tail = log.read_text(errors="replace")[-3000:]
    ok = (snap["good_stored_once"] == len(good) and not any(snap["duplicates"].values())
          and snap["junk_in_failures"] == len(junk)
          and snap["runs_by_status"].get("interrupted", 0) == len(result["articles_stored_at_kills"])
          and not snap["runs_by_status"].get("running"))
    out = {
        "benchmark": "two concurrent dateline run on one new database, one killed and restarted; 5 % junk inputs",
        "database": backend,
        "files": len(good) + len(junk),
        "good_articles": len(good),
        "junk_files": len(junk),
        "junk_kinds": list(JUNK_KINDS),
        **result,
        "seconds": round(result["seconds"], 1),
        **snap,
        "ok": ok,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "load_average_1m": round(os.getloadavg()[0], 2),
        "note": "one run; children at nice 10 with one extraction process each on a shared machine",
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(json.dumps(out, indent=2, default=str) + "\n", encoding="utf-8")
    print(
        f"{len(good)} good + {len(junk)} junk files, 2 runs, {len(result['articles_stored_at_kills'])} kills "
        f"(stored at kills: {result['articles_stored_at_kills']}); exit codes {result['exit_codes']}; "
        f"{result['seconds']:.0f} s; good stored once {snap['good_stored_once']}/{len(good)}; junk in failures "
        f"{snap['junk_in_failures']}/{len(junk)}; runs {snap['runs_by_status']}; {'OK' if ok else 'FAILED'}"
    )
    if not ok:
        print(log_tail, file=sys.stderr)
    print(f"wrote {output}", file=sys.stderr)
    return 0 if ok else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=None, help="5 kills; 2 with --concurrent")
    parser.add_argument("--concurrent", action="store_true",
                        help="two concurrent runs on one database over a corpus with 5 %% junk (see above)")
    parser.add_argument("--max-delay", type=float, default=3.0,
                        help="seconds after reaching the kill target within which the kill lands (uniformly)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--pg", metavar="URL", help="use fresh PostgreSQL databases on this server")
    parser.add_argument("--output", type=Path)
    args = parser.parse_args(argv)
    backend = "postgresql" if args.pg else "sqlite"
    args.kills_given = args.kills is not None
    if args.concurrent:
        return main_concurrent(args, backend)
    args.kills = args.kills if args.kills_given else 5
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
