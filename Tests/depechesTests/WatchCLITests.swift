import Foundation
import Testing

/// `depeches watch`: saved searches kept with the index, what entered it since each last ran.
@Suite struct WatchCLITests {
  /// A workspace with seeds/ indexed into Index/ and a saved search "drones".
  private func watched() throws -> Workspace {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    let add = try ws.run("watch", "add", "drones", "drones")
    #expect(add.status == 0, "\(add.stderr)")
    return ws
  }

  private func newIDs(_ ws: Workspace, _ names: String...) throws -> [String: [String]] {
    let run = try ws.run(["watch", "run", "--json"] + names)
    #expect(run.status == 0, "\(run.stderr)")
    let document = try jsonObject(run.stdout)
    #expect(document["version"] as? Int == 1)
    var out: [String: [String]] = [:]
    for search in document["searches"] as? [[String: Any]] ?? [] {
      let results = search["results"] as? [[String: Any]] ?? []
      #expect(search["new"] as? Int == results.count)
      #expect(search["query"] is String)
      out[search["name"] as? String ?? ""] = results.compactMap { $0["id"] as? String }
    }
    return out
  }

  private func id(_ ws: Workspace, of path: String) throws -> String {
    let found = try jsonObject(try ws.run("search", "drones", "--limit", "100", "--json").stdout)
    let results = found["results"] as? [[String: Any]] ?? []
    return try #require(results.first { $0["path"] as? String == path }?["id"] as? String)
  }

  @Test func aNewSearchSeesWhatEntersAfterItAndEachOnlyOnce() throws {
    let ws = try watched()
    #expect(try newIDs(ws)["drones"] == [])
    ws.write("seeds/zz-new.txt", bytes: Array("Nouveaux drones\n\nLe 5 mai 2022, des drones survolent la ville.\n".utf8))
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    let first = try newIDs(ws)
    let added = try id(ws, of: "seeds/zz-new.txt")
    #expect(first["drones"] == [added])
    #expect(try newIDs(ws)["drones"] == [], "running twice in a row shows nothing the second time")
    let text = try ws.run("watch", "run")
    #expect(text.stdout.contains("drones \"drones\": 0 new dispatches"))
  }

