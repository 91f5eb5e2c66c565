/// The order of a search's candidates: Xapian's, with the first `PassageScore.depth` (and
/// those tied with the last of them) reranked by their best passage (`PassageScore`).
///
/// A candidate's passage can raise its weight by a factor from 1 to `maxFactor`, so one whose
/// weight times that factor stays below the page's last score so far cannot reach the page,
/// nor can any after it (weights only fall): their passages are not read. A query of one part
/// gets the same factor whatever its passages, so Xapian's order stands and no passage is read
/// for the order. Over remote shards each passage read is a round trip.
enum Reranking {
  /// A candidate: its index in the MSet, its score, and its hits when they were read.
  struct Candidate {
    var index: Int
    var score: Double
    var hits: PassageChooser.Hits?
  }

  /// The highest factor a passage gives a weight: every part in one window, all adjacent.
  static let maxFactor = PassageScore.combined(score: 1, coverage: 1, adjacency: 1)

  /// The candidates of `mset` in order, the first `depth` reranked so that the first `wanted`
  /// are exact; `hits(index)` reads a candidate's passages.
  static func order(
    _ mset: XapianMSet, depth: Int, wanted: Int, parts: Int, hits: (Int) throws -> PassageChooser.Hits
  ) throws -> [Candidate] {
    var head: [Candidate] = [], beyond: [Candidate] = [], tail: [Candidate] = []
    var best: [Double] = []  // the highest `wanted` scores read so far, highest first
    for index in 0..<mset.count {
      let weight = try mset.weight(at: index)
      if index >= depth {
        tail.append(Candidate(index: index, score: weight, hits: nil))
      } else if parts < 2 {
        head.append(Candidate(index: index, score: PassageScore.combined(score: weight, coverage: 1), hits: nil))
      } else if best.count >= wanted && weight * maxFactor < best[wanted - 1] {
        beyond.append(Candidate(index: index, score: weight, hits: nil))
      } else {
        let found = try hits(index)
        let score = PassageScore.combined(score: weight, hits: found)
        head.append(Candidate(index: index, score: score, hits: found))
        best.insert(score, at: best.firstIndex { $0 < score } ?? best.count)
        if best.count > wanted { best.removeLast() }
      }
    }
    head.sort { a, b in a.score != b.score ? a.score > b.score : a.index < b.index }
    return head + beyond + tail
  }

  /// `PassageScore.depth`, or more so that candidates tied with the last one are reranked too
  /// (which of tied documents Xapian lists first differs between one index and shards).
  static func depth(_ mset: XapianMSet) throws -> Int {
    var depth = min(PassageScore.depth, mset.count)
    guard depth > 0 else { return 0 }
    let last = try mset.weight(at: depth - 1)
    let limit = min(mset.count, PassageScore.depth + PassageScore.tieSlack)  // the same head whatever the page
    while depth < limit, try mset.weight(at: depth) == last { depth += 1 }
    return depth
  }
}
