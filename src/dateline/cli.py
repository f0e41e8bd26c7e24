"""The `dateline` command: a thin Typer shell; every command calls one library function."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dateline.errors import DatelineError, InputError, UsageError

try:  # Typer 0.26 and later raise the exceptions of their own copy of Click
    from typer._click import exceptions as click_errors
except ImportError:  # pragma: no cover - older Typer raises Click's own
    from click import exceptions as click_errors


class _App(typer.Typer):
    """The command: an error dateline reports to users that escaped a command's own handling (a bad
    DATELINE_* setting read before it) still ends as one line and exit 1, never a traceback; a mistyped option
    or a bad value ends as one line and exit 2, where Typer would draw a box of several lines."""

    def __call__(self, *args: object, **kwargs: object) -> object:
        # Not standalone, so that Click hands usage errors over instead of printing them itself; then a
        # command's end and typer.Exit come back as a return value (None or the exit code).
        kwargs.setdefault("standalone_mode", False)
        try:
            code = super().__call__(*args, **kwargs)
        except DatelineError as err:
            typer.echo(f"error: {err}", err=True)
            sys.exit(2 if isinstance(err, UsageError) else 1)
        except click_errors.NoArgsIsHelpError as err:
            err.show()
            sys.exit(err.exit_code)
        except click_errors.ClickException as err:
            sys.exit(_usage_error_line(err))
        except typer.Abort:  # Typer 0.26 and later keep Abort beside Exit, outside their copy of Click
            typer.echo("Aborted.", err=True)
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


def _usage_error_line(err: click_errors.ClickException) -> int:
    """Print a usage error as one line naming the command's help, and give its exit code."""
    context = getattr(err, "ctx", None)
    hint = f" (see: {context.command_path} --help)" if context is not None else ""
    typer.echo(f"error: {err.format_message()}{hint}", err=True)
    return err.exit_code


