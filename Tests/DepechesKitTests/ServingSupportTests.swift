import Foundation
import Testing
@testable import DepechesKit

/// What a long-lived reader (the server) needs of the engine: results by date, one dispatch
/// read whole with the query's words marked, and an open index that sees later commits.
@Suite struct ServingSupportTests {
  private func dated(_ folder: TemporaryFolder) throws -> String {
    folder.write("in/a.txt", "Drones au nord\n\nDes drones survolent Erevan le 3 mars 2021.")
    folder.write("in/b.txt", "Drones au sud\n\nLes drones et les drones encore, le 12 janvier 2019.")
    folder.write("in/c.txt", "Drones sans date\n\nDes drones, des drones, des drones partout.")
    folder.write("in/d.txt", "Drones récents\n\nUn drone abattu le 30 novembre 2022.")
    return try buildIndex([folder.path + "/in"], in: folder).0
  }

  @Test func dateSortPutsTheNewestFirstAndTheUndatedLast() throws {
    let folder = TemporaryFolder()
    let index = try SearchIndex(paths: [try dated(folder)])
    let byDate = try index.search(SearchRequest(query: "drones", sort: .date))
    #expect(byDate.hits.map { $0.dispatch.date?.iso } == ["2022-11-30", "2021-03-03", "2019-01-12", nil])
    let byRelevance = try index.search(SearchRequest(query: "drones"))
    #expect(byRelevance.total == byDate.total)
    #expect(byRelevance.months == byDate.months)
    #expect(Set(byRelevance.hits.map(\.dispatch.id)) == Set(byDate.hits.map(\.dispatch.id)))
    let page2 = try index.search(SearchRequest(query: "drones", limit: 2, offset: 2, sort: .date))
    #expect(page2.hits.map(\.rank) == [3, 4])
    #expect(page2.hits.map(\.dispatch.id) == Array(byDate.hits.map(\.dispatch.id)[2...]))
  }

  @Test func readingGivesTheWholeTextWithTheSnippetsMarksAndPassage() throws {
    let folder = TemporaryFolder()
    let passages = (1...6).map { "Paragraphe \($0) sur la météo et les routes de la région." }
    folder.write("in/long.txt", "Cessez-le-feu à Bakou\n\n" + passages.joined(separator: "\n\n")
      + "\n\nLe cessez-le-feu tient, dit Bakou, malgré les drones.\n\nFin.")
    let path = try buildIndex([folder.path + "/in"], in: folder).0
    let index = try SearchIndex(paths: [path])
    let hit = try #require(try index.search(SearchRequest(query: "\"cessez le feu\" Bakou")).hits.first)
    let reading = try #require(try index.read(id: hit.dispatch.id, query: "\"cessez le feu\" Bakou"))
    #expect(reading.dispatch.passages.count == 8)
    #expect(reading.dispatch.passages.allSatisfy { !$0.isEmpty })
    #expect(reading.bestPassage == hit.passage)
    #expect(reading.bestPassage == 6)
    #expect(marked(reading.dispatch.title, reading.titleHighlights) == ["Cessez-le-feu", "Bakou"])
    #expect(marked(reading.dispatch.passages[6], reading.highlights[6]) == ["cessez-le-feu", "Bakou"])
    #expect(reading.highlights[0].isEmpty)
    let plain = try #require(try index.read(id: hit.dispatch.id))
    #expect(plain.dispatch == reading.dispatch)
    #expect(plain.bestPassage == nil && plain.highlights.allSatisfy(\.isEmpty) && plain.titleHighlights.isEmpty)
    #expect(try index.read(id: "0123456789abcdef") == nil)
    #expect(try index.read(id: "../../etc/passwd") == nil)
  }

  @Test func refreshSeesWhatWasCommittedAfterOpening() throws {
    let folder = TemporaryFolder()
    (1...3).forEach { folder.write("in/\($0).txt", "Alpha \($0)\n\nLes blindés avancent.") }
    let path = try buildIndex([folder.path + "/in"], in: folder).0
    let index = try SearchIndex(paths: [path])
    let folders = IndexFolders(paths: [path])
    #expect(try index.search(SearchRequest(query: "négociations")).total == 0)
    folder.write("in/b.txt", "Bravo\n\nLes négociations reprennent.")
    // One new file in four: this run commits without compacting.
    let summary = try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: path)).run()
    #expect(!summary.compacted)
    #expect(IndexFolders(paths: [path]) == folders)
    try index.refresh()
    #expect(try index.search(SearchRequest(query: "négociations")).total == 1)
    #expect(try index.stats().dispatches == 4)
  }

  @Test func aCompactionShowsAsOtherFolders() throws {
    let folder = TemporaryFolder()
    folder.write("in/a.txt", "Alpha\n\nLes blindés avancent.")
    let path = try buildIndex([folder.path + "/in"], in: folder).0
    let folders = IndexFolders(paths: [path])
    _ = try Compactor.compact(indexPath: path)
    #expect(IndexFolders(paths: [path]) != folders)
    #expect(IndexFolders(paths: [folder.path + "/none"]) != folders)
  }

  private func marked(_ text: String, _ ranges: [Range<Int>]) -> [String] {
    let scalars = Array(text.unicodeScalars)
    return ranges.map { String(String.UnicodeScalarView(scalars[$0])) }
  }
}
