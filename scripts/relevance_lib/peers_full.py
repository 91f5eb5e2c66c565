"""tantivy and SQLite FTS5 doing what `depeches bench` does, for scripts/bench-peers.

The peers are scripts/relevance's (same analyzers, title weight, all-words-then-any-word
fallback), with two differences that the benchmark query file needs:
- its operators are read as each engine's own: OR, NOT, parentheses and `word*` (prefix), as
  `depeches search` reads them, where relevance_lib's peers (made for plain-word queries) read
  them as words;
- `search_full` does the whole work of a Dépêches search: the top 10 ranked, a highlighted
  snippet of the body for each (tantivy: SnippetGenerator; FTS5: snippet()), the exact number of
  matches and the count of matches per month (YYYY-MM of the date) over every match (tantivy: a
  terms aggregation on a month fast field; FTS5: GROUP BY month over the MATCH).
`search_ids` is the top 10 ids alone. The query file's date windows filter both.
"""
import re

import tantivy

from .peer_tantivy import Tantivy, day_number
from .peers import FTS5, TITLE_WEIGHT
from .querytext import TOKEN

SNIPPET_CHARS = 300        # tantivy's snippet length: Dépêches' SnippetMaker.maxLength
SNIPPET_TOKENS = 48        # FTS5 counts tokens (at most 64): about 300 characters of French
MONTH_BUCKETS = 100_000    # more than any corpus has months: the aggregation returns them all
OPERATORS = ("AND", "OR", "NOT")
ITEM = re.compile(r'"([^"]*)"|«([^»]*)»|([()])|([^\s()"«»]+)')


def items(query):
    """The query as ('word', token, prefix) | ('phrase', [tokens]) | ('op', AND/OR/NOT) |
    ('paren', '(' or ')'), in order. A word that tokenizes into several (Haut-Karabakh,
    l'homme) is a phrase, as Dépêches reads it."""
    found = []
    for m in ITEM.finditer(query):
        quoted, guillemets, paren, bare = m.groups()
        if paren:
            found.append(("paren", paren))
        elif bare in OPERATORS:
            found.append(("op", bare))
        else:
            tokens = TOKEN.findall(bare if bare is not None else quoted if quoted is not None else guillemets)
            if len(tokens) > 1:
                found.append(("phrase", tokens))
            elif tokens:
                found.append(("word", tokens[0], bare is not None and bare.endswith("*")))
    return found


def rendered(query, default_op, word, phrase):
    """The query in an engine's syntax: `word(token, prefix)` and `phrase(tokens)` render the
    operands; `default_op` is put where the query has none between two operands."""
    out, last = [], None
    for item in items(query):
        starts = item[0] in ("word", "phrase") or item == ("paren", "(")
        if starts and last is not None and (last[0] in ("word", "phrase") or last == ("paren", ")")):
            out.append(default_op)
        if item[0] == "word":
            out.append(word(item[1], item[2]))
        elif item[0] == "phrase":
            out.append(phrase(item[1]))
        else:
            out.append(item[1])
        last = item
    return " ".join(out)


def fts5_query(query, default_op):
    """An FTS5 MATCH expression; every operand quoted, `"word" *` for a prefix."""
    return rendered(query, default_op, lambda t, p: f'"{t}"' + (" *" if p else ""),
                    lambda ts: '"' + " ".join(ts) + '"')


def tantivy_query(query, default_op):
    """A tantivy query string: bare words, `word*`, "phrases", AND/OR/NOT, parentheses."""
    return rendered(query, default_op, lambda t, p: t.lower() + ("*" if p else ""),
                    lambda ts: '"' + " ".join(ts) + '"')


