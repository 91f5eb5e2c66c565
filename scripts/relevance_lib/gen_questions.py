"""Natural questions in French, made from a dispatch's title.

A title that is a sentence (subject, verb, rest) becomes `pourquoi la Turquie soutient-elle
l'Azerbaïdjan ?`, `qui a signé … ?` (a passé composé) or `qui soutient … ?`; a title that is
a noun phrase becomes `que s'est-il passé avec …`, `que sait-on de …`, `qu'en est-il de …`.
The question's own words (pourquoi, passé, sait…) are in no title on purpose: the target is
kept when it is the only title holding all the other content words.
"""
import re

from .gen_base import FUNCTION_WORDS, content_keys
from .gen_words import looks_verbal
from .corpus import fold

TITLE_HEAD = re.compile(r"^[^:!?.;«»()\[\]]+")    # the title up to its first strong punctuation
TOKEN = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*['’]?|\d+")
MAX_WORDS = 10                  # a question longer than this is not what anyone types
ARTICLES = {"le": "il", "la": "elle", "les": "ils"}
# Third-person verbs the regular-verb test misses (irregular stems), as written in titles.
IRREGULAR = set("""est sont a ont va vont fait font peut peuvent veut veulent doit doivent
soutient soutiennent prend prennent met mettent dit disent voit voient vient viennent tient
tiennent perd perdent vend vendent défend défendent répond répondent devient deviennent
obtient obtiennent reconnaît reconnaissent détruit détruisent conduit conduisent produit
produisent craint craignent rejoint rejoignent meurt meurent sait savent promet promettent
achète achètent mène mènent protège protègent préfère préfèrent lève lèvent
brûlera tombe tombent""".split())
FRAMES_NOUN = ["que s'est-il passé avec {np} ?", "que sait-on {de} ?", "qu'en est-il {de} ?"]
FRAME_WORDS = {"passe", "sait", "qu'en", "est-il", "s'est-il", "sait-on"}
FEMININE = ("tion", "sion", "té", "ure", "ence", "ance", "ie", "ée", "ine", "ise", "ique")
VOWELS = tuple("aeiouyéèêàâîïôûh")
VERBAL_ENDINGS = ("er", "ir", "ez", "tes")   # infinitives and imperatives lead no noun phrase


def tokens(title):
    head = TITLE_HEAD.match(title)
    return TOKEN.findall(head.group(0)) if head else []


def is_verb(corpus, word):
    """A third-person verb: listed irregular, or -e/-ent with the corpus conjugating its stem."""
    if word in IRREGULAR:
        return True
    for ending in ("ent", "e"):
        if word.endswith(ending) and not word.endswith("ment") and len(word) > len(ending) + 2:
            return looks_verbal(corpus, word[:-len(ending)])
    return False


def article_split(word):
    """('l'', 'Allemagne') for an elided article, (word, '') for le/la/les/un/une, else None."""
    f = fold(word)
    if f in ARTICLES or f in ("un", "une"):
        return word.lower(), ""
    if f.startswith(("l'", "l’")) and len(word) > 2:
        return word[:2].lower(), word[2:]
    return None


def feminine(noun):
    return fold(noun).rstrip("s").endswith(FEMININE) or fold(noun).rstrip("s").endswith("e")


def pronoun(subject, verb):
    """il / elle / ils / elles for a subject, guessed from its article and its noun's ending."""
    first = fold(subject[0])
    noun = subject[0][2:] if first.startswith("l'") else (subject[1] if len(subject) > 1 else subject[0])
    plural = verb.endswith("ent") or verb in ("sont", "ont", "vont", "font") or first == "les"
    if first == "les" or plural:
        return "elles" if first == "les" and feminine(noun) else "ils"
    if first in ("le", "la"):
        return ARTICLES[first]
    if first.startswith("l'"):
        return "elle" if feminine(noun) else "il"
    return "il"


def with_de(phrase):
    """`de` + a noun phrase, with French contraction (du, des, de la, de l', d'un)."""
    first, rest = phrase[0], phrase[1:]
    lower = fold(first)
    if lower == "le":
        return " ".join(["du"] + rest)
    if lower == "les":
        return " ".join(["des"] + rest)
    if lower.startswith(("l'", "l’")) or lower == "la":
        return " ".join(["de", first] + rest)
    if lower.startswith(VOWELS):
        return " ".join(["d'" + first] + rest)
    return " ".join(["de"] + phrase)


def subject_start(corpus, toks):
    """The title's first word as a question starts it, and what leads the title:
    'article', 'name', 'noun' (a common word) or None (a pronoun, an interrogative…)."""
    first = toks[0]
    split = article_split(first)
    if split:
        return split[0] + split[1], "article"
    if not corpus.lower_dominant(first):
        return (first, "name") if not is_verb(corpus, first.lower()) else (None, None)
    if fold(first) in FUNCTION_WORDS or corpus.analysis.key(first) is None:
        return None, None
    if first.lower().endswith(VERBAL_ENDINGS) or is_verb(corpus, first.lower()):
        return None, None                   # "Mourir pour…", "Faites confiance…": no noun phrase
    return first.lower(), "noun"


def sentence_question(corpus, toks, rng, lead):
    """A question from a subject-verb title, or None when no verb follows a short subject."""
    for v in range(1, min(5, len(toks) - 1)):
        verb = toks[v]
        if not verb.islower() or not is_verb(corpus, verb):
            continue
        subject, rest = toks[:v], toks[v + 1:]
        if lead == "article" and not article_split(toks[0])[1] and v < 2:
            return None                     # "la recherche…": the article has no noun before the verb
        if verb == "a" and rest and rest[0].islower() and rest[0].endswith(("é", "i", "is", "it", "u")):
            return "qui a " + " ".join(rest) + " ?"
        if rng.random() < 0.25 and verb not in ("est", "sont", "a", "ont"):
            return "qui " + verb + " " + " ".join(rest) + " ?"
        pron = pronoun(subject, verb)
        joined = f"{verb}-t-{pron}" if verb[-1] in "ae" else f"{verb}-{pron}"
        return "pourquoi " + " ".join(subject + [joined] + rest) + " ?"
    return None


def question_for(corpus, doc, rng):
    toks = tokens(doc.title)
    if "?" in doc.title or not 2 <= len(toks) <= MAX_WORDS - 3:
        return None
    start, lead = subject_start(corpus, toks)
    if lead is None:
        return None
    toks = [start] + toks[1:]
    question = sentence_question(corpus, toks, rng, lead) if lead != "noun" else None
    if question is None:
        question = rng.choice(FRAMES_NOUN).format(np=" ".join(toks), de=with_de(toks))
    return question


def question_keys(corpus, question):
    keys = []
    for unit in TOKEN.findall(question):
        if fold(unit) in FRAME_WORDS or fold(unit) in FUNCTION_WORDS:
            continue
        for part in re.split(r"['’-]", unit):
            keys.extend(content_keys(corpus, part))
    return keys


def make_question(corpus, rng, quota):
    out = []
    docs = list(corpus.docs)
    rng.shuffle(docs)
    for doc in docs:
        if len(out) >= quota:
            break
        question = question_for(corpus, doc, rng)
        if not question:
            continue
        keys = question_keys(corpus, question)
        if len(set(keys)) < 2 or corpus.docs_with_all(keys, titles=True) != [doc.number]:
            continue
        out.append({"kind": "question", "corpus": doc.corpus, "target": doc.rel,
                    "query": question, "origin": "title"})
    return out
