/// How squarely one passage of a dispatch is about the query: the share of the query's parts
/// (words, phrases) that meet within one window of positions, the best window of the
/// dispatch. It ranks a long dispatch with one passage about the query above long ones that
/// scatter the words (MaxP, "best passage" scoring; Callan 1994).
enum PassageScore {
  /// Width of the window, in word positions: a few sentences, inside a paragraph (60 let
  /// words of neighbouring paragraphs meet; tuned on the relevance harness' development set,
  /// docs/relevance.md).
  static let window = 30
  /// How much a dispatch whose parts all meet in one window gains over one whose parts never
  /// meet (score × (1 + this × coverage)).
  static let weight = 2.0
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

  /// A dispatch's score with its best passage's coverage.
  static func combined(score: Double, coverage: Double) -> Double {
    score * (1 + weight * coverage)
  }
}
