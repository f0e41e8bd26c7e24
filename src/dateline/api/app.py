"""The dateline web application: the JSON API (`routes_api`) and the dashboard (`routes_web`) on one store.

`create_app(store)` builds a FastAPI app; `dateline serve --db URL` runs it with uvicorn. The pipeline (spaCy
model and resources) loads on the first `POST /extract` or `POST /articles`, so a read-only dashboard starts
in about a second.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import Field
from pydantic_settings import SettingsConfigDict
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from dateline.pipeline import Pipeline
from dateline.settings import EnvSettings, Settings
from dateline.store import Store, StoreError
from dateline.version import PIPELINE_VERSION

try:
    from importlib.resources import files
except ImportError:  # pragma: no cover
    from importlib_resources import files  # type: ignore[no-redef]


class ApiSettings(EnvSettings):
    """Server options; each also reads `DATELINE_API_<NAME>` from the environment."""

    model_config = SettingsConfigDict(env_prefix="DATELINE_API_", extra="ignore")

    read_requires_token: bool = False  # True: every read (JSON and dashboard) needs a token too
    max_body_bytes: int = Field(default=2 * 1024 * 1024, ge=1)  # a request body above this gets 413
    max_page_size: int = Field(default=500, ge=1)  # GET /events ?limit ceiling
    map_point_limit: int = Field(default=20_000, ge=1)  # most markers the map loads at once
    # Host names the server answers to (comma-separated); any other Host header gets 400, which stops a
    # DNS-rebinding page from reading or writing through a reader's browser. `dateline serve` adds the host
    # it binds to. "*" turns the check off.
    allowed_hosts: str = "localhost,127.0.0.1,::1"

    def host_list(self) -> list[str]:
        hosts = [h.strip() for h in self.allowed_hosts.split(",") if h.strip()]
        # Starlette compares the Host header without its port; an IPv6 literal arrives in brackets.
        return hosts + [f"[{h}]" for h in hosts if ":" in h and not h.startswith("[")]


@dataclass
class AppContext:
    """What every request handler needs: the store, settings, and the lazily built pipeline."""

    store: Store
    settings: Settings
    api: ApiSettings
    pipeline_obj: Pipeline | None = None
    # spaCy's Language is shared; one extraction at a time keeps its components' state consistent.
    lock: threading.Lock = field(default_factory=threading.Lock)

    def pipeline(self) -> Pipeline:
        with self.lock:
            if self.pipeline_obj is None:
                self.pipeline_obj = Pipeline(self.settings)
            return self.pipeline_obj


class BodyLimit:
    """Refuse request bodies over `max_bytes` with 413, whether or not the client sent Content-Length."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = -1
                if declared > self.max_bytes or declared < 0:
                    await self._refuse(send)
                    return
        seen = 0

        async def limited() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    # FastAPI re-raises HTTPException from body reading, so this becomes a 413 response.
                    raise StarletteHTTPException(413, self._message())
            return message

        await self.app(scope, limited, send)

    def _message(self) -> str:
        return f"request body over the limit of {self.max_bytes} bytes (DATELINE_API_MAX_BODY_BYTES)"

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse({"detail": self._message()}, status_code=413)
        await response({"type": "http"}, _no_receive, send)


# Everything the dashboard loads is vendored and served from /static, so scripts, fonts and data can be
# limited to this origin. Style attributes stay allowed: the templates colour type swatches inline.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
       "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
       "frame-ancestors 'none'")
SECURITY_HEADERS = {
    b"content-security-policy": CSP.encode(),
    b"x-frame-options": b"DENY",
    b"x-content-type-options": b"nosniff",
    b"referrer-policy": b"same-origin",
}


