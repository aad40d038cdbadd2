"""Refuses a request whose declared body is too large before any of it is read."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse


class RequestSizeLimitMiddleware:
    """HTTP 413 when Content-Length exceeds MAX_REQUEST_BYTES (files included, unlike Django's own limit)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            limit = settings.MAX_REQUEST_BYTES // (1024 * 1024)
            return HttpResponse(
                f"This request is too large: at most {limit} MB at once.",
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