app = _App(
    name="dateline",
    help="News reports to verified, geocoded, source-attributed event data (ACLED codebook), offline.\n\n"
    "Start with:  dateline extract examples/iraq-2019-11-02-mek.txt --format table\n\n"
    "Exit codes (every command): 0 done; 1 an error stopped it (an input, a file or the database; one line says "
    "which); 2 a usage mistake: an unknown option, or a value an option cannot take (an unknown --format, a bad "
    "date, a number out of range, an unknown country or event type), on one line naming the option and what it "
    "accepts; 3 done, but some items or deliveries failed (run, watch --once, alert check); 4 `dateline run` "
    "extracted nothing; 130 interrupted.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _output(path: Path | None) -> Path | None:
    """None (stdout) for `-o -`, which wrote a file named "-" where `-` as an input is stdin."""
    return None if path is not None and str(path) == "-" else path


def fail(message: str | DatelineError, code: int | None = None) -> None:
    """One error line and the exit code: 2 for an option's value dateline cannot take (as Typer's own checks of
    a value), else 1 (the data, a file or the database stopped the command)."""
    if code is None:
        code = 2 if isinstance(message, UsageError) else 1
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


def _interrupt_handled() -> None:
    """Let the exit status show that Ctrl-C was handled. CPython marks a KeyboardInterrupt that leaves code run by
    exec() as unhandled, and at exit kills the process with SIGINT although dateline caught it (the interrupt can
    land in a dataclass being built during a lazy import, whose methods exec() writes); an exec() that completes
    clears the mark (CPython's run_eval_code_obj). Without this, a stopped `watch` exited 0 or by SIGINT at random."""
    exec("pass")  # noqa: S102


def _published_option(value: str | None) -> dt.date | None:
    """`--published`: a day as YYYY-MM-DD (or YYYYMMDD); a year or month alone is no publication date."""
    if not value:
        return None
    from dateline.ingest.text import parse_date_value

    text = value.strip()
    day = parse_date_value(text) if text[:1].isdigit() and len(text) in (8, 10) else None
    if day is None:
        hint = " (a year alone is not a publication date)" if text.isdigit() and len(text) == 4 else ""
        # a usage error (exit 2, as Typer's own checks of an option's value), not one that stopped the run
        fail(f"--published {value!r}: expected the day the article was published, as YYYY-MM-DD{hint}", 2)
    return day


PublishedOption = Annotated[
    str | None,
    typer.Option(help="Publication date YYYY-MM-DD of the articles read: it dates those without one and outranks "
                      "every date an article carries (its dateline, a feed entry's or a JSONL record's date, kept "
                      "in published_signals)."),
]


@app.command()
def schema() -> None:
    """Print the JSON Schema of a Report (what `dateline extract` emits).

    Example:  dateline schema > report.schema.json
    """
    from dateline.model import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(
        help="Files, directories, globs, JSONL corpora, URLs (pages or RSS/Atom feeds), or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table | plover | acled")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout (- is stdout).")] = None,
    published: PublishedOption = None,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="For acled and plover (rows to use as data): keep events whose confidence reaches this; default: the "
             "shipped model's cut (DATELINE_MIN_CONFIDENCE overrides); 0 keeps every event. json, jsonl and table "
             "list every event, those waiting for review at DATELINE_MIN_CONFIDENCE (else the model's cut) "
             "flagged needs_review.")] = None,
) -> None:
    """Extract events, places, dates, quotes and claims from news reports.

    Examples:

      dateline extract examples/iraq-2019-11-02-mek.txt --format table

      dateline extract corpus.jsonl --format jsonl -o reports.jsonl

      cat report.txt | dateline extract - --published 2019-11-02

      dateline extract report.txt --format acled --min-confidence 0 -o all.csv   # also the events left for review
    """
    from dateline.cli_output import run_extract
    from dateline.settings import Settings

    settings = Settings(published_override=_published_option(published))
    try:
        code = run_extract(inputs, fmt, _output(output), settings, _min_confidence(min_confidence))
    except InputError as err:
        fail(err)
    except DatelineError as err:
        fail(err)
    raise typer.Exit(code)


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold files: dateline-gold JSON, or ACLED CSV/XLSX with notes.")],
    pred: Annotated[Path | None, typer.Option(help="Predicted reports (JSON or JSONL); default: run dateline.")] = None,
    report: Annotated[Path | None, typer.Option(help="Write the scores as JSON here.")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only N gold documents, spread evenly (or --sample).")] = None,
    sample: Annotated[bool, typer.Option(help="With --limit: a random, reproducible sample (--seed).")] = False,
    seed: Annotated[int, typer.Option(help="Seed of --sample.")] = 0,
    min_confidence: Annotated[float | None, typer.Option(
        "--min-confidence", min=0.0, max=1.0,
        help="Score events whose confidence reaches this; default: those a user's exports hold (at "
             "DATELINE_MIN_CONFIDENCE, else the events the decision keeps); 0 scores every event the rules "
             "propose.")] = None,
) -> None:
    """Score dateline against gold files and print precision, recall and F1 per item kind and field.

    Examples:

      dateline evaluate ../shared/reference/expected.json

      dateline evaluate gold.json --pred reports.jsonl --report scores.json

      dateline evaluate acled_extract.csv

      dateline evaluate ../shared/eval/acled_notes_tune.jsonl --limit 100 --sample

      dateline evaluate ../shared/reference/expected.json --min-confidence 0   # every candidate event
    """
    from dateline.evaluate import run_evaluation
    from dateline.outputs import check_writable

    try:
        if report is not None:  # before the evaluation: its minutes are not lost to a bad path
            check_writable(report)
        scores = run_evaluation(gold, pred=pred, limit=limit, sample=sample, seed=seed,
                                min_confidence=min_confidence)
    except DatelineError as err:
        fail(err)
    typer.echo(scores.table())
    if report is not None:
        report.write_text(json.dumps(scores.to_json(), indent=2), encoding="utf-8")
        typer.echo(f"wrote {report}", err=True)


