"""Full-text search over articles and claims: FTS5 on SQLite, tsvector with GIN indexes on PostgreSQL.

Both read the same query syntax as PostgreSQL's websearch_to_tsquery: words (all must match),
"quoted phrases", -exclusions and OR. Results are ranked and come with a highlighted snippet.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BooleanField, Q, QuerySet
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from articles.models import Article, Claim, Link, Outlet

# Snippet markers that never occur in text: the snippet is escaped first, then they become <mark>.
_START, _STOP = "\x02", "\x03"
PG_CONFIG = "english"
FTS5_TOKENIZER = "porter unicode61 remove_diacritics 2"


@dataclass(frozen=True)
class ParsedQuery:
    """A search as words and phrases that must all occur, alternatives (OR), and exclusions."""

    groups: tuple[tuple[str, ...], ...]  # every group must match; a group matches if any term does
    excluded: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.groups)


_TERM = re.compile(r'(-?)"([^"]*)"?|(\S+)')


def parse_query(text: str) -> ParsedQuery:
    """Read websearch syntax: ``rebels "at least 400" -Russia Palmyra OR Tadmur``."""
    groups: list[list[str]] = []
    excluded: list[str] = []
    join_next = False
    for match in _TERM.finditer(text):
        negated, phrase, bare = match.group(1), match.group(2), match.group(3)
        if bare is not None and bare.upper() == "OR":
            join_next = bool(groups)
            continue
        if bare is not None and bare.upper() == "AND":  # every word must match anyway
            continue
        if bare is not None and bare.startswith("-") and len(bare) > 1:
            negated, bare = "-", bare[1:]
        words = _words(phrase if phrase is not None else bare or "")
        if not words:
            continue
        term = " ".join(words)
        if negated:
            excluded.append(term)
        elif join_next:
            groups[-1].append(term)
        else:
            groups.append([term])
        join_next = False
    return ParsedQuery(tuple(tuple(g) for g in groups), tuple(excluded))


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def fts5_query(query: ParsedQuery) -> str:
    """The query in FTS5 syntax, every term quoted so that no user input is read as an operator."""

    def quoted(term: str) -> str:
        return '"' + term.replace('"', "") + '"'

    parts = [
        quoted(g[0]) if len(g) == 1 else "(" + " OR ".join(quoted(t) for t in g) + ")" for g in query.groups
    ]
    text = " AND ".join(parts)
    for term in query.excluded:
        text += f" NOT {quoted(term)}"
    return text


def websearch_text(query: ParsedQuery) -> str:
    """The query back in websearch syntax, normalised, for PostgreSQL's websearch_to_tsquery."""

    def term(t: str) -> str:
        return f'"{t}"' if " " in t else t

    parts = [" or ".join(term(t) for t in g) for g in query.groups]
    parts += [f"-{term(t)}" for t in query.excluded]
    return " ".join(parts)


def _outlets_named(terms: Sequence[str], outlets: Sequence[Outlet]) -> list[int]:
    """Outlets whose name holds any of ``terms`` as whole words."""
    found = []
    for outlet in outlets:
        name = " " + " ".join(_words(outlet.name)) + " "
        if any(f" {t} " in name for t in terms):
            found.append(outlet.pk)
    return found


def _text_match_sql(query: ParsedQuery, db: BaseDatabaseWrapper, alias: str) -> tuple[str, list[Any]]:
    if db.vendor == "postgresql":
        return (
            f"{alias}.search_document @@ websearch_to_tsquery(%s::regconfig, %s)",
            [PG_CONFIG, websearch_text(query)],
        )
    return (
        f"{alias}.id IN (SELECT rowid FROM articles_article_fts WHERE articles_article_fts MATCH %s)",
        [fts5_query(query)],
    )


def article_condition(
    query: ParsedQuery, db: BaseDatabaseWrapper, alias: str = "articles_article"
) -> tuple[str, list[Any]]:
    """SQL true for the articles matching ``query``: each word, phrase or alternative in the headline or
    text, or in the outlet's name ("Palmyra Guardian"); none of the excluded ones."""
    outlets = list(Outlet.objects.only("id", "name"))
    if not any(_outlets_named(terms, outlets) for terms in (*query.groups, query.excluded)):
        return _text_match_sql(query, db, alias)  # the whole query at once: one index lookup
    parts, params = [], []
    for group in query.groups:
        sql, group_params = _text_match_sql(ParsedQuery((group,)), db, alias)
        named = _outlets_named(group, outlets)
        if named:
            sql = f"({sql} OR {alias}.outlet_id IN ({', '.join(['%s'] * len(named))}))"
            group_params = [*group_params, *named]
        parts.append(sql)
        params += group_params
    for term in query.excluded:
        sql, term_params = _text_match_sql(ParsedQuery(((term,),)), db, alias)
        parts.append(f"NOT {sql}")
        params += term_params
        named = _outlets_named([term], outlets)
        if named:
            parts.append(f"{alias}.outlet_id NOT IN ({', '.join(['%s'] * len(named))})")
            params += named
    return " AND ".join(parts), params


