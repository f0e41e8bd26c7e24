"""Counters and the `Scores` result: a table per item kind and field, and a JSON report.

Two kinds of row:
- detection (`PRF`): tp / fp / fn → precision, recall, F1; `n` is the number of scored gold items (tp + fn).
  A row whose precision is not measurable (the gold lists only some items of its kind) has `fp = None`.
- field accuracy (`Accuracy`): correct / n on matched items whose gold value is scored.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

# Field order in the table and JSON (ACLED column order first); other fields follow in order of first use.
FIELD_RANK = ("title", "subtitle", "publisher", "published", "dateline_place", "event_type", "sub_event_type",
              "event_date", "time_precision", "country", "admin1", "location", "coordinates", "within_25km",
              "geo_precision", "actor1", "actor2", "fatalities", "claimed_by")


def _ratio(num: float, den: float) -> float | None:
    return num / den if den else None


@dataclass
class PRF:
    tp: int = 0
    fp: int | None = 0
    fn: int = 0

    @property
    def n(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float | None:
        if self.fp is None:
            return None
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.fn += other.fn
        self.fp = None if self.fp is None or other.fp is None else self.fp + other.fp

    def to_json(self) -> dict[str, Any]:
        return {"metric": "prf", "tp": self.tp, "fp": self.fp, "fn": self.fn, "n": self.n,
                "precision": self.precision, "recall": self.recall, "f1": self.f1}


@dataclass
class Accuracy:
    correct: int = 0
    n: int = 0

    @property
    def accuracy(self) -> float | None:
        return _ratio(self.correct, self.n)

    def record(self, ok: bool) -> None:
        self.n += 1
        self.correct += int(ok)

    def to_json(self) -> dict[str, Any]:
        return {"metric": "accuracy", "correct": self.correct, "n": self.n, "accuracy": self.accuracy}


@dataclass
class Scores:
    """Scores of one evaluation run, keyed by (item kind, field); `field` is "" for the kind's detection row."""

    rows: dict[tuple[str, str], PRF | Accuracy] = field(default_factory=dict)
    documents: int = 0
    gold_files: list[str] = field(default_factory=list)
    errors: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    # -- recording ----------------------------------------------------------------------------------------
    def prf(self, kind: str, name: str = "", *, precision: bool = True) -> PRF:
        key = (kind, name)
        row = self.rows.get(key)
        if row is None:
            row = PRF(fp=0 if precision else None)
            self.rows[key] = row
        assert isinstance(row, PRF)
        return row

    def acc(self, kind: str, name: str) -> Accuracy:
        key = (kind, name)
        row = self.rows.get(key)
        if row is None:
            row = Accuracy()
            self.rows[key] = row
        assert isinstance(row, Accuracy)
        return row

    def field_result(self, kind: str, name: str, ok: bool, *, doc: str, item: str, gold: Any, pred: Any) -> None:
        """Record one field comparison; a wrong value is kept for error analysis."""
        self.acc(kind, name).record(ok)
        if not ok:
            self.errors.append({"doc": doc, "kind": kind, "item": item, "field": name, "gold": gold, "pred": pred})

    def count(self, name: str, by: int = 1) -> None:
        self.counts[name] = self.counts.get(name, 0) + by

    def merge(self, other: Scores) -> None:
        for key, row in other.rows.items():
            if isinstance(row, PRF):
                mine = self.prf(*key, precision=row.fp is not None)
                mine.add(row)
            else:
                acc = self.acc(*key)
                acc.correct += row.correct
                acc.n += row.n
        self.documents += other.documents
        self.gold_files += [g for g in other.gold_files if g not in self.gold_files]
        self.errors += other.errors
        self.warnings += other.warnings
        for name, value in other.counts.items():
            self.count(name, value)

    # -- reading ------------------------------------------------------------------------------------------
    def value(self, kind: str, name: str = "", metric: str | None = None) -> float | None:
        """One figure: for a detection row `metric` is precision/recall/f1 (default f1), else accuracy."""
        row = self.rows.get((kind, name))
        if row is None:
            return None
        if isinstance(row, PRF):
            return getattr(row, metric or "f1")  # type: ignore[no-any-return]
        return row.accuracy

    def ordered_rows(self) -> list[tuple[tuple[str, str], PRF | Accuracy]]:
        """Kinds in order of first appearance; in a kind the detection row, then fields in codebook order."""
        kinds = list(dict.fromkeys(kind for kind, _ in self.rows))
        seen = list(self.rows)

        def rank(key: tuple[str, str]) -> tuple[int, int, int]:
            kind, name = key
            field_rank = FIELD_RANK.index(name) if name in FIELD_RANK else len(FIELD_RANK)
            return (kinds.index(kind), -1 if name == "" else field_rank, seen.index(key))

        return [(key, self.rows[key]) for key in sorted(self.rows, key=rank)]

    def to_json(self) -> dict[str, Any]:
        kinds: dict[str, dict[str, Any]] = {}
        for (kind, name), row in self.ordered_rows():
            kinds.setdefault(kind, {})[name or "_detection"] = row.to_json()
        return {
            "format": "dateline-scores/1",
            "gold_files": self.gold_files,
            "documents": self.documents,
            "scores": kinds,
            "counts": self.counts,
            "warnings": self.warnings,
            "errors": self.errors,
        }

    def table(self) -> str:
        """A plain-text table: one row per item kind (P/R/F1) and per field (accuracy), with n."""
        from rich.console import Console
        from rich.table import Table

        def fmt(x: float | None) -> str:
            return "—" if x is None else f"{x:.3f}"

        table = Table(title=f"dateline evaluate: {self.documents} document(s)", show_lines=False)
        for column, justify in (("kind", "left"), ("field", "left"), ("precision", "right"), ("recall", "right"),
                                ("F1", "right"), ("accuracy", "right"), ("n", "right")):
            table.add_column(column, justify=justify)  # type: ignore[arg-type]
        for (kind, name), row in self.ordered_rows():
            if isinstance(row, PRF):
                if row.n == 0 and not row.fp:
                    continue  # nothing of this kind in gold or predictions: no row to read
                table.add_row(kind, name or "(detection)", fmt(row.precision), fmt(row.recall), fmt(row.f1), "",
                              str(row.n))
            else:
                table.add_row(kind, name, "", "", "", fmt(row.accuracy), str(row.n))
        # Record into a string buffer: the caller decides where the table goes.
        console = Console(record=True, width=120, force_terminal=False, file=io.StringIO())
        console.print(table)
        for name, value in self.counts.items():
            console.print(f"{name}: {value}")
        for warning in self.warnings[:20]:
            console.print(f"warning: {warning}")
        if len(self.warnings) > 20:
            console.print(f"… and {len(self.warnings) - 20} more warnings (see the JSON report)")
        return console.export_text()
