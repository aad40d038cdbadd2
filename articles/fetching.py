"""Fetching a web page to import: http(s) only, a timeout and a size limit, and never a private address.

Private, loopback and link-local addresses are refused (the server must not be a way into its own network)
unless the setting IMPORT_ALLOW_PRIVATE_URLS is on, as in tests against a local server.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from http.client import HTTPMessage
from typing import IO
from urllib.parse import urlsplit

from django.conf import settings

from articles.importing import ArticleFileError

TIMEOUT_SECONDS = 10
MAX_PAGE_BYTES = 2 * 1024 * 1024
USER_AGENT = "NewsCompare/1.0 (article import)"


class FetchError(ArticleFileError):
    """A page that could not be fetched; the message is one line, fit to show as is."""


def check_public(url: str) -> None:
    """Refuse anything but http(s) to a public address (every address the host name resolves to)."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise FetchError("only http:// and https:// addresses can be imported")
    if getattr(settings, "IMPORT_ALLOW_PRIVATE_URLS", False):
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 80, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError):
        raise FetchError(f"the host {parts.hostname} could not be found") from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global or address.is_multicast:
            raise FetchError(f"refused: {parts.hostname} is a private or local address ({address})")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follow a redirect only to an address that passes the same checks."""

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: HTTPMessage,
        newurl: str,
    ) -> urllib.request.Request | None:
        check_public(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str) -> bytes:
    """The body of the page at ``url``; FetchError says why it could not be had."""
    check_public(url)
    opener = urllib.request.build_opener(_CheckedRedirects())
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=TIMEOUT_SECONDS) as response:
            data: bytes = response.read(MAX_PAGE_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise FetchError(f"the server answered {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        if isinstance(error.reason, FetchError):
            raise error.reason from None
        raise FetchError(f"could not be fetched: {error.reason}") from None
    except TimeoutError:
        raise FetchError(f"no answer within {TIMEOUT_SECONDS} seconds") from None
    except OSError as error:
        raise FetchError(f"could not be fetched: {error}") from None
    if len(data) > MAX_PAGE_BYTES:
        raise FetchError(f"the page is over the {MAX_PAGE_BYTES // 1024 // 1024} MB limit")
    return data
