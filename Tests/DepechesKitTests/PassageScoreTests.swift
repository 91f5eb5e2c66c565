import Testing
@testable import DepechesKit

/// The passage rerank's features on hand-made hits, and the number rule of `Inflection`.
@Suite struct PassageScoreTests {
  /// Hits of free words (span 1) or phrases (span = their length) at these positions.
  private func hits(_ groups: [[Int]], spans: [Int]? = nil) -> PassageChooser.Hits {
    var hits = PassageChooser.Hits()
    hits.byGroup = groups
    hits.spans = spans ?? groups.map { _ in 1 }
    return hits
  }

  @Test(arguments: [
    ([[10], [12]], 1.0),  // cessez (le) feu: the stop word a query drops between them
    ([[10], [11]], 1.0),
    ([[10], [14]], 0.0),  // further than `pairGap`
    ([[12], [10]], 0.0),  // the other order
    ([[10], [12], [40]], 0.5),  // one pair of two
    ([[10, 50], [3, 52], [53]], 1.0),  // each pair somewhere
    ([[10]], 0.0),  // one part: nothing to pair
  ])
  func adjacency(groups: [[Int]], expected: Double) {
    #expect(PassageScore.adjacency(hits(groups)) == expected)
  }

  @Test func aPhraseIsAdjacentFromItsLastWord() {
    // "cessez le feu" at 10…12, then a word at 14: adjacent; at 16: not.
    #expect(PassageScore.adjacency(hits([[10], [14]], spans: [3, 1])) == 1)
    #expect(PassageScore.adjacency(hits([[10], [16]], spans: [3, 1])) == 0)
  }

  @Test func adjacencyRaisesTheCombinedScore() {
    let apart = hits([[10], [20]])
    let together = hits([[10], [11]])
    #expect(PassageScore.combined(score: 1, hits: together) > PassageScore.combined(score: 1, hits: apart))
    #expect(PassageScore.combined(score: 1, hits: apart) == 1 + PassageScore.weight)
  }

  @Test(arguments: [
    ("conflits", "conflit"), ("conflit", "conflits"), ("devenus", "devenu"),
    ("etrangers", "etranger"), ("fois", nil), ("foi", nil), ("prix", nil), ("nez", nil),
  ] as [(String, String?)])
  func numberPartner(word: String, expected: String?) {
    #expect(Inflection.numberPartner(of: word) == expected)
  }
}
