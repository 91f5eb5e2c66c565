/// Keeps a run's summary and progress and tells the caller about each file, on the thread
/// that calls `record` (the indexer's calling thread).
final class Ledger {
  /// What the run did so far.
  var summary = IndexSummary()
  private var progress: IndexProgress
  /// Called with every file that was not unchanged.
  let onFile: (FileReport) -> Void
  private let onProgress: (IndexProgress) -> Void
  private let elapsed: () -> Double

  init(
    files: Int, unchanged: Int, bytesToRead: Int, onFile: @escaping (FileReport) -> Void,
    onProgress: @escaping (IndexProgress) -> Void, elapsed: @escaping () -> Double
  ) {
    summary.files = files
    summary.unchanged = unchanged
    progress = IndexProgress(
      filesDone: unchanged, filesTotal: files, bytesDone: 0, bytesTotal: bytesToRead, dispatches: 0, elapsed: 0)
    self.onFile = onFile
    self.onProgress = onProgress
    self.elapsed = elapsed
  }

  /// Records the entries the walk left out (pipes, links, unreadable folders…) as skipped.
  func recordListed(_ skipped: [FileReport]) {
    summary.skipped += skipped
    skipped.forEach(onFile)
  }

  /// Records one written file's report.
  func record(_ file: FoundFile, _ report: FileReport) {
    switch report.outcome {
    case .added(let n): summary.added += 1; summary.dispatches += n
    case .updated(let n): summary.updated += 1; summary.dispatches += n
    case .unchanged: summary.unchanged += 1
    case .removed: summary.removed += 1
    case .skipped: summary.skipped.append(report)
    }
    summary.warnings += report.warnings.count
    if case .skipped = report.outcome { summary.skippedBytes += file.size } else { summary.bytesRead += file.size }
    if report.outcome != .unchanged || !report.warnings.isEmpty { onFile(report) }
    progress.filesDone += 1
    progress.bytesDone += file.size
    progress.dispatches = summary.dispatches
    progress.elapsed = elapsed()
    onProgress(progress)
  }
}
