"""Ray Data adapter: map `process_batch` over JSONL/Parquet shards on a Ray cluster (extra `[cluster]`).

Each Ray actor holds one pipeline (the spaCy model and gazetteer load once per actor) and runs the very
function the local path runs, so a cluster run and a local run give identical records. Results travel as
plain JSON strings: one row per input record with its `id`, the Report as `report_json`, or an `error`.
"""

from __future__ import annotations

import itertools
import json
import logging
import math
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from dateline.errors import DatelineError, InputError
from dateline.model import Report

RESULT_COLUMNS = ("id", "report_json", "error")


def _ray() -> Any:
    try:
        import ray
        import ray.data
    except ImportError as exc:
        raise DatelineError("Ray is not installed: pip install 'dateline[cluster]'") from exc
    return ray


class _BatchProcessor:
    """A Ray Data callable class: one instance per actor, so the pipeline is built once per actor."""

    def __init__(self) -> None:
        from dateline.batch import _process_pipeline

        self.pipeline = _process_pipeline()

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        from dateline.batch import is_failure, process_batch

        records = _rows(batch)
        out: dict[str, list[Any]] = {name: [] for name in RESULT_COLUMNS}
        for record, result in zip(records, process_batch(records, self.pipeline), strict=True):
            failed = is_failure(result)
            out["id"].append(str(record.get("id") or ""))
            out["report_json"].append(None if failed else json.dumps(result, ensure_ascii=False))
            out["error"].append(result["error"] if failed else None)
        return out


def _rows(batch: dict[str, Any]) -> list[dict[str, Any]]:
    """Columnar batch (numpy arrays per column) → one plain dict per record, dropping missing values."""
    columns = list(batch)
    size = len(batch[columns[0]]) if columns else 0
    rows = []
    for i in range(size):
        row: dict[str, Any] = {}
        for name in columns:
            value = batch[name][i]
            value = value.item() if hasattr(value, "item") else value
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                row[name] = value
        rows.append(row)
    return rows


SHARD_SUFFIXES = (".jsonl", ".json", ".parquet")  # what Ray Data reads here; the rest is the local runner's


def split_shards(inputs: Sequence[str | Path]) -> tuple[list[str], list[InputError]]:
    """The inputs Ray reads, and an InputError for each local one that holds no article, as the local runner
    records it (a missing path, a directory with no files: a failed item of the run, so `dateline run --ray`
    exits as `dateline run` does); an input whose shards are all empty files is nothing to read and is left
    out, so no cluster starts for it. A file or a folder holding no JSONL or Parquet is a DatelineError: Ray
    would fail on it deep inside a worker, in a stack trace; text, HTML, feeds and WARC archives go through
    the local runner (`dateline run` without --ray)."""
    readable: list[str] = []
    empty: list[InputError] = []
    for raw in inputs:
        if "://" in str(raw):
            readable.append(str(raw))  # cloud storage (s3://, gs://): only Ray's filesystem layer can look there
            continue
        path = Path(raw)
        if not path.exists():
            empty.append(InputError(str(raw), "no such file or directory"))
            continue
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        if not files:
            empty.append(InputError(str(raw), "directory holds no files"))
            continue
        shards = [p for p in files if p.suffix.lower() in SHARD_SUFFIXES]
        if not shards:
            raise DatelineError(f"{path}: --ray reads JSONL or Parquet shards ({', '.join(SHARD_SUFFIXES)}); "
                                "run without --ray for text, HTML, feeds and WARC archives")
        if any(p.stat().st_size for p in shards):
            readable.append(str(raw))
    return readable, empty


def check_shards(inputs: Sequence[str | Path]) -> None:
    """DatelineError naming the first local input Ray cannot read as shards (see `split_shards`)."""
    _, empty = split_shards(inputs)
    if empty:
        raise empty[0]


def read_dataset(inputs: Sequence[str | Path]) -> Any:
    """A Ray Dataset over JSONL (`.jsonl`, `.json`) or Parquet shards (files or directories)."""
    check_shards(inputs)
    ray = _ray()
    paths = [str(p) for p in inputs]
    if all(p.endswith(".parquet") or Path(p, "_SUCCESS").exists() for p in paths):
        return ray.data.read_parquet(paths)
    return ray.data.read_json(paths, lines=True) if _supports_lines(ray) else ray.data.read_json(paths)


def _supports_lines(ray: Any) -> bool:
    import inspect

    return "lines" in inspect.signature(ray.data.read_json).parameters