class SecurityHeaders:
    """Adds the CSP, anti-framing and no-sniff headers to every response that does not set its own."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {name.lower() for name, _ in headers}
                headers += [(k, v) for k, v in SECURITY_HEADERS.items() if k not in present]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def _docs_csp(html: str) -> str:
    """The CSP of the Swagger page: its one inline boot script is allowed by hash, nothing else inline."""
    import base64
    import hashlib
    import re

    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(body.encode()).digest()).decode() + "'"
        for body in re.findall(r"<script>(.*?)</script>", html, flags=re.DOTALL)
    ]
    return CSP.replace("script-src 'self'", "script-src 'self' " + " ".join(hashes))


class AllowedHosts:
    """Answer only to the configured Host names (DNS rebinding); any other Host gets a 400 in the API's JSON
    naming the host and the setting that admits it (Starlette's own check says only "Invalid host header",
    which leaves a user reaching the server by another name, or through a proxy, with nothing to change)."""

    def __init__(self, app: ASGIApp, hosts: list[str]) -> None:
        self.app = app
        self.hosts = [h.lower() for h in hosts]

    def admits(self, name: str) -> bool:
        return any(name == h or (h.startswith("*.") and name.endswith(h[1:])) for h in self.hosts)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        header = Headers(scope=scope).get("host", "")
        # The port is not part of the name; an IPv6 literal keeps its brackets, as host_list() lists it.
        name = header[: header.find("]") + 1] if header.startswith("[") else header.split(":")[0]
        if self.admits(name.lower()):
            await self.app(scope, receive, send)
            return
        names = ", ".join(h for h in self.hosts if not h.startswith("["))  # not ::1 twice, bare and bracketed
        detail = (f"Host {header!r} is not a name this server answers to; use one of {names}, "
                  "or add it to DATELINE_API_ALLOWED_HOSTS (comma-separated) and restart the server")
        await JSONResponse({"detail": detail}, status_code=400)(scope, receive, send)


async def _no_receive() -> Message:  # pragma: no cover - a refused request's body is never read
    return {"type": "http.disconnect"}


def _validation_message(err: RequestValidationError) -> str:
    """One line naming the first bad input, e.g. `query.date_from: Input should be a valid date`."""
    errors = err.errors()
    if not errors:
        return "invalid request"
    first = errors[0]
    where = ".".join(str(p) for p in first.get("loc", ()))
    msg = str(first.get("msg", "invalid"))
    more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
    return f"{where}: {msg}{more}" if where else msg + more


def _jsonable_errors(errors: Any) -> list[dict[str, Any]]:
    out = []
    for e in errors:
        out.append(
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")), "type": str(e.get("type", ""))}
        )
    return out


def _is_dashboard_page(request: Request) -> bool:
    """Under /ui and not one of the dashboard's JSON feeds (e.g. /ui/points.json), which scripts read."""
    path = request.url.path
    return (path == "/ui" or path.startswith("/ui/")) and not path.endswith(".json")


def not_found_page(request: Request, detail: str) -> HTMLResponse:
    """The dashboard's 404 page: what was not found, and a link back to the map (status 404)."""
    from dateline.api.routes_web import templates

    # Starlette's generic text for an unmatched route says nothing a reader can act on.
    message = "" if detail == "Not Found" else detail
    return templates.TemplateResponse(
        request,
        "not_found.html",
        {"page": "not-found", "path": request.url.path, "message": message},
        status_code=404,
    )


def token_needed_page(request: Request, detail: str) -> HTMLResponse:
    """The dashboard's page on a server where reading needs a token (status 401): it holds the token box that
    sets the cookie the dashboard's pages are read with, which a JSON answer could not offer."""
    from dateline.api.routes_web import templates

    return templates.TemplateResponse(
        request, "token_needed.html", {"page": "token-needed", "path": request.url.path, "message": detail},
        status_code=401,
    )


def store_error_page(request: Request, detail: str) -> HTMLResponse:
    """The dashboard's page for a database it cannot read (damaged, truncated, a server gone): status 503."""
    from dateline.api.routes_web import templates

    return templates.TemplateResponse(
        request, "store_error.html", {"page": "store-error", "path": request.url.path, "message": detail},
        status_code=503,
    )


def invalid_page(request: Request, err: RequestValidationError) -> HTMLResponse:
    """A dashboard page whose address holds a bad value: an id that is no number is a page that does not
    exist (404); a bad query value (`offset=-5`) is named on a page with a way back (422), not in JSON."""
    from dateline.api.routes_web import templates

    first = (err.errors() or [{}])[0]
    loc = [str(p) for p in first.get("loc", ())]
    message = f"{'.'.join(loc[1:]) or 'value'}: {first.get('msg', 'invalid')}"
    if loc[:1] == ["path"]:
        return not_found_page(request, message)
    return templates.TemplateResponse(
        request,
        "bad_request.html",
        {"page": "bad-request", "path": request.url.path, "message": message},
        status_code=422,
    )


