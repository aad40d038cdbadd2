"""Reading article files: decoding their bytes, finding headline and date line, and the seeds' manifest.

Pure functions without the database, shared by the import commands and by `compare`.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import trafilatura
from charset_normalizer import from_bytes
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

MANIFEST_NAME = "manifest.json"

# Above this mess ratio (how garbled charset-normalizer finds a decoding), its guess is not trusted.
MAX_CHAOS = 0.1

_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_TITLE_MAX = 300
_HEADER_LINES = 3  # a section label and a date line come before the headline, if at all
_WEEKDAY = re.compile(r"^(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE)
_URL = URLValidator(schemes=["http", "https"])
_DATE_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y", "%Y-%m-%d")


class ArticleFileError(ValueError):
    """A file that cannot be read as an article; the message is one line, fit to show as is."""


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    title: str
    dateline: dt.date | None  # the date printed above the headline, when there is one
    body: str  # the whole text as decoded: nothing dropped, so offsets index the file's text


@dataclass(frozen=True, slots=True)
class ArticleMeta:
    outlet: str = ""
    published: dt.date | None = None
    url: str = ""


def decode_article(data: bytes) -> str:
    """The text of an article file: UTF-8, or a legacy encoding when it can be told with confidence."""
    if data.startswith(_UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise ArticleFileError("binary file: not text (broken UTF-16)") from None
    elif b"\x00" in data:
        raise ArticleFileError("binary file: not text (it contains NUL bytes)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = _decode_legacy(data)
    if not text.strip():
        raise ArticleFileError("empty file: there is no text to import")
    return text


def _decode_legacy(data: bytes) -> str:
    matches = list(from_bytes(data))
    calmest = min((m.chaos for m in matches), default=1.0)
    if calmest > MAX_CHAOS:
        raise ArticleFileError("not UTF-8 text, and its encoding could not be detected: save it as UTF-8")
    candidates = [m for m in matches if m.chaos == calmest]
    # Equally clean decodings differ only in rarely used letters; Windows-1252 is the usual one for news text.
    if any("cp1252" in m.could_be_from_charset for m in candidates):
        return data.decode("cp1252")
    return str(max(candidates, key=lambda m: m.coherence))


def parse_article(text: str) -> ParsedArticle:
    """Find the headline in the common layouts of a news text file.

    - headline, then a date line, then the body: the headline is the line before the date;
    - section label ("Top Stories"), date line ("Mar 28, 2016"), headline: the line after the date;
    - headline and standfirst (or no date line at all): the first line.
    """
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    header = lines[:_HEADER_LINES]
    dateline: dt.date | None = None
    title_index = 0
    for index, line in enumerate(header):
        dateline = parse_dateline(line)
        if dateline is not None:
            after = lines[index + 1] if index + 1 < len(lines) else ""
            before = lines[index - 1] if index > 0 else ""
            if index == 0 or (is_section_label(before) and looks_like_headline(after)):
                title_index = index + 1
            else:
                title_index = index - 1
            break
    title = lines[title_index] if title_index < len(lines) else ""
    return ParsedArticle(title=_shorten(" ".join(title.split())), dateline=dateline, body=text)


_SENTENCE_END = re.compile(r"[.!?][\"'’”)]*$")


def is_section_label(line: str) -> bool:
    """A newspaper section's name above an article: a few words, no sentence ("Top Stories", "World")."""
    return 0 < len(line.split()) <= 3 and not _SENTENCE_END.search(line)


def looks_like_headline(line: str) -> bool:
    """A line that reads as a headline rather than a paragraph of the body: short, no closing full stop."""
    return 0 < len(line.split()) <= 25 and not line.endswith(".")


