"""process_batch, the multi-core path and the Ray adapter give the same records as a plain local run."""

from __future__ import annotations

import json
import os

import pytest

from dateline.batch import is_failure, process_batch
from dateline.parallel import pipe_parallel

RECORDS = [
    {"id": "r1", "text": "Hundreds of teachers protested outside parliament in Nairobi on Monday over unpaid wages."},
    {"id": "r2", "text": ""},  # no text: a failure, reported in place
    {"id": "r3", "text": "Police fired tear gas at students marching in Dhaka on Tuesday, witnesses said."},
    {"id": "r4", "html": "<html><body><article><p>Farmers blocked a highway near Lahore on Friday to "
                         "demand higher wheat prices, officials said.</p></article></body></html>"},
]



def test_process_batch_keeps_order_and_reports_bad_records(pipeline):
    results = process_batch(RECORDS, pipeline)
    assert len(results) == len(RECORDS)
    assert [r.get("id") if is_failure(r) else r["article"]["id"] for r in results] == ["r1", "r2", "r3", "r4"]
    assert is_failure(results[1]) and "r2" in results[1]["error"]
    assert not any(is_failure(r) for r in (results[0], results[2], results[3]))
    json.dumps(results)  # plain data only: serialisable as it stands


def test_pipe_parallel_matches_single_process(pipeline):
    from dateline.batch import article_from_record

    articles = [article_from_record(r) for r in RECORDS if r.get("text") or r.get("html")] * 5
    local = [r.model_dump(mode="json") for r in pipeline.pipe(articles)]
    parallel = [r.model_dump(mode="json") for r in pipe_parallel(articles, workers=2, chunk_size=3)]
    assert parallel == local


@pytest.mark.slow
def test_ray_run_gives_identical_records(tmp_path, pipeline):
    ray = pytest.importorskip("ray")
    from dateline import cluster

    corpus = tmp_path / "shard.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    local = [r for r in process_batch(RECORDS, pipeline) if not is_failure(r)]
    cluster.init(num_cpus=2)
    try:
        results = list(cluster.iter_ray_reports([corpus], actors=1, batch_size=2))
    finally:
        ray.shutdown()
    reports = [r.model_dump(mode="json") for r in results if not isinstance(r, Exception)]
    errors = [r for r in results if isinstance(r, Exception)]
    assert reports == local
    assert len(errors) == 1 and "r2" in str(errors[0])


@pytest.mark.slow
@pytest.mark.timeout(240)
def test_ray_run_with_as_many_actors_as_cpus_finishes(tmp_path):
    # A local Ray on a 2-core machine with the default 2 actors used to hang: the actors held both CPUs and
    # the read task that feeds them waited for one forever.
    ray = pytest.importorskip("ray")
    from dateline import cluster

    corpus = tmp_path / "shard.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    cluster.init(num_cpus=2)
    try:
        assert cluster.actor_pool(ray, 2) == (1, 1.0)
        results = list(cluster.iter_ray_reports([corpus], actors=2, batch_size=2))
    finally:
        ray.shutdown()
    assert len(results) == len(RECORDS)
    assert sum(isinstance(r, Exception) for r in results) == 1


def test_ray_refuses_inputs_that_are_no_shards_in_one_line_before_starting_a_cluster(tmp_path):
    # `dateline run notes/ --ray` on a folder of text files failed deep inside a Ray worker, in a stack trace
    from typer.testing import CliRunner

    from dateline.cli import app

    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "a.txt").write_text("Protesters marched in Basra on Sunday.", encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(notes), "--ray", "--db", str(tmp_path / "r.sqlite"),
                                      "--no-progress"])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines()[-1] == (
        f"error: {notes}: --ray reads JSONL or Parquet shards (.jsonl, .json, .parquet); run without --ray "
        "for text, HTML, feeds and WARC archives")


