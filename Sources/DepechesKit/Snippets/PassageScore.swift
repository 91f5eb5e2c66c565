/// How squarely one passage of a dispatch is about the query: the share of the query's parts
/// (words, phrases) that meet within one window of positions, the best window of the
/// dispatch, and the share of the query's consecutive parts that stand next to each other
/// there. It ranks a long dispatch with one passage about the query above long ones that
/// scatter the words (MaxP, "best passage" scoring; Callan 1994), and words written as the
/// query writes them above the same words apart (the ordered windows of Metzler and Croft's
/// sequential dependence model, 2005).
enum PassageScore {
  /// Width of the window, in word positions: a few sentences, inside a paragraph (60 let
  /// words of neighbouring paragraphs meet; tuned on the relevance harness' development set,
  /// docs/relevance.md).
  static let window = 30
  /// How much a dispatch whose parts all meet in one window gains over one whose parts never
  /// meet (score × (1 + this × coverage)).
  static let weight = 2.0
  /// Positions from one query part's last word to the next part's first word at which the two
  /// count as adjacent: next to each other, or with the one or two stop words a typed query
  /// drops between them ("cessez le feu", "ministre des Affaires"); 2 to 5 score alike.
  static let pairGap = 3
  /// How much a dispatch whose consecutive query parts all stand adjacent gains over one
  /// where none do (score × (1 + … + this × adjacency)); on the harness (docs/relevance.md)
  /// 0.5 and 1 score alike on known items, 1 loses on the judged topics, 2 on long documents.
  static let adjacencyWeight = 0.5
  /// Candidates reranked (the first ones of Xapian's order); later pages keep that order.
  static let depth = 30
  /// Candidates fetched beyond `depth`, so that those tied with the last one are reranked too.
  static let tieSlack = 50

  /// From 0 (no two parts meet in a window) to 1 (all do); 1 for a query of one part.
  static func coverage(_ hits: PassageChooser.Hits) -> Double {
    let groups = hits.byGroup.count
    guard groups > 1 else { return 1 }
    var events: [(position: Int, group: Int)] = []
    for (group, positions) in hits.byGroup.enumerated() {
      for position in positions { events.append((position, group)) }
    }
    events.sort { $0.position < $1.position }
    var inWindow = [Int](repeating: 0, count: groups)
    var distinct = 0
    var best = 0
    var low = 0
    for event in events {
      if inWindow[event.group] == 0 { distinct += 1 }
      inWindow[event.group] += 1
      while event.position - events[low].position >= window {
        inWindow[events[low].group] -= 1
        if inWindow[events[low].group] == 0 { distinct -= 1 }
        low += 1
      }
      best = max(best, distinct)
    }
    return Double(max(best - 1, 0)) / Double(groups - 1)
  }

  /// The share of the query's consecutive parts (in the query's order) found somewhere in that
  /// order within `pairGap` positions; 0 for a query of one part. Passages are apart by more
  /// than `pairGap` positions (`Schema.passageGap`), so a pair never spans two.
  static func adjacency(_ hits: PassageChooser.Hits) -> Double {
    let groups = hits.byGroup.count
    guard groups > 1 else { return 0 }
    let sorted = hits.byGroup.map { $0.sorted() }
    var adjacent = 0
    for next in 1..<groups {
      let span = next - 1 < hits.spans.count ? hits.spans[next - 1] : 1
      let ends = sorted[next - 1].map { $0 + span - 1 }
      if follows(sorted[next], ends) { adjacent += 1 }
    }
    return Double(adjacent) / Double(groups - 1)
  }

  /// True when some position of `starts` comes 1 to `pairGap` positions after one of `ends`
  /// (both sorted).
  private static func follows(_ starts: [Int], _ ends: [Int]) -> Bool {
    var e = 0
    for start in starts {
      while e < ends.count && ends[e] < start - pairGap { e += 1 }
      if e < ends.count && ends[e] < start { return true }
    }
    return false
  }

  /// A dispatch's score with its best passage's coverage and adjacency.
  static func combined(score: Double, coverage: Double, adjacency: Double = 0) -> Double {
    score * (1 + weight * coverage + adjacencyWeight * adjacency)
  }

  /// A dispatch's score with what its hits say of its best passage.
  static func combined(score: Double, hits: PassageChooser.Hits) -> Double {
    combined(score: score, coverage: coverage(hits), adjacency: adjacency(hits))
  }
}
