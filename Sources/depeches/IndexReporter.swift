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
    showBar = !quiet && !verbose && Terminal.canRedrawStderr
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

  /// Seconds of reading before the progress line gives a rate and an ETA: a rate measured
  /// over the first files (often one large or one tiny) predicts nothing.
  static let rateWarmUp = 1.0

  func progress(_ p: IndexProgress) {
    guard showBar, p.elapsed - lastDraw >= IndexReporter.redrawInterval || p.filesDone == p.filesTotal else { return }
    lastDraw = p.elapsed
    Terminal.progress(Self.progressLine(p))
  }

  /// The progress line: a bar of the bytes read, the files, then, once there is a rate to
  /// base them on (`rateWarmUp` seconds and some bytes read), the rates and the time left.
  static func progressLine(_ p: IndexProgress) -> String {
    let fraction = p.bytesTotal > 0 ? min(1, Double(p.bytesDone) / Double(p.bytesTotal)) : 1
    let width = 24
    let filled = Int(fraction * Double(width))
    let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
    let files = "\(bar) \(p.filesDone)/\(p.filesTotal) files"
    guard p.elapsed >= rateWarmUp, p.bytesDone > 0 else { return files + " · ETA …" }
    let mbps = Double(p.bytesDone) / 1e6 / p.elapsed
    let dps = Double(p.dispatches) / p.elapsed
    let eta = fraction < 1 ? "ETA \(Int((p.elapsed * (1 - fraction) / fraction).rounded())) s" : "finishing"
    return files + " · \(String(format: "%.2f", mbps)) MB/s · \(Int(dps)) dispatches/s · \(eta)"
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
    let skippedMB = s.skippedBytes > 0 ? ", \(format(Double(s.skippedBytes) / 1e6)) MB skipped" : ""
    Terminal.note(
      "indexed \(Self.count(s.dispatches, "dispatch", "dispatches")) from \(Self.count(s.added + s.updated, "file", "files")): added \(s.added), updated \(s.updated), removed \(s.removed), unchanged \(s.unchanged), skipped \(s.skipped.count)\(why) in \(format(s.seconds)) s (\(format(mb)) MB read\(skippedMB))"
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
