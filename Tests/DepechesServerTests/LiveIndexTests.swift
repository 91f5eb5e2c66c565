import DepechesFormat
import DepechesKit
import Foundation
import HummingbirdTesting
import Testing

@testable import DepechesServer

/// A server keeps its indexes open between requests: it must still answer from the latest
/// commit of a `depeches index` run, after a compaction, and once a missing index appears.
@Suite struct LiveIndexTests {
  private func total(_ client: any TestClientProtocol, _ query: String) async throws -> Int {
    let body = try await client.get(URLQuery(path: "/api/search", items: [("q", query)]).string).body
    return try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])["total"] as? Int ?? -1
  }

  private func index(_ folder: TemporaryFolder, compact: Bool = true) throws -> IndexSummary {
    try Indexer(options: IndexOptions(paths: [folder.path + "/in"], indexPath: folder.path + "/Index", compact: compact)).run()
  }

  @Test func answersFollowNewCommitsCompactionsAndANewIndex() async throws {
    let folder = TemporaryFolder()
    let configuration = ServeConfiguration(indexes: [folder.path + "/Index"])
    try await withServer(configuration) { client in
      #expect(try await client.get("/api/search?q=blindés").status == .serviceUnavailable)
      (1...4).forEach { folder.write("in/\($0).txt", "Alpha \($0)\n\nLes blindés avancent.") }
      let first = try self.index(folder)
      #expect(first.added == 4)
      #expect(try await total(client, "blindés") == 4)  // the index appeared
      #expect(try await total(client, "blindés") == 4)  // the same search again: the kept answer
      folder.write("in/5.txt", "Bravo\n\nLes négociations reprennent, les blindés reculent.")
      let second = try self.index(folder, compact: false)
      #expect(!second.compacted)
      #expect(try await total(client, "négociations") == 1)  // a new commit, same folder
      #expect(try await total(client, "blindés") == 5)  // no answer kept from before the commit
      (6...20).forEach { folder.write("in/\($0).txt", "Charlie \($0)\n\nUn cessez-le-feu est signé.") }
      let third = try self.index(folder)
      #expect(third.compacted)
      #expect(try await total(client, "cessez-le-feu") == 15)  // a compaction swapped the folder
      #expect(try await total(client, "négociations") == 1)
      #expect(try await total(client, "blindés") == 5)
    }
  }
}
