import Foundation

/// Whether a database may be written into. Xapian's writer can crash on a damaged database
/// (heap corruption in its commit, a bad pointer in a termlist walk) where its reader reports
/// the same damage as a clean "database corrupt" error, so no writer is let loose on a
/// database that may be damaged: a crash must never be the user's first sign.
///
/// A writer that ends cleanly (no call failed, nothing left uncommitted; see `XapianWritable`)
/// leaves a mark in the database folder, `Schema.cleanMarkName`, holding the size and
/// modification time of each of Xapian's files there as it left them; opening for writing
/// removes it. The next writer finds the files as the mark says (the cheap probe: one `stat`
/// per table, no read), or first checks the tables with Xapian's `Database::check`: after a
/// killed or failed run, after the files changed behind depeches' back (truncated,
/// overwritten, half copied), and for a database that has no mark yet. Damage that leaves a
/// file's size and time as they were (a bad disk block) is found by the full check only,
/// which `depeches index --check` runs first, whatever the mark says.
enum IndexHealth {
  /// The glass tables a writer reads back while it updates them (values and metadata live in
  /// the postlist): the ones checked after a run that did not end cleanly.
  static let tablesAtRisk = ["postlist", "termlist", "docdata", "position", "spelling", "synonym"]
  /// First line of a mark: names the format, so that a mark of another form counts as none.
  static let markHeader = "depeches clean mark 1"

  /// Checks the database at `path` before a writer changes it, then removes its mark (a run
  /// that ends without a clean close leaves none). The caller holds the database's write lock.
  /// `full` checks the whole folder (every table and their cross-references) whatever the
  /// mark says. Throws `DepechesError.indexWriteFailed`, saying how to rebuild, when the check finds damage.
  static func verifyBeforeWriting(_ path: String, full: Bool) throws {
    if full {
      try refuseIfDamaged(path, checking: [path])
    } else if !isMarkedClean(path) {
      let tables = tablesAtRisk.map { "\(path)/\($0).glass" }.filter { FileManager.default.fileExists(atPath: $0) }
      try refuseIfDamaged(path, checking: tables)
    }
    removeMark(path)
  }

  /// True when the database's files are as its last clean writer left them.
  static func isMarkedClean(_ path: String) -> Bool {
    guard let mark = try? String(contentsOfFile: markPath(path), encoding: .utf8) else { return false }
    return mark == markText(path)
  }

  /// Writes the mark of a clean close (after the writer closed the database: the files no
  /// longer change). A mark that cannot be written only costs the next run a check.
  static func markClean(_ path: String) {
    try? markText(path).write(toFile: markPath(path), atomically: true, encoding: .utf8)
  }

  /// Removes the mark: from now on, until a clean close, the files may change.
  static func removeMark(_ path: String) {
    unlink(markPath(path))
  }

  private static func markPath(_ path: String) -> String { path + "/" + Schema.cleanMarkName }

  /// The mark's text for the files as they are now: a line per Xapian file (the version file
  /// and every table), with its size and modification time to the nanosecond.
  private static func markText(_ path: String) -> String {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
      .filter { $0 == "iamglass" || $0.hasSuffix(".glass") }.sorted()
    var lines = [markHeader]
    for name in names {
      var info = stat()
      guard stat(path + "/" + name, &info) == 0 else { continue }
      lines.append("\(name) \(info.st_size) \(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Runs Xapian's check on each of `targets` (the folder, or table files) and throws at the
  /// first damage found.
  private static func refuseIfDamaged(_ path: String, checking targets: [String]) throws {
    for target in targets {
      let name = target == path ? "the database" : (target as NSString).lastPathComponent
      let detail: String
      do {
        let outcome = try xapianCheck(target)
        guard outcome.problems > 0 else { continue }
        let first = outcome.report.split(separator: "\n").first.map { ": " + $0 } ?? ""
        detail = "Xapian's check found \(outcome.problems) problem\(outcome.problems == 1 ? "" : "s") in \(name)\(first)"
      } catch let error as DepechesError {
        detail = "Xapian's check of \(name) failed: \(error)"
      }
      throw DepechesError.indexWriteFailed(path: path, message: damagedMessage(path, detail + "; nothing was written"))
    }
  }

  /// What to tell the user of a damaged database: what was found, and how to rebuild (the
  /// whole index, for a shard).
  static func damagedMessage(_ path: String, _ detail: String) -> String {
    let name = (path as NSString).lastPathComponent
    let index = name.hasPrefix("shard-") ? (path as NSString).deletingLastPathComponent : path
    return "the index is damaged (\(detail)). Rebuild it: move \(index) away "
      + "(or delete it) and run `depeches index <folder> --index \(index)` again"
  }
}
