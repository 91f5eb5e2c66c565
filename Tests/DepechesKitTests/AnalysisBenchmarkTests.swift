import DepechesKit
import Foundation
import Testing

/// Throughput of `forEachToken` on the shared French corpus. Runs only with
/// DEPECHES_BENCH=1 (best with `swift test -c release`); it prints, it asserts nothing about time.
@Suite struct AnalysisBenchmarkTests {
  static let corpus = "/work/shared/corpus/siefke_fr/000"

  @Test(.enabled(if: ProcessInfo.processInfo.environment["DEPECHES_BENCH"] == "1"))
  func forEachTokenThroughput() throws {
    let names = try FileManager.default.contentsOfDirectory(atPath: Self.corpus).sorted()
    let texts = try names.map { try String(contentsOfFile: "\(Self.corpus)/\($0)", encoding: .utf8) }
    let bytes = texts.reduce(0) { $0 + $1.utf8.count }
    let analyzer = FrenchAnalyzer()
    var best = Double.infinity
    var tokens = 0
    for _ in 0..<5 {
      tokens = 0
      let start = DispatchTime.now().uptimeNanoseconds
      for text in texts { analyzer.forEachToken(in: text) { _ in tokens += 1 } }
      best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    let rate = Double(bytes) / 1e6 / best
    print("forEachToken: \(bytes) bytes, \(tokens) tokens, \(best) s, \(rate) MB/s")
  }
}
