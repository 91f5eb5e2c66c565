"""Runs every system on the known-item queries, the judged topics and the names table."""
import time

from . import metrics

JUDGED_CORPUS = "siefke_fr"     # the topics are news topics: siefke_fr's dispatches


def run_all(systems, requests):
    """{system name: [ranked ids per request]} and {system name: seconds}, with Dépêches'
    whole answers kept aside (snippets, passages, totals)."""
    ranked, seconds, answers = {}, {}, None
    for system in systems:
        start = time.monotonic()
        if hasattr(system, "answers"):
            answers = system.answers(requests)
            ranked[system.name] = [[r["rel"] for r in a["results"]] for a in answers]
        else:
            ranked[system.name] = [system.search(c, q, s, u) for c, q, s, u in requests]
        seconds[system.name] = time.monotonic() - start
    return ranked, seconds, answers


def known_items(systems, records):
    """Per record and system, the target's rank; and, for long-document records, whether
    Dépêches' snippet of the target comes from the target paragraph."""
    requests = [(r["corpus"], r["query"], r.get("since"), r.get("until")) for r in records]
    ranked, seconds, answers = run_all(systems, requests)
    ranks = {name: [metrics.rank_of(r["target"], lists[i]) for i, r in enumerate(records)]
             for name, lists in ranked.items()}
    return ranks, seconds, answers, ranked


def snippet_checks(corpora, records, answers):
    """For each long-document record: None (target not in Dépêches' top 10), True or False."""
    found = {}
    for rec, answer in zip(records, answers or []):
        if rec["kind"] != "longdoc":
            continue
        hit = next((r for r in answer["results"] if r["rel"] == rec["target"]), None)
        if hit is None:
            found[rec["id"]] = None
            continue
        paragraph = corpora[rec["corpus"]].by_rel[rec["target"]].paragraphs[rec["paragraph"]]
        found[rec["id"]] = metrics.snippet_from(hit["snippet"], paragraph)
    return found


def judged_runs(systems, topics):
    """{system: {query: ranked ids}} for the topical queries, on siefke_fr."""
    requests = [(JUDGED_CORPUS, q, None, None) for q, _ in topics]
    ranked, _, _ = run_all(systems, requests)
    return {name: {q: lists[i] for i, (q, _) in enumerate(topics)} for name, lists in ranked.items()}


def judged_scores(runs, topics, judgments):
    """{system: mean nDCG@10} over the topics that have a relevant judgment, and that count."""
    usable = [q for q, _ in topics if any(g > 0 for g in judgments.get(q, {}).values())]
    scores = {name: (sum(metrics.ndcg(by_query[q], judgments[q]) for q in usable) / len(usable)
                     if usable else None)
              for name, by_query in runs.items()}
    return scores, len(usable)


def unjudged_share(runs, topics, judgments):
    """{system: share of its top-10 documents over the topics that nobody judged}."""
    found = {}
    for name, by_query in runs.items():
        shown = [(q, rel) for q, _ in topics for rel in by_query[q][:metrics.CUTOFF]]
        missing = sum(1 for q, rel in shown if rel not in judgments.get(q, {}))
        found[name] = missing / len(shown) if shown else 0.0
    return found


def names_counts(systems, rows, corpus_name=JUDGED_CORPUS):
    """Adds each system's count for the name as a query to each row (`counts`)."""
    for row in rows:
        row["counts"] = {s.name: s.count(corpus_name, row["name"]) for s in systems}
    return rows
