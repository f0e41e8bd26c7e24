"""API tokens: shown once, stored only as a salted scrypt hash.

A token reads `dl_<key>_<secret>`. The key is a public lookup id (stored in clear, so a request finds its
row without hashing every token in the table); the secret is checked against the stored scrypt hash with a
constant-time comparison. Losing the database therefore never leaks a usable token.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING

from fastapi import HTTPException, Request

from dateline.errors import UsageError

if TYPE_CHECKING:
    from dateline.store import Store

PREFIX = "dl"
# scrypt cost: ~16 MiB and a few tens of ms per check, paid only on write requests.
_N, _R, _P = 2**14, 8, 1
_DKLEN = 32


class TokenFormatError(ValueError):
    """The bearer value is not a dateline token."""


@dataclass(frozen=True)
class NewToken:
    key: str
    secret: str
    hashed: str

    @property
    def token(self) -> str:
        return f"{PREFIX}_{self.key}_{self.secret}"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_secret(secret: str, salt: bytes | None = None) -> str:
    """`scrypt$N$r$p$salt$hash`: the parameters travel with the hash so they can be raised later."""
    salt = salt if salt is not None else secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=_DKLEN)
    return f"scrypt${_N}${_R}${_P}${_b64(salt)}${_b64(digest)}"


def verify_secret(secret: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = _unb64(digest)
        got = hashlib.scrypt(
            secret.encode("utf-8"), salt=_unb64(salt), n=int(n), r=int(r), p=int(p), dklen=len(expected)
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(got, expected)


def new_token() -> NewToken:
    key = secrets.token_hex(6)
    secret = secrets.token_urlsafe(24)
    return NewToken(key=key, secret=secret, hashed=hash_secret(secret))


def split_token(token: str) -> tuple[str, str]:
    """(key, secret) of a token; TokenFormatError for anything else."""
    parts = token.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != PREFIX or not parts[1] or not parts[2]:
        raise TokenFormatError("expected a token of the form dl_<key>_<secret> (see `dateline token create`)")
    return parts[1], parts[2]


def stored_form(token: NewToken) -> str:
    """What goes into `api_tokens.hash`: the public key (for lookup) and the salted scrypt hash."""
    return f"{token.key}:{token.hashed}"


def create_token(store: Store, name: str) -> str:
    """Make a token, store its hash under `name` and return the token (the only time it is seen); UsageError on
    an empty or overlong name, ValueError when a token has the name already."""
    name = name.strip()
    if not name or len(name) > 200:
        raise UsageError("token name: give 1 to 200 characters, e.g. --name alice")
    token = new_token()
    store.add_api_token(name, stored_form(token))
    return token.token


def token_owner(store: Store, bearer: str) -> str | None:
    """The name of the token `bearer`, None when it is not a valid, stored token."""
    from dateline.api.queries import token_hashes_for_key

    try:
        key, secret = split_token(bearer)
    except TokenFormatError:
        return None
    for name, stored in token_hashes_for_key(store, key):
        _, _, hashed = stored.partition(":")
        if verify_secret(secret, hashed):
            return name
    return None


# -- FastAPI dependencies -------------------------------------------------------------------------------
COOKIE = "dateline_token"


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization")
    if not header:
        return None
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value.strip():
        raise HTTPException(
            401, "Authorization header: expected 'Bearer <token>'", {"WWW-Authenticate": "Bearer"}
        )
    return value.strip()


def require_writer(request: Request) -> str:
    """The token name behind a write request; 401 without a valid bearer token.

    Only the Authorization header counts for writes (never a cookie), so another site cannot make a
    reviewer's browser change events.
    """
    from dateline.api.app import context

    token = _bearer(request)
    if token is None:
        raise HTTPException(
            401,
            "this endpoint needs 'Authorization: Bearer <token>' (create one with `dateline token create`)",
            {"WWW-Authenticate": "Bearer"},
        )
    name = token_owner(context(request).store, token)
    if name is None:
        raise HTTPException(401, "unknown or revoked token", {"WWW-Authenticate": "Bearer"})
    return name


def require_reader(request: Request) -> str | None:
    """Reads are open unless DATELINE_API_READ_REQUIRES_TOKEN; then a bearer token or the dashboard's cookie."""
    from dateline.api.app import context

    ctx = context(request)
    if not ctx.api.read_requires_token:
        return None
    token = _bearer(request) or request.cookies.get(COOKIE)
    if not token:
        raise HTTPException(
            401,
            "reading needs a token on this server (DATELINE_API_READ_REQUIRES_TOKEN)",
            {"WWW-Authenticate": "Bearer"},
        )
    name = token_owner(ctx.store, token)
    if name is None:
        raise HTTPException(401, "unknown or revoked token", {"WWW-Authenticate": "Bearer"})
    return name
