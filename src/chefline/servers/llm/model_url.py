"""A model's address and words as they may be shown: checked, masked, made printable.

A base URL may carry credentials (``http://user:secret@host/v1``, ``?api_key=…``): every
sentence that names the model shows ``masked_url`` instead, and ``scrub`` takes the secrets
out of any text that might still hold them (an HTTP library's own error message). A
server's words are made ``printable``: no terminal escapes, no line breaks, bounded.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, quote, unquote, urlsplit, urlunsplit

MASK = "***"
_USERINFO = re.compile(r"//[^/?#@\s]*@")
_QUERY_VALUE = re.compile(r"([?&][^=&#\s]*=)[^&#\s]*")


def usable_url(url: object) -> bool:
    """http(s), a host, a port (if any) from 1 to 65535, and nothing httpx would refuse."""
    if not isinstance(url, str) or len(url) > 2000 or not url.isprintable() or " " in url:
        return False
    import httpx

    try:
        parts = urlsplit(url)
        port = parts.port  # ValueError for "127.0.0.1:abc" or a port over 65535
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL):
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname) and port != 0


def masked_url(url: str) -> str:
    """``url`` with its user name, password and query values replaced by ``***``."""
    try:
        parts = urlsplit(url)
        netloc = parts.netloc
        if "@" in netloc:
            netloc = f"{MASK}@{netloc.rpartition('@')[2]}"
        query = "&".join(f"{name}={MASK}" for name, _ in parse_qsl(parts.query, True))
        return urlunsplit((parts.scheme, netloc, parts.path, query, ""))
    except ValueError:  # not even a URL: mask by pattern
        return _QUERY_VALUE.sub(rf"\g<1>{MASK}", _USERINFO.sub(f"//{MASK}@", url))


def url_secrets(url: str) -> list[str]:
    """What in ``url`` must never be shown even alone: its password and query values, as
    written and decoded, longest first (so that no secret is left half-masked)."""
    found: set[str] = set()
    userinfo = _USERINFO.search(url)
    if userinfo and ":" in userinfo.group():
        found.add(userinfo.group()[2:-1].partition(":")[2])
    try:
        query = urlsplit(url).query
    except ValueError:
        query = url.partition("?")[2]
    found.update(value for _, value in parse_qsl(query, True))
    found.update([unquote(secret) for secret in found] + [quote(secret) for secret in found])
    return sorted((secret for secret in found if len(secret) >= 3), key=len, reverse=True)


def scrub(text: str, secrets: list[str]) -> str:
    """``text`` with any URL's user info, and every one of ``secrets``, replaced by ``***``."""
    text = _USERINFO.sub(f"//{MASK}@", text)
    for secret in secrets:
        text = text.replace(secret, MASK)
    return text


_ESCAPES = re.compile(r"\x1b(\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)?|.)?")


def printable(text: str, limit: int = 200) -> str:
    """A model's words made safe for a terminal or a dialog: terminal escape sequences
    removed, every other control character (newlines too) a space, at most ``limit``
    characters. A server's error text must not move a cursor or fake a line of output."""
    text = _ESCAPES.sub("", text[: limit * 4])
    text = "".join(c if c.isprintable() else " " for c in text)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
