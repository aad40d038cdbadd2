from __future__ import annotations

import pytest
from conftest import make_claim, make_comparison, make_link, make_user
from django.test import Client
from django.urls import reverse

from articles.models import Flag

pytestmark = pytest.mark.django_db

MODELS = [
    "outlet",
    "article",
    "claim",
    "comparison",
    "link",
    "flag",
    "flagevent",
    "upload",
    "verdictevent",
    "leftover",
    "signinfailure",
    "tasklease",
]


@pytest.fixture
def admin_client_with_data(client: Client) -> Client:
    comparison = make_comparison()
    claim = make_claim(comparison.article_a, "At least 12 people died.")
    link = make_link(comparison, relation="only_a", claim_a=claim)
    Flag.open_on(link=link, by=None, note="Check the toll.")
    client.force_login(make_user("root", is_staff=True, is_superuser=True))
    return client


@pytest.mark.parametrize("model", MODELS)
def test_every_model_has_a_working_admin_list(admin_client_with_data: Client, model: str) -> None:
    response = admin_client_with_data.get(reverse(f"admin:articles_{model}_changelist"))
    assert response.status_code == 200


@pytest.mark.parametrize("model", ["claim", "comparison", "link", "flagevent"])
def test_engine_output_and_history_cannot_be_added_by_hand(
    admin_client_with_data: Client, model: str
) -> None:
    assert admin_client_with_data.get(reverse(f"admin:articles_{model}_add")).status_code == 403


def test_changing_a_flags_status_in_the_admin_records_it(admin_client_with_data: Client) -> None:
    flag = Flag.objects.get()
    response = admin_client_with_data.post(
        reverse("admin:articles_flag_changelist"), {"action": "confirm", "_selected_action": [flag.pk]}
    )
    flag.refresh_from_db()
    assert response.status_code == 302
    assert flag.status == "confirmed"
    assert [e.new_status for e in flag.events.all()] == ["open", "confirmed"]
