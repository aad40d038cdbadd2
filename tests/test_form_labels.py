"""Every form field on every page has a label a screen reader can read: a <label for>, a wrapping <label>,
or (where a visible label would repeat the one beside it) aria-label."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from conftest import make_claim, make_comparison, make_link
from django.test import Client

from articles.models import Flag, Upload

pytestmark = pytest.mark.django_db

UNLABELLED_TYPES = {"hidden", "submit", "button", "reset", "image"}


class FieldsAndLabels(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.label_for: set[str] = set()
        self.open_labels = 0
        self.fields: list[tuple[str, dict[str, str | None], bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        if tag == "label":
            self.open_labels += 1
            if attributes.get("for"):
                self.label_for.add(attributes["for"] or "")
        elif tag in ("input", "select", "textarea") and attributes.get("type") not in UNLABELLED_TYPES:
            self.fields.append((tag, attributes, self.open_labels > 0))

    def handle_endtag(self, tag: str) -> None:
        if tag == "label":
            self.open_labels -= 1

    def unlabelled(self) -> list[str]:
        return [
            f"<{tag} name={attributes.get('name')!r} id={attributes.get('id')!r}>"
            for tag, attributes, wrapped in self.fields
            if not wrapped
            and attributes.get("id") not in self.label_for
            and not attributes.get("aria-label")
            and not attributes.get("aria-labelledby")
        ]


def _unlabelled(client: Client, url: str) -> list[str]:
    response = client.get(url)
    assert response.status_code == 200, url
    parser = FieldsAndLabels()
    parser.feed(response.content.decode())
    assert parser.fields, f"{url} has no form field to check"
    return parser.unlabelled()


def test_every_field_a_signed_in_admin_sees_has_a_label(admin_client: Client) -> None:
    comparison = make_comparison()
    a = make_claim(comparison.article_a, "Rebels took the town on Monday.")
    b = make_claim(comparison.article_b, "Rebels took the town on Monday.")
    Flag.open_on(link=make_link(comparison, claim_a=a, claim_b=b), by=None, note="Which day?")
    admin_client.post("/uploads/new/", {"pasted": "Headline\n\nSomething happened on Monday."})
    batch = Upload.objects.get().batch
    for url in ("/", comparison.get_absolute_url(), "/flags/", "/uploads/new/", f"/uploads/{batch}/review/"):
        assert _unlabelled(admin_client, url) == [], url


def test_the_sign_in_fields_have_labels(client: Client) -> None:
    assert _unlabelled(client, "/accounts/login/") == []
