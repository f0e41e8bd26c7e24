"""Scoring dateline against gold files (`dateline evaluate`); docs/evaluation.md explains every rule.

Gold is `dateline-gold/1` JSON (articles with their events, not-events, quotes, statements, attributions and
places) or ACLED rows (CSV, XLSX, JSONL) whose notes are the text. `run_evaluation` returns `Scores`:
`scores.table()` for people, `scores.to_json()` to track accuracy over time.
"""

from dateline.evaluate.gold import GoldDoc, GoldError, load_gold
from dateline.evaluate.run import read_predictions, run_evaluation, score_document
from dateline.evaluate.scores import PRF, Accuracy, Scores

__all__ = ["PRF", "Accuracy", "GoldDoc", "GoldError", "Scores", "load_gold", "read_predictions",
           "run_evaluation", "score_document"]
