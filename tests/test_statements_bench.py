"""The statements benchmark's own helpers, on text written for these tests."""

from __future__ import annotations

from benchmarks.statements_bench import _sentence_at


def test_a_miss_is_shown_with_its_whole_sentence() -> None:
    text = "Talks stalled. The envoy said “we are done.” The mayor thanked the crowd.\nNext line"
    assert _sentence_at(text, text.index("envoy")) == "The envoy said “we are done.”"
    assert _sentence_at(text, text.index("mayor")) == "The mayor thanked the crowd."
    assert _sentence_at(text, 0) == "Talks stalled."
