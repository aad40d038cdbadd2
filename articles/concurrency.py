"""Helpers that make concurrent changes end in one consistent result: stale-form checks, duplicate inserts
turned into a friendly refusal, and writes retried while the database is briefly locked."""

from __future__ import annotations

import datetime
import logging
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from django.db import IntegrityError, OperationalError, connection, transaction
from django.utils import timezone
from django.utils.timesince import timesince

if TYPE_CHECKING:
    import datetime as dt

logger = logging.getLogger(__name__)


class StaleEdit(Exception):
    """The form was filled in against an older state of the row: someone else changed it since."""


class Duplicate(Exception):
    """An insert refused by a unique constraint, because the same thing was stored at the same moment."""


def check_fresh(updated_at: dt.datetime, posted: str, *, by: str, what: str) -> None:
    """Raise StaleEdit unless ``posted`` stamps the moment ``updated_at`` (in any time zone); an absent
    stamp (a form from before stamps) is not checked."""
    if not posted:
        return
    try:
        seen: dt.datetime | None = datetime.datetime.fromisoformat(posted)
    except ValueError:
        seen = None
    if seen != updated_at:
        ago = timesince(updated_at, timezone.now())
        when = "a moment ago" if ago.startswith("0\xa0minutes") else f"{ago} ago"
        raise StaleEdit(f"This {what} was changed by {by} {when}: check it again before changing it.")


def insert_once[T](create: Callable[[], T], message: str) -> T:
    """Run ``create`` in its own savepoint; a unique constraint refusing it raises Duplicate(message)."""
    try:
        with transaction.atomic():
            return create()
    except IntegrityError as error:
        raise Duplicate(message) from error


def retry_while_locked[T](write: Callable[[], T], *, attempts: int = 8, first_wait: float = 0.5) -> T:
    """Run ``write``, again after a growing pause while the database answers "locked" or drops the
    connection (about a minute in all, beyond each attempt's own busy timeout)."""
    wait = first_wait
    for attempt in range(1, attempts + 1):
        try:
            return write()
        except OperationalError:
            if attempt == attempts or connection.in_atomic_block:
                raise
            logger.warning("database busy or gone; writing again in %.1f s (attempt %d)", wait, attempt)
            connection.close()
            time.sleep(wait)
            wait = min(wait * 2, 10.0)
    raise AssertionError("unreachable")
