import DepechesFormat
import DepechesKit
import Foundation
import HTTPTypes
import Hummingbird
import Testing

@testable import DepechesServer

/// `/api/...`: the CLI's JSON documents, the errors and their statuses, the headers.
@Suite struct APITests {
  let seeds = SeedIndex.shared

  @Test(arguments: [
    ["Bayraktar"], ["cessez", "le", "feu"], ["\"cessez le feu\"", "--since", "2021-01-01"],
    ["drones", "--limit", "3", "--offset", "2"], ["Bayraktr"], ["Poutine", "OR", "Erdogan", "--until", "2020-12-31"],
    ["drones", "--limit", "0"],
  ])
  func searchIsTheCLIsDocumentByteForByte(arguments: [String]) async throws {
    let cli = try runProgram(builtProgram("depeches"), ["search"] + arguments + ["--json", "--index", seeds.index])
    #expect(cli.status == 0, "\(cli.stderr)")
    var words: [String] = []
    var items: [(String, String)] = []
    var rest = arguments[...]
    while let argument = rest.popFirst() {
      if argument.hasPrefix("--") { items.append((String(argument.dropFirst(2)), rest.popFirst()!)) } else { words.append(argument) }
    }
    let uri = URLQuery(path: "/api/search", items: [("q", words.joined(separator: " "))] + items).string
    let api = try await withServer(seeds.configuration) { try await $0.get(uri) }
    #expect(api.status == .ok)
    #expect(api.headers[.contentType] == "application/json; charset=utf-8")
    #expect(api.body == cli.stdout)
  }

  @Test func statsIsTheCLIsDocument() async throws {
    let cli = try runProgram(builtProgram("depeches"), ["stats", "--json", "--index", seeds.index])
    let api = try await withServer(seeds.configuration) { try await $0.get("/api/stats") }
    #expect(api.status == .ok && cli.status == 0)
    #expect(api.body == cli.stdout)
  }

  @Test func dispatchIsTheStoredDispatchWithEveryPassage() async throws {
    let response = try SearchIndex(paths: [seeds.index]).search(SearchRequest(query: "Bayraktar"))
    let hit = try #require(response.hits.first)
    let api = try await withServer(seeds.configuration) { try await $0.get("/api/dispatch/\(hit.dispatch.id)") }
    #expect(api.status == .ok)
    let object = try #require(try JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: Any])
    #expect(object["version"] as? Int == 1)
    #expect(object["id"] as? String == hit.dispatch.id)
    #expect(object["title"] as? String == hit.dispatch.title)
    #expect(object["date"] as? String == hit.dispatch.date?.iso)
    let passages = try #require(object["passages"] as? [String])
    #expect(passages.count > hit.passage && passages[hit.passage].contains("Bayraktar"))
    #expect(object.keys.contains("source") && object.keys.contains("url") && object.keys.contains("tags"))
  }

  @Test func dateSortIsOffered() async throws {
    let body = try await withServer(seeds.configuration) { try await $0.get("/api/search?q=drones&sort=date&limit=20").body }
    let results = try #require(try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])["results"] as? [[String: Any]]
    let dates = try #require(results).compactMap { $0["date"] as? String }
    #expect(dates.count > 3)
    #expect(dates == dates.sorted(by: >))
  }

  @Test(arguments: [
    ("/api/search", "the query is empty"), ("/api/search?q=+++", "the query is empty"),
    ("/api/search?q=drones&limit=-1", "limit must be"), ("/api/search?q=drones&limit=101", "limit must be"),
    ("/api/search?q=drones&limit=dix", "limit must be"), ("/api/search?q=drones&offset=-1", "offset must be"),
    ("/api/search?q=drones&since=2021-02-30", "since expects a date"),
    ("/api/search?q=drones&since=2021-05-01&until=2021-01-01", "is after until"),
    ("/api/search?q=drones&sort=titre", "sort must be"), ("/api/search?q=%E9t%E9", "not valid percent-encoded UTF-8"),
    ("/api/search?q=%ZZ", "not valid percent-encoded"), ("/api/search?q=" + String(repeating: "a", count: 501), "longer than 500"),
    ("/api/search?q=%21%21%21", "invalid query: nothing to search for"),
  ])
  func badParametersAre400WithAnErrorDocument(uri: String, message: String) async throws {
    let response = try await withServer(seeds.configuration) { try await $0.get(uri) }
    #expect(response.status == .badRequest)
    #expect(response.headers[.contentType] == "application/json; charset=utf-8")
    #expect(try errorMessage(response.body).contains(message))
  }

  @Test(arguments: ["/api/nothing", "/api/dispatch/0123456789abcdef", "/api/dispatch/..%2F..%2Fetc%2Fpasswd", "/api/dispatch/ABCDEF0123456789", "/api"])
  func unknownPathsAndIdsAre404(uri: String) async throws {
    let response = try await withServer(seeds.configuration) { try await $0.get(uri) }
    #expect(response.status == .notFound)
    #expect(try errorMessage(response.body).hasPrefix("not found"))
  }

  @Test func aMissingIndexIs503WithTheCLIsHint() async throws {
    let folder = TemporaryFolder()
    let missing = folder.path + "/NoIndex"
    let cli = try runProgram(builtProgram("depeches"), ["search", "drones", "--index", missing])
    #expect(cli.status == 1)
    for uri in ["/api/search?q=drones", "/api/stats", "/api/dispatch/0123456789abcdef"] {
      let response = try await withServer(ServeConfiguration(indexes: [missing])) { try await $0.get(uri) }
      #expect(response.status == .serviceUnavailable, "\(uri)")
      #expect(cli.stderr == "Error: " + (try errorMessage(response.body)) + "\n")
    }
  }

  @Test func everyResponseHasTheSecurityHeaders() async throws {
    for uri in ["/api/search?q=drones", "/api/search", "/api/nothing", "/", "/?q=drones", "/d/zzz", Assets.scriptPath] {
      let response = try await withServer(seeds.configuration) { try await $0.get(uri) }
      #expect(response.headers[.xContentTypeOptions] == "nosniff", "\(uri)")
      let policy = try #require(response.headers[.contentSecurityPolicy])
      #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
      #expect(response.headers[.contentType]?.hasSuffix("charset=utf-8") == true, "\(uri)")
    }
  }

  @Test func requestLimits() async throws {
    try await withServer(seeds.configuration) { client in
      let post = try await client.execute(uri: "/api/search?q=drones", method: .post, body: ByteBuffer(string: "q=x")) { $0.status }
      #expect(post == .methodNotAllowed)
      let body = try await client.execute(
        uri: "/api/search?q=drones", method: .get, headers: [.contentLength: "5"], body: ByteBuffer(string: "12345")
      ) { $0.status }
      #expect(body == .contentTooLarge)
      let long = try await client.get("/api/search?q=" + String(repeating: "%C3%A9", count: 2_000))
      #expect(long.status == .uriTooLong)
      #expect(try errorMessage(long.body).contains("too long"))
    }
  }

  @Test func concurrentRequestsGetTheSameAnswers() async throws {
    let expected = try await withServer(seeds.configuration) { try await $0.get("/api/search?q=drones").body }
    try await withServer(seeds.configuration) { client in
      try await withThrowingTaskGroup(of: String.self) { group in
        for _ in 0..<40 { group.addTask { try await client.get("/api/search?q=drones").body } }
        for try await body in group { #expect(body == expected) }
      }
    }
  }
}
