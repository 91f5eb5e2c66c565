/// Finds where a query matched in a document from the positions of its terms, and picks the
/// passage with the most distinct query parts (then the most hits; the earliest on ties).
struct PassageChooser {
  /// Positions that count as hits, and those inside a phrase occurrence (with its start).
  struct Hits {
    var positions: Set<Int> = []
    var phrasePositions: Set<Int> = []
    var phraseStarts: Set<Int> = []
    /// Per query group, the hit positions (a phrase counts at its first word).
    var byGroup: [[Int]] = []
    /// Per query group, the words it spans from a hit position: 1, or a phrase's length.
    var spans: [Int] = []
  }

  /// Turns per-term position lists (aligned with `plan.positionTerms`) into hits.
  static func hits(plan: MatchPlan, termPositions: [String: [Int]]) -> Hits {
    var hits = Hits()
    for group in plan.groups {
      if group.isPhrase {
        let occurrences = phraseStarts(group.slots, termPositions)
        for start in occurrences {
          hits.phraseStarts.insert(start)
          for k in 0..<group.slots.count { hits.phrasePositions.insert(start + k) }
        }
        hits.byGroup.append(occurrences)
        hits.spans.append(group.slots.count)
      } else {
        let positions = group.terms.flatMap { termPositions[$0] ?? [] }
        hits.byGroup.append(positions)
        hits.spans.append(1)
      }
    }
    for group in hits.byGroup { hits.positions.formUnion(group) }
    hits.positions.formUnion(hits.phrasePositions)
    return hits
  }

  /// Where a phrase starts: a position of a term of the first slot followed, one position after
  /// the other, by a term of each next slot.
  private static func phraseStarts(_ slots: [[String]], _ positions: [String: [Int]]) -> [Int] {
    let first = slots[0].flatMap { positions[$0] ?? [] }.sorted()
    let rest = slots.dropFirst().map { Set($0.flatMap { positions[$0] ?? [] }) }
    return first.filter { start in rest.enumerated().allSatisfy { $1.contains(start + $0 + 1) } }
  }

  /// The index of the best passage, or nil when no hit falls in a passage.
  static func best(hits: Hits, passageStarts: [Int]) -> Int? {
    ranked(hits: hits, passageStarts: passageStarts, limit: 1).first
  }

  /// Up to `limit` passages holding hits, best first (most distinct query parts, then most
  /// hits, then the earliest).
  static func ranked(hits: Hits, passageStarts: [Int], limit: Int) -> [Int] {
    guard !passageStarts.isEmpty else { return [] }
    var groupsIn: [Int: Set<Int>] = [:]
    var countIn: [Int: Int] = [:]
    for (group, positions) in hits.byGroup.enumerated() {
      for position in positions {
        guard let passage = passage(of: position, starts: passageStarts) else { continue }
        groupsIn[passage, default: []].insert(group)
        countIn[passage, default: 0] += 1
      }
    }
    let order = groupsIn.keys.sorted { a, b in
      let ka = (groupsIn[a]!.count, countIn[a]!, -a)
      let kb = (groupsIn[b]!.count, countIn[b]!, -b)
      return ka > kb
    }
    return Array(order.prefix(limit))
  }

  /// The passage holding a term position (nil for the title, before the first passage).
  static func passage(of position: Int, starts: [Int]) -> Int? {
    var low = 0
    var high = starts.count - 1
    guard high >= 0, position >= starts[0] else { return nil }
    while low < high {
      let mid = (low + high + 1) / 2
      if starts[mid] <= position { low = mid } else { high = mid - 1 }
    }
    return low
  }
}
