"""The deterministic generator: same corpora and seed -> the same queries, byte for byte.

Each kind draws from its own random stream (seeded by the seed, the kind and the corpus), so
that changing one kind's rules leaves the other kinds' queries as they were. A tenth of each
kind (chosen by a hash of the query, not by the order) is the check set.
"""
import hashlib
import json
import random

from . import gen_base, gen_longdoc, gen_names, gen_phrase_date, gen_questions, gen_words

SEED = 14                       # issue 14
CHECK_SHARE = 10                # one query in 10 is kept for the check set

# kind -> (maker, {corpus: quota}). About 50 a kind, 450+ in the development set.
KINDS = {
    "title": (gen_words.make_title, {"siefke_fr": 35, "eltec_fra": 15}),
    "body": (gen_words.make_body, {"siefke_fr": 35, "eltec_fra": 15}),
    "phrase": (gen_phrase_date.make_phrase, {"siefke_fr": 35, "eltec_fra": 15}),
    "date": (gen_phrase_date.make_date, {"siefke_fr": 50}),
    "unaccented": (gen_words.make_unaccented, {"siefke_fr": 35, "eltec_fra": 15}),
    "inflection_noun": (gen_words.make_inflection_noun, {"siefke_fr": 35, "eltec_fra": 15}),
    "inflection_verb": (gen_words.make_inflection_verb, {"siefke_fr": 35, "eltec_fra": 15}),
    "typo": (gen_words.make_typo, {"siefke_fr": 35, "eltec_fra": 15}),
    "variant": (gen_names.make_variant, {"siefke_fr": 50}),
    "question": (gen_questions.make_question, {"siefke_fr": 50}),
    "longdoc": (gen_longdoc.make_longdoc, {"siefke_fr": 25, "eltec_fra": 25}),
}


def stream(seed, kind, corpus):
    """The random stream of one kind on one corpus (string seeds hash with SHA-512: stable)."""
    return random.Random(f"{seed}/{kind}/{corpus}")


def digest(rec):
    return hashlib.sha1(f"{rec['kind']}|{rec['target']}|{rec['query']}".encode("utf-8")).hexdigest()


def assign_splits(records):
    """Marks the tenth of each kind with the smallest hashes as 'check', the rest 'dev'."""
    by_kind = {}
    for rec in records:
        by_kind.setdefault(rec["kind"], []).append(rec)
    for recs in by_kind.values():
        n_check = max(1, round(len(recs) / CHECK_SHARE))
        ranked = sorted(recs, key=digest)
        chosen = {id(r) for r in ranked[:n_check]}
        for rec in recs:
            rec["split"] = "check" if id(rec) in chosen else "dev"


def generate(corpora, data_dir, seed=SEED, kinds=None):
    """Every kind's queries over the loaded corpora, with ids and splits, in a stable order."""
    gen_base.load_function_words(data_dir)
    context = {"data_dir": data_dir}
    records = []
    for kind, (maker, quotas) in KINDS.items():
        if kinds and kind not in kinds:
            continue
        for name, quota in quotas.items():
            corpus = corpora.get(name)
            if corpus is None:
                continue
            rng = stream(seed, kind, name)
            made = maker(corpus, rng, quota, context) if getattr(maker, "wants_context", False) \
                else maker(corpus, rng, quota)
            records.extend(made)
    for n, rec in enumerate(records):
        rec["id"] = f"{rec['kind']}-{n:04d}"
    assign_splits(records)
    return records


def dump(records):
    """The records as JSON lines (sorted keys, UTF-8 as is): the byte-stable form."""
    return "".join(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n" for r in records)


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
