import Foundation
import Testing

/// The synonym groups an index is written with are kept in its metadata, their one store:
/// searches read them from there, also through remote shards served by xapian-tcpsrv.
@Suite(.serialized) struct RemoteSynonymTests {
  @Test func remoteShardsSearchWithTheIndexsOwnSynonyms() throws {
    let ws = Workspace(withSeeds: false)
    for i in 0..<8 {
      let place = i == 5 ? "Zyxopolis" : "Lyon"
      ws.write("corpus/d\(i).txt", bytes: Array("Dépêche \(i)\n2021-03-0\(i + 1)\n\nLa délégation est arrivée à \(place) ce matin.\n".utf8))
    }
    ws.write("names.txt", bytes: Array("Zyxopolis, Kwarztown\n".utf8))
    let index = try ws.run("index", "corpus", "--index", "Sharded", "--shards", "2", "--synonyms", "names.txt", "--quiet")
    #expect(index.status == 0, "\(index.stderr)")
    let servers = ShardServers()
    try servers.start("Sharded/shard-00", in: ws)
    try servers.start("Sharded/shard-01", in: ws)
    ws.write("remote.stub", bytes: Array(servers.ports.map { "remote :127.0.0.1:\($0)\n" }.joined().utf8))
    for name in ["Sharded", "remote.stub"] {
      let run = try ws.run("search", "Kwarztown", "--json", "--index", name)
      #expect(run.status == 0, "\(name): \(run.stderr)")
      let results = try #require(try jsonObject(run.stdout)["results"] as? [[String: Any]], "\(name)")
      #expect(results.map { ($0["path"] as? String ?? "").hasSuffix("d5.txt") } == [true], "\(name): \(run.stdout)")
    }
  }
}
