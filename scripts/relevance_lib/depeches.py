"""Dépêches through its CLI: `depeches index`, then one `depeches search --json` per query.

The corpus' .txt files are copied into the work folder first (SOURCE.md would otherwise be
indexed as a dispatch, and the peers never see it). A process per query costs about 10 ms;
two run at a time (the machine has two cores), which keeps the whole set to seconds.
"""
import json
import os
import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

from .corpus import corpus_files

PARALLEL = 2                    # searches at a time: the machine's two cores


class Depeches:
    name = "Dépêches"

    def __init__(self, workdir, binary):
        self.workdir, self.binary = workdir, binary
        self.roots, self.indexes = {}, {}

    def build(self, name, source):
        """Copies the .txt files of corpus `name` (at `source`) and indexes the copy."""
        root = os.path.join(self.workdir, "corpus", name)
        if os.path.exists(root):
            shutil.rmtree(root)
        for rel in corpus_files(source):
            target = os.path.join(root, rel)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copyfile(os.path.join(source, rel), target)
        index = os.path.join(self.workdir, f"depeches-{name}")
        if os.path.exists(index):
            shutil.rmtree(index)
        subprocess.run([self.binary, "index", root, "--index", index, "--quiet"],
                       check=True, stdout=subprocess.DEVNULL)
        self.roots[name], self.indexes[name] = root, index

    def answer(self, corpus_name, query, since=None, until=None, limit=10):
        """The parsed `--json` answer, with each result's `rel` added."""
        args = [self.binary, "search", query, "--index", self.indexes[corpus_name],
                "--json", "--limit", str(limit)]
        if since:
            args += ["--since", since]
        if until:
            args += ["--until", until]
        done = subprocess.run(args, capture_output=True, text=True)
        if done.returncode != 0:
            raise RuntimeError(f"depeches search {query!r} exited {done.returncode}: {done.stderr.strip()}")
        answer = json.loads(done.stdout)
        prefix = os.path.dirname(self.roots[corpus_name]) + os.sep
        for r in answer["results"]:
            path = r["path"]
            r["rel"] = path[len(prefix):] if path.startswith(prefix) else path
        return answer

    def answers(self, requests):
        """answer(*request) for each (corpus, query, since, until) request, in order."""
        with ThreadPoolExecutor(PARALLEL) as pool:
            return list(pool.map(lambda req: self.answer(*req), requests))

    def search(self, corpus_name, query, since=None, until=None, limit=10):
        return [r["rel"] for r in self.answer(corpus_name, query, since, until, limit)["results"]]

    def count(self, corpus_name, query):
        return self.answer(corpus_name, query, limit=1)["total"]
