from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from conftest import SEED_A, SEED_B

from articles.importing import (
    ArticleFileError,
    ArticleMeta,
    decode_article,
    metadata_for,
    parse_article,
    parse_dateline,
    read_article,
    read_document,
    read_manifest,
    reads_as_english,
    unescape_references,
)

GUARDIAN_HEADLINE = "Syrian army recaptures ‘all of Palmyra’ from Islamic State"


def test_it_reads_the_headline_under_a_section_label_and_a_date_line() -> None:
    parsed = read_article(SEED_A)
    assert parsed.title == "Russia-backed Syrian forces recapture Palmyra from ISIS"
    assert parsed.dateline == dt.date(2016, 3, 28)


def test_it_reads_the_first_line_as_headline_when_a_standfirst_follows() -> None:
    parsed = read_article(SEED_B)
    assert parsed.title == GUARDIAN_HEADLINE
    assert parsed.dateline is None


@pytest.mark.parametrize("seed", [SEED_A, SEED_B])
def test_it_keeps_the_whole_file_as_the_body(seed: Path) -> None:
    assert read_article(seed).body == seed.read_text(encoding="utf-8")


def test_it_finds_the_date_line_below_a_section_label_only_near_the_top() -> None:
    text = "World\nMonday, 28 March 2016\nThe headline\n\nBody.\nMarch 1, 2016\n"
    parsed = parse_article(text)
    assert (parsed.title, parsed.dateline) == ("The headline", dt.date(2016, 3, 28))


def test_a_long_first_line_becomes_a_shortened_title() -> None:
    parsed = parse_article("word " * 200)
    assert len(parsed.title) <= 300
    assert parsed.title.endswith("…")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Mar 28, 2016", dt.date(2016, 3, 28)),
        ("March 28, 2016", dt.date(2016, 3, 28)),
        ("28 March 2016", dt.date(2016, 3, 28)),
        ("Monday 28 March 2016", dt.date(2016, 3, 28)),
        ("Sun, Sept 4, 2016", dt.date(2016, 9, 4)),
        ("2016-03-28", dt.date(2016, 3, 28)),
        ("Top Stories", None),
        ("Palmyra fell on March 27, 2016 after three weeks", None),
    ],
)
def test_parse_dateline_reads_only_lines_that_are_a_date(line: str, expected: dt.date | None) -> None:
    assert parse_dateline(line) == expected


def test_it_decodes_utf8_and_drops_a_byte_order_mark() -> None:
    assert decode_article("\ufeffCafé “quoted”".encode()) == "Café “quoted”"


def test_it_decodes_utf16_with_a_byte_order_mark() -> None:
    assert decode_article("Palmyra – “retaken”".encode("utf-16")) == "Palmyra – “retaken”"


def test_it_decodes_windows_1252_news_text() -> None:
    text = SEED_B.read_text(encoding="utf-8")
    assert decode_article(text.encode("cp1252")) == text


def test_it_rejects_an_empty_file() -> None:
    with pytest.raises(ArticleFileError, match=r"^empty file"):
        decode_article(b"")


def test_it_rejects_a_file_of_blank_lines() -> None:
    with pytest.raises(ArticleFileError, match=r"^empty file"):
        decode_article(b"\n  \n\t\n")


def test_it_rejects_a_binary_file() -> None:
    with pytest.raises(ArticleFileError, match=r"^binary file"):
        decode_article(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00")


def test_it_rejects_bytes_whose_encoding_cannot_be_told() -> None:
    with pytest.raises(ArticleFileError, match=r"^not UTF-8 text, and its encoding could not be detected"):
        decode_article(bytes(range(1, 256)) * 8)


def test_read_article_names_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ArticleFileError, match=r"^no such file$"):
        read_article(tmp_path / "missing.txt")


def test_the_seed_manifest_names_outlets_and_dates() -> None:
    manifest = read_manifest(SEED_A.parent)
    assert manifest[SEED_A.name] == ArticleMeta("The Straits Times", dt.date(2016, 3, 28), "")
    assert manifest[SEED_B.name] == ArticleMeta("The Guardian", dt.date(2016, 3, 27), "")


def test_a_folder_without_manifest_gives_empty_metadata(tmp_path: Path) -> None:
    assert read_manifest(tmp_path) == {}
    assert metadata_for(tmp_path / "a.txt") == ArticleMeta()


