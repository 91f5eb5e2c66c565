import Foundation
import Testing
@testable import DepechesKit

/// A query with a phrase is counted first (the phrase's positions checked once) and its page is
/// then ranked among those matches, over the query with each phrase an AND of its words
/// (RankFilter.cpp). Xapian's own ranking of the phrase query, without the counting pass, is
/// the reference: the same dispatches in the same order with the same weights, in one
/// database and in 3 shards.
@Suite struct PhraseRankingTests {
  static func phrase(_ words: [String]) throws -> XapianQuery {
    try XapianQuery.combine(
      .phrase, words.enumerated().map { try XapianQuery.term($0.element, position: $0.offset + 1) },
      parameter: words.count)
  }

  /// Phrase queries and date ranges of several shapes: alone, in an OR, in an AND, under an
  /// AND_NOT (a negated phrase whose words meet elsewhere in a match, too).
  static func queries() throws -> [(String, XapianQuery)] {
    let talks = try phrase(["pourparlers", "de", "paix"])
    let secret = try phrase(["pourparlers", "secrets"])
    let reversed = try phrase(["paix", "pourparlers"])
    let harvest = try XapianQuery.term("moissons")
    let summit = try XapianQuery.term(Schema.titlePrefix + "sommet")
    let dates = try XapianQuery.valueRange(slot: Schema.dateSlot, lower: "20190601", upper: "20210331")
    let since = try XapianQuery.valueRange(slot: Schema.dateSlot, lower: "20200101", upper: nil)
    return [
      ("\"pourparlers de paix\"", talks),
      ("\"pourparlers secrets\" OR moissons", try XapianQuery.combine(.or, [secret, harvest])),
      ("\"pourparlers de paix\" AND title:sommet", try XapianQuery.combine(.and, [talks, summit])),
      ("moissons AND_NOT \"pourparlers secrets\"", try XapianQuery.combine(.andNot, [harvest, secret])),
      ("moissons AND_NOT \"paix pourparlers\"", try XapianQuery.combine(.andNot, [harvest, reversed])),
      ("\"pourparlers de paix\" OR \"pourparlers secrets\"", try XapianQuery.combine(.or, [talks, secret])),
      ("moissons, mid-2019 to March 2021", try XapianQuery.combine(.filter, [harvest, dates])),
      ("\"pourparlers de paix\" since 2020", try XapianQuery.combine(.filter, [talks, since])),
      ("(\"pourparlers secrets\" OR moissons) AND title:sommet, dates",
       try XapianQuery.combine(.filter, [try XapianQuery.combine(.and, [try XapianQuery.combine(.or, [secret, harvest]), summit]), dates])),
      ("moissons AND_NOT dates", try XapianQuery.combine(.andNot, [harvest, dates])),
      ("dates OR moissons", try XapianQuery.combine(.or, [dates, harvest])),
    ]
  }

  @Test(arguments: [nil, 3])
  func rankedAmongTheCountedMatchesAsXapianRanksThePhrase(shards: Int?) throws {
    let folder = TemporaryFolder()
    let all = MatchCountTests.files(stories: 180, seed: 18)
    let db = try MatchCountTests.opened(try MatchCountTests.indexed(all, in: folder, shards: shards))
    for (name, query) in try Self.queries() {
      let reference = try XapianMSet(
        database: db, query: query, offset: 0, limit: all.count, checkAtLeast: all.count, facetSlot: nil)
      let counted = try XapianMSet(
        database: db, query: query, offset: 0, limit: all.count, checkAtLeast: all.count,
        facetSlot: Schema.monthSlot)
      #expect(reference.count > 1, "\(name): the phrase matches several dispatches")
      #expect(counted.count == reference.count, "\(name): the same matches")
      #expect(counted.uncollapsedMatches == reference.count, "\(name): counted as ranked")
      for i in 0..<min(counted.count, reference.count) {
        #expect(try counted.docid(at: i) == reference.docid(at: i), "\(name): rank \(i)")
        #expect(abs(try counted.weight(at: i) - reference.weight(at: i)) < 1e-9, "\(name): weight at \(i)")
      }
    }
  }
}
