"""The quote benchmark on dateline's own annotated sentences stays above BBC citron's PARC3 figures."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[1] / "benchmarks" / "quotes_bench.py"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("quotes_bench", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_gold_set_is_large_enough_and_well_formed() -> None:
    bench = _bench()
    items = bench.load()
    assert len(items) >= 40
    for item in items:
        for quote in item["quotes"]:
            assert quote["content"] in item["text"]
            assert quote["kind"] in {"direct", "indirect", "slogan", "block"}


def test_cue_and_source_f1_beat_the_parc3_reference(pipeline) -> None:  # type: ignore[no-untyped-def]
    result = _bench().run()
    assert result["cue"]["f1"] >= 0.823
    assert result["source"]["f1"] >= 0.820
    assert result["content"]["f1"] >= 0.85
    assert result["claim_chains"]["accuracy"] >= 0.8


def test_name_matching_used_by_the_benchmark() -> None:
    bench = _bench()
    assert bench.names_match("the foreign minister", "foreign minister")
    assert bench.names_match("Al Jazeera's correspondent", "Al Jazeera")
    assert not bench.names_match("Reuters", "AFP")


def test_help_teaches_the_command_and_runs_nothing(capsys) -> None:  # type: ignore[no-untyped-def]
    # before: `quotes_bench.py --help` ran the whole benchmark instead of printing its usage
    with pytest.raises(SystemExit) as exit_info:
        _bench().main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert "usage:" in out and "--errors" in out and "quote attribution on" not in out
