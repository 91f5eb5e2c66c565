"""What every kind of generated query is built from: a target's title words or body words.

A base is (doc, words as typed, their keys). It is kept only when the target is the one
dispatch a reader would expect first: the only title holding all the words (title bases), or
the only dispatch holding all of them (body bases). Each word alone must be in other
dispatches too, so that no query is won by one rare word.
"""
import math
import os
import re
from dataclasses import dataclass, field

from .corpus import fold, words

TITLE_WORDS = (2, 4)           # a title query uses 2 to 4 of the title's content words
BODY_WORDS = (2, 3)            # a body query: 2 or 3 of the dispatch's distinctive words
BODY_TOP = 12                  # distinctive = among the 12 best tf-idf words of the body
BODY_MIN_DF = 3                # each body word is in 3+ dispatches: no word alone gives it away
BODY_MAX_DF_SHARE = 0.1        # a distinctive word is in at most 10 % of the dispatches
MIN_WORD_LETTERS = 4           # body words this short are too often names of letters or noise
TRIES = 4                      # samples tried per target before giving up on it
SHOUTED_LETTERS = 4            # an all-capitals word longer than this is a heading's, not an acronym
CONTESTED_HOLDERS = (2, 8)     # a body query's words are all in 2-8 dispatches, the target one …
DOMINANCE = 2                  # … holding each word twice or more, and twice as often as any other
UNIT = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")   # a word, or a hyphenated compound whole
ROMAN = re.compile(r"[ivxlcdm]+")  # chapter numbers of eltec_fra titles: not query words
FUNCTION_WORDS = set()


def load_function_words(data_dir):
    """Fills FUNCTION_WORDS from relevance_data/function_words.txt (once per process)."""
    if FUNCTION_WORDS:
        return
    with open(os.path.join(data_dir, "function_words.txt"), encoding="utf-8") as f:
        for line in f:
            FUNCTION_WORDS.update(fold(w) for w in line.split("#", 1)[0].split())


def content_keys(corpus, unit):
    """The keys of a word or compound's parts when it is a content word, else []."""
    parts = unit.split("-")
    keys = [corpus.analysis.key(p) for p in parts]
    if all(k is None or fold(p) in FUNCTION_WORDS or ROMAN.fullmatch(fold(p))
           for p, k in zip(parts, keys)):
        return []
    return [k for k in keys if k]


@dataclass
class Base:
    """Query words for one target, and where they came from ('title' or 'body')."""
    doc: object
    words: list
    keys: list
    origin: str
    unit_keys: list = field(default_factory=list)   # per word, the keys of its parts


def typed_form(corpus, word):
    """The word as a user types it: lower case unless the corpus mostly capitalises it."""
    head = word.split("-", 1)[0]
    if word.isupper() and len(word) > SHOUTED_LETTERS:
        return word.capitalize()            # SCHAFFHOUSE in a heading: typed Schaffhouse
    return word.lower() if corpus.lower_dominant(head) else word


def title_words(corpus, doc):
    """The title's content words (compounds whole) in order, as (word, keys), no repeats."""
    found, seen = [], set()
    for unit in UNIT.findall(doc.title):
        keys = content_keys(corpus, unit)
        if keys and not set(keys) <= seen:
            seen.update(keys)
            found.append((unit, keys))
    return found


def title_base(corpus, doc, rng, must=None):
    """2-4 title words that no other title holds all of; None when the title has none such.

    `must`: a key that has to be among the words (the name of a name-variant query)."""
    pool = title_words(corpus, doc)
    if len(pool) < TITLE_WORDS[0]:
        return None
    for _ in range(TRIES):
        n = rng.randint(TITLE_WORDS[0], min(TITLE_WORDS[1], len(pool)))
        picked = sorted(rng.sample(range(len(pool)), n))
        chosen = [pool[i] for i in picked]
        keys = [k for _, ks in chosen for k in ks]
        if must and must not in keys:
            continue
        if corpus.docs_with_all(keys, titles=True) != [doc.number]:
            continue
        if len(corpus.docs_with_all(keys)) < 2:
            continue                       # the body alone would single it out: not a title test
        return Base(doc, [typed_form(corpus, w) for w, _ in chosen], keys, "title",
                    [ks for _, ks in chosen])
    return None


def distinctive_keys(corpus, doc, exclude_title=True):
    """The body's best tf-idf keys that occur twice or more and in a few other dispatches."""
    n_docs = len(corpus.docs)
    ceiling = max(3, int(n_docs * BODY_MAX_DF_SHARE))
    scored = []
    for k, n in doc.counts.items():
        if n < 2 or len(k) < MIN_WORD_LETTERS - 1 or (exclude_title and k in doc.title_keys):
            continue
        if k in FUNCTION_WORDS or ROMAN.fullmatch(k):
            continue
        df = corpus.df(k)
        if BODY_MIN_DF <= df <= ceiling:
            scored.append((-n * math.log(n_docs / df), k))
    scored.sort()
    return [k for _, k in scored[:BODY_TOP]]


def dominates(corpus, doc, keys, holders):
    """Whether `doc` writes every key at least DOMINANCE times as often as any other holder."""
    for h in holders:
        if h != doc.number:
            other = corpus.docs[h].counts
            if any(doc.counts[k] < DOMINANCE * other.get(k, 0) for k in keys):
                return False
    return True


def body_base(corpus, doc, rng, must=None, contested=False):
    """2-3 distinctive body words that only the target holds together; None if none found.

    `contested`: the words are also all in a few other dispatches, the target being the one
    about them (each word more than twice as frequent there): the body kind's own queries,
    where a system has to rank, not only match."""
    pool = distinctive_keys(corpus, doc)
    if must:
        pool = [k for k in pool if k != must]
    need = BODY_WORDS[0] - (1 if must else 0)
    if len(pool) < max(need, 1):
        return None
    forms = corpus.surface_forms(doc)
    for _ in range(TRIES):
        n = rng.randint(need, BODY_WORDS[1] - (1 if must else 0))
        keys = rng.sample(pool, min(n, len(pool)))
        if must:
            keys.insert(rng.randint(0, len(keys)), must)
        holders = corpus.docs_with_all(keys)
        if contested:
            if not CONTESTED_HOLDERS[0] <= len(holders) <= CONTESTED_HOLDERS[1] \
                    or not dominates(corpus, doc, keys, holders):
                continue
        elif holders != [doc.number]:
            continue
        typed = [typed_form(corpus, forms[k]) for k in keys]
        if any(len(w) < MIN_WORD_LETTERS or fold(w) in FUNCTION_WORDS for w in typed):
            continue
        return Base(doc, typed, keys, "body", [[k] for k in keys])
    return None


def any_base(corpus, doc, rng, must=None):
    """A title base or a body base, the order drawn at random."""
    makers = [title_base, body_base]
    rng.shuffle(makers)
    for make in makers:
        base = make(corpus, doc, rng, must)
        if base:
            return base
    return None


def doc_folded_words(doc):
    """The folded words of a dispatch (title and body), as a set, for absence checks."""
    return {fold(w) for w in words(doc.title + "\n" + doc.body)}


def shuffled_docs(corpus, rng, predicate=None):
    """The corpus' docs in a seeded random order, optionally filtered."""
    docs = [d for d in corpus.docs if predicate is None or predicate(d)]
    rng.shuffle(docs)
    return docs