@app.command()
def geocode(
    text: Annotated[str, typer.Argument(help="Text to geocode, or - to read it from stdin.")],
    dateline_place: Annotated[str | None, typer.Option(help="The article's dateline place, e.g. Iran (a name no place has exits 2).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the places as JSON.")] = False,
) -> None:
    """Find the places in a text and print how each was resolved, with the candidates and their scores.

    Examples:

      dateline geocode "Demonstrators in Basra, southern Iraq, closed the Um Qasr port."

      dateline geocode "Protesters gathered in Tahrir Square in Baghdad." --json

      echo "Clashes near Avdiivka, Donetsk." | dateline geocode -

    Prose in another language is refused in one line, since the place rules read English and give wrong
    places on it: a text of 80 letters or more that the language detector (the one `dateline extract` uses)
    reads as another language. Shorter texts and lists of names ("Basra, Umm Qasr, Najaf", in any script),
    where no detector can tell, are always geocoded.
    """
    from dateline.geo.resolve import format_places, geocode_text

    text = _geocode_input(text)
    try:
        places = geocode_text(text, dateline_place=dateline_place)
    except DatelineError as err:
        fail(err)
    if as_json:
        typer.echo(json.dumps([p.model_dump(mode="json") for p in places], indent=2, ensure_ascii=False))
    else:
        typer.echo(format_places(places))


def _geocode_input(text: str) -> str:
    """The text to geocode, decoded and checked as `dateline extract` checks an article (one line, no
    traceback, for bytes that are not text or a text longer than one spaCy pass takes)."""
    from dateline.ingest.text import decode_text
    from dateline.settings import Settings

    data = sys.stdin.buffer.read() if text == "-" else text.encode("utf-8", "surrogateescape")
    if not data.strip():
        fail("geocode: the text is empty")
    try:
        text = decode_text(data, "stdin" if text == "-" else "the text").text
    except InputError as err:
        fail(f"geocode: {err}")
    limit = Settings().max_article_chars
    if len(text) > limit:
        fail(f"geocode: the text is {len(text):,} characters long, over the {limit:,} spaCy reads in one pass: "
             "split it")
    from dateline.ingest.language import other_language_prose

    if language := other_language_prose(text):  # English place cues read on it give wrong places, not none
        fail(f"geocode: the text is not English (language {language}); dateline's place rules read English "
             "only: give an English text, or just the place names")
    return text


@app.command()
def serve(
    db: Annotated[str | None, typer.Option(help="Database URL or SQLite path (default: DATELINE_DB_URL or the data dir).")] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Server processes (PostgreSQL, or SQLite read mostly).")] = 1,
) -> None:
    """Serve the HTTP API and the dashboard (map, timeline, evidence view, review queue).

    Examples:

      dateline serve --db dateline.sqlite            # then open http://127.0.0.1:8000/ui/

      dateline serve --db postgresql+psycopg://user:pw@host/db --host 0.0.0.0 --port 8080

    Reads are open unless DATELINE_API_READ_REQUIRES_TOKEN=1; writes need a token (`dateline token create`).
    """
    from dateline.api.app import serve as run_server

    try:
        run_server(db, host=host, port=port, workers=workers)
    except DatelineError as err:
        fail(err)


token_app = typer.Typer(help="API tokens for the HTTP API's write endpoints (stored hashed).", no_args_is_help=True)
app.add_typer(token_app, name="token")


@token_app.command("create")
def token_create(
    name: Annotated[str, typer.Option(help="Who uses the token; reviews are logged under this name.")],
    db: Annotated[str | None, typer.Option(help="Database URL or SQLite path.")] = None,
) -> None:
    """Create a token and print it once (only its salted hash is stored).

    Example:  dateline token create --name alice --db dateline.sqlite
    """
    from dateline.api.auth import create_token
    from dateline.store import Store

    try:
        with Store(db) as store:
            token = create_token(store, name)
    except (DatelineError, ValueError) as err:
        fail(err)
    typer.echo(token)
    typer.echo(f"token {name!r} created; it is shown only now. Use it as 'Authorization: Bearer <token>'.", err=True)


@token_app.command("list")
def token_list(db: Annotated[str | None, typer.Option(help="Database URL or SQLite path.")] = None) -> None:
    """List token names and when they were made (never the tokens).

    Example:  dateline token list --db dateline.sqlite
    """
    from dateline.store import Store

    try:
        with Store(db, must_exist=True) as store:
            rows = store.list_api_tokens()
    except DatelineError as err:
        fail(err)
    for row in rows:
        typer.echo(f"{row['name']}\t{row['created_at']}")


