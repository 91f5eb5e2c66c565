import DepechesKit
import Foundation

/// Shows indexing on stderr: warnings per skipped file, a progress bar on a terminal, a summary.
/// File names and skip reasons go through `Terminal`'s messages, which escape control
/// characters (a newline or an ESC in a file name is shown as `\n`, `\x1B`).
final class IndexReporter {
  /// Seconds between two redraws of the progress bar.
  static let redrawInterval = 0.25
  private let quiet: Bool
  private let verbose: Bool
  private let showBar: Bool
  private var lastDraw = -1.0

  init(quiet: Bool, verbose: Bool) {
    self.quiet = quiet
    self.verbose = verbose
    showBar = !quiet && !verbose && Terminal.stderrIsTTY
  }

  func file(_ report: FileReport) {
    guard !quiet else { return }
    if !report.warnings.isEmpty { clearBar() }
    for warning in report.warnings { Terminal.warning("\(report.path): \(warning)") }
    switch report.outcome {
    case .skipped(let reason):
      clearBar()
      Terminal.warning("skipped \(report.path): \(reason)")
    case .added(let n) where verbose: Terminal.note("added \(report.path) (\(n) dispatch\(n == 1 ? "" : "es"))")
    case .updated(let n) where verbose: Terminal.note("updated \(report.path) (\(n) dispatch\(n == 1 ? "" : "es"))")
    case .removed where verbose: Terminal.note("removed \(report.path)")
    default: break
    }
  }

  func progress(_ p: IndexProgress) {
    guard showBar, p.elapsed - lastDraw >= IndexReporter.redrawInterval || p.filesDone == p.filesTotal else { return }
    lastDraw = p.elapsed
    let fraction = p.bytesTotal > 0 ? Double(p.bytesDone) / Double(p.bytesTotal) : 1
    let width = 24
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let mbps = p.elapsed > 0 ? Double(p.bytesDone) / 1e6 / p.elapsed : 0
    let dps = p.elapsed > 0 ? Double(p.dispatches) / p.elapsed : 0
    let eta = fraction > 0 && fraction < 1 ? p.elapsed * (1 - fraction) / fraction : 0
    let line = "\(bar) \(p.filesDone)/\(p.filesTotal) files · \(format(mbps)) MB/s · \(Int(dps)) dispatches/s · ETA \(Int(eta.rounded())) s"
    Terminal.progress(line)
  }

  private func clearBar() {
    if showBar && lastDraw >= 0 { Terminal.clearProgress() }
  }

  func finish(_ s: IndexSummary) {
    clearBar()
    guard !quiet else { return }
    var reasons: [String: Int] = [:]
    for report in s.skipped { if case .skipped(let reason) = report.outcome { reasons[Self.kind(reason), default: 0] += 1 } }
    let why = reasons.isEmpty ? "" : " (" + reasons.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")"
    let mb = Double(s.bytesRead) / 1e6
    Terminal.note(
      "indexed \(Self.count(s.dispatches, "dispatch", "dispatches")) from \(Self.count(s.added + s.updated, "file", "files")): added \(s.added), updated \(s.updated), removed \(s.removed), unchanged \(s.unchanged), skipped \(s.skipped.count)\(why) in \(format(s.seconds)) s (\(format(mb)) MB read)"
        + (s.warnings > 0 ? ", \(Self.count(s.warnings, "warning", "warnings"))" : "")
        + (s.compacted ? ", compacted" : "") + (s.interrupted ? " — interrupted" : ""))
  }

  /// "1 dispatch", "2 dispatches": the number with the noun it takes.
  static func count(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

  /// The first words of a skip reason, to group them in the summary.
  private static func kind(_ reason: String) -> String {
    reason.split(separator: ":").first.map(String.init) ?? reason
  }

  private func format(_ x: Double) -> String { String(format: "%.2f", x) }
}