def parse_dateline(line: str) -> dt.date | None:
    """The date of a line that is nothing but a date, such as "Mar 28, 2016" or "Monday 28 March 2016"."""
    candidate = _WEEKDAY.sub("", line.strip().rstrip("."))
    if len(candidate) > 30:
        return None
    candidate = candidate.replace("Sept ", "Sep ")
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(candidate, fmt).date()
        except ValueError:
            continue
    return None


def _shorten(title: str) -> str:
    if len(title) <= _TITLE_MAX:
        return title
    return title[: _TITLE_MAX - 1].rsplit(" ", 1)[0] + "…"


def read_article(path: Path) -> ParsedArticle:
    """Read and parse one article file; every failure is an ArticleFileError naming the reason."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleFileError("no such file") from None
    except IsADirectoryError:
        raise ArticleFileError("is a folder, not a file") from None
    except OSError as error:
        raise ArticleFileError(f"cannot be read: {error.strerror}") from None
    return parse_article(decode_article(data))


def parse_iso_date(value: str) -> dt.date:
    """A YYYY-MM-DD date; the error message says what was wrong."""
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise ValueError(f"{value!r} is not a date: expected YYYY-MM-DD") from None


def check_url(value: str) -> str:
    """``value`` if it is an http(s) URL; the error message says it is not."""
    try:
        _URL(value)
    except ValidationError:
        raise ValueError(f"{value!r} is not an http(s) URL") from None
    return value


def read_manifest(directory: Path) -> dict[str, ArticleMeta]:
    """The metadata of the files in ``directory``, keyed by file name; no manifest means none."""
    path = directory / MANIFEST_NAME
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (json.JSONDecodeError, UnicodeDecodeError) as error:
        raise ArticleFileError(f"{path}: not valid JSON ({error})") from None
    if not isinstance(raw, dict):
        raise ArticleFileError(f"{path}: expected an object keyed by file name")
    manifest: dict[str, ArticleMeta] = {}
    for name, entry in raw.items():
        if not isinstance(entry, dict):
            raise ArticleFileError(f"{path}: the entry for {name!r} must be an object")
        try:
            published = parse_iso_date(str(entry["published"])) if entry.get("published") else None
            url = check_url(str(entry["url"])) if entry.get("url") else ""
        except ValueError as error:
            raise ArticleFileError(f"{path}: {name}: {error}") from None
        manifest[name] = ArticleMeta(outlet=str(entry.get("outlet") or ""), published=published, url=url)
    return manifest


def metadata_for(path: Path) -> ArticleMeta:
    """The manifest entry for ``path`` in the manifest beside it, if any."""
    return read_manifest(path.parent).get(path.name, ArticleMeta())


_HTML_START = re.compile(r"^\s*(?:<!doctype html|<html|<head|<body|<article|<p[\s>]|<div)", re.IGNORECASE)


def looks_like_html(name: str, text: str) -> bool:
    """HTML by its file name, or pasted text that starts like a web page."""
    return name.lower().endswith((".html", ".htm")) or bool(_HTML_START.match(text))


# Paragraphs of a web page that are about the site, not the story: cookie notices, sign-up prompts, footers.
_BOILERPLATE = re.compile(
    r"\bcookies?\b|privacy (?:policy|notice|settings)|all rights reserved|\bcopyright\b|©|"
    r"\bsubscribe\b|\bsign up\b|\bnewsletter\b|terms of (?:use|service)|enable javascript|"
    r"\badvertisement\b|accept all",
    re.IGNORECASE,
)
# Fewer words of story than this, once the boilerplate is dropped, is not an article.
MIN_ARTICLE_WORDS = 25


def article_paragraphs(text: str) -> list[str]:
    """The paragraphs of extracted page text that tell a story, boilerplate dropped."""
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    return [p for p in paragraphs if not _BOILERPLATE.search(p)]


def parse_html(html: str) -> tuple[ParsedArticle, ArticleMeta]:
    """The article text of a web page (menus, adverts, comments and scripts dropped) and its metadata.

    The headline, outlet, date and URL come from the page's meta and Open Graph tags where it has them;
    a date only from the page's own markup, never guessed from a copyright line or today. A page with no
    article in it (navigation, cookie notices, lists of links) is refused with ArticleFileError.
    """
    document = trafilatura.bare_extraction(
        html,
        include_comments=False,
        with_metadata=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = _INVISIBLE.sub("", getattr(document, "text", None) or "")
    paragraphs = article_paragraphs(text)
    if sum(len(p.split()) for p in paragraphs) < MIN_ARTICLE_WORDS or not any(
        _SENTENCE_END.search(p) for p in paragraphs
    ):
        raise ArticleFileError("no article text in this page: only navigation, cookie notices or links")
    title = " ".join(str(getattr(document, "title", None) or "").split())
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    body = "\n\n".join(paragraphs) + "\n"
    parsed = parse_article(body)
    published: dt.date | None = None
    raw_date = str(getattr(document, "date", None) or "")
    if raw_date:
        try:
            published = parse_iso_date(raw_date[:10])
        except ValueError:
            published = None
    url = str(getattr(document, "url", None) or "")
    try:
        url = check_url(url) if url else ""
    except ValueError:
        url = ""
    outlet = str(getattr(document, "sitename", None) or "") or outlet_from_url(url)
    meta = ArticleMeta(outlet=outlet, published=published, url=url)
    return ParsedArticle(title=_shorten(title) or parsed.title, dateline=parsed.dateline, body=body), meta


def outlet_from_url(url: str) -> str:
    """A guess at the outlet from an address's domain: "www.theguardian.com" gives "theguardian.com"."""
    host = (urlsplit(url).hostname or "") if url else ""
    return host.removeprefix("www.")


