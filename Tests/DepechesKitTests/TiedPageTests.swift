import Foundation
import Testing
@testable import DepechesKit

/// The search asks for the reranked head and a tie slack past it (`PassageScore.depth`,
/// `tieSlack`), but needs the slack only when it ties with the head's last result; with
/// `tiesFrom` the shim ranks one result past the head first and the whole page only on a tie
/// (`ranked_page`, Search.cpp). Whichever it returns, the results it returns are the first of
/// the whole page, with the same weights.
@Suite struct TiedPageTests {
  static let limit = 80

  /// The page with `tiesFrom: head` against the whole page; returns whether the whole page came.
  static func compare(
    _ name: String, _ query: XapianQuery, head: Int, db: XapianDatabase, matches: Int
  ) throws -> Bool {
    let whole = try XapianMSet(
      database: db, query: query, offset: 0, limit: limit, checkAtLeast: matches, facetSlot: Schema.monthSlot)
    let short = try XapianMSet(
      database: db, query: query, offset: 0, limit: limit, checkAtLeast: matches, facetSlot: Schema.monthSlot,
      tiesFrom: head)
    #expect(whole.count > head + 1, "\(name): more matches than the head and one")
    let tied = try whole.weight(at: head) == whole.weight(at: head - 1)
    #expect(short.count == (tied ? whole.count : head + 1), "\(name): the slack only on a tie")
    #expect(short.uncollapsedMatches == whole.uncollapsedMatches, "\(name): the same total")
    #expect(try short.facetCounts().map { "\($0.value) \($0.count)" } == whole.facetCounts().map { "\($0.value) \($0.count)" }, "\(name): the same months")
    for i in 0..<min(short.count, whole.count) {
      #expect(try short.docid(at: i) == whole.docid(at: i), "\(name): rank \(i)")
      #expect(try short.weight(at: i) == whole.weight(at: i), "\(name): weight at \(i)")
    }
    return short.count == whole.count
  }

  @Test func theSlackIsRankedOnlyWhenItTiesWithTheHead() throws {
    let folder = TemporaryFolder()
    let all = MatchCountTests.files(stories: 180, seed: 18)
    let db = try MatchCountTests.opened(try MatchCountTests.indexed(all, in: folder))
    // Every match weighs 0 in a match-all: the head's last ties with the next.
    #expect(try Self.compare("everything", try XapianQuery.matchAll(), head: 30, db: db, matches: all.count))
    // Weighed words: BM25 over stories of different lengths (a story and its version weigh
    // the same, so some heads tie and others do not; both ways are checked).
    let words = try XapianQuery.combine(.or, ["pourparlers", "paix", "moissons"].map { try XapianQuery.term($0) })
    var whole = 0
    for head in 20...40 {
      whole += try Self.compare("pourparlers OR paix OR moissons, head \(head)", words, head: head, db: db, matches: all.count) ? 1 : 0
    }
    #expect(whole < 21, "some heads are not tied: their page stops one past the head")
  }
}
