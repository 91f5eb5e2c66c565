import Foundation
import Testing

/// Numbers and queries that crashed the binary (stack overflow, SIGILL on a conversion) are
/// usage errors: exit 64 and a message naming the option and its range, or the query's limit.
@Suite(.serialized) struct UsageErrorTests {
  /// (arguments, the option the message must name). Each value is out of its option's range.
  static let outOfRange: [([String], String)] = [
    (["search", "x", "--offset", "4294967296"], "--offset"),
    (["search", "x", "--offset=-1"], "--offset"),
    (["search", "x", "--limit=-1"], "--limit"),
    (["search", "x", "--limit", "10001"], "--limit"),
    (["search", "x", "--timeout", "1e300", "--index", "remote.stub"], "--timeout"),
    (["search", "x", "--timeout", "nan", "--index", "remote.stub"], "--timeout"),
    (["search", "x", "--timeout", "inf"], "--timeout"),
    (["search", "x", "--timeout", "0"], "--timeout"),
    (["search", "x", "--timeout=-3"], "--timeout"),
    (["stats", "--timeout", "1e300", "--index", "remote.stub"], "--timeout"),
    (["index", "docs", "--batch", "0"], "--batch"),
    (["index", "docs", "--batch", "4294967296"], "--batch"),
    (["index", "docs", "--jobs", "100000"], "--jobs"),
    (["index", "docs", "--jobs", "0"], "--jobs"),
    (["index", "docs", "--max-file-size", "0"], "--max-file-size"),
    (["index", "docs", "--max-file-size", "9223372036854775807"], "--max-file-size"),
    (["index", "docs", "--shards", "0"], "--shards"),
    (["index", "docs", "--shards", "65"], "--shards"),
    (["serve-shard", "--index", "Index", "--port", "0"], "--port"),
    (["serve-shard", "--index", "Index", "--port", "65536"], "--port"),
    (["serve-shard", "--index", "Index", "--port", "5000", "--timeout", "0"], "--timeout"),
    (["serve-shard", "--index", "Index", "--port", "5000", "--timeout", "9223372036854775807"], "--timeout"),
    (["bench", "--queries", "q.txt", "--runs", "0"], "--runs"),
    (["bench", "--queries", "q.txt", "--runs", "9223372036854775807"], "--runs"),
  ]

  static func workspace() -> Workspace {
    let ws = Workspace(withSeeds: false)
    ws.write("remote.stub", bytes: Array("remote :127.0.0.1:1\n".utf8))
    ws.write("docs/a.txt", bytes: Array("Titre\n\nTexte.\n".utf8))
    ws.write("q.txt", bytes: Array("Texte\n".utf8))
    return ws
  }

  @Test func everyNumberOutOfRangeIsAUsageErrorNamingTheOption() throws {
    let ws = Self.workspace()
    for (arguments, option) in Self.outOfRange {
      let run = try ws.run(arguments)
      let label = arguments.joined(separator: " ")
      #expect(run.status == 64, "\(label): exit \(run.status), \(run.stderr)")
      #expect(run.stderr.contains("\(option) must be between"), "\(label): \(run.stderr)")
      #expect(run.stdout.isEmpty, "\(label)")
    }
  }

  @Test func deeplyNestedParenthesesAreAUsageErrorNotAStackOverflow() throws {
    let ws = Workspace()
    #expect(try ws.run("index", "--quiet").status == 0)
    let deep = String(repeating: "(", count: 50_000) + "Bakou" + String(repeating: ")", count: 50_000)
    let run = try ws.run("search", deep)
    #expect(run.status == 64, "exit \(run.status)")
    #expect(run.stderr.contains("parentheses more than 100 deep"), "\(run.stderr)")
    let limit = String(repeating: "(", count: 100) + "Bakou" + String(repeating: ")", count: 100)
    #expect(try ws.run("search", limit).status == 0)
    let tooMany = Array(repeating: "Bakou", count: 1_001)
    let words = try ws.run(["search"] + tooMany)
    #expect(words.status == 64, "exit \(words.status)")
    #expect(words.stderr.contains("more than the 1000 searched at most"), "\(words.stderr)")
  }
}