@token_app.command("revoke")
def token_revoke(
    name: Annotated[str, typer.Option(help="Name of the token to delete.")],
    db: Annotated[str | None, typer.Option(help="Database URL or SQLite path.")] = None,
) -> None:
    """Delete a token; requests using it get 401 from then on.

    Example:  dateline token revoke --name alice --db dateline.sqlite
    """
    from dateline.store import Store

    try:
        with Store(db, must_exist=True) as store:
            deleted = store.delete_api_token(name)
    except DatelineError as err:
        fail(err)
    if not deleted:
        fail(f"no token named {name!r} in this database: `dateline token list` shows its tokens")
    typer.echo(f"token {name!r} revoked", err=True)


# -- store: database, corpus runs, failures, merge, export --------------------------------------------------
DbOption = Annotated[
    str | None,
    typer.Option("--db", help="Database URL (sqlite:///path, postgresql+psycopg://user:pw@host/db) or SQLite path; "
                 "default: DATELINE_DB_URL or dateline.sqlite in the data dir."),
]
db_app = typer.Typer(help="The database: schema migrations and a summary.", no_args_is_help=True)
app.add_typer(db_app, name="db")
MinConfidenceOption = Annotated[
    float | None,
    typer.Option("--min-confidence", min=0.0, max=1.0,
                 help="Keep events whose confidence (the probability a coder keeps them) is at least this; "
                      "default: the shipped model's cut (DATELINE_MIN_CONFIDENCE overrides); 0 keeps every event. "
                      "Events a reviewer accepted or corrected are always kept."),
]


def _min_confidence(value: float | None) -> float:
    from dateline.extraction.decide import review_threshold

    return value if value is not None else review_threshold()


@db_app.command("upgrade")
def db_upgrade(db: DbOption = None) -> None:
    """Create the schema in a new database, or migrate an older one to this dateline's schema.

    Examples:

      dateline db upgrade                                   # the default SQLite file

      dateline db upgrade --db postgresql+psycopg://dateline:pw@localhost/dateline
    """
    from dateline.store import Store
    from dateline.store.db import display_url

    try:
        with Store(db, check=False) as store:
            before, after = store.upgrade()
            where = display_url(store.url)
    except DatelineError as err:
        fail(err)
    if before == after:
        typer.echo(f"{where}: schema already at {after}")
    else:
        typer.echo(f"{where}: schema {before or '(empty)'} → {after}")


@db_app.command("info")
def db_info(db: DbOption = None) -> None:
    """Print the database URL, schema revision and row counts.

    Example:  dateline db info --db corpus.sqlite
    """
    from dateline.store import Store
    from dateline.store.db import current_revision, display_url

    try:
        with Store(db, must_exist=True) as store:
            typer.echo(f"database: {display_url(store.url)} (schema {current_revision(store.engine)})")
            for name, count in store.counts().items():
                typer.echo(f"{name:14} {count}")
            for run_id in store.mark_interrupted():  # runs whose process is gone stop showing as running
                typer.echo(f"run {run_id}: its process is gone; marked interrupted")
    except DatelineError as err:
        fail(err)


