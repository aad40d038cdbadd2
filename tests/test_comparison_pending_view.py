from __future__ import annotations

import io

import pytest
from conftest import make_article
from django.core.management import call_command
from django.test import Client

from articles.models import Comparison
from articles.tasks import compare_pair


def _run_worker() -> None:
    call_command("worker", "--batch", stdout=io.StringIO(), stderr=io.StringIO())


# The worker closes a test transaction's connection between tasks (see test_worker.py): commit for real.
@pytest.mark.django_db(transaction=True)
def test_articles_not_read_yet_are_compared_by_the_worker_while_a_page_follows(
    journalist_client: Client, database_tasks: None
) -> None:
    a, b = make_article(), make_article()
    response = journalist_client.post("/comparisons/new/", {"article_a": a.pk, "article_b": b.pk})
    assert response.status_code == 302 and response["Location"].startswith("/comparisons/new/")
    waiting = journalist_client.get(response["Location"]).content.decode()
    assert 'hx-trigger="every 1s"' in waiting and "Comparing" in waiting
    assert not Comparison.objects.exists()

    _run_worker()

    comparison = Comparison.objects.get()
    assert journalist_client.get(response["Location"])["Location"] == comparison.get_absolute_url()
    poll = journalist_client.get(response["Location"], headers={"HX-Request": "true"})
    assert poll["HX-Redirect"] == comparison.get_absolute_url()


@pytest.mark.django_db(transaction=True)
def test_a_comparison_that_failed_says_so_and_stops_polling(
    journalist_client: Client, database_tasks: None
) -> None:
    result = compare_pair.enqueue(10_000, 10_001)  # articles that do not exist
    _run_worker()
    html = journalist_client.get(f"/comparisons/new/{result.id}/").content.decode()
    assert "The comparison failed" in html and "DoesNotExist" in html
    assert "hx-trigger" not in html


@pytest.mark.django_db
def test_an_unknown_task_is_not_found(journalist_client: Client, database_tasks: None) -> None:
    response = journalist_client.get("/comparisons/new/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