def test_a_manifest_entry_is_found_by_file_name(tmp_path: Path) -> None:
    entry = {"outlet": "Reuters", "published": "2020-01-02", "url": "https://example.com/a"}
    (tmp_path / "manifest.json").write_text(json.dumps({"a.txt": entry}))
    assert metadata_for(tmp_path / "a.txt") == ArticleMeta(
        "Reuters", dt.date(2020, 1, 2), "https://example.com/a"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected an object keyed by file name"),
        ('{"a.txt": "Reuters"}', "the entry for 'a.txt' must be an object"),
        ('{"a.txt": {"published": "28/03/2016"}}', "'28/03/2016' is not a date"),
        ('{"a.txt": {"url": "ftp://x"}}', "'ftp://x' is not an http"),
    ],
)
def test_a_broken_manifest_is_reported(tmp_path: Path, content: str, message: str) -> None:
    (tmp_path / "manifest.json").write_text(content)
    with pytest.raises(ArticleFileError, match=message):
        read_manifest(tmp_path)


PAGE = """<!doctype html><html><head><title>Rebels retake Palmyra - The Paper</title>
<meta property="og:title" content="Rebels retake Palmyra">
<meta property="og:site_name" content="The Paper">
<meta property="article:published_time" content="2016-03-28T10:00:00Z">
<link rel="canonical" href="https://example.com/palmyra"></head>
<body><nav>Home | World | Sport</nav><article><h1>Rebels retake Palmyra</h1>
<p>Rebels took the town on Monday, officials said. At least 12 people died in the fighting that followed.</p>
<p>The army said 20 soldiers were wounded during the operation, which lasted three days.</p>
<script>alert("x")</script></article><footer>Copyright The Paper</footer></body></html>"""


def test_an_html_page_becomes_its_article_text_and_metadata() -> None:
    from articles.importing import parse_html

    parsed, meta = parse_html(PAGE)
    assert parsed.title == "Rebels retake Palmyra"
    assert parsed.body.startswith("Rebels retake Palmyra\n\nRebels took the town on Monday")
    assert "alert" not in parsed.body and "Home | World" not in parsed.body
    assert "Copyright" not in parsed.body
    assert meta.outlet == "The Paper"
    assert meta.url == "https://example.com/palmyra"
    assert str(meta.published) == "2016-03-28"


def test_an_html_page_without_article_text_is_refused() -> None:
    import pytest

    from articles.importing import ArticleFileError, parse_html

    with pytest.raises(ArticleFileError, match="no article text"):
        parse_html("<html><body><script>var a = 1;</script></body></html>")


def test_html_is_told_by_its_name_or_its_start() -> None:
    from articles.importing import looks_like_html

    assert looks_like_html("page.HTML", "plain words")
    assert looks_like_html("", "  <!DOCTYPE html><p>x</p>")
    assert not looks_like_html("story.txt", "Rebels took the town.")


def test_pasted_text_has_its_html_character_references_written_out() -> None:
    text = (
        "Ferry sinks\n\nProcter &amp; Gamble said it&#8217;s 40&#x2009;km away &mdash; AT&T and R&D agreed.\n"
    )
    parsed, _ = read_document("", text.encode("utf-8"))
    assert "Procter & Gamble said it\u2019s 40\u2009km away \u2014 AT&T and R&D agreed." in parsed.body
    assert unescape_references("no references & none &here") == "no references & none &here"


@pytest.mark.parametrize("seed", [SEED_A, SEED_B])
def test_english_prose_reads_as_english_and_other_languages_do_not(seed: Path) -> None:
    assert reads_as_english(seed.read_text(encoding="utf-8"))
    assert reads_as_english("Twelve dead.")  # too short to tell
    french = (
        "Un ferry transportant 200 passagers a coulé mardi au large des côtes, faisant au moins 12 morts, ont "
        "indiqué les autorités. Le gouvernement a déclaré que les recherches se poursuivaient."
    )
    assert not reads_as_english(french)


def test_characters_hidden_in_words_are_dropped_from_an_upload() -> None:
    text = "Ferry sinks off Var&shy;den\n\nThe ferry carried 200 pas\u00adsengers and 12 peo\u200bple died.\n"
    parsed, _ = read_document("", text.encode("utf-8"))
    assert "Ferry sinks off Varden" in parsed.body
    assert "The ferry carried 200 passengers and 12 people died." in parsed.body
