import Foundation
import Testing

@testable import DepechesKit

/// Remote shards choose passages from positions found again in the stored text
/// (`TextPositions`), so those must be the indexed positions exactly: every word of the title
/// and passages, the title field's terms, and nothing for words a dispatch does not hold.
@Suite struct TextPositionsTests {
  @Test("positions from the stored text are the position lists, term for term, in every dispatch")
  func storedTextGivesTheIndexedPositions() throws {
    let folder = TemporaryFolder()
    MatchCountTests.write(MatchCountTests.files(stories: 40, seed: 7), in: folder)
    for (n, url) in SharedCorpus.textFiles("siefke_fr", atMost: 40).enumerated() {
      _ = folder.write("in/corpus/\(n).txt", (try? String(contentsOf: url, encoding: .utf8)) ?? "")
    }
    let (index, _) = try buildIndex([folder.path + "/in"], in: folder)
    let db = try XapianDatabase()
    try db.addLocal(path: index)
    let count = try db.documentCount()
    let all = try XapianMSet(
      database: db, query: try XapianQuery.matchAll(), offset: 0, limit: count, checkAtLeast: count, facetSlot: nil)
    #expect(all.count == count && count >= 40)
    let analyzer = FrenchAnalyzer()
    var absent: [String] = []  // words of earlier dispatches, most of them absent from the next
    var compared = 0
    for i in 0..<all.count {
      let stored = try #require(try StoredDispatch(decoding: try all.value(at: i, slot: Schema.storedSlot)))
      var terms = Set<String>()
      analyzer.forEachToken(in: stored.dispatch.title) { terms.formUnion([$0.term, Schema.titlePrefix + $0.term]) }
      for passage in stored.dispatch.passages { analyzer.forEachToken(in: passage) { terms.insert($0.term) } }
      let asked = Array(terms) + absent.suffix(50)
      let fromText = TextPositions.of(asked, in: stored, analyzer: analyzer)
      let lists = try db.positions(docid: try all.docid(at: i), terms: asked)
      for (term, list) in zip(asked, lists) {
        #expect((fromText[term] ?? []) == list.map(Int.init), "document \(i), term \(term)")
      }
      compared += asked.count
      absent += terms.prefix(20)
    }
    #expect(compared > 1_000)
  }
}
