"""The prose of docs/relevance.md: what was run, where, how, and what the figures mean."""
import os
import platform


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def memory_gib():
    try:
        with open("/proc/meminfo", encoding="utf-8") as f:
            kib = int(f.readline().split()[1])
        return f"{kib / 2**20:.0f} GiB"
    except (OSError, ValueError, IndexError):
        return "unknown memory"


def timings_table(timings):
    lines = ["| step | seconds |", "|---|---|"]
    lines += [f"| {label} | {seconds:.1f} |" for label, seconds in timings.items()]
    return "\n".join(lines)


def intro(ctx):
    args, (before, after) = ctx["args"], ctx["load"]
    docs = ", ".join(f"{n} {c} files" for c, n in ctx["n_docs"].items())
    return f"""# Relevance: Dépêches beside SQLite FTS5, tantivy and Xapian

Written by `scripts/relevance` (issue 14's harness): a deterministic generator makes
known-item queries (one target dispatch each) over `../shared/corpus/siefke_fr` and
`../shared/corpus/eltec_fra`, every system indexes the same text and answers the same query
strings, and the scores below are computed in the same run. Topical queries judged by hand
give nDCG@10. Do not edit by hand: re-run the script.

Run of {args.commit or 'an unknown commit'} ({args.version_line or 'depeches'}), binary
`{args.bin}`; corpora: {docs}.
Machine: {cpu_model()}, {os.cpu_count()} cores, {memory_gib()}, {platform.system()} {platform.release()}.
Load average (1, 5, 15 min) at the start {before[0]:.1f} / {before[1]:.1f} / {before[2]:.1f}, at the
end {after[0]:.1f} / {after[1]:.1f} / {after[2]:.1f}: other work shared the two cores, so the seconds below are
wall-clock times on a busy machine, not a benchmark (speed is `scripts/bench`'s job); the
CPU times at the end of the table are what the run itself cost.

```
scripts/relevance                       # build release, install what is missing, run, write this file
DEPECHES_BIN=path/to/depeches scripts/relevance   # score another build
scripts/relevance --self-check          # the generator is deterministic (cheap)
scripts/relevance --pool                # also write relevance-out/pool.md, the judging sheet
```

Each run also writes `relevance-out/queries.jsonl` (every query, its target and kind) and
`relevance-out/ranks.tsv` (each query's target rank in each system): what to diff between two
builds to see which queries a ranking change won or lost.

{timings_table(ctx["timings"])}

MRR@10: mean of 1/rank of the target (0 when it is not in the first 10); S@1, S@10: share of
queries whose target is first, in the first 10. The development set is what ranking changes
are tuned on; the check set (a tenth of each kind, chosen by a hash of the query) is not, and
shows whether a change generalises.
"""


def judged_intro():
    return """The topics are in `scripts/relevance_data/topics.tsv` (query, and what the analyst
wants), the judgments in `scripts/relevance_data/judged.tsv` (query, dispatch, grade): 2 the
dispatch is about the topic, 1 it treats it in part (a passage an analyst would want to read),
0 a passing mention or unrelated. The pool was the top 10 of every system; each pooled
dispatch was read and judged by hand. A dispatch nobody judged counts 0, so a system that
later returns new documents is scored low until they are judged: the second row says how many
of each system's top-10 documents are unjudged (pool them with `--pool` and judge them).
Gain 2^grade − 1, discount log2(rank + 1), ideal from all judged documents of the topic.
"""


def names_intro():
    return """Found by stemming every word siefke_fr mostly capitalises (inside sentences) with
Xapian's Snowball French stemmer and keeping those that share the stem of lower-case words of
another spelling. "Dispatches holding the name" is the true count: files with the folded name
as a word (what `grep -wi` finds in folded text, accents removed); "written exactly so" counts
the capitalised spelling alone. The system columns are each system's count for the name typed
as the query (`total` for Dépêches).
"""


