"""Inputs that used to break a run or be coded as garbage: over-long articles, other languages, undecodable
bytes, binary data read as text, compact dates, related-links lines in web pages (texts written for these
tests)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from dateline import cli_output
from dateline.api import create_app
from dateline.cli import app
from dateline.errors import InputError
from dateline.ingest import article_from_html, article_from_text, read_source
from dateline.ingest.language import detect_language
from dateline.ingest.text import decode_text
from dateline.model import Article
from dateline.pipeline import Pipeline
from dateline.resources import Resources
from dateline.settings import Settings
from dateline.store import Store

PROTEST = "Teachers marched to the education ministry in Nairobi on Tuesday, demanding unpaid salaries, police said."
AMBUSH = "Gunmen ambushed a bus near Maiduguri on Sunday, killing four passengers, a local official said."
SPANISH = ("Cientos de maestros marcharon el martes hasta el ministerio de educación en Nairobi para exigir el "
           "pago de salarios atrasados, según informó la policía local.")
ARABIC = "خرج مئات المعلمين في مسيرة إلى وزارة التعليم يوم الثلاثاء للمطالبة بالرواتب المتأخرة، بحسب الشرطة."


@pytest.fixture
def runner(monkeypatch: pytest.MonkeyPatch, resources: Resources) -> CliRunner:
    monkeypatch.setattr(cli_output, "Pipeline", lambda settings: Pipeline(settings, resources=resources))
    return CliRunner()


# -- item 5: an article longer than spaCy takes ------------------------------------------------------------
def _corpus(path: Path, records: list[dict[str, object]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def test_a_two_megabyte_article_fails_alone_and_the_rest_of_the_corpus_comes_out(runner: CliRunner,
                                                                                  tmp_path: Path) -> None:
    huge = "Crowds gathered in the square and chanted. " * 48_000  # one line, about 2 MB
    corpus = _corpus(tmp_path / "c.jsonl", [{"id": "a", "text": PROTEST}, {"id": "huge", "text": huge},
                                            {"id": "b", "text": AMBUSH}])
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["extract", str(corpus), "-f", "jsonl", "-o", str(out)])
    assert result.exit_code == 0, result.output
    ids = [json.loads(line)["article"]["id"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert ids == ["a", "b"]
    reason = next(line for line in result.stderr.splitlines() if ":2:" in line)
    assert "2,063,999 characters" in reason and "over the 1,000,000" in reason


def test_an_overlong_article_handed_to_the_pipeline_is_not_coded_and_the_batch_goes_on(pipeline: Pipeline) -> None:
    limit = pipeline.resources.nlp.max_length
    long_one = Article(id="long", text="Crowds gathered. " * (limit // 17 + 10))
    reports = list(pipeline.pipe([article_from_text(PROTEST), long_one, article_from_text(AMBUSH)]))
    assert [r.not_coded is None for r in reports] == [True, False, True]
    assert "spaCy's limit" in (reports[1].not_coded or "") and reports[1].events == []
    assert reports[2].events  # the article after the long one is still coded


def test_the_api_refuses_an_overlong_article_with_422(tmp_path: Path, pipeline: Pipeline) -> None:
    with Store(str(tmp_path / "api.sqlite")) as store:
        client = TestClient(create_app(store, pipeline=pipeline))
        resp = client.post("/extract", json={"text": "Crowds gathered. " * 70_000})
    assert resp.status_code == 422
    assert "over the 1,000,000" in resp.json()["detail"]


# -- item 6: languages other than English ------------------------------------------------------------------
@pytest.mark.parametrize(("text", "language"), [(SPANISH, "es"), (ARABIC, "ar")])
def test_other_languages_are_recorded_and_not_coded(pipeline: Pipeline, text: str, language: str) -> None:
    article = article_from_text(text)
    assert article.language == language
    report = pipeline.extract_article(article)
    assert report.events == [] and report.not_coded is not None and f"language {language}" in report.not_coded


@pytest.mark.parametrize("headline", ["Gunmen kill five in Kaduna", "Kabul blast kills 12",
                                      "Iraq: Protesters block Umm Qasr port"])
def test_a_short_english_headline_stays_english(headline: str) -> None:
    # a detector alone calls these Nigerian Pidgin or Danish: too little text to leave English
    assert detect_language(headline) == "en"
    assert article_from_text(headline).language == "en"


def test_extract_warns_in_one_line_about_a_spanish_article(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "es.txt"
    path.write_text(SPANISH, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1  # nothing was coded
    warnings = [line for line in result.stderr.splitlines() if line.strip()]
    assert warnings == [f"warning: {path}: not coded: not English (language es); dateline codes English text only"]
    assert json.loads(result.stdout)["article"]["language"] == "es"


# -- item 7: bytes that are not UTF-8 ----------------------------------------------------------------------
def test_damaged_utf8_is_read_as_utf8_and_says_so() -> None:
    data = "Police closed the café near the port.".encode() + b" \xff\xfe\xc3( more words follow here."
    decoded = decode_text(data, "d.txt")
    assert "café" in decoded.text and "Ã" not in decoded.text and "Ă" not in decoded.text
    assert decoded.note is not None and "not valid UTF-8" in decoded.note


def test_the_decoding_note_reaches_the_report(pipeline: Pipeline, tmp_path: Path) -> None:
    path = tmp_path / "d.txt"
    path.write_bytes(PROTEST.encode().replace(b"Nairobi", "Nairóbi".encode()) + b" \xff\xfe\xc3( end.")
    (article,) = list(read_source(str(path)))
    assert isinstance(article, Article)
    report = pipeline.extract_article(article)
    assert any("not valid UTF-8" in w for w in report.warnings)


@pytest.mark.parametrize("data", [
    b"Police said \x8f\x90\x9d\x81 the \xff\xfe crowd had gone home by dusk.",  # cp1251 guess: Cyrillic in English
    b"\xff\xfe\xc3( caf\xe9",  # a UTF-16 byte-order mark on bytes that are not UTF-16
])
def test_garbage_bytes_are_refused_not_coded(data: bytes) -> None:
    with pytest.raises(InputError, match="undecodable"):
        decode_text(data, "g.txt")


def test_a_legacy_code_page_article_is_read_with_a_note() -> None:
    decoded = decode_text("Police closed the café near the port on Friday night.".encode("cp1252"), "l.txt")
    assert "café" in decoded.text and decoded.note is not None and "not UTF-8" in decoded.note


# -- item 9: compact dates and binary data read as text ----------------------------------------------------
@pytest.mark.parametrize("published", [20191102, "20191102", "2019-11-02"])
def test_a_record_date_as_yyyymmdd_is_accepted(tmp_path: Path, published: object) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", [{"id": "a", "text": PROTEST, "published": published}])
    (article,) = list(read_source(str(corpus)))
    assert isinstance(article, Article) and article.published == dt.date(2019, 11, 2)
    assert article.ingest_warnings == []


@pytest.mark.parametrize("published", ["2003", 2003, "last Tuesday", "yesterday"])
def test_a_record_date_that_is_no_day_is_reported_not_guessed(tmp_path: Path, published: object) -> None:
    corpus = _corpus(tmp_path / "c.jsonl", [{"id": "a", "text": PROTEST, "published": published}])
    (article,) = list(read_source(str(corpus)))
    assert isinstance(article, Article) and article.published is None
    assert len(article.ingest_warnings) == 1 and "is not a date" in article.ingest_warnings[0]


@pytest.mark.parametrize(("head", "kind"), [("GIF89a\x01\x00\x01\x00 ;", "GIF"), ("%PDF-1.7\n1 0 obj", "PDF"),
                                            ("\ufffdPNG\r\n\x1a\n IHDR", "PNG")])
def test_binary_data_read_as_text_is_refused(head: str, kind: str) -> None:
    with pytest.raises(InputError, match=f"binary data \\(an? {kind}"):
        article_from_text(head + " Teachers marched to the ministry on Tuesday.")


def test_an_image_file_in_a_directory_is_one_failure(tmp_path: Path) -> None:
    (tmp_path / "photo.txt").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    (items,) = [list(read_source(str(tmp_path)))]
    assert len(items) == 1 and isinstance(items[0], InputError) and "JPEG image" in items[0].reason


# -- item 27: related-links lines in a web page -------------------------------------------------------------
PAGE = """<html><head><title>Teachers march on ministry</title></head><body><article>
<h1>Teachers march on ministry</h1>
<p>Hundreds of teachers marched to the education ministry in Nairobi on Tuesday, demanding salaries that
have gone unpaid since March, police said.</p>
<p>Also on Daily Planet: Gunmen kill eight in raid on village market</p>
<p>The union said the strike would go on until every teacher had been paid in full, its leader told reporters.</p>
<p>Read more: Police fire tear gas at students in Kisumu</p>
<p>Related stories</p>
<p>Bomb blast kills three at bus station</p>
<p>Soldiers clash with rebels near border town</p>
</article></body></html>"""


def test_related_links_lines_are_dropped_as_boilerplate(pipeline: Pipeline) -> None:
    article = article_from_html(PAGE, url="https://planet.example/news/teachers")
    for gone in ("Gunmen kill eight", "tear gas at students", "Related stories", "Bomb blast", "Soldiers clash"):
        assert gone not in article.text
    assert "unpaid since March" in article.text and "until every teacher" in article.text
    removed = [r.text for r in article.removed if r.reason == "boilerplate"]
    assert any("Also on Daily Planet" in r for r in removed) and any("Bomb blast" in r for r in removed)
    report = pipeline.extract_article(article)
    assert all("Gunmen" not in (e.mentions[0].text if e.mentions else "") for e in report.events)
    assert not any(e.sub_event_type in {"Attack", "Armed clash", "Remote explosive/landmine/IED"}
                   for e in report.events)


def test_prose_that_starts_like_a_cue_stays() -> None:
    text = ("Related protests took place in Mombasa and Kisumu on the same day, the union said.\n\n"
            "Watch towers along the road were burned by the crowd, witnesses said.")
    article = article_from_html(f"<html><body><article><p>{text.split(chr(10))[0]}</p>"
                                f"<p>{text.split(chr(10))[-1]}</p></article></body></html>")
    assert "Related protests took place" in article.text and "Watch towers" in article.text


def test_settings_bound_the_article_length() -> None:
    with pytest.raises(InputError, match="over the 50"):
        article_from_text(PROTEST, settings=Settings(max_article_chars=50))


def test_plain_english_prose_is_known_without_loading_the_model() -> None:
    from dateline.ingest import language

    language._identifier.cache_clear()
    prose = " ".join([PROTEST, AMBUSH] * 4)
    assert detect_language(prose) == "en"
    assert language._identifier.cache_info().misses == 0  # the model (about 1 s to load) was not needed
    assert detect_language(SPANISH) == "es"