@app.command()
def run(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, JSONL corpora, RSS/Atom feeds, WARC archives, URLs (pages or feeds).")],
    db: DbOption = None,
    workers: Annotated[int, typer.Option(min=1, help="Extraction processes (1 = this process); with --ray, the "
                                         "Ray actors (at least 2).")] = 1,
    batch: Annotated[int, typer.Option(min=1, help="Articles per database transaction.")] = 64,
    merge: Annotated[bool, typer.Option("--merge/--no-merge", help="Merge events across articles afterwards.")] = False,
    ray: Annotated[bool, typer.Option("--ray", help="Extract on a Ray cluster (needs the 'cluster' extra of the package; docs/scaling.md).")] = False,
    ray_address: Annotated[str | None, typer.Option(help="Ray cluster address (implies --ray); default: local.")] = None,
    ray_logs: Annotated[bool, typer.Option("--ray-logs", help="With --ray: let Ray's own log lines (workers, dataset "
                                           "progress) through to the terminal; by default they stay in Ray's session "
                                           "logs, /tmp/ray/session_latest/logs.")] = False,
    progress: Annotated[bool, typer.Option("--progress/--no-progress", help="Show the progress line.")] = True,
    timeout: Annotated[float, typer.Option(min=0.0, help="Seconds one article may take before it is recorded as a failure "
                                           "(single process; 0 = no limit).")] = 120.0,
    published: PublishedOption = None,
) -> None:
    """Extract a corpus into the database: resumable, skips articles this version already did.

    Killed at any moment, the next identical command resumes without losing or duplicating an article. An
    article edited since is coded again (as a new article, beside the earlier version); an unchanged one is not.
    Items that cannot be coded (binary, empty, too large, not English, no main text) are listed by
    `dateline failures`.

    Exit codes: 0 every item was stored or already done; 3 some items failed (the count is printed;
    `dateline failures --run N` lists them); 4 nothing was extracted (every item failed, or the inputs hold
    no article: an empty file, a missing path, an empty directory); 1 an error stopped the run (e.g. the
    database); 2 a command-line usage error; 130 interrupted.

    Examples:

      dateline run corpus.jsonl --db corpus.sqlite

      dateline run news/ feeds/world.rss crawl.warc.gz --workers 4 --merge

      dateline run shards/ --db postgresql+psycopg://dateline:pw@dbhost/dateline --ray --ray-address auto

    With --ray, Ray's own log lines stay in its session logs and the terminal shows dateline's progress line
    and Ray's errors; --ray-logs lets them through.
    """
    from dateline.runner import EXIT_NOTHING, Progress, run_corpus, run_reports
    from dateline.settings import Settings
    from dateline.store import Store

    if ray_logs and not (ray or ray_address):
        fail("--ray-logs shows Ray's log lines, so it goes with --ray: add --ray or drop --ray-logs", 2)
    settings = Settings(published_override=_published_option(published))
    bar = Progress(enabled=progress)
    try:
        with Store(db) as store:
            if ray or ray_address:
                from dateline.cluster import run_ray

                reports = run_ray(inputs, db_url=store.url, address=ray_address, actors=max(2, workers),
                                  logs=ray_logs)
                stats = run_reports(reports, store, inputs=inputs, batch_size=batch, on_batch=bar)
            else:
                stats = run_corpus(inputs, store, settings, workers=workers, batch_size=batch,
                                   timeout=timeout or None, on_batch=bar)
            bar.close()
            for note in stats.notes:
                typer.echo(f"note: {note}", err=True)
            typer.echo(stats.summary(), err=True)
            if (outcome := stats.outcome()) is not None:
                typer.echo(f"error: {outcome}" if stats.exit_code == EXIT_NOTHING else f"warning: {outcome}",
                           err=True)
            if merge:
                from dateline.merge import merge_events

                typer.echo(merge_events(store, _min_confidence(None)).summary(), err=True)
    except DatelineError as err:
        bar.close()
        fail(err)
    except KeyboardInterrupt:
        bar.close()
        _interrupt_handled()
        fail("interrupted: committed batches are kept; run the same command again to resume", 130)
    raise typer.Exit(stats.exit_code)


