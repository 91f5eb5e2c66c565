import Foundation
import Testing

@testable import DepechesKit
@testable import depeches

/// Issue 15's smaller faults, each as the user met it on the command line.
@Suite struct SmallFaultsTests {
  /// A workspace with seeds/ indexed into Index/.
  static func indexed() throws -> Workspace {
    let ws = Workspace()
    #expect(try ws.run("index", "seeds", "--quiet").status == 0)
    return ws
  }

  static func total(_ run: Run) throws -> Int { try #require((try jsonObject(run.stdout))["total"] as? Int) }

  @Test func aMinusWordAfterTheFirstWordExcludesIt() throws {
    let ws = try Self.indexed()
    let all = try ws.run("search", "guerre", "--json")
    let without = try ws.run("search", "guerre", "-Ukraine", "--json")
    #expect(without.status == 0, "\(without.stderr)")
    let notUkraine = try ws.run("search", "guerre", "NOT", "Ukraine", "--json")
    #expect(try Self.total(without) == Self.total(notUkraine))
    #expect(try Self.total(without) < Self.total(all))
    // Through ArgumentParser (another option is wrong): the usage error named is that option's.
    let bad = try ws.run("search", "guerre", "-Ukraine", "--limit", "abc")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("--limit"), "\(bad.stderr)")
    #expect(!bad.stderr.contains("-U"))
  }

  @Test func aStubNamedWithoutAFolderIsReadFromTheWorkingFolder() throws {
    let ws = try Self.indexed()
    ws.write("shards.stub", bytes: Array("auto Index\n".utf8))
    let run = try ws.run("search", "guerre", "--index", "shards.stub", "--json")
    #expect(run.status == 0, "\(run.stderr)")
    #expect(try Self.total(run) == Self.total(try ws.run("search", "guerre", "--json")))
  }

  @Test func anIndexGivenTwiceIsSearchedOnce() throws {
    let ws = try Self.indexed()
    let once = try ws.run("search", "guerre", "--json")
    let twice = try ws.run("search", "guerre", "--index", "Index", "--index", "./Index/", "--json")
    #expect(try Self.total(twice) == Self.total(once))
    #expect(twice.stderr.contains("given more than once"))
    let stats = try ws.run("stats", "--index", "Index", "--index", "Index", "--json")
    #expect((try jsonObject(stats.stdout))["dispatches"] as? Int == (try jsonObject(try ws.run("stats", "--json").stdout))["dispatches"] as? Int)
  }

  @Test func aFileThatIsNotAnIndexIsNotQuoted() throws {
    let ws = Workspace(withSeeds: false)
    ws.write("passwd", bytes: Array("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1\n".utf8))
    let run = try ws.run("search", "x", "--index", "passwd")
    #expect(run.status == 64)
    #expect(run.stderr.contains("passwd is not an index"))
    #expect(!run.stderr.contains("root:x"))
  }

  @Test func compactingThroughALinkKeepsTheLink() throws {
    let ws = try Self.indexed()
    try FileManager.default.createSymbolicLink(atPath: ws.path + "/Link", withDestinationPath: "Index")
    let run = try ws.run("compact", "--index", "Link")
    #expect(run.status == 0, "\(run.stderr)")
    let type = try FileManager.default.attributesOfItem(atPath: ws.path + "/Link")[.type] as? FileAttributeType
    #expect(type == .typeSymbolicLink)
    #expect(try Self.total(try ws.run("search", "guerre", "--index", "Link", "--json")) > 0)
  }

  @Test func skippedBytesAreNotCountedAsRead() throws {
    let ws = Workspace(withSeeds: false)
    ws.write("in/grand.txt", bytes: Array(repeating: UInt8(ascii: "a"), count: 200_000))
    let run = try ws.run("index", "in", "--max-file-size", "100000")
    #expect(run.status == 0)
    #expect(run.stderr.contains("(0.00 MB read, 0.20 MB skipped)"), "\(run.stderr)")
  }

