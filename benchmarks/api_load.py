"""API load test: `GET /events` latency with many concurrent clients on a 10,000-event database.

    python -m benchmarks.api_load                                  # 10,000 events, 50 clients, 2,000 requests
    python -m benchmarks.api_load --events 2000 --requests 500     # quick look
    python -m benchmarks.api_load --db postgresql+psycopg://dateline:dateline@127.0.0.1/bench   # an EMPTY db
    python -m benchmarks.api_load --paging --label after --pg-url postgresql+psycopg://dateline:dateline@127.0.0.1/dateline_test

Loopback only and bounded: the server (`dateline.api.create_app`, uvicorn, no access log) runs in a child
process on 127.0.0.1; the clients are asyncio tasks sharing one httpx connection pool; the run stops after
`--requests` requests or `--max-seconds`, whichever comes first. The database is filled with synthetic
reports (`dateline.api.sample.synthetic_reports`) written straight into the store, so no NLP runs.

Each request is a page of 50 events (the API's default page size) with a mix of filters an analyst uses:
none, event type, country, a date range, a bounding box, a review status, a deep page. Results go to
benchmarks/results/api_load.json: p50/p90/p99/max latency in ms, requests per second, errors.

`--paging` measures the store's event query itself, no HTTP and no concurrency: milliseconds per page of 50
(`Store.query_events`, the call behind `GET /api/events` and `dateline export`) at offset 0, a middle and a
deep offset, with and without filters, on 10,000 events in a temporary SQLite file and (with `--pg-url`) in a
fresh PostgreSQL database created on that server and dropped afterwards. Each figure is the median of
`--repeat` calls after one warm-up call; each call is followed by the full-row sort the store used before it
paged over ids (`full_row_sort_page`), so both are timed under the same machine load and checked to agree. Results are merged into benchmarks/results/store_paging.json under
`--label` (e.g. `before` / `after` a change), so two runs of different code sit side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import platform
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from dateline.api.sample import synthetic_reports
from dateline.store import Store

RESULTS = Path(__file__).resolve().parent / "results" / "api_load.json"
PAGING_RESULTS = Path(__file__).resolve().parent / "results" / "store_paging.json"
PAGE_FILTERS: dict[str, dict[str, Any]] = {
    "none": {},
    "event_type=Protests": {"event_type": "Protests"},
    "country=Iraq": {"country": "Iraq"},
}
SERVER = """
import os, sys, uvicorn
os.environ["DATELINE_DB_URL"] = sys.argv[1]
uvicorn.run("dateline.api.app:create_app", factory=True, host="127.0.0.1", port=int(sys.argv[2]),
            workers=int(sys.argv[3]), log_level="warning", access_log=False, timeout_keep_alive=120)
"""
QUERIES: list[dict[str, Any]] = [
    {},
    {"event_type": "Protests"},
    {"event_type": "Battles", "country": "Syria"},
    {"country": "Iraq"},
    {"date_from": "2019-03-01", "date_to": "2019-03-31"},
    {"bbox": "43,29,49,35"},
    {"review_status": "pending", "event_type": "Riots"},
    {"offset": 5000},
    {"actor": "protesters"},
]


def fill(url: str, n_events: int) -> float:
    """Write `n_events` synthetic events into the store; returns the seconds it took."""
    started = time.perf_counter()
    store = Store(url)
    batch: list[Any] = []
    for report in synthetic_reports(n_events):
        batch.append(report)
        if len(batch) == 200:
            store.add_reports(batch)
            batch = []
    if batch:
        store.add_reports(batch)
    count = store.count_events()
    store.close()
    if count != n_events:
        raise SystemExit(f"database holds {count} events, expected {n_events}: give an empty database")
    return time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _stat(pid: int | str) -> list[str]:
    return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process and its children, e.g. uvicorn's workers (Linux /proc); None
    elsewhere."""
    try:
        ticks = 0
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                fields = _stat(entry.name)
            except OSError:
                continue  # the process ended meanwhile
            if entry.name == str(pid) or fields[1] == str(pid):
                ticks += int(fields[11]) + int(fields[12])
        return ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def start_server(url: str, port: int, workers: int) -> subprocess.Popen[bytes]:
    proc = subprocess.Popen([sys.executable, "-c", SERVER, url, str(port), str(workers)])
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/health", timeout=2).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.2)
        if proc.poll() is not None:
            raise SystemExit("the API server exited during start-up")
    proc.kill()
    raise SystemExit("the API server did not answer within 60 s")


