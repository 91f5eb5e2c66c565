"""Name variants: a dispatch names someone or somewhere one way, the query another way.

The transliteration rules of issue 14 (ou/u, ch/sh, kh/k/h, i/y, -i/-y, dj/j, ï/y) propose
variants of the corpus' capitalised names (`scripts/relevance --list-variants` prints them);
only pairs a person has checked to be spellings of the same name are used, listed in
`scripts/relevance_data/name_variants.tsv` (name, variant, rule, note). A rule applied blindly
would make Kouchner into Kushner, another man.
"""
import os

from .corpus import fold, words
from .gen_base import body_base, doc_folded_words, title_base

CAPITALISED_SHARE = 0.8         # a name: capitalised in 80 % of its occurrences or more
NAME_MIN_LETTERS = 4
NAME_MIN_COUNT = 3
TARGETS_PER_PAIR = 2            # a pair serves at most 2 targets, so that many names are tested

# (written, replacement, where): where is "any" (inside the word) or "end".
RULES = [("ou", "u", "any"), ("u", "ou", "any"), ("ch", "sh", "any"), ("sh", "ch", "any"),
         ("kh", "k", "any"), ("kh", "h", "any"), ("k", "kh", "any"), ("i", "y", "any"),
         ("y", "i", "any"), ("i", "y", "end"), ("y", "i", "end"), ("dj", "j", "any"),
         ("j", "dj", "any"), ("ï", "y", "any"), ("y", "ï", "any"), ("y", "yï", "end"),
         ("i", "ï", "any")]


def rule_variants(name):
    """(variant, rule) for each single application of a rule to `name` (case kept at the start)."""
    lower = name.lower()
    found = []
    for old, new, where in RULES:
        starts = [len(lower) - len(old)] if where == "end" and lower.endswith(old) else \
            [i for i in range(len(lower)) if lower.startswith(old, i)] if where == "any" else []
        for i in starts:
            v = lower[:i] + new + lower[i + len(old):]
            v = v[:1].upper() + v[1:]
            label = f"{old}/{new}" + ("$" if where == "end" else "")
            if v != name and (v, label) not in found:
                found.append((v, label))
    return found


def capitalised_names(corpus):
    """Words the corpus mostly writes capitalised, written 3+ times, sorted by frequency."""
    names = []
    for w, n in corpus.surface.items():
        if len(w) < NAME_MIN_LETTERS or not w[:1].isupper() or w.isupper() or n < NAME_MIN_COUNT:
            continue
        lower = corpus.surface.get(w.lower(), 0)
        if n >= CAPITALISED_SHARE * (n + lower):
            names.append((-n, w))
    return [w for _, w in sorted(names)]


def list_variants(corpus, limit=400):
    """Lines 'name count variant rule attested' for a person to check (--list-variants)."""
    lines = []
    for name in capitalised_names(corpus)[:limit]:
        for v, rule in rule_variants(name):
            attested = corpus.surface.get(v, 0)
            lines.append(f"{name}\t{corpus.surface[name]}\t{v}\t{rule}\t{attested}")
    return lines


def load_pairs(data_dir):
    """(name, variant, rule) rows of name_variants.tsv, in file order."""
    pairs = []
    with open(os.path.join(data_dir, "name_variants.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cols = line.rstrip("\n").split("\t")
            pairs.append((cols[0], cols[1], cols[2]))
    return pairs


def holders(corpus, name, key, variant, rng):
    """Docs writing `name` and never `variant`: those with it in the title first, then those
    naming it twice or more (the name matters there), each group in a seeded order."""
    titled, others = [], []
    for n in corpus.postings.get(key, []):
        doc = corpus.docs[n]
        written = words(doc.title + "\n" + doc.body)
        if name not in written or fold(variant) in doc_folded_words(doc):
            continue
        if name in words(doc.title):
            titled.append(doc)
        elif written.count(name) >= 2:
            others.append(doc)
    rng.shuffle(titled)
    rng.shuffle(others)
    return titled + others


def make_variant(corpus, rng, quota, context):
    """Queries whose name is written as the pair's variant, for targets holding only the name."""
    pairs = load_pairs(context["data_dir"])
    rng.shuffle(pairs)
    out = []
    for name, variant, rule in pairs:
        key = corpus.analysis.key(name)
        used = 0
        for doc in holders(corpus, name, key, variant, rng):
            if len(out) >= quota or used >= TARGETS_PER_PAIR:
                break
            base = title_base(corpus, doc, rng, must=key) or body_base(corpus, doc, rng, must=key)
            if not base:
                continue
            typed = [variant if w == name else w for w in base.words]
            if variant not in typed:
                continue
            out.append({"kind": "variant", "corpus": doc.corpus, "target": doc.rel,
                        "query": " ".join(typed), "origin": base.origin, "word": name,
                        "form": variant, "rule": rule})
            used += 1
    return out


make_variant.wants_context = True
