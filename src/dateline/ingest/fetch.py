"""Fetching a URL, only ever when the user gives one: dateline is offline by default.

Every failure becomes a one-line `InputError` that says what went wrong and what to check; the body is read
up to `settings.max_input_bytes` and no further.
"""

from __future__ import annotations

import urllib.error
import urllib.request

from dateline.errors import InputError
from dateline.settings import Settings
from dateline.version import PIPELINE_VERSION


def _reason(err: BaseException) -> str:
    reason = getattr(err, "reason", err)
    text = getattr(reason, "strerror", None) or str(reason)
    return " ".join(str(text).split())


def fetch(url: str, settings: Settings) -> tuple[bytes, str | None]:
    """The body and Content-Type of `url`; InputError when it cannot be fetched within the timeout."""
    request = urllib.request.Request(url, headers={"User-Agent": f"dateline/{PIPELINE_VERSION} (+offline-first)"})
    timeout = settings.fetch_timeout
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # the user asked for this URL
            data = response.read(settings.max_input_bytes + 1)
            content_type = response.headers.get("Content-Type")
    except urllib.error.HTTPError as err:
        raise InputError(url, f"the server answered HTTP {err.code} {err.reason}") from None
    except urllib.error.URLError as err:
        if isinstance(err.reason, TimeoutError):
            raise InputError(url, f"no answer within {timeout:g} s (DATELINE_FETCH_TIMEOUT)") from None
        raise InputError(url, f"could not fetch ({_reason(err)}); check the address and that you are online") from None
    except TimeoutError:
        raise InputError(url, f"no answer within {timeout:g} s (DATELINE_FETCH_TIMEOUT)") from None
    except (ValueError, OSError) as err:
        raise InputError(url, f"could not fetch ({_reason(err)})") from None
    if len(data) > settings.max_input_bytes:
        raise InputError(url, f"page is over the {settings.max_input_bytes / 2**20:g} MB limit (DATELINE_MAX_INPUT_BYTES)")
    return data, content_type
