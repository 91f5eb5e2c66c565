"""Scores: MRR@10, S@1, S@10 for known items; nDCG@10 for graded judgments; snippet checks."""
import math
import re

CUTOFF = 10


def rank_of(target, ranked):
    """1-based rank of `target` in the first 10 of `ranked`, or None."""
    for i, rel in enumerate(ranked[:CUTOFF]):
        if rel == target:
            return i + 1
    return None


def known_item(ranks):
    """{'n', 'mrr', 's1', 's10'} over a list of ranks (None = not in the top 10)."""
    n = len(ranks)
    if n == 0:
        return {"n": 0, "mrr": None, "s1": None, "s10": None}
    return {"n": n,
            "mrr": sum(1.0 / r for r in ranks if r) / n,
            "s1": sum(1 for r in ranks if r == 1) / n,
            "s10": sum(1 for r in ranks if r) / n}


def gain(grade):
    """The usual exponential gain: grade 2 counts three times grade 1."""
    return 2 ** grade - 1


def ndcg(ranked, grades):
    """nDCG@10 of a ranked list against {doc: grade}; unjudged documents count as 0."""
    dcg = sum(gain(grades.get(rel, 0)) / math.log2(i + 2) for i, rel in enumerate(ranked[:CUTOFF]))
    ideal = sorted((g for g in grades.values() if g > 0), reverse=True)[:CUTOFF]
    idcg = sum(gain(g) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def normalise(text):
    return " ".join(text.split())


def snippet_from(snippet, paragraph):
    """Whether every piece of `snippet` (its text between '…' trims) is in `paragraph`.

    Dépêches cuts long paragraphs into several passages and trims the snippet, so the check
    is on text: each piece of 12+ characters must occur in the paragraph as written."""
    text = normalise(paragraph)
    pieces = [normalise(p) for p in re.split("…", snippet)]
    pieces = [p for p in pieces if len(p) >= 12]
    return bool(pieces) and all(p in text for p in pieces)
