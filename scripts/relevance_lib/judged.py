"""The topical queries judged by hand (relevance_data/topics.tsv, relevance_data/judged.tsv).

topics.tsv: query, then what a French analyst asking it wants (the judge's brief).
judged.tsv: query, document (`corpus/NNN/NNNNNN.txt`), grade: 2 the dispatch is about it,
1 it treats it in part (a passage a reader would want), 0 a passing mention or unrelated.
Pooling: the top 10 of every system; a document nobody judged counts 0. `--pool` writes a
sheet of the pooled documents not judged yet (title, date, the passages holding the query's
words) so that a person can judge them and add rows.
"""
import os

from .corpus import fold, words

SHEET_PASSAGES = 3              # passages shown per pooled document
SHEET_PASSAGE_CHARS = 600


def read_tsv(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            rows.append(line.rstrip("\n").split("\t"))
    return rows


def load_topics(data_dir):
    """[(query, description)] in file order."""
    return [(r[0], r[1] if len(r) > 1 else "") for r in read_tsv(os.path.join(data_dir, "topics.tsv"))]


def load_judgments(data_dir):
    """{query: {doc: grade}}."""
    path = os.path.join(data_dir, "judged.tsv")
    found = {}
    if os.path.exists(path):
        for query, doc, grade in read_tsv(path):
            found.setdefault(query, {})[doc] = int(grade)
    return found


def best_passages(doc, query):
    """The paragraphs of `doc` holding the most of the query's folded words."""
    wanted = {fold(w) for w in words(query) if len(w) > 2}
    scored = []
    for i, p in enumerate(doc.paragraphs):
        hits = len(wanted & {fold(w) for w in words(p)})
        if hits:
            scored.append((-hits, i))
    return [doc.paragraphs[i] for _, i in sorted(scored)[:SHEET_PASSAGES]]


def pool_sheet(corpus, topics, runs, judgments):
    """Markdown: per topic, the pooled documents not yet judged, with who ranked them where."""
    lines = []
    for query, description in topics:
        pooled = {}
        for system, ranked in runs.items():
            for i, rel in enumerate(ranked[query][:10]):
                pooled.setdefault(rel, []).append(f"{system} {i + 1}")
        todo = [rel for rel in pooled if rel not in judgments.get(query, {})]
        lines.append(f"## {query}\n\n{description}\n\n{len(pooled)} pooled, {len(todo)} to judge\n")
        for rel in sorted(todo):
            doc = corpus.by_rel[rel]
            lines.append(f"### {rel} — {doc.title} ({doc.date}) [{', '.join(pooled[rel])}]\n")
            for p in best_passages(doc, query):
                lines.append("> " + p[:SHEET_PASSAGE_CHARS].replace("\n", " ") + "\n")
    return "\n".join(lines)
