"""3-5 words that meet in one paragraph of a long document and in no other paragraph anywhere.

The record keeps the paragraph's index (0-based among the body's paragraphs, the title not
counted) so that a system's snippet can be checked against that paragraph's text.
"""
from .corpus import words
from .gen_base import FUNCTION_WORDS, typed_form
from .gen_words import collect

LONG_MIN_PARAGRAPHS = 15        # a long document: 15+ paragraphs …
LONG_MIN_CHARS = 15000          # … and 15,000+ characters of body
PARAGRAPH_MIN_WORDS = 40        # the target paragraph says something (not a heading)
LONG_WORDS = (3, 5)             # the issue: 3 to 5 words
MAX_DF_SHARE = 0.2              # each word in at most a fifth of the dispatches
MIN_HOLDERS = 2                 # the words are also spread over other dispatches (a passage test)
PARAGRAPH_TRIES = 4
WORD_TRIES = 4


def is_long(doc):
    return len(doc.paragraphs) >= LONG_MIN_PARAGRAPHS and doc.size >= LONG_MIN_CHARS


def paragraph_keys(corpus, doc, cache):
    """Per paragraph of `doc`, its set of keys (cached per doc)."""
    found = cache.get(doc.number)
    if found is None:
        found = [frozenset(corpus.analysis.keys(p)) for p in doc.paragraphs]
        cache[doc.number] = found
    return found


def words_meet_once(corpus, doc, index, keys, cache):
    """Whether paragraph `index` of `doc` is the only paragraph in the corpus with all `keys`,
    while at least MIN_HOLDERS dispatches hold them all somewhere."""
    holders = corpus.docs_with_all(keys)
    if len(holders) < MIN_HOLDERS:
        return False
    wanted = set(keys)
    for n in holders:
        for i, pkeys in enumerate(paragraph_keys(corpus, corpus.docs[n], cache)):
            if wanted <= pkeys and (n, i) != (doc.number, index):
                return False
    return True


def pick_keys(corpus, doc, paragraph, rng):
    """3-5 keys of the paragraph, none in the title, each in at most a fifth of the docs."""
    ceiling = int(len(corpus.docs) * MAX_DF_SHARE)
    pool = sorted({k for k in corpus.analysis.keys(paragraph)
                   if k not in doc.title_keys and 2 <= corpus.df(k) <= ceiling and len(k) >= 3
                   and k not in FUNCTION_WORDS})
    n = rng.randint(*LONG_WORDS)
    if len(pool) < n:
        return None
    return rng.sample(pool, n)


def first_forms(corpus, paragraph, keys):
    """Each key's first form as written in the paragraph, typed as a user would."""
    forms = {}
    for w in words(paragraph):
        k = corpus.analysis.key(w)
        if k in keys and k not in forms:
            forms[k] = typed_form(corpus, w)
    return [forms[k] for k in keys]


def make_longdoc(corpus, rng, quota):
    cache = {}

    def attempt(doc):
        if not is_long(doc):
            return None
        indexes = [i for i, p in enumerate(doc.paragraphs) if i > 0 and len(words(p)) >= PARAGRAPH_MIN_WORDS]
        rng.shuffle(indexes)
        for index in indexes[:PARAGRAPH_TRIES]:
            paragraph = doc.paragraphs[index]
            for _ in range(WORD_TRIES):
                keys = pick_keys(corpus, doc, paragraph, rng)
                if keys and words_meet_once(corpus, doc, index, keys, cache):
                    return {"kind": "longdoc", "corpus": doc.corpus, "target": doc.rel,
                            "query": " ".join(first_forms(corpus, paragraph, keys)),
                            "origin": "paragraph", "paragraph": index,
                            "holders": len(corpus.docs_with_all(keys))}
        return None
    return collect(corpus, rng, quota, attempt)