@app.command()
def watch(
    sources: Annotated[list[str], typer.Argument(help="Folders that fill up, JSONL files that grow, RSS/Atom feed files "
                                                  "or feed URLs.")],
    db: DbOption = None,
    interval: Annotated[float, typer.Option(min=0.1, help="Seconds between polls of each source (at least 0.1).")] = 60.0,
    once: Annotated[bool, typer.Option("--once", help="One pass over every source, then exit.")] = False,
    settle: Annotated[float, typer.Option(min=0.0, help="A file modified less than this many seconds ago waits for the "
                                          "next pass (it may still be being written).")] = 2.0,
    merge: Annotated[bool, typer.Option("--merge/--no-merge", help="Merge new events (and check alerts) after each "
                                        "pass that stored something.")] = True,
    alerts: Annotated[bool, typer.Option("--alerts/--no-alerts", help="Fire the saved alert rules "
                                         "(`dateline alert add`) on new or updated merged events.")] = True,
    timeout: Annotated[float, typer.Option(min=0.0, help="Seconds one article may take (0 = no limit).")] = 120.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Log only problems.")] = False,
) -> None:
    """Watch sources and code only what is new: survives restarts (even kill -9) without duplicates or misses.

    Seen files, feed entries, JSONL offsets and HTTP validators (ETag, Last-Modified) live in the database; a
    failing source is retried with exponential back-off while the others go on. A feed entry updated in place
    (a later update date, else a changed text) is coded again as a new article, logged as "updated: <title>",
    and merge joins it with the earlier telling. So is a folder's file rewritten under its name (a new
    modification time over different bytes; logged as "updated: <file>"): a corrected article is coded again, a
    JSONL export appended to or regenerated codes its new and changed rows only, a file only touched is not
    read again; a watched JSONL file regenerated with rows changed is read again from the start, its stored
    rows skipped. Ctrl-C stops at once,
    SIGTERM after the pass under way; either way what was stored is kept and the next start goes on from there.

    Examples:

      dateline watch inbox/ --db news.sqlite --interval 30

      dateline watch https://example.org/world.rss feeds/local.atom wire.jsonl --interval 300

      dateline watch inbox/ --once          # one pass, e.g. from cron

    With --once the exit code is 0 when every source was read and every new item stored, 3 when a source
    could not be read (it is tried again on the next pass) or an item failed (it is not: `dateline failures`
    lists it with its reason), 130 when Ctrl-C stopped it.
    """
    import logging
    import signal
    import threading

    from dateline.settings import Settings
    from dateline.store import Store
    from dateline.watch import Watcher, WatchOptions

    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s %(levelname)s %(message)s"))
    ours = logging.getLogger("dateline")  # dateline's own log only (not alembic's or httpx's)
    ours.addHandler(handler)
    ours.setLevel(logging.WARNING if quiet else logging.INFO)
    stop = threading.Event()

    def _stop(_signum: int, _frame: object) -> None:
        stop.set()

    # SIGTERM lets the pass under way finish; Ctrl-C stops at once (a pass over a long JSONL file takes minutes),
    # which loses nothing: as after kill -9, the next start reads again what was not marked seen and skips
    # every article already stored.
    signal.signal(signal.SIGTERM, _stop)
    options = WatchOptions(interval=interval, settle=settle, merge=merge, timeout=timeout or None)
    stats = None  # the last pass's counts
    try:
        with Store(db) as store:
            after_merge = None
            if alerts:
                from dateline.alerts import AlertSender

                after_merge = AlertSender(store).on_merge
            watcher = Watcher(sources, store, Settings(), options=options, after_merge=after_merge)
            for stats in watcher.run(once=once, stop=stop):
                pass
    except DatelineError as err:
        fail(err)
    except KeyboardInterrupt:
        _interrupt_handled()
        if once:
            fail("interrupted: what was stored is kept; run the same command again to go on", 130)
        typer.echo("stopped: what was stored is kept; the next start goes on from there", err=True)
        return
    if once and stats is not None and (stats.errors or stats.failures):  # a cron job must see that its pass was incomplete
        typer.echo(f"warning: {stats.errors} source(s) could not be read, {stats.failures} item(s) failed "
                   "(see the log above and `dateline failures`)", err=True)
        raise typer.Exit(3)


alert_app = typer.Typer(help="Alert rules: saved queries that fire on new or updated merged events.",
                        no_args_is_help=True)
app.add_typer(alert_app, name="alert")


