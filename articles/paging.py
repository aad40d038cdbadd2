"""Pages of a list without counting it: one row more than a page tells whether a next page exists."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import Model, QuerySet
from django.http import HttpRequest, QueryDict

MAX_PAGE = 10_000


@dataclass
class Window[T]:
    items: list[T]
    number: int
    has_next: bool
    query: QueryDict

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous

    def _url(self, number: int) -> str:
        query = self.query.copy()
        if number > 1:
            query["page"] = str(number)
        else:
            query.pop("page", None)
        encoded = query.urlencode()
        return f"?{encoded}" if encoded else "?"

    def next_url(self) -> str:
        return self._url(self.number + 1)

    def previous_url(self) -> str:
        return self._url(self.number - 1)


def page_number(request: HttpRequest, name: str = "page") -> int:
    raw = request.GET.get(name, "1")
    return min(int(raw), MAX_PAGE) if raw.isdigit() and int(raw) > 0 else 1


def window[T: Model](request: HttpRequest, rows: QuerySet[T] | Sequence[T], size: int) -> Window[T]:
    """The requested page of ``rows`` (a queryset is sliced in SQL: LIMIT size + 1)."""
    number = page_number(request)
    start = (number - 1) * size
    items = list(rows[start : start + size + 1])
    return Window(items[:size], number, len(items) > size, request.GET)


def fetched_window[T](request: HttpRequest, fetch: Callable[[int, int], list[T]], size: int) -> Window[T]:
    """Like window(), for a search that takes an offset and a limit."""
    number = page_number(request)
    items = fetch((number - 1) * size, size + 1)
    return Window(items[:size], number, len(items) > size, request.GET)
