/// Every failure the engine reports, with a message a user can act on.
public enum DepechesError: Error, CustomStringConvertible, Equatable, Sendable {
  /// No database where one was expected.
  case indexNotFound(path: String)
  /// Another writer holds the database lock.
  case indexLocked(path: String)
  /// The database could not be written (disk full, read-only folder, ...).
  case indexWriteFailed(path: String, message: String)
  /// A remote shard is down, refused the connection or timed out.
  case shardUnavailable(shard: String, message: String)
  /// The query text or its options make no sense.
  case invalidQuery(String)
  /// A bad argument given by the caller (a date, a number, a file).
  case invalidArgument(String)
  /// A file could not be read.
  case unreadableFile(path: String, reason: String)
  /// The indexing was interrupted (SIGINT) after committing what was done.
  case interrupted
  /// Any other failure of the Xapian library.
  case xapian(kind: XapianErrorKind, message: String)
  /// A saved search that does not exist, exists already, or whose file cannot be read.
  case watchFailed(String)

  /// A one-line, lower-case message for stderr.
  public var description: String {
    switch self {
    case .indexNotFound(let path):
      return "no index at \(path) — run `depeches index <folder> --index \(path)` first"
    case .indexLocked(let path):
      return "the index at \(path) is locked by another `depeches index` run; try again when it has finished"
    case .indexWriteFailed(let path, let message):
      return "cannot write the index at \(path): \(message)"
    case .shardUnavailable(let shard, let message):
      return "shard \(shard) is unavailable: \(message)"
    case .invalidQuery(let message):
      return "invalid query: \(message)"
    case .invalidArgument(let message):
      return message
    case .unreadableFile(let path, let reason):
      return "cannot read \(path): \(reason)"
    case .interrupted:
      return "interrupted; the work done so far is committed"
    case .xapian(let kind, let message):
      return "\(kind.rawValue): \(message)"
    case .watchFailed(let message):
      return message
    }
  }
}

/// The kinds of failure the Xapian shim distinguishes (mirrors `cx_status`).
public enum XapianErrorKind: String, Sendable {
  case opening = "cannot open database"
  case lock = "database locked"
  case modified = "database modified during the read"
  case corrupt = "database corrupt"
  case network = "network error"
  case query = "query error"
  case invalidArgument = "invalid argument"
  case database = "database error"
  case notFound = "document not found"
  case xapian = "xapian error"
  case std = "internal error"
  case unknown = "unknown error"
  case unsupported = "not supported"
  case diskFull = "disk full"
}