  @Test func countsTakeTheSingularForOne() throws {
    let ws = try Self.indexed()
    ws.write("q.txt", bytes: Array("guerre\n".utf8))
    let bench = try ws.run("bench", "--queries", "q.txt", "--runs", "1")
    #expect(bench.status == 0, "\(bench.stderr)")
    #expect((bench.stdout + bench.stderr).contains("× 1 run "), "\(bench.stdout)")
  }

  @Test func theFirstProgressFrameHasNoETA() {
    let first = IndexReporter.progressLine(
      IndexProgress(filesDone: 1, filesTotal: 100, bytesDone: 10_000, bytesTotal: 1_000_000, dispatches: 1, elapsed: 0.02))
    #expect(first.hasSuffix("1/100 files · ETA …"))
    let later = IndexReporter.progressLine(
      IndexProgress(filesDone: 50, filesTotal: 100, bytesDone: 500_000, bytesTotal: 1_000_000, dispatches: 50, elapsed: 2))
    #expect(later.hasSuffix("25 dispatches/s · ETA 2 s"), "\(later)")
  }

  @Test func partialResultsNameTheMissingShards() throws {
    let ws = try Self.indexed()
    let port = freePort()
    ws.write("mixed.stub", bytes: Array("auto Index\nremote :127.0.0.1:\(port)\n".utf8))
    let run = try ws.run("search", "guerre", "--index", "mixed.stub", "--partial", "--timeout", "2", "--json")
    #expect(run.status == 0, "\(run.stderr)")
    #expect((try jsonObject(run.stdout))["missing_shards"] as? [String] == ["remote 127.0.0.1:\(port)"])
    let whole = try ws.run("search", "guerre", "--json")
    #expect((try jsonObject(whole.stdout))["missing_shards"] as? [String] == [])
  }

  @Test func limitZeroGivesTheTotalAndTheMonthsOnly() throws {
    let ws = try Self.indexed()
    let run = try ws.run("search", "guerre", "--limit", "0", "--json")
    #expect(run.status == 0, "\(run.stderr)")
    let doc = try jsonObject(run.stdout)
    #expect((doc["results"] as? [Any])?.isEmpty == true)
    let months = try #require((doc["facets"] as? [String: Any])?["month"] as? [[String: Any]])
    #expect(months.reduce(0) { $0 + ($1["count"] as? Int ?? 0) } == (try Self.total(run)))
    #expect(try Self.total(run) > 0)
    #expect(try ws.run("search", "guerre", "--limit", "10001").status == 64)
  }

  @Test func serveShardDocumentsItsExitStatusOnABusyPort() throws {
    let help = try Workspace(withSeeds: false).run("serve-shard", "--help")
    #expect(help.stdout.contains("69 when it cannot listen"))
    #expect(help.stdout.contains("setsid depeches serve-shard --index"), "SIGTERM stops the server's process group")
    let readme = try String(contentsOfFile: packageRoot + "/README.md", encoding: .utf8)
    #expect(readme.contains("exits with 69"))
  }

  /// Runs depeches on a pseudo-terminal (util-linux `script`), as a user's terminal would.
  static func onTerminal(_ arguments: String, in ws: Workspace, term: String) throws -> String {
    let script = "/usr/bin/script"
    try #require(FileManager.default.isExecutableFile(atPath: script))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: script)
    process.arguments = ["-qec", depechesBinary + " " + arguments, "/dev/null"]
    process.currentDirectoryURL = URL(fileURLWithPath: ws.path)
    var env = ProcessInfo.processInfo.environment
    env.removeValue(forKey: "NO_COLOR")
    env["TERM"] = term
    process.environment = env
    let out = Pipe()
    process.standardOutput = out
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
  }

  @Test func aDumbTerminalGetsNoColour() throws {
    let ws = try Self.indexed()
    let colour = try Self.onTerminal("search guerre --limit 1", in: ws, term: "xterm")
    #expect(colour.contains("\u{1B}["), "the pseudo-terminal shows colour to an xterm")
    let dumb = try Self.onTerminal("search guerre --limit 1", in: ws, term: "dumb")
    #expect(dumb.contains("[guerre]"))
    #expect(!dumb.contains("\u{1B}"))
  }
}
