"""Reading gold files: `dateline-gold/1` JSON (one article, a list, or JSONL), and ACLED rows (CSV, XLSX or
JSONL) whose notes are the text and whose columns are the one event the text describes."""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from dateline.errors import DatelineError

GOLD_FORMAT = "dateline-gold/1"
ACLED_FIELDS = ("event_type", "sub_event_type", "event_date", "time_precision", "country", "admin1", "location",
                "latitude", "longitude", "geo_precision", "fatalities", "actor1", "actor2")
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
        docs.extend(read_gold_file(Path(path)))
    seen: set[str] = set()
    for doc in docs:
        if doc.id in seen:
            raise GoldError(doc.source, f"duplicate gold id {doc.id!r}: ids must be unique across gold files")
        seen.add(doc.id)
    return docs


def read_gold_file(path: Path) -> list[GoldDoc]:
    if not path.exists():
        raise GoldError(path, "no such gold file")
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return [_acled_doc(row, i, path) for i, row in enumerate(_csv_rows(path), 1)]
    if suffix in {".xlsx", ".xlsm"}:
        return [_acled_doc(row, i, path) for i, row in enumerate(_xlsx_rows(path), 1)]
    if suffix in {".jsonl", ".ndjson"}:
        return [_doc_from_record(rec, i, path) for i, rec in enumerate(_jsonl(path), 1)]
    if suffix == ".json":
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as err:
            raise GoldError(path, f"not valid JSON ({err.msg} at line {err.lineno})") from None
        records = data if isinstance(data, list) else data.get("documents", [data]) if isinstance(data, dict) else []
        return [_doc_from_record(rec, i, path) for i, rec in enumerate(records, 1)]
    raise GoldError(path, "unknown gold file type: use .json/.jsonl (dateline-gold or ACLED rows), .csv or .xlsx")


def _jsonl(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8") as handle:
        for lineno, line in enumerate(handle, 1):
            if not line.strip():
                continue
            try:
                yield json.loads(line)
            except json.JSONDecodeError as err:
                raise GoldError(path, f"line {lineno} is not valid JSON ({err.msg})") from None


def _doc_from_record(rec: Any, index: int, path: Path) -> GoldDoc:
    if not isinstance(rec, dict):
        raise GoldError(path, f"record {index} is not a JSON object")
    if rec.get("format") == GOLD_FORMAT:
        return _article_doc(rec, index, path)
    if "text" in rec or "notes" in rec:
        return _acled_doc(rec, index, path)
    raise GoldError(path, f'record {index}: neither "format": "{GOLD_FORMAT}" nor an ACLED row with text/notes')


def _article_doc(rec: dict[str, Any], index: int, path: Path) -> GoldDoc:
    doc_id = str(rec.get("id") or f"{path.stem}-{index}")
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
            # An empty actor2 means "no second actor" in ACLED and is scored as such; other blanks are unknown.
            event[name] = "" if name == "actor2" and value in (None, "") else (None if value == "" else value)
    return GoldDoc(id=doc_id, kind="acled", source=str(path), text=clean_notes(str(text)),
                   data={"id": doc_id, "events": [event], "row": row})


def clean_notes(text: str) -> str:
    return " ".join(_CODER_TAG.sub("", text).split())


def _csv_rows(path: Path) -> Iterator[dict[str, Any]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "notes" not in [f.strip().lower() for f in reader.fieldnames]:
            raise GoldError(path, "an ACLED CSV gold needs a 'notes' column (the text) and the event columns")
        for row in reader:
            yield {(k or "").strip().lower(): v for k, v in row.items()}


def _xlsx_rows(path: Path) -> Iterator[dict[str, Any]]:
    import openpyxl

    book = openpyxl.load_workbook(path, read_only=True, data_only=True)
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
