from __future__ import annotations

import datetime as dt
import io
import json
import shutil
from pathlib import Path

import pytest
from conftest import SEED_A, SEED_B
from django.core.management import CommandError, call_command

from articles.models import Article

pytestmark = pytest.mark.django_db


def _import(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def _failing_import(*args: str) -> tuple[str, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(CommandError) as error:
        call_command("import_articles", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue(), str(error.value)


def test_it_imports_a_file_with_options_over_the_manifest(tmp_path: Path) -> None:
    path = tmp_path / "palmyra.txt"
    shutil.copy(SEED_B, path)
    out, _ = _import(
        str(path), "--outlet", "The Guardian", "--published", "2016-03-27", "--url", "https://example.com/p"
    )
    article = Article.objects.get()
    assert (article.outlet_name(), article.published, article.url) == (
        "The Guardian",
        dt.date(2016, 3, 27),
        "https://example.com/p",
    )
    assert article.claims.exists()
    assert f"imported as article #{article.pk}" in out


def test_it_takes_metadata_from_the_manifest_beside_the_file() -> None:
    _import(str(SEED_A))
    article = Article.objects.get()
    assert (article.outlet_name(), article.published, article.filename) == (
        "The Straits Times",
        dt.date(2016, 3, 28),
        SEED_A.name,
    )


def test_it_imports_the_text_files_of_a_folder(tmp_path: Path) -> None:
    shutil.copy(SEED_A, tmp_path / "a.txt")
    shutil.copy(SEED_B, tmp_path / "b.TXT")
    (tmp_path / "notes.md").write_text("not an article")
    out, _ = _import(str(tmp_path))
    assert sorted(Article.objects.values_list("filename", flat=True)) == ["a.txt", "b.TXT"]
    assert "2 of 2 file(s) imported." in out


def _bad_files(folder: Path) -> dict[str, str]:
    """Each bad case with the start of its expected one-line error."""
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blank.txt").write_bytes(b"\n \n")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (folder / "noise.txt").write_bytes(bytes(range(1, 256)) * 8)
    return {
        "empty.txt": "empty file",
        "blank.txt": "empty file",
        "image.txt": "binary file",
        "noise.txt": "not UTF-8 text, and its encoding could not be detected",
    }


def test_each_bad_file_gets_one_line_and_the_good_ones_are_kept(tmp_path: Path) -> None:
    expected = _bad_files(tmp_path)
    shutil.copy(SEED_B, tmp_path / "good.txt")
    out, err, message = _failing_import(str(tmp_path))
    lines = err.strip().splitlines()
    assert len(lines) == len(expected)
    for line in lines:
        name = Path(line.split(": ", 1)[0]).name
        assert line.startswith(f"{tmp_path / name}: {expected[name]}")
    assert list(Article.objects.values_list("filename", flat=True)) == ["good.txt"]
    assert "1 of 5 file(s) imported." in out
    assert message == "4 file(s) could not be imported (see above)."


def test_a_legacy_encoded_file_is_decoded(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(SEED_B.read_text(encoding="utf-8").encode("cp1252"))
    _import(str(path))
    assert Article.objects.get().body == SEED_B.read_text(encoding="utf-8")


def test_a_file_already_imported_names_the_article_it_duplicates(tmp_path: Path) -> None:
    _import(str(SEED_B))
    original = Article.objects.get()
    copy = tmp_path / "copy.txt"
    shutil.copy(SEED_B, copy)
    _, err, _ = _failing_import(str(copy))
    assert err.strip() == f"{copy}: already imported as article #{original.pk} “{original.title}”"
    assert Article.objects.count() == 1


def test_a_missing_path_is_reported(tmp_path: Path) -> None:
    _, err, _ = _failing_import(str(tmp_path / "nowhere.txt"))
    assert err.strip() == f"{tmp_path / 'nowhere.txt'}: no such file"


def test_a_folder_without_text_files_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="no article files"):
        call_command("import_articles", str(tmp_path))


@pytest.mark.parametrize(
    ("option", "message"),
    [("--published=28/03/2016", "'28/03/2016' is not a date"), ("--url=example.com", "is not an http")],
)
def test_bad_options_are_refused_before_anything_is_read(option: str, message: str) -> None:
    with pytest.raises(CommandError, match=message):
        call_command("import_articles", str(SEED_B), option)
    assert not Article.objects.exists()


def test_one_url_cannot_name_several_files() -> None:
    with pytest.raises(CommandError, match="--url names one article"):
        call_command("import_articles", str(SEED_A), str(SEED_B), "--url", "https://example.com/a")


def test_a_broken_manifest_is_reported_for_each_file_beside_it(tmp_path: Path) -> None:
    shutil.copy(SEED_B, tmp_path / "b.txt")
    (tmp_path / "manifest.json").write_text(json.dumps({"b.txt": {"published": "soon"}}))
    _, err, _ = _failing_import(str(tmp_path / "b.txt"))
    assert "'soon' is not a date" in err