  @Test func anEditedDispatchShowsAgainAndATouchedOneDoesNot() throws {
    let ws = try watched()
    let path = ws.path + "/seeds/000_fe0702cd3db7fe5e.txt"
    let original = try String(contentsOfFile: path, encoding: .utf8)
    // Same bytes, new time: re-read, not new.
    try original.write(toFile: path, atomically: false, encoding: .utf8)
    try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: path)
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    #expect(try newIDs(ws)["drones"] == [])
    try (original + "\nUn paragraphe ajouté.\n").write(toFile: path, atomically: false, encoding: .utf8)
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    let edited = try id(ws, of: "seeds/000_fe0702cd3db7fe5e.txt")
    #expect(try newIDs(ws)["drones"] == [edited])
  }

  @Test func sinceAlsoShowsWhatWasIndexedFromThatDay() throws {
    let ws = try watched()
    #expect(try ws.run("watch", "add", "recent", "drones", "--since", "2021-01-01").status == 0)
    let all = try jsonObject(try ws.run("search", "drones", "--since", "2021-01-01", "--limit", "100", "--json").stdout)
    let expected = Set(((all["results"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
    let shown = try newIDs(ws, "recent")
    #expect(shown.keys.sorted() == ["recent"], "only the search named runs")
    #expect(!expected.isEmpty && Set(shown["recent"] ?? []) == expected)
    #expect(try newIDs(ws)["recent"] == [])
    #expect(try newIDs(ws)["drones"] == [])
  }

  @Test func listShowRemoveAndTheirFailures() throws {
    let ws = try watched()
    #expect(try ws.run("watch", "add", "gaz", "gaz", "NOT", "Russie", "--source", "AFP").status == 0)
    let list = try ws.run("watch", "list")
    #expect(list.stdout.contains("drones  \"drones\"") && list.stdout.contains("gaz  \"gaz NOT Russie\" source AFP"))
    #expect(list.stdout.contains("never run"))
    _ = try ws.run("watch", "run", "gaz")
    let show = try ws.run("watch", "show", "gaz")
    #expect(show.stdout.contains("query:    gaz NOT Russie") && show.stdout.contains("(0 new)"))
    #expect(try ws.run("watch", "remove", "gaz").status == 0)
    #expect(!(try ws.run("watch", "list").stdout.contains("gaz")))
    for (arguments, status, message) in [
      (["watch", "show", "gaz"], Int32(1), "no saved search named gaz"),
      (["watch", "remove", "gaz"], 1, "no saved search named gaz"),
      (["watch", "run", "drones", "gaz"], 1, "no saved search named gaz"),
      (["watch", "feed", "gaz"], 1, "no saved search named gaz"),
      (["watch", "add", "drones", "autre"], 1, "exists already"),
      (["watch", "add", "a/b", "drones"], 64, "name"),
      (["watch", "add", "vide", " "], 64, "the query is empty"),
      (["watch", "add", "d", "drones", "--since", "hier"], 64, "YYYY-MM-DD"),
      (["watch", "list", "--index", "Index", "--index", "Other"], 64, "give --index once"),
      (["watch", "list", "--index", "Missing"], 1, "no index at Missing"),
    ] {
      let run = try ws.run(arguments)
      #expect(run.status == status, "\(arguments): \(run.stderr)")
      #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
      #expect(run.stdout.isEmpty, "\(arguments)")
    }
    #expect(try ws.run("watch", "--help").stdout.contains("feed"))
    #expect(try ws.run("watch", "add", "--help").stdout.contains("--source"))
  }

  @Test func sourceRestrictsTheSearch() throws {
    let ws = Workspace(withSeeds: false)
    ws.write("docs/a.md", bytes: Array("---\ntitle: Drones A\nsource: Agence Ouest\ndate: 2022-01-02\n---\n\nDes drones.\n".utf8))
    ws.write("docs/b.md", bytes: Array("---\ntitle: Drones B\nsource: Autre\ndate: 2022-01-03\n---\n\nDes drones.\n".utf8))
    #expect(try ws.run("index", "docs", "--quiet").status == 0)
    #expect(try ws.run("watch", "add", "ouest", "drones", "--source", "agence ouest", "--since", "2000-01-01").status == 0)
    let run = try jsonObject(try ws.run("watch", "run", "--json").stdout)
    let results = ((run["searches"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
    #expect(results.map { $0["title"] as? String } == ["Drones A"])
  }

  @Test func savedSearchesTravelWithTheIndexThroughCompaction() throws {
    let ws = try watched()
    #expect(FileManager.default.fileExists(atPath: ws.path + "/Index/depeches-watches.json"))
    #expect(try ws.run("compact").status == 0)
    #expect(try ws.run("watch", "list").stdout.contains("drones"))
    #expect(try newIDs(ws)["drones"] == [], "the completed run survives compaction")
    try FileManager.default.moveItem(atPath: ws.path + "/Index", toPath: ws.path + "/Moved")
    #expect(try ws.run("watch", "list", "--index", "Moved").stdout.contains("drones"))
  }

  @Test func shardedIndexesRecordRunsInEveryShard() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--shards", "3", "--index", "Sharded", "--quiet").status == 0)
    #expect(try ws.run("watch", "add", "drones", "drones", "--index", "Sharded").status == 0)
    #expect(FileManager.default.fileExists(atPath: ws.path + "/Sharded/depeches-watches.json"))
    for n in 0..<6 {
      ws.write("seeds/zz-\(n).txt", bytes: Array("Drones \(n)\n\nLe 5 mai 2022, des drones, numéro \(n).\n".utf8))
    }
    #expect(try ws.run("index", "seeds", "--index", "Sharded", "--quiet").status == 0)
    let run = try jsonObject(try ws.run("watch", "run", "--json", "--index", "Sharded").stdout)
    let results = ((run["searches"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
    #expect(Set(results.compactMap { $0["path"] as? String }) == Set((0..<6).map { "seeds/zz-\($0).txt" }))
    let again = try jsonObject(try ws.run("watch", "run", "--json", "--index", "Sharded").stdout)
    #expect((again["searches"] as? [[String: Any]])?.first?["new"] as? Int == 0)
  }

  @Test func noControlCharacterReachesTheTerminal() throws {
    let ws = Workspace(withSeeds: false)
    let filler = TerminalInjectionTests.filler
    ws.write("docs/a.txt", bytes: Array("Drones \u{1B}[31mrouges\u{9B}\n\nLe 2 mai 2022, des drones \u{1B}]0;titre\u{07}. \(filler)\n".utf8))
    ws.write("docs/b.txt", bytes: Array("Drones encore\n\nLe 3 mai 2022, des drones. \(filler)\n".utf8))
    #expect(try ws.run("index", "docs", "--quiet").status == 0)
    #expect(try ws.run("watch", "add", "d", "drones", "OR", "\u{1B}[2J", "--since", "2000-01-01").status == 0)
    for arguments in [["watch", "run"], ["watch", "list"], ["watch", "show", "d"], ["similar", "docs/a.txt"]] {
      let run = try ws.run(arguments)
      #expect(run.status == 0, "\(arguments): \(run.stderr)")
      #expect(terminalControls(run.stdout).isEmpty, "\(arguments)")
    }
    #expect(try ws.run("watch", "run", "d").stdout.isEmpty == false)
    #expect(terminalControls(try ws.run("watch", "feed", "d").stdout).isEmpty)
    #expect(try ws.run("watch", "list").stdout.contains("\\x1B[2J"))
  }

  @Test func similarByIDOrPathLeavesTheDispatchOut() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    let id = try self.id(ws, of: "seeds/000_fe0702cd3db7fe5e.txt")
    let byID = try ws.run("similar", id, "--json", "--limit", "5")
    #expect(byID.status == 0, "\(byID.stderr)")
    #expect(try ws.run("similar", "seeds/000_fe0702cd3db7fe5e.txt", "--json", "--limit", "5").stdout == byID.stdout)
    let document = try jsonObject(byID.stdout)
    #expect(document["version"] as? Int == 1 && document["id"] as? String == id)
    let results = document["results"] as? [[String: Any]] ?? []
    #expect(results.count == 5 && !results.contains { $0["id"] as? String == id })
    #expect((document["terms"] as? [String])?.isEmpty == false)
    let text = try ws.run("similar", id, "--limit", "2")
    #expect(text.stdout.hasPrefix("Dépêches proches de « ") && text.stdout.contains("\n2. "))
    for (arguments, status, message) in [
      (["similar", "0123456789abcdef"], Int32(64), "no dispatch with id 0123456789abcdef"),
      (["similar", "seeds/missing.txt"], 64, "neither a dispatch id nor an indexed file"),
      (["similar", id, "--limit", "0"], 64, "--limit must be between"),
      (["similar", id, "--since", "2022-01-02", "--until", "2022-01-01"], 64, "is after"),
      (["similar", id, "--index", "Missing"], 1, "no index at Missing"),
    ] {
      let run = try ws.run(arguments)
      #expect(run.status == status && run.stderr.contains(message), "\(arguments): \(run.stderr)")
    }
    #expect(try ws.run("similar", "--help").stdout.contains("--until"))
  }

  @Test func remoteShardsServeTheRunsToo() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--shards", "2", "--index", "Sharded", "--quiet").status == 0)
    let servers = ShardServers()
    try servers.start("Sharded/shard-00", in: ws)
    try servers.start("Sharded/shard-01", in: ws)
    ws.write("remote.stub", bytes: Array(servers.ports.map { "remote :127.0.0.1:\($0)\n" }.joined().utf8))
    let add = try ws.run("watch", "add", "drones", "drones", "--index", "remote.stub")
    #expect(add.status == 0, "\(add.stderr)")
    #expect(FileManager.default.fileExists(atPath: ws.path + "/remote.stub.depeches-watches.json"))
    for n in 0..<4 {
      ws.write("seeds/zz-\(n).txt", bytes: Array("Drones \(n)\n\nLe 5 mai 2022, des drones, numéro \(n).\n".utf8))
    }
    #expect(try ws.run("index", "seeds", "--index", "Sharded", "--quiet").status == 0)
    let run = try jsonObject(try ws.run("watch", "run", "--json", "--index", "remote.stub").stdout)
    let results = ((run["searches"] as? [[String: Any]])?.first?["results"] as? [[String: Any]]) ?? []
    #expect(Set(results.compactMap { $0["path"] as? String }) == Set((0..<4).map { "seeds/zz-\($0).txt" }))
    let again = try jsonObject(try ws.run("watch", "run", "--json", "--index", "remote.stub").stdout)
    #expect((again["searches"] as? [[String: Any]])?.first?["new"] as? Int == 0)
  }
}
