"""The stock reference systems: SQLite FTS5, tantivy and Xapian, set up as their docs suggest.

Each indexes the same text (title and body; the body's paragraphs joined by blank lines) and
answers the same query string. Each runs the query with all words required and, when that
finds nothing, with any word, as Dépêches does (and as an omega-style Xapian setup does).
`search` returns the ranked `corpus/…` ids; `count` the number of matching dispatches.
"""
import os
import sqlite3

import xapian

from .corpus import load_stopwords
from .querytext import fts5_match

TITLE_WEIGHT = 3.0              # a title word weighs like three body words (FTS5 and tantivy)
DATE_SLOT = 0                   # Xapian value slot of the date, YYYY-MM-DD sorts as it reads


class FTS5:
    """SQLite FTS5, tokenizer `unicode61 remove_diacritics 2`, bm25 with the title weighted."""
    name = "FTS5"

    def __init__(self, workdir):
        self.db = sqlite3.connect(os.path.join(workdir, "fts5.sqlite"))
        self.tables = {}

    def build(self, corpus):
        table = corpus.name
        self.db.execute(f'DROP TABLE IF EXISTS "{table}"')
        self.db.execute(f'CREATE VIRTUAL TABLE "{table}" USING fts5(rel UNINDEXED, date UNINDEXED, '
                        'title, body, tokenize="unicode61 remove_diacritics 2")')
        self.db.executemany(f'INSERT INTO "{table}" VALUES (?, ?, ?, ?)',
                            ((d.rel, d.date, d.title, d.body) for d in corpus.docs))
        self.db.commit()
        self.tables[corpus.name] = table

    def _where(self, table, match, since, until):
        """The MATCH of `match` within the date window, as SQL and its arguments."""
        sql, args = f' WHERE "{table}" MATCH ?', [match]
        if since:
            sql += " AND date >= ?"
            args.append(since)
        if until:
            sql += " AND date <= ?"
            args.append(until)
        return sql, args

    def _run(self, corpus_name, match, since, until, limit):
        table = self.tables[corpus_name]
        where, args = self._where(table, match, since, until)
        sql = f'SELECT rel FROM "{table}"' + where
        sql += f' ORDER BY bm25("{table}", 0, 0, {TITLE_WEIGHT}, 1.0) LIMIT ?'
        args.append(limit)
        return [row[0] for row in self.db.execute(sql, args)]

    def search(self, corpus_name, query, since=None, until=None, limit=10):
        for op in ("AND", "OR"):
            match = fts5_match(query, op)
            if not match:
                return []
            found = self._run(corpus_name, match, since, until, limit)
            if found:
                return found
        return []

    def count(self, corpus_name, query):
        table = self.tables[corpus_name]
        sql = f'SELECT count(*) FROM "{table}" WHERE "{table}" MATCH ?'
        return self.db.execute(sql, [fts5_match(query)]).fetchone()[0]


class Xapian:
    """Stock Xapian: TermGenerator and QueryParser with the French stemmer (STEM_SOME), the
    Snowball French stop words at query time, the title under `S` and in the body too."""
    name = "Xapian"

    def __init__(self, workdir, project_root):
        self.workdir = workdir
        self.dbs = {}
        self.stopper = xapian.SimpleStopper()
        for w in sorted(load_stopwords_accented(project_root)):
            self.stopper.add(w)

    def build(self, corpus):
        path = os.path.join(self.workdir, f"xapian-{corpus.name}")
        db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
        tg = xapian.TermGenerator()
        tg.set_stemmer(xapian.Stem("french"))
        tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
        for d in corpus.docs:
            doc = xapian.Document()
            tg.set_document(doc)
            tg.index_text(d.title, 1, "S")
            tg.index_text(d.title)
            tg.increase_termpos()
            tg.index_text(d.body)
            doc.set_data(d.rel)
            doc.add_value(DATE_SLOT, d.date)
            doc.add_boolean_term("Q" + d.rel)
            db.add_document(doc)
        db.commit()
        db.close()
        self.dbs[corpus.name] = xapian.Database(path)

    def _parse(self, db, query, op):
        qp = xapian.QueryParser()
        qp.set_stemmer(xapian.Stem("french"))
        qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
        qp.set_stopper(self.stopper)
        qp.set_database(db)
        qp.add_prefix("title", "S")
        qp.set_default_op(op)
        return qp.parse_query(query, xapian.QueryParser.FLAG_DEFAULT)

    def _enquire(self, corpus_name, query, op, since, until):
        db = self.dbs[corpus_name]
        q = self._parse(db, query, op)
        if since or until:
            q = xapian.Query(xapian.Query.OP_FILTER, q,
                             xapian.Query(xapian.Query.OP_VALUE_RANGE, DATE_SLOT,
                                          since or "0000-00-00", until or "9999-99-99"))
        enquire = xapian.Enquire(db)
        enquire.set_query(q)
        return db, enquire

    def search(self, corpus_name, query, since=None, until=None, limit=10):
        for op in (xapian.Query.OP_AND, xapian.Query.OP_OR):
            _, enquire = self._enquire(corpus_name, query, op, since, until)
            found = [m.document.get_data().decode("utf-8") for m in enquire.get_mset(0, limit)]
            if found:
                return found
        return []

    def count(self, corpus_name, query):
        db, enquire = self._enquire(corpus_name, query, xapian.Query.OP_AND, None, None)
        return enquire.get_mset(0, 0, db.get_doccount()).get_matches_estimated()


def load_stopwords_accented(project_root):
    """data/stopwords-fr.txt as written (Xapian compares the accented, lower-case words)."""
    found = set()
    with open(os.path.join(project_root, "data", "stopwords-fr.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                found.add(line)
    return found | set(load_stopwords(project_root))
