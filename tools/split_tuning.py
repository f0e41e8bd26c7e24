"""Freeze a development and a test half of each tuning set in ../shared/eval (ACLED notes, CASE 2021, GLOCON).

The tuning sets were read while dateline's rules were written, so neither half is blind to the rules; what this
split protects is every decision taken from now on. Error analysis, feature work and thresholds use the dev
half only; benchmarks report both halves, and a gap between them is a sign of fitting. GLOCON articles that are
in dateline's own gold (gold/splits.json) keep that half, so a blind own-gold article is never a dev tuning row.

    python tools/split_tuning.py        # once: writes gold/tuning_split.json (never re-run to reshuffle)
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
TUNING_SPLIT = ROOT / "gold" / "tuning_split.json"
SALT = "dateline-tuning-2026-12"
SETS = ("acled_notes_tune", "case2021_task2_tune", "glocon_docs_tune")


def _hash(row_id: str) -> str:
    return hashlib.sha256(f"{SALT}:{row_id}".encode()).hexdigest()


def _ids(name: str) -> list[str]:
    with (EVAL / f"{name}.jsonl").open(encoding="utf-8") as fh:
        return [str(json.loads(line)["id"]) for line in fh if line.strip()]


def make_split() -> dict[str, dict[str, list[str]]]:
    own = json.loads((ROOT / "gold" / "splits.json").read_text(encoding="utf-8"))["glocon"]
    split: dict[str, dict[str, list[str]]] = {}
    for name in SETS:
        fixed = {i: half for half, ids in own.items() for i in ids} if name == "glocon_docs_tune" else {}
        halves: dict[str, list[str]] = {"dev": [], "test": []}
        for i in fixed:
            halves["dev" if fixed[i] == "dev" else "test"].append(i)
        rest = sorted((i for i in _ids(name) if i not in fixed), key=_hash)
        halves["dev"] += rest[0::2]
        halves["test"] += rest[1::2]
        split[name] = {h: sorted(ids) for h, ids in halves.items()}
    return split


def main() -> int:
    if TUNING_SPLIT.exists():
        raise SystemExit(f"{TUNING_SPLIT} exists and is frozen: its test half must never be reshuffled")
    split = make_split()
    TUNING_SPLIT.write_text(json.dumps(split, indent=1) + "\n", encoding="utf-8")
    for name, halves in split.items():
        print(f"{name}: dev {len(halves['dev'])}, test {len(halves['test'])}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