def create_app(
    store: Store | str | None = None,
    *,
    settings: Settings | None = None,
    api_settings: ApiSettings | None = None,
    pipeline: Pipeline | None = None,
) -> FastAPI:
    """The app for one database: a `Store`, a database URL, or None for the default database."""
    from dateline.api import routes_api, routes_web

    settings = settings or (pipeline.settings if pipeline else Settings())
    api = api_settings or ApiSettings()
    if not isinstance(store, Store):
        store = Store(store, settings=settings)
    app = FastAPI(
        # /docs is served below from vendored Swagger UI files (FastAPI's default loads them from a CDN).
        docs_url=None,
        redoc_url=None,
        title="dateline",
        version=PIPELINE_VERSION,
        description=(
            "News reports to ACLED-coded, geocoded, source-attributed events. Reads are open unless "
            "DATELINE_API_READ_REQUIRES_TOKEN=1; every write needs `Authorization: Bearer <token>` "
            "(`dateline token create --name NAME`). The dashboard is at /ui/."
        ),
    )
    app.state.ctx = AppContext(store=store, settings=settings, api=api, pipeline_obj=pipeline)
    app.add_middleware(BodyLimit, max_bytes=api.max_body_bytes)
    if "*" not in api.host_list():
        app.add_middleware(AllowedHosts, hosts=api.host_list())
    app.add_middleware(SecurityHeaders)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, err: RequestValidationError) -> Response:
        if _is_dashboard_page(request):
            return invalid_page(request, err)
        return JSONResponse(
            {"detail": _validation_message(err), "errors": _jsonable_errors(err.errors())}, status_code=422
        )

    @app.exception_handler(StoreError)
    async def _store_error(request: Request, err: StoreError) -> Response:
        # A damaged database or a lost server: one line saying so, not a traceback and a reset connection; a
        # person reading the dashboard gets it on a page of the dashboard, scripts keep the JSON.
        if _is_dashboard_page(request):
            return store_error_page(request, str(err))
        return JSONResponse({"detail": str(err)}, status_code=503)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, err: StarletteHTTPException) -> Response:
        # A person who mistypes a dashboard address gets a page with the dashboard's look and a way back;
        # everything else (the JSON API, the dashboard's own JSON feeds) keeps FastAPI's JSON errors.
        if err.status_code == 404 and _is_dashboard_page(request):
            return not_found_page(request, str(err.detail))
        if err.status_code == 401 and _is_dashboard_page(request):
            return token_needed_page(request, str(err.detail))
        return await http_exception_handler(request, err)

    static_dir = files("dateline.api") / "static"
    app.mount("/static", StaticFiles(directory=str(static_dir)), name="static")
    app.include_router(routes_api.router)
    app.include_router(routes_web.router)

    @app.get("/docs", include_in_schema=False)
    def _docs() -> HTMLResponse:
        page = get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="dateline API",
            swagger_js_url="/static/vendor/swagger-ui/swagger-ui-bundle.js",
            swagger_css_url="/static/vendor/swagger-ui/swagger-ui.css",
            swagger_favicon_url="/static/vendor/swagger-ui/favicon-32x32.png",
        )
        page.headers["Content-Security-Policy"] = _docs_csp(bytes(page.body).decode())
        return page

    @app.get("/", include_in_schema=False)
    def _root() -> RedirectResponse:
        return RedirectResponse("/ui/", status_code=307)

    return app


def context(request: Request) -> AppContext:
    ctx: AppContext = request.app.state.ctx
    return ctx


def _served_hosts(api: ApiSettings, host: str) -> list[str]:
    """The allowed Host names when serving on `host`: the configured ones plus the bound address (and, on a
    wildcard address, this machine's own names, the ones a colleague on the network would type)."""
    import socket

    hosts = [h.strip() for h in api.allowed_hosts.split(",") if h.strip()]
    if host in {"0.0.0.0", "::", ""}:
        extra = [socket.gethostname(), socket.getfqdn()]
    else:
        extra = [host]
    return list(dict.fromkeys(hosts + extra))


def _check_listen(host: str, port: int) -> None:
    """DatelineError when the server could not listen on host:port. Uvicorn says so only after starting the
    app, in a log line among its start-up lines, and exits 3; the user needs one line and what to do."""
    import errno
    import socket

    from dateline.errors import DatelineError

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as err:
        raise DatelineError(f"--host {host!r}: {err.strerror}; give an address of this machine, such as "
                            "127.0.0.1 or 0.0.0.0") from None
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: a closed port's TIME_WAIT is free
        try:
            probe.bind(address)
        except OSError as err:
            advice = ("another server is using it: stop that one, or choose another --port"
                      if err.errno == errno.EADDRINUSE else "choose another --host or --port")
            raise DatelineError(f"cannot listen on {host}:{port}: {err.strerror.lower()}; {advice}") from None


def serve(
    db: str | None = None,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    workers: int = 1,
    log_level: str = "info",
) -> None:
    """Run the API and dashboard with uvicorn until interrupted (what `dateline serve` calls).

    With `workers` > 1 uvicorn starts that many processes, each building its app from DATELINE_DB_URL (set
    here to the resolved `db`); the database is opened first so a bad URL fails before any process starts.
    """
    import os

    import uvicorn

    from dateline.store import resolve_url

    api = ApiSettings()
    api.allowed_hosts = ",".join(_served_hosts(api, host))
    if workers <= 1:
        served = create_app(db, api_settings=api)
        _check_listen(host, port)
        uvicorn.run(served, host=host, port=port, log_level=log_level)
        return
    url = resolve_url(db)
    Store(url).close()
    _check_listen(host, port)
    os.environ["DATELINE_DB_URL"] = url
    os.environ["DATELINE_API_ALLOWED_HOSTS"] = api.allowed_hosts
    uvicorn.run(
        "dateline.api.app:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=log_level,
    )
