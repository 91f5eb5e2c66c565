"""Names that Snowball French stems like common words (Marie like mars, Mali like mal).

Found, not listed: every word siefke_fr mostly capitalises is stemmed with Xapian's French
stemmer; it collides when lower-case words of another spelling share its stem. The table
shows how many dispatches really hold the name (its folded form as a word: what
`grep -wi` on folded text finds) beside each system's count for the name as a query.
"""
import re

from .corpus import WORD, fold, words
from .gen_names import CAPITALISED_SHARE

ALWAYS = ("Marie", "Mali")      # the two examples lead the table
TABLE_SIZE = 25
MIN_NAME_DOCS = 3               # a name held by one or two dispatches says little about merging
MIN_EXTRA_DOCS = 3              # the collision must add 3+ dispatches to be worth a row
MID_SENTENCE_SHARE = 0.6        # a name is capitalised inside sentences, not only after a full
                                # stop (which is how imperatives like "Notez" look capitalised)
SENTENCE_END = re.compile(r"[.!?:»\"…]\s*$")


def doc_words(corpus):
    """Per doc: (set of words as written, set of folded words)."""
    found = []
    for doc in corpus.docs:
        ws = words(doc.title + "\n" + doc.body)
        found.append((set(ws), {fold(w) for w in ws}))
    return found


def mid_sentence_share(corpus, name, docs):
    """Share of `name`'s occurrences (in the given docs) that follow no sentence end."""
    inside = total = 0
    for doc in docs:
        for text in [doc.title] + doc.paragraphs:
            for m in WORD.finditer(text):
                if m.group(0) == name:
                    total += 1
                    before = text[:m.start()]
                    inside += bool(before.strip()) and not SENTENCE_END.search(before)
    return inside / total if total else 0.0


def collisions(corpus):
    """Rows {name, key, true, exact, stem_docs, colliding} for names whose stem is shared."""
    per_doc = doc_words(corpus)
    by_key = {}
    for w, n in corpus.surface.items():
        k = corpus.analysis.key(w)
        if k and w.islower():
            by_key.setdefault(k, []).append((n, w))
    rows = []
    for w, n in sorted(corpus.surface.items()):
        if len(w) < 3 or not w[:1].isupper() or w.isupper():
            continue
        if n < CAPITALISED_SHARE * (n + corpus.surface.get(w.lower(), 0)):
            continue
        k = corpus.analysis.key(w)
        others = sorted((-c, o) for c, o in by_key.get(k, []) if fold(o) != fold(w))
        if not k or not others:
            continue
        true = sum(1 for _, folded in per_doc if fold(w) in folded)
        extra = corpus.df(k) - true
        if true < MIN_NAME_DOCS or extra < MIN_EXTRA_DOCS:
            continue
        holders = [corpus.docs[i] for i, (written, _) in enumerate(per_doc) if w in written]
        if mid_sentence_share(corpus, w, holders) < MID_SENTENCE_SHARE:
            continue
        rows.append({"name": w, "key": k, "true": true,
                     "exact": sum(1 for written, _ in per_doc if w in written),
                     "stem_docs": corpus.df(k), "colliding": [o for _, o in others[:3]]})
    return rows


def names_table(corpus):
    """The table's rows: the issue's names, then the collisions adding the most dispatches
    relative to the name's own count, one row per stem."""
    rows = collisions(corpus)
    chosen, keys = [], set()
    for name in ALWAYS:
        for row in rows:
            if row["name"] == name:
                chosen.append(row)
                keys.add(row["key"])
    ranked = sorted(rows, key=lambda r: (-(r["stem_docs"] - r["true"]) / r["true"], r["name"]))
    for row in ranked:
        if len(chosen) >= TABLE_SIZE:
            break
        if row["key"] not in keys:
            chosen.append(row)
            keys.add(row["key"])
    return chosen
