import Foundation
import Testing

/// Versions of one seed dispatch, indexed and searched through the built binary.
@Suite(.serialized) struct DuplicatesCLITests {
  /// The seeds, with a re-headlined copy of one and a copy of it cut to its first 70 % of lines.
  private func workspaceWithVersions() throws -> Workspace {
    let ws = Workspace()
    let text = try String(contentsOfFile: ws.path + "/seeds/siefke_000010.txt", encoding: .utf8)
    var lines = text.components(separatedBy: "\n")
    try #require(lines.count > 10)
    lines[0] = "Un autre titre pour la même dépêche"
    ws.write("versions/b.txt", bytes: Array(lines.joined(separator: "\n").utf8))
    ws.write("versions/c.txt", bytes: Array(lines.prefix(lines.count * 7 / 10).joined(separator: "\n").utf8))
    return ws
  }

  private func firstWord(_ ws: Workspace) throws -> String {
    let text = try String(contentsOfFile: ws.path + "/seeds/siefke_000010.txt", encoding: .utf8)
    let body = text.components(separatedBy: "\n").dropFirst(3).joined(separator: " ")
    return try #require(body.split(separator: " ").first { $0.count > 6 && $0.allSatisfy(\.isLetter) }).description
  }

  @Test func searchShowsOneResultPerStoryWithItsOtherVersions() throws {
    let ws = try workspaceWithVersions()
    #expect(try ws.run("index", "seeds", "versions", "--index", "I", "--quiet").status == 0)
    let word = try firstWord(ws)
    let json = try jsonObject(try ws.run("search", word, "--index", "I", "--json", "--limit", "500").stdout)
    let results = try #require(json["results"] as? [[String: Any]])
    let total = try #require(json["total"] as? Int), groups = try #require(json["total_groups"] as? Int)
    #expect(total == groups + 2, "three versions shown as one")
    #expect(results.count == groups)
    let grouped = try #require(results.first { ($0["duplicates"] as? [[String: Any]])?.isEmpty == false })
    let duplicates = try #require(grouped["duplicates"] as? [[String: Any]])
    #expect(duplicates.count == 2)
    #expect(duplicates.allSatisfy { Set($0.keys) == ["id", "path", "date", "source"] })
    let paths = Set([grouped["path"] as? String] + duplicates.map { $0["path"] as? String })
    #expect(paths == ["seeds/siefke_000010.txt", "versions/b.txt", "versions/c.txt"])
    let text = try ws.run("search", word, "--index", "I", "--limit", "500")
    #expect(text.status == 0 && text.stdout.contains("2 autres versions"))
    let every = try jsonObject(try ws.run("search", word, "--index", "I", "--json", "--all-versions", "--limit", "500").stdout)
    #expect(every["total"] as? Int == total && every["total_groups"] as? Int == total)
    #expect((every["results"] as? [[String: Any]])?.count == total)
    #expect(try ws.run("search", "--help").stdout.contains("--all-versions"))
  }

  @Test func remoteShardsCollapseLikeOneLocalIndex() throws {
    let ws = try workspaceWithVersions()
    #expect(try ws.run("index", "seeds", "versions", "--index", "Single", "--quiet").status == 0)
    #expect(try ws.run("index", "seeds", "versions", "--index", "Sharded", "--shards", "2", "--quiet").status == 0)
    let servers = ShardServers()
    try servers.start("Sharded/shard-00", in: ws)
    try servers.start("Sharded/shard-01", in: ws)
    ws.write("remote.stub", bytes: Array(servers.ports.map { "remote :127.0.0.1:\($0)\n" }.joined().utf8))
    let word = try firstWord(ws)
    let key = { (index: String) throws -> String in
      let json = try jsonObject(try ws.run("search", word, "--index", index, "--json", "--limit", "500").stdout)
      let results = (json["results"] as? [[String: Any]] ?? []).map { result in
        "\(result["id"] ?? "")<" + ((result["duplicates"] as? [[String: Any]]) ?? []).map { "\($0["id"] ?? "")" }.joined(separator: ",")
      }
      return "\(json["total"] ?? "") \(json["total_groups"] ?? "") " + results.sorted().joined(separator: " ")
    }
    let single = try key("Single")
    #expect(single.contains(","), "a group with two other versions")
    #expect(try key("Sharded") == single)
    #expect(try key("remote.stub") == single)
  }
}
