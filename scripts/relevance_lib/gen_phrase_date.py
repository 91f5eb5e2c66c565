"""Quoted phrases (elisions, hyphens, the other apostrophe) and date windows of a month."""
import calendar
import re

from .corpus import WORD, fold, words
from .gen_base import title_words, typed_form
from .gen_words import collect

PHRASE_TOKENS = (3, 6)          # a phrase of 3 to 6 words
PHRASE_SPAN = re.compile(r"[^\W\d_]+(?:(?: |'|’|-)[^\W\d_]+)*")   # words joined by ' ', ', ’, -
JOINERS = re.compile(r"['’-]")
DATE_MIN_MATCHES = 20           # the issue: the words alone match 20+ dispatches
DATE_ONE_WORD_LETTERS = 7       # a one-word date query: a name, or a word of 7+ letters
DATE_LINE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
OTHER_APOSTROPHE = {"'": "’", "’": "'"}


def folded_text(doc, cache):
    """' w1 w2 … ' of the folded words of title and body (cached), for phrase look-ups."""
    text = cache.get(doc.number)
    if text is None:
        text = " " + " ".join(fold(w) for w in words(doc.title + "\n" + doc.body)) + " "
        cache[doc.number] = text
    return text


def phrase_spans(paragraph, rng):
    """Candidate spans (raw text) of 3-6 words holding an elision or a hyphen, shuffled."""
    tokens = [m.span() for m in WORD.finditer(paragraph)]
    spans = []
    for i in range(len(tokens)):
        for n in range(PHRASE_TOKENS[0], PHRASE_TOKENS[1] + 1):
            if i + n <= len(tokens):
                raw = paragraph[tokens[i][0]:tokens[i + n - 1][1]]
                if PHRASE_SPAN.fullmatch(raw) and JOINERS.search(raw):
                    spans.append(raw)
    rng.shuffle(spans)
    return spans


def phrase_ok(corpus, doc, raw, cache):
    """Whether `raw` is a fair phrase query for `doc`: only `doc` has it, others its words."""
    ws = words(raw)
    key = corpus.analysis.key
    if not key(ws[0]) or not key(ws[-1]) or len([w for w in ws if key(w)]) < 2:
        return False
    keys = [key(w) for w in ws if key(w)]
    holders = corpus.docs_with_all(keys)
    if len(holders) < 2:
        return False                       # the words alone would do: not a phrase test
    needle = " " + " ".join(fold(w) for w in ws) + " "
    having = [n for n in holders if needle in folded_text(corpus.docs[n], cache)]
    return having == [doc.number]


def make_phrase(corpus, rng, quota):
    cache = {}

    def attempt(doc):
        paragraphs = list(doc.paragraphs)
        rng.shuffle(paragraphs)
        for paragraph in paragraphs[:3]:
            for raw in phrase_spans(paragraph, rng)[:6]:
                if phrase_ok(corpus, doc, raw, cache):
                    typed = raw
                    swapped = False
                    if ("'" in raw or "’" in raw) and rng.random() < 0.5:
                        typed = "".join(OTHER_APOSTROPHE.get(c, c) for c in raw)
                        swapped = True
                    first = words(typed)[0]
                    if typed.startswith(first) and corpus.lower_dominant(first):
                        typed = first.lower() + typed[len(first):]
                    return {"kind": "phrase", "corpus": doc.corpus, "target": doc.rel,
                            "query": f'"{typed}"', "origin": "body",
                            "apostrophe_swapped": swapped}
        return None
    return collect(corpus, rng, quota, attempt)


def month_window(date):
    """(first day, last day) of the month of a YYYY-MM-DD date."""
    y, m, _ = (int(x) for x in DATE_LINE.match(date).groups())
    return f"{y:04d}-{m:02d}-01", f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def make_date(corpus, rng, quota):
    """1-2 title words matching 20+ dispatches, and a month window where the target is the
    only dispatch with them in its title (and not the only one with them at all)."""
    dated = [d for d in corpus.docs if DATE_LINE.match(d.date)]
    if len(dated) < len(corpus.docs) / 2 or len({d.date[:4] for d in dated}) < 3:
        return []                           # placeholder years (eltec_fra): no date windows

    def attempt(doc):
        if not DATE_LINE.match(doc.date):
            return None
        since, until = month_window(doc.date)
        pool = title_words(corpus, doc)
        rng.shuffle(pool)
        choices = [pool[i:i + 2] for i in range(len(pool) - 1)]
        choices += [[p] for p in pool if p[0][:1].isupper() or len(p[0]) >= DATE_ONE_WORD_LETTERS]
        for chosen in choices:
            keys = [k for _, ks in chosen for k in ks]
            holders = corpus.docs_with_all(keys)
            if len(holders) < DATE_MIN_MATCHES:
                continue
            inside = [h for h in holders if since <= corpus.docs[h].date <= until]
            titled = [h for h in corpus.docs_with_all(keys, titles=True)
                      if since <= corpus.docs[h].date <= until]
            if titled == [doc.number] and len(inside) >= 2:
                query = " ".join(typed_form(corpus, w) for w, _ in chosen)
                return {"kind": "date", "corpus": doc.corpus, "target": doc.rel,
                        "query": query, "origin": "title", "since": since, "until": until,
                        "matches_without_dates": len(holders)}
        return None
    return collect(corpus, rng, quota, attempt)