# English prose is about two words in five of its commonest words ("the", "of", "said"); other languages that
# share its alphabet have a few in a hundred. Below this share, over enough words, a text is not English.
_ENGLISH_SHARE = 0.2
_ENGLISH_MIN_WORDS = 25
_LETTERS = re.compile(r"[^\W\d_]+")


def reads_as_english(text: str) -> bool:
    """Whether ``text`` reads as English by its share of common English words; too short a text passes."""
    from articles.engine.lexicon import STOPWORDS

    words = [w.lower() for w in _LETTERS.findall(text)]
    if len(words) < _ENGLISH_MIN_WORDS:
        return True
    return sum(w in STOPWORDS for w in words) / len(words) >= _ENGLISH_SHARE


# Characters a web page hides in its words: soft hyphens ("pas\u00adsengers"), zero-width spaces and word
# joiners, a byte order mark inside the text. Copied with the text, they split its words for every reader.
_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")


# A character reference left in text copied out of a page's source: "&amp;", "&#8217;", "&#x2014;", "&nbsp;".
_REFERENCE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_references(text: str) -> str:
    """Text with the character references of HTML written as their characters ("Procter &amp; Gamble" gives
    "Procter & Gamble"); anything that is not a whole reference is left as it is ("AT&T", "R&D")."""
    return _REFERENCE.sub(lambda m: html.unescape(m.group()), text)


def read_document(name: str, data: bytes, url: str = "") -> tuple[ParsedArticle, ArticleMeta]:
    """A file's (or a fetched page's) article and what its metadata says; ArticleFileError when it is not
    an article. The outlet falls back on the domain of ``url``."""
    text = decode_article(data)
    if looks_like_html(name, text) or (url and "<body" in text[:100_000].lower()):
        parsed, meta = parse_html(text)
    else:
        parsed, meta = parse_article(_INVISIBLE.sub("", unescape_references(text))), ArticleMeta()
    if not reads_as_english(parsed.body):
        raise ArticleFileError("not in English: NewsCompare reads and compares articles written in English")
    if url:
        meta = ArticleMeta(
            outlet=meta.outlet or outlet_from_url(url), published=meta.published, url=meta.url or url
        )
    return parsed, meta
