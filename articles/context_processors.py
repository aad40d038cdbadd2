"""Template context every page can use, computed only when a template reads it."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from articles.roles import editors


def flag_editors(request: HttpRequest) -> dict[str, object]:
    """The people a flag can be assigned to, for the flag forms."""
    return {"flag_editors": SimpleLazyObject(lambda: list(editors()))}
