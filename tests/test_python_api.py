"""dateline from Python, as the README shows it: `dateline.extract(path)` in a loop, beside the stage modules."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def test_dateline_extract_stays_callable_once_the_extraction_stages_are_imported(tmp_path: Path) -> None:
    # The stages' package was once named dateline.extract: the first extraction imported it, its module took the
    # name of the function, and a second `dateline.extract(path)` failed with "'module' object is not callable".
    script = (
        "import dateline\n"
        "import dateline.extraction.decide as decide\n"  # what the first extraction imports
        "assert decide.__name__ == 'dateline.extraction.decide'\n"
        "try:\n"
        f"    dateline.extract({str(tmp_path / 'missing.txt')!r})\n"
        "except dateline.pipeline.InputError as err:\n"
        "    print('InputError:', err.reason)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], env={**os.environ, "PYTHONPATH": str(SRC)},
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "InputError: no such file or directory"



def test_dateline_extract_of_a_corpus_says_it_holds_more_than_one_article(
        tmp_path: Path, monkeypatch, resources) -> None:  # type: ignore[no-untyped-def]
    # dateline.extract("corpus.jsonl") returned the Report of the first line alone, without a word about the rest
    import json

    import pytest

    import dateline
    import dateline.pipeline
    from dateline.errors import InputError
    from dateline.pipeline import Pipeline

    monkeypatch.setattr(dateline.pipeline, "Pipeline", lambda settings=None: Pipeline(settings, resources=resources))
    text = "Nurses marched to the health ministry in Kampala on Monday, demanding unpaid wages, police said."
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text(json.dumps({"id": "a", "text": text}) + "\n", encoding="utf-8")
    assert dateline.extract(corpus).article.id == "a"  # one line: one Report, as before
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "b", "text": text.replace("Monday", "Tuesday")}) + "\n")
    with pytest.raises(InputError) as caught:
        dateline.extract(corpus)
    assert str(caught.value) == (f"{corpus}: holds more than one article and dateline.extract returns one Report: "
                                 "pass each article of Pipeline().read(source) to Pipeline.extract_article, or "
                                 "use `dateline run`")


def test_dateline_extract_of_a_passage_of_text_points_to_extract_text(tmp_path: Path) -> None:
    # A user who hands dateline.extract the text itself was told "no such file or directory" and left to guess.
    import pytest

    import dateline
    from dateline.errors import InputError

    with pytest.raises(InputError) as caught:
        dateline.extract("Police fired tear gas at protesters in Basra on Friday, witnesses said.")
    assert "Pipeline().extract_text(text)" in caught.value.reason
    with pytest.raises(InputError) as missing:  # a file name that is missing keeps the plain answer
        dateline.extract(str(tmp_path / "missing.txt"))
    assert missing.value.reason == "no such file or directory"
    spaced = tmp_path / "a report.txt"  # a real file whose name holds a space is still read
    spaced.write_text("", encoding="utf-8")
    with pytest.raises(InputError) as empty:
        dateline.extract(str(spaced))
    assert "extract_text" not in empty.value.reason