def comparison_match(text: str, using: BaseDatabaseWrapper | None = None) -> Q:
    """Comparisons with an article whose headline, text or outlet matches ``text``."""
    query = parse_query(text)
    if not query:
        return Q(pk__in=[])
    condition, params = article_condition(query, using or connection)
    sql = f"SELECT id FROM articles_article WHERE {condition}"
    matched = RawSQL(
        f"(articles_comparison.article_a_id IN ({sql}) OR articles_comparison.article_b_id IN ({sql}))",
        [*params, *params],
        output_field=BooleanField(),
    )
    return Q(matched)


def matching_claim_ids_sql(text: str, using: BaseDatabaseWrapper | None = None) -> tuple[str, list[object]]:
    """SQL selecting the ids of the claims whose text matches ``text`` (nothing for an empty query)."""
    query = parse_query(text)
    if not query:
        return "SELECT NULL WHERE 0 = 1", []
    if (using or connection).vendor == "postgresql":
        return (
            "SELECT id FROM articles_claim WHERE search_document @@ websearch_to_tsquery(%s::regconfig, %s)",
            [PG_CONFIG, websearch_text(query)],
        )
    return "SELECT rowid FROM articles_claim_fts WHERE articles_claim_fts MATCH %s", [fts5_query(query)]


@dataclass
class Filters:
    outlet: Outlet | None = None
    published_from: dt.date | None = None
    published_to: dt.date | None = None
    relation: str = ""


@dataclass
class Hit[T]:
    obj: T
    snippet: SafeString = field(default_factory=lambda: SafeString(""))


def _snippet(text: str | None) -> SafeString:
    if not text:
        return SafeString("")
    return mark_safe(escape(text).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _article_filters(filters: Filters, prefix: str = "") -> Q:
    q = Q()
    if filters.outlet is not None:
        q &= Q(**{f"{prefix}outlet": filters.outlet})
    if filters.published_from is not None:
        q &= Q(**{f"{prefix}published__gte": filters.published_from})
    if filters.published_to is not None:
        q &= Q(**{f"{prefix}published__lte": filters.published_to})
    return q


def _relation_filter(relation: str) -> Q:
    """Claims with a link of that relation (as reported), on either side."""
    if not relation:
        return Q()
    # Hashed once from the (relation, claim) indexes.
    links = Link.objects.annotate(reported=Link.reported_relation_expression()).filter(reported=relation)
    return Q(pk__in=links.values("claim_a")) | Q(pk__in=links.values("claim_b"))


def search_articles(
    text: str, filters: Filters, *, offset: int, limit: int, using: BaseDatabaseWrapper | None = None
) -> list[Hit[Article]]:
    """Articles matching ``text`` (or whose outlet's name matches it), best first; ``limit`` of them."""
    query = parse_query(text)
    if not query:
        return []
    db = using or connection
    base = Article.objects.select_related("outlet").filter(_article_filters(filters))
    condition = article_condition(query, db, "a")
    if db.vendor == "postgresql":
        ids = _pg_article_ids(base, query, condition, offset, limit)
    else:
        ids = _sqlite_article_ids(base, query, condition, offset, limit)
    articles = base.in_bulk([i for i, _ in ids])
    snippets = dict(_article_snippets(query, [i for i, _ in ids], db))
    return [Hit(articles[i], _snippet(snippets.get(i))) for i, _ in ids if i in articles]


def search_claims(
    text: str, filters: Filters, *, offset: int, limit: int, using: BaseDatabaseWrapper | None = None
) -> list[Hit[Claim]]:
    """Claims matching ``text``, of the filtered articles and with a link of the filtered relation."""
    query = parse_query(text)
    if not query:
        return []
    db = using or connection
    base = Claim.objects.select_related("article__outlet").filter(_article_filters(filters, "article__"))
    if db.vendor == "postgresql":
        search = SearchQuery(websearch_text(query), search_type="websearch", config=PG_CONFIG)
        document = RawSQL('"articles_claim"."search_document"', [], output_field=SearchVectorField())
        page = list(
            base.filter(_relation_filter(filters.relation))
            .annotate(document=document, rank=SearchRank(document, search))
            .filter(document=search)
            .order_by("-rank", "-id")[offset : offset + limit]
        )
        # Headlines only for the page: ts_headline reads the whole text again.
        headlines = dict(
            Claim.objects.filter(pk__in=[c.pk for c in page])
            .annotate(
                snippet=SearchHeadline("text", search, config=PG_CONFIG, start_sel=_START, stop_sel=_STOP)
            )
            .values_list("id", "snippet")
        )
        return [Hit(c, _snippet(headlines.get(c.pk))) for c in page]
    # The full-text matches first (MATERIALIZED), then the filters on them: never one lookup per claim.
    sql = (
        "WITH hits AS MATERIALIZED (SELECT rowid AS id, rank FROM articles_claim_fts"
        " WHERE articles_claim_fts MATCH %s) SELECT hits.id FROM hits"
    )
    params: list[Any] = [fts5_query(query)]
    conditions = []
    if filters.relation:
        # Claims on either side of a link of that relation, looked up per hit by the claim indexes.
        links = Link.objects.annotate(reported=Link.reported_relation_expression()).filter(
            reported=filters.relation
        )
        sql_l, params_l = links.order_by().values("claim_a_id", "claim_b_id").query.sql_with_params()
        conditions.append(
            f"(EXISTS (SELECT 1 FROM ({sql_l}) l WHERE l.claim_a_id = hits.id)"
            f" OR EXISTS (SELECT 1 FROM ({sql_l}) l WHERE l.claim_b_id = hits.id))"
        )
        params += [*params_l, *params_l]
    if base.query.where:
        base_sql, base_params = base.values("id").query.sql_with_params()
        conditions.append(f"hits.id IN ({base_sql})")
        params += base_params
    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    sql += " ORDER BY hits.rank, hits.id DESC LIMIT %s OFFSET %s"
    with db.cursor() as cursor:
        cursor.execute(sql, [*params, limit, offset])
        ids = [int(row[0]) for row in cursor.fetchall()]
    claims = base.in_bulk(ids)
    snippets = dict(_fts5_snippets("articles_claim_fts", 0, query, ids, 40, db))
    return [Hit(claims[i], _snippet(snippets.get(i))) for i in ids if i in claims]


def _pg_article_ids(
    base: QuerySet[Article], query: ParsedQuery, condition: tuple[str, list[Any]], offset: int, limit: int
) -> list[tuple[int, float]]:
    base_sql, base_params = base.values("id").query.sql_with_params()
    filtered = f" AND a.id IN ({base_sql})" if base.query.where else ""
    sql = (
        "SELECT a.id, ts_rank(a.search_document, websearch_to_tsquery(%s::regconfig, %s)) AS rank"
        f" FROM articles_article a WHERE {condition[0]}{filtered}"
        " ORDER BY rank DESC, a.published DESC NULLS LAST, a.id DESC LIMIT %s OFFSET %s"
    )
    params = [
        PG_CONFIG,
        websearch_text(query),
        *condition[1],
        *(base_params if filtered else []),
        limit,
        offset,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(pk), float(rank)) for pk, rank in cursor.fetchall()]


