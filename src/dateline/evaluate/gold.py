"""Reading gold files: `dateline-gold/1` JSON (one article, a list, or JSONL), and ACLED rows (CSV, XLSX or
JSONL) whose notes are the text and whose columns are the one event the text describes."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from dateline.errors import DatelineError, json_fault
from dateline.evaluate.compare import as_date, as_float, as_int

GOLD_FORMAT = "dateline-gold/1"
ACLED_FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "country", "admin1", "location",
                "latitude", "longitude", "geo_precision", "fatalities", "actor1", "actor2")
# ACLED columns whose cells must read as a date or a number; a cell that does not would be scored as a miss.
_ACLED_TYPED = {"event_date": "a date (YYYY-MM-DD or 02 November 2019)", "latitude": "a number in -90..90",
                "longitude": "a number in -180..180", "fatalities": "a whole number", "time_precision": "1, 2 or 3",
                "geo_precision": "1, 2 or 3"}
# The keys a dateline-gold document and its items may hold: the scored fields and the notes annotators write
# for readers (id, why, note, speaker_role). A key one letter off one of them is a typo that would leave a
# field unscored without a word, so it stops the run; other keys are the annotators' own and are ignored.
_COMMON = {"id", "note", "optional", "evidence"}
_GOLD_KEYS: dict[str, set[str]] = {
    "document": {"format", "id", "text", "text_file", "note", "article", "events", "not_events", "statements",
                 "quotes", "attributions", "places"},
    "article": {"title", "subtitle", "publisher", "published", "dateline_place", "publisher_kind",
                "boilerplate_removed", "loaded_language_examples", "note"},
    "events": _COMMON | {"event_type", "sub_event_type", "event_date", "time_precision", "country", "admin1",
                         "location", "latitude", "longitude", "geo_precision", "actor1", "actor2", "fatalities",
                         "claimed_by", "must_not"},
    "not_events": _COMMON | {"why"},
    "statements": _COMMON | {"plover", "actor", "target", "date", "location", "claimed_by"},
    "quotes": _COMMON | {"starts_with", "speaker", "kind", "speaker_named", "speaker_role"},
    "attributions": _COMMON | {"claimant", "via"},
    "places": _COMMON | {"mention", "country", "admin1", "within", "latitude", "longitude", "kind"},
}
# ACLED notes carry coder tags such as "[size=no report]" or "[women targeted: candidates]": not article text.
_CODER_TAG = re.compile(r"\s*\[[^\]\n]{0,120}[=:][^\]\n]{0,120}\]")


class GoldError(DatelineError):
    """A gold file cannot be read; the message names the file and what to fix."""

    def __init__(self, source: str | Path, reason: str) -> None:
        super().__init__(f"{source}: {reason}")


@dataclass
class GoldDoc:
    """One article's gold: `kind` "article" for dateline-gold, "acled" for one ACLED row."""

    id: str
    kind: Literal["article", "acled"]
    source: str
    text: str | None = None
    text_path: Path | None = None
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def events(self) -> list[dict[str, Any]]:
        return list(self.data.get("events") or [])


def load_gold(paths: list[Path]) -> list[GoldDoc]:
    docs: list[GoldDoc] = []
    for path in paths:
        found = read_gold_file(Path(path))
        if not found:  # an empty table would read as a run that scored nothing wrong
            raise GoldError(path, "holds no gold documents (an empty file?)")
        docs.extend(found)
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise GoldError(doc.source, f"duplicate gold id {doc.id!r}: ids must be unique across gold files")
        seen.add(doc.id)
    return docs


def read_text_file(path: Path, what: str) -> str:
    """The UTF-8 text of a gold or predictions file, or one line saying why it cannot be read."""
    if not path.exists():
        raise GoldError(path, f"no such {what} file")
    if path.is_dir():
        raise GoldError(path, f"is a folder, not a {what} file")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as err:
        raise GoldError(path, f"not UTF-8 text (byte 0x{err.object[err.start]:02x} at offset {err.start}): "
                              f"is it a {what} file?") from None
    except OSError as err:
        raise GoldError(path, f"cannot be read ({err.strerror})") from None


def read_gold_file(path: Path) -> list[GoldDoc]:
    if not path.exists() or path.is_dir():
        read_text_file(path, "gold")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_acled_doc(row, i, path) for i, row in enumerate(_csv_rows(path), 1)]
    if suffix in {".xlsx", ".xlsm"}:
        return [_acled_doc(row, i, path) for i, row in enumerate(_xlsx_rows(path), 1)]
    if suffix in {".jsonl", ".ndjson"}:
        return [_doc_from_record(rec, i, path) for i, rec in enumerate(_jsonl(path), 1)]
    if suffix == ".json":
        text = read_text_file(path, "gold")
        if not text.strip():
            return []
        try:
            data = json.loads(text)
        except json.JSONDecodeError as err:
            raise GoldError(path, f"not valid JSON ({json_fault(err, line=True)})") from None
        records = data if isinstance(data, list) else data.get("documents", [data]) if isinstance(data, dict) else []
        return [_doc_from_record(rec, i, path) for i, rec in enumerate(records, 1)]
    raise GoldError(path, "unknown gold file type: use .json/.jsonl (dateline-gold or ACLED rows), .csv or .xlsx")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    for lineno, line in enumerate(read_text_file(path, "gold").splitlines(), 1):
        if not line.strip():
            continue
        try:
            yield json.loads(line)
        except json.JSONDecodeError as err:
            raise GoldError(path, f"line {lineno} is not valid JSON ({json_fault(err)})") from None


