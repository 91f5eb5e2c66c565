"""The corpora as the generator and the peers see them: files, words, keys and postings.

A file is line 1 title, line 2 date (YYYY-MM-DD), a blank line, then paragraphs separated by
blank lines (see each corpus' SOURCE.md). Everything here is ordered (sorted paths, lists),
never a set's iteration order, so that the generator's output is the same byte for byte
whatever PYTHONHASHSEED is.
"""
import os
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

import xapian

CORPORA = ("siefke_fr", "eltec_fra")
WORD = re.compile(r"[^\W\d_]+")          # a run of letters: the word unit of every check
LIGATURES = {"œ": "oe", "æ": "ae", "ß": "ss", "Œ": "oe", "Æ": "ae"}
MIN_KEY_LETTERS = 2                      # one-letter pieces (l', d') are never content words


def fold(text):
    """Lower-case, ligatures expanded, accents removed (the fold of scripts/gen-stopwords)."""
    if text.isascii():
        return text.lower()
    text = "".join(LIGATURES.get(c, c) for c in text.lower())
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def words(text):
    """The letter runs of `text`, as written."""
    return WORD.findall(text)


def load_stopwords(root):
    """The folded Snowball French stop words of the project's data/stopwords-fr.txt."""
    found = []
    with open(os.path.join(root, "data", "stopwords-fr.txt"), encoding="utf-8") as f:
        for line in f:
            line = line.split("#", 1)[0].strip()
            if line:
                found.append(fold(line))
    return frozenset(found)


@dataclass
class Doc:
    """One dispatch: `rel` is `corpus/NNN/NNNNNN.txt`, the id every system reports."""
    number: int
    corpus: str
    rel: str
    path: str
    title: str
    date: str
    paragraphs: list
    keys: frozenset = frozenset()
    title_keys: frozenset = frozenset()
    counts: dict = field(default_factory=dict)   # key -> occurrences in title + body

    @property
    def body(self):
        return "\n\n".join(self.paragraphs)

    @property
    def size(self):
        return sum(len(p) for p in self.paragraphs)


def read_doc(number, corpus, root, rel):
    """Reads one corpus file into a Doc (keys filled later by Corpus)."""
    path = os.path.join(root, rel)
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    title, date = lines[0].strip(), (lines[1].strip() if len(lines) > 1 else "")
    body = "\n".join(lines[3:]) if len(lines) > 3 else ""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return Doc(number, corpus, f"{corpus}/{rel}", path, title, date, paragraphs)


def corpus_files(root):
    """The .txt files under `root`, relative, sorted (SOURCE.md and index.tsv left out)."""
    found = []
    for folder, dirs, names in os.walk(root):
        dirs.sort()
        for name in names:
            if name.endswith(".txt"):
                found.append(os.path.relpath(os.path.join(folder, name), root))
    return sorted(found)


class Analysis:
    """Word → key: the folded Snowball French stem, the oracle the generator judges with.

    The key merges more than any system does (Marie and mars alike), which only makes the
    generator's uniqueness checks stricter: a query is kept when its target is the only
    dispatch that has all its keys (or all in its title, for title queries).
    """

    def __init__(self, stopwords):
        self.stopwords = stopwords
        self.stemmer = xapian.Stem("french")
        self.cache = {}

    def key(self, word):
        """The key of one word, or None for a stop word or a one-letter piece."""
        cached = self.cache.get(word)
        if cached is None and word not in self.cache:
            lower = word.lower()
            folded = fold(lower)
            if folded in self.stopwords or len(folded) < MIN_KEY_LETTERS:
                cached = None
            else:
                stem = self.stemmer(lower)
                cached = fold(stem.decode("utf-8") if isinstance(stem, bytes) else stem)
            self.cache[word] = cached
        return cached

    def keys(self, text):
        """The keys of `text`'s content words, in text order, repeats kept."""
        return [k for k in (self.key(w) for w in words(text)) if k]


class Corpus:
    """One corpus read whole: its docs, key postings and word statistics."""

    def __init__(self, name, root, analysis, limit=None):
        self.name, self.root, self.analysis = name, os.path.abspath(root), analysis
        files = corpus_files(root)[:limit]
        self.docs = [read_doc(i, name, self.root, rel) for i, rel in enumerate(files)]
        self.postings, self.title_postings = {}, {}
        self.surface = Counter()   # word as written -> occurrences in the corpus
        for doc in self.docs:
            self._add(doc)
        self.folded = Counter()    # folded word -> occurrences in the corpus
        for w, n in self.surface.items():
            self.folded[fold(w)] += n
        self.by_rel = {doc.rel: doc for doc in self.docs}

    def _add(self, doc):
        counts = Counter(WORD.findall(doc.title + "\n" + doc.body))
        keyed = {}
        self.surface.update(counts)
        key = self.analysis.key
        for w, n in counts.items():
            k = key(w)
            if k:
                keyed[k] = keyed.get(k, 0) + n
        doc.counts = keyed
        doc.keys = frozenset(keyed)
        doc.title_keys = frozenset(self.analysis.keys(doc.title))
        for k in sorted(doc.keys):
            self.postings.setdefault(k, []).append(doc.number)
        for k in sorted(doc.title_keys):
            self.title_postings.setdefault(k, []).append(doc.number)

    def df(self, key):
        """How many docs have `key` (title or body)."""
        return len(self.postings.get(key, ()))

    def docs_with_all(self, keys, titles=False):
        """Numbers of the docs that have every key (in the title only when `titles`), sorted."""
        table = self.title_postings if titles else self.postings
        lists = sorted((table.get(k, []) for k in set(keys)), key=len)
        if not lists:
            return []
        found = set(lists[0])
        for other in lists[1:]:
            found.intersection_update(other)
            if not found:
                break
        return sorted(found)

    def is_word(self, word):
        """Whether `word` (folded) occurs anywhere in the corpus."""
        return fold(word) in self.folded

    def surface_forms(self, doc):
        """Key -> the form of it written most often in `doc` (ties: first seen)."""
        seen = {}
        for text in [doc.title] + doc.paragraphs:
            for w in words(text):
                k = self.analysis.key(w)
                if k:
                    forms = seen.setdefault(k, {})
                    forms[w] = forms.get(w, 0) + 1
        return {k: max(forms.items(), key=lambda kv: kv[1])[0] for k, forms in seen.items()}

    def lower_dominant(self, word):
        """Whether `word` is written in lower case more often than capitalised."""
        return self.surface.get(word.lower(), 0) >= self.surface.get(word[:1].upper() + word[1:], 0)


def load_corpora(corpus_root, project_root, names=CORPORA, limit=None):
    """Every corpus under `corpus_root` named in `names` that exists, as name -> Corpus
    (only its first `limit` files when given: the self-check's small corpora)."""
    analysis = Analysis(load_stopwords(project_root))
    found = {}
    for name in names:
        root = os.path.join(corpus_root, name)
        if os.path.isdir(root):
            found[name] = Corpus(name, root, analysis, limit)
    return found
