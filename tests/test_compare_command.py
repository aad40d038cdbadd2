"""The `compare` command's JSON contract (../shared/README.md), checked on the seeds without any database."""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import SEED_A, SEED_B
from django.conf import settings
from django.core.management import CommandError, call_command

RELATIONS = {"agree", "partial", "conflict"}


def _compare(*args: str) -> str:
    out = io.StringIO()
    call_command("compare", *args, stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def result() -> dict[str, Any]:
    # No django_db mark: pytest-django fails any query, so this also proves the command needs no database.
    out = _compare(
        str(SEED_A), str(SEED_B), "--json", "--published-a", "2016-03-28", "--published-b", "2016-03-27"
    )
    data: dict[str, Any] = json.loads(out)
    return data


def test_it_prints_one_json_object_of_the_contracts_shape(result: dict[str, Any]) -> None:
    assert set(result) == {"a", "b", "links", "only_a", "only_b", "same_event"}
    assert result["same_event"]["likely"] is True
    assert 0.5 <= result["same_event"]["score"] <= 1
    assert "names in common" in result["same_event"]["why"]
    for side in ("a", "b"):
        assert set(result[side]) == {"title", "source", "published", "body", "claims"}
        for claim in result[side]["claims"]:
            assert set(claim) >= {
                "id",
                "start",
                "end",
                "text",
                "kind",
                "quantities",
                "dates",
                "entities",
                "attribution",
            }


def test_bodies_are_the_files_and_metadata_comes_from_layout_and_manifest(result: dict[str, Any]) -> None:
    assert result["a"]["body"] == SEED_A.read_text(encoding="utf-8")
    assert result["b"]["body"] == SEED_B.read_text(encoding="utf-8")
    assert (result["a"]["title"], result["a"]["source"]) == (
        "Russia-backed Syrian forces recapture Palmyra from ISIS",
        "The Straits Times",
    )
    assert (result["b"]["source"], result["b"]["published"]) == ("The Guardian", "2016-03-27")


@pytest.mark.parametrize("side", ["a", "b"])
def test_every_claim_is_its_span_of_the_body(result: dict[str, Any], side: str) -> None:
    body = result[side]["body"]
    claims = result[side]["claims"]
    assert claims
    for claim in claims:
        assert 0 <= claim["start"] < claim["end"] <= len(body)
        assert body[claim["start"] : claim["end"]] == claim["text"]
        for mention in claim["quantities"] + claim["dates"] + claim["entities"]:
            assert 0 <= mention["start"] <= mention["end"] <= len(body)


@pytest.mark.parametrize("side", ["a", "b"])
def test_claim_ids_are_unique(result: dict[str, Any], side: str) -> None:
    ids = [claim["id"] for claim in result[side]["claims"]]
    assert len(ids) == len(set(ids))


def test_every_link_joins_existing_claims(result: dict[str, Any]) -> None:
    ids_a = {claim["id"] for claim in result["a"]["claims"]}
    ids_b = {claim["id"] for claim in result["b"]["claims"]}
    for link in result["links"]:
        assert link["a"] in ids_a and link["b"] in ids_b
        assert link["relation"] in RELATIONS
        assert isinstance(link["score"], int | float) and isinstance(link["explanation"], str)
    assert set(result["only_a"]) <= ids_a
    assert set(result["only_b"]) <= ids_b


def test_a_claim_in_only_a_is_linked_to_nothing(result: dict[str, Any]) -> None:
    linked_a = {link["a"] for link in result["links"]}
    linked_b = {link["b"] for link in result["links"]}
    assert not linked_a & set(result["only_a"])
    assert not linked_b & set(result["only_b"])


def test_it_runs_while_database_access_is_blocked() -> None:
    from articles.models import Article

    with pytest.raises(RuntimeError, match="Database access not allowed"):
        Article.objects.exists()
    assert json.loads(_compare(str(SEED_A), str(SEED_B), "--json"))["a"]["claims"]


def test_the_published_options_win_over_the_manifest() -> None:
    out = _compare(
        str(SEED_A), str(SEED_B), "--json", "--published-a", "2016-04-01", "--published-b", "2016-04-02"
    )
    data = json.loads(out)
    assert (data["a"]["published"], data["b"]["published"]) == ("2016-04-01", "2016-04-02")


def test_without_manifest_the_date_line_gives_the_date(tmp_path: Path) -> None:
    shutil.copy(SEED_A, tmp_path / "a.txt")
    shutil.copy(SEED_B, tmp_path / "b.txt")
    data = json.loads(_compare(str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--json"))
    assert (data["a"]["published"], data["a"]["source"]) == ("2016-03-28", "")
    assert data["b"]["published"] is None


def test_the_summary_groups_claims_for_a_reader() -> None:
    out = _compare(str(SEED_A), str(SEED_B))
    assert out.startswith(
        "A: Russia-backed Syrian forces recapture Palmyra from ISIS — The Straits Times, 2016-03-28"
    )
    for heading in ("Conflicts (", "Partly agree (", "Agree (", "Only in A (", "Only in B ("):
        assert heading in out
    assert "only in A" in out.splitlines()[-1]


def test_a_bad_date_is_a_clear_error() -> None:
    with pytest.raises(
        CommandError, match="argument --published-a: '2016-02-30' is not a date: expected YYYY-MM-DD"
    ):
        _compare(str(SEED_A), str(SEED_B), "--published-a", "2016-02-30")


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match=f"^{re.escape(str(tmp_path / 'gone.txt'))}: no such file$"):
        _compare(str(SEED_A), str(tmp_path / "gone.txt"))


def test_an_empty_file_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    with pytest.raises(CommandError, match=r"empty\.txt: empty file"):
        _compare(str(tmp_path / "empty.txt"), str(SEED_B))


def test_from_the_shell_stdout_holds_the_json_only_even_with_no_reachable_database() -> None:
    env = {**os.environ, "DATABASE_URL": "postgres://nobody@127.0.0.1:9/unreachable"}
    run = subprocess.run(
        [sys.executable, "manage.py", "compare", str(SEED_A), str(SEED_B), "--json"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    assert json.loads(run.stdout)["a"]["title"]
    assert run.stdout.count("\n") == 1
