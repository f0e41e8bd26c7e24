"""The `dateline` command: a thin Typer shell; every command calls one library function."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from dateline.errors import DatelineError, InputError

app = typer.Typer(
    name="dateline",
    help="News reports to verified, geocoded, source-attributed event data (ACLED codebook), offline.\n\n"
    "Start with:  dateline extract examples/iraq-2019-11-02-mek.txt --format table",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command()
def schema() -> None:
    """Print the JSON Schema of a Report (what `dateline extract` emits).

    Example:  dateline schema > report.schema.json
    """
    from dateline.model import Report

    typer.echo(json.dumps(Report.model_json_schema(), indent=2))


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="Files, directories, globs, JSONL corpora, URLs, or - for stdin.")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json | jsonl | table")] = "json",
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Write here instead of stdout.")] = None,
    published: Annotated[
        str | None, typer.Option(help="Publication date YYYY-MM-DD for text without a dateline.")
    ] = None,
) -> None:
    """Extract events, places, dates, quotes and claims from news reports.

    Examples:

      dateline extract examples/iraq-2019-11-02-mek.txt --format table

      dateline extract corpus.jsonl --format jsonl -o reports.jsonl

      cat report.txt | dateline extract - --published 2019-11-02
    """
    from dateline.cli_output import run_extract
    from dateline.settings import Settings

    settings = Settings()
    if published:
        try:
            settings.published_override = dt.date.fromisoformat(published)
        except ValueError:
            fail(f"--published {published!r}: expected a date as YYYY-MM-DD")
    try:
        code = run_extract(inputs, fmt, output, settings)
    except InputError as err:
        fail(str(err))
    except DatelineError as err:
        fail(str(err))
    raise typer.Exit(code)


@app.command()
def evaluate(
    gold: Annotated[list[Path], typer.Argument(help="Gold files: dateline-gold JSON, or ACLED CSV/XLSX with notes.")],
    pred: Annotated[Path | None, typer.Option(help="Predicted reports (JSON or JSONL); default: run dateline.")] = None,
    report: Annotated[Path | None, typer.Option(help="Write the scores as JSON here.")] = None,
    limit: Annotated[int | None, typer.Option(help="Score only N gold documents, spread evenly (or --sample).")] = None,
    sample: Annotated[bool, typer.Option(help="With --limit: a random, reproducible sample (--seed).")] = False,
    seed: Annotated[int, typer.Option(help="Seed of --sample.")] = 0,
) -> None:
    """Score dateline against gold files and print precision, recall and F1 per item kind and field.

    Examples:

      dateline evaluate ../shared/reference/expected.json

      dateline evaluate gold.json --pred reports.jsonl --report scores.json

      dateline evaluate acled_extract.csv

      dateline evaluate ../shared/eval/acled_notes_tune.jsonl --limit 100 --sample
    """
    from dateline.evaluate import run_evaluation

    try:
        scores = run_evaluation(gold, pred=pred, limit=limit, sample=sample, seed=seed)
    except DatelineError as err:
        fail(str(err))
    typer.echo(scores.table())
    if report is not None:
        report.write_text(json.dumps(scores.to_json(), indent=2), encoding="utf-8")
        typer.echo(f"wrote {report}", err=True)


@app.command()
def serve(
    db: Annotated[str | None, typer.Option(help="Database URL or SQLite path (default: DATELINE_DB_URL or the data dir).")] = None,
    host: Annotated[str, typer.Option(help="Interface to listen on; 0.0.0.0 exposes it to the network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the HTTP API and the dashboard (map, timeline, evidence view, review queue).

    Examples:

      dateline serve --db dateline.sqlite            # then open http://127.0.0.1:8000/ui/

      dateline serve --db postgresql+psycopg://user:pw@host/db --host 0.0.0.0 --port 8080

    Reads are open unless DATELINE_API_READ_REQUIRES_TOKEN=1; writes need a token (`dateline token create`).
    """
    from dateline.api.app import serve as run_server

    try:
        run_server(db, host=host, port=port)
    except DatelineError as err:
        fail(str(err))


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
        fail(str(err))
    typer.echo(token)
    typer.echo(f"token {name!r} created; it is shown only now. Use it as 'Authorization: Bearer <token>'.", err=True)


@token_app.command("list")
def token_list(db: Annotated[str | None, typer.Option(help="Database URL or SQLite path.")] = None) -> None:
    """List token names and when they were made (never the tokens).

    Example:  dateline token list --db dateline.sqlite
    """
    from dateline.store import Store

    try:
        with Store(db) as store:
            rows = store.list_api_tokens()
    except DatelineError as err:
        fail(str(err))
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
        with Store(db) as store:
            deleted = store.delete_api_token(name)
    except DatelineError as err:
        fail(str(err))
    if not deleted:
        fail(f"no token named {name!r}")
    typer.echo(f"token {name!r} revoked", err=True)


def main() -> None:  # pragma: no cover - console entry for `python -m dateline`
    sys.exit(app())
