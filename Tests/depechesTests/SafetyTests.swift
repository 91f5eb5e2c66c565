import Foundation
import Testing

/// A corpus of `count` small dispatches cut from the seeds' paragraphs, each with its own date.
func makeCorpus(in ws: Workspace, count: Int, folder: String = "corpus") throws {
  let seeds = try FileManager.default.contentsOfDirectory(atPath: ws.path + "/seeds").filter { $0.hasSuffix(".txt") }.sorted()
  var paragraphs: [String] = []
  for name in seeds {
    let text = try String(contentsOfFile: ws.path + "/seeds/" + name, encoding: .utf8)
    paragraphs += text.components(separatedBy: "\n\n").filter { $0.count > 80 }
  }
  for i in 0..<count {
    let body = (0..<4).map { paragraphs[(i * 7 + $0 * 13) % paragraphs.count] }.joined(separator: "\n\n")
    let date = String(format: "2021-%02d-%02d", i % 12 + 1, i % 28 + 1)
    let text = "Dépêche numéro \(i)\n\(date)\n\n\(body)\n"
    ws.write("\(folder)/\(i / 500)/d\(i).txt", bytes: Array(text.utf8))
  }
}

enum SafetyTestsSupport {
  /// Starts `depeches` without waiting for it (output discarded).
  static func start(_ arguments: [String], in directory: String) throws -> Process {
    try depechesStart(arguments, in: directory)
  }
}

/// Starts `depeches` without waiting for it.
func start(_ arguments: [String], in directory: String) throws -> Process {
  try depechesStart(arguments, in: directory)
}

func depechesStart(_ arguments: [String], in directory: String) throws -> Process {
  let process = Process()
  process.executableURL = URL(fileURLWithPath: depechesBinary)
  process.arguments = arguments
  process.currentDirectoryURL = URL(fileURLWithPath: directory)
  process.standardOutput = FileHandle.nullDevice
  process.standardError = FileHandle.nullDevice
  try process.run()
  return process
}

/// The ranked ids (grouped by equal score), total and month facets of a search, which must
/// succeed (two failed searches must not compare equal).
func resultKey(_ ws: Workspace, _ query: String, index: String) throws -> String {
  // Every version: which of two equally ranked versions stands for its group depends on
  // document order, which differs between one index and shards (collapsing: DuplicatesCLITests).
  let run = try ws.run("search", query, "--json", "--limit", "50", "--all-versions", "--index", index)
  try #require(run.status == 0, "search \(query) in \(index): \(run.stderr)")
  let json = try jsonObject(run.stdout)
  let results = try #require(json["results"] as? [[String: Any]], "\(run.stdout)")
  var groups: [String: [String]] = [:]
  for r in results { groups[String(format: "%.6f", r["score"] as? Double ?? 0), default: []].append(r["id"] as? String ?? "") }
  let ranked = groups.keys.sorted(by: >).map { groups[$0]!.sorted().joined(separator: ",") }
  let months = ((json["facets"] as? [String: Any])?["month"] as? [[String: Any]]) ?? []
  let facets = months.map { "\($0["value"] ?? "-")=\($0["count"] ?? "-")" }.joined(separator: ",")
  return "\(json["total"] ?? "-")|\(ranked)|\(facets)"
}

/// The dispatches `depeches stats` counts in `index`, or nil when it cannot open it (not
/// created yet, or not committed yet).
func committedDispatches(_ ws: Workspace, _ index: String) -> Int? {
  guard let run = try? ws.run("stats", "--json", "--index", index), run.status == 0,
    let stats = try? jsonObject(run.stdout)
  else { return nil }
  return stats["dispatches"] as? Int
}

/// True once a run into `index` has committed dispatches: into the index itself or, for a
/// first large run, into one of the parallel parts beside it (`INDEX.depeches-parts/`).
func hasCommitted(_ ws: Workspace, _ index: String) -> Bool {
  if (committedDispatches(ws, index) ?? 0) > 0 { return true }
  let parts = index + ".depeches-parts"
  let names = (try? FileManager.default.contentsOfDirectory(atPath: ws.path + "/" + parts)) ?? []
  return names.contains { (committedDispatches(ws, parts + "/" + $0) ?? 0) > 0 }
}

@Suite(.serialized) struct SafetyTests {
  static let queries = ["Arménie", "\"cessez le feu\"", "drones turcs", "Poutine OR Erdogan", "gaz -Russie"]

  /// 3000 dispatches (6 MB) are written by the pipeline; 4500 (9 MB, over
  /// `ParallelParts.minBytes`) by parallel parts merged at the end.
  static let corpusSizes = [3000, 4500]

