import Foundation
import Testing

/// `depeches bench` end to end on seeds/: output shape and exit codes, never the timings.
@Suite struct BenchCommandTests {
  @Test func benchPrintsFiguresAsJSON() throws {
    let space = Workspace()
    #expect(try space.run("index", "seeds", "--index", "Index", "--quiet").status == 0)
    space.write("q.txt", bytes: Array("# two queries\nBayraktar\nHaut-Karabakh\tsince=2020-09-01\n".utf8))
    let run = try space.run("bench", "--index", "Index", "--queries", "q.txt", "--runs", "2", "--json")
    #expect(run.status == 0, "\(run.stderr)")
    let figures = try jsonObject(run.stdout)
    #expect(figures["version"] as? Int == 1)
    #expect(figures["queries"] as? Int == 2 && figures["runs"] as? Int == 2 && figures["samples"] as? Int == 4)
    #expect(figures["queries_without_matches"] as? Int == 0)
    for key in ["p50_ms", "p95_ms", "max_ms", "mean_ms", "cpu_p50_ms", "cpu_p95_ms", "cpu_max_ms"] {
      #expect(figures[key] is Double, "\(key)")
    }
  }

  @Test func benchTextOutputAndExitCodes() throws {
    let space = Workspace()
    #expect(try space.run("index", "seeds", "--index", "Index", "--quiet").status == 0)
    space.write("q.txt", bytes: Array("Bayraktar\n".utf8))
    let text = try space.run("bench", "--index", "Index", "--queries", "q.txt", "--runs", "1")
    #expect(text.status == 0 && text.stdout.hasPrefix("queries: 1 × 1 run (after 1 warm-up pass), 0 without matches\np50 "))

    space.write("bad.txt", bytes: Array("Bayraktar\tsince=2021-02-30\n".utf8))
    let bad = try space.run("bench", "--index", "Index", "--queries", "bad.txt")
    #expect(bad.status == 64)
    #expect(bad.stderr.contains("bad.txt line 1: since expects a date as YYYY-MM-DD, got \"2021-02-30\""))

    #expect(try space.run("bench", "--index", "Index", "--queries", "q.txt", "--runs", "0").status == 64)
    #expect(try space.run("bench", "--index", "Index", "--queries", "missing.txt").status == 1)
    #expect(try space.run("bench", "--index", "Nowhere", "--queries", "q.txt").status == 1)
  }
}
