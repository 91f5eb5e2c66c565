"""Reads an index built from build_corpus.py's corpus back with python3-xapian: the stored
signatures (Schema.signatureSlot) and groups (Schema.groupSlot), and reports grouping
precision and recall, unrelated merges, the similarity distributions per kind and of
same-subject distractors, and whether a sharded, incremental build gives the same groups."""
import collections, re, statistics, struct, sys
import xapian

SIGNATURE_SLOT, GROUP_SLOT, HASHES = 8, 9, 64


def fnv1a64(data):
    h = 0xcbf29ce484222325
    for b in data:
        h = ((h ^ b) * 0x100000001b3) & 0xFFFFFFFFFFFFFFFF
    return h


def dispatch_id(path):
    return format(fnv1a64(path.encode("utf-8")), "016x")


def decode(value):
    """VersionRecord.encoded: version, date, id, shingles, minima."""
    if not value or value[0] != 1:
        return None
    at = 1
    n = value[at]; at += 1
    date = value[at:at + n].decode(); at += n
    n = value[at]; at += 1
    ident = value[at:at + n].decode(); at += n
    shingles = struct.unpack_from("<I", value, at)[0]; at += 4
    minima = struct.unpack_from(f"<{HASHES}I", value, at)
    return ident, date, shingles, minima


def similarity(a, b):
    j = sum(x == y for x, y in zip(a[3], b[3])) / HASHES
    small, large = min(a[2], b[2]), max(a[2], b[2])
    shared = j * (small + large) / (1 + j)
    return j, min(1.0, shared / small), small / large


def read_index(path):
    db = xapian.Database(path)
    records, groups = {}, {}
    for post in db.postlist(""):
        doc = db.get_document(post.docid)
        r = decode(doc.get_value(SIGNATURE_SLOT))
        if r:
            records[r[0]] = r
            groups[r[0]] = doc.get_value(GROUP_SLOT).decode() or r[0]
    return records, groups


def pairs_of(partition):
    clusters = collections.defaultdict(list)
    for ident, key in partition.items():
        clusters[key].append(ident)
    return {(a, b) for members in clusters.values() for a in members for b in members if a < b}


def words(path):
    return {w for w in re.findall(r"\w{5,}", open(path, encoding="utf-8").read().lower())}


def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, int(q * (len(values) - 1) + 0.5))] if values else float("nan")


def describe(values):
    return f"min {min(values):.3f} · p5 {pct(values, .05):.3f} · median {statistics.median(values):.3f} · max {max(values):.3f} (n={len(values)})"


def main(corpus, index, shards):
    truth = [l.rstrip("\n").split("\t") for l in open(corpus + ".truth.tsv", encoding="utf-8")]
    story = {dispatch_id(p): s for p, s, _ in truth}
    kind = {dispatch_id(p): k for p, s, k in truth}
    path_of = {dispatch_id(p): p for p, _, _ in truth}
    original = {s: dispatch_id(p) for p, s, k in truth if k == "original"}
    records, groups = read_index(index)
    ids = [i for i in story if i in records]
    print(f"## Grouping ({len(ids)} dispatches with a signature, {len(story) - len(ids)} too short for one)")
    predicted = pairs_of({i: groups[i] for i in ids})
    expected = pairs_of({i: story[i] for i in ids})
    tp = len(predicted & expected)
    print(f"- precision {tp / max(1, len(predicted)):.4f} ({tp} of {len(predicted)} grouped pairs are versions)")
    print(f"- recall {tp / max(1, len(expected)):.4f} ({tp} of {len(expected)} version pairs grouped)")
    clusters = collections.defaultdict(set)
    for i in ids:
        clusters[groups[i]].add(i)
    mixed = [c for c in clusters.values() if len({story[i] for i in c}) > 1]
    print(f"- groups holding more than one story (unrelated merges): {len(mixed)}")
    for c in mixed[:10]:
        print("  - " + ", ".join(sorted(f"{story[i]}/{kind[i]}" for i in c)))
    print("\n## Versions against their original, per kind (estimated from the stored signatures)")
    print("| kind | grouped with original | resemblance | containment of the shorter |")
    print("| --- | --- | --- | --- |")
    by_kind = collections.defaultdict(list)
    for i in ids:
        if kind[i] != "original" and original[story[i]] in records:
            o = original[story[i]]
            by_kind[kind[i]].append((groups[i] == groups[o],) + similarity(records[i], records[o]))
    for k, rows in sorted(by_kind.items()):
        print(f"| {k} | {sum(r[0] for r in rows)}/{len(rows)} | {describe([r[1] for r in rows])} | {describe([r[2] for r in rows])} |")
    print("\n## Distractors: for each original with versions, the other post sharing most of its words")
    vocab = {i: words(path_of[i]) for i in ids if kind[i] == "original"}
    near = []
    for s, o in original.items():
        if o not in records or not any(story[i] == s and kind[i] != "original" for i in ids):
            continue
        best = max((x for x in vocab if x != o), key=lambda x: len(vocab[o] & vocab[x]) / len(vocab[o] | vocab[x]))
        near.append((len(vocab[o] & vocab[best]) / len(vocab[o] | vocab[best]),) + similarity(records[o], records[best]) + (groups[o] == groups[best],))
    print(f"- word-set Jaccard of those pairs: {describe([n[0] for n in near])}")
    print(f"- resemblance: {describe([n[1] for n in near])}")
    print(f"- containment of the shorter: {describe([n[2] for n in near])}")
    print(f"- grouped together: {sum(n[4] for n in near)} of {len(near)}")
    originals = sorted(i for i in ids if kind[i] == "original")
    top = []
    for a in range(len(originals)):
        for b in range(a + 1, len(originals)):
            j, c, ratio = similarity(records[originals[a]], records[originals[b]])
            top.append((max(j, c if ratio >= 0.3 else 0), j, c, ratio, originals[a], originals[b]))
    top.sort(reverse=True)
    print("- all pairs of different posts: highest closeness (resemblance, containment, length ratio): "
          + "; ".join(f"{story[x]}~{story[y]} {j:.2f}/{c:.2f}/{r:.2f}" for _, j, c, r, x, y in top[:5]))
    if shards:
        r2, g2 = read_index(shards)
        same = pairs_of({i: g2[i] for i in ids if i in g2}) == predicted
        print(f"\n## Sharded (3 shards) and incremental build (versions first, originals in a second run): "
              f"{'the same groups' if same else 'OTHER GROUPS'} as the first run in parallel parts")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
