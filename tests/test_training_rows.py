"""The trainer's saved feature rows: running the pipeline over every training text takes most of a training's
minutes, so the rows are saved once and variants of the fit train from them."""

import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest
from scipy import sparse
from sklearn.linear_model import LogisticRegression

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


def test_a_clause_word_weighs_less_than_the_same_cue_and_scores_as_fitted() -> None:
    # A word of one article's clauses ("w=kurdish") lets the regression learn that article's topic; held under a
    # stronger prior it weighs less than a cue that says the same of the same candidates. The shipped weight is
    # the fitted one scaled back, so a word read as 1 scores as the fit saw it.
    rng = np.random.default_rng(0)
    signal = rng.integers(0, 2, 400)
    noise = rng.integers(0, 2, 400)
    y = np.where(rng.random(400) < 0.8, signal, 1 - signal)
    names = ["cue=attack", "w=kurdish", "z=noise"]
    x = sparse.csr_matrix(np.stack([signal, signal, noise], axis=1).astype(float))
    scale = trainer.word_scale(names)
    assert list(scale) == [1.0, trainer.WORD_SCALE, 1.0] and trainer.WORD_SCALE < 1.0
    coef, intercept = trainer.fit_linear(x, y, np.ones(400), scale, 0.1)
    assert 0 < coef[1] < coef[0]
    fitted = LogisticRegression(C=0.1, max_iter=2000).fit(x @ sparse.diags(scale), y)
    assert np.allclose(x @ coef + intercept, fitted.decision_function(x @ sparse.diags(scale)), atol=1e-6)
