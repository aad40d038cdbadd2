from __future__ import annotations

import pytest
from conftest import make_comparison
from django.contrib.auth.models import User
from django.test import Client
from django.test.utils import override_settings

pytestmark = pytest.mark.django_db


def test_a_missing_page_answers_404_with_the_apps_own_page(journalist_client: Client) -> None:
    response = journalist_client.get("/no/such/page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert 'class="brand"' in html and "News<span>Compare</span>" in html
    assert 'aria-label="Main"' in html
    assert "Not found" in html


def test_an_anonymous_visitor_also_gets_the_apps_404_with_a_way_to_sign_in(client: Client) -> None:
    response = client.get("/no/such/page/")
    html = response.content.decode()
    assert response.status_code == 404
    assert "News<span>Compare</span>" in html and 'href="/accounts/login/"' in html


def test_a_missing_comparison_gets_the_same_page(journalist_client: Client) -> None:
    response = journalist_client.get("/comparisons/99999/")
    assert response.status_code == 404 and "News<span>Compare</span>" in response.content.decode()


def test_a_refused_action_answers_403_in_the_apps_look(journalist_client: Client) -> None:
    comparison = make_comparison()
    response = journalist_client.post(f"/comparisons/{comparison.pk}/links/new/", {})
    html = response.content.decode()
    assert response.status_code == 403
    assert "Not allowed" in html and "News<span>Compare</span>" in html


def test_a_missing_csrf_token_answers_403_in_the_apps_look(journalist: User) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(journalist)
    response = client.post("/comparisons/new/", {})
    html = response.content.decode()
    assert response.status_code == 403
    assert "The form had expired" in html and "News<span>Compare</span>" in html


@override_settings(DEBUG=False)
def test_a_server_error_answers_500_in_the_apps_look() -> None:
    from django.template.loader import render_to_string

    html = render_to_string("500.html")
    assert "Something went wrong" in html and "css/app.css" in html and "News<span>Compare</span>" in html
