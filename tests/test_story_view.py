"""The story pages, on the demo story as `make run` loads it: four reports, two of them the same wire copy."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import make_article, make_user
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from articles.models import Article, ArticleVersion, Comparison, Outlet, Story, StoryArticle

pytestmark = pytest.mark.django_db

OUTLETS = ["The Valley Courier", "Harbour Daily", "The Lakeside Post", "Metro Evening"]


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: pytest.FixtureRequest) -> Iterator[None]:
    """The seeds loaded once for the module (the engine reads six articles), removed after it."""
    with django_db_blocker.unblock():  # type: ignore[attr-defined]
        call_command("load_seeds", stdout=io.StringIO())
        yield
        Story.objects.all().delete()
        ArticleVersion.objects.all().delete()
        Article.objects.all().delete()
        Outlet.objects.all().delete()


@pytest.fixture
def story(demo: None) -> Story:
    return Story.objects.get(title="Ferry capsizes on Lake Varden")


def _get(client: Client, url: str, **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def test_the_list_links_each_story_to_its_page(journalist_client: Client, story: Story) -> None:
    page = _get(journalist_client, "/stories/")
    assert f'href="/stories/{story.pk}/"' in page
    assert "Ferry capsizes on Lake Varden" in page


def test_load_seeds_compares_every_pair_of_the_demo_story(story: Story) -> None:
    articles = story.confirmed_articles()
    assert [a.outlet_name() for a in articles] == OUTLETS
    ids = [a.pk for a in articles]
    assert Comparison.objects.filter(article_a__in=ids, article_b__in=ids).count() == 6


def test_the_story_page_has_a_table_of_facts_naming_each_outlet(
    journalist_client: Client, story: Story
) -> None:
    page = _get(journalist_client, f"/stories/{story.pk}/")
    table = page[page.index('<table class="table fact-table">') : page.index("</table>")]
    for outlet in OUTLETS:
        assert outlet in table
    assert "conflict" in table and "absent" in table
    assert re.search(r'href="/articles/\d+/#claim-\d+"', table)
    assert re.search(r'href="/comparisons/\d+/"', table)
    assert "only one outlet reports this" in table  # the harbour master, the inquiry


def test_it_says_which_outlets_carry_the_same_copy_and_counts_them_once(
    journalist_client: Client, story: Story
) -> None:
    page = _get(journalist_client, f"/stories/{story.pk}/")
    assert "2 outlets carry the same copy:" in page
    assert "The Valley Courier, Harbour Daily" in page
    assert "3 independent sources" in page
    # A fact printed only in the wire copy is carried by two outlets but one source.
    assert "only one source reports this" in page


def test_the_matrix_counts_agreement_per_pair_of_outlets(journalist_client: Client, story: Story) -> None:
    page = _get(journalist_client, f"/stories/{story.pk}/")
    matrix = page[page.index('<table class="table pair-matrix">') :]
    matrix = matrix[: matrix.index("</table>")]
    assert matrix.count("<meter") == 12  # every ordered pair of four outlets
    assert matrix.count("same copy") == 2
    assert re.search(r"\d+ agree", matrix)


def test_the_disputed_filter_keeps_only_facts_reported_differently(
    journalist_client: Client, story: Story
) -> None:
    full = _get(journalist_client, f"/stories/{story.pk}/?show=all")
    disputed = _get(journalist_client, f"/stories/{story.pk}/?show=disputed")
    assert 0 < disputed.count('<tr class="fact') < full.count('<tr class="fact')
    rows = re.findall(r'<tr class="fact[^"]*"', disputed)
    assert all("is-disputed" in row for row in rows)
    # a fact only one outlet reports is in the full table and never among the disputed ones
    single = re.findall(r'<tr class="fact is-only-one">.*?class="fact-claim"[^>]*>([^<]+)</a>', full, re.S)
    assert single
    assert not any(text in disputed for text in single)


def test_htmx_gets_only_the_fact_table(journalist_client: Client, story: Story) -> None:
    fragment = _get(journalist_client, f"/stories/{story.pk}/?show=disputed", HX_Request="true")
    assert 'id="fact-table"' in fragment
    assert "<html" not in fragment


def test_progress_says_how_many_pairs_are_compared(journalist_client: Client, story: Story) -> None:
    fragment = _get(journalist_client, f"/stories/{story.pk}/progress/")
    assert "6 of 6 pairs compared" in fragment
    assert "hx-trigger" not in fragment  # nothing left to wait for


def test_a_journalist_cannot_move_articles(journalist_client: Client, story: Story) -> None:
    membership = story.memberships.first()
    assert membership is not None
    response = journalist_client.post(f"/story-articles/{membership.pk}/", {"action": "remove"})
    assert response.status_code == 403
    assert StoryArticle.objects.filter(pk=membership.pk).exists()


def test_an_editor_confirms_a_proposed_article_and_moves_another(client: Client, story: Story) -> None:
    editor = make_user(group="Editors")
    client.force_login(editor)
    other = Story.objects.create(title="Another event")
    proposed = StoryArticle.objects.create(
        story=other,
        article=make_article(),
        status=StoryArticle.Status.PROPOSED,
        same_event_why="shared names",
    )
    page = _get(client, f"/stories/{other.pk}/")
    assert "Proposed by the engine" in page and "shared names" in page

    client.post(f"/story-articles/{proposed.pk}/", {"action": "confirm"})
    proposed.refresh_from_db()
    assert proposed.status == StoryArticle.Status.CONFIRMED and proposed.confirmed_by == editor

    client.post(f"/story-articles/{proposed.pk}/", {"action": "move", "story": story.pk})
    proposed.refresh_from_db()
    assert proposed.story == story


def test_an_admin_creates_a_story_and_adds_an_article_whose_pairs_are_compared(
    client: Client, demo: None
) -> None:
    admin = make_user(is_superuser=True, is_staff=True)
    client.force_login(admin)
    response = client.post("/stories/new/", {"title": "Warehouse fire", "summary": ""})
    story = Story.objects.get(title="Warehouse fire")
    assert response["Location"] == f"/stories/{story.pk}/"
    fire = Article.objects.get(url="https://dunmere-gazette.example/2025/06/warehouse-fire")
    palmyra = Article.objects.get(filename="000_475460b12f2ee23d.txt")
    for article in (fire, palmyra):
        client.post(f"/stories/{story.pk}/articles/", {"article": article.pk})
    assert [a.pk for a in story.confirmed_articles()] == [fire.pk, palmyra.pk]
    # The immediate task backend compared the pair while the request ran.
    assert "1 of 1 pair compared" in _get(client, f"/stories/{story.pk}/progress/")


def test_a_journalist_cannot_create_a_story(journalist_client: Client) -> None:
    assert journalist_client.post("/stories/new/", {"title": "Nope"}).status_code == 403
    assert "New story" not in _get(journalist_client, "/stories/")


def test_the_same_event_judgement_proposes_a_new_report_for_the_story(story: Story, journalist: User) -> None:
    from articles.stories import propose_story

    body = (
        "Lake Varden ferry toll rises\n\nThe number of people killed when a ferry capsized on Lake Varden near "
        "Kessmoor on Wednesday has risen to 13, the regional emergency service said. Governor Elena Marsh "
        "said Varden Lines would face an inquiry.\n"
    )
    article = make_article(
        title="Lake Varden ferry toll rises",
        body=body,
        outlet=Outlet.objects.get_or_create(name="Kessmoor Radio")[0],
    )
    membership = propose_story(article)
    assert membership is not None
    assert membership.story == story and membership.is_proposed()
    assert membership.same_event_score is not None and membership.same_event_score > 0.5


def test_only_the_proposal_leaves_a_stored_comparison(story: Story) -> None:
    from articles.stories import propose_story

    before = Comparison.objects.count()
    unrelated = make_article(
        title="Bakery wins regional prize",
        body="Bakery wins regional prize\n\nA family bakery in Hollin won the regional bread prize on Friday, "
        "its owner said. The judges tasted 40 loaves.\n",
        outlet=Outlet.objects.get_or_create(name="Hollin Weekly")[0],
    )
    assert propose_story(unrelated) is None
    # Judged a different event from every story: no comparison of two different events is listed.
    assert Comparison.objects.count() == before
    report = make_article(
        title="Lake Varden ferry toll rises",
        body="Lake Varden ferry toll rises\n\nThe number of people killed when a ferry capsized on Lake Varden "
        "near Kessmoor on Wednesday has risen to 13, the regional emergency service said.\n",
        outlet=Outlet.objects.get_or_create(name="Kessmoor Radio")[0],
    )
    membership = propose_story(report)
    assert membership is not None and membership.same_event_why
    first = story.confirmed_articles()[0]
    stored = Comparison.objects.get(article_b=report)
    assert stored.article_a == first and stored.same_event
    assert Comparison.objects.count() == before + 1


def test_an_imported_report_of_the_event_is_proposed_for_the_story(story: Story, tmp_path: Path) -> None:
    path = tmp_path / "radio.txt"
    path.write_text(
        "Lake Varden ferry toll rises\n\nThe number of people killed when a ferry capsized on Lake Varden near "
        "Kessmoor on Wednesday has risen to 13, the regional emergency service said.\n",
        encoding="utf-8",
    )
    out = io.StringIO()
    call_command(
        "import_articles", str(path), "--outlet", "Kessmoor Radio", "--published", "2025-05-15", stdout=out
    )
    assert "proposed for the story “Ferry capsizes on Lake Varden”" in out.getvalue()
    membership = StoryArticle.objects.get(article__outlet__name="Kessmoor Radio")
    assert membership.is_proposed() and membership.story == story


def test_load_seeds_again_changes_nothing_in_the_demo(story: Story) -> None:
    def counts() -> list[int]:
        return [m.objects.count() for m in (Article, ArticleVersion, Comparison, Story, StoryArticle)]

    before = counts()
    out = io.StringIO()
    call_command("load_seeds", stdout=out)
    assert counts() == before
    assert f"Story #{story.pk} “Ferry capsizes on Lake Varden” already loaded" in out.getvalue()
    assert "0 pair(s) compared" in out.getvalue()
    assert out.getvalue().count("already loaded") >= 8