  @Test(arguments: corpusSizes)
  func killedRunThenRerunEqualsACleanIndex(count: Int) throws {
    let ws = Workspace()
    try makeCorpus(in: ws, count: count)
    let victim = try start(["index", "corpus", "--index", "Killed", "--batch", "100"], in: ws.path)
    // Killed mid-run, once it has committed something.
    let committed = eventually { hasCommitted(ws, "Killed") }
    kill(victim.processIdentifier, SIGKILL)
    victim.waitUntilExit()
    try #require(committed, "the run committed nothing before the deadline")
    #expect(victim.terminationReason == .uncaughtSignal, "the run ended before it was killed")
    // The large corpus was being written in parallel parts: the kill left them behind.
    let leftParts = FileManager.default.fileExists(atPath: ws.path + "/Killed.depeches-parts")
    #expect(leftParts == (count == Self.corpusSizes.last), "parts left: \(leftParts)")
    // Whatever was committed is searchable.
    #expect(try ws.run("stats", "--index", "Killed").status == 0)
    let rerun = try ws.run("index", "corpus", "--index", "Killed")
    #expect(rerun.status == 0)
    #expect(try ws.run("index", "corpus", "--index", "Clean", "--quiet").status == 0)
    #expect(!FileManager.default.fileExists(atPath: ws.path + "/Killed.depeches-parts"))
    for query in Self.queries {
      #expect(try resultKey(ws, query, index: "Killed") == resultKey(ws, query, index: "Clean"))
    }
  }

  @Test func secondWriterFailsAtOnceAndSearchWorksDuringIndexing() throws {
    let ws = Workspace()
    try makeCorpus(in: ws, count: 3000)
    #expect(try ws.run("index", "seeds", "--index", "Busy", "--quiet").status == 0)
    let seeded = try #require(committedDispatches(ws, "Busy"))
    let first = try start(["index", "corpus", "--index", "Busy", "--batch", "50"], in: ws.path)
    defer {
      kill(first.processIdentifier, SIGCONT)
      first.terminate()
      first.waitUntilExit()
    }
    // Once the first run has committed a batch it is writing; stopped there, it keeps the lock.
    let writing = eventually { (committedDispatches(ws, "Busy") ?? seeded) != seeded }
    kill(first.processIdentifier, SIGSTOP)
    try #require(writing, "the first run committed nothing before the deadline")
    try #require(first.isRunning, "the first run ended before the second started")
    let second = try ws.run("index", "corpus", "--index", "Busy")
    #expect(second.status == 1)
    #expect(second.stderr.contains("locked"))
    let search = try ws.run("search", "Bayraktar", "--index", "Busy")
    #expect(search.status == 0)
    #expect(search.stdout.contains("Bayraktar"))
  }

  @Test(arguments: corpusSizes)
  func interruptCommitsWhatIsDoneAndSaysSo(count: Int) throws {
    let ws = Workspace()
    try makeCorpus(in: ws, count: count)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: depechesBinary)
    process.arguments = ["index", "corpus", "--index", "Stopped", "--batch", "100"]
    process.currentDirectoryURL = URL(fileURLWithPath: ws.path)
    let err = Pipe()
    process.standardError = err
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    // Interrupted mid-run, once it has committed something.
    let committed = eventually { hasCommitted(ws, "Stopped") }
    kill(process.processIdentifier, SIGINT)
    let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    try #require(committed, "the run committed nothing before the deadline")
    #expect(process.terminationStatus == 130, "the run ended before it was interrupted: \(message)")
    #expect(message.contains("interrupted"))
    #expect((committedDispatches(ws, "Stopped") ?? 0) > 0)
    let finish = try ws.run("index", "corpus", "--index", "Stopped")
    #expect(finish.status == 0)
    let stats = try jsonObject(try ws.run("stats", "--json", "--index", "Stopped").stdout)
    #expect(stats["dispatches"] as? Int == count)
    #expect(!FileManager.default.fileExists(atPath: ws.path + "/Stopped.depeches-parts"))
  }

  @Test func compactKeepsResults() throws {
    let ws = Workspace()
    _ = try ws.run("index", "--quiet")
    let before = try resultKey(ws, "Arménie", index: "Index")
    ws.write("Index/README.md", bytes: Array("notes".utf8))
    let compact = try ws.run("compact")
    #expect(compact.status == 0)
    #expect(FileManager.default.fileExists(atPath: ws.path + "/Index/README.md"))
    #expect(try resultKey(ws, "Arménie", index: "Index") == before)
  }
}