async def load(base: str, clients: int, requests: int, max_seconds: float, seed: int) -> dict[str, Any]:
    rng = random.Random(seed)
    plan = [rng.choice(QUERIES) for _ in range(requests)]
    latencies: list[float] = []
    errors: dict[str, int] = {}
    empty = [0]  # pages with no rows (a filter that matches nothing): answered, but not a full page
    next_index = 0
    deadline = time.perf_counter() + max_seconds
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)

    async with httpx.AsyncClient(base_url=base, limits=limits, timeout=60) as client:
        # Warm-up: connections, SQLite page cache, first-request imports.
        await asyncio.gather(*(client.get("/events", params=q) for q in QUERIES))

        async def worker() -> None:
            nonlocal next_index
            while next_index < len(plan) and time.perf_counter() < deadline:
                params = plan[next_index]
                next_index += 1
                t0 = time.perf_counter()
                try:
                    resp = await client.get("/events", params={**params, "limit": 50})
                    key = "ok" if resp.status_code == 200 else f"HTTP {resp.status_code}"
                    if key == "ok" and not resp.json()["items"]:
                        empty[0] += 1
                except httpx.HTTPError as err:
                    key = type(err).__name__
                if key == "ok":
                    latencies.append((time.perf_counter() - t0) * 1000)
                else:
                    errors[key] = errors.get(key, 0) + 1

        started = time.perf_counter()
        await asyncio.gather(*(worker() for _ in range(clients)))
        elapsed = time.perf_counter() - started
    latencies.sort()

    def pct(p: float) -> float:
        return (
            round(latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))], 1) if latencies else 0.0
        )

    return {
        "requests_ok": len(latencies),
        "errors": errors,
        "seconds": round(elapsed, 2),
        "requests_per_second": round(len(latencies) / elapsed, 1) if elapsed else 0.0,
        "latency_ms": {
            "p50": pct(50),
            "p90": pct(90),
            "p99": pct(99),
            "max": round(latencies[-1], 1) if latencies else 0.0,
            "mean": round(statistics.fmean(latencies), 1) if latencies else 0.0,
        },
    }


def full_row_sort_page(store: Store, f: Any) -> list[dict[str, Any]]:
    """A page the way the store read it before paging over ids: every matching row, all columns, sorted,
    then OFFSET/LIMIT. Timed next to the store's query in the same run, so machine load hits both alike."""
    from dateline.store.repository import event_dict
    from dateline.store.tables import EventRow

    stmt = store.event_query(f).order_by(EventRow.event_date.is_(None), EventRow.event_date, EventRow.id)
    with store.session() as s:
        rows = s.scalars(stmt.offset(f.offset).limit(f.limit)).all()
    return [event_dict(r) for r in rows]


