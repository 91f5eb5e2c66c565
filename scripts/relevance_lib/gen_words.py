"""Kinds made of plain words: title, body, unaccented, typo and other inflections.

Each maker takes (corpus, rng, quota) and returns up to `quota` query records, one target each.
"""
from .corpus import fold, words
from .gen_base import any_base, body_base, doc_folded_words, shuffled_docs, title_base

TYPO_MIN_LETTERS = 4           # the issue: one typo in a word of 4+ letters
MAX_ACCENTLESS_SHARE = 0.1     # the accentless form must be rare as a word of its own (marche/marché)
MIN_FORM_COUNT = 2             # an inflected form is real when written twice or more in the corpus


def record(kind, base, query, **extra):
    """One query record (the fields every kind has, then the kind's own)."""
    rec = {"kind": kind, "corpus": base.doc.corpus, "target": base.doc.rel, "query": query,
           "origin": base.origin}
    rec.update(extra)
    return rec


def collect(corpus, rng, quota, attempt):
    """Calls attempt(doc) over the shuffled docs until `quota` records are made."""
    out = []
    for doc in shuffled_docs(corpus, rng):
        if len(out) >= quota:
            break
        rec = attempt(doc)
        if rec:
            out.append(rec)
    return out


def make_title(corpus, rng, quota):
    def attempt(doc):
        base = title_base(corpus, doc, rng)
        return base and record("title", base, " ".join(base.words))
    return collect(corpus, rng, quota, attempt)


def make_body(corpus, rng, quota):
    def attempt(doc):
        base = body_base(corpus, doc, rng, contested=True)
        return base and record("body", base, " ".join(base.words))
    return collect(corpus, rng, quota, attempt)


def make_unaccented(corpus, rng, quota):
    def attempt(doc):
        base = any_base(corpus, doc, rng)
        if not base or all(w.isascii() for w in base.words):
            return None
        for w in base.words:
            bare = fold(w)
            if not w.isascii() and corpus.surface.get(bare, 0) > MAX_ACCENTLESS_SHARE * corpus.surface.get(w.lower(), 1):
                return None                 # "marche" is a word of its own: not a fair test
        return record("unaccented", base, " ".join(fold(w) for w in base.words))
    return collect(corpus, rng, quota, attempt)


def typo_forms(word):
    """(form, how) for every one-letter slip: a swap of neighbours, a drop, a doubling."""
    found = []
    for i in range(1, len(word)):
        if i + 1 < len(word) and word[i] != word[i + 1]:
            found.append((word[:i] + word[i + 1] + word[i] + word[i + 2:], "swap"))
        found.append((word[:i] + word[i + 1:], "drop"))
        if word[i] != word[i - 1] and (i + 1 >= len(word) or word[i] != word[i + 1]):
            found.append((word[:i + 1] + word[i] + word[i + 1:], "double"))
    return found


def make_typo(corpus, rng, quota):
    def attempt(doc):
        base = any_base(corpus, doc, rng)
        if not base:
            return None
        slots = [i for i, w in enumerate(base.words) if len(w) >= TYPO_MIN_LETTERS and "-" not in w]
        if not slots:
            return None
        i = rng.choice(slots)
        forms = [(f, how) for f, how in typo_forms(base.words[i]) if not corpus.is_word(f)]
        if not forms:
            return None
        form, how = rng.choice(forms)
        typed = base.words[:i] + [form] + base.words[i + 1:]
        return record("typo", base, " ".join(typed), word=base.words[i], slip=how)
    return collect(corpus, rng, quota, attempt)


NOUN_RULES = [("eaux", ["eau"]), ("eau", ["eaux"]), ("aux", ["al"]), ("al", ["aux"]),
              ("s", [""]), ("", ["s"])]
VERB_RULES = [("aient", ["ait", "ent", "e"]), ("ait", ["e", "ent", "aient"]),
              ("ent", ["e", "ait", "aient", "é"]), ("er", ["e", "ent", "é"]),
              ("é", ["e", "ent", "ait"]), ("e", ["ent", "ait", "é", "era"])]


VERB_ENDINGS = ("e", "es", "ent", "ait", "aient", "é", "er", "era", "ons", "ez")
VERB_MIN_FORMS = 3              # a verb: 3+ of its forms written in the corpus …
IMPERFECT = ("ait", "aient")    # … one of them an imperfect, which no noun looks like


def inflections(word, rules):
    """(stem, other forms of `word`) by the first rule whose ending it has (lower case)."""
    lower = word.lower()
    for ending, replacements in rules:
        if lower.endswith(ending) and len(lower) - len(ending) >= 3:
            if ending == "s" and lower.endswith("ss") or ending == "ent" and lower.endswith("ment"):
                return lower, []
            stem = lower[:len(lower) - len(ending)]
            return stem, [stem + r for r in replacements]
    return lower, []


NOMINAL_BEFORE = set("""le la l les un une des du de d au aux sa son ses sa leur leurs cette ce cet
ces notre nos votre vos mon ma mes ton ta tes à en pour par sur contre sans avec quelle
quel""".split())                # a word after these is a noun or an adjective, not a verb
VERBAL_SHARE = 0.5             # the target must use the word as a verb at least half the time


def used_as_verb(doc, word):
    """Whether `doc` writes `word` after a determiner or preposition less than half the time
    (la lutte, l'aide, la critique are nouns: their -ent forms would be another word)."""
    lower = word.lower()
    seen = nominal = 0
    for text in [doc.title] + doc.paragraphs:
        previous = ""
        for w in words(text):
            if w.lower() == lower:
                seen += 1
                nominal += previous in NOMINAL_BEFORE
            previous = w.lower()
    return seen > 0 and nominal < VERBAL_SHARE * seen


def agrees_as_adjective(corpus, word):
    """Whether the corpus writes `word` + e/s/es (différent → différente: an adjective)."""
    return any(corpus.surface.get(word.lower() + e, 0) for e in ("e", "es"))


def looks_verbal(corpus, stem):
    """Whether the corpus conjugates `stem` (potager/potage is a garden and a soup, not a verb)."""
    written = [e for e in VERB_ENDINGS if corpus.surface.get(stem + e, 0)]
    return len(written) >= VERB_MIN_FORMS and any(e in IMPERFECT for e in written)


def make_inflection(kind, rules, verbs):
    """A maker that swaps one word for another inflection written elsewhere in the corpus."""
    def make(corpus, rng, quota):
        def attempt(doc):
            base = any_base(corpus, doc, rng)
            if not base:
                return None
            present = doc_folded_words(doc)
            slots = list(range(len(base.words)))
            rng.shuffle(slots)
            for i in slots:
                w = base.words[i]
                if w[:1].isupper() or "-" in w:
                    continue                # names are the variant kind's business
                stem, forms = inflections(w, rules)
                if verbs and not (looks_verbal(corpus, stem) and used_as_verb(doc, w)
                                  and not (w.endswith("ent") and agrees_as_adjective(corpus, w))):
                    continue
                forms = [f for f in forms
                         if corpus.surface.get(f, 0) >= MIN_FORM_COUNT and fold(f) not in present]
                if forms:
                    form = rng.choice(forms)
                    typed = base.words[:i] + [form] + base.words[i + 1:]
                    return record(kind, base, " ".join(typed), word=w, form=form)
            return None
        return collect(corpus, rng, quota, attempt)
    return make


make_inflection_noun = make_inflection("inflection_noun", NOUN_RULES, verbs=False)
make_inflection_verb = make_inflection("inflection_verb", VERB_RULES, verbs=True)