def _sqlite_article_ids(
    base: QuerySet[Article], query: ParsedQuery, condition: tuple[str, list[Any]], offset: int, limit: int
) -> list[tuple[int, float]]:
    base_sql, base_params = base.values("id").query.sql_with_params()
    # Ranked by the whole query; articles found through their outlet's name come after.
    hits = (
        "WITH f AS MATERIALIZED (SELECT rowid AS id, rank FROM articles_article_fts"
        " WHERE articles_article_fts MATCH %s)"
    )
    filtered = f" AND a.id IN ({base_sql})" if base.query.where else ""
    sql = (
        f"{hits} SELECT a.id, f.rank FROM articles_article a LEFT JOIN f ON f.id = a.id"
        f" WHERE {condition[0]}{filtered}"
        " ORDER BY f.rank IS NULL, f.rank, a.published DESC, a.id DESC LIMIT %s OFFSET %s"
    )
    params = [fts5_query(query), *condition[1], *(base_params if filtered else []), limit, offset]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [(int(pk), float(rank) if rank is not None else 0.0) for pk, rank in cursor.fetchall()]


def _article_snippets(
    query: ParsedQuery, ids: Sequence[int], db: BaseDatabaseWrapper
) -> list[tuple[int, str]]:
    if not ids:
        return []
    if db.vendor == "postgresql":
        search = SearchQuery(websearch_text(query), search_type="websearch", config=PG_CONFIG)
        rows = Article.objects.filter(pk__in=ids).annotate(
            snippet=SearchHeadline(
                "body",
                search,
                config=PG_CONFIG,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=12,
                max_fragments=2,
                fragment_delimiter=" … ",
            )
        )
        return [(pk, text) for pk, text in rows.values_list("id", "snippet")]
    return _fts5_snippets("articles_article_fts", 1, query, ids, 24, db)