@alert_app.command("add")
def alert_add(
    name: Annotated[str, typer.Argument(help="Name of the rule (shown in every alert).")],
    db: DbOption = None,
    country: Annotated[list[str] | None, typer.Option(help="Country, repeatable (any of them).")] = None,
    admin1: Annotated[list[str] | None, typer.Option(help="Admin1 region, repeatable.")] = None,
    bbox: Annotated[str | None, typer.Option(help="Bounding box min_lon,min_lat,max_lon,max_lat.")] = None,
    event_type: Annotated[list[str] | None, typer.Option("--type", help="Event type or sub-event type, "
                                                         "repeatable.")] = None,
    actor: Annotated[list[str] | None, typer.Option(help="Actor name (or part of it), repeatable.")] = None,
    min_fatalities: Annotated[int | None, typer.Option(min=0, help="At least this many fatalities.")] = None,
    min_confidence: Annotated[float | None, typer.Option(min=0.0, max=1.0, help="At least this confidence (0-1).")] = None,
    min_sources: Annotated[int | None, typer.Option(min=1, help="At least this many independent sources.")] = None,
    jsonl: Annotated[str | None, typer.Option(help="Append each alert (JSON) to this file.")] = None,
    webhook: Annotated[str | None, typer.Option(help="POST each alert as JSON to this URL.")] = None,
) -> None:
    """Save an alert rule; `dateline watch` (and `dateline alert check`) fire it once per matching incident.

    Examples:

      dateline alert add basra-riots --admin1 Basra --type Riots --jsonl alerts.jsonl

      dateline alert add deadly --country Iraq --country Syria --min-fatalities 5 --webhook http://127.0.0.1:9000/hook

      dateline alert add north --bbox 42.0,35.0,45.0,37.5 --actor "Islamic State" --min-sources 2
    """
    from pydantic import ValidationError

    from dateline.alerts import AlertQuery, add_rule, list_rules, parse_bbox
    from dateline.store import Store

    try:
        query = AlertQuery(country=country or [], admin1=admin1 or [], bbox=parse_bbox(bbox) if bbox else None,
                           event_types=event_type or [], actors=actor or [], min_fatalities=min_fatalities,
                           min_confidence=min_confidence, min_sources=min_sources)
        with Store(db) as store:
            add_rule(store, name, query, jsonl=jsonl, webhook=webhook)
            # what was saved, in the codebook's spelling ("riots" → Riots, "IRQ" → Iraq), is what will match
            saved = next(rule for rule in list_rules(store) if rule["name"] == name)
            query = AlertQuery.model_validate(saved["query"])
    except ValidationError as err:
        # pydantic opens a validator's own message with "Value error, ": the user needs the message alone
        fail(f"alert {name!r}: {err.errors()[0]['msg'].removeprefix('Value error, ')}", 2)
    except DatelineError as err:
        fail(err)
    typer.echo(f"alert rule {name!r}: {query.describe()}", err=True)


@alert_app.command("list")
def alert_list(db: DbOption = None) -> None:
    """List alert rules with what they match, where they deliver and how many alerts they sent.

    Example:  dateline alert list --db news.sqlite
    """
    from dateline.alerts import AlertQuery, list_rules
    from dateline.store import Store

    try:
        with Store(db, must_exist=True) as store:
            rules = list_rules(store)
    except DatelineError as err:
        fail(err)
    for r in rules:
        where = ", ".join(x for x in (r["jsonl"] and f"jsonl {r['jsonl']}", r["webhook"] and f"webhook {r['webhook']}")
                          if x) or "print only"
        typer.echo(f"{r['name']}\t{AlertQuery.model_validate(r['query']).describe()}\t{where}\t{r['alerts']} sent")
    if not rules:
        typer.echo("no alert rules", err=True)


@alert_app.command("remove")
def alert_remove(name: Annotated[str, typer.Argument(help="Rule to delete.")], db: DbOption = None) -> None:
    """Delete an alert rule (and the record of the alerts it sent).

    Example:  dateline alert remove basra-riots
    """
    from dateline.alerts import remove_rule
    from dateline.store import Store

    try:
        with Store(db, must_exist=True) as store:
            removed = remove_rule(store, name)
    except DatelineError as err:
        fail(err)
    if not removed:
        fail(f"no alert rule named {name!r} in this database: `dateline alert list` shows its rules")
    typer.echo(f"alert rule {name!r} removed", err=True)


@alert_app.command("check")
def alert_check(db: DbOption = None) -> None:
    """Fire the rules on every merged event that has not alerted yet (after `dateline merge`).

    Exits 3 when a delivery to a webhook or JSONL file failed (the alert is recorded and printed all the same).

    Example:  dateline merge --db news.sqlite && dateline alert check --db news.sqlite
    """
    from dateline.alerts import AlertSender
    from dateline.store import Store

    try:
        with Store(db, must_exist=True) as store:
            sender = AlertSender(store, echo=typer.echo)
            sent = sender.check()
    except DatelineError as err:
        fail(err)
    failed = (f"; {sender.failed_deliveries} delivery(ies) to a webhook or JSONL file failed (the log above says why)"
              if sender.failed_deliveries else "")
    typer.echo(f"{sent} alerts sent{failed}", err=True)
    if sender.failed_deliveries:
        # exit 3 as `dateline run` does when some items failed: a cron job mails on it; 0 would hide a dead webhook
        raise typer.Exit(3)


