from __future__ import annotations

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Claim, Comparison, Link

pytestmark = pytest.mark.django_db


def _load() -> str:
    out = io.StringIO()
    call_command("load_seeds", "--skip-demo", stdout=out)
    return out.getvalue()


def _snapshot() -> list[list[tuple[object, ...]]]:
    return [list(model.objects.order_by("pk").values_list()) for model in (Article, Claim, Comparison, Link)]


def test_it_imports_both_seeds_with_their_metadata_and_compares_them() -> None:
    output = _load()
    outlets = dict(Article.objects.values_list("filename", "outlet__name"))
    assert outlets == {
        "000_475460b12f2ee23d.txt": "The Straits Times",
        "004_d796ff16ba98fff6.txt": "The Guardian",
    }
    comparison = Comparison.objects.get()
    assert comparison.article_a.filename.startswith("000_")
    assert comparison.links.exists()
    assert output.count(" imported") == 2
    assert f"Comparison #{comparison.pk} compared" in output


def test_running_it_again_changes_nothing_and_says_so() -> None:
    _load()
    before = _snapshot()
    output = _load()
    assert _snapshot() == before
    assert output.count("already loaded") == 2
    assert "already compared" in output
