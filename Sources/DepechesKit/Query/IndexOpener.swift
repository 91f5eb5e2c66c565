import Foundation

/// How to open indexes for searching.
public struct OpenOptions: Sendable {
  /// Seconds to wait for a remote shard (connecting, then each reply).
  public var timeoutSeconds: Double
  /// Search the shards that answer when some do not (with a warning), instead of failing.
  public var partial: Bool

  /// Seconds a remote shard may be waited for: Xapian takes whole milliseconds (so at least
  /// one), and an hour is longer than any search should wait (Xapian's 32-bit milliseconds
  /// end at 49 days). NaN and infinities are outside.
  public static let timeoutRange: ClosedRange<Double> = 0.001...3_600

  /// Options with the command line's defaults.
  public init(timeoutSeconds: Double = 10, partial: Bool = false) {
    self.timeoutSeconds = timeoutSeconds
    self.partial = partial
  }

  /// Throws `DepechesError.invalidArgument` when the timeout is out of range.
  public func validate() throws {
    guard OpenOptions.timeoutRange.contains(timeoutSeconds) else {
      throw DepechesError.invalidArgument(
        "the timeout must be between \(OpenOptions.timeoutRange.lowerBound) and \(Int(OpenOptions.timeoutRange.upperBound)) seconds, got \(timeoutSeconds)")
    }
  }
}

/// One database a search reads: a local folder, or a `xapian-tcpsrv` server.
enum ShardSpec: Equatable {
  case local(String)
  case remote(host: String, port: Int)

  var name: String {
    switch self {
    case .local(let path): return path
    case .remote(let host, let port): return "remote \(host):\(port)"
    }
  }

  var isRemote: Bool { if case .remote = self { return true } else { return false } }

  /// What tells two shards apart: a local folder by its path with symbolic links, `.` and
  /// `..` resolved (`Index`, `./Index/` and a link to it are one), a server by its address.
  var identity: String {
    switch self {
    case .local(let path):
      guard let resolved = realpath(path, nil) else { return "local " + path }
      defer { free(resolved) }
      return "local " + String(cString: resolved)
    case .remote(let host, let port): return "remote \(host):\(port)"
    }
  }
}

/// Turns index paths (folders, sharded folders, Xapian stub files) into shards and opens them.
enum IndexOpener {
  /// The shards behind a path: a database folder; a folder or file with a Xapian stub
  /// (`auto PATH`, `glass PATH`, `remote :HOST:PORT` lines).
  static func shards(of path: String) throws -> [ShardSpec] {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
      throw DepechesError.indexNotFound(path: path)
    }
    if isDirectory.boolValue {
      if FileManager.default.fileExists(atPath: path + "/iamglass") { return [.local(path)] }
      let stub = path + "/" + IndexLayout.stubName
      guard FileManager.default.fileExists(atPath: stub) else { throw DepechesError.indexNotFound(path: path) }
      return try parseStub(stub)
    }
    return try parseStub(path)
  }

  /// The shards behind every path, each once: a database reached twice (the same `--index`
  /// given twice, or a shard listed by two stubs) is searched once, with a warning, so that
  /// no dispatch is counted twice.
  static func shards(of paths: [String]) throws -> (shards: [ShardSpec], warnings: [String]) {
    var shards: [ShardSpec] = []
    var seen: Set<String> = []
    var warnings: [String] = []
    for path in paths {
      for shard in try IndexOpener.shards(of: path) {
        guard seen.insert(shard.identity).inserted else {
          warnings.append("\(shard.name) is given more than once; it is searched once")
          continue
        }
        shards.append(shard)
      }
    }
    return (shards, warnings)
  }

  /// Parses a Xapian stub file; relative paths are relative to the stub's folder. A file whose
  /// first line is not a stub line is not an index (its text is not quoted back).
  static func parseStub(_ stub: String) throws -> [ShardSpec] {
    guard let text = try? String(contentsOfFile: stub, encoding: .utf8) else {
      throw notAnIndex(stub)
    }
    let parent = (stub as NSString).deletingLastPathComponent
    let folder = parent.isEmpty ? "." : parent
    var specs: [ShardSpec] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      guard let spec = parseLine(line, folder: folder) else {
        throw specs.isEmpty ? notAnIndex(stub) : badLine(stub, number)
      }
      specs.append(spec)
    }
    guard !specs.isEmpty else { throw DepechesError.invalidArgument("\(stub): the stub file lists no database") }
    return specs
  }

  /// One stub line (`auto PATH`, `glass PATH`, `remote :HOST:PORT`), or nil.
  private static func parseLine(_ line: String, folder: String) -> ShardSpec? {
    let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
    guard parts.count == 2 else { return nil }
    switch parts[0] {
    case "auto", "glass", "chert":
      return .local(parts[1].hasPrefix("/") ? parts[1] : folder + "/" + parts[1])
    case "remote":
      return parseRemote(parts[1])
    default:
      return nil
    }
  }

  private static func notAnIndex(_ path: String) -> DepechesError {
    .invalidArgument("\(path) is not an index: neither a database folder nor a Xapian stub file (`auto PATH`, `remote :HOST:PORT` lines)")
  }

  private static func parseRemote(_ address: String) -> ShardSpec? {
    // ":HOST:PORT" (Xapian's TCP form), also accepted without the leading colon.
    let trimmed = address.hasPrefix(":") ? String(address.dropFirst()) : address
    guard let colon = trimmed.lastIndex(of: ":"), let port = Int(trimmed[trimmed.index(after: colon)...]),
      (1...65535).contains(port)
    else { return nil }
    let host = String(trimmed[..<colon])
    return .remote(host: host.isEmpty ? "127.0.0.1" : host, port: port)
  }

  private static func badLine(_ stub: String, _ number: Int) -> DepechesError {
    .invalidArgument("\(stub) line \(number + 1): expected `auto PATH` or `remote :HOST:PORT`")
  }

  /// Opens one shard into db.
  static func add(_ shard: ShardSpec, to db: XapianDatabase, options: OpenOptions) throws {
    do {
      switch shard {
      case .local(let path):
        guard IndexLocation.holdsDatabase(path) else { throw DepechesError.indexNotFound(path: path) }
        try db.addLocal(path: path)
      case .remote(let host, let port):
        try db.addRemote(host: host, port: port, timeoutMilliseconds: Int(options.timeoutSeconds * 1000))
      }
    } catch DepechesError.xapian(let kind, let message) {
      switch kind {
      case .opening: throw DepechesError.indexNotFound(path: shard.name)
      case .network: throw DepechesError.shardUnavailable(shard: shard.name, message: message)
      default: throw DepechesError.xapian(kind: kind, message: "\(shard.name): \(message)")
      }
    }
  }
}
