"""Bounded numeric request parameters, shared by the JSON API and the dashboard.

Every number a client sends is checked against what the databases can hold before any query runs: ids are
PostgreSQL `integer` columns (at most 2^31 - 1), and SQLite refuses integers of 2^63 and more with an error
that used to surface as a plain-text 500. Out of range is a 422 naming the parameter, like any bad input.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import Path, Query

#: The largest id or offset any backend stores (PostgreSQL `integer`).
MAX_INT = 2**31 - 1

EventId = Annotated[int, Path(ge=1, le=MAX_INT, description="Database id of the event.")]
ArticleId = Annotated[int, Path(ge=1, le=MAX_INT, description="Database id of the article.")]
Offset = Annotated[int, Query(ge=0, le=MAX_INT, description="Events to skip.")]
