import Foundation

/// One `depeches index` run as the dispatches it writes remember it: a sequence number and the
/// time it started, written on every dispatch the run adds or changes (`Schema.runSlot`,
/// `Schema.indexedSlot`); a file whose bytes did not change keeps the values it had.
///
/// A run takes the number after the highest completed one over the shards, and records itself
/// completed (`Schema.runCompletedKey`) in each shard's last commit, after every one of its
/// dispatches is committed there (after the merge, for a first run written in parallel parts).
/// So a reader that sees "completed = N" will never later see a new dispatch numbered N or
/// less: `watch run` shows the numbers in (recorded, completed] and records `completed`, and
/// what a run in progress (or killed) has committed is shown once a later run completes.
struct IndexRun: Sendable, Equatable {
  /// The run's sequence number (1 for an index's first run).
  var sequence: Int
  /// When it started, `IndexRun.timeText`.
  var time: String

  /// The run after the highest completed sequence among `completed` (one per shard).
  static func next(after completed: [Int], startedAt date: Date = Date()) -> IndexRun {
    IndexRun(sequence: (completed.max() ?? 0) + 1, time: timeText(date))
  }

  /// The completed sequence a metadata value records (0 when absent or unreadable).
  static func completed(fromMetadata text: String) -> Int { Int(text) ?? 0 }

  /// A time as "YYYY-MM-DDTHH:MM:SSZ" (UTC, RFC 3339: what Atom's `updated` takes).
  static func timeText(_ date: Date) -> String {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    gmtime_r(&seconds, &parts)
    return String(
      format: "%04d-%02d-%02dT%02d:%02d:%02dZ", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
  }
}

extension BatchWriter {
  /// The sequence of the last run this database recorded as completed (0 for none).
  func completedRun() throws -> Int {
    IndexRun.completed(fromMetadata: try metadata(Schema.runCompletedKey))
  }

  /// Records `run` as completed, in the next commit (the run's last).
  func recordCompleted(_ run: IndexRun) throws {
    try setMetadata(Schema.runCompletedKey, String(run.sequence))
  }
}

extension IndexRun {
  /// Records the run completed in the database at `path` in a commit of its own: after a
  /// first run's parts were merged into the index (the merge swapped a new folder in, whose
  /// write lock this takes; the index's old folder is the one the run's writers hold).
  static func recordCompleted(_ run: IndexRun, inIndexAt path: String) throws {
    let writer = BatchWriter(db: try IndexLocation.openForWriting(path), indexPath: path, batchSize: 1)
    try writer.guarded {
      try writer.recordCompleted(run)
      try writer.commit()
    }
  }
}
