"""RSS and Atom feeds as a user gives them: entry dates, `--published`, relative links, feeds at a URL."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dateline.errors import InputError
from dateline.ingest import read_source
from dateline.model import Article
from dateline.settings import Settings

DATA = Path(__file__).parent / "data"


def _rss(items: str, channel: str = "") -> str:
    return (f'<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Lakeside Courier</title>{channel}\n'
            f"{items}</channel></rss>")


def _item(body: str, *, link: str = "https://courier.example/news/1", date: str | None = None) -> str:
    pub = f"<pubDate>{date}</pubDate>" if date else ""
    return f"<item><title>Report</title><link>{link}</link>{pub}<description>{body}</description></item>\n"


def _articles(path: Path, settings: Settings | None = None) -> list[Article]:
    got = list(read_source(str(path), settings or Settings()))
    assert all(isinstance(a, Article) for a in got), got
    return [a for a in got if isinstance(a, Article)]


# --- an entry's date ---------------------------------------------------------------------------------------------

def test_an_entry_date_is_its_article_publication_date_over_a_dateline_in_the_text(tmp_path: Path) -> None:
    # the text's own dateline (March 3) is the day the wire filed the story; the entry's date is the article's
    # publication date, as a corpus record's would be
    path = tmp_path / "desk.rss"
    path.write_text(_rss(_item("PORTVALE, March 3, 2023 (Wire) - Dock workers walked off the job on Friday.",
                               date="Mon, 06 Mar 2023 09:00:00 GMT")), encoding="utf-8")
    (article,) = _articles(path)
    assert article.published == dt.date(2023, 3, 6)
    assert article.published_signals[0].source == "record"


def test_entry_dates_differ_entry_by_entry(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(_rss(
        _item("Dock workers walked off the job on Saturday, the union said.", date="Sat, 04 Mar 2023 18:00:00 GMT")
        + _item("Farmers blocked the highway with tractors on Monday, police said.",
                link="https://courier.example/news/2", date="2023-03-06T08:00:00Z")), encoding="utf-8")
    assert [a.published for a in _articles(path)] == [dt.date(2023, 3, 4), dt.date(2023, 3, 6)]


def test_an_entry_dated_in_unix_time_is_read_as_that_day(tmp_path: Path) -> None:
    # feedparser alone reads "1575000000" as a date in the year 1574
    path = tmp_path / "desk.rss"
    path.write_text(_rss(_item("Dock workers walked off the job on Friday, the union said.", date="1575000000")),
                    encoding="utf-8")
    (article,) = _articles(path)
    assert article.published == dt.date(2019, 11, 29)


def test_published_option_dates_an_undated_entry_and_outranks_a_dated_one(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(_rss(
        _item("Dock workers walked off the job on Saturday, the union said.")
        + _item("Farmers blocked the highway with tractors on Monday, police said.",
                link="https://courier.example/news/2", date="Mon, 06 Mar 2023 08:00:00 GMT")), encoding="utf-8")
    undated, dated = _articles(path, Settings(published_override=dt.date(2023, 3, 5)))
    assert undated.published == dt.date(2023, 3, 5)
    # --published outranks every date an article carries (docs/store.md); the entry's stays among the signals
    assert dated.published == dt.date(2023, 3, 5)
    assert [(s.source, s.value) for s in dated.published_signals[:2]] == [
        ("override", dt.date(2023, 3, 5)), ("record", dt.date(2023, 3, 6))]


def test_an_entry_date_that_is_no_date_is_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(_rss(_item("Dock workers walked off the job on Saturday, the union said.", date="soon")),
                    encoding="utf-8")
    (article,) = _articles(path)
    assert article.published is None
    assert any("'soon' is not a date" in w for w in article.ingest_warnings)


def test_an_entry_without_text_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(_rss(_item("")), encoding="utf-8")
    (err,) = list(read_source(str(path), Settings()))
    assert isinstance(err, InputError) and "no text" in err.reason


# --- relative links ----------------------------------------------------------------------------------------------

def test_a_relative_rss_link_is_made_absolute_against_the_feed_site(tmp_path: Path) -> None:
    path = tmp_path / "desk.rss"
    path.write_text(_rss(_item("Dock workers walked off the job on Saturday, the union said.", link="/news/1"),
                         channel="<link>https://courier.example/world/</link>"), encoding="utf-8")
    (article,) = _articles(path)
    assert article.url == "https://courier.example/news/1"


def test_a_relative_atom_link_is_made_absolute_against_the_feed_own_address(tmp_path: Path) -> None:
    path = tmp_path / "desk.atom"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>'
        '<link rel="self" href="https://courier.example/feeds/world.atom"/><link href="https://courier.example/"/>'
        '<entry><title>Strike</title><link href="story.html"/><id>tag:courier.example,2023:1</id>'
        "<updated>2023-03-04T08:00:00Z</updated>"
        "<content>Dock workers walked off the job on Saturday, the union said.</content></entry>"
        '<entry><title>Blockade</title><link href="https://elsewhere.example/b"/><id>tag:courier.example,2023:2</id>'
        "<content>Farmers blocked the highway with tractors on Monday, police said.</content></entry></feed>",
        encoding="utf-8")
    relative, absolute = _articles(path)
    assert relative.url == "https://courier.example/feeds/story.html"
    assert absolute.url == "https://elsewhere.example/b"  # an absolute link stays as it is


# --- a feed at a URL ---------------------------------------------------------------------------------------------

def _serve(monkeypatch: pytest.MonkeyPatch, body: bytes, content_type: str | None) -> None:
    """`fetch` answering with `body`: nothing leaves the machine."""
    from dateline.ingest import fetch

    monkeypatch.setattr(fetch, "fetch", lambda url, settings: (body, content_type))


@pytest.mark.parametrize("content_type", ["application/rss+xml; charset=utf-8", "text/xml", "application/xml", None])
def test_a_feed_url_is_read_as_a_feed_entry_by_entry(monkeypatch: pytest.MonkeyPatch, content_type: str | None) -> None:
    _serve(monkeypatch, _rss(
        _item("Dock workers walked off the job on Saturday, the union said.", link="/news/1",
              date="Sat, 04 Mar 2023 18:00:00 GMT")
        + _item("Farmers blocked the highway with tractors on Monday, police said.", link="news/2")).encode(),
        content_type)
    got = list(read_source("https://courier.example/feeds/world.rss", Settings()))
    assert [type(a) for a in got] == [Article, Article]
    first, second = (a for a in got if isinstance(a, Article))
    assert first.source_kind == second.source_kind == "feed"
    assert first.text.startswith("Dock workers") and second.text.startswith("Farmers")
    assert first.publisher == "Lakeside Courier" and first.published == dt.date(2023, 3, 4)
    # relative links are read against the address the feed was fetched from
    assert (first.url, second.url) == ("https://courier.example/news/1", "https://courier.example/feeds/news/2")


def test_a_page_url_is_still_read_as_a_page(monkeypatch: pytest.MonkeyPatch) -> None:
    html = (DATA / "ingest_article.html").read_bytes()
    _serve(monkeypatch, html, "text/html; charset=utf-8")
    (article,) = list(read_source("https://courier.example/2021/03/14/dock-strike/", Settings()))
    assert isinstance(article, Article) and article.source_kind == "url"
    assert article.title == "Dock workers strike over unpaid wages"
