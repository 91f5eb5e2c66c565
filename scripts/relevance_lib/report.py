"""docs/relevance.md: the figures of one run, as Markdown tables, with the run's context."""
from . import metrics, report_text

KIND_ORDER = ["title", "body", "phrase", "date", "unaccented", "inflection_noun",
              "inflection_verb", "typo", "variant", "question", "longdoc"]


def fmt(x, digits=3):
    return "–" if x is None else f"{x:.{digits}f}"


def percent(x):
    return "–" if x is None else f"{100 * x:.0f} %"


def best_marks(values):
    """The cells to bold: the best value of a row (ties all bold)."""
    present = [v for v in values if v is not None]
    top = max(present) if present else None
    return [v is not None and top is not None and abs(v - top) < 1e-9 for v in values]


def known_item_table(records, ranks, systems, split):
    """Rows per kind and overall: n, then per system 'MRR@10 · S@1 · S@10' (best MRR bold)."""
    head = "| kind | n | " + " | ".join(f"{s} MRR · S@1 · S@10" for s in systems) + " |"
    lines = [head, "|" + "---|" * (len(systems) + 2)]
    kinds = [k for k in KIND_ORDER if any(r["kind"] == k for r in records)] + ["overall"]
    for kind in kinds:
        idx = [i for i, r in enumerate(records)
               if r["split"] == split and (kind == "overall" or r["kind"] == kind)]
        scores = [metrics.known_item([ranks[s][i] for i in idx]) for s in systems]
        bold = best_marks([sc["mrr"] for sc in scores])
        cells = []
        for sc, b in zip(scores, bold):
            mrr = f"**{fmt(sc['mrr'])}**" if b else fmt(sc["mrr"])
            cells.append(f"{mrr} · {fmt(sc['s1'], 2)} · {fmt(sc['s10'], 2)}")
        name = "**overall**" if kind == "overall" else kind
        lines.append(f"| {name} | {len(idx)} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def snippet_lines(records, checks):
    out = []
    for split in ("dev", "check"):
        ids = [r["id"] for r in records if r["kind"] == "longdoc" and r["split"] == split]
        found = [checks.get(i) for i in ids]
        right = sum(1 for c in found if c)
        shown = sum(1 for c in found if c is not None)
        out.append(f"| {split} | {len(ids)} | {shown} | {right} | "
                   f"{percent(right / len(ids) if ids else None)} | "
                   f"{percent(right / shown if shown else None)} |")
    head = ("| set | long-document queries | target in Dépêches' top 10 | snippet from the "
            "target paragraph | share of all queries | share of those found |\n|---|---|---|---|---|---|")
    return head + "\n" + "\n".join(out)


def judged_table(scores, unjudged, n_topics, systems):
    bold = best_marks([scores[s] for s in systems])
    cells = [f"**{fmt(scores[s])}**" if b else fmt(scores[s]) for s, b in zip(systems, bold)]
    lines = ["| | " + " | ".join(systems) + " |", "|" + "---|" * (len(systems) + 1),
             f"| nDCG@10 ({n_topics} topics) | " + " | ".join(cells) + " |",
             "| top-10 documents not judged | " + " | ".join(percent(unjudged[s]) for s in systems) + " |"]
    return "\n".join(lines)


def names_table(rows, systems):
    head = ("| name | shares its stem with | dispatches holding the name (folded) | written "
            "exactly so | " + " | ".join(systems) + " |")
    lines = [head, "|" + "---|" * (len(systems) + 4)]
    for r in rows:
        counts = " | ".join(str(r["counts"][s]) for s in systems)
        lines.append(f"| {r['name']} | {', '.join(r['colliding'])} | {r['true']} | {r['exact']} | {counts} |")
    return "\n".join(lines)


def examples(records, per_kind=3):
    lines = ["| kind | query | filter | target |", "|---|---|---|---|"]
    for kind in KIND_ORDER:
        shown = [r for r in records if r["kind"] == kind][:per_kind]
        for r in shown:
            window = f"{r['since']} … {r['until']}" if r.get("since") else ""
            extra = f" (¶ {r['paragraph']})" if "paragraph" in r else ""
            lines.append(f"| {kind} | `{r['query']}` | {window} | {r['target']}{extra} |")
    return "\n".join(lines)


def counts_line(records):
    dev = sum(1 for r in records if r["split"] == "dev")
    return f"{len(records)} generated queries: {dev} in the development set, {len(records) - dev} in the check set"


def write(path, ctx):
    """Writes the report from the run's context (see main.run for the keys)."""
    systems = ctx["systems"]
    parts = [report_text.intro(ctx),
             "## Known-item queries: development set\n",
             counts_line(ctx["records"]) + ". Each cell: MRR@10 · S@1 · S@10 (best MRR in bold).\n",
             known_item_table(ctx["records"], ctx["ranks"], systems, "dev"),
             "\n## Known-item queries: check set (not used for tuning)\n",
             known_item_table(ctx["records"], ctx["ranks"], systems, "check"),
             "\n## Long documents: is the snippet from the right paragraph? (Dépêches)\n",
             snippet_lines(ctx["records"], ctx["snippets"]),
             "\n## Topical queries judged by hand\n",
             report_text.judged_intro(),
             judged_table(ctx["ndcg"], ctx["unjudged"], ctx["n_topics"], systems),
             "\n## Names that Snowball French stems like common words (siefke_fr)\n",
             report_text.names_intro(),
             names_table(ctx["names"], systems),
             "\n## The queries\n",
             report_text.kinds_text(),
             examples(ctx["records"]),
             report_text.setup_text(ctx),
             report_text.limits_text()]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(parts).rstrip() + "\n")