def map_reports(dataset: Any, actors: int = 2, batch_size: int = 32) -> Any:
    """The dataset of result rows: `process_batch` mapped with one pipeline per actor."""
    from ray.data import ActorPoolStrategy

    size, cpus_each = actor_pool(_ray(), actors)
    return dataset.map_batches(
        _BatchProcessor,
        batch_size=batch_size,
        batch_format="numpy",
        compute=ActorPoolStrategy(size=size),
        num_cpus=cpus_each,
    )


def actor_pool(ray: Any, actors: int) -> tuple[int, float]:
    """How many actors to start, and the CPUs each reserves, so that one CPU stays free for the read tasks
    that feed them: with every CPU held by an actor, Ray Data's read waits for a CPU and the run hangs
    (on a 2-core laptop, the default 2 actors did). A single-CPU instance runs one actor on half of it."""
    cpus = int(ray.cluster_resources().get("CPU", 0))
    if cpus < 2:
        return 1, 0.5
    return max(1, min(actors, cpus - 1)), 1.0


def init(address: str | None = None, num_cpus: int | None = None, logs: bool = False) -> Any:
    """Connect to a cluster (`address`, e.g. "ray://head:10001" or "auto") or start a local Ray instance.

    Without `logs`, Ray's own lines (workers' output, "Started a local Ray instance", dataset plans and
    progress) stay in its session logs (/tmp/ray/session_latest/logs) and off the terminal, where they
    drowned `dateline run`'s progress line; only Ray's errors still show."""
    ray = _ray()
    if not ray.is_initialized():
        kwargs: dict[str, Any] = {"ignore_reinit_error": True, "include_dashboard": False, "log_to_driver": logs}
        if not logs:
            kwargs.update(configure_logging=True, logging_level=logging.ERROR)
        if address:
            kwargs["address"] = address
        elif num_cpus:
            kwargs["num_cpus"] = num_cpus
        ray.init(**kwargs)
    context = ray.data.DataContext.get_current()
    # Results come back in input order, as from the local path, so runs are comparable line by line.
    context.execution_options.preserve_order = True
    if not logs:
        context.enable_progress_bars = False
        quiet_console("ray.data")
    return ray


def quiet_console(logger_name: str) -> None:
    """Only errors from `logger_name` on the terminal: Ray Data logs to the console and to a file of its
    own, and only the console is quietened, so the session's ray-data.log keeps everything."""
    for handler in logging.getLogger(logger_name).handlers:
        if isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler):
            handler.setLevel(logging.ERROR)


def iter_ray_reports(
    inputs: Sequence[str | Path], address: str | None = None, actors: int = 2, batch_size: int = 32,
    logs: bool = False,
) -> Iterator[Report | DatelineError]:
    """Stream Reports (or per-record errors) back to the driver, e.g. to write them into the store."""
    init(address, logs=logs)
    results = map_reports(read_dataset(inputs), actors=actors, batch_size=batch_size)
    for batch in results.iter_batches(batch_format="numpy", batch_size=batch_size):
        for row in _rows(batch):
            if row.get("report_json"):
                yield Report.model_validate_json(row["report_json"])
            else:
                yield DatelineError(f"{row.get('id') or '?'}: {row.get('error')}")


def write_parquet(inputs: Sequence[str | Path], output_dir: str | Path, address: str | None = None,
                  actors: int = 2, batch_size: int = 32, logs: bool = False) -> None:
    """Cluster-scale output: result rows written as Parquet shards by the workers themselves."""
    init(address, logs=logs)
    map_reports(read_dataset(inputs), actors=actors, batch_size=batch_size).write_parquet(str(output_dir))


def run_ray(inputs: Sequence[str | Path], db_url: str | None = None, address: str | None = None,
            actors: int = 2, output: str | Path | None = None, logs: bool = False) -> Iterator[Report | DatelineError]:
    """Entry point for `dateline run --ray`: Parquet shards to `output` when given, else stream reports back.
    Inputs Ray cannot read are refused here, and inputs that hold no article are handed on as failed items,
    before a cluster is started. `logs` lets Ray's own log lines through to the terminal (`--ray-logs`)."""
    readable, empty = split_shards(inputs)
    if output is not None:
        if readable:
            write_parquet(readable, output, address=address, actors=actors, logs=logs)
        return iter(empty)
    if not readable:
        return iter(empty)
    return itertools.chain(empty, iter_ray_reports(readable, address=address, actors=actors, logs=logs))
