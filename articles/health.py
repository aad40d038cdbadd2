"""The health probe: is the database reachable, and how much background work is waiting."""

from __future__ import annotations

from django.contrib.auth.decorators import login_not_required
from django.db import DatabaseError, connection
from django.db.models import Min
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_tasks_db.models import DBTaskResult


@require_GET
@never_cache
@login_not_required
def health(request: HttpRequest) -> JsonResponse:
    """200 with the queue's depth and its oldest waiting task; 503 when the database does not answer."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        pending = DBTaskResult.objects.ready()
        depth = pending.count()
        running = DBTaskResult.objects.running().count()
        oldest = pending.aggregate(oldest=Min("enqueued_at"))["oldest"]
    except DatabaseError as error:
        return JsonResponse(
            {"status": "error", "database": f"unreachable: {type(error).__name__}"}, status=503
        )
    age = round((timezone.now() - oldest).total_seconds(), 1) if oldest else None
    return JsonResponse(
        {
            "status": "ok",
            "database": "ok",
            "queue": {
                "pending": depth,
                "running": running,
                "oldest_pending": oldest.isoformat() if oldest else None,
                "oldest_pending_age_seconds": age,
            },
        }
    )