def kinds_text():
    return """| kind | how it is made (target: one dispatch) |
|---|---|
| title | 2-4 content words of the title; no other title holds them all, but other dispatches do |
| body | 2-3 distinctive body words (best tf-idf, each in 3+ dispatches); 2-8 dispatches hold them all, the target writing each twice or more and twice as often as any other |
| phrase | a quoted span of 3-6 words with an elision or a hyphen, found in the target only, its words in others too; half of those with an apostrophe get the other apostrophe (' ↔ ’) |
| date | 1-2 title words matching 20+ dispatches, with `--since/--until` a calendar month where the target is the only title with them |
| unaccented | a title or body query with its accents removed (when the bare form is not a word of its own, like marche/marché) |
| inflection_noun | a title or body query with one word in its other number (plural ↔ singular, -al ↔ -aux), a form written elsewhere in the corpus and absent from the target |
| inflection_verb | the same with another person or tense (-e ↔ -ent, -ait, -aient, -é, -era) of a stem the corpus conjugates |
| typo | a title or body query with one letter swapped, dropped or doubled in a word of 4+ letters, the result being no word of the corpus |
| variant | a title or body query naming someone or somewhere the target names, spelt another way (`relevance_data/name_variants.tsv`, checked by hand) |
| question | a French question made from the title (`pourquoi l'Australie veut-elle détruire l'Antarctique ?`, `qui a …`, `que s'est-il passé avec …`) |
| longdoc | 3-5 words of one paragraph (not the first) of a long document (15+ paragraphs, 15,000+ characters) that meet in no other paragraph of the corpus, while 2+ dispatches hold them all |

Every query also passes through a stricter oracle than any system (folded Snowball stems), so
a word Snowball merges with another never makes a second dispatch look like a match. A few
examples of each kind (the first of the file):
"""


def setup_text(ctx):
    return """
## How each system is set up

- **Dépêches**: the CLI, `depeches index` on a copy of the corpus' `.txt` files, then one
  `depeches search QUERY --json --limit 10 [--since --until] --index …` per query, two at a
  time.
- **SQLite FTS5** (Python's `sqlite3`): columns title and body, tokenizer
  `unicode61 remove_diacritics 2` (no stemming), `bm25` with the title weighted 3, dates as
  an unindexed column filtered in SQL. Words become quoted FTS5 strings joined by AND.
- **tantivy** (PyPI `tantivy`): fields title and body with the analyzer simple tokenizer →
  remove_long(40) → lowercase → French stop words → French stemmer → ascii_fold; the query
  parser over both fields, title boost 3, conjunction by default; dates an integer fast field
  with a range query.
- **Xapian** (python3-xapian, stock): TermGenerator with the French stemmer (STEM_SOME), the
  title indexed under `S` and in the body; QueryParser French, STEM_SOME, the Snowball French
  stop words, default operator AND, phrases as typed; dates a value range.

Every peer, like Dépêches, runs the query with all words required and, when nothing matches,
with any word (omega's habit); a question's words (pourquoi…) are mostly in no dispatch, so
questions are a test of that fallback's ranking for all four.

## Data and licences

The queries are generated from the texts of the two corpora and the judgments read them:
siefke_fr (blog posts of silviosiefke.fr, whose author grants free use of the texts; see its
SOURCE.md) and eltec_fra (ELTeC French novels, public domain, TEI headers CC BY 4.0; cite
*French Novel Corpus (ELTeC-fra)*, Schöch & Burnard, DOI 10.5281/zenodo.4662433). The stop
words are Snowball's (BSD). The name variants are facts about names, gathered for this harness.
"""


def limits_text():
    return """
## Limits of the generator (read before tuning on it)

- Question templates make some clumsy French (the titles are machine translations to begin
  with); the question's content words are the title's, so the kind measures how a system
  ranks when the interrogative words find nothing.
- Verb forms are made by suffix rules, kept only when the corpus writes the form and conjugates
  the stem; a form can still belong to a homograph (porte/portent).
- eltec_fra's dates are placeholder years: no date windows there; its titles are
  novel — author — chapter, so its title queries lean on chapter heads.
- Name variants are a hand-checked list, not the rules themselves: the rules alone turn
  Kouchner into Kushner. Dépêches applies such rules (a transliteration skeleton, with the
  different names it must not join listed; docs/french.md checks its merges by hand), so the
  variant kind is close to what its rules were built for: read it with that in mind.
- Questions starting "que sait-on de …" are a template of this generator; Dépêches' question
  frame (NaturalQuestion) knows that idiom, among others a reader types.
- body and phrase are near the ceiling for every system: they check that nothing breaks
  (matching, phrase syntax, apostrophes) more than they rank.
- The judged pool was made from `main` 1f7ebb6 and the three peers; a ranking change that
  brings up dispatches nobody judged loses nDCG until they are judged (`--pool`).
- Check sets are 5 queries a kind: read their per-kind rows as a sanity check, the overall
  row as the figure.
"""
