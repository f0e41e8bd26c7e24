"""The trainer's saved feature rows: running the pipeline over every training text takes most of a training's
minutes, so the rows are saved once and variants of the fit train from them."""

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

import train_event_model as trainer

ITEMS = [SimpleNamespace(label={"id": "g-1", "source": "guardian"}),
         SimpleNamespace(label={"id": "synth-r-7", "source": "written"}),
         SimpleNamespace(label={"id": "ev-3", "source": "evloc"})]
ROWS = [{"article": "g-1", "group": "a", "source": "guardian", "features": {"bias": 1.0, "rule_confidence": 0.1 + 0.2},
         "label": True, "telling": True, "second_in_passage": False, "sub_event_type": "Armed clash",
         "gold_sub_event_type": "Armed clash"}]


def _pipeline(monkeypatch: pytest.MonkeyPatch, calls: list[str]) -> None:
    def articles(half: str, sources: set[str]) -> Any:
        calls.append(half)
        return iter(ITEMS)

    monkeypatch.setattr(trainer, "labelled_articles", articles)
    monkeypatch.setattr(trainer, "feature_rows", lambda items: [dict(r, features=dict(r["features"])) for r in ROWS])


def test_rows_saved_once_are_read_back_without_running_the_pipeline(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    _pipeline(monkeypatch, calls)
    path = tmp_path / "rows.json"
    rows, texts = trainer.training_rows(path, ("synth-m-",))
    assert calls == ["dev"] and path.exists()
    assert texts == {"articles": 3, "evloc": 1, "written_sets": ["synth-r"]}
    again, texts_again = trainer.training_rows(path, ("synth-m-",))
    assert calls == ["dev"]  # read from the file, not run again
    assert again == rows and texts_again == texts
    # Floats come back to the last bit, so a model trained from the file is the one trained from the pipeline.
    assert again[0]["features"]["rule_confidence"] == 0.1 + 0.2


def test_rows_saved_with_other_written_sets_held_out_are_refused(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    _pipeline(monkeypatch, [])
    path = tmp_path / "rows.json"
    trainer.training_rows(path, ("synth-m-",))
    with pytest.raises(SystemExit, match="held out, not none; give the same --with"):
        trainer.training_rows(path, ())


def test_a_file_that_is_not_rows_is_one_line_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "model.json"
    path.write_text('{"features": []}', encoding="utf-8")
    with pytest.raises(SystemExit, match=r"model.json is not a rows file this trainer wrote; delete it"):
        trainer.training_rows(path, ())
