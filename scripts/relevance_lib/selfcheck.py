"""scripts/relevance --self-check: the generator is deterministic, and its pieces do what
they say. Cheap: the generator runs twice, in two processes with different hash seeds, on the
first files of each corpus only."""
import os
import subprocess
import sys
import tempfile

from . import metrics, querytext
from .gen_words import inflections, typo_forms, NOUN_RULES, VERB_RULES

SAMPLE_DOCS = 150               # files per corpus for the two generator runs


def generated_bytes(args, out, hash_seed):
    env = dict(os.environ, PYTHONHASHSEED=str(hash_seed))
    cmd = [sys.executable, "-m", "relevance_lib.main", "--root", os.path.abspath(args.root),
           "--corpora", os.path.abspath(args.corpora), "--out", out, "--generate-only",
           "--limit-docs", str(SAMPLE_DOCS)]
    subprocess.run(cmd, check=True, env=env, cwd=os.path.dirname(os.path.dirname(__file__)),
                   stderr=subprocess.DEVNULL)
    with open(os.path.join(out, "queries.jsonl"), "rb") as f:
        return f.read()


def unit_checks():
    """(description, passed) for the small pure functions."""
    yield "typo_forms drops, swaps and doubles", {("rusie", "drop"), ("rsusie", "swap"), ("ruussie", "double")} <= set(typo_forms("russie"))
    yield "inflections: plural, -aux, -ent", (
        "sanctions" in inflections("sanction", NOUN_RULES)[1]
        and "généraux" in inflections("général", NOUN_RULES)[1]
        and "frappent" in inflections("frappe", VERB_RULES)[1])
    yield "query parts: phrase and words", querytext.parts('les "cessez-le-feu" l’Arménie') == [
        ("word", "les"), ("phrase", ["cessez", "le", "feu"]), ("word", "l"), ("word", "Arménie")]
    yield "fts5 quoting", querytext.fts5_match('a "b c"', "OR") == '"a" OR "b c"'
    yield "ndcg of the ideal order is 1", abs(metrics.ndcg(["a", "b"], {"a": 2, "b": 1}) - 1) < 1e-9
    yield "ndcg of an unjudged list is 0", metrics.ndcg(["x"], {"a": 2}) == 0
    yield "snippet pieces found in the paragraph", metrics.snippet_from(
        "… vingt mots de suite ici, puis …", "Avant, vingt mots de suite ici, puis après.")
    yield "snippet from elsewhere refused", not metrics.snippet_from(
        "un texte qui n'y est pas du tout", "Avant, vingt mots de suite ici, puis après.")


def run(args):
    failed = 0
    for description, passed in unit_checks():
        print(f"{'ok' if passed else 'FAILED'}: {description}")
        failed += not passed
    with tempfile.TemporaryDirectory() as a, tempfile.TemporaryDirectory() as b:
        first, second = generated_bytes(args, a, 1), generated_bytes(args, b, 2)
    same = first == second and len(first) > 0
    kinds = {line.split(b'"kind": "')[1].split(b'"')[0] for line in first.splitlines()}
    print(f"{'ok' if same else 'FAILED'}: two generator runs (hash seeds 1 and 2) wrote the same "
          f"{len(first)} bytes ({len(first.splitlines())} queries, {len(kinds)} kinds)")
    failed += not same
    print(f"{len(list(unit_checks())) + 1 - failed} passed, {failed} failed")
    return 1 if failed else 0
