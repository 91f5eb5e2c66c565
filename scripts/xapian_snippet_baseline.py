#!/usr/bin/python3
"""Plain-Xapian reference for `depeches bench`: the same query file, the same work per query.

Builds (once) its own database from a corpus folder with TermGenerator (French stemmer,
positions), storing each file's whole text as document data, its date YYYYMMDD in slot 0 and
its month YYYY-MM in slot 1 (from line 2 of the file when it is a YYYY-MM-DD date). Then, for
each query: QueryParser (French, STEM_SOME, default AND), date filter as a value range, top 10,
MSet.snippet over each hit's whole text, and exact month counts over all matches
(ValueCountMatchSpy with check_at_least = every document). One warm-up pass, then RUNS timed
passes; prints p50/p95/max in ms, percentiles by the same linear interpolation as
`Percentile.of` in DepechesKit. A reference, not a product.

Usage: /usr/bin/python3 scripts/xapian_snippet_baseline.py --corpus DIR --db DIR --queries FILE
       [--runs N] [--json]
"""
import argparse
import json
import os
import re
import sys
import time

import xapian

DATE_SLOT, MONTH_SLOT = 0, 1
PAGE_SIZE = 10
SNIPPET_BYTES = 300  # DepechesKit's SnippetMaker.maxLength (in scalars there)
DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
SKIPPED_NAMES = {"SOURCE.md", "index.tsv"}
PARSER_FLAGS = (xapian.QueryParser.FLAG_DEFAULT | xapian.QueryParser.FLAG_WILDCARD
                | xapian.QueryParser.FLAG_PURE_NOT)


def corpus_files(folder):
    for root, dirs, names in os.walk(folder):
        dirs.sort()
        for name in sorted(names):
            if name.endswith((".txt", ".md")) and name not in SKIPPED_NAMES:
                yield os.path.join(root, name)


def build(corpus, path):
    """Indexes every .txt/.md file under `corpus` into a new database at `path`."""
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OVERWRITE)
    generator = xapian.TermGenerator()
    generator.set_stemmer(xapian.Stem("french"))
    for file in corpus_files(corpus):
        with open(file, encoding="utf-8", errors="replace") as f:
            text = f.read()
        doc = xapian.Document()
        generator.set_document(doc)
        generator.index_text(text)
        doc.set_data(text)
        lines = text.split("\n", 2)
        date = DATE_LINE.match(lines[1].strip()) if len(lines) > 1 else None
        if date:
            doc.add_value(DATE_SLOT, "".join(date.groups()))
            doc.add_value(MONTH_SLOT, "%s-%s" % date.groups()[:2])
        db.add_document(doc)
    db.commit()
    db.close()


def read_queries(path):
    """(query, since YYYYMMDD or "", until YYYYMMDD or "") for each line of the query file."""
    queries = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            text, _, filters = line.partition("\t")
            bounds = dict(part.split("=", 1) for part in filters.split())
            queries.append((text.strip(), bounds.get("since", "").replace("-", ""),
                            bounds.get("until", "").replace("-", "")))
    return queries


def search(db, parser, stemmer, query, since, until):
    """One query the way `depeches search` answers it; returns (matches, counts per month)."""
    parsed = parser.parse_query(query, PARSER_FLAGS)
    if since or until:
        dated = xapian.Query(xapian.Query.OP_VALUE_RANGE, DATE_SLOT, since or "00000000", until or "99999999")
        parsed = xapian.Query(xapian.Query.OP_FILTER, parsed, dated)
    enquire = xapian.Enquire(db)
    enquire.set_query(parsed)
    months = xapian.ValueCountMatchSpy(MONTH_SLOT)
    enquire.add_matchspy(months)
    mset = enquire.get_mset(0, PAGE_SIZE, db.get_doccount())
    for match in mset:
        mset.snippet(match.document.get_data().decode("utf-8", "replace"), SNIPPET_BYTES, stemmer)
    counts = {item.term: item.termfreq for item in months.values()}
    return mset.get_matches_estimated(), counts


def percentile(values, percent):
    ordered = sorted(values)
    rank = min(max(percent, 0), 100) / 100 * (len(ordered) - 1)
    below = int(rank)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (rank - below)


def main():
    args = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    args.add_argument("--corpus", required=True, help="corpus folder (indexed once into --db)")
    args.add_argument("--db", required=True, help="database folder; built when missing")
    args.add_argument("--queries", required=True, help="query file (scripts/queries-fr.txt format)")
    args.add_argument("--runs", type=int, default=5, help="timed passes over the queries")
    args.add_argument("--json", action="store_true", help="print the figures as JSON")
    options = args.parse_args()

    if not os.path.exists(os.path.join(options.db, "iamglass")):
        build(options.corpus, options.db)
    db = xapian.Database(options.db)
    stemmer = xapian.Stem("french")
    parser = xapian.QueryParser()
    parser.set_database(db)
    parser.set_stemmer(stemmer)
    parser.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    parser.set_default_op(xapian.Query.OP_AND)
    queries = read_queries(options.queries)

    without = [q for q, since, until in queries if search(db, parser, stemmer, q, since, until)[0] == 0]
    samples = []
    for _ in range(options.runs):
        for query, since, until in queries:
            start = time.perf_counter_ns()
            search(db, parser, stemmer, query, since, until)
            samples.append((time.perf_counter_ns() - start) / 1e6)

    figures = {"version": 1, "queries": len(queries), "runs": options.runs, "samples": len(samples),
               "p50_ms": round(percentile(samples, 50), 3), "p95_ms": round(percentile(samples, 95), 3),
               "max_ms": round(max(samples), 3), "mean_ms": round(sum(samples) / len(samples), 3),
               "queries_without_matches": len(without)}
    for query in without:
        print("no match: " + query, file=sys.stderr)
    if options.json:
        print(json.dumps(figures, sort_keys=True))
    else:
        print("queries: %(queries)d × %(runs)d runs (after 1 warm-up pass), %(queries_without_matches)d without matches" % figures)
        print("p50 %(p50_ms).3f ms  p95 %(p95_ms).3f ms  max %(max_ms).3f ms  mean %(mean_ms).3f ms" % figures)


if __name__ == "__main__":
    main()
