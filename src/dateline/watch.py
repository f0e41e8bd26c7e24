"""`dateline watch`: poll sources on an interval and code only what is new, resumably.

Sources (offline-friendly: a folder or a file works the same as a URL):
- a **folder** that fills up: each new file (hidden files and files still being written — modified in the last
  `settle` seconds — wait for a later pass) is read like `dateline run` reads it, and read again when it is
  rewritten (a corrected article saved under the same name, a JSONL export appended to or regenerated): a new
  modification time over different bytes (SHA-256). Its articles then go through the runner as any others, so
  a changed article is coded as a new one while the rows of a JSONL file that did not change are skipped by
  content hash; a file only touched, or removed and put back unchanged, is never read again;
- a **JSONL file** that grows: only complete lines after the byte offset already read; a file cut shorter, or
  whose bytes already read changed (regenerated rather than appended to: their SHA-256 is kept), is read again
  from the start, and the runner skips the rows already stored;
- an **RSS/Atom feed** file or an http(s) URL: entries not seen before, and entries seen before that changed in
  place (news sites raise a toll or correct a story under the same guid): a later update date than the one
  coded over a changed text, or, when the feed gives no update date, a different text. The changed version is
  coded as a new article (articles are kept by content hash) and `dateline merge` joins its events with the
  earlier telling.
  A URL is fetched with a conditional request (If-None-Match / If-Modified-Since from the last answer's ETag /
  Last-Modified), so an unchanged feed costs one 304; a feed file is parsed again only when its size or mtime
  changed; an unchanged entry of a changed feed costs a look-up, no extraction.

What was taken lives in the database (`watch_sources`: offsets, ETags, back-off; `watch_items`: seen files and
entries, each entry with its update date and text hash as last coded), so a restarted watch — even after
kill -9 — goes on where it was. The order of each step makes that exact: new items are extracted and stored
first (the corpus runner: one transaction per batch, articles keyed by content hash), and only then marked
seen. A kill between the two makes the next pass read the items again, and the runner skips every article
already stored: nothing is coded twice, nothing is missed.

A source that fails (unreadable, HTTP error, database busy) is retried with exponential back-off
(interval × 2^failures, at most `max_backoff`) while the others go on. After a pass that stored something, the
new events are merged (`dateline.merge`, reprints included) and the alert rules are checked
(`dateline.alerts`). Everything it does is logged (logger `dateline.watch`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import select

from dateline.errors import DatelineError, InputError, json_fault
from dateline.extraction.decide import review_threshold
from dateline.model import Article
from dateline.settings import Settings
from dateline.store import Store
from dateline.store.db import DatabaseUnavailableError
from dateline.store.tables import WatchItemRow, WatchSourceRow, utcnow

log = logging.getLogger("dateline.watch")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
READ_CHUNK = 8 * 2**20  # bytes of a growing JSONL file read in one pass (the rest waits for the next)
ITEM_CHUNK = 64  # new items coded per step; each step's items are marked seen after they are stored


@dataclass
class WatchOptions:
    interval: float = 60.0  # seconds between polls of a source
    settle: float = 2.0  # a file modified less than this many seconds ago may still be being written
    max_backoff: float = 3600.0
    merge: bool = True  # merge (and check alerts) after a pass that stored something
    batch_size: int = 16
    timeout: float | None = 120.0  # seconds one article may take to extract
    http_timeout: float = 30.0


@dataclass
class PassStats:
    sources: int = 0
    new_items: int = 0  # items read and coded, updated feed entries included
    updated: int = 0  # items read again because their feed entry or file changed
    stored: int = 0
    skipped: int = 0
    failures: int = 0
    errors: int = 0
    alerts: int = 0
    merge: Any = None

    def summary(self) -> str:
        updated = f" ({self.updated} updated)" if self.updated else ""
        return (f"pass: {self.sources} sources polled, {self.new_items} new items{updated}, "
                f"{self.stored} articles stored, "
                f"{self.skipped} already stored, {self.failures} failures, {self.errors} source errors, "
                f"{self.alerts} alerts")


@dataclass
class Found:
    """What one poll of one source found: the items to code, and the state to save once they are stored."""

    items: list[tuple[str | None, Article | InputError]] = field(default_factory=list)
    state: dict[str, Any] = field(default_factory=dict)
    more: bool = False  # the source has more right now (a long JSONL file read in chunks)
    # feed entry: (update date, text hash); folder file: (modification time, SHA-256 of its bytes)
    versions: dict[str, tuple[dt.datetime | None, str]] = field(default_factory=dict)
    updated: int = 0  # of the items, those read again because their feed entry or file changed


def _entry_changed(before: tuple[dt.datetime | None, str | None, dt.datetime], updated: dt.datetime | None,
                   digest: str) -> bool | None:
    """Whether a feed entry seen before changed since it was coded: True to code it again, False when unchanged,
    None when there is nothing to code but its version is to be recorded.

    A feed that gives update dates is believed: only a later one than the version coded (else than when it was
    coded) counts, so text that varies from fetch to fetch (a relative time, tracking links) is not a new
    version each pass; and a later date over the same text has nothing new to code. Without update dates, a
    different text is a change. An entry coded before versions were recorded has no text hash to compare."""
    coded_updated, coded_digest, coded_at = before
    if updated is None:
        return None if coded_digest is None else digest != coded_digest
    if updated <= (coded_updated or coded_at):
        return None if coded_digest is None else False
    return None if digest == coded_digest else True


def _mtime(stat: os.stat_result) -> dt.datetime:
    """A file's modification time as a naive UTC datetime, exact to the microsecond the database keeps."""
    return dt.datetime(1970, 1, 1) + dt.timedelta(microseconds=stat.st_mtime_ns // 1000)


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(2**20):
            digest.update(block)
    return digest.hexdigest()


def _file_changed(before: tuple[dt.datetime | None, str | None, dt.datetime], mtime: dt.datetime,
                  digest: str) -> bool | None:
    """Whether a folder's file read before was rewritten since: True to read it again, False when unchanged,
    None when only its version is to be recorded (a touch: new time, same bytes).

    Unlike a feed's update date, a modification time is no statement about the text: a file copied back with its
    old time (`cp -p`, rsync, a backup) may hold other bytes, so any other time makes the bytes decide. A file
    read before versions were recorded is read again only when it was written after it was read."""
    coded_mtime, coded_digest, coded_at = before
    if coded_digest is None:
        return True if mtime > coded_at else None
    if digest == coded_digest:
        return None if mtime != coded_mtime else False
    return True


def source_kind(source: str) -> str:
    """folder | jsonl | feed | url | file."""
    if source.startswith(("http://", "https://")):
        return "url"
    path = Path(source)
    if path.is_dir():
        return "folder"
    if path.suffix.lower() in JSONL_SUFFIXES:
        return "jsonl"
    from dateline.ingest.feeds import looks_like_feed

    return "feed" if looks_like_feed(path) else "file"


class SourceError(DatelineError):
    """A watched source could not be polled this time (retried with back-off)."""


class Watcher:
    """Polls `sources` into `store`; `poll()` is one pass, `run()` loops until stopped."""

    def __init__(self, sources: Sequence[str], store: Store, settings: Settings | None = None, *,
                 options: WatchOptions | None = None, pipeline: Any = None,
                 after_merge: Callable[[Any], int] | None = None) -> None:
        if not sources:
            raise DatelineError("watch: name at least one folder, file or URL to watch")
        self.sources = [str(s) for s in sources]
        self.store = store
        self.settings = settings or (pipeline.settings if pipeline is not None else Settings())
        self.options = options or WatchOptions()
        self.after_merge = after_merge
        self._pipeline = pipeline
        self._ids: dict[str, int] = {}
        self._read_hashes: dict[str, tuple[int, str, Any]] = {}  # JSONL file: (offset, stat, hash of the bytes read)
        for source in self.sources:
            self._ids[source] = self._source_row(source)

    # -- state -----------------------------------------------------------------------------------------
    @property
    def pipeline(self) -> Any:
        if self._pipeline is None:
            from dateline.pipeline import Pipeline

            self._pipeline = Pipeline(self.settings)
        return self._pipeline

    def _source_row(self, source: str) -> int:
        with self.store.session() as s:
            row = s.scalars(select(WatchSourceRow).where(WatchSourceRow.source == source)).first()
            if row is None:
                kind = source_kind(source) if source.startswith("http") or Path(source).exists() else "file"
                row = WatchSourceRow(source=source, kind=kind, offset=0, items=0, failures=0)
                s.add(row)
                s.flush()
            return row.id

    def _row(self, source: str) -> dict[str, Any]:
        with self.store.session() as s:
            row = s.get(WatchSourceRow, self._ids[source])
            assert row is not None
            return {c: getattr(row, c) for c in ("source", "kind", "etag", "last_modified", "offset", "items",
                                                 "failures", "next_poll_at")}

    def _unseen(self, source_id: int, keys: list[str]) -> set[str]:
        seen: set[str] = set()
        with self.store.session() as s:
            for i in range(0, len(keys), 500):
                part = keys[i:i + 500]
                seen.update(s.scalars(select(WatchItemRow.item).where(WatchItemRow.source_id == source_id,
                                                                     WatchItemRow.item.in_(part))))
        return set(keys) - seen

    def _seen_versions(self, source_id: int, keys: list[str]
                       ) -> dict[str, tuple[dt.datetime | None, str | None, dt.datetime]]:
        """Feed entries or folder files seen before: key → (update date or modification time, hash of the text or
        bytes, when coded)."""
        seen: dict[str, tuple[dt.datetime | None, str | None, dt.datetime]] = {}
        with self.store.session() as s:
            for i in range(0, len(keys), 500):
                part = [k[:1000] for k in keys[i:i + 500]]
                for item, updated, digest, seen_at in s.execute(
                        select(WatchItemRow.item, WatchItemRow.updated, WatchItemRow.content_hash,
                               WatchItemRow.seen_at)
                        .where(WatchItemRow.source_id == source_id, WatchItemRow.item.in_(part))):
                    seen[item] = (updated, digest, seen_at)
        return seen

    def _mark(self, source: str, keys: list[str], state: dict[str, Any],
              versions: dict[str, tuple[dt.datetime | None, str]] | None = None) -> None:
        """Record items as seen and save the source's state (one transaction), after they were stored.
        `versions` gives feed entries' (update date, text hash) and folder files' (modification time, SHA-256):
        those of the coded `keys`, and those of items recorded without being coded (nothing new in them, or a
        file that holds no article)."""
        source_id = self._ids[source]
        versions = {k[:1000]: v for k, v in (versions or {}).items()}
        coded = {k[:1000] for k in keys}
        with self.store.session() as s:
            fresh = self._unseen_in(s, source_id, [*keys, *versions])
            for key in fresh:
                updated, digest = versions.get(key, (None, None))
                s.add(WatchItemRow(source_id=source_id, item=key, seen_at=utcnow(), updated=updated,
                                   content_hash=digest))
            new = set(fresh)
            again = [k for k in versions if k not in new]
            for i in range(0, len(again), 500):
                for item in s.scalars(select(WatchItemRow).where(WatchItemRow.source_id == source_id,
                                                                 WatchItemRow.item.in_(again[i:i + 500]))):
                    item.updated, item.content_hash = versions[item.item]
                    if item.item in coded:
                        item.seen_at = utcnow()
            row = s.get(WatchSourceRow, source_id)
            assert row is not None
            for name, value in state.items():
                setattr(row, name, value)

    @staticmethod
    def _unseen_in(s: Any, source_id: int, keys: list[str]) -> list[str]:
        keys = list(dict.fromkeys(k[:1000] for k in keys))
        seen: set[str] = set()
        for i in range(0, len(keys), 500):
            seen.update(s.scalars(select(WatchItemRow.item).where(WatchItemRow.source_id == source_id,
                                                                 WatchItemRow.item.in_(keys[i:i + 500]))))
        return [k for k in keys if k not in seen]

    def _schedule(self, source: str, *, error: str | None) -> float:
        """Set the next poll time (back-off after an error); returns the delay in seconds."""
        with self.store.session() as s:
            row = s.get(WatchSourceRow, self._ids[source])
            assert row is not None
            row.last_polled_at = utcnow()
            if error is None:
                row.failures, row.last_error = 0, None
                delay = self.options.interval
            else:
                row.failures += 1
                row.last_error = error[:2000]
                delay = min(self.options.interval * 2 ** row.failures, self.options.max_backoff)
            row.next_poll_at = utcnow() + dt.timedelta(seconds=delay)
            return delay

    # -- reading each kind of source -------------------------------------------------------------------
    def _find(self, source: str, row: dict[str, Any]) -> Found:
        kind = source_kind(source) if (source.startswith("http") or Path(source).exists()) else None
        if kind is None:
            raise SourceError(f"{source}: no such file or folder (yet)")
        if kind == "folder":
            return self._find_folder(source)
        if kind == "jsonl":
            return self._find_jsonl(source, row)
        if kind == "url":
            return self._find_url(source, row)
        if kind == "feed":
            return self._find_feed_file(source, row)
        return self._find_file(source, row)

    def _find_folder(self, source: str) -> Found:
        from dateline.runner import read_inputs

        root = Path(source)
        now = time.time()
        files = []
        for child in sorted(root.rglob("*")):
            rel = child.relative_to(root)
            if not child.is_file() or any(part.startswith(".") for part in rel.parts):
                continue
            try:
                stat = child.stat()
            except OSError:
                continue
            if now - stat.st_mtime < self.options.settle:
                continue  # may still be being written: a later pass takes it
            files.append((rel.as_posix(), child, _mtime(stat)))
        seen = self._seen_versions(self._ids[source], [key for key, _, _ in files])
        found = Found()
        for key, path, mtime in files:
            before = seen.get(key[:1000])
            if before is not None and before[0] == mtime:
                continue  # not written since it was read: no need to read its bytes
            try:
                digest = _file_digest(path)
            except OSError:
                continue  # removed or unreadable meanwhile: a later pass sees it again
            change = None if before is None else _file_changed(before, mtime, digest)
            if change is False:
                continue
            found.versions[key] = (mtime, digest)
            if change is None and before is not None:
                continue  # touched, or seen before its version was recorded and not written since
            items = [(key, item) for item in read_inputs([str(path)], self.settings)]
            found.items += items
            if before is not None:
                found.updated += len(items)
                log.info("%s: updated: %s", source, key)
            if len({k for k, _ in found.items}) >= ITEM_CHUNK:
                found.more = True
                break
        return found

    def _read_before(self, source: str, path: Path, offset: int, stamp: str, row: dict[str, Any]) -> Any | None:
        """SHA-256 (a running hash) of the file's first `offset` bytes, or None when they are no longer the bytes
        read before: the file was cut shorter, or regenerated rather than appended to.

        Only reading them tells an append from a rewrite, so a file that changed since the last pass has them read
        again; within a pass (a long file read in chunks) and while the file is unchanged, the hash goes on from
        where the last chunk left it. A source read before these hashes were kept has nothing to compare with."""
        cached = self._read_hashes.get(source)
        if cached is not None and cached[:2] == (offset, stamp) and row["last_modified"] == stamp:
            return cached[2].copy()
        digest = hashlib.sha256()
        left = offset
        with path.open("rb") as fh:
            while left > 0 and (block := fh.read(min(left, 2**20))):
                digest.update(block)
                left -= len(block)
        if left > 0 or (row["etag"] and digest.hexdigest() != row["etag"]):
            return None
        return digest

    def _find_jsonl(self, source: str, row: dict[str, Any]) -> Found:
        from dateline.ingest.corpora import _record_article

        path = Path(source)
        stat = path.stat()
        size, stamp = stat.st_size, f"{stat.st_size}:{stat.st_mtime_ns}"
        offset = int(row["offset"] or 0)
        lines_before = int(row["items"] or 0)
        if row["last_modified"] == stamp and offset >= size:
            return Found()  # not written since it was read to its end
        read_before = self._read_before(source, path, offset, stamp, row)
        rewritten = read_before is None
        hashed = hashlib.sha256() if read_before is None else read_before
        if size < offset:  # truncated or replaced: start again (stored articles are skipped by content hash)
            log.warning("%s: file is shorter than the %d bytes read before; reading it again", source, offset)
        elif rewritten:
            log.info("%s: updated: its first %d bytes were rewritten; reading it again (articles already stored "
                     "are skipped)", source, offset)
        again = 0  # lines read before a rewrite: those read again count as updated
        if rewritten:
            again, offset, lines_before = lines_before, 0, 0
        chunk = max(READ_CHUNK, self.settings.max_input_bytes + 2)

        def state(read: Any, consumed: int, lines: int) -> dict[str, Any]:
            """Where the next pass goes on: `consumed` bytes after `offset`, `read` the hash of all up to there."""
            self._read_hashes[source] = (offset + consumed, stamp, read.copy())
            return {"offset": offset + consumed, "items": lines, "etag": read.hexdigest(), "last_modified": stamp}

        with path.open("rb") as fh:
            fh.seek(offset)
            data = fh.read(chunk)
            end = data.rfind(b"\n")
            if end < 0 and len(data) >= chunk:  # one line over the size limit: skip to its end, record it
                with_line = hashed.copy()  # hashed block by block: the line may not fit in memory
                with_line.update(data)
                skipped = len(data)
                while (block := fh.read(2**20)) and b"\n" not in block:
                    with_line.update(block)
                    skipped += len(block)
                if not block:
                    return Found(state=state(hashed, 0, lines_before))  # still being written
                with_line.update(block[:block.index(b"\n") + 1])
                skipped += block.index(b"\n") + 1
                where = f"{source}:{lines_before + 1}"
                return Found(items=[(None, InputError(where, f"line is {skipped} bytes, over the per-article "
                                                             "size limit"))],
                             state=state(with_line, skipped, lines_before + 1), more=True)
        if end < 0:
            return Found(state=state(hashed, 0, lines_before))  # only a partial line so far
        found = Found(more=offset + end + 1 < size)
        lineno = lines_before
        for line in data[:end + 1].splitlines():
            lineno += 1
            if not line.strip():
                continue
            where = f"{source}:{lineno}"
            if lineno <= again:
                found.updated += 1
            if len(line) > self.settings.max_input_bytes:
                found.items.append((None, InputError(where, "line is over the per-article size limit")))
                continue
            try:
                article: Article | InputError = _record_article(json.loads(line), where, self.settings)
            except UnicodeDecodeError:
                article = InputError(where, "line is not UTF-8 encoded JSON")
            except json.JSONDecodeError as err:  # the reasons `dateline run` gives for the same line
                article = InputError(where, f"invalid JSON ({json_fault(err)})")
            except InputError as err:
                article = err
            found.items.append((None, article))
        hashed.update(data[:end + 1])
        found.state = state(hashed, end + 1, lineno)
        return found

    def _entries(self, source: str, parsed: Any, fetched_from: str | None = None) -> Found:
        from dateline.ingest.feeds import entry_article, entry_digest, entry_updated, feed_address

        if not parsed.entries:
            if parsed.get("bozo"):
                raise SourceError(f"{source}: not a readable feed: {parsed.get('bozo_exception')}")
            return Found()
        feed_title = (parsed.feed.get("title") or "").strip() or None
        address = feed_address(parsed, fetched_from)
        keyed = []
        for index, entry in enumerate(parsed.entries, start=1):
            key = entry.get("id") or entry.get("link") or hashlib.sha256(
                f"{entry.get('title')}|{entry.get('summary')}".encode()).hexdigest()
            keyed.append((str(key), entry, index))
        seen = self._seen_versions(self._ids[source], [k for k, _, _ in keyed])
        found = Found()
        for key, entry, index in keyed:
            updated, digest = entry_updated(entry), entry_digest(entry)
            before = seen.get(key[:1000])
            change = None if before is None else _entry_changed(before, updated, digest)
            if change is False:
                continue
            found.versions[key] = (updated, digest)
            if change is None and before is not None:
                continue  # nothing new to code: only its version is recorded
            try:
                item: Article | InputError = entry_article(entry, feed_title, f"{source}#{key or index}",
                                                           settings=self.settings, address=address,
                                                           update=before is not None)
            except InputError as err:
                item = err
            found.items.append((key, item))
            if before is not None:
                found.updated += 1
                log.info("%s: updated: %s", source, (entry.get("title") or "").strip() or key)
        return found

    def _find_feed_file(self, source: str, row: dict[str, Any]) -> Found:
        import feedparser

        stat = Path(source).stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
        if row["etag"] == stamp:
            return Found()
        if stat.st_size > 20 * self.settings.max_input_bytes:
            raise SourceError(f"{source}: feed too large ({stat.st_size} bytes)")
        found = self._entries(source, feedparser.parse(Path(source).read_bytes()))
        found.state = {"etag": stamp}
        return found

    def _find_url(self, source: str, row: dict[str, Any]) -> Found:
        import feedparser
        import httpx

        headers = {"User-Agent": "dateline-watch (+https://github.com/dateline)"}
        if row["etag"]:
            headers["If-None-Match"] = row["etag"]
        if row["last_modified"]:
            headers["If-Modified-Since"] = row["last_modified"]
        try:
            resp = httpx.get(source, headers=headers, timeout=self.options.http_timeout, follow_redirects=True)
        except httpx.HTTPError as err:
            raise SourceError(f"{source}: {type(err).__name__}: {err}") from None
        if resp.status_code == 304:
            log.info("%s: not modified", source)
            return Found()
        if resp.status_code >= 400:
            raise SourceError(f"{source}: HTTP {resp.status_code}")
        if len(resp.content) > 20 * self.settings.max_input_bytes:
            raise SourceError(f"{source}: feed too large ({len(resp.content)} bytes)")
        found = self._entries(source, feedparser.parse(resp.content), str(resp.url))
        found.state = {"etag": resp.headers.get("ETag"), "last_modified": resp.headers.get("Last-Modified")}
        return found

    def _find_file(self, source: str, row: dict[str, Any]) -> Found:
        """Any other file (text, HTML, WARC): read again whenever its bytes change. `last_modified` keeps its size
        and mtime, `etag` the SHA-256 of its bytes (an earlier release kept the size and mtime there)."""
        from dateline.runner import read_inputs

        stat = Path(source).stat()
        stamp = f"{stat.st_size}:{stat.st_mtime_ns}"
        if stamp in (row["last_modified"], row["etag"]) or time.time() - stat.st_mtime < self.options.settle:
            return Found()
        digest = _file_digest(Path(source))
        state = {"etag": digest, "last_modified": stamp}
        if digest == row["etag"]:
            return Found(state=state)  # touched: nothing new to read
        found = Found(items=[(None, item) for item in read_inputs([source], self.settings)], state=state)
        if row["etag"] is not None:
            found.updated = len(found.items)
            log.info("%s: updated: rewritten since it was read", source)
        return found

    # -- one pass --------------------------------------------------------------------------------------
    def poll_source(self, source: str, stats: PassStats) -> None:
        """Poll one source until it has nothing more right now; errors propagate (back-off by the caller)."""
        from dateline.runner import run_corpus

        while True:
            row = self._row(source)
            found = self._find(source, row)
            keys = [k for k, _ in found.items if k is not None]
            if found.items:
                run = run_corpus([source], self.store, self.settings, pipeline=self.pipeline,
                                 batch_size=self.options.batch_size, timeout=self.options.timeout,
                                 items=iter([item for _, item in found.items]))
                stats.new_items += len(found.items)
                stats.updated += found.updated
                stats.stored += run.articles
                stats.skipped += run.skipped
                stats.failures += run.failures
                # a step with failures is a problem `--quiet` still logs: its closing line points the user here
                log.log(logging.WARNING if run.failures else logging.INFO,
                        "%s: %d new items: %d articles stored, %d already stored, %d failures (run %s)",
                        source, len(found.items), run.articles, run.skipped, run.failures, run.run_id)
                found.state["items"] = found.state.get("items", int(row["items"] or 0) + len(found.items))
            if found.items or found.state or found.versions:
                self._mark(source, keys, found.state, found.versions)
            if not found.more:
                return

    def poll(self, *, due_only: bool = False) -> PassStats:
        """One pass over the sources (only those due when `due_only`), then merge and alerts."""
        stats = PassStats()
        now = utcnow()
        for source in self.sources:
            row = self._row(source)
            if due_only and row["next_poll_at"] is not None and row["next_poll_at"] > now:
                continue
            stats.sources += 1
            try:
                self.poll_source(source, stats)
            except Exception as err:  # noqa: BLE001 - one source's trouble must not stop the others
                stats.errors += 1
                message = str(err) if isinstance(err, DatelineError) else f"{type(err).__name__}: {err}"
                delay = self._schedule(source, error=message)
                if not message.startswith(f"{source}:"):  # most errors name their source already
                    message = f"{source}: {message}"
                log.warning("%s; next try in %.0f s", message, delay)
            else:
                self._schedule(source, error=None)
        if self.options.merge and stats.stored:
            from dateline.merge import merge_events

            stats.merge = merge_events(self.store, review_threshold())
            log.info("%s", stats.merge.summary().replace("\n", "; "))
            if self.after_merge is not None:
                stats.alerts = self.after_merge(stats.merge)
        return stats

    def next_due(self) -> float:
        """Seconds until the next source is due."""
        with self.store.session() as s:
            times = [t for t in s.scalars(select(WatchSourceRow.next_poll_at)
                                          .where(WatchSourceRow.id.in_(list(self._ids.values())))) if t]
        if not times:
            return 0.0
        return max(0.0, (min(times) - utcnow()).total_seconds())

    def run(self, *, once: bool = False, stop: threading.Event | None = None) -> Iterator[PassStats]:
        """Poll until `stop` is set (or once); yields each pass's stats."""
        stop = stop or threading.Event()
        first = True
        outages = 0
        while not stop.is_set():
            try:
                stats = self.poll(due_only=not first)
            except DatabaseUnavailableError as err:
                # A shared server restarts (an upgrade, a failover) while a watch runs for weeks: wait for it
                # as for a failing source; what a pass stored was committed, and the next pass goes on from there.
                if once:
                    raise
                outages += 1
                delay = min(self.options.interval * 2 ** outages, self.options.max_backoff)
                log.warning("%s; next try in %.0f s", err, delay)
                stop.wait(delay)
                continue
            outages = 0
            first = False
            if stats.sources:
                # a pass that found nothing and met no error says nothing new: only the verbose log hears it
                quiet = not (stats.new_items or stats.errors or stats.alerts)
                log.log(logging.DEBUG if quiet else logging.INFO, "%s", stats.summary())
            yield stats
            if once:
                return
            try:
                due = self.next_due()
            except DatabaseUnavailableError:
                due = self.options.interval  # the next pass meets the outage and waits for it
            stop.wait(min(due, self.options.interval) or 0.05)
