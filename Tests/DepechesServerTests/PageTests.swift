import DepechesFormat
import DepechesKit
import Foundation
import HTTPTypes
import Testing

@testable import DepechesServer

/// The search page and the dispatch pages, as HTML.
@Suite struct PageTests {
  let seeds = SeedIndex.shared

  private func page(_ uri: String) async throws -> (status: HTTPResponse.Status, body: String) {
    let response = try await withServer(seeds.configuration) { try await $0.get(uri) }
    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
    return (response.status, response.body)
  }

  @Test func homeShowsTheFormAndWhatTheIndexHolds() async throws {
    let home = try await page("/")
    #expect(home.status == .ok)
    #expect(home.body.contains("<html lang=\"fr\">"))
    #expect(home.body.contains("<form class=\"search\" role=\"search\" method=\"get\" action=\"/\">"))
    #expect(home.body.contains("<label for=\"q\">") && home.body.contains("<input id=\"q\" name=\"q\""))
    #expect(home.body.contains("type=\"date\"") && home.body.contains("<select id=\"sort\" name=\"sort\">"))
    let stats = try SearchIndex(paths: [seeds.index]).stats()
    #expect(home.body.contains("L’index contient \(FrenchText.dispatches(stats.dispatches))"))
  }

  @Test func resultsHaveMarkedSnippetsBarsAndLinks() async throws {
    let response = try SearchIndex(paths: [seeds.index]).search(SearchRequest(query: "Bayraktar"))
    let results = try await page("/?q=Bayraktar")
    #expect(results.status == .ok)
    #expect(results.body.contains("<mark>Bayraktar</mark>"))
    #expect(results.body.contains("\(FrenchText.dispatches(response.total)) pour « Bayraktar »"))
    for hit in response.hits {
      #expect(results.body.contains("href=\"/d/\(hit.dispatch.id)?q=Bayraktar#p-\(hit.passage)\""))
    }
    // Months from the first to the last match, the empty ones included, each with a link.
    let histogram = Histogram(response.months)
    #expect(histogram.bars.count > response.months.count)
    #expect(results.body.components(separatedBy: "<li class=\"bar").count - 1 == histogram.bars.count)
    for bar in histogram.bars where bar.count > 0 {
      #expect(results.body.contains("href=\"/?q=Bayraktar&amp;since=\(bar.since.iso)&amp;until=\(bar.until.iso)\""))
    }
    #expect(results.body.contains("<rect "))
  }

  @Test func aMonthLinkFiltersToThatMonth() async throws {
    let all = try SearchIndex(paths: [seeds.index]).search(SearchRequest(query: "drones"))
    let bar = try #require(Histogram(all.months).bars.last { $0.count > 0 })
    let filtered = try await page("/?q=drones&since=\(bar.since.iso)&until=\(bar.until.iso)")
    #expect(filtered.body.contains("\(FrenchText.dispatches(bar.count)) pour « drones »"))
    #expect(filtered.body.contains("id=\"since\" name=\"since\" type=\"date\" value=\"\(bar.since.iso)\""))
  }

  @Test func suggestionWideningAndPaging() async throws {
    let misspelt = try await page("/?q=Bayraktr")
    #expect(misspelt.body.contains("Essayez : <a href=\"/?q=bayraktar\">bayraktar</a>"))
    let widened = try await page("/?q=Bayraktar+Xylophonique")
    #expect(widened.body.contains("Aucune dépêche ne contient tous les mots"))
    let first = try await page("/?q=drones&limit=2")
    #expect(first.body.contains("rel=\"next\" href=\"/?q=drones&amp;limit=2&amp;offset=2\""))
    #expect(!first.body.contains("rel=\"prev\""))
    let second = try await page("/?q=drones&limit=2&offset=2")
    #expect(second.body.contains("rel=\"prev\" href=\"/?q=drones&amp;limit=2\""))
    #expect(second.body.contains("Page 2 sur"))
    #expect(second.body.contains("<ol class=\"results\" start=\"3\""))
  }

  @Test func dispatchPageHasTheWholeTextMarkedAndTheBestPassage() async throws {
    let hit = try #require(try SearchIndex(paths: [seeds.index]).search(SearchRequest(query: "Bayraktar")).hits.first)
    let dispatch = try await page("/d/\(hit.dispatch.id)?q=Bayraktar")
    #expect(dispatch.status == .ok)
    #expect(dispatch.body.contains("<p id=\"p-\(hit.passage)\" class=\"best\" data-best=\"true\">"))
    #expect(dispatch.body.contains("<mark>Bayraktar</mark>"))
    #expect(dispatch.body.contains("<a href=\"#p-\(hit.passage)\">Aller au passage le plus pertinent</a>"))
    #expect(dispatch.body.contains("<p id=\"p-0\""))
    #expect(dispatch.body.contains("href=\"/?q=Bayraktar\">← Retour aux résultats"))
    let plain = try await page("/d/\(hit.dispatch.id)")
    #expect(plain.status == .ok && !plain.body.contains("<mark>"))
  }

