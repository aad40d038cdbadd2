from __future__ import annotations

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db


def test_pages_forbid_inline_scripts_and_other_sites(journalist_client: Client) -> None:
    policy = journalist_client.get("/")["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "frame-ancestors 'none'" in policy


def test_the_pages_carry_no_inline_script_or_style(
    seed_comparison: object, journalist_client: Client
) -> None:
    for url in ["/", "/flags/", f"/comparisons/{seed_comparison.pk}/"]:  # type: ignore[attr-defined]
        html = journalist_client.get(url).content.decode()
        assert "<script>" not in html and "<script type" not in html
        assert " style=" not in html
        assert " onclick=" not in html


def test_a_request_larger_than_the_limit_is_refused_before_it_is_read(admin_client: Client) -> None:
    with override_settings(MAX_REQUEST_BYTES=1000):
        response = admin_client.post("/uploads/new/", {"pasted": "x" * 5000})
    assert response.status_code == 413
    assert "too large" in response.content.decode()
