from __future__ import annotations

import pytest
from conftest import make_user
from django.test import Client

pytestmark = pytest.mark.django_db


def test_the_sign_in_page_is_public(client: Client) -> None:
    response = client.get("/accounts/login/")
    assert response.status_code == 200
    assert 'name="password"' in response.content.decode()


def test_signing_in_leads_to_the_page_asked_for(client: Client) -> None:
    make_user("alice")
    response = client.post(
        "/accounts/login/?next=/articles/1/",
        {"username": "alice", "password": "secret", "next": "/articles/1/"},
    )
    assert response.status_code == 302
    assert response["Location"] == "/articles/1/"


def test_a_wrong_password_is_refused_with_a_message(client: Client) -> None:
    make_user("alice")
    response = client.post("/accounts/login/", {"username": "alice", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


def test_signing_out_is_a_post_and_returns_to_sign_in(journalist_client: Client) -> None:
    response = journalist_client.post("/accounts/logout/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/login/"
    assert journalist_client.get("/").status_code == 302