  @Test(arguments: ["/d/0123456789abcdef", "/d/..%2F..%2Fetc%2Fpasswd", "/d/../../etc/passwd", "/nothing", "/d/"])
  func unknownPagesAre404Pages(uri: String) async throws {
    let response = try await page(uri)
    #expect(response.status == .notFound)
    #expect(response.body.contains("Page introuvable"))
    #expect(!response.body.contains("root:"))
  }

  @Test func badParametersAndMissingIndexesArePagesWithTheirStatus() async throws {
    let bad = try await page("/?q=drones&since=hier")
    #expect(bad.status == .badRequest && bad.body.contains("attend une date AAAA-MM-JJ"))
    let folder = TemporaryFolder()
    let missing = try await withServer(ServeConfiguration(indexes: [folder.path + "/NoIndex"])) { try await $0.get("/?q=drones") }
    #expect(missing.status == .serviceUnavailable)
    #expect(missing.body.contains("depeches index &lt;folder&gt;"))
  }

  @Test func aMissingShardIsNoticed() async throws {
    let folder = TemporaryFolder()
    folder.write("two.stub", "auto \(seeds.index)\nauto \(folder.path)/gone\n")
    let configuration = ServeConfiguration(indexes: [folder.path + "/two.stub"], partial: true)
    let response = try await withServer(configuration) { try await $0.get("/?q=Bayraktar") }
    #expect(response.status == .ok)
    #expect(response.body.contains("<p class=\"notice warning\" role=\"status\">Une partie de l’index manque"))
    #expect(response.body.contains("left out \(folder.path)/gone"))
    #expect(response.body.contains("<mark>Bayraktar</mark>"))
  }

  @Test func markupFromDispatchesAndQueriesShowsAsText() async throws {
    let results = try await page("/?q=drones+alert&limit=50")
    let escapedTitle = "&lt;script&gt;alert(1)&lt;/script&gt;"
    #expect(results.body.contains(escapedTitle))
    #expect(results.body.contains("&quot;&gt;&lt;img src=x onerror=<mark>alert</mark>(2)&gt;"))
    #expect(results.body.contains("Titre &quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
    #expect(results.body.contains("&lt;b&gt;agence&lt;/b&gt;"))
    let hostileQuery = "\"><script>alert(4)</script>"
    let echoed = try await page(URLQuery(path: "/", items: [("q", hostileQuery)]).string)
    #expect(echoed.body.contains("value=\"&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;\""))
    for body in [results.body, echoed.body] { expectNoInjectedMarkup(body) }
    let hostile = try #require(
      try SearchIndex(paths: [seeds.index]).search(SearchRequest(query: "drones", limit: 100)).hits.first { $0.dispatch.url != nil })
    let dispatch = try await page("/d/\(hostile.dispatch.id)?q=\(URLQuery.encode(hostileQuery))")
    #expect(dispatch.body.contains("<span class=\"url\">javascript:alert(3)</span>"))
    #expect(!dispatch.body.contains("href=\"javascript"))
    expectNoInjectedMarkup(dispatch.body)
  }

  /// No tag but the templates' own: no script without src, no img, no inline handler or style.
  private func expectNoInjectedMarkup(_ body: String) {
    #expect(body.components(separatedBy: "<script").count == 2)
    #expect(body.contains("<script src=\"/assets/depeches.js\" defer></script>"))
    for forbidden in ["<img", "<b>", " style=", "javascript:alert(3)\""] {
      #expect(!body.contains(forbidden), "\(forbidden)")
    }
  }

  @Test func assetsAreServedWithTheirTypes() async throws {
    try await withServer(seeds.configuration) { client in
      let css = try await client.get(Assets.stylesheetPath)
      #expect(css.status == .ok && css.headers[.contentType] == "text/css; charset=utf-8")
      #expect(css.body.contains("mark {"))
      let js = try await client.get(Assets.scriptPath)
      #expect(js.status == .ok && js.headers[.contentType] == "text/javascript; charset=utf-8")
    }
  }
}
