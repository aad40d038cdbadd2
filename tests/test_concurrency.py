from __future__ import annotations

import datetime as dt

import pytest
from conftest import make_article
from django.utils import timezone

from articles.concurrency import Duplicate, StaleEdit, check_fresh, insert_once
from articles.models import Article


def test_a_form_stamped_with_the_rows_last_change_is_fresh_in_any_time_zone() -> None:
    changed = dt.datetime(2026, 12, 5, 7, 0, 0, 123456, tzinfo=dt.UTC)
    check_fresh(changed, "2026-12-05T08:00:00.123456+01:00", by="omar", what="flag")


def test_a_form_stamped_before_the_last_change_is_stale_and_says_who() -> None:
    changed = timezone.now()
    with pytest.raises(StaleEdit, match="This flag was changed by omar a moment ago"):
        check_fresh(changed, (changed - dt.timedelta(seconds=2)).isoformat(), by="omar", what="flag")


def test_an_older_change_says_how_long_ago() -> None:
    changed = timezone.now() - dt.timedelta(minutes=5)
    with pytest.raises(StaleEdit, match="changed by omar 5\xa0minutes ago"):
        check_fresh(changed, "garbled", by="omar", what="flag")


def test_a_form_without_a_stamp_is_not_checked() -> None:
    check_fresh(timezone.now(), "", by="omar", what="flag")


@pytest.mark.django_db
def test_a_duplicate_insert_becomes_the_friendly_message_and_the_transaction_goes_on() -> None:
    article = make_article()
    with pytest.raises(Duplicate, match="already stored"):
        insert_once(lambda: Article.objects.create(title="again", body=article.body), "already stored")
    assert Article.objects.count() == 1  # the surrounding transaction is still usable