def page_timings(url: str, n_events: int, repeat: int) -> dict[str, Any]:
    """Median ms per page of 50 at a first, middle and deep offset per filter: `Store.query_events` and,
    interleaved call by call, the full-row sort it replaced (which must return the same ids)."""
    from dateline.store import EventFilter

    fill_seconds = fill(url, n_events)
    store = Store(url)
    out: dict[str, Any] = {"fill_seconds": round(fill_seconds, 1), "ms_per_page": {},
                           "full_row_sort_ms_per_page": {}}
    try:
        for name, params in PAGE_FILTERS.items():
            total = store.count_events(EventFilter(**params))
            deep = max(0, total - 50)
            timings: dict[str, float] = {}
            old_timings: dict[str, float] = {}
            for label, offset in (("first", 0), ("middle", total // 2), ("deep", deep)):
                f = EventFilter(**params, limit=50, offset=offset)
                store.query_events(f)  # warm-up: page cache, statement cache
                full_row_sort_page(store, f)
                samples, old_samples = [], []
                for _ in range(repeat):
                    t0 = time.perf_counter()
                    rows = store.query_events(f)
                    samples.append((time.perf_counter() - t0) * 1000)
                    t0 = time.perf_counter()
                    old_rows = full_row_sort_page(store, f)
                    old_samples.append((time.perf_counter() - t0) * 1000)
                if len(rows) != min(50, total - offset):
                    raise SystemExit(f"{name} offset {offset}: got {len(rows)} rows")
                if [r["id"] for r in rows] != [r["id"] for r in old_rows]:
                    raise SystemExit(f"{name} offset {offset}: the two queries disagree on the page")
                key = f"{label} (offset {offset})"
                timings[key] = round(statistics.median(samples), 2)
                old_timings[key] = round(statistics.median(old_samples), 2)
            out["ms_per_page"][f"{name} ({total} events)"] = timings
            out["full_row_sort_ms_per_page"][f"{name} ({total} events)"] = old_timings
    finally:
        store.close()
    return out


def paging_main(args: argparse.Namespace) -> int:
    results: dict[str, Any] = {}
    with tempfile.TemporaryDirectory() as tmp:
        results["sqlite"] = page_timings(f"sqlite:///{Path(tmp) / 'paging.sqlite'}", args.events, args.repeat)
    if args.pg_url:
        from benchmarks.store_bench import pg_database

        with pg_database(args.pg_url) as url:
            results["postgresql"] = page_timings(url, args.events, args.repeat)
    existing = json.loads(PAGING_RESULTS.read_text()) if PAGING_RESULTS.exists() else {}
    existing["benchmark"] = "Store.query_events, ms per page of 50 (median of --repeat calls, one process)"
    existing["events"] = args.events
    existing[args.label] = {
        **results,
        "load_average_1m": round(os.getloadavg()[0], 2),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
    }
    PAGING_RESULTS.parent.mkdir(parents=True, exist_ok=True)
    PAGING_RESULTS.write_text(json.dumps(existing, indent=2) + "\n", encoding="utf-8")
    for backend, res in results.items():
        for filt, timings in res["ms_per_page"].items():
            old = res["full_row_sort_ms_per_page"][filt]
            cells = ", ".join(f"{k}: {v} ms (full-row sort {old[k]} ms)" for k, v in timings.items())
            print(f"[{args.label}] {backend} {filt}: {cells}")
    print(f"wrote {PAGING_RESULTS}", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--requests", type=int, default=2_000)
    parser.add_argument("--max-seconds", type=float, default=180.0)
    parser.add_argument("--db", help="an EMPTY database URL (default: a temporary SQLite file)")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--workers", type=int, default=1, help="uvicorn worker processes")
    parser.add_argument("--output", type=Path, default=RESULTS)
    parser.add_argument("--paging", action="store_true", help="time the store's event pages instead (no HTTP)")
    parser.add_argument("--pg-url", help="with --paging: also on a fresh database created on this server")
    parser.add_argument("--label", default="current", help="with --paging: key for this run in the results")
    parser.add_argument("--repeat", type=int, default=15, help="with --paging: calls per figure")
    args = parser.parse_args(argv)
    if args.paging:
        return paging_main(args)

    with tempfile.TemporaryDirectory() as tmp:
        url = args.db or f"sqlite:///{Path(tmp) / 'load.sqlite'}"
        fill_seconds = fill(url, args.events)
        print(f"filled {args.events} events in {fill_seconds:.1f} s", file=sys.stderr)
        port = free_port()
        server = start_server(url, port, args.workers)
        try:
            cpu_before = cpu_seconds(server.pid)
            result = asyncio.run(
                load(f"http://127.0.0.1:{port}", args.clients, args.requests, args.max_seconds, args.seed)
            )
            cpu_after = cpu_seconds(server.pid)
            # CPU the server spent per answered request: unlike latency, barely moved by other load on the box.
            if cpu_before is not None and cpu_after is not None and result["requests_ok"]:
                result["server_cpu_ms_per_request"] = round(
                    (cpu_after - cpu_before) * 1000 / (result["requests_ok"] + len(QUERIES)), 1
                )
        finally:
            server.terminate()
            server.wait(timeout=30)

    backend = url.split(":", 1)[0].split("+", 1)[0]
    out = {
        "benchmark": "GET /events (50 per page, mixed filters)",
        "database": backend,
        "events": args.events,
        "clients": args.clients,
        "requests_planned": args.requests,
        **result,
        "fill_seconds": round(fill_seconds, 1),
        "machine": {
            "cpus": os.cpu_count(),
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "load_average_1m": round(os.getloadavg()[0], 2),
        "note": "one uvicorn worker on loopback; the machine is shared, so figures carry noise",
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    lat = result["latency_ms"]
    print(
        f"{result['requests_ok']} requests in {result['seconds']} s with {args.clients} clients on {args.events} "
        f"events ({backend}): p50 {lat['p50']} ms, p90 {lat['p90']} ms, p99 {lat['p99']} ms, "
        f"{result['requests_per_second']} req/s, server CPU {result.get('server_cpu_ms_per_request')} ms/request, "
        f"errors {result['errors'] or 0}"
    )
    print(f"wrote {args.output}", file=sys.stderr)
    return 0 if not result["errors"] else 1


if __name__ == "__main__":
    sys.exit(main())
