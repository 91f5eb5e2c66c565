import Foundation
import Testing
@testable import DepechesKit

/// The counting pass counts a phrase by a weightless pass of Xapian's matcher shard by shard,
/// whose matches go into the docid bitmap that the rest of the query narrows and the ranked
/// page is filtered by (Counting.cpp, RankFilter.cpp). Xapian's own matches of the same query
/// (a search without month counts, which the shim leaves to the matcher whole) are the
/// reference: the same total and the same dispatches, for seeded phrases cut from the indexed
/// stories (stop words among them), reversed, with a part that may be one of two terms, with a
/// word repeated, and inside an AND, a date range and an AND_NOT; in one database and in 3 shards.
@Suite struct PhraseCountingTests {
  /// A phrase of parts, each one term or an OR of terms.
  static func phrase(_ parts: [[String]]) throws -> XapianQuery {
    let subqueries = try parts.enumerated().map { offset, terms in
      try XapianQuery.combine(.or, terms.map { try XapianQuery.term($0, position: offset + 1) })
    }
    return try XapianQuery.combine(.phrase, subqueries, parameter: parts.count)
  }

  /// The exact terms of the stories' words, in order, sentence by sentence.
  static func sentences(stories: Int) -> [[String]] {
    let analyzer = FrenchAnalyzer()
    return (0..<stories).flatMap { story in
      var maker = StoryMaker(seed: UInt64(story + 1))
      return maker.story(paragraphs: 4).map { analyzer.tokens(in: $0).map(\.term) }
    }
  }

  /// Seeded phrase queries of every kind the counting pass must decide as Xapian does.
  static func queries(from sentences: [[String]], count: Int) throws -> [(String, XapianQuery)] {
    var rng = SeededGenerator(seed: 41)
    let vocabulary = Array(Set(sentences.joined())).sorted()
    let harvest = try XapianQuery.term("moissons")
    let dates = try XapianQuery.valueRange(slot: Schema.dateSlot, lower: "20190601", upper: "20211231")
    var out: [(String, XapianQuery)] = []
    for n in 0..<count {
      let sentence = sentences[Int.random(in: 0..<sentences.count, using: &rng)]
      let length = Int.random(in: 2...4, using: &rng)
      guard sentence.count >= length else { continue }
      let start = Int.random(in: 0...(sentence.count - length), using: &rng)
      var parts = sentence[start..<start + length].map { [$0] }
      switch n % 6 {
      case 1: parts.reverse()
      case 2: parts[Int.random(in: 0..<length, using: &rng)].append(vocabulary.randomElement(using: &rng)!)
      case 3: parts.insert(parts[0], at: 0)   // the first word twice
      default: break
      }
      let name = "\"" + parts.map { $0.joined(separator: "|") }.joined(separator: " ") + "\""
      let query = try phrase(parts)
      switch n % 4 {
      case 1: out.append((name + " AND moissons", try XapianQuery.combine(.and, [query, harvest])))
      case 2: out.append((name + ", dates", try XapianQuery.combine(.filter, [query, dates])))
      case 3: out.append(("moissons AND_NOT " + name, try XapianQuery.combine(.andNot, [harvest, query])))
      default: out.append((name, query))
      }
    }
    return out
  }

  /// The docids of a page of every match, sorted.
  static func docids(_ mset: XapianMSet) throws -> [UInt32] {
    try (0..<mset.count).map { try mset.docid(at: $0) }.sorted()
  }

  @Test(arguments: [nil, 3])
  func countedAsXapianMatchesThem(shards: Int?) throws {
    let folder = TemporaryFolder()
    let all = MatchCountTests.files(stories: 120, seed: 7)
    let db = try MatchCountTests.opened(try MatchCountTests.indexed(all, in: folder, shards: shards))
    var matched = 0, empty = 0
    for (name, query) in try Self.queries(from: Self.sentences(stories: 120), count: 120) {
      let reference = try XapianMSet(
        database: db, query: query, offset: 0, limit: all.count, checkAtLeast: all.count, facetSlot: nil)
      let counted = try XapianMSet(
        database: db, query: query, offset: 0, limit: all.count, checkAtLeast: all.count,
        facetSlot: Schema.monthSlot)
      #expect(counted.uncollapsedMatches == reference.count, "\(name): the same total")
      #expect(try Self.docids(counted) == Self.docids(reference), "\(name): the same dispatches")
      if reference.count > 0 { matched += 1 } else { empty += 1 }
    }
    #expect(matched >= 40, "most phrases match some dispatches")
    #expect(empty >= 5, "some phrases match none (reversed, repeated, narrowed)")
  }
}
