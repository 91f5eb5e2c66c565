import Foundation
import Testing

/// A port that was free a moment ago on 127.0.0.1.
func freePort() -> Int {
  let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
  defer { close(fd) }
  var addr = sockaddr_in()
  addr.sin_family = sa_family_t(AF_INET)
  addr.sin_addr.s_addr = inet_addr("127.0.0.1")
  addr.sin_port = 0
  var length = socklen_t(MemoryLayout<sockaddr_in>.size)
  _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
  _ = withUnsafeMutablePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
  return Int(UInt16(bigEndian: addr.sin_port))
}

/// True once something accepts connections on 127.0.0.1:port (within `seconds`).
func waitForListener(_ port: Int, seconds: Double = 10) -> Bool {
  eventually(within: seconds, every: 0.05) {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var addr = sockaddr_in()
    addr.sin_family = sa_family_t(AF_INET)
    addr.sin_addr.s_addr = inet_addr("127.0.0.1")
    addr.sin_port = in_port_t(UInt16(port).bigEndian)
    return withUnsafePointer(to: &addr) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    } == 0
  }
}

/// xapian-tcpsrv servers started through `depeches serve-shard`, stopped when released.
final class ShardServers {
  private(set) var processes: [Process] = []
  private(set) var ports: [Int] = []

  func start(_ shard: String, in ws: Workspace) throws {
    let port = freePort()
    let process = try CLITestsSupport.start(["serve-shard", "--index", shard, "--port", String(port)], in: ws.path)
    processes.append(process)
    ports.append(port)
    try #require(waitForListener(port), "xapian-tcpsrv did not start on port \(port)")
  }

  func stop(_ i: Int) {
    processes[i].terminate()
    processes[i].waitUntilExit()
  }

  deinit {
    for p in processes where p.isRunning {
      p.terminate()
      p.waitUntilExit()
    }
  }
}

enum CLITestsSupport {
  static func start(_ arguments: [String], in directory: String) throws -> Process {
    try SafetyTestsSupport.start(arguments, in: directory)
  }
}

@Suite(.serialized) struct ShardTests {
  static let queries = ["Arménie", "\"cessez le feu\"", "drones OR Bayraktar", "Karabagh", "gaz -Russie", "turc*"]

  @Test func remoteShardsAnswerLikeOneLocalIndex() throws {
    let ws = Workspace()
    try makeCorpus(in: ws, count: 300)
    #expect(try ws.run("index", "seeds", "corpus", "--index", "Single", "--quiet").status == 0)
    #expect(try ws.run("index", "seeds", "corpus", "--index", "Sharded", "--shards", "2", "--quiet").status == 0)
    let servers = ShardServers()
    try servers.start("Sharded/shard-00", in: ws)
    try servers.start("Sharded/shard-01", in: ws)
    let stub = servers.ports.map { "remote :127.0.0.1:\($0)" }.joined(separator: "\n") + "\n"
    ws.write("remote.stub", bytes: Array(stub.utf8))
    for query in Self.queries {
      let single = try resultKey(ws, query, index: "Single")
      #expect(try resultKey(ws, query, index: "Sharded") == single, "local shards: \(query)")
      #expect(try resultKey(ws, query, index: "remote.stub") == single, "remote shards: \(query)")
    }
    let remote = try ws.run("search", "Arménie", "--index", "remote.stub")
    #expect(remote.stderr.contains("spelling suggestions are off"))

    servers.stop(1)
    let down = try ws.run("search", "Arménie", "--index", "remote.stub", "--timeout", "2")
    #expect(down.status == 1)
    #expect(down.stderr.contains("127.0.0.1:\(servers.ports[1])"))
    let partial = try ws.run("search", "Arménie", "--index", "remote.stub", "--timeout", "2", "--partial", "--json")
    #expect(partial.status == 0)
    #expect(partial.stderr.contains("127.0.0.1:\(servers.ports[1])"))
    #expect(((try jsonObject(partial.stdout))["total"] as? Int ?? 0) > 0)
  }

  @Test func shardCountIsKeptAndCheckedOnReindex() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "--index", "S", "--shards", "3", "--quiet").status == 0)
    let again = try ws.run("index", "--index", "S")
    #expect(again.status == 0 && again.stderr.contains("added 0"))
    let other = try ws.run("index", "--index", "S", "--shards", "2")
    #expect(other.status == 64)
    #expect(other.stderr.contains("3 shards"))
  }
}