class TantivyBench(Tantivy):
    """relevance_lib's tantivy; with `full`, the body is stored (for snippets) and the month is
    a fast field (for the counts). The top-10 row reads an index without them."""

    def __init__(self, workdir, full):
        super().__init__(workdir)
        self.full = full
        self.body_stored = full

    def _add_fields(self, builder):
        super()._add_fields(builder)
        builder.add_integer_field("month", fast=True)

    def _fields(self, d):
        return dict(super()._fields(d), month=day_number(d.date) // 100)

    def _query(self, corpus_name, query, conjunction, since, until):
        index, schema, _ = self.indexes[corpus_name]
        text = tantivy_query(query, "AND" if conjunction else "OR")
        if not text:
            return None
        q = index.parse_query(text, ["title", "body"], field_boosts={"title": TITLE_WEIGHT})
        if since or until:
            window = tantivy.Query.range_query(schema, "day", tantivy.FieldType.Integer,
                                               day_number(since) if since else None,
                                               day_number(until) if until else None)
            q = tantivy.Query.boolean_query([(tantivy.Occur.Must, q),
                                             (tantivy.Occur.Must, tantivy.Query.const_score_query(window, 0.0))])
        return q

    def _top(self, corpus_name, query, since, until, limit):
        """(query run, its top hits): all words, then any word when they find nothing."""
        searcher = self.indexes[corpus_name][2]
        for conjunction in (True, False):
            q = self._query(corpus_name, query, conjunction, since, until)
            if q is None:
                return None, []
            hits = searcher.search(q, limit, count=False).hits
            if hits:
                return q, hits
        return q, []

    def search_ids(self, corpus_name, query, since=None, until=None, limit=10):
        """The ids of the top `limit`."""
        searcher = self.indexes[corpus_name][2]
        return [searcher.doc(a)["rel"][0] for _, a in self._top(corpus_name, query, since, until, limit)[1]]

    def search_full(self, corpus_name, query, since=None, until=None, limit=10):
        """(top ids, their snippets, total, {YYYYMM: count}) for one query."""
        _, schema, searcher = self.indexes[corpus_name]
        q, hits = self._top(corpus_name, query, since, until, limit)
        if not hits:
            return [], [], 0, {}
        generator = tantivy.SnippetGenerator.create(searcher, q, schema, "body")
        generator.set_max_num_chars(SNIPPET_CHARS)
        ids, snippets = [], []
        for _, address in hits:
            doc = searcher.doc(address)
            ids.append(doc["rel"][0])
            snippets.append(generator.snippet_from_doc(doc).to_html())
        months = searcher.aggregate(q, {"m": {"terms": {"field": "month", "size": MONTH_BUCKETS}}})["m"]
        by_month = {b["key"]: b["doc_count"] for b in months["buckets"]}
        return ids, snippets, sum(by_month.values()) + months["sum_other_doc_count"], by_month


class FTS5Bench(FTS5):
    """relevance_lib's FTS5 (the content is in the table: one index serves both rows)."""

    def _top(self, corpus_name, query, since, until, limit, columns):
        """(WHERE clause and its arguments, top rows of `columns`): all words, then any word."""
        table = self.tables[corpus_name]
        for op in ("AND", "OR"):
            match = fts5_query(query, op)
            if not match:
                return None, []
            where, args = self._where(table, match, since, until)
            rows = self.db.execute(f'SELECT {columns} FROM "{table}"{where} '
                                   f'ORDER BY bm25("{table}", 0, 0, {TITLE_WEIGHT}, 1.0) LIMIT ?',
                                   args + [limit]).fetchall()
            if rows:
                return (where, args), rows
        return None, []

    def search_ids(self, corpus_name, query, since=None, until=None, limit=10):
        """The ids of the top `limit`."""
        return [r[0] for r in self._top(corpus_name, query, since, until, limit, "rel")[1]]

    def search_full(self, corpus_name, query, since=None, until=None, limit=10):
        """(top ids, their snippets, total, {YYYY-MM: count}) for one query."""
        table = self.tables[corpus_name]
        columns = f"""rel, snippet("{table}", 3, '<b>', '</b>', '…', {SNIPPET_TOKENS})"""
        clause, rows = self._top(corpus_name, query, since, until, limit, columns)
        if not rows:
            return [], [], 0, {}
        where, args = clause
        by_month = dict(self.db.execute(f'SELECT substr(date, 1, 7), count(*) FROM "{table}"{where} GROUP BY 1', args))
        return [r[0] for r in rows], [r[1] for r in rows], sum(by_month.values()), by_month