def test_ray_run_of_inputs_holding_no_article_exits_as_the_local_run_does_without_starting_a_cluster(
        tmp_path, monkeypatch):
    # `dateline run empty/ --ray` exited 1 with "--ray reads JSONL or Parquet shards" where `dateline run
    # empty/` exits 4 and lists the folder under `dateline failures`; a missing path exited 1 too
    from typer.testing import CliRunner

    from dateline import cluster
    from dateline.cli import app
    from dateline.store import Store

    def no_cluster(*args, **kwargs):
        raise AssertionError("a cluster was started for inputs that hold no article")

    monkeypatch.setattr(cluster, "iter_ray_reports", no_cluster)
    (tmp_path / "empty").mkdir()
    (tmp_path / "blank.jsonl").write_text("", encoding="utf-8")
    for ray in ([], ["--ray"]):
        db = tmp_path / f"r{len(ray)}.sqlite"
        for inputs in ([tmp_path / "empty"], [tmp_path / "none.jsonl"], [tmp_path / "blank.jsonl"]):
            result = CliRunner().invoke(app, ["run", *map(str, inputs), *ray, "--db", str(db), "--no-progress"])
            assert result.exit_code == 4, (ray, inputs, result.stderr)
            assert result.stderr.strip().splitlines()[-1].startswith("error: nothing was extracted: ")
        with Store(str(db)) as store:
            reasons = [(row["item"], row["reason"]) for row in store.failures()]
        assert reasons == [(str(tmp_path / "empty"), "directory holds no files"),
                           (str(tmp_path / "none.jsonl"), "no such file or directory")]


def test_the_shard_check_leaves_cloud_storage_to_ray(tmp_path):
    from dateline import cluster

    (tmp_path / "part-0.jsonl").write_text("{}\n", encoding="utf-8")
    cluster.check_shards([tmp_path, "s3://bucket/news/", "gs://bucket/shards/part-0.parquet"])  # no error


class _FakeRay:
    """What `cluster.init` asks of Ray: whether it runs, init's options, and Ray Data's context."""

    def __init__(self):
        from types import SimpleNamespace

        self.options = None
        self.context = SimpleNamespace(execution_options=SimpleNamespace(preserve_order=False),
                                       enable_progress_bars=True)
        self.data = SimpleNamespace(DataContext=SimpleNamespace(get_current=lambda: self.context))

    def is_initialized(self):
        return False

    def init(self, **options):
        self.options = options


def test_ray_starts_with_its_log_lines_off_the_terminal_unless_asked_for(monkeypatch):
    # `dateline run --ray` printed Ray's INFO lines ("Started a local Ray instance", each dataset's plan and
    # progress) over the progress bar
    import logging

    from dateline import cluster

    fake = _FakeRay()
    monkeypatch.setattr(cluster, "_ray", lambda: fake)
    console, kept_file = logging.StreamHandler(), logging.FileHandler(os.devnull, delay=True)
    data_logger = logging.getLogger("ray.data")
    monkeypatch.setattr(data_logger, "handlers", [console, kept_file])
    cluster.init()
    assert fake.options["log_to_driver"] is False and fake.options["configure_logging"] is True
    assert fake.options["logging_level"] >= logging.WARNING
    assert fake.context.enable_progress_bars is False and fake.context.execution_options.preserve_order
    assert console.level == logging.ERROR and kept_file.level == logging.NOTSET  # ray-data.log keeps all

    loud, console = _FakeRay(), logging.StreamHandler()
    monkeypatch.setattr(cluster, "_ray", lambda: loud)
    monkeypatch.setattr(data_logger, "handlers", [console])
    cluster.init(logs=True)
    assert loud.options["log_to_driver"] is True and "logging_level" not in loud.options
    assert loud.context.enable_progress_bars is True and console.level == logging.NOTSET


def test_run_ray_logs_reaches_ray_and_needs_ray(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from dateline import cluster
    from dateline.cli import app

    seen = {}
    monkeypatch.setattr(cluster, "run_ray", lambda inputs, **kw: seen.update(kw) or iter(()))
    shard = tmp_path / "part-0.jsonl"
    shard.write_text("{}\n", encoding="utf-8")
    db = ["--db", str(tmp_path / "r.sqlite"), "--no-progress"]
    CliRunner().invoke(app, ["run", str(shard), "--ray", *db])
    assert seen["logs"] is False
    CliRunner().invoke(app, ["run", str(shard), "--ray", "--ray-logs", *db])
    assert seen["logs"] is True
    alone = CliRunner().invoke(app, ["run", str(shard), "--ray-logs", *db])
    assert alone.exit_code == 2
    assert alone.stderr.strip() == (
        "error: --ray-logs shows Ray's log lines, so it goes with --ray: add --ray or drop --ray-logs")
