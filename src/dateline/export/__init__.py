"""Exporters: ACLED CSV (`acled`), GeoJSON, Parquet, PLOVER JSONL and the evidence JSON, one module each."""

from __future__ import annotations

__all__ = ["acled"]
