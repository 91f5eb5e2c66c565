"""scripts/relevance's Python side: generate, index, search, score, write docs/relevance.md."""
import argparse
import os
import shutil
import sys
import tempfile
import threading
import time

from . import evaluate, generate, judged, names, report, selfcheck
from .corpus import CORPORA, load_corpora


def log(message):
    print(f"relevance: {message}", file=sys.stderr, flush=True)


def parse_args(argv):
    p = argparse.ArgumentParser(prog="scripts/relevance", description=__doc__)
    p.add_argument("--bin", required=False, help="depeches binary to score")
    p.add_argument("--root", required=True, help="the project's root (data/, docs/)")
    p.add_argument("--corpora", required=True, help="folder holding siefke_fr/ and eltec_fra/")
    p.add_argument("--out", required=True, help="work folder (queries, indexes, pool sheet)")
    p.add_argument("--docs", help="where to write the report (default: ROOT/docs/relevance.md)")
    p.add_argument("--seed", default=generate.SEED)
    p.add_argument("--limit-docs", type=int, help="read only the first N files of each corpus")
    p.add_argument("--generate-only", action="store_true", help="write the queries and stop")
    p.add_argument("--pool", action="store_true", help="also write the judging sheet OUT/pool.md")
    p.add_argument("--list-variants", action="store_true", help="print name-variant candidates")
    p.add_argument("--self-check", action="store_true", help="check the generator is deterministic")
    p.add_argument("--version-line", default="", help="what the binary says it is")
    p.add_argument("--commit", default="", help="the tree's commit, for the report")
    return p.parse_args(argv)


def data_dir(root):
    return os.path.join(root, "scripts", "relevance_data")


def make_systems(workdir, args):
    from .depeches import Depeches
    from .peer_tantivy import Tantivy
    from .peers import FTS5, Xapian
    return [Depeches(workdir, args.bin), FTS5(workdir), Tantivy(workdir), Xapian(workdir, args.root)]


def start_depeches(depeches, corpus_root, names, timings):
    """Indexes the corpora with Dépêches in a thread (its own process does the work) while
    Python reads the corpora and builds the peers; returns the function that waits for it."""
    failure = []

    def index_all():
        try:
            for name in names:
                start = time.monotonic()
                depeches.build(name, os.path.join(corpus_root, name))
                timings[f"index {depeches.name} {name} (beside the rest)"] = time.monotonic() - start
        except Exception as error:         # re-raised by wait(), on the main thread
            failure.append(error)
    thread = threading.Thread(target=index_all)
    thread.start()

    def wait():
        thread.join()
        if failure:
            raise failure[0]
    return wait


def build_peers(peers, corpora, timings):
    for system in peers:
        for c in corpora.values():
            start = time.monotonic()
            system.build(c)
            timings[f"index {system.name} {c.name}"] = time.monotonic() - start


def write_ranks(path, records, ranks, names):
    """One line per query: id, split, kind, query, filter, target, each system's rank (- = not
    in the top 10): what a tuner reads to see which queries a change won or lost."""
    with open(path, "w", encoding="utf-8") as f:
        f.write("\t".join(["id", "split", "kind", "query", "window", "target"] + names) + "\n")
        for i, r in enumerate(records):
            window = f"{r['since']}..{r['until']}" if r.get("since") else ""
            cells = [str(ranks[n][i] or "-") for n in names]
            f.write("\t".join([r["id"], r["split"], r["kind"], r["query"], window, r["target"]] + cells) + "\n")


def timed(timings, label, fn, *args):
    start = time.monotonic()
    result = fn(*args)
    timings[label] = time.monotonic() - start
    log(f"{label}: {timings[label]:.1f} s")
    return result


def run(args):
    started, load_start = time.monotonic(), os.getloadavg()
    timings = {}
    os.makedirs(args.out, exist_ok=True)
    corpus_names = [n for n in CORPORA if os.path.isdir(os.path.join(args.corpora, n))]
    workdir = systems = wait_depeches = None
    if not (args.list_variants or args.generate_only):
        workdir = tempfile.mkdtemp(prefix="run.", dir=args.out)
        systems = make_systems(workdir, args)
        wait_depeches = start_depeches(systems[0], args.corpora, corpus_names, timings)
    corpora = timed(timings, "read corpora", load_corpora, args.corpora, args.root,
                    CORPORA, args.limit_docs)
    if args.list_variants:
        from .gen_names import list_variants
        print("\n".join(list_variants(corpora["siefke_fr"])))
        return 0
    records = timed(timings, "generate queries", generate.generate, corpora, data_dir(args.root), args.seed)
    with open(os.path.join(args.out, "queries.jsonl"), "w", encoding="utf-8") as f:
        f.write(generate.dump(records))
    log(f"{len(records)} queries in {os.path.join(args.out, 'queries.jsonl')}")
    if args.generate_only:
        return 0
    timed(timings, "index the peers", build_peers, systems[1:], corpora, timings)
    timed(timings, "wait for Dépêches' index", wait_depeches)
    ranks, seconds, answers, _ = timed(timings, "known-item queries", evaluate.known_items, systems, records)
    for name, s in seconds.items():
        timings[f"search {name} ({len(records)} queries)"] = s
    write_ranks(os.path.join(args.out, "ranks.tsv"), records, ranks, [s.name for s in systems])
    topics = judged.load_topics(data_dir(args.root))
    judgments = judged.load_judgments(data_dir(args.root))
    runs = timed(timings, "judged queries", evaluate.judged_runs, systems, topics)
    ndcg, n_topics = evaluate.judged_scores(runs, topics, judgments)
    if args.pool:
        sheet = judged.pool_sheet(corpora[evaluate.JUDGED_CORPUS], topics, runs, judgments)
        with open(os.path.join(args.out, "pool.md"), "w", encoding="utf-8") as f:
            f.write(sheet)
        log(f"judging sheet in {os.path.join(args.out, 'pool.md')}")
    table = names.names_table(corpora[evaluate.JUDGED_CORPUS])
    timed(timings, "names table", evaluate.names_counts, systems, table)
    timings["whole run (this script's Python part)"] = time.monotonic() - started
    cpu = os.times()
    timings["CPU time of that run: Python"] = cpu.user + cpu.system
    timings["CPU time of that run: child processes (Dépêches)"] = cpu.children_user + cpu.children_system
    ctx = {"systems": [s.name for s in systems], "records": records, "ranks": ranks,
           "snippets": evaluate.snippet_checks(corpora, records, answers), "ndcg": ndcg,
           "n_topics": n_topics, "unjudged": evaluate.unjudged_share(runs, topics, judgments),
           "names": table, "timings": timings, "load": (load_start, os.getloadavg()),
           "args": args, "n_docs": {n: len(c.docs) for n, c in corpora.items()}}
    path = args.docs or os.path.join(args.root, "docs", "relevance.md")
    report.write(path, ctx)
    log(f"report in {path} ({time.monotonic() - started:.0f} s)")
    return 0


def main(argv=None):
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if args.self_check:
        return selfcheck.run(args)
    if not args.bin and not (args.generate_only or args.list_variants):
        print("relevance: --bin is required to score", file=sys.stderr)
        return 64
    before = set(os.listdir(args.out)) if os.path.isdir(args.out) else set()
    try:
        return run(args)
    finally:                                # the indexes are rebuilt each run: remove them
        if os.path.isdir(args.out):
            for name in sorted(set(os.listdir(args.out)) - before):
                if name.startswith("run."):
                    shutil.rmtree(os.path.join(args.out, name), ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