def _fts5_snippets(
    table: str, column: int, query: ParsedQuery, ids: Sequence[int], tokens: int, db: BaseDatabaseWrapper
) -> list[tuple[int, str]]:
    if not ids:
        return []
    placeholders = ", ".join(["%s"] * len(ids))
    sql = (
        f"SELECT rowid, snippet({table}, {column}, %s, %s, '…', {tokens}) FROM {table}"
        f" WHERE {table} MATCH %s AND rowid IN ({placeholders})"
    )
    with db.cursor() as cursor:
        cursor.execute(sql, [_START, _STOP, fts5_query(query), *ids])
        return [(int(pk), str(text)) for pk, text in cursor.fetchall()]


# -- keeping the indexes -------------------------------------------------------------------------------

_SQLITE_SETUP = [
    f"CREATE VIRTUAL TABLE IF NOT EXISTS articles_article_fts USING fts5(title, body, tokenize='{FTS5_TOKENIZER}')",
    f"CREATE VIRTUAL TABLE IF NOT EXISTS articles_claim_fts USING fts5(text, tokenize='{FTS5_TOKENIZER}')",
    """CREATE TRIGGER IF NOT EXISTS articles_article_fts_insert AFTER INSERT ON articles_article BEGIN
        INSERT INTO articles_article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_article_fts_delete AFTER DELETE ON articles_article BEGIN
        DELETE FROM articles_article_fts WHERE rowid = old.id; END""",
    """CREATE TRIGGER IF NOT EXISTS articles_article_fts_update AFTER UPDATE OF title, body ON articles_article
        BEGIN DELETE FROM articles_article_fts WHERE rowid = old.id;
        INSERT INTO articles_article_fts(rowid, title, body) VALUES (new.id, new.title, new.body); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_claim_fts_insert AFTER INSERT ON articles_claim BEGIN
        INSERT INTO articles_claim_fts(rowid, text) VALUES (new.id, new.text); END""",
    """CREATE TRIGGER IF NOT EXISTS articles_claim_fts_delete AFTER DELETE ON articles_claim BEGIN
        DELETE FROM articles_claim_fts WHERE rowid = old.id; END""",
    """CREATE TRIGGER IF NOT EXISTS articles_claim_fts_update AFTER UPDATE OF text ON articles_claim BEGIN
        DELETE FROM articles_claim_fts WHERE rowid = old.id;
        INSERT INTO articles_claim_fts(rowid, text) VALUES (new.id, new.text); END""",
]

_PG_SETUP = [
    f"""ALTER TABLE articles_article ADD COLUMN IF NOT EXISTS search_document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('{PG_CONFIG}', coalesce(title, '')), 'A')
        || setweight(to_tsvector('{PG_CONFIG}', coalesce(body, '')), 'B')) STORED""",
    "CREATE INDEX IF NOT EXISTS article_search_document ON articles_article USING gin (search_document)",
    f"""ALTER TABLE articles_claim ADD COLUMN IF NOT EXISTS search_document tsvector GENERATED ALWAYS AS (
        to_tsvector('{PG_CONFIG}', coalesce(text, ''))) STORED""",
    "CREATE INDEX IF NOT EXISTS claim_search_document ON articles_claim USING gin (search_document)",
]


def ensure_search_index(db: BaseDatabaseWrapper) -> None:
    """Create the full-text index if missing. On SQLite a migration that rebuilds a table drops its
    triggers, so this runs after every migrate and refills the index when it was out of step."""
    if not {"articles_article", "articles_claim"} <= set(db.introspection.table_names()):
        return  # migrated back before the articles existed
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            for sql in _PG_SETUP:
                cursor.execute(sql)
        elif db.vendor == "sqlite":
            cursor.execute("SELECT count(*) FROM sqlite_master WHERE name = 'articles_article_fts_insert'")
            had_triggers = cursor.fetchone()[0] == 1
            for sql in _SQLITE_SETUP:
                cursor.execute(sql)
            if not had_triggers:
                rebuild_sqlite_index(db)


def rebuild_sqlite_index(db: BaseDatabaseWrapper) -> None:
    with db.cursor() as cursor:
        cursor.execute("DELETE FROM articles_article_fts")
        cursor.execute(
            "INSERT INTO articles_article_fts(rowid, title, body) SELECT id, title, body FROM articles_article"
        )
        cursor.execute("DELETE FROM articles_claim_fts")
        cursor.execute("INSERT INTO articles_claim_fts(rowid, text) SELECT id, text FROM articles_claim")


def drop_search_index(db: BaseDatabaseWrapper) -> None:
    with db.cursor() as cursor:
        if db.vendor == "postgresql":
            cursor.execute("ALTER TABLE articles_article DROP COLUMN IF EXISTS search_document")
            cursor.execute("ALTER TABLE articles_claim DROP COLUMN IF EXISTS search_document")
        elif db.vendor == "sqlite":
            for name in ("article", "claim"):
                for event in ("insert", "delete", "update"):
                    cursor.execute(f"DROP TRIGGER IF EXISTS articles_{name}_fts_{event}")
                cursor.execute(f"DROP TABLE IF EXISTS articles_{name}_fts")
