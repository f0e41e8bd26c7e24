"""dateline's HTTP API and dashboard (FastAPI): `create_app(store)`; `dateline serve` runs it.

JSON endpoints: POST /extract, POST /articles, GET /events, GET /events/{id}, GET /events/{id}/history,
PATCH /events/{id}, GET /articles/{id}, GET /export; the dashboard lives under /ui/. See docs/api.md.
"""

from dateline.api.app import ApiSettings, create_app

__all__ = ["ApiSettings", "create_app"]
