import Foundation

/// How to open indexes for searching.
public struct OpenOptions: Sendable {
  /// Seconds to wait for a remote shard (connecting, then each reply).
  public var timeoutSeconds: Double
  /// Search the shards that answer when some do not (with a warning), instead of failing.
  public var partial: Bool

  /// Options with the command line's defaults.
  public init(timeoutSeconds: Double = 10, partial: Bool = false) {
    self.timeoutSeconds = timeoutSeconds
    self.partial = partial
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

  /// Parses a Xapian stub file; relative paths are relative to the stub's folder.
  static func parseStub(_ stub: String) throws -> [ShardSpec] {
    guard let text = try? String(contentsOfFile: stub, encoding: .utf8) else {
      throw DepechesError.indexNotFound(path: stub)
    }
    let folder = (stub as NSString).deletingLastPathComponent
    var specs: [ShardSpec] = []
    for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = raw.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
      guard parts.count == 2 else { throw badLine(stub, number, line) }
      switch parts[0] {
      case "auto", "glass", "chert":
        let target = parts[1].hasPrefix("/") ? parts[1] : folder + "/" + parts[1]
        specs.append(.local(target))
      case "remote":
        guard let remote = parseRemote(parts[1]) else { throw badLine(stub, number, line) }
        specs.append(remote)
      default:
        throw badLine(stub, number, line)
      }
    }
    guard !specs.isEmpty else { throw DepechesError.invalidArgument("\(stub): the stub file lists no database") }
    return specs
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

  private static func badLine(_ stub: String, _ number: Int, _ line: String) -> DepechesError {
    .invalidArgument("\(stub) line \(number + 1): expected `auto PATH` or `remote :HOST:PORT`, got \"\(line)\"")
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