@app.command()
def failures(
    db: DbOption = None,
    run_id: Annotated[int | None, typer.Option("--run", help="Only this run's failures.")] = None,
    limit: Annotated[int, typer.Option(min=1, help="At most this many rows.")] = 100,
    as_json: Annotated[bool, typer.Option("--json", help="One JSON object per line.")] = False,
) -> None:
    """List input items that produced no report, with the reason.

    Examples:

      dateline failures --db corpus.sqlite

      dateline failures --run 3 --json > failures.jsonl
    """
    from dateline.store import Store

    try:
        with Store(db, must_exist=True) as store:
            rows = store.failures(run_id=run_id, limit=limit + 1)  # one more: was the list cut?
            last_run = None
            if run_id is not None and not rows:  # a mistyped run number would read as a clean run
                latest = store.runs(limit=1)
                last_run = latest[0]["id"] if latest else 0
    except DatelineError as err:
        fail(err)
    # run ids count up from 1 and runs are never deleted
    if run_id is not None and last_run is not None and not 1 <= run_id <= last_run:
        fail(f"no run {run_id} in this database: "
             + (f"its runs are 1 to {last_run}" if last_run else "it has no runs yet"))
    cut = len(rows) > limit
    rows = rows[:limit]
    for row in rows:
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
        else:
            typer.echo(f"{row['run_id'] or '-'}\t{row['item']}\t{row['reason']}")
    if not rows:
        typer.echo("no failures", err=True)
    if cut:  # oldest first: the newest failures are the ones a cut would hide
        typer.echo(f"… more failures than the {limit} shown (oldest first): raise --limit, or pick a run with --run",
                   err=True)


@app.command("merge")
def merge_cmd(db: DbOption = None, min_confidence: MinConfidenceOption = None) -> None:
    """Merge events that different articles report about the same real-world event (incremental).

    Only events the decision keeps are merged (events left for review wait until a reviewer accepts them).

    Example:  dateline merge --db corpus.sqlite
    """
    from dateline.cli_output import Progress
    from dateline.merge import merge_events
    from dateline.store import Store

    try:
        with Store(db, must_exist=True) as store, Progress(show=True, total=None, label="merging", lazy=True) as bar:
            stats = merge_events(store, _min_confidence(min_confidence), progress=bar.update)
        typer.echo(stats.summary())
    except DatelineError as err:
        fail(err)


@app.command("export")
def export_cmd(
    fmt: Annotated[str, typer.Option("--format", "-f", help="acled | geojson | parquet | plover | evidence")] = "acled",
    db: DbOption = None,
    where: Annotated[
        list[str] | None,
        typer.Option("--where", "-w", help="Filter, repeatable: date>=2019-10-01, date<=…, country=Iraq, admin1=…, "
                     "event_type=Riots,Protests, sub_event_type=…, actor=…, source=…, status=accepted"),
    ] = None,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout (- is stdout).")] = None,
    merged: Annotated[bool, typer.Option("--merged", help="One row per merged event (run `dateline merge` first).")] = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Export stored events (with reviewed values) as ACLED CSV, GeoJSON, Parquet, PLOVER JSONL or evidence JSON.

    Examples:

      dateline export --format acled --where country=Iraq --where 'date>=2019-10-01' -o iraq.csv

      dateline export -f geojson -w event_type=Protests,Riots -w status=accepted -o protests.geojson

      dateline export -f parquet --merged -o events.parquet

      dateline export -f evidence -o evidence.json

      dateline export -f plover -o events.jsonl   # PLOVER draft 0.8: event, mode and context are lists

      dateline export -f acled --min-confidence 0 -o everything.csv   # also the events left for review
    """
    from dateline.store import Store
    from dateline.store.exports import export

    if merged and min_confidence is not None:
        # merged events hold what `dateline merge` kept at its own cut; a later cut here would be ignored
        fail("--min-confidence does not apply to --merged: merged events hold what `dateline merge` kept at its "
             "own --min-confidence; leave out --merged to choose the cut per event", 2)
    try:
        with Store(db, must_exist=True) as store:
            message = export(store, fmt, where or [], _output(output), merged=merged,
                             min_confidence=_min_confidence(min_confidence))
    except DatelineError as err:
        fail(err)
    typer.echo(message, err=True)


def main() -> None:  # pragma: no cover - console entry for `python -m dateline`
    sys.exit(app())