def _doc_from_record(rec: Any, index: int, path: Path) -> GoldDoc:
    if not isinstance(rec, dict):
        raise GoldError(path, f"record {index} is not a JSON object")
    if rec.get("format") == GOLD_FORMAT:
        return _article_doc(rec, index, path)
    if "text" in rec or "notes" in rec:
        return _acled_doc(rec, index, path)
    raise GoldError(path, f'record {index}: neither "format": "{GOLD_FORMAT}" nor an ACLED row with text/notes')


def _check_keys(keys: Any, part: str, where: str, path: Path) -> None:
    """Stop on a key that is a misspelling of a gold field of `part` (see `_GOLD_KEYS`)."""
    import difflib

    known = _GOLD_KEYS[part]
    for key in keys:
        if key in known:
            continue
        if close := difflib.get_close_matches(str(key), known, n=1, cutoff=0.8):
            raise GoldError(path, f"{where}: unknown key {key!r}, did you mean {close[0]!r}? (it would not be scored)")


def _check_gold_keys(rec: dict[str, Any], doc_id: str, path: Path) -> None:
    _check_keys(rec, "document", f"gold {doc_id!r}", path)
    if isinstance(rec.get("article"), dict):
        _check_keys(rec["article"], "article", f"gold {doc_id!r} article", path)
    for part in _GOLD_KEYS.keys() - {"document", "article"}:
        items = rec.get(part)
        for number, item in enumerate(items if isinstance(items, list) else [], 1):
            if isinstance(item, dict):
                _check_keys(item, part, f"gold {doc_id!r} {part} #{number}", path)


def _article_doc(rec: dict[str, Any], index: int, path: Path) -> GoldDoc:
    doc_id = str(rec.get("id") or f"{path.stem}-{index}")
    _check_gold_keys(rec, doc_id, path)
    text = rec.get("text")
    text_path: Path | None = None
    if text is None:
        if not rec.get("text_file"):
            raise GoldError(path, f"gold {doc_id!r} has neither text nor text_file")
        text_path = (path.parent / rec["text_file"]).resolve()
        if not text_path.exists():
            raise GoldError(path, f"gold {doc_id!r}: text_file {rec['text_file']!r} not found beside the gold file")
    return GoldDoc(id=doc_id, kind="article", source=str(path), text=text, text_path=text_path, data=rec)


def _acled_doc(row: dict[str, Any], index: int, path: Path) -> GoldDoc:
    text = row.get("text") if row.get("text") not in (None, "") else row.get("notes")
    if text is None or not str(text).strip():
        raise GoldError(path, f"row {index} has no notes/text: ACLED gold needs the notes column")
    doc_id = str(row.get("id") or row.get("event_id_cnty") or f"{path.stem}-row{index}")
    event: dict[str, Any] = {"id": doc_id}
    for name in ACLED_FIELDS:
        if name in row:
            value = row[name]
            _check_acled_cell(path, index, name, value)
            # An empty actor2 means "no second actor" in ACLED and is scored as such; other blanks are unknown.
            event[name] = "" if name == "actor2" and value in (None, "") else (None if value == "" else value)
    return GoldDoc(id=doc_id, kind="acled", source=str(path), text=clean_notes(str(text)),
                   data={"id": doc_id, "events": [event], "row": row})


def _check_acled_cell(path: Path, index: int, name: str, value: Any) -> None:
    if name not in _ACLED_TYPED or value in (None, "") or isinstance(value, list):
        return
    if name == "event_date":
        ok = as_date(value) is not None
    elif name in {"latitude", "longitude"}:
        number = as_float(value)
        ok = number is not None and abs(number) <= (90 if name == "latitude" else 180)
    else:
        number = as_float(value)
        ok = number is not None and number == as_int(value) and number >= 0
        ok = ok and (name == "fatalities" or number in (1, 2, 3))
    if not ok:
        raise GoldError(path, f"row {index}: {name} {value!r} is not {_ACLED_TYPED[name]}")


def clean_notes(text: str) -> str:
    return " ".join(_CODER_TAG.sub("", text).split())


def _csv_rows(path: Path) -> Iterator[dict[str, Any]]:
    with io.StringIO(read_text_file(path, "gold"), newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "notes" not in [f.strip().lower() for f in reader.fieldnames]:
            raise GoldError(path, "an ACLED CSV gold needs a 'notes' column (the text) and the event columns")
        for row in reader:
            yield {(k or "").strip().lower(): v for k, v in row.items()}


def _xlsx_rows(path: Path) -> Iterator[dict[str, Any]]:
    import zipfile

    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError) as err:
        raise GoldError(path, f"not an Excel workbook ({err}); save it again as .xlsx or .csv") from None
    try:
        rows = book.worksheets[0].iter_rows(values_only=True)
        header = [str(h).strip().lower() if h is not None else "" for h in next(rows, ())]
        if "notes" not in header:
            raise GoldError(path, "an ACLED XLSX gold needs a 'notes' column in its first sheet's header row")
        for values in rows:
            if all(v is None for v in values):
                continue
            yield {h: ("" if v is None else v) for h, v in zip(header, values, strict=False) if h}
    finally:
        book.close()
