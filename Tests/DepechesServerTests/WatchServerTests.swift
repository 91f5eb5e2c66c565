import DepechesFormat
import DepechesKit
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import HTTPTypes
import Hummingbird
import Testing

@testable import DepechesServer

/// Saved searches and related dispatches on the server: `/feeds/NAME.atom`, the list on the
/// first page, `/similar` and `/api/similar`, the "Dépêches proches" links.
@Suite struct WatchServerTests {
  /// seeds/ indexed, with two saved searches (one whose query holds markup).
  final class Watched: @unchecked Sendable {
    // Sendable: set in init, only read afterwards.
    let folder = TemporaryFolder()
    let index: String
    static let shared = try! Watched()

    init() throws {
      try FileManager.default.copyItem(atPath: packageRoot + "/seeds", toPath: folder.path + "/seeds")
      index = folder.path + "/Index"
      _ = try Indexer(options: IndexOptions(paths: [folder.path + "/seeds"], indexPath: index)).run()
      let store = try WatchStore(indexPath: index)
      try store.add(SavedSearch(name: "drones", query: "drones", since: DispatchDate(iso: "2000-01-01"), source: nil, completed: 1))
      try store.add(SavedSearch(name: "balise", query: "<b>gaz</b>", since: nil, source: nil, completed: 1))
    }

    var configuration: ServeConfiguration { ServeConfiguration(indexes: [index]) }
  }

  let watched = Watched.shared

  /// Counts the entries of an Atom document and collects their links; false when not well-formed.
  final class EntryCounter: NSObject, XMLParserDelegate {
    var entries = 0
    var links: [String] = []
    private var inEntry = false
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String]) {
      if name == "entry" { entries += 1; inEntry = true }
      if name == "link", inEntry { links.append(attributes["href"] ?? "") }
    }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "entry" { inEntry = false }
    }
  }

  @Test func aFeedIsServedForEachSavedSearch() async throws {
    let reply = try await withServer(watched.configuration) { try await $0.get("/feeds/drones.atom") }
    #expect(reply.status == .ok)
    #expect(reply.headers[.contentType] == "application/atom+xml; charset=utf-8")
    let counter = EntryCounter()
    let parser = XMLParser(data: Data(reply.body.utf8))
    parser.delegate = counter
    #expect(parser.parse())
    let total = try SearchIndex(paths: [watched.index]).search(SearchRequest(query: "drones")).total
    #expect(counter.entries == min(SearchIndex.feedLength, total) && counter.entries > 0)
    #expect(counter.links.allSatisfy { $0.hasPrefix("/d/") || $0.hasPrefix("http") })
    #expect(reply.body.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"/feeds/drones.atom\"/>"))
  }

  @Test(arguments: ["/feeds/inconnue.atom", "/feeds/drones", "/feeds/drones.rss", "/feeds/..%2Fdrones.atom", "/feeds/.atom"])
  func unknownFeedsAre404(path: String) async throws {
    let reply = try await withServer(watched.configuration) { try await $0.get(path) }
    #expect(reply.status == .notFound, "\(path)")
  }

  @Test func theFirstPageListsTheSavedSearchesEscaped() async throws {
    let page = try await withServer(watched.configuration) { try await $0.get("/") }.body
    #expect(page.contains("Recherches enregistrées"))
    #expect(page.contains("href=\"/feeds/drones.atom\""))
    #expect(page.contains("« &lt;b&gt;gaz&lt;/b&gt; »") && !page.contains("<b>gaz"))
    #expect(page.contains("href=\"/?q=drones&amp;since=2000-01-01&amp;sort=date\""))
  }

  @Test func similarIsTheCLIsDocumentAndEachResultLinksToIt() async throws {
    let hit = try #require(try SearchIndex(paths: [watched.index]).search(SearchRequest(query: "Bayraktar")).hits.first)
    let id = hit.dispatch.id
    let cli = try runProgram(builtProgram("depeches"), ["similar", id, "--json", "--limit", "4", "--index", watched.index])
    #expect(cli.status == 0, "\(cli.stderr)")
    let (api, page, results, dispatch) = try await withServer(watched.configuration) { client in
      (try await client.get("/api/similar?id=\(id)&limit=4"), try await client.get("/similar?id=\(id)"),
       try await client.get("/?q=Bayraktar"), try await client.get("/d/\(id)"))
    }
    #expect(api.status == .ok && api.body == cli.stdout)
    #expect(page.status == .ok && page.body.contains("Dépêches proches de"))
    #expect(!page.body.contains("href=\"/d/\(id)#"), "the dispatch itself is not among its related ones")
    #expect(results.body.contains("href=\"/similar?id=\(id)\">Dépêches proches</a>"))
    #expect(dispatch.body.contains("href=\"/similar?id=\(id)\">Dépêches proches</a>"))
  }

  @Test(arguments: [("/api/similar", HTTPResponse.Status.badRequest), ("/api/similar?id=xyz", .badRequest),
                    ("/api/similar?id=0123456789abcdef", .notFound), ("/similar?id=0123456789abcdef", .notFound),
                    ("/api/similar?id=0123456789abcdef&limit=0", .badRequest)])
  func similarFailures(path: String, status: HTTPResponse.Status) async throws {
    let reply = try await withServer(watched.configuration) { try await $0.get(path) }
    #expect(reply.status == status, "\(path)")
  }
}
