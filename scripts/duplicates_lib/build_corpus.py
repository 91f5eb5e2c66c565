"""Builds the near-duplicate evaluation corpus: every siefke_fr post as an original story
(originals/), and for a seeded sample of them one injected version of each kind (versions/):
re-headlined, truncated to 50-80 %, one paragraph added on top, a few words changed,
paragraphs reordered. Writes OUT.truth.tsv: absolute path, story, kind."""
import os, random, re, sys

KINDS = ("reheadlined", "truncated", "paragraph_added", "words_changed", "reordered")
MIN_WORDS = 200          # an original long enough for every kind to make sense
MIN_PARAGRAPHS = 3       # so that reordering changes something


def read_post(path):
    lines = open(path, encoding="utf-8").read().split("\n")
    title, date = lines[0], lines[1]
    body = "\n".join(lines[3:])
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", body) if p.strip()]
    return title, date, paragraphs


def write_post(path, title, date, paragraphs):
    with open(path, "w", encoding="utf-8") as f:
        f.write(title + "\n" + date + "\n\n" + "\n\n".join(paragraphs) + "\n")


def truncated(paragraphs, rng):
    words = sum(len(p.split()) for p in paragraphs)
    budget = int(words * rng.uniform(0.5, 0.8))
    out = []
    for p in paragraphs:
        w = p.split()
        if budget <= 0:
            break
        out.append(" ".join(w[:budget]))
        budget -= len(w)
    return out


def words_changed(paragraphs, rng, vocabulary):
    flat = [(i, j) for i, p in enumerate(paragraphs) for j, _ in enumerate(p.split())]
    picks = rng.sample(flat, min(len(flat), rng.randint(3, 8)))
    split = [p.split() for p in paragraphs]
    for i, j in picks:
        split[i][j] = rng.choice(vocabulary)
    return [" ".join(w) for w in split]


def main(src, out, seed, count):
    rng = random.Random(seed)
    posts = sorted(os.path.join(src, "000", n) for n in os.listdir(os.path.join(src, "000")))
    os.makedirs(os.path.join(out, "originals"))
    os.makedirs(os.path.join(out, "versions"))
    data = {p: read_post(p) for p in posts}
    vocabulary = sorted({w for _, _, ps in data.values() for p in ps for w in p.split() if w.isalpha() and len(w) > 3})
    long_paragraphs = [p for _, _, ps in data.values() for p in ps if 40 <= len(p.split()) <= 120]
    truth = []
    for path, (title, date, paragraphs) in data.items():
        name = os.path.basename(path)[:-4]
        target = os.path.abspath(os.path.join(out, "originals", name + ".txt"))
        write_post(target, title, date, paragraphs)
        truth.append((target, name, "original"))
    eligible = [p for p, (_, _, ps) in data.items() if len(ps) >= MIN_PARAGRAPHS and sum(len(x.split()) for x in ps) >= MIN_WORDS]
    for path in rng.sample(eligible, min(count, len(eligible))):
        title, date, paragraphs = data[path]
        name = os.path.basename(path)[:-4]
        for kind in KINDS:
            t, ps = title, list(paragraphs)
            if kind == "reheadlined":
                t = data[rng.choice(posts)][0] + " : " + rng.choice(vocabulary)
            elif kind == "truncated":
                ps = truncated(ps, rng)
            elif kind == "paragraph_added":
                ps = [rng.choice(long_paragraphs)] + ps
            elif kind == "words_changed":
                ps = words_changed(ps, rng, vocabulary)
            elif kind == "reordered":
                while ps == paragraphs:
                    rng.shuffle(ps)
            target = os.path.abspath(os.path.join(out, "versions", f"{name}-{kind}.txt"))
            write_post(target, t, date, ps)
            truth.append((target, name, kind))
    with open(out + ".truth.tsv", "w", encoding="utf-8") as f:
        for row in truth:
            f.write("\t".join(row) + "\n")
    print(f"corpus: {len(posts)} posts as originals, {len(truth) - len(posts)} injected versions "
          f"({count} stories x {len(KINDS)} kinds), seed {seed}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
