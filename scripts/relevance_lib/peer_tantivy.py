"""tantivy (the PyPI `tantivy` binding): French stemmer, ASCII folding, the title boosted.

The analyzer is the chain tantivy's docs show for a stemmed language, with the French stop
words and ASCII folding: simple tokenizer → remove_long → lowercase → stop words → Snowball
French stemmer → ascii_fold (folding after stemming, so the stemmer sees the accents).
"""
import tantivy

from .peers import TITLE_WEIGHT
from .querytext import tantivy_text

MAX_TOKEN_BYTES = 40            # tantivy's usual remove_long limit
WRITER_HEAP = 200_000_000       # bytes; a corpus fits in one segment flush or two


def french_analyzer():
    return (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
            .filter(tantivy.Filter.remove_long(MAX_TOKEN_BYTES))
            .filter(tantivy.Filter.lowercase())
            .filter(tantivy.Filter.stopword("french"))
            .filter(tantivy.Filter.stemmer("french"))
            .filter(tantivy.Filter.ascii_fold())
            .build())


def day_number(date):
    """YYYY-MM-DD as the integer YYYYMMDD (0 when undated)."""
    digits = date.replace("-", "")
    return int(digits) if len(digits) == 8 and digits.isdigit() else 0


class Tantivy:
    name = "tantivy"

    def __init__(self, workdir):
        self.indexes = {}

    # The body is stored only by subclasses that make snippets (scripts/bench-peers).
    body_stored = False

    def _add_fields(self, builder):
        builder.add_text_field("rel", stored=True, tokenizer_name="raw")
        builder.add_text_field("title", tokenizer_name="fr")
        builder.add_text_field("body", stored=self.body_stored, tokenizer_name="fr")
        builder.add_integer_field("day", indexed=True, fast=True)

    def _fields(self, d):
        return dict(rel=d.rel, title=d.title, body=d.body, day=day_number(d.date))

    def build(self, corpus):
        builder = tantivy.SchemaBuilder()
        self._add_fields(builder)
        schema = builder.build()
        index = tantivy.Index(schema)
        index.register_tokenizer("fr", french_analyzer())
        writer = index.writer(WRITER_HEAP, 1)
        for d in corpus.docs:
            writer.add_document(tantivy.Document(**self._fields(d)))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        self.indexes[corpus.name] = (index, schema, index.searcher())

    def _query(self, corpus_name, query, conjunction, since, until):
        index, schema, _ = self.indexes[corpus_name]
        text = tantivy_text(query)
        if not text:
            return None
        q = index.parse_query(text, ["title", "body"], field_boosts={"title": TITLE_WEIGHT},
                              conjunction_by_default=conjunction)
        if since or until:
            window = tantivy.Query.range_query(schema, "day", tantivy.FieldType.Integer,
                                               day_number(since) if since else None,
                                               day_number(until) if until else None)
            q = tantivy.Query.boolean_query([(tantivy.Occur.Must, q),
                                             (tantivy.Occur.Must, tantivy.Query.const_score_query(window, 0.0))])
        return q

    def search(self, corpus_name, query, since=None, until=None, limit=10):
        _, _, searcher = self.indexes[corpus_name]
        for conjunction in (True, False):
            q = self._query(corpus_name, query, conjunction, since, until)
            if q is None:
                return []
            hits = searcher.search(q, limit).hits
            if hits:
                return [searcher.doc(addr)["rel"][0] for _, addr in hits]
        return []

    def count(self, corpus_name, query):
        _, _, searcher = self.indexes[corpus_name]
        q = self._query(corpus_name, query, True, None, None)
        return searcher.search(q, 1, count=True).count if q is not None else 0
